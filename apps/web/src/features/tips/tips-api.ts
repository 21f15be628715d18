import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Tip as TipSchema } from '@netra/contracts';
import { api, type Page } from '../../lib/api.ts';
import type { TipStatus } from './tip-status.tsx';

export type Tip = z.infer<typeof TipSchema>;

export interface TipFilters {
  status?: TipStatus;
  regionCode?: string;
  page: number;
  pageSize: number;
}

export function useTips(filters: TipFilters) {
  return useQuery({
    queryKey: ['tips', 'list', filters],
    queryFn: ({ signal }) => api.get<Page<Tip>>('/tips', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTip(id: string | undefined) {
  return useQuery({
    queryKey: ['tips', 'detail', id],
    queryFn: ({ signal }) => api.get<Tip>(`/tips/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** A change to one tip: the answer is the updated tip, and the inbox is stale. */
function useTipChange<Input>(id: string, send: (input: Input) => Promise<Tip>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (tip) => {
      queryClient.setQueryData(['tips', 'detail', id], tip);
      await queryClient.invalidateQueries({ queryKey: ['tips', 'list'] });
    },
  });
}

/** Asks the anonymous reporter a question; the tip moves to needs_info. */
export const useAskReporter = (id: string) =>
  useTipChange(id, (body: string) => api.post<Tip>(`/tips/${id}/questions`, { body }));

export const useSetTipStatus = (id: string) =>
  useTipChange(id, (input: { status: 'in_review' | 'closed'; note?: string }) =>
    api.post<Tip>(`/tips/${id}/status`, input),
  );
