import { describe, expect, it } from 'vitest';
import { dateInWords, dateRangeInWords, localTimeInWords, timeInWords } from './date-words.ts';

describe('dates in words', () => {
  it('writes a date as Indonesian and English readers expect it', () => {
    expect(dateInWords('2024-11-20', 'id')).toBe('20 November 2024');
    expect(dateInWords('2024-11-20', 'en')).toBe('20 November 2024');
    expect(dateInWords('2024-02-01', 'id')).toBe('1 Februari 2024');
    expect(dateInWords('2024-02-01', 'en')).toBe('1 February 2024');
    expect(dateInWords('2021-08-31', 'id')).toBe('31 Agustus 2021');
    expect(dateInWords('2022-12-14', 'id')).toBe('14 Desember 2022');
    expect(dateInWords('2023-05-17', 'id')).toBe('17 Mei 2023');
  });

  it('names every month in both languages', () => {
    const months = (language: 'id' | 'en') => Array.from({ length: 12 }, (_, i) => dateInWords(`2024-${String(i + 1).padStart(2, '0')}-01`, language).split(' ')[1]);
    expect(months('id')).toEqual(['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']);
    expect(months('en')).toEqual(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
  });

  it('leaves what is not a date as it is', () => {
    expect(dateInWords('soon', 'id')).toBe('soon');
    expect(dateInWords('2024-13-01', 'en')).toBe('2024-13-01');
  });

  it('takes the date part of a timestamp', () => {
    expect(dateInWords('2024-02-29T23:00:00.000Z', 'en')).toBe('29 February 2024');
  });

  it('says a period with its shared month and year once', () => {
    expect(dateRangeInWords('2024-09-25', '2024-11-23', 'id')).toBe('25 September s.d. 23 November 2024');
    expect(dateRangeInWords('2024-09-25', '2024-11-23', 'en')).toBe('25 September to 23 November 2024');
    expect(dateRangeInWords('2022-11-20', '2022-11-29', 'id')).toBe('20 s.d. 29 November 2022');
    expect(dateRangeInWords('2023-11-28', '2024-02-10', 'en')).toBe('28 November 2023 to 10 February 2024');
    expect(dateRangeInWords('2024-11-27', '2024-11-27', 'id')).toBe('27 November 2024');
  });

  it('writes a deadline in the zone its offset names, the clock time unconverted', () => {
    expect(localTimeInWords('2024-11-27T23:59:00+07:00', 'id')).toBe('27 November 2024 pukul 23.59 WIB');
    expect(localTimeInWords('2024-11-27T23:59:00+07:00', 'en')).toBe('27 November 2024, 23:59 WIB');
    expect(localTimeInWords('2024-02-22T16:30:00+08:00', 'id')).toBe('22 Februari 2024 pukul 16.30 WITA');
    expect(localTimeInWords('2024-02-22T16:00:00+09:00', 'en')).toBe('22 February 2024, 16:00 WIT');
    expect(localTimeInWords('not a time', 'id')).toBe('not a time');
  });

  it('names a zone Indonesia does not have by its offset', () => {
    expect(localTimeInWords('2024-11-27T16:59:00Z', 'id')).toBe('27 November 2024 pukul 16.59 UTC');
    expect(localTimeInWords('2024-11-27T21:59:00+05:30', 'en')).toBe('27 November 2024, 21:59 UTC+05:30');
  });

  it('writes an instant as the local time of a zone, Indonesian unless asked', () => {
    expect(timeInWords(new Date('2026-12-02T15:48:00Z'), { offsetHours: 7, name: 'WIB' })).toBe('2 Desember 2026 pukul 22.48 WIB');
    expect(timeInWords(new Date('2026-12-31T17:05:00Z'), { offsetHours: 9, name: 'WIT' })).toBe('1 Januari 2027 pukul 02.05 WIT');
    expect(timeInWords(new Date('2026-12-31T17:05:00Z'), { offsetHours: 9, name: 'WIT' }, 'en')).toBe('1 January 2027, 02:05 WIT');
    expect(timeInWords(new Date('2026-12-31T17:05:00Z'), { offsetHours: 0, name: 'UTC' })).toBe('31 Desember 2026 pukul 17.05 UTC');
  });
});
