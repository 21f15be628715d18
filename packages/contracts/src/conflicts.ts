import { z } from 'zod';

/** Conflicts of interest between employees and election candidates. */
export const DECLARED_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'in_law'] as const;
export const CONFLICT_RELATIONS = [...DECLARED_RELATIONS, 'self'] as const;

export const RelativeInput = z.object({ kind: z.enum(DECLARED_RELATIONS), name: z.string().trim().min(3).max(200) });
export const Relative = RelativeInput.extend({ id: z.uuid(), employeeId: z.uuid() });

export const MatchInput = z.object({ agencyId: z.uuid(), electionId: z.string().min(1).max(64) });
export const MatchResult = z.object({ employees: z.number().int(), candidates: z.number().int(), suggested: z.number().int(), added: z.number().int() });

export const ConflictQuery = z.object({
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
export const ConflictRegister = z.object({
  /** "16 caleg related to ASN": distinct candidates and employees in confirmed relations. */
  summary: z.object({ confirmedCandidates: z.number().int(), confirmedEmployees: z.number().int(), suggested: z.number().int() }),
  items: z.array(ConflictItem),
});
export const ConflictDecision = z.object({ decision: z.enum(['confirm', 'dismiss']), relation: z.enum(CONFLICT_RELATIONS).optional(), note: z.string().trim().max(500).optional() });
