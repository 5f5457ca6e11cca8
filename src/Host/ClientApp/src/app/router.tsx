import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../shared/components/NotFoundPage';
import { PageLoading } from '../shared/components/PageLoading';
import { featureRoutes, SignInPage } from './features';
import { AppLayout } from './layout/AppLayout';
import { RequireSignIn } from './layout/RequireSignIn';
import { useVisibleNavigation } from './layout/useVisibleNavigation';
import { signInPath } from '../shared/returnTo';

// Shown only to a person whose menu has no page of this app: loaded then, not with every first page.
const HomePage = lazy(() => import('./layout/HomePage').then((module) => ({ default: module.HomePage })));

/**
 * `/`: straight on to the person's first page in the menu, in the same render. Waiting for a lazily loaded page to
 * redirect let a click made meanwhile (on the menu) be overridden by the redirect that came after it.
 */
function Home() {
  const first = useVisibleNavigation().find((entry) => !entry.external);
  if (first) return <Navigate to={first.path} replace />;
  return (
    <Suspense fallback={<PageLoading />}>
      <HomePage />
    </Suspense>
  );
}

/**
 * The app's routes, declared as elements under a `<BrowserRouter>` (App.tsx): the app loads its data with TanStack
 * Query, not with route loaders, and react-router's data router (createBrowserRouter) would add about 10 KB gzipped to
 * every first page (bench/web-bundle.sh).
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path={signInPath}
        element={
          <Suspense fallback={<PageLoading />}>
            <SignInPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSignIn>
            <AppLayout />
          </RequireSignIn>
        }
      >
        <Route index element={<Home />} />
        {featureRoutes.map(({ path, Component }) => (
          <Route key={path} path={path} element={<Component />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
