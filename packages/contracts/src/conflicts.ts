import { z } from 'zod';
import { LIMITS, Pagination } from './common.ts';

/** Conflicts of interest between employees and election candidates. */
export const DECLARED_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'in_law'] as const;
export const CONFLICT_RELATIONS = [...DECLARED_RELATIONS, 'self'] as const;

/**
 * A person's name as stored and compared: invisible format characters (zero-width space and joiners,
 * word joiner, BOM, bidi marks: \p{Cf}) dropped, every run of white space, separators (\p{Z}: no-break,
 * em, ideographic spaces...) or control characters made one space, the ends trimmed.
 */
export function normalizePersonName(value: string): string {
  return value.normalize('NFC').replace(/\p{Cf}/gu, '').replace(/[\s\p{Z}\p{Cc}]+/gu, ' ').trim();
}
/** Letters (\p{L}) in a name: a declared name needs at least `RELATIVE_NAME_MIN_LETTERS` of them. */
export const visibleLetterCount = (value: string) => normalizePersonName(value).match(/\p{L}/gu)?.length ?? 0;
export const RELATIVE_NAME_MIN_LETTERS = 2;

export const RelativeInput = z.object({
  kind: z.enum(DECLARED_RELATIONS),
  // the letter rule is checked by the service, which answers it in both languages (RELATIVE_NAME_INVALID)
  name: z.string().overwrite(normalizePersonName).max(LIMITS.nameMax)
    .describe(`Invisible characters are dropped and spaces collapsed; at least ${RELATIVE_NAME_MIN_LETTERS} letters must remain`),
});
export const Relative = z.object({ id: z.uuid(), employeeId: z.uuid(), kind: z.enum(DECLARED_RELATIONS), name: z.string() });

export const RelativeWithdrawn = z.object({ id: z.uuid(), employeeId: z.uuid(), suggestionsRemoved: z.number().int() });

export const MatchInput = z.object({ agencyId: z.uuid(), electionId: z.string().min(1).max(64) });
export const MatchResult = z.object({ employees: z.number().int(), candidates: z.number().int(), suggested: z.number().int(), added: z.number().int() });

export const ConflictQuery = Pagination.extend({
  electionId: z.string().min(1).max(64).optional(),
  agencyId: z.uuid().optional(),
  status: z.enum(['suggested', 'confirmed', 'dismissed']).optional(),
});
export const ConflictItem = z.object({
  id: z.uuid(),
  electionId: z.string(),
  status: z.enum(['suggested', 'confirmed', 'dismissed']),
  relation: z.enum(CONFLICT_RELATIONS),
  source: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  note: z.string().nullable(),
  employee: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable(), position: z.string().nullable(), unitPath: z.string().nullable(), agencyName: z.string() }),
  candidate: z.object({ id: z.uuid(), name: z.string(), runningMateName: z.string().nullable(), kind: z.string(), partyNumber: z.number().int().nullable(), chamber: z.string().nullable(), electoralDistrict: z.string() }),
});
export const ConflictSummary = z.object({
  /** "16 caleg related to ASN": distinct candidates and employees in confirmed relations. */
  confirmedCandidates: z.number().int(),
  confirmedEmployees: z.number().int(),
  /** Suggestions waiting for an officer's decision, and those dismissed. */
  suggested: z.number().int(),
  dismissed: z.number().int(),
}).describe("Counted over the whole register in the caller's scope for the election and agency asked (not the status filter, not the page)");
export const ConflictRegister = z.object({
  summary: ConflictSummary,
  items: z.array(ConflictItem),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().describe('Rows matching the filters, status included'),
});
export const ConflictDecision = z.object({ decision: z.enum(['confirm', 'dismiss']), relation: z.enum(CONFLICT_RELATIONS).optional(), note: z.string().trim().max(500).optional() });

/** What the caller may do with an agency's candidate lists: import a KPU list (Bawaslu, system admins), run the matcher (agency admins). */
export const CANDIDATE_LIST_ACTIONS = ['candidates.import', 'conflicts.match'] as const;
export const CandidateListsQuery = z.object({ agencyId: z.uuid() });
export const CandidateLists = z.object({
  agencyId: z.uuid(),
  regionCode: z.string(),
  items: z.array(z.object({
    electionId: z.string(),
    legislative: z.number().int().describe('Legislative candidates (DCT) loaded whose region overlaps the agency\'s'),
    pairs: z.number().int().describe('Candidate pairs loaded whose region overlaps the agency\'s'),
  })).describe('Every election, with the candidates the matcher reads for this agency (zero when no KPU list is loaded)'),
  allowedActions: z.array(z.enum(CANDIDATE_LIST_ACTIONS)),
});
