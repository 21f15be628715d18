import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Employee, GrantInput as GrantInputSchema, User, UserCreateInput } from '@netra/contracts';
import { api, type Page } from '../../lib/api.ts';

export type GrantInput = z.infer<typeof GrantInputSchema>;

const usersKey = ['users'] as const;

/** One page of the accounts the signed-in manager administers, searched by username or name. */
export function useUsers(q: { q: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...usersKey, q],
    queryFn: ({ signal }) => api.get<{ items: User[]; page: number; pageSize: number; total: number }>('/users', { q: q.q || undefined, page: q.page, pageSize: q.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every user change answers with fresh data, so the list is simply reloaded. */
function useUserMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export const useCreateUser = () => useUserMutation((input: UserCreateInput) => api.post<User>('/users', input));

export const useAddGrant = () =>
  useUserMutation((input: { userId: string; grant: GrantInput }) =>
    api.post<unknown>(`/users/${input.userId}/grants`, input.grant),
  );

export const useRemoveGrant = () =>
  useUserMutation((input: { userId: string; grantId: string }) =>
    api.delete<unknown>(`/users/${input.userId}/grants/${input.grantId}`),
  );

export const useUnlockUser = () => useUserMutation((userId: string) => api.post<unknown>(`/users/${userId}/unlock`));

export const useSetUserActive = () =>
  useUserMutation((input: { userId: string; active: boolean }) =>
    api.patch<unknown>(`/users/${input.userId}`, { active: input.active }),
  );

/** The contacts notices go to; null clears one. */
export const useUpdateContacts = () =>
  useUserMutation((input: { userId: string; email: string | null; phone: string | null }) =>
    api.patch<unknown>(`/users/${input.userId}`, { email: input.email, phone: input.phone }),
  );

export const useResetPassword = () =>
  useUserMutation((input: { userId: string; password: string }) =>
    api.post<unknown>(`/users/${input.userId}/password`, { password: input.password }),
  );

export const useResetTotp = () => useUserMutation((userId: string) => api.delete<unknown>(`/users/${userId}/totp`));

/** Active employees in the registry the signed-in manager can read, by name or NIP (for linking an account to its employee). */
export function useEmployeeSearch(q: string) {
  return useQuery({
    queryKey: ['employees', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<Employee>>('/employees', { q, active: 'true', pageSize: 20 }, signal),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}
