import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The feature areas inside the signed-in layout, each loaded when first visited. A feature's `routes.tsx` default-exports
 * a component with its own `<Routes>`; a new feature adds one line here (and its menu entries in navigation.ts).
 */
export interface FeatureRoute {
  /** Under the layout, ending in `/*`: the feature routes the rest itself. */
  path: string;
  Component: LazyExoticComponent<ComponentType>;
}

export const featureRoutes: readonly FeatureRoute[] = [
  { path: 'account/*', Component: lazy(() => import('../features/auth/routes')) },
  { path: 'inbox/*', Component: lazy(() => import('../features/inbox/routes')) },
  { path: 'tasks/*', Component: lazy(() => import('../features/tasks/routes')) },
  { path: 'cases/*', Component: lazy(() => import('../features/cases/routes')) },
  { path: 'follow-ups/*', Component: lazy(() => import('../features/followups/routes')) },
  { path: 'customers/*', Component: lazy(() => import('../features/customers/routes')) },
  { path: 'users/*', Component: lazy(() => import('../features/users/routes')) },
];

/** The sign-in page, outside the layout. */
export const SignInPage = lazy(() => import('../features/auth/components/SignInPage'));
