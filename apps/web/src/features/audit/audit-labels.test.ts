import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@netra/contracts';
import { id } from '../../i18n/id.ts';
import { en } from '../../i18n/en.ts';
import { isIsoDate } from '../../lib/dates.ts';
import { actionGroups } from './audit-labels.ts';

const catalogues = { id, en } as const;
const at = (tree: unknown, path: string[]) => path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);

describe('the audit trail in words', () => {
  it.each(Object.keys(catalogues))('has a %s label for every action the API can record, and for its kind', (language) => {
    const catalogue = catalogues[language as keyof typeof catalogues];
    const missing = AUDIT_ACTIONS.filter((action) => {
      const [kind, verb] = action.split('.') as [string, string];
      return typeof at(catalogue, ['audit', 'actions', kind, verb]) !== 'string' || typeof at(catalogue, ['audit', 'kinds', kind]) !== 'string';
    });
    expect(missing).toEqual([]);
  });

  it('labels no action the API cannot record (a stale label hides a renamed code)', () => {
    const labelled = Object.entries(id.audit.actions).flatMap(([kind, verbs]) => Object.keys(verbs).map((verb) => `${kind}.${verb}`));
    expect(labelled.filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });

  it('offers the filter in words, grouped by kind, with the workflow steps among the case actions', () => {
    const groups = actionGroups(id.audit.actions, id.workflow.event, (k) => at(id, ['audit', 'kinds', k]) as string, (k) => `Semua: ${k}`);
    const cases = groups.find((g) => g.group === 'Kasus')!;
    expect(cases.items[0]).toEqual({ value: 'case.', label: 'Semua: case' });
    expect(cases.items).toContainEqual({ value: 'case.forward_to_ppk', label: id.workflow.event.FORWARD_TO_PPK });
    expect(cases.items).toContainEqual({ value: 'case.opened', label: 'Temuan dicatat' });
    const labels = groups.flatMap((g) => g.items.slice(1).map((i) => i.label));
    // no raw code such as "pledge.signed" is shown as a label
    expect(labels.filter((label) => /(^|\()[a-z_]+\.[a-z_]*($|\))/.test(label))).toEqual([]);
    expect(new Set(groups.flatMap((g) => g.items.map((i) => i.value))).size).toBe(groups.flatMap((g) => g.items).length);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('24-02-01')).toBe(false);
    expect(isIsoDate('abc')).toBe(false);
  });
});
