import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, toTipInput } from './tip-form.ts';

const options = { today: '2026-12-03', requiredRegionDepth: 3 };
const draft = (what: string) => ({ ...EMPTY_DRAFT, what, regionCodes: ['32', '32.75', '32.75.01'] });

describe('toTipInput counts the description like the server', () => {
  it('refuses ten characters of which only nine are visible ("Uji tautan")', () => {
    expect(toTipInput(draft('Uji tautan'), options).problems).toEqual([{ field: 'what', kind: 'tooShort' }]);
  });

  it('does not count zero-width or surrounding spaces', () => {
    expect(toTipInput(draft('  Uji-tautan\u200b  '), options).problems).toEqual([]);
    expect(toTipInput(draft('Uji\u200btauta'), options).problems).toEqual([{ field: 'what', kind: 'tooShort' }]);
  });
});
