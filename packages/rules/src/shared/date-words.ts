import type { Bilingual, IsoDate } from './types.ts';
import { TIME_ZONES } from '../regions/time-zones.ts';

/** The two languages of every user-facing text (`Bilingual`). */
export type Language = keyof Bilingual;

const MONTHS: Record<Language, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function parts(date: string, language: Language): { day: number; month: string; year: string } | null {
  const match = DATE.exec(date);
  const month = match ? MONTHS[language][Number(match[2]) - 1] : undefined;
  return match && month ? { day: Number(match[3]), month, year: match[1]! } : null;
}

/**
 * A date as people read it in a sentence: "2024-11-20" -> "20 November 2024" (id and en alike,
 * "20 Februari 2024" / "20 February 2024"). Pure and independent of the runtime's locale data;
 * anything that is not a date is returned as it is.
 */
export function dateInWords(date: IsoDate, language: Language): string {
  const p = parts(date, language);
  return p ? `${p.day} ${p.month} ${p.year}` : date;
}

/**
 * A period: "25 September s.d. 23 November 2024" / "25 September to 23 November 2024", the month and
 * year said once when both ends share them ("20 s.d. 29 November 2022"), a single date when it
 * starts and ends on one day.
 */
export function dateRangeInWords(start: IsoDate, end: IsoDate, language: Language): string {
  if (start === end) return dateInWords(start, language);
  const from = parts(start, language);
  const to = parts(end, language);
  const joiner = language === 'id' ? 's.d.' : 'to';
  if (!from || !to) return `${start} ${joiner} ${end}`;
  const first = from.year !== to.year ? `${from.day} ${from.month} ${from.year}` : from.month !== to.month ? `${from.day} ${from.month}` : `${from.day}`;
  return `${first} ${joiner} ${to.day} ${to.month} ${to.year}`;
}

/** A reading of a clock in words: "27 November 2024 pukul 23.59 WIB" / "27 November 2024, 23:59 WIB". */
function clockInWords(date: IsoDate, hours: string, minutes: string, zone: string, language: Language): string {
  return language === 'id' ? `${dateInWords(date, 'id')} pukul ${hours}.${minutes} ${zone}` : `${dateInWords(date, 'en')}, ${hours}:${minutes} ${zone}`;
}

/**
 * A deadline's local time with its zone, the offset naming it (+07 WIB, +08 WITA, +09 WIT; Z UTC):
 * "2024-11-27T23:59:00+07:00" -> "27 November 2024 pukul 23.59 WIB" / "27 November 2024, 23:59 WIB".
 * The clock time is the one written, never converted; anything else is returned as it is.
 */
export function localTimeInWords(timestamp: string, language: Language): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|([+-]\d{2}):?(\d{2}))$/.exec(timestamp);
  if (!match) return timestamp;
  const [, date, hours, minutes, offsetHours, offsetMinutes] = match;
  const offset = offsetHours === undefined ? 0 : Number(offsetHours) + Math.sign(Number(offsetHours)) * (Number(offsetMinutes) / 60);
  const zone =
    Object.entries(TIME_ZONES).find(([, tz]) => tz.utcOffsetHours === offset)?.[0] ?? (offsetHours === undefined ? 'UTC' : `UTC${offsetHours}:${offsetMinutes}`);
  return clockInWords(date!, hours!, minutes!, zone, language);
}

/**
 * An instant as the local time of a zone: "2 Desember 2026 pukul 22.48 WIB" for 15.48 UTC in WIB (in
 * Indonesian unless asked otherwise: the official documents and letters are; the hour and minute
 * separated by a dot, as they write them).
 */
export function timeInWords(at: Date, zone: { readonly offsetHours: number; readonly name: string }, language: Language = 'id'): string {
  const local = new Date(at.getTime() + zone.offsetHours * 3_600_000).toISOString();
  return clockInWords(local.slice(0, 10), local.slice(11, 13), local.slice(14, 16), zone.name, language);
}
