import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Region,
  RegionLevel,
  TipCredentials as TipCredentialsSchema,
  TipFollowView as TipFollowViewSchema,
  TipInput,
  TipReceipt as TipReceiptSchema,
} from '@netra/contracts';
import { publicApi } from '../../lib/api.ts';

/**
 * The anonymous side of tips. Every request goes through publicApi (no cookie, no CSRF token),
 * and the receipt code and secret live only in component state: never in the URL, storage or
 * the query cache.
 */

export type TipReceipt = z.infer<typeof TipReceiptSchema>;
export type TipCredentials = z.infer<typeof TipCredentialsSchema>;
export type TipFollowView = z.infer<typeof TipFollowViewSchema>;

/** Provinces (no parent), or the children of one region. */
export function useRegionOptions(level: RegionLevel, parent: string | null) {
  return useQuery({
    queryKey: ['public', 'regions', level, parent],
    queryFn: ({ signal }) =>
      publicApi.get<{ items: Region[] }>('/regions', { level, parent, limit: 1000 }, signal).then((r) => r.items),
    enabled: level === 'province' || Boolean(parent),
    staleTime: Infinity,
  });
}

export const submitTip = (input: TipInput) => publicApi.post<TipReceipt>('/public/tips', input);

/** What the evidence store accepts (photos, PDF, video, audio): the file pickers offer these. */
export const EVIDENCE_TYPES = 'image/jpeg,image/png,image/webp,application/pdf,video/mp4,audio/*';

/**
 * Adds one file to a tip. The server reads the credentials before the file, so they are appended
 * first; the file goes under a neutral name because a phone's file name can say whose it is.
 */
export function sendEvidence(receipt: TipReceipt, file: File): Promise<unknown> {
  const form = new FormData();
  form.append('receiptCode', receipt.receiptCode);
  form.append('secret', receipt.secret);
  const extension = /\.[a-z0-9]{1,5}$/i.exec(file.name)?.[0].toLowerCase() ?? '';
  form.append('file', file, `bukti${extension}`);
  return publicApi.post('/public/tips/evidence', form);
}

export const followTip = (creds: TipCredentials) => publicApi.post<TipFollowView>('/public/tips/follow', creds);

export const replyToTip = (creds: TipCredentials, body: string) =>
  publicApi.post<TipFollowView>('/public/tips/reply', { ...creds, body });

export const consentToReport = (creds: TipCredentials) =>
  publicApi.post<TipFollowView>('/public/tips/consent', creds);
