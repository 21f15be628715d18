import { z } from 'zod';
import { LIMITS, Pagination, PlainText } from './common.ts';

/** Conflicts of interest between employees and election candidates. */
export const DECLARED_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'in_law'] as const;
export const CONFLICT_RELATIONS = [...DECLARED_RELATIONS, 'self'] as const;
export const CONFLICT_STATUSES = ['suggested', 'confirmed', 'dismissed'] as const;
/** Which person of a list entry a relation is with: a legislative candidate or the head of a pair ('head'), or the pair's running mate (wakil). */
export const CANDIDATE_MEMBERS = ['head', 'running_mate'] as const;
export type CandidateMember = (typeof CANDIDATE_MEMBERS)[number];

/**
 * Why the matcher suggested a relation, as a code with the values it names (shown in the reader's language):
 * DECLARED {relation, name}: a relative the employee declared, as written; SAME_REGION / OTHER_REGION: where the
 * candidate runs; PATRONYMIC {name}: "X bin/binti Y" links the two; SAME_NAME: the employee's own name is on the
 * list; TEXT {text}: a reason stored as text before reasons had codes.
 */
export const CONFLICT_REASON_CODES = ['DECLARED', 'SAME_REGION', 'OTHER_REGION', 'PATRONYMIC', 'SAME_NAME', 'TEXT'] as const;
export const ConflictReason = z.object({ code: z.enum(CONFLICT_REASON_CODES), params: z.record(z.string(), z.string()) });
export type ConflictReason = z.infer<typeof ConflictReason>;

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
export const Relative = z.object({
  id: z.uuid(), employeeId: z.uuid(), kind: z.enum(DECLARED_RELATIONS), name: z.string(),
  mayWithdraw: z.boolean().describe('Registry writers may withdraw any declaration; the employee those made through their own account'),
});

export const RelativeWithdrawn = z.object({
  id: z.uuid(), employeeId: z.uuid(), suggestionsRemoved: z.number().int(),
  basisWithdrawn: z.number().int().describe('Confirmed conflicts this declaration was the only basis of, now flagged for an officer to review'),
});

export const MatchInput = z.object({ agencyId: z.uuid(), electionId: z.string().min(1).max(64) });
export const MatchResult = z.object({
  employees: z.number().int(), candidates: z.number().int(), suggested: z.number().int(), added: z.number().int(),
  reopened: z.number().int().describe('Dismissed pairs a declaration made after the dismissal matches again: suggestions once more (the decision stays in their history)'),
});

export const ConflictQuery = Pagination.extend({
  electionId: z.string().min(1).max(64).optional(),
  agencyId: z.uuid().optional(),
  status: z.enum(CONFLICT_STATUSES).optional(),
});
/** An earlier decision on a register entry, kept when it was reopened (by an officer, or by a later declaration). */
export const ConflictPastDecision = z.object({
  status: z.enum(['confirmed', 'dismissed']),
  relation: z.enum(CONFLICT_RELATIONS),
  note: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reopenedAt: z.string(),
  reopenedBecause: z.enum(['officer', 'new_declaration']),
  reason: z.string().nullable().describe("The officer's reason for reopening"),
});
export const CONFLICT_ACTIONS = ['confirm', 'dismiss', 'reopen'] as const;
export type ConflictAction = (typeof CONFLICT_ACTIONS)[number];
export const ConflictItem = z.object({
  id: z.uuid(),
  electionId: z.string(),
  status: z.enum(CONFLICT_STATUSES),
  relation: z.enum(CONFLICT_RELATIONS),
  source: z.string(),
  score: z.number(),
  reasons: z.array(ConflictReason),
  note: z.string().nullable(),
  /** The declaration this confirmed relation rested on was withdrawn and nothing else supports it: an officer should review it. */
  basisWithdrawn: z.boolean(),
  history: z.array(ConflictPastDecision),
  /** Outside the caller's registry write scope only confirmed relations are listed, without their evidence, notes or history. */
  evidenceWithheld: z.boolean(),
  allowedActions: z.array(z.enum(CONFLICT_ACTIONS)),
  employee: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable(), position: z.string().nullable(), unitPath: z.string().nullable(), agencyName: z.string() }),
  candidate: z.object({
    id: z.uuid(), name: z.string(), runningMateName: z.string().nullable(), kind: z.string(), partyNumber: z.number().int().nullable(), chamber: z.string().nullable(), electoralDistrict: z.string(),
    member: z.enum(CANDIDATE_MEMBERS),
    personName: z.string().describe('The person the relation is with: the candidate, or the head or the running mate of a pair'),
    withdrawn: z.boolean().describe('No longer on the list: replaced in its slot by a later KPU list (PAW)'),
  }),
});
export const ConflictSummary = z.object({
  /** "16 caleg related to ASN": distinct candidates and employees in confirmed relations. */
  confirmedCandidates: z.number().int().describe('Distinct persons on the lists (a pair\'s head and running mate are two), not withdrawn'),
  confirmedEmployees: z.number().int(),
  /** Confirmed relations whose only declaration was withdrawn, waiting for an officer's review. */
  basisWithdrawn: z.number().int(),
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
export const ConflictDecided = z.object({ id: z.uuid(), status: z.enum(CONFLICT_STATUSES), relation: z.enum(CONFLICT_RELATIONS) });
/** Reopening a decision (a confirmation found wrong, a dismissal to reconsider): the entry is a suggestion again, the decision kept in its history. */
export const ConflictReopen = z.object({ reason: PlainText(10, 500).describe('Why the decision is reopened (audited)') });

/**
 * A confirmed conflict of interest touching a case. `flag`: REPORTED_/PPK_/HANDLER_ IS_CANDIDATE (the person is
 * on the list) or RELATED_TO_CANDIDATE; `detail` is the same in English machine text (`relation: person`).
 */
export const CaseConflictFlag = z.object({
  flag: z.string(),
  detail: z.string(),
  employeeName: z.string().describe('The reported person, the PPK or the handler'),
  relation: z.enum(CONFLICT_RELATIONS),
  member: z.enum(CANDIDATE_MEMBERS),
  personName: z.string().describe('The candidate the relation is with (a pair\'s head or running mate)'),
});

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
