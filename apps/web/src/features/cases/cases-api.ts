import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseDetail as CaseDetailSchema, CaseSummary as CaseSummarySchema } from '@netra/contracts';
import { api, type Page } from '../../lib/api.ts';

export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export function useCases(page: number, overdue: boolean) {
  return useQuery({
    queryKey: ['cases', page, overdue],
    queryFn: ({ signal }) => api.get<Page<CaseSummary>>('/cases', { page, pageSize: 50, overdue: overdue ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: ['case', id], queryFn: ({ signal }) => api.get<CaseDetail>(`/cases/${id}`, undefined, signal) });
}

export function useCaseEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { event: Record<string, unknown>; expectedVersion: number }) => api.post<CaseDetail>(`/cases/${id}/events`, input),
    onSuccess: (data) => {
      qc.setQueryData(['case', id], data);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

/** Fields each workflow event asks for (the server validates them again). */
export const EVENT_FIELDS: Record<string, { name: string; kind: 'text' | 'textarea' | 'date' | 'select' | 'checkbox' | 'list'; options?: string[] }[]> = {
  REQUEST_COMPLETION: [{ name: 'missing', kind: 'list' }],
  REGISTER: [{ name: 'caseNumber', kind: 'text' }, { name: 'formal', kind: 'checkbox' }, { name: 'material', kind: 'checkbox' }],
  REJECT: [{ name: 'reason', kind: 'textarea' }],
  WITHDRAW: [{ name: 'reason', kind: 'textarea' }],
  EXTEND_REVIEW: [{ name: 'reason', kind: 'textarea' }],
  RECORD_CLARIFICATION: [
    { name: 'party', kind: 'select', options: ['reporter', 'reported', 'witness'] },
    { name: 'personLabel', kind: 'text' }, { name: 'heldOn', kind: 'date' }, { name: 'statement', kind: 'textarea' },
  ],
  DECIDE: [{ name: 'outcome', kind: 'select', options: ['no_violation', 'election_admin', 'organiser_ethics', 'election_crime', 'other_law'] }, { name: 'reasoning', kind: 'textarea' }],
  FORWARD: [{ name: 'authorityId', kind: 'text' }, { name: 'letterNumber', kind: 'text' }],
  GAKKUMDU_CONCLUDE: [{ name: 'result', kind: 'select', options: ['convicted', 'acquitted', 'stopped'] }, { name: 'note', kind: 'textarea' }],
  RECOMMEND: [{ name: 'actCode', kind: 'text' }, { name: 'sanctionId', kind: 'text' }, { name: 'level', kind: 'select', options: ['moral', 'ringan', 'sedang', 'berat', 'ptdh', 'contract'] }, { name: 'letterNumber', kind: 'text' }],
  AUTHORITY_DISMISS: [{ name: 'reasoning', kind: 'textarea' }],
  PPK_DECIDE: [{ name: 'decreeNumber', kind: 'text' }, { name: 'sanctionId', kind: 'text' }, { name: 'level', kind: 'select', options: ['moral', 'ringan', 'sedang', 'berat', 'ptdh', 'contract', 'none'] }, { name: 'decidedOn', kind: 'date' }],
  ESCALATE: [{ name: 'letterNumber', kind: 'text' }],
  CLOSE: [{ name: 'note', kind: 'textarea' }],
};
