import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/problems';
import { taskKeys } from '../../shared/tasks';

export interface InboxFilter {
  role?: string;
  page: number;
  pageSize: number;
}

/** The open tasks, oldest due first, one page at a time; refreshed when the window regains focus and after writes. */
export function useInbox(filter: InboxFilter) {
  // `mine=true`: the open and claimed tasks of the caller's roles and those assigned to them; the role filter narrows it.
  const role = filter.role;
  return useQuery({
    queryKey: taskKeys.inbox({ ...filter, role }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/tasks', {
          params: { query: { mine: true, role, page: filter.page, pageSize: filter.pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: 'always',
  });
}
