import { describe, expect, it } from 'vitest';
import { normalizeEmployeeId, validateInternalId, validateNik, validateNiPppk, validateNip } from './identifiers.ts';

const today = { y: 2026, m: 11, d: 22 };
const provinces = new Set(['32', '33', '36']);

describe('validateNip', () => {
  it.each([
    ['198609262015051001', '198609262015051001'],
    ['19860926 201505 1 001', '198609262015051001'],
    ['19700101.199503.2.002', '197001011995032002'],
  ])('accepts %s', (raw, value) => {
    expect(validateNip(raw, today)).toEqual({ ok: true, value });
  });

  it.each([
    ['19860926201505100', 'ID_LENGTH', 'must be 18 digits; found 17'],
    ['1986092620150510A1', 'ID_NOT_DIGITS', 'digits only'],
    ['1.98609E+17', 'EXCEL_NUMBER_ROUNDED', 'scientific notation'],
    ['1,98609E+17', 'EXCEL_NUMBER_ROUNDED', 'Text'],
    ['198602302015051001', 'ID_BIRTH_DATE', 'digits 1-8: birth date 1986-02-30'],
    ['198609262031131001', 'NIP_TMT', 'digits 9-14: TMT 2031-13 is not a month'],
    ['198609262027011001', 'NIP_TMT', 'TMT 2027-01 is in the future'],
    ['198609261999011001', 'NIP_TMT', 'before age 18'],
    ['198609262015053001', 'ID_SEX', 'digit 15: sex code 3'],
    ['198609262015051000', 'ID_SEQUENCE', 'digits 16-18'],
  ])('rejects %s with %s', (raw, code, fragment) => {
    const r = validateNip(raw, today);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toContain(fragment);
      expect(r.messageId.length).toBeGreaterThan(10);
    }
  });
});

describe('validateNiPppk', () => {
  it('accepts the observed part-time layout', () => {
    expect(validateNiPppk('199009132025242014', today)).toEqual({ ok: true, value: '199009132025242014' });
  });
  it.each([
    ['199009132015242014', 'NI_PPPK_YEAR'],
    ['199009132025243014', 'ID_SEX'],
    ['199013132025242014', 'ID_BIRTH_DATE'],
  ])('rejects %s', (raw, code) => {
    const r = validateNiPppk(raw, today);
    expect(r.ok ? 'ok' : r.code).toBe(code);
  });
});

describe('validateNik', () => {
  it('accepts a man and a woman (+40 on the day)', () => {
    expect(validateNik('3275011209860001', today, provinces).ok).toBe(true);
    expect(validateNik('3275015209860001', today, provinces).ok).toBe(true);
  });
  it.each([
    ['9975011209860001', 'NIK_REGION'],
    ['3275013209860001', 'NIK_BIRTH_DATE'],
    ['3275011213860001', 'NIK_BIRTH_DATE'],
    ['3275011209860000', 'ID_SEQUENCE'],
    ['327501120986000', 'ID_LENGTH'],
  ])('rejects %s', (raw, code) => {
    const r = validateNik(raw, today, provinces);
    expect(r.ok ? 'ok' : r.code).toBe(code);
  });
});

describe('validateInternalId', () => {
  it('accepts agency ids and rejects blanks and long values', () => {
    expect(validateInternalId('THL-2024/0153').ok).toBe(true);
    expect(validateInternalId(' ').ok).toBe(false);
    expect(validateInternalId('x'.repeat(41)).ok).toBe(false);
  });
});

describe('normalizeEmployeeId', () => {
  it.each([
    [' 19860926 201505 1 001 ', '198609262015051001'],
    ['19860926.201505.1.001', '198609262015051001'],
    ['19860926-201505-1-001', '198609262015051001'],
    [' THL-0012 ', 'THL-0012'],
    ['HON 12', 'HON 12'],
  ])('%s -> %s', (typed, id) => {
    expect(normalizeEmployeeId(typed)).toBe(id);
  });
});
