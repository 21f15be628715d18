import type { z } from 'zod';
import type { Region, TipFollowView as TipFollowViewSchema } from '@netra/contracts';
import { API_BASE, ApiError, api } from '../../lib/api.ts';

export type TipFollowView = z.infer<typeof TipFollowViewSchema>;
export type Credentials = { receiptCode: string; secret: string };

export const regionsOf = (level: Region['level'], parent?: string) =>
  api.get<{ items: Region[] }>('/regions', { level, parent, limit: 1000 }).then((r) => r.items);

/** Adds a file to the tip: credentials first, then the file (the server reads them in that order). */
export async function sendEvidence(creds: Credentials, file: File): Promise<void> {
  const form = new FormData();
  form.append('receiptCode', creds.receiptCode);
  form.append('secret', creds.secret);
  form.append('file', file, file.name);
  const res = await fetch(`${API_BASE}/public/tips/evidence`, { method: 'POST', body: form, credentials: 'omit' });
  if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => null)) as never);
}
