import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, shiftDate, weekdayOf } from './dates.ts';

describe('date arithmetic', () => {
  it('agrees with the host calendar from 1900 to 2199', () => {
    // Date.UTC is exact for years from 100 on; step through three centuries, leap days included
    for (let ms = Date.UTC(1900, 0, 1), prev: string | null = null; ms <= Date.UTC(2199, 11, 31); ms += 86_400_000 * 13) {
      const date = new Date(ms).toISOString().slice(0, 10);
      expect(isIsoDate(date), date).toBe(true);
      if (prev) expect(daysBetween(prev, date), date).toBe(13);
      if (prev) expect(shiftDate(prev, 13), date).toBe(date);
      expect(weekdayOf(date), date).toBe(((new Date(ms).getUTCDay() + 6) % 7) + 1);
      prev = date;
    }
  });

  it('keeps years below 100 in their own year (Date.UTC reads them as 1900-1999)', () => {
    expect(shiftDate('0001-01-01', 9)).toBe('0001-01-10');
    expect(shiftDate('0099-12-31', 11)).toBe('0100-01-11');
    expect(shiftDate('0024-02-28', 1)).toBe('0024-02-29');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(daysBetween('0001-01-01', '1970-01-01')).toBe(719_162);
    expect(weekdayOf('0001-01-01')).toBe(1); // proleptic Gregorian: a Monday
    expect(isIsoDate('0000-02-29')).toBe(true); // year 0 is a leap year
    expect(isIsoDate('0100-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });
});
