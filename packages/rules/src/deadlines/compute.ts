import type { Bilingual, IsoDate } from '../shared/types.ts';
import { addCalendarDays, addWorkingDays, createCalendar, isCovered, type WorkCalendar } from '../calendar/working-days.ts';
import { endOfDayInRegion, officeCloseInRegion } from '../calendar/local-time.ts';
import type { CountingBasis, DeadlineEvent, DeadlineRule } from './rules.ts';

export interface Deadline {
  readonly ruleId: string;
  readonly name: Bilingual;
  /** The date counted from. */
  readonly from: IsoDate;
  readonly days: number;
  readonly basis: CountingBasis;
  readonly dueDate: IsoDate;
  /** 23:59 local time of the office's region (a report deadline: its closing time), with its UTC offset. */
  readonly dueAt: string;
  /** True when `from` is itself a latest-possible date of an earlier step, not a recorded event. */
  readonly assumed: boolean;
  /** False when holiday data is missing for a year the count crosses (only weekends are known then). */
  readonly calendarCovered: boolean;
  readonly unconfirmed: boolean;
  readonly source: string;
}

export interface DeadlineContext {
  /** The office's region code (its province sets the time zone). */
  readonly regionCode: string;
  readonly calendar?: WorkCalendar;
  /** Days the office takes reports round the clock (quiet period, voting and counting days). */
  readonly roundTheClock?: (date: IsoDate) => boolean;
}

/** Due date of one rule counted from `from`. */
export function computeDeadline(rule: DeadlineRule, from: IsoDate, context: DeadlineContext, assumed = false): Deadline {
  const calendar = context.calendar ?? createCalendar();
  const dueDate = rule.basis === 'working' ? addWorkingDays(from, rule.days, calendar) : addCalendarDays(from, rule.days);
  return {
    ruleId: rule.id,
    name: rule.name,
    from,
    days: rule.days,
    basis: rule.basis,
    dueDate,
    dueAt: rule.endsAtOfficeClose ? officeCloseInRegion(dueDate, context.regionCode, context.roundTheClock?.(dueDate) ?? false) : endOfDayInRegion(dueDate, context.regionCode),
    assumed,
    calendarCovered: rule.basis === 'calendar' || isCovered(from, dueDate, calendar),
    unconfirmed: rule.unconfirmed === true || rule.basisUnconfirmed === true,
    source: rule.source,
  };
}

/**
 * Due dates of `ruleIds`, counting from recorded events or, for chained rules, from the due
 * date of the rule they follow. Rules whose event is not recorded are left out.
 */
export function computeDeadlines(
  rules: readonly DeadlineRule[],
  ruleIds: readonly string[],
  events: Partial<Record<DeadlineEvent, IsoDate>>,
  context: DeadlineContext,
): Deadline[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const memo = new Map<string, Deadline | null>();

  const resolve = (id: string, seen: readonly string[]): Deadline | null => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const rule = byId.get(id);
    if (!rule) throw new RangeError(`Unknown deadline rule ${id}`);
    if (seen.includes(id)) throw new RangeError(`Deadline rules form a cycle: ${[...seen, id].join(' -> ')}`);
    let result: Deadline | null;
    if ('event' in rule.from) {
      const date = events[rule.from.event];
      result = date ? computeDeadline(rule, date, context) : null;
    } else if (rule.from.recorded && events[rule.from.recorded]) {
      result = computeDeadline(rule, events[rule.from.recorded]!, context);
    } else {
      const previous = resolve(rule.from.rule, [...seen, id]);
      result = previous ? computeDeadline(rule, previous.dueDate, context, true) : null;
    }
    memo.set(id, result);
    return result;
  };

  return ruleIds.map((id) => resolve(id, [])).filter((deadline): deadline is Deadline => deadline !== null);
}
