import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../shared/components/NotFoundPage';
import { PageLoading } from '../shared/components/PageLoading';
import { featureRoutes, SignInPage } from './features';
import { AppLayout } from './layout/AppLayout';
import { RequireSignIn } from './layout/RequireSignIn';
import { signInPath } from '../shared/returnTo';

// Shown only to a person whose menu has no page of this app: loaded then, not with every first page.
const HomePage = lazy(() => import('./layout/HomePage').then((module) => ({ default: module.HomePage })));

export const router = createBrowserRouter([
  {
    path: signInPath,
    element: (
      <Suspense fallback={<PageLoading />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    element: (
      <RequireSignIn>
        <AppLayout />
      </RequireSignIn>
    ),
    children: [
      {
        index: true,
        element: (
          <Suspense fallback={<PageLoading />}>
            <HomePage />
          </Suspense>
        ),
      },
      ...featureRoutes.map(({ path, Component }) => ({ path, element: <Component /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
