import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './api/client';
import { unwrap } from './api/problems';

/** Every task query's key starts here, so a write anywhere refreshes the inbox and the task page alike. */
export const taskKeys = {
  all: ['tasks'] as const,
  inbox: (filter: Record<string, unknown>) => ['tasks', 'inbox', filter] as const,
  one: (taskId: string) => ['tasks', 'one', taskId] as const,
};

/** Takes a task for the signed-in person (the inbox and the task page both offer it). */
export function useClaimTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (taskId: string) =>
      unwrap(await api.POST('/api/tasks/{taskId}/claim', { params: { path: { taskId } }, body: {} })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

/** Gives a claimed task back to its role's inbox (its claimer, or an aftersales_manager or admin for anyone's). */
export function useReleaseTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (taskId: string) =>
      unwrap(await api.POST('/api/tasks/{taskId}/release', { params: { path: { taskId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

/** What a page tells the inbox to show when it sends the person back there (router state). */
export interface InboxNotice {
  notice: string;
}
