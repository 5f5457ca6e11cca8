import { useQuery } from '@tanstack/react-query';
import { api } from './api/client';
import { unwrap } from './api/problems';
import type { components } from './api/schema';

export type CurrentUser = components['schemas']['UserResponse'];

export const currentUserKey = ['auth', 'me'] as const;

/** The signed-in person, or null when nobody is (a 401): also fetched by main.tsx before the first render. */
export const currentUserQuery = {
  queryKey: currentUserKey,
  queryFn: async (): Promise<CurrentUser | null> => {
    const result = await api.GET('/api/auth/me');
    if (result.response.status === 401) return null;
    return unwrap(result);
  },
  staleTime: 5 * 60_000,
};

/** The signed-in person, or null when nobody is (a 401). Every feature reads roles from here. */
export function useCurrentUser() {
  return useQuery(currentUserQuery);
}

/** Whether the person holds any of the roles; no roles listed: everyone signed in. */
export function holdsAnyRole(user: CurrentUser | null | undefined, roles: readonly string[] | undefined): boolean {
  if (!user) return false;
  return !roles || roles.some((role) => user.roles.includes(role));
}
