import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/problems';
import type { components, paths } from '../../shared/api/schema';

export type CaseView = components['schemas']['CaseView'];
export type CaseDetails = components['schemas']['CaseDetails'];
export type OpenCaseRequest = components['schemas']['OpenCaseRequest'];
export type NewCostRequest = components['schemas']['NewCostRequest'];
export type CaseListQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;

const casesKey = ['cases'] as const;

/** One page of the case list; the previous page stays on screen while the next one loads. */
export function useCaseList(query: CaseListQuery) {
  return useQuery({
    queryKey: [...casesKey, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCase(caseId: string) {
  return useQuery({
    queryKey: [...casesKey, 'one', caseId],
    queryFn: async () => unwrap(await api.GET('/api/cases/{caseId}', { params: { path: { caseId } } })),
  });
}

/**
 * Opens a case. The caller passes the request's `Idempotency-Key`: the same key for the same body (a double click or a
 * retry after a lost answer) answers the case the first request opened instead of opening a second one.
 */
export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: OpenCaseRequest; key: string }) =>
      unwrap(await api.POST('/api/cases', { body, params: { header: { 'Idempotency-Key': key } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...casesKey, 'list'] }),
  });
}

export function useAddCost(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewCostRequest) =>
      unwrap(await api.POST('/api/cases/{caseId}/costs', { body, params: { path: { caseId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...casesKey, 'one', caseId] }),
  });
}
