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

export const TipCredentials = z.object({
  receiptCode: z.string().trim().toUpperCase().max(40),
  secret: z.string().trim().max(100),
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
});

export const TipQuery = Pagination.extend({ status: TipStatus.optional(), regionCode: RegionCode.optional() });
