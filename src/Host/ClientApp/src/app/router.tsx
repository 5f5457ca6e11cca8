import { Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../shared/components/NotFoundPage';
import { PageLoading } from '../shared/components/PageLoading';
import { featureRoutes, SignInPage } from './features';
import { HomePage } from './layout/HomePage';
import { AppLayout } from './layout/AppLayout';
import { RequireSignIn } from './layout/RequireSignIn';
import { signInPath } from '../shared/returnTo';

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
      { index: true, element: <HomePage /> },
      ...featureRoutes.map(({ path, Component }) => ({ path, element: <Component /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
