import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/problems';
import type { components, paths } from '../../shared/api/schema';

export type FollowUp = components['schemas']['FollowUpListItemView'];
export type FollowUpQuery = NonNullable<paths['/api/follow-ups']['get']['parameters']['query']>;

const followUpsKey = ['follow-ups'] as const;

/** The server answers the 500 due first; status and owner it filters itself. */
export function useFollowUps(query: FollowUpQuery) {
  return useQuery({
    queryKey: [...followUpsKey, query],
    queryFn: async () => unwrap(await api.GET('/api/follow-ups', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Marks it done; the server answers the next one it planned (or this one when none follows) and may refuse with 403. */
export function useMarkDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: FollowUp['id']) =>
      unwrap(await api.POST('/api/follow-ups/{id}/done', { params: { path: { id: Number(id) } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: followUpsKey }),
  });
}
