import { describe, expect, it } from 'vitest';
import { isWithinRegion, parseRegionCode, utcOffsetOfRegion } from './region-code.ts';
import { isIsoDate, weekdayOf } from '../shared/dates.ts';

describe('parseRegionCode', () => {
  it.each([
    ['32', 'province', null],
    ['32.16', 'regency_city', '32.16'],
    ['32.16.01', 'district', '32.16'],
    ['33.73.04.1001', 'village', '33.73'],
  ])('%s is a %s', (code, level, regencyCity) => {
    const parsed = parseRegionCode(code);
    expect(parsed).toMatchObject({ ok: true, region: { level, regencyCityCode: regencyCity, provinceCode: code.slice(0, 2) } });
  });

  it.each([
    ['3', 'format'], ['3216', 'format'], ['32.1', 'format'], ['32.16.1', 'format'], ['32.16.01.100', 'format'],
    ['32.16.01.10011', 'format'], ['32.', 'format'], ['', 'format'], ['99', 'unknown_province'], ['20.01', 'unknown_province'],
  ])('%s is rejected (%s)', (code, problem) => {
    expect(parseRegionCode(code)).toEqual({ ok: false, problem });
  });

  it('knows region containment and offsets', () => {
    expect(isWithinRegion('31.71.01', '31')).toBe(true);
    expect(isWithinRegion('31', '31')).toBe(true);
    expect(isWithinRegion('311', '31')).toBe(false);
    expect([utcOffsetOfRegion('36.04'), utcOffsetOfRegion('64'), utcOffsetOfRegion('96.01')]).toEqual(['+07:00', '+08:00', '+09:00']);
    expect(utcOffsetOfRegion('99')).toBeUndefined();
  });
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2024-02-30', false], ['2024-13-01', false], ['2024-04-31', false],
    ['2024-1-01', false], ['2024-01-00', false], ['2100-02-29', false], ['2000-02-29', true],
  ])('isIsoDate(%s) = %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('computes ISO weekdays', () => {
    expect(weekdayOf('2024-02-14')).toBe(3); // Wednesday
    expect(weekdayOf('2024-11-27')).toBe(3);
    expect(weekdayOf('2022-11-20')).toBe(7); // Sunday
  });
});
