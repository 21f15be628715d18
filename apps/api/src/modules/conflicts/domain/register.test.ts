import { describe, expect, it } from 'vitest';
import { afterBasisWithdrawn, reconcile, type PastDecision, type RegisterEntry } from './register.ts';

const day = (d: number) => new Date(Date.UTC(2024, 0, d));
const declared = { source: 'declared' as const, relativeId: 'r2', relation: 'spouse' as const };
const entry = (e: Partial<RegisterEntry>): RegisterEntry => ({ status: 'suggested', relation: 'spouse', relativeId: 'r1', decidedAt: null, basisWithdrawnAt: null, ...e });

describe('a new run of the matcher on the register', () => {
  it.each([
    ['no entry yet', undefined, declared, day(5), 'add'],
    ['a suggestion', entry({}), declared, day(5), 'keep'],
    ['a dismissal, the same declaration', entry({ status: 'dismissed', relativeId: 'r2', decidedAt: day(3) }), declared, day(1), 'keep'],
    ['a dismissal, a declaration made before it', entry({ status: 'dismissed', decidedAt: day(3) }), declared, day(2), 'keep'],
    ['a dismissal, a declaration made after it', entry({ status: 'dismissed', decidedAt: day(3) }), declared, day(4), 'reopen'],
    ['a dismissal of a patronymic, then a declaration', entry({ status: 'dismissed', relativeId: null, decidedAt: day(3) }), declared, day(4), 'reopen'],
    ['a dismissal, the matcher again (no declaration)', entry({ status: 'dismissed', decidedAt: day(3) }), { source: 'matcher' as const, relativeId: null, relation: 'parent' as const }, null, 'keep'],
    ['a confirmation', entry({ status: 'confirmed', decidedAt: day(3) }), declared, day(4), 'keep'],
    ['a confirmation whose basis was withdrawn, declared again', entry({ status: 'confirmed', decidedAt: day(3), basisWithdrawnAt: day(4) }), declared, day(5), 'rebase'],
    ['... declared again as another relation', entry({ status: 'confirmed', decidedAt: day(3), basisWithdrawnAt: day(4) }), { ...declared, relation: 'sibling' as const }, day(5), 'reopen'],
    ['... a declaration older than the withdrawal', entry({ status: 'confirmed', decidedAt: day(3), basisWithdrawnAt: day(4) }), declared, day(2), 'keep'],
  ] as const)('%s: %s', (_label, e, s, at, expected) => {
    expect(reconcile(e, s, at)).toBe(expected);
  });
});

describe('an entry whose declaration is withdrawn (and nothing else supports it)', () => {
  const past = (reopenedBecause: PastDecision['reopenedBecause']): PastDecision => ({
    status: 'dismissed', relation: 'spouse', note: 'sudah cerai', decidedBy: null, decidedAt: day(3).toISOString(), reopenedAt: day(4).toISOString(), reopenedBy: null, reopenedBecause, reason: null,
    basis: { source: 'declared', relativeId: null, score: 0.95, reasons: [] },
  });
  it.each([
    ['a suggestion', { status: 'suggested' as const, history: [] }, 'remove'],
    ['a suggestion a later declaration reopened', { status: 'suggested' as const, history: [past('new_declaration')] }, 'restore'],
    ['a suggestion an officer reopened', { status: 'suggested' as const, history: [past('officer')] }, 'flag'],
    ['a confirmation', { status: 'confirmed' as const, history: [] }, 'flag'],
    ['a dismissal', { status: 'dismissed' as const, history: [] }, 'keep'],
  ] as const)('%s: %s', (_label, e, expected) => {
    expect(afterBasisWithdrawn(e)).toBe(expected);
  });
});
