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

/** The calendar date at instant `now` in the region's time zone (WIB/WITA/WIT; no daylight saving). */
export function localDateInRegion(now: Date, regionCode: string): IsoDate {
  const tz = timeZoneOfRegion(regionCode) ?? 'WIB';
  return new Date(now.getTime() + TIME_ZONES[tz].utcOffsetHours * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}
