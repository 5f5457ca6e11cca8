import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/problems';
import { useCurrentUser } from '../../shared/session';
import { taskKeys } from '../../shared/tasks';

export interface InboxFilter {
  role?: string;
  page: number;
  pageSize: number;
}

/** The open tasks, oldest due first, one page at a time; refreshed when the window regains focus and after writes. */
export function useInbox(filter: InboxFilter) {
  const { data: user } = useCurrentUser();
  // Until the API narrows the list to the caller's roles (`mine=true`), a person with one role asks for that role's
  // tasks only; a person with several sees every open task and narrows it with the role filter.
  const roles = user?.roles ?? [];
  const role = filter.role ?? (roles.length === 1 ? roles[0] : undefined);
  return useQuery({
    queryKey: taskKeys.inbox({ ...filter, role }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/tasks', {
          params: { query: { status: 'open', role, page: filter.page, pageSize: filter.pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: 'always',
  });
}
