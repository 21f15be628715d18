import type { IsoDate } from '../shared/types.ts';
import { utcOffsetOfRegion } from '../regions/region-code.ts';

/** Deadlines end at 23:59 local time of the office's region (domain.md §8.8). */
export const END_OF_DAY = '23:59:00';

/** `2024-02-21T23:59:00+07:00` for a date in a WIB region. */
export function endOfDayInRegion(date: IsoDate, regionCode: string): string {
  const offset = utcOffsetOfRegion(regionCode);
  if (!offset) throw new RangeError(`Unknown province in region code ${regionCode}`);
  return `${date}T${END_OF_DAY}${offset}`;
}
