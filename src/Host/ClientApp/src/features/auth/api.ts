import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/problems';
import type { components } from '../../shared/api/schema';
import { currentUserKey } from '../../shared/session';

type LoginRequest = components['schemas']['LoginRequest'];
type PasswordChangeRequest = components['schemas']['PasswordChangeRequest'];

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginRequest) => unwrap(await api.POST('/api/auth/login', { body })),
    onSuccess: (login) => {
      // Another person may have used this browser: nothing of theirs stays cached.
      queryClient.clear();
      queryClient.setQueryData(currentUserKey, login.user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/auth/logout')),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(currentUserKey, null);
    },
  });
}

/**
 * Changing the password ends the user's other sessions; this one continues, the answer carrying a fresh
 * token and cookie. The current user is refreshed, the person stays signed in.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PasswordChangeRequest) => unwrap(await api.POST('/api/auth/password', { body })),
    onSuccess: async (login) => {
      queryClient.setQueryData(currentUserKey, login.user);
      await queryClient.invalidateQueries({ queryKey: currentUserKey });
    },
  });
}
