/**
 * The register of conflicts of interest over time (pure): what a new run of the matcher does to an entry
 * an officer already decided, and what an entry keeps of the decisions reopened on it.
 *
 * A decision is the officer's record and a re-run leaves it alone, with two exceptions, both driven by a
 * declaration made after the decision (the officer could not have weighed it):
 *  - a dismissed pair that a NEW declaration matches is a suggestion again, with the new evidence
 *    ("sudah cerai", then the employee declares the spouse again);
 *  - a confirmed pair whose declaration was withdrawn (flagged for review) and that a new declaration
 *    supports again takes that declaration as its basis (a corrected name), or, when the new declaration
 *    says another relation, is a suggestion again.
 * The decision a reopening replaces stays in the entry's history (and in the audit trail).
 */
import type { ConflictReason } from '@netra/contracts';
import type { Relation, Suggestion } from './matcher.ts';

export type ConflictStatus = 'suggested' | 'confirmed' | 'dismissed';

export type RegisterEntry = {
  status: ConflictStatus;
  relation: Relation;
  relativeId: string | null;
  decidedAt: Date | null;
  basisWithdrawnAt: Date | null;
};

export type Reconciliation = 'add' | 'reopen' | 'rebase' | 'keep';

/** What a run of the matcher does with a suggestion, given the entry for the same pair (if any) and when the declaration it comes from was made. */
export function reconcile(entry: RegisterEntry | undefined, s: Pick<Suggestion, 'source' | 'relativeId' | 'relation'>, declaredAt: Date | null): Reconciliation {
  if (!entry) return 'add';
  if (s.source !== 'declared' || !s.relativeId || !declaredAt || s.relativeId === entry.relativeId) return 'keep';
  if (entry.status === 'dismissed') return entry.decidedAt && declaredAt > entry.decidedAt ? 'reopen' : 'keep';
  if (entry.basisWithdrawnAt && declaredAt > entry.basisWithdrawnAt) return entry.status === 'confirmed' && s.relation !== entry.relation ? 'reopen' : 'rebase';
  return 'keep';
}

/** A decision replaced by a reopening, as the entry's history keeps it (with the evidence it rested on, to restore it). */
export type PastDecision = {
  status: 'confirmed' | 'dismissed';
  relation: Relation;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reopenedAt: string;
  reopenedBy: string | null;
  reopenedBecause: 'officer' | 'new_declaration';
  reason: string | null;
  basis: { source: string; relativeId: string | null; score: number; reasons: ConflictReason[] };
};

/**
 * The entry once a declaration it rests on is withdrawn and nothing else supports it: a suggestion goes
 * (or, if a later declaration had reopened a decision, that decision comes back), a confirmation stays
 * flagged for review, a dismissal stays as it is.
 */
export function afterBasisWithdrawn(entry: { status: ConflictStatus; history: readonly PastDecision[] }): 'remove' | 'restore' | 'flag' | 'keep' {
  if (entry.status === 'confirmed') return 'flag';
  if (entry.status === 'dismissed') return 'keep';
  const last = entry.history.at(-1);
  if (!last) return 'remove';
  return last.reopenedBecause === 'new_declaration' ? 'restore' : 'flag';
}
