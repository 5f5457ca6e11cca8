import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/problems';
import type { components } from '../../shared/api/schema';
import type { FormData } from '../../shared/schemaForm/SchemaForm';
import { taskKeys } from '../../shared/tasks';

type CompleteTaskRequest = components['schemas']['CompleteTaskRequest'];

export function useTask(taskId: string) {
  return useQuery({
    queryKey: taskKeys.one(taskId),
    queryFn: async () => unwrap(await api.GET('/api/tasks/{taskId}', { params: { path: { taskId } } })),
  });
}

export const caseKey = (caseId: string) => ['cases', 'one', caseId] as const;

/** The task's case, for the summary on top of the task. */
export function useCase(caseId: string | null | undefined) {
  return useQuery({
    queryKey: caseKey(caseId ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/cases/{caseId}', { params: { path: { caseId: caseId! } } })),
    enabled: !!caseId,
  });
}

/** A form's JSON Schema; forms change only with a new server build. */
export function useFormSchema(name: string | null | undefined) {
  return useQuery({
    queryKey: ['forms', name],
    queryFn: async () => unwrap(await api.GET('/api/forms/{name}', { params: { path: { name: name! } } })) as unknown,
    enabled: !!name,
    staleTime: Infinity,
  });
}

export interface Completion {
  outcome: string;
  /** The form data; for a task without a form, what else the outcome needs (a `reason`). */
  form?: FormData;
}

/** Completes the task with an outcome, which moves its workflow on; the inbox and the case refresh either way. */
export function useCompleteTask(taskId: string, caseId: string | null | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ outcome, form }: Completion) => {
      // The generated type of free JSON is an empty record: the schema, not TypeScript, describes a form's fields.
      const body: CompleteTaskRequest = { outcome, form: form as CompleteTaskRequest['form'] };
      return unwrap(await api.POST('/api/tasks/{taskId}/complete', { params: { path: { taskId } }, body }));
    },
    // Not awaited: the page moves on at once (to the inbox) while the lists refresh behind it.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      if (caseId) void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
    },
  });
}
