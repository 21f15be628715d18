import type { IsoDate } from '../shared/types.ts';
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
