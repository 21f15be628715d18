import { zoneOf } from './zones.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@netra/contracts';
import { localeOf, type Language } from '../i18n/index.ts';
import { parseWallClock } from './dates.ts';

export interface Formatters {
  /** The UI language's half of a bilingual text from the API. */
  localized: (text: LocalizedText) => string;
  dateTime: (iso: string | null | undefined) => string;
  /** A calendar date ("YYYY-MM-DD"), never shifted by the browser's zone. */
  date: (isoDate: string | null | undefined) => string;
  /** Short month and year of a calendar date, for axis ticks. */
  month: (isoDate: string) => string;
  /** "2024-02-21T23:59:00+07:00" as the local time there, with its zone: "21 Feb 2024 23.59 WIB". */
  wallClock: (isoWithOffset: string) => string;
  fileSize: (bytes: number) => string;
  /** A count with the locale's grouping ("24.013"). */
  number: (n: number) => string;
}

/** Locale-aware formatters that follow the UI language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'id';
  return useMemo(() => formattersFor(language), [language]);
}

function formattersFor(language: Language): Formatters {
  const locale = localeOf(language);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const calendarDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const calendarMonth = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const wallClock = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const utcMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
  return {
    localized: (text) => text[language],
    // in the viewer's own time, always with its zone (WIB/WITA/WIT in Indonesia): a time without one is ambiguous across the country
    dateTime: (iso) => {
      if (!iso) return '—';
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : `${dateTime.format(date)} ${zoneOf(date)}`;
    },
    date: (isoDate) => {
      if (!isoDate) return '—';
      const date = utcMidnight(isoDate);
      return Number.isNaN(date.getTime()) ? isoDate : calendarDate.format(date);
    },
    month: (isoDate) => calendarMonth.format(utcMidnight(isoDate)),
    wallClock: (isoWithOffset) => {
      const parsed = parseWallClock(isoWithOffset);
      return parsed ? `${wallClock.format(parsed.local)} ${parsed.zone}` : isoWithOffset;
    },
    number: (n) => number.format(n),
    fileSize: (bytes) => {
      if (bytes < 1024) return `${bytes} B`;
      if (bytes < 1_048_576) return `${number.format(bytes / 1024)} KB`;
      return `${number.format(bytes / 1_048_576)} MB`;
    },
  };
}

/** Whole-number percentage of done/total, clamped to 0..100. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}
