import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api/problems';
import { setUnauthorizedListener } from '../shared/api/client';
import { currentUserKey } from '../shared/session';

export function createQueryClient() {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // A refused or invalid request stays refused: retry only what may pass next time (network, 5xx).
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
        refetchOnWindowFocus: true,
      },
    },
  });
  // Any 401 means the session ended: forget the person, and the router sends them to sign in and back (RequireSignIn).
  setUnauthorizedListener(() => client.setQueryData(currentUserKey, null));
  return client;
}
