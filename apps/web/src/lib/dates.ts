import { IsoDate } from '@netra/contracts';

/**
 * Calendar dates ("YYYY-MM-DD") from the legal engine carry no time zone: they are handled
 * as UTC midnights so the browser's own zone never shifts them by a day.
 */

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one), by the same rule the API checks dates with. */
export const isIsoDate = (value: string): boolean => IsoDate.safeParse(value).success;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Indonesian time zones by UTC offset (Keppres 41/1987; no daylight saving). */
const ZONE_OF_OFFSET: Readonly<Record<string, string>> = { '+07:00': 'WIB', '+08:00': 'WITA', '+09:00': 'WIT' };

export interface WallClock {
  /** Local calendar date and time as written, read as if UTC (for formatting only). */
  readonly local: Date;
  /** WIB, WITA, WIT, or "UTC+hh:mm" for any other offset. */
  readonly zone: string;
  readonly offsetMinutes: number;
}

/** Reads "2024-02-21T23:59:00+07:00" as the local time it names, keeping its zone. */
export function parseWallClock(value: string): WallClock | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, rawOffset = 'Z'] = match;
  const offset = rawOffset === 'Z' ? '+00:00' : rawOffset;
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMinutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return {
    local: new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi))),
    zone: ZONE_OF_OFFSET[offset] ?? `UTC${offset}`,
    offsetMinutes,
  };
}

/** Today's calendar date at a UTC offset (e.g. in the region a deadline belongs to). */
export function todayAtOffset(offsetMinutes: number, now: number = Date.now()): string {
  return new Date(now + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Today's calendar date where the browser is (a form's default date). */
export const localToday = () => todayAtOffset(-new Date().getTimezoneOffset());
