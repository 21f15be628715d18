import { describe, expect, it } from 'vitest';
import { DEFAULT_PLEDGE, checkCanSign, checkPeriod, countsOf, employeeReminder, isEMeteraiSerial, maskName, unitSummary, verifyUrl } from './pledge-rules.ts';

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

describe('follow-up helpers', () => {
  it('checks the campaign period on the local date, both ends inclusive', () => {
    const period = { opensOn: '2023-11-02', closesOn: '2023-11-13' };
    expect(checkPeriod({ ...period, today: '2023-11-02' })).toBeNull();
    expect(checkPeriod({ ...period, today: '2023-11-13' })).toBeNull();
    expect(checkPeriod({ ...period, today: '2023-11-14' })?.code).toBe('PLEDGE_OUTSIDE_PERIOD');
  });
  it('computes missing and a one-decimal percentage, 0 when nobody is required', () => {
    expect(countsOf({ required: 3, signed: 1 })).toEqual({ required: 3, signed: 1, missing: 2, percent: 33.3 });
    expect(countsOf({ required: 0, signed: 0 })).toEqual({ required: 0, signed: 0, missing: 0, percent: 0 });
  });
  it('builds the verification link from the public base', () => expect(verifyUrl('https://netra.example.go.id/', 'ABC23')).toBe('https://netra.example.go.id/verify/ABC23'));
  it('reminders carry the campaign and deadline, summaries the counts', () => {
    const c = { title: 'Pernyataan Pemilu 2024', closesOn: '2023-11-13', agency: 'Pemerintah Kota Bekasi', publicBase: 'https://netra.test' };
    expect(employeeReminder(c).body).toContain('2023-11-13');
    expect(unitSummary({ ...c, unitPath: 'Kecamatan A', missing: 3, required: 10 }).body).toContain('3 dari 10 pegawai di Kecamatan A');
  });
});
