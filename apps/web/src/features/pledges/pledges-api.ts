import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PledgeCampaignInput,
  PledgeCampaignSummary as PledgeCampaignSummarySchema,
  PledgeCeremony,
  PledgeCeremonyInput as PledgeCeremonyInputSchema,
  PledgeCeremonyResult as PledgeCeremonyResultSchema,
  PledgeCeremonySheet as PledgeCeremonySheetSchema,
  PledgeCoverage,
  PledgeMissingEmployee,
  PledgePublicCampaign as PledgePublicCampaignSchema,
  PledgeReminderResult,
  PledgeSigned as PledgeSignedSchema,
  PledgeListItem as PledgeListItemSchema,
  PledgeListPage,
  PledgeTemplate,
  PledgeTemplateCreated as PledgeTemplateCreatedSchema,
  PledgeTemplateInput,
  PledgeTimeline,
  PledgeVerification as PledgeVerificationSchema,
  MyPledgeCampaign as MyPledgeCampaignSchema,
} from '@netra/contracts';
import { Problem as ProblemSchema, type Problem } from '@netra/contracts';
import { api, API_BASE, ApiError, buildUrl, publicApi, uploadFile, type Page } from '../../lib/api.ts';
import { splitNips } from '../socialization/socialization-api.ts';

export type PledgeCampaignSummary = z.infer<typeof PledgeCampaignSummarySchema>;
export type PledgePublicCampaign = z.infer<typeof PledgePublicCampaignSchema>;
export type PledgeSigned = z.infer<typeof PledgeSignedSchema>;
export type PledgeVerification = z.infer<typeof PledgeVerificationSchema>;
export type PledgeTemplateCreated = z.infer<typeof PledgeTemplateCreatedSchema>;
export type PledgeCeremonyInput = z.input<typeof PledgeCeremonyInputSchema>;
export type PledgeCeremonyResult = z.infer<typeof PledgeCeremonyResultSchema>;
export type PledgeCeremonySheet = z.infer<typeof PledgeCeremonySheetSchema>;
export type MyPledgeCampaign = z.infer<typeof MyPledgeCampaignSchema>;
export type { PledgeCeremony };
export type { PledgeCoverage, PledgeMissingEmployee, PledgeReminderResult, PledgeTemplate, PledgeTemplateInput, PledgeTimeline };

/** What the employee's own page passes to the signing page: they come signed in, so it asks for their session. */
export type SignLinkState = { account: true };

/** The campaigns covering the signed-in employee, and what they signed (self-service). */
export function useMyCampaigns(enabled: boolean) {
  return useQuery({ queryKey: ['my-pledge-campaigns'], queryFn: ({ signal }) => api.get<{ items: MyPledgeCampaign[] }>('/me/pledge-campaigns', undefined, signal), enabled });
}

export function useCampaigns() {
  return useQuery({ queryKey: ['pledge-campaigns'], queryFn: ({ signal }) => api.get<{ items: PledgeCampaignSummary[] }>('/pledge-campaigns', undefined, signal) });
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PledgeCampaignInput) => api.post<{ id: string }>('/pledge-campaigns', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pledge-campaigns'] }),
  });
}

/** Renames a campaign or moves its closing day; the coverage page and the list show the new period. */
export function useChangeCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { title?: string; closesOn?: string }) => api.patch<{ id: string; title: string; opensOn: string; closesOn: string }>(`/pledge-campaigns/${id}`, input),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['pledge-campaigns'] }), qc.invalidateQueries({ queryKey: ['pledge-coverage', id] })]),
  });
}

/** The national standard texts and the agency's own versions (newest version first within a kind). */
export function useTemplates(agencyId: string | null) {
  return useQuery({
    queryKey: ['pledge-templates', agencyId],
    queryFn: ({ signal }) => api.get<{ items: PledgeTemplate[] }>('/pledge-templates', { agencyId }, signal),
    enabled: Boolean(agencyId),
  });
}

/** A new version of the agency's own text of one kind. */
export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PledgeTemplateInput) => api.post<PledgeTemplateCreated>('/pledge-templates', input),
    onSuccess: (_r, input) => qc.invalidateQueries({ queryKey: ['pledge-templates', input.agencyId] }),
  });
}

export function useCoverage(id: string, unitId: string | null) {
  return useQuery({
    queryKey: ['pledge-coverage', id, unitId],
    queryFn: ({ signal }) => api.get<PledgeCoverage>(`/pledge-campaigns/${id}/coverage`, { unitId }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Standing signatures per local signing day, with the running total (same drill-down as the coverage). */
export function useTimeline(id: string, unitId: string | null) {
  return useQuery({
    queryKey: ['pledge-timeline', id, unitId],
    queryFn: ({ signal }) => api.get<PledgeTimeline>(`/pledge-campaigns/${id}/timeline`, { unitId }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMissing(id: string, page: number, q: string, unitId: string | null) {
  return useQuery({
    queryKey: ['pledge-missing', id, page, q, unitId],
    queryFn: ({ signal }) => api.get<Page<PledgeMissingEmployee>>(`/pledge-campaigns/${id}/missing`, { page, pageSize: 25, q: q || undefined, unitId }, signal),
    placeholderData: keepPreviousData,
  });
}

export const missingExportUrl = (id: string, format: 'csv' | 'xlsx' | 'pdf', unitId: string | null) =>
  buildUrl(`/pledge-campaigns/${id}/missing/export`, { format, unitId });

/** Reminds those who have not signed: of the unit the page is drilled into (`unitId`), else of the whole campaign. */
export function useSendReminders(id: string) {
  return useMutation({ mutationFn: (unitId: string | null) => api.post<PledgeReminderResult>(`/pledge-campaigns/${id}/reminders`, undefined, { unitId }) });
}

/**
 * A ceremony's attendance list as pasted: one entry per line, or separated by commas or semicolons (never
 * by spaces: "19780314 200302 1 510" is one NIP written the official way), each entry once.
 */
export const attendanceEntries = (text: string) => [...new Set(splitNips(text))];

/** Records a joint signing from its attendance list; the list of ceremonies, coverage, both lists and the timeline all move. */
export function useRecordCeremony(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PledgeCeremonyInput) => api.post<PledgeCeremonyResult>(`/pledge-campaigns/${id}/ceremonies`, input),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['pledge-ceremonies', id] }),
        qc.invalidateQueries({ queryKey: ['pledge-coverage', id] }),
        qc.invalidateQueries({ queryKey: ['pledge-missing', id] }),
        qc.invalidateQueries({ queryKey: ['pledge-list', id] }),
        qc.invalidateQueries({ queryKey: ['pledge-timeline', id] }),
      ]),
  });
}

/** The campaign's recorded ceremonies, newest first, with their signed sheet (hash) if attached. */
export function useCeremonies(id: string, enabled = true) {
  return useQuery({
    queryKey: ['pledge-ceremonies', id],
    queryFn: ({ signal }) => api.get<{ items: PledgeCeremony[] }>(`/pledge-campaigns/${id}/ceremonies`, undefined, signal),
    enabled,
  });
}

/** Attaches the scanned signed sheet of one ceremony (multipart, CSRF token; once per ceremony). */
export function useUploadCeremonySheet(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { ceremonyId: string; file: File; onProgress?: (fraction: number) => void }) =>
      uploadFile<PledgeCeremonySheet>(`/pledge-campaigns/${id}/ceremonies/${input.ceremonyId}/sheet`, input.file, { fieldName: 'file', onProgress: input.onProgress }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pledge-ceremonies', id] }),
  });
}

/** The signed sheet as uploaded (an attachment; the server audits the read). */
export const ceremonySheetUrl = (id: string, ceremonyId: string) => `${API_BASE}/pledge-campaigns/${id}/ceremonies/${ceremonyId}/sheet`;

/* Public side: no cookie, no CSRF token (publicApi). */

export function usePublicCampaign(id: string) {
  return useQuery({ queryKey: ['public', 'pledge-campaign', id], queryFn: ({ signal }) => publicApi.get<PledgePublicCampaign>(`/public/pledges/campaigns/${id}`, undefined, signal) });
}

export const requestCode = (input: { campaignId: string; nip: string }) => publicApi.post<{ sentTo: string }>('/public/pledges/code', input);
export const signPledge = (input: { campaignId: string; nip: string; code: string; emeteraiSerial?: string }) => publicApi.post<PledgeSigned>('/public/pledges/sign', input);

/** Signing through one's own employee account: the session is the identity (cookie and CSRF token, no one-time code). */
export const signWithAccount = (campaignId: string, input: { emeteraiSerial?: string }) => api.post<PledgeSigned>(`/pledge-campaigns/${campaignId}/sign`, input);

/** The problem a refused request answered with (its own words, e.g. "already used"), or null when the body is not one. */
async function problemOf(r: Response): Promise<Problem | null> {
  try {
    const parsed = ProblemSchema.safeParse(JSON.parse(await r.text()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The signed PDF, once, with the token from signing (POST body, never the URL). A refusal carries the server's message. */
export async function downloadSigned(token: string): Promise<Blob> {
  const r = await fetch(`${API_BASE}/public/pledges/document`, { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  if (!r.ok) throw new ApiError(r.status, await problemOf(r));
  return r.blob();
}

export function useVerification(code: string) {
  return useQuery({ queryKey: ['public', 'verify', code], queryFn: ({ signal }) => publicApi.get<PledgeVerification>(`/public/pledges/verify/${encodeURIComponent(code)}`, undefined, signal), retry: false });
}

export type PledgeListItem = z.infer<typeof PledgeListItemSchema>;

/** The campaign's pledges in scope (standing and revoked), a page at a time, with the summary of the whole view. */
export function usePledgeList(id: string, page: number, q: string, unitId: string | null) {
  return useQuery({
    queryKey: ['pledge-list', id, page, q, unitId],
    queryFn: ({ signal }) => api.get<PledgeListPage>(`/pledge-campaigns/${id}/pledges`, { page, pageSize: 25, q: q || undefined, unitId }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Revokes a pledge with its reason; coverage and both lists are read again. */
export function useRevokePledge(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { pledgeId: string; reason: string }) => api.post<null>(`/pledges/${input.pledgeId}/revoke`, { reason: input.reason }),
    onSuccess: () => Promise.all(['pledge-list', 'pledge-missing', 'pledge-coverage', 'pledge-timeline'].map((k) => qc.invalidateQueries({ queryKey: [k, campaignId] }))),
  });
}

export const pledgeDocumentUrl = (pledgeId: string) => `${API_BASE}/pledges/${pledgeId}/document`;
