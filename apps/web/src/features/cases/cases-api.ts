import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseDetail as CaseDetailSchema, CaseSummary as CaseSummarySchema, FindingInput as FindingInputSchema, ReportInput as ReportInputSchema } from '@netra/contracts';
import { api, ApiError, uploadFile, type Page } from '../../lib/api.ts';

export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export interface CaseFilters {
  overdue: boolean;
  status: string;
  q: string;
}

export function useCases(page: number, filters: CaseFilters) {
  return useQuery({
    queryKey: ['cases', page, filters],
    queryFn: ({ signal }) =>
      api.get<Page<CaseSummary>>('/cases', { page, pageSize: 50, overdue: filters.overdue ? 'true' : undefined, status: filters.status || undefined, q: filters.q || undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: ['case', id], queryFn: ({ signal }) => api.get<CaseDetail>(`/cases/${id}`, undefined, signal), enabled: !!id });
}

export function useCaseEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { event: Record<string, unknown>; expectedVersion: number }) => api.post<CaseDetail>(`/cases/${id}/events`, input),
    onSuccess: (data) => {
      qc.setQueryData(['case', id], data);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
    // someone else moved the case: load the current version so the next try acts on what is there
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: ['case', id] });
    },
  });
}

export type FieldKind = 'text' | 'textarea' | 'date' | 'select' | 'checkbox' | 'list' | 'authority' | 'act' | 'sanction' | 'related';
/** Fields each workflow event asks for (the server validates them again). Sanction levels follow the chosen sanction. */
/** Report facts recorded before registration: each left empty stays as it is (the dialog shows the current value). */
const INTAKE_FIELDS: EventField[] = [
  { name: 'incidentOn', kind: 'date', optional: true }, { name: 'knownOn', kind: 'date', optional: true },
  { name: 'incidentPlace', kind: 'text', optional: true }, { name: 'reportedText', kind: 'text', optional: true },
];
export type EventField = { name: string; kind: FieldKind; options?: string[]; optional?: boolean };
export const EVENT_FIELDS: Record<string, EventField[]> = {
  REQUEST_COMPLETION: [{ name: 'missing', kind: 'list' }],
  COMPLETE: INTAKE_FIELDS,
  AMEND_INTAKE: INTAKE_FIELDS,
  REGISTER: [{ name: 'caseNumber', kind: 'text' }, { name: 'formal', kind: 'checkbox' }, { name: 'material', kind: 'checkbox' }],
  REJECT: [{ name: 'reason', kind: 'textarea' }],
  WITHDRAW: [{ name: 'reason', kind: 'textarea' }],
  MERGE: [{ name: 'intoCaseId', kind: 'related' }, { name: 'reason', kind: 'textarea' }],
  EXTEND_REVIEW: [{ name: 'reason', kind: 'textarea' }],
  SUMMON: [{ name: 'party', kind: 'select', options: ['reported', 'reporter', 'witness'] }, { name: 'personLabel', kind: 'text' }, { name: 'scheduledOn', kind: 'date' }, { name: 'place', kind: 'text' }],
  RECORD_CLARIFICATION: [
    { name: 'party', kind: 'select', options: ['reported', 'reporter', 'witness'] },
    { name: 'personLabel', kind: 'text' }, { name: 'heldOn', kind: 'date' }, { name: 'statement', kind: 'textarea' },
  ],
  DECIDE: [{ name: 'outcome', kind: 'select', options: ['other_law', 'no_violation', 'election_admin', 'organiser_ethics', 'election_crime'] }, { name: 'reasoning', kind: 'textarea' }],
  FORWARD: [{ name: 'authorityId', kind: 'authority' }, { name: 'letterNumber', kind: 'text' }],
  FORWARD_TO_PPK: [{ name: 'actCode', kind: 'act' }, { name: 'sanctionId', kind: 'sanction' }, { name: 'letterNumber', kind: 'text' }],
  GAKKUMDU_INVESTIGATE: [{ name: 'handedOverOn', kind: 'date' }],
  GAKKUMDU_PROSECUTE: [{ name: 'handedOverOn', kind: 'date' }],
  GAKKUMDU_TRIAL: [{ name: 'handedOverOn', kind: 'date' }],
  GAKKUMDU_RETURN_FILE: [{ name: 'returnedOn', kind: 'date' }],
  GAKKUMDU_JUDGMENT: [{ name: 'result', kind: 'select', options: ['convicted', 'acquitted'] }, { name: 'judgedOn', kind: 'date' }],
  GAKKUMDU_APPEAL: [{ name: 'filedOn', kind: 'date' }],
  GAKKUMDU_CONCLUDE: [{ name: 'result', kind: 'select', options: ['convicted', 'acquitted', 'stopped'] }, { name: 'note', kind: 'textarea' }],
  RECOMMEND: [{ name: 'actCode', kind: 'act' }, { name: 'sanctionId', kind: 'sanction' }, { name: 'letterNumber', kind: 'text' }],
  AUTHORITY_DISMISS: [{ name: 'reasoning', kind: 'textarea' }],
  PPK_DECIDE: [{ name: 'decreeNumber', kind: 'text' }, { name: 'sanctionId', kind: 'sanction' }, { name: 'decidedOn', kind: 'date' }],
  ESCALATE: [{ name: 'letterNumber', kind: 'text' }],
  CLOSE: [{ name: 'note', kind: 'textarea' }],
};

export interface SanctionChoice {
  id: string;
  name: { id: string; en: string };
  level: string;
  source: string;
  unconfirmed: boolean;
}

/** The catalogue's sanctions for an act, actor type and incident date (static legal data). */
export function useSanctions(act: string | null, actorType: string | null, date: string) {
  return useQuery({
    queryKey: ['catalogue', 'sanctions', act, actorType, date],
    queryFn: ({ signal }) => api.get<{ items: SanctionChoice[] }>('/catalogue/sanctions', { act, actorType, date }, signal),
    enabled: Boolean(act && actorType),
    staleTime: Infinity,
  });
}

export interface RelatedCase {
  id: string;
  title: string;
  status: string;
  caseNumber: string | null;
  incidentOn: string | null;
  likelyDuplicate: boolean;
  reasons: string[];
}

/** The same person's other cases and likely duplicates (the merge target is chosen among them). */
export function useRelatedCases(caseId: string, enabled: boolean) {
  return useQuery({ queryKey: ['case-related', caseId], queryFn: ({ signal }) => api.get<{ items: RelatedCase[] }>(`/cases/${caseId}/related`, undefined, signal), enabled });
}

export interface Handler {
  id: string;
  username: string;
  displayName: string;
  regionCode: string | null;
  openCases: number;
}

export function useHandlers(enabled: boolean) {
  return useQuery({ queryKey: ['case-handlers'], queryFn: ({ signal }) => api.get<{ items: Handler[] }>('/cases/handlers', undefined, signal), enabled });
}

export function useReassign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { fromUserId: string; toUserId: string }) => api.post<{ moved: number }>('/cases/handlers/reassign', input),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['case-handlers'] }), qc.invalidateQueries({ queryKey: ['cases'] })]),
  });
}

export type IntakeInput = z.infer<typeof FindingInputSchema> | z.infer<typeof ReportInputSchema>;

/** A supervisor's finding or a formal report entered at the desk (the reporter's identity is sealed by the server). */
export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: 'finding' | 'report'; body: IntakeInput }) => api.post<CaseDetail>(input.kind === 'report' ? '/cases/reports' : '/cases/findings', input.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/*
 * Evidence, custody and registry suggestions. @netra/contracts does not export these shapes yet (the API declares them
 * in custody.routes.ts and cases.routes.ts), so they are mirrored here until they move to the contracts package.
 */
export interface EvidenceItem {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  shareableSha256: string | null;
  /** What the copy link gives: metadata stripped, the original of a format without metadata (text), or no copy at all. */
  copy: 'stripped' | 'original' | 'none';
  /** Time taken, GPS, device…: a plausibility signal, never proof. */
  metadata: Record<string, unknown>;
  /** Outside Bawaslu (the authority, the PPK) metadata and originals are withheld: they can name the reporter. */
  metadataWithheld: boolean;
  originalAvailable: boolean;
  receivedAt: string;
  /** The local date in the case's region (YYYY-MM-DD). */
  receivedOn: string;
  /** 'day': an anonymous upload, kept with its local date only (show no time). */
  receivedAtPrecision: 'day' | 'exact';
  /** Other uploads with the same SHA-256 (possible duplicate report). */
  sameFileElsewhere: number;
}

export interface CustodyEntry {
  action: string;
  actor: string;
  reason: string | null;
  at: string;
  atPrecision: 'day' | 'exact';
}

export interface ReportedSuggestion {
  employeeId: string;
  name: string;
  nip: string | null;
  position: string | null;
  unitPath: string | null;
  agencyName: string;
  score: number;
  reasons: string[];
}

export interface ReportedSuggestions {
  description: string;
  items: ReportedSuggestion[];
}

/** The evidence of a case, or of a tip before Bawaslu takes it up (handlers see it before deciding). */
export function useEvidenceList(of: { caseId: string } | { tipId: string }) {
  const path = 'caseId' in of ? `/cases/${of.caseId}/evidence` : `/tips/${of.tipId}/evidence`;
  return useQuery({
    queryKey: ['caseId' in of ? 'case-evidence' : 'tip-evidence', 'caseId' in of ? of.caseId : of.tipId],
    queryFn: ({ signal }) => api.get<{ items: EvidenceItem[] }>(path, undefined, signal),
  });
}

export function useEvidenceUpload(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; onProgress?: (fraction: number) => void }) =>
      uploadFile<unknown>(`/cases/${caseId}/evidence`, input.file, { fieldName: 'file', onProgress: input.onProgress }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['case-evidence', caseId] }),
  });
}

/** The chain of custody of one file; loaded only when the handler opens it. */
export function useCustody(evidenceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['evidence-custody', evidenceId],
    queryFn: ({ signal }) => api.get<{ items: CustodyEntry[] }>(`/evidence/${evidenceId}/custody`, undefined, signal),
    enabled,
  });
}

/** Ranked registry matches for the reported person; requested only on an explicit click. */
/** Registry matches for the reported text, or for `text` the handler typed (a name, a position, a NIP). */
export function useReportedSuggestions(caseId: string, enabled: boolean, text?: string) {
  return useQuery({
    queryKey: ['case-suggestions', caseId, text ?? null],
    queryFn: ({ signal }) => api.get<ReportedSuggestions>(`/cases/${caseId}/reported-suggestions`, text ? { text } : undefined, signal),
    enabled,
  });
}

export function useConfirmReportedPerson(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (employeeId: string) => api.post<CaseDetail>(`/cases/${caseId}/reported-person`, { employeeId }),
    onSuccess: (data) => {
      qc.setQueryData(['case', caseId], data);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
