import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/problems';
import type { components, paths } from '../../shared/api/schema';

export type CustomerSummary = components['schemas']['CustomerSummaryView'];
export type CustomerDetails = components['schemas']['CustomerDetailsView'];
export type InstalledProduct = components['schemas']['InstalledProductDetailsView'];
export type CustomerRequest = components['schemas']['NewCustomerRequest'];
export type ProductRequest = components['schemas']['NewInstalledProductRequest'];
export type CustomerQuery = NonNullable<paths['/api/customers']['get']['parameters']['query']>;

const customersKey = ['customers'] as const;
const customerKey = (id: string) => [...customersKey, 'one', id] as const;

export function useCustomers(query: CustomerQuery) {
  return useQuery({
    queryKey: [...customersKey, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/customers', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(customerId: string) {
  return useQuery({
    queryKey: customerKey(customerId),
    queryFn: async () =>
      unwrap(await api.GET('/api/customers/{customerId}', { params: { path: { customerId } } })),
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CustomerRequest) => unwrap(await api.POST('/api/customers', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customersKey }),
  });
}

export function useUpdateCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CustomerRequest) =>
      unwrap(await api.PUT('/api/customers/{customerId}', { params: { path: { customerId } }, body })),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKey(customerId), customer);
      return queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

/** Adds a product (no productId) or edits one; the customer is read again for its next inspections. */
export function useSaveProduct(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ productId, body }: { productId?: string; body: ProductRequest }) =>
      productId
        ? unwrap(await api.PUT('/api/customers/{customerId}/products/{productId}', {
          params: { path: { customerId, productId } }, body,
        }))
        : unwrap(await api.POST('/api/customers/{customerId}/products', { params: { path: { customerId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customersKey }),
  });
}
