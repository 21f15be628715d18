import { TipInput } from '@netra/contracts';

/** The public form's fields as typed, before they become a TipInput. */
export interface TipDraft {
  what: string;
  regionCodes: string[];
  where: string;
  occurredOn: string;
  who: string;
  links: string;
}

export const EMPTY_DRAFT: TipDraft = { what: '', regionCodes: [], where: '', occurredOn: '', who: '', links: '' };

/** Limits of TipInput in packages/contracts, repeated only as input hints (the API checks them). */
export const TIP_LIMITS = { whatMin: 10, whatMax: 5000, textMax: 500, linksMax: 10, linkMax: 1000 } as const;

export type TipDraftProblem =
  | { field: 'what'; kind: 'tooShort' }
  | { field: 'region'; kind: 'required' }
  | { field: 'occurredOn'; kind: 'future' }
  | { field: 'links'; kind: 'tooMany' }
  | { field: 'links'; kind: 'invalid'; link: string };

/** "www.example.com/post" is read as https://…; anything but http(s) is refused. */
export function normalizeLink(text: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') ? url.href : null;
  } catch {
    return null;
  }
}

export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Checks the draft and builds the request; `today` is the reporter's calendar date. */
export function toTipInput(
  draft: TipDraft,
  options: { today: string; requiredRegionDepth: number },
): { input: TipInput; problems: [] } | { input: null; problems: TipDraftProblem[] } {
  const problems: TipDraftProblem[] = [];
  const what = draft.what.trim();
  // the server's own rule: at least whatMin visible characters (spaces do not count)
  if (!TipInput.shape.what.safeParse(what).success) problems.push({ field: 'what', kind: 'tooShort' });
  const regionCode = draft.regionCodes.at(-1);
  if (draft.regionCodes.length < options.requiredRegionDepth || !regionCode)
    problems.push({ field: 'region', kind: 'required' });
  if (draft.occurredOn && draft.occurredOn > options.today) problems.push({ field: 'occurredOn', kind: 'future' });
  const rawLinks = linesOf(draft.links);
  const links: string[] = [];
  if (rawLinks.length > TIP_LIMITS.linksMax) problems.push({ field: 'links', kind: 'tooMany' });
  for (const raw of rawLinks) {
    const link = normalizeLink(raw);
    if (link && link.length <= TIP_LIMITS.linkMax) links.push(link);
    else problems.push({ field: 'links', kind: 'invalid', link: raw });
  }
  if (problems.length > 0 || !regionCode) return { input: null, problems };
  return {
    input: {
      what,
      regionCode,
      where: draft.where.trim() || undefined,
      occurredOn: draft.occurredOn || undefined,
      who: draft.who.trim() || undefined,
      links,
    },
    problems: [],
  };
}
