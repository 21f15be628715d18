import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/working-days.ts';
import { computeDeadline, computeDeadlines } from './compute.ts';
import { DEADLINE_RULES, deadlineRules, type DeadlineRule } from './rules.ts';

const rule = (id: string, rules: readonly DeadlineRule[] = DEADLINE_RULES): DeadlineRule => {
  const found = rules.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`missing rule ${id}`);
  return found;
};

describe('deadline rules data', () => {
  it.each([
    ['pemilu.report', 7, 'working', 'known'],
    ['pemilu.finding', 7, 'working', 'known'],
    ['pemilu.initial_review', 2, 'working', 'receipt'],
    ['pemilu.review', 7, 'working', 'registration'],
    ['pemilu.review_extended', 14, 'working', 'registration'],
    ['pilkada.report', 7, 'calendar', 'known'],
    ['pilkada.review', 3, 'calendar', 'receipt'],
    ['pemilu.gakkumdu.police_forwarding', 1, 'calendar', 'gakkumdu_declaration'],
    ['pemilu.gakkumdu.investigation', 14, 'calendar', 'police_receipt'],
    ['pemilu.gakkumdu.judgment', 7, 'calendar', 'court_transfer'],
    ['pilkada.gakkumdu.investigation', 14, 'working', 'police_receipt'],
    ['pilkada.gakkumdu.prosecution', 5, 'working', 'pilkada.gakkumdu.investigation'],
    ['civil_service.ppk_follow_up', 14, 'calendar', 'recommendation'],
  ])('%s: %i %s days from %s', (id, days, basis, from) => {
    const found = rule(id);
    expect(found.days).toBe(days);
    expect(found.basis).toBe(basis);
    expect('event' in found.from ? found.from.event : found.from.rule).toBe(from);
  });

  it('flags the UNCONFIRMED items', () => {
    expect(rule('pemilu.report').basisUnconfirmed).toBe(true);
    expect(rule('civil_service.ppk_follow_up').unconfirmed).toBe(true);
    expect(rule('pemilu.review_extended').basisUnconfirmed).toBeUndefined();
  });

  it('only chains to rules that exist', () => {
    const ids = new Set(DEADLINE_RULES.map((candidate) => candidate.id));
    expect(ids.size).toBe(DEADLINE_RULES.length);
    for (const candidate of DEADLINE_RULES) if ('rule' in candidate.from) expect(ids).toContain(candidate.from.rule);
  });
});

describe('computeDeadline', () => {
  it('counts the Pemilu report deadline in working days, ending when the office closes (Thursday 16.00 local time)', () => {
    const deadline = computeDeadline(rule('pemilu.report'), '2024-02-12', { regionCode: '32.75' });
    expect(deadline.dueDate).toBe('2024-02-22'); // 14 Feb voting holiday skipped
    expect(deadline.dueAt).toBe('2024-02-22T16:00:00+07:00');
    // round the clock (quiet period, voting days): to the end of the day; a Friday closes at 16.30
    expect(computeDeadline(rule('pemilu.report'), '2024-02-12', { regionCode: '32.75', roundTheClock: () => true }).dueAt).toBe('2024-02-22T23:59:00+07:00');
    expect(computeDeadline(rule('pemilu.report'), '2024-02-13', { regionCode: '32.75' }).dueAt).toBe('2024-02-23T16:30:00+07:00');
    // Bawaslu's own deadlines run to the end of the day
    expect(computeDeadline(rule('pemilu.review'), '2024-02-12', { regionCode: '32.75' }).dueAt).toMatch(/T23:59:00\+07:00$/);
    expect(deadline.calendarCovered).toBe(true);
  });

  it.each([
    ['73.71', '2024-10-08T16:00:00+08:00'], // Kota Makassar, WITA
    ['94.71', '2024-10-08T16:00:00+09:00'], // Kota Jayapura, WIT
    ['36.04', '2024-10-08T16:00:00+07:00'], // Kabupaten Serang, WIB
  ])('gives %s a deadline at %s (office closing, local time)', (regionCode, expected) => {
    expect(computeDeadline(rule('pilkada.report'), '2024-10-01', { regionCode }).dueAt).toBe(expected);
  });

  it('follows overrides of days and basis', () => {
    const rules = deadlineRules({ 'pemilu.report': { basis: 'calendar' }, 'civil_service.ppk_follow_up': { days: 30 } });
    expect(computeDeadline(rule('pemilu.report', rules), '2024-02-12', { regionCode: '32' }).dueDate).toBe('2024-02-19');
    expect(computeDeadline(rule('civil_service.ppk_follow_up', rules), '2024-03-01', { regionCode: '32' }).dueDate).toBe('2024-03-31');
    expect(computeDeadline(rule('civil_service.ppk_follow_up'), '2024-03-01', { regionCode: '32' }).dueDate).toBe('2024-03-15');
  });

  it('uses the calendar it is given', () => {
    const open = createCalendar({ collectiveLeaveIsDayOff: false });
    expect(computeDeadline(rule('pemilu.initial_review'), '2024-04-05', { regionCode: '32', calendar: open }).dueDate).toBe('2024-04-09');
    expect(computeDeadline(rule('pemilu.initial_review'), '2024-04-05', { regionCode: '32' }).dueDate).toBe('2024-04-17');
  });

  it('marks counts outside the holiday data', () => {
    expect(computeDeadline(rule('pemilu.report'), '2022-11-20', { regionCode: '32' }).calendarCovered).toBe(false);
    expect(computeDeadline(rule('pilkada.report'), '2022-11-20', { regionCode: '32' }).calendarCovered).toBe(true);
  });
});

describe('computeDeadlines', () => {
  it('chains steps from the latest date of the step before', () => {
    const result = computeDeadlines(
      DEADLINE_RULES,
      ['pilkada.review', 'pilkada.review_extended', 'pilkada.gakkumdu.investigation'],
      { receipt: '2024-10-01' },
      { regionCode: '32.16' },
    );
    expect(result.map((deadline) => [deadline.ruleId, deadline.dueDate, deadline.assumed])).toEqual([
      ['pilkada.review', '2024-10-04', false],
      ['pilkada.review_extended', '2024-10-06', true],
    ]);
  });

  it('chains the Pilkada Gakkumdu steps in working days', () => {
    const [investigation, prosecution] = computeDeadlines(
      DEADLINE_RULES,
      ['pilkada.gakkumdu.investigation', 'pilkada.gakkumdu.prosecution'],
      { police_receipt: '2024-11-20' },
      { regionCode: '32.16' },
    );
    expect(investigation?.dueDate).toBe('2024-12-11'); // 27 Nov voting holiday skipped
    expect(prosecution?.dueDate).toBe('2024-12-18');
  });

  it('rejects unknown rule ids', () => {
    expect(() => computeDeadlines(DEADLINE_RULES, ['nope'], {}, { regionCode: '32' })).toThrow(/nope/);
  });
});
