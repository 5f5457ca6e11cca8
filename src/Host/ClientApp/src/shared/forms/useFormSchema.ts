import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problems';
import type { FieldSchema } from './schemaFields';

/** A form's JSON Schema from `/api/forms/{name}`; schemas change only with a release, so it is kept for the session. */
export function useFormSchema(name: string) {
  return useQuery({
    queryKey: ['forms', name],
    queryFn: async () => unwrap(await api.GET('/api/forms/{name}', { params: { path: { name } } })) as FieldSchema,
    staleTime: Infinity,
  });
}
