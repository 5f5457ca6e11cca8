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

/** Changing the password ends every session of the user, this one too: the person signs in again. */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: PasswordChangeRequest) => unwrap(await api.POST('/api/auth/password', { body })),
  });
}
