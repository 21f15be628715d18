import { describe, expect, it } from 'vitest';
import { DEFAULT_PLEDGE, checkCanSign, isEMeteraiSerial, maskName } from './pledge-rules.ts';

const ok = { today: '2023-11-04', opensOn: '2023-11-02', closesOn: '2023-11-13', employee: { active: true, employmentType: 'PPPK', inScope: true }, employmentTypes: ['PNS', 'PPPK', 'NON_ASN'], alreadySigned: false };

describe('checkCanSign', () => {
  it('allows an employee in scope during the period', () => expect(checkCanSign(ok)).toBeNull());
  it.each([
    [{ today: '2023-11-14' }, 'PLEDGE_OUTSIDE_PERIOD'],
    [{ today: '2023-11-01' }, 'PLEDGE_OUTSIDE_PERIOD'],
    [{ employee: { ...ok.employee, inScope: false } }, 'PLEDGE_OUT_OF_SCOPE'],
    [{ employee: { ...ok.employee, active: false } }, 'PLEDGE_OUT_OF_SCOPE'],
    [{ employmentTypes: ['PNS'] }, 'PLEDGE_OUT_OF_SCOPE'],
    [{ alreadySigned: true }, 'PLEDGE_ALREADY_SIGNED'],
  ])('refuses %o', (over, code) => expect(checkCanSign({ ...ok, ...over })?.code).toBe(code));
});

describe('helpers', () => {
  it('masks names for the public page', () => expect(maskName('Budi Santoso')).toBe('B*** S******'));
  it('checks the 22-character e-meterai serial', () => {
    expect(isEMeteraiSerial('ABCDEFGHIJ0123456789XY')).toBe(true);
    expect(isEMeteraiSerial('ABC')).toBe(false);
  });
  it('the default text has the four commitments and a source', () => {
    expect(DEFAULT_PLEDGE.body.match(/^\d\./gm)).toHaveLength(4);
    expect(DEFAULT_PLEDGE.source.length).toBeGreaterThan(0);
  });
});
