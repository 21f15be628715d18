import { addDays, daysBetween } from '../../lib/dates.ts';

/**
 * A day axis from the first of the month of the earliest stage to the first of the month after
 * the latest one. Positions are percentages of the axis width; a day covers [x, x + dayWidth).
 */
export interface TimeScale {
  /** First day on the axis. */
  readonly start: string;
  /** First day after the axis. */
  readonly end: string;
  readonly dayWidth: number;
  x: (isoDate: string) => number;
}

export interface DatedRange {
  readonly start: string;
  readonly end: string;
}

/** Earliest start and latest (inclusive) end, or null without stages. */
export function spanOf(ranges: readonly DatedRange[]): DatedRange | null {
  if (ranges.length === 0) return null;
  let start = ranges[0]!.start;
  let end = ranges[0]!.end;
  for (const range of ranges) {
    if (range.start < start) start = range.start;
    if (range.end > end) end = range.end;
  }
  return { start, end };
}

function firstOfNextMonth(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

export function createScale(span: DatedRange): TimeScale {
  const start = `${span.start.slice(0, 7)}-01`;
  const end = firstOfNextMonth(span.end);
  const days = daysBetween(start, end);
  return { start, end, dayWidth: 100 / days, x: (isoDate) => (daysBetween(start, isoDate) / days) * 100 };
}

/** The first of every month on the axis; `labelled` on every `step`-th so labels never crowd. */
export function monthTicks(scale: TimeScale, maxLabels = 10): { date: string; x: number; labelled: boolean }[] {
  const months: string[] = [];
  for (let date = scale.start; date < scale.end; date = firstOfNextMonth(date)) months.push(date);
  const step = Math.max(1, Math.ceil(months.length / maxLabels));
  return months.map((date, index) => ({ date, x: scale.x(date), labelled: index % step === 0 }));
}

/** Left edge and width of an inclusive date range. */
export function barOf(scale: TimeScale, range: DatedRange): { left: number; width: number } {
  const left = scale.x(range.start);
  return { left, width: scale.x(addDays(range.end, 1)) - left };
}
