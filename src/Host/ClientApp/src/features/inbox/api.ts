import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/problems';
import { taskKeys } from '../../shared/tasks';
import type { InboxFilter } from './filter';

export type { InboxFilter } from './filter';

/** The open tasks, oldest due first, one page at a time; refreshed when the window regains focus and after writes. */
export function useInbox(filter: InboxFilter) {
  // `mine=true`: the open and claimed tasks of the caller's roles and those assigned to them; the role and process filters narrow it.
  const { role, kind } = filter;
  return useQuery({
    queryKey: taskKeys.inbox({ ...filter, role, kind }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/tasks', {
          params: { query: { mine: true, role, kind, page: filter.page, pageSize: filter.pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: 'always',
  });
}
