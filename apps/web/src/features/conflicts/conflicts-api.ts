import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CandidateImportResult as CandidateImportResultSchema, CandidateLists as CandidateListsSchema, ConflictDecided as ConflictDecidedSchema, ConflictRegister as ConflictRegisterSchema,
  MatchResult as MatchResultSchema, Relative as RelativeSchema, RelativeWithdrawn as RelativeWithdrawnSchema,
} from '@netra/contracts';
import { api, uploadFile } from '../../lib/api.ts';

export type ConflictRegister = z.infer<typeof ConflictRegisterSchema>;
export type ConflictEntry = ConflictRegister['items'][number];
export type Relative = z.infer<typeof RelativeSchema>;
export type CandidateLists = z.infer<typeof CandidateListsSchema>;
export type CandidateImportResult = z.infer<typeof CandidateImportResultSchema>;
export type MatchResult = z.infer<typeof MatchResultSchema>;
type ConflictDecided = z.infer<typeof ConflictDecidedSchema>;

/** One page of the register; the summary counts the whole register (the server counts it). */
export function useConflicts(q: { electionId: string; agencyId: string; status: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['conflicts', q],
    queryFn: ({ signal }) => api.get<ConflictRegister>('/conflicts', {
      electionId: q.electionId || undefined, agencyId: q.agencyId || undefined, status: q.status || undefined, page: q.page, pageSize: q.pageSize,
    }, signal),
    enabled: Boolean(q.electionId),
    placeholderData: keepPreviousData,
  });
}

export function useRunMatcher() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { agencyId: string; electionId: string }) => api.post<MatchResult>('/conflicts/match', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['conflicts'] }),
  });
}

/** An officer's decision on a suggestion, with the relation as corrected and a note (both optional). */
export function useDecideConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'confirm' | 'dismiss'; relation?: ConflictEntry['relation']; note?: string }) => api.post<ConflictDecided>(`/conflicts/${id}/decision`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['conflicts'] }),
  });
}

/** Reopens a confirmation or dismissal with the officer's reason: the entry is a suggestion again. */
export function useReopenConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; reason: string }) => api.post<ConflictDecided>(`/conflicts/${input.id}/reopen`, { reason: input.reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['conflicts'] }),
  });
}

export function useRelatives(employeeId: string, enabled: boolean) {
  return useQuery({ queryKey: ['relatives', employeeId], queryFn: ({ signal }) => api.get<{ items: Relative[] }>(`/employees/${employeeId}/relatives`, undefined, signal), enabled });
}

export function useDeclareRelative(employeeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: Relative['kind']; name: string }) => api.post<Relative>(`/employees/${employeeId}/relatives`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['relatives', employeeId] }),
  });
}

/** Withdraws a declaration; the register loses the undecided suggestions made from it. */
export function useWithdrawRelative(employeeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (relativeId: string) => api.delete<z.infer<typeof RelativeWithdrawnSchema>>(`/employees/${employeeId}/relatives/${relativeId}`),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['relatives', employeeId] }), qc.invalidateQueries({ queryKey: ['conflicts'] })]),
  });
}

/** Candidates loaded per election for an agency (what the matcher reads), and whether the caller may import a list or match. */
export function useCandidateLists(agencyId: string) {
  return useQuery({
    queryKey: ['conflict-candidate-lists', agencyId],
    queryFn: ({ signal }) => api.get<CandidateLists>('/conflicts/candidate-lists', { agencyId }, signal),
    enabled: Boolean(agencyId),
  });
}

/** Imports a KPU list (DCT of legislative candidates, or candidate pairs) for an election. */
export function useImportCandidates() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { electionId: string; kind: 'legislative' | 'pair'; file: File; skipInvalid: boolean; dryRun: boolean }) =>
      uploadFile<CandidateImportResult>(`/elections/${encodeURIComponent(input.electionId)}/candidate-imports`, input.file, {
        query: { kind: input.kind, skipInvalid: input.skipInvalid, dryRun: input.dryRun },
      }),
    onSuccess: (result) => (result.status === 'succeeded' ? qc.invalidateQueries({ queryKey: ['conflict-candidate-lists'] }) : undefined),
  });
}
