import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PledgeCampaignInput,
  PledgeCampaignSummary as PledgeCampaignSummarySchema,
  PledgeCoverage,
  PledgeMissingEmployee,
  PledgePublicCampaign as PledgePublicCampaignSchema,
  PledgeReminderResult,
  PledgeSigned as PledgeSignedSchema,
  PledgeVerification as PledgeVerificationSchema,
} from '@netra/contracts';
import { api, API_BASE, ApiError, buildUrl, publicApi, type Page } from '../../lib/api.ts';

export type PledgeCampaignSummary = z.infer<typeof PledgeCampaignSummarySchema>;
export type PledgePublicCampaign = z.infer<typeof PledgePublicCampaignSchema>;
export type PledgeSigned = z.infer<typeof PledgeSignedSchema>;
export type PledgeVerification = z.infer<typeof PledgeVerificationSchema>;
export type { PledgeCoverage, PledgeMissingEmployee, PledgeReminderResult };

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

export function useCoverage(id: string, unitId: string | null) {
  return useQuery({
    queryKey: ['pledge-coverage', id, unitId],
    queryFn: ({ signal }) => api.get<PledgeCoverage>(`/pledge-campaigns/${id}/coverage`, { unitId }, signal),
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

export function useSendReminders(id: string) {
  return useMutation({ mutationFn: () => api.post<PledgeReminderResult>(`/pledge-campaigns/${id}/reminders`) });
}

export function useRecordCeremony(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (nips: string[]) => api.post<{ signed: number; alreadySigned: number; notCovered: string[] }>(`/pledge-campaigns/${id}/ceremonies`, { nips }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['pledge-coverage', id] }), qc.invalidateQueries({ queryKey: ['pledge-missing', id] })]),
  });
}

/* Public side: no cookie, no CSRF token (publicApi). */

export function usePublicCampaign(id: string) {
  return useQuery({ queryKey: ['public', 'pledge-campaign', id], queryFn: ({ signal }) => publicApi.get<PledgePublicCampaign>(`/public/pledges/campaigns/${id}`, undefined, signal) });
}

export const requestCode = (input: { campaignId: string; nip: string }) => publicApi.post<{ sentTo: string }>('/public/pledges/code', input);
export const signPledge = (input: { campaignId: string; nip: string; code: string; emeteraiSerial?: string }) => publicApi.post<PledgeSigned>('/public/pledges/sign', input);

/** The signed PDF, once, with the token from signing (POST body, never the URL). */
export async function downloadSigned(token: string): Promise<Blob> {
  const r = await fetch(`${API_BASE}/public/pledges/document`, { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  if (!r.ok) throw new ApiError(r.status, null);
  return r.blob();
}

export function useVerification(code: string) {
  return useQuery({ queryKey: ['public', 'verify', code], queryFn: ({ signal }) => publicApi.get<PledgeVerification>(`/public/pledges/verify/${encodeURIComponent(code)}`, undefined, signal), retry: false });
}
