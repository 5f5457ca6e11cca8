import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/problems';
import type { components, paths } from '../../shared/api/schema';

export type User = components['schemas']['UserView'];
export type RoleInfo = components['schemas']['RoleView'];
export type NewUser = components['schemas']['NewUserRequest'];
export type UserQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;

const usersKey = ['users'] as const;

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: async () => unwrap(await api.GET('/api/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Every role with its Chinese and English name; they change only with a new Host. */
export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: async () => unwrap(await api.GET('/api/roles')),
    staleTime: Infinity,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewUser) => unwrap(await api.POST('/api/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useSetRoles(userName: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (roles: string[]) =>
      unwrap(await api.PUT('/api/users/{userName}/roles', { params: { path: { userName } }, body: { roles } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword(userName: string) {
  return useMutation({
    mutationFn: async (password: string) =>
      unwrap(await api.POST('/api/users/{userName}/password', { params: { path: { userName } }, body: { password } })),
  });
}

export type AccountAction = 'disable' | 'enable' | 'unlock';

/** Disables (the user's sessions end at once), enables, or lifts a sign-in lock. */
export function useAccountAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userName, action }: { userName: string; action: AccountAction }) => {
      const params = { params: { path: { userName } } };
      if (action === 'disable') return unwrap(await api.POST('/api/users/{userName}/disable', params));
      if (action === 'enable') return unwrap(await api.POST('/api/users/{userName}/enable', params));
      return unwrap(await api.POST('/api/users/{userName}/unlock', params));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
