import { describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays, createCalendar, isCovered, isWorkingDay, workingDaysBetween } from './working-days.ts';
import { HOLIDAYS } from './holidays.ts';
import { endOfDayInRegion, instantInRegion, localDateInRegion, utcOffsetHoursOfRegion } from './local-time.ts';

describe('isWorkingDay', () => {
  it.each([
    ['2024-04-05', true], // Friday before Idulfitri
    ['2024-04-08', false], // cuti bersama
    ['2024-04-09', false], // cuti bersama
    ['2024-04-10', false], // Idulfitri
    ['2024-04-11', false], // Idulfitri
    ['2024-04-12', false], // cuti bersama
    ['2024-04-13', false], // Saturday
    ['2024-04-15', false], // cuti bersama
    ['2024-04-16', true],
    ['2024-02-14', false], // Pemilu voting day, Keppres 10/2024
    ['2024-11-27', false], // Pilkada voting day, Keppres 33/2024
    ['2024-11-26', true],
    ['2025-08-18', false], // cuti bersama added 7 Aug 2025
    ['2025-08-19', true],
    ['2026-03-23', false],
    ['2026-03-25', true],
    ['2023-04-19', false], // 2023 cuti bersama Idulfitri (amended SKB)
    ['2023-04-26', true],
  ])('%s -> %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Idulfitri 2024: 8-12 and 15 Apr off.
    ['2024-04-05', 1, '2024-04-16'],
    ['2024-04-04', 2, '2024-04-16'],
    ['2024-04-05', 7, '2024-04-24'],
    ['2024-04-10', 1, '2024-04-16'],
    // Idulfitri 2025: 31 Mar-1 Apr holidays, 2-4 and 7 Apr cuti bersama.
    ['2025-03-27', 1, '2025-04-08'], // 28 Mar cuti bersama Nyepi
    ['2025-03-27', 7, '2025-04-16'],
    // Idulfitri 2026: 20, 23, 24 Mar cuti bersama, 21-22 Mar holidays, 19 Mar Nyepi, 18 Mar cuti bersama.
    ['2026-03-17', 1, '2026-03-25'],
    ['2026-03-17', 3, '2026-03-27'],
    // 18 Aug 2025 cuti bersama.
    ['2025-08-15', 1, '2025-08-19'],
    // Pemilu week: 14 Feb 2024 voting holiday.
    ['2024-02-12', 7, '2024-02-22'],
    ['2024-02-12', 0, '2024-02-12'],
  ])('%s + %i working days = %s', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => addWorkingDays('2024-01-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-01-02', 1.5)).toThrow(/non-negative integer, got 1.5/);
  });
});

describe('addCalendarDays and workingDaysBetween', () => {
  it('adds calendar days across months and leap days', () => {
    expect(addCalendarDays('2024-02-25', 7)).toBe('2024-03-03');
    expect(addCalendarDays('2023-02-25', 7)).toBe('2023-03-04');
    expect(addCalendarDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it.each([
    ['2024-04-05', '2024-04-16', 1],
    ['2024-04-01', '2024-04-30', 15], // 21 weekdays after 1 Apr, minus 6 days off,
    ['2025-03-27', '2025-04-16', 7],
    ['2024-04-16', '2024-04-05', 0],
  ])('working days after %s up to %s = %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const days of [1, 5, 10, 20]) {
      expect(workingDaysBetween('2024-03-28', addWorkingDays('2024-03-28', days))).toBe(days);
    }
  });
});

describe('calendar options', () => {
  it('can keep offices open on cuti bersama', () => {
    const calendar = createCalendar({ collectiveLeaveIsDayOff: false });
    expect(isWorkingDay('2024-04-08', calendar)).toBe(true);
    expect(isWorkingDay('2024-04-10', calendar)).toBe(false);
    expect(addWorkingDays('2024-04-05', 1, calendar)).toBe('2024-04-08');
  });

  it('can use another working week and extra holidays', () => {
    const sixDays = createCalendar({ workingWeekdays: [1, 2, 3, 4, 5, 6] });
    expect(isWorkingDay('2024-04-20', sixDays)).toBe(true);
    const local = createCalendar({
      extraHolidays: [{ date: '2024-04-17', kind: 'holiday', name: { id: 'Libur daerah', en: 'Local holiday' }, source: 'test' }],
    });
    expect(isWorkingDay('2024-04-17', local)).toBe(false);
    expect(isWorkingDay('2024-04-17')).toBe(true);
  });

  it('knows which years have holiday data', () => {
    expect(isCovered('2023-12-28', '2024-01-05')).toBe(true);
    expect(isCovered('2022-11-20', '2022-11-29')).toBe(false);
    expect(isCovered('2026-12-28', '2027-01-05')).toBe(false);
  });

  it('has no duplicate dates of the same kind and counts 2024-2026 as published', () => {
    const keys = HOLIDAYS.map((holiday) => `${holiday.date}/${holiday.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    const count = (year: string, kind: string) => HOLIDAYS.filter((h) => h.date.startsWith(year) && h.kind === kind).length;
    expect([count('2024', 'holiday'), count('2024', 'collective_leave'), count('2024', 'election_holiday')]).toEqual([17, 10, 2]);
    expect([count('2025', 'holiday'), count('2025', 'collective_leave')]).toEqual([17, 11]);
    expect([count('2026', 'holiday'), count('2026', 'collective_leave')]).toEqual([17, 8]);
    expect(HOLIDAYS.filter((h) => h.date.startsWith('2023')).every((h) => h.unconfirmed === true)).toBe(true);
  });
});

describe('endOfDayInRegion', () => {
  it.each([
    ['32.16', '2024-02-21T23:59:00+07:00'], // Kabupaten Bekasi, WIB
    ['51.71', '2024-02-21T23:59:00+08:00'], // Kota Denpasar, WITA
    ['73', '2024-02-21T23:59:00+08:00'], // Sulawesi Selatan, WITA
    ['91.01.01', '2024-02-21T23:59:00+09:00'], // Papua, WIT
    ['81.71', '2024-02-21T23:59:00+09:00'], // Kota Ambon, WIT
  ])('%s -> %s', (region, expected) => {
    expect(endOfDayInRegion('2024-02-21', region)).toBe(expected);
  });

  it('rejects an unknown province', () => {
    expect(() => endOfDayInRegion('2024-02-21', '99.01')).toThrow(/99.01/);
  });
});

describe('local time in a region', () => {
  it.each([
    ['32.75', 7, '2023-11-02T05:00:00.000Z'], // Kota Bekasi, WIB
    ['51.71', 8, '2023-11-02T04:00:00.000Z'], // Kota Denpasar, WITA
    ['91.71', 9, '2023-11-02T03:00:00.000Z'], // Kota Jayapura, WIT
  ])('%s: UTC+%d, local noon of 2023-11-02 is %s and stays on that local date', (region, hours, noon) => {
    expect(utcOffsetHoursOfRegion(region)).toBe(hours);
    const at = instantInRegion('2023-11-02', '12:00', region);
    expect(at.toISOString()).toBe(noon);
    expect(localDateInRegion(at, region)).toBe('2023-11-02');
    expect(at.toISOString().slice(0, 10)).toBe('2023-11-02');
  });
});
