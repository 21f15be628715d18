import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/index.ts';

export interface Formatters {
  dateTime: (iso: string | null | undefined) => string;
  fileSize: (bytes: number) => string;
}

/** Locale-aware formatters that follow the UI language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language === 'en' ? 'en' : 'id');
  return useMemo(() => formattersFor(locale), [locale]);
}

function formattersFor(locale: string): Formatters {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    dateTime: (iso) => {
      if (!iso) return '—';
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
    },
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
