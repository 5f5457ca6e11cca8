import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The feature areas inside the signed-in layout, each loaded when first visited. A feature's `routes.tsx` default-exports
 * a component with its own `<Routes>`; a new feature adds one line here (and its menu entries in navigation.ts).
 */
export interface FeatureRoute {
  /** Under the layout, ending in `/*`: the feature routes the rest itself. */
  path: string;
  Component: LazyExoticComponent<ComponentType>;
  /** Starts loading the feature's chunk (the browser fetches a module once, so Component then renders at once). */
  load: () => Promise<unknown>;
}

type RoutesModule = Promise<{ default: ComponentType }>;

function feature(path: string, load: () => RoutesModule): FeatureRoute {
  return { path, Component: lazy(load), load };
}

export const featureRoutes: readonly FeatureRoute[] = [
  feature('account/*', () => import('../features/auth/routes')),
  feature('inbox/*', () => import('../features/inbox/routes')),
  feature('tasks/*', () => import('../features/tasks/routes')),
  feature('cases/*', () => import('../features/cases/routes')),
  feature('follow-ups/*', () => import('../features/followups/routes')),
  feature('customers/*', () => import('../features/customers/routes')),
  feature('users/*', () => import('../features/users/routes')),
];

/**
 * Starts loading the chunk of the feature that serves <paramref name="pathname"/>, beside the session check and the
 * texts rather than after them (bench/inbox-browser.sh: the page was a chain of waits).
 */
export function preloadFeatureFor(pathname: string) {
  const first = pathname.split('/')[1];
  void featureRoutes.find((route) => route.path === `${first}/*`)?.load().catch(() => undefined);
}

/** The sign-in page, outside the layout. */
export const SignInPage = lazy(() => import('../features/auth/components/SignInPage'));
