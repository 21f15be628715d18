import { z } from 'zod';

/** Bilingual text: Indonesian (default UI language) and English. */
export const LocalizedText = z.object({ id: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\s\u200b-\u200f\u2060\ufeff]/gu;

/**
 * Text people write (names, titles, accounts of events): trimmed, `min`..`max` characters of which at
 * least `min` are visible (zero-width spaces alone are not content), and no control or direction-override
 * characters (line breaks and tabs are fine). A name of zero-width spaces or "Bu\u0007di" is refused.
 */
export const PlainText = (min: number, max: number) =>
  z.string().trim().max(max)
    .refine((v) => v.replace(INVISIBLE, '').length >= min, { message: min > 1 ? `at least ${min} visible characters` : 'must not be empty' })
    .refine((v) => !CONTROL.test(v), { message: 'contains control or text-direction characters' });

/** RFC 9457 problem details, the body of every error response. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('Stable SCREAMING_SNAKE error code'),
  detail: z.string().describe('English message'),
  message: LocalizedText,
  errors: z.array(z.object({
    path: z.string(),
    message: z.string().describe('English'),
    messageId: z.string().optional().describe('Indonesian, where the API words it'),
  })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/**
 * A calendar date (YYYY-MM-DD) that exists (no 2026-02-30, no month 13), in years both databases and
 * the legal calendar use. Dates of the case, pledge, tip and socialization contracts all use it.
 */
export const IsoDate = z.iso.date().refine((v) => v >= '1900-01-01' && v <= '2199-12-31', 'a date between 1900 and 2199');

export const LIMITS = {
  pageSizeMax: 200,
  pageSizeDefault: 50,
  jsonBodyBytes: 1_048_576,
  importFileBytes: 200 * 1_048_576,
  nameMax: 200,
  searchMax: 100,
} as const;

export const Pagination = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

export const Uuid = z.uuid();
export const RegionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Kemendagri region code such as 32, 32.75, 32.75.01 or 32.75.01.1001');
