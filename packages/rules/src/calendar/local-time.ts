import type { IsoDate } from '../shared/types.ts';
import { weekdayOf } from '../shared/dates.ts';
import { utcOffsetOfRegion } from '../regions/region-code.ts';
import { TIME_ZONES, timeZoneOfRegion } from '../regions/time-zones.ts';

/** Deadlines end at 23:59 local time of the office's region (domain.md §8.8). */
export const END_OF_DAY = '23:59:00';

/** `2024-02-21T23:59:00+07:00` for a date in a WIB region. */
export function endOfDayInRegion(date: IsoDate, regionCode: string): string {
  const offset = utcOffsetOfRegion(regionCode);
  if (!offset) throw new RangeError(`Unknown province in region code ${regionCode}`);
  return `${date}T${END_OF_DAY}${offset}`;
}

/**
 * Bawaslu's office hours for receiving reports, local time (Perbawaslu 7/2022 Pasal 11; Perbawaslu
 * 9/2024): Monday-Thursday 08.00-16.00, Friday 08.00-16.30; round the clock (1x24 hours) in the quiet
 * period and on voting and counting days.
 */
export const OFFICE_HOURS = {
  closes: { 1: '16:00', 2: '16:00', 3: '16:00', 4: '16:00', 5: '16:30' } as Readonly<Partial<Record<number, string>>>,
  source: 'Perbawaslu 7/2022 Pasal 11(4); Perbawaslu 9/2024 (domain.md §4.1, §4.2) [S21, S79, S86]',
} as const;

/**
 * When a reporting day ends at the office: its closing time on a weekday (`2024-02-22T16:00:00+07:00`),
 * the end of the day when the office takes reports round the clock (`roundTheClock`) or has no hours
 * that day.
 */
export function officeCloseInRegion(date: IsoDate, regionCode: string, roundTheClock = false): string {
  const closes = roundTheClock ? undefined : OFFICE_HOURS.closes[weekdayOf(date)];
  if (!closes) return endOfDayInRegion(date, regionCode);
  const offset = utcOffsetOfRegion(regionCode);
  if (!offset) throw new RangeError(`Unknown province in region code ${regionCode}`);
  return `${date}T${closes}:00${offset}`;
}

/** Hours ahead of UTC in the region's time zone: WIB 7, WITA 8, WIT 9 (WIB for an unknown province). */
export function utcOffsetHoursOfRegion(regionCode: string): number {
  return TIME_ZONES[timeZoneOfRegion(regionCode) ?? 'WIB'].utcOffsetHours;
}

/** The calendar date at instant `now` in the region's time zone (WIB/WITA/WIT; no daylight saving). */
export function localDateInRegion(now: Date, regionCode: string): IsoDate {
  return new Date(now.getTime() + utcOffsetHoursOfRegion(regionCode) * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}

/** The instant of a local date and time (HH:MM) in the region: 2023-11-02 12:00 in WIB is 05:00 UTC. */
export function instantInRegion(date: string, time: string, regionCode: string): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - utcOffsetHoursOfRegion(regionCode) * 3_600_000);
}
