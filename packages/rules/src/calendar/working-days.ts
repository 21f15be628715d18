import { shiftDate, weekdayOf, yearOf, type Weekday } from '../shared/dates.ts';
import type { IsoDate, Sourced } from '../shared/types.ts';
import { HOLIDAYS, HOLIDAY_YEARS, type Holiday } from './holidays.ts';

/**
 * Government working week. Monday-Friday is assumed; its legal basis (a Perpres on ASN working
 * days) is UNCONFIRMED (domain.md §8.7, §11 item 14), so it is an option.
 */
export const DEFAULT_WORKING_WEEK: Sourced & { readonly weekdays: readonly Weekday[] } = {
  weekdays: [1, 2, 3, 4, 5],
  source: 'Monday-Friday government working week (domain.md §8.7) [S170]',
  unconfirmed: true,
};

export interface CalendarOptions {
  /** ISO weekdays that are working days (1 = Monday). Default Monday-Friday. */
  readonly workingWeekdays?: readonly Weekday[];
  /** Replaces the built-in holiday list. */
  readonly holidays?: readonly Holiday[];
  /** Added to the holiday list (e.g. a local holiday or a later Keppres). */
  readonly extraHolidays?: readonly Holiday[];
  /** Whether cuti bersama closes offices for deadline counting. Default true. */
  readonly collectiveLeaveIsDayOff?: boolean;
  /** Years with complete holiday data. Default 2023-2026. */
  readonly coveredYears?: readonly number[];
}

/** A resolved calendar: build it once with `createCalendar` and pass it around. */
export interface WorkCalendar {
  readonly workingWeekdays: ReadonlySet<Weekday>;
  readonly daysOff: ReadonlyMap<IsoDate, Holiday>;
  readonly coveredYears: ReadonlySet<number>;
}

export function createCalendar(options: CalendarOptions = {}): WorkCalendar {
  const collectiveLeaveIsDayOff = options.collectiveLeaveIsDayOff ?? true;
  const holidays = [...(options.holidays ?? HOLIDAYS), ...(options.extraHolidays ?? [])];
  const daysOff = new Map<IsoDate, Holiday>();
  for (const holiday of holidays) {
    if (holiday.kind === 'collective_leave' && !collectiveLeaveIsDayOff) continue;
    if (!daysOff.has(holiday.date)) daysOff.set(holiday.date, holiday);
  }
  return {
    workingWeekdays: new Set(options.workingWeekdays ?? DEFAULT_WORKING_WEEK.weekdays),
    daysOff,
    coveredYears: new Set(options.coveredYears ?? HOLIDAY_YEARS),
  };
}

const DEFAULT_CALENDAR = createCalendar();

export function isWorkingDay(date: IsoDate, calendar: WorkCalendar = DEFAULT_CALENDAR): boolean {
  return calendar.workingWeekdays.has(weekdayOf(date)) && !calendar.daysOff.has(date);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return shiftDate(date, days);
}

/**
 * The date `days` working days after `date`, counting from the next day ("day 1" is the first
 * working day after `date`). `days` = 0 returns `date` itself.
 */
export function addWorkingDays(date: IsoDate, days: number, calendar: WorkCalendar = DEFAULT_CALENDAR): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  let current = date;
  let remaining = days;
  while (remaining > 0) {
    current = shiftDate(current, 1);
    if (isWorkingDay(current, calendar)) remaining -= 1;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkCalendar = DEFAULT_CALENDAR): number {
  let count = 0;
  for (let current = shiftDate(from, 1); current <= to; current = shiftDate(current, 1)) {
    if (isWorkingDay(current, calendar)) count += 1;
  }
  return count;
}

/** Whether every year between the two dates has holiday data. */
export function isCovered(from: IsoDate, to: IsoDate, calendar: WorkCalendar = DEFAULT_CALENDAR): boolean {
  for (let year = yearOf(from); year <= yearOf(to); year += 1) {
    if (!calendar.coveredYears.has(year)) return false;
  }
  return true;
}
