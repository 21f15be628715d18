import { z } from 'zod';
import { IsoDate, Pagination, PlainText, RegionCode } from './common.ts';

export const TIP_STATUSES = ['received', 'in_review', 'needs_info', 'converted_finding', 'converted_report', 'closed'] as const;
export const TipStatus = z.enum(TIP_STATUSES);


/** The public tip form: what, where, when, who. No identity is asked for or kept. */
export const TipInput = z.object({
  what: PlainText(10, 5000),
  regionCode: RegionCode,
  where: z.string().trim().max(500).optional(),
  occurredOn: IsoDate.optional(),
  who: z.string().trim().max(500).optional(),
  links: z.array(z.url({ protocol: /^https?$/, error: 'an http(s) address' }).max(1000)).max(10).default([]),
});
export type TipInput = z.infer<typeof TipInput>;

export const TipReceipt = z.object({
  receiptCode: z.string(),
  secret: z.string().describe('Shown once; only its hash is kept'),
});

/**
 * The secret as the reporter types it, in the form it was issued: its alphabet is Crockford base32
 * (digits and upper-case letters without I, L, O, U), so case does not matter, look-alikes read as
 * the digit (I and L as 1, O as 0), and spaces or missing dashes between the groups of four are fine.
 */
export function normalizeTipSecret(typed: string): string {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return chars.length === 20 ? (chars.match(/.{4}/g) ?? []).join('-') : typed.trim();
}

export const TipCredentials = z.object({
  receiptCode: z.string().trim().toUpperCase().max(40),
  secret: z.string().trim().max(100).overwrite(normalizeTipSecret).describe('Case-insensitive; spaces and dashes between the groups are optional'),
});

export const TipMessage = z.object({ author: z.enum(['reporter', 'handler', 'system']), body: z.string(), sentOn: z.string() });

export const TipFollowView = z.object({
  receiptCode: z.string(),
  status: TipStatus,
  receivedOn: z.string(),
  messages: z.array(TipMessage),
  consentedToReport: z.boolean(),
});

export const TipReply = TipCredentials.extend({ body: z.string().trim().min(1).max(5000) });

export const Tip = z.object({
  id: z.uuid(),
  receiptCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  occurredOn: z.string().nullable(),
  what: z.string(),
  where: z.string().nullable(),
  who: z.string().nullable(),
  links: z.array(z.string()),
  status: TipStatus,
  receivedOn: z.string(),
  consentedToReport: z.boolean(),
  messages: z.array(TipMessage),
  caseId: z.uuid().nullable().describe('The case the tip became (converted_finding / converted_report); the case page checks its own scope'),
  caseNumber: z.string().nullable(),
  canAsk: z.boolean().describe('Whether a question may still go to the reporter: the tip is not closed, so the receipt channel is open'),
});

export const TipQuery = Pagination.extend({ status: TipStatus.optional(), regionCode: RegionCode.optional() });
