import { describe, expect, it } from 'vitest';
import {
  briefedCounts, brieferReachesUnit, checkAttendanceImport, checkBriefingHeadcount, checkCheckinWindow, checkEventDate, checkEventDateChange, checkReminderDate, distinctNips, normaliseNip,
  orphanedBy, unknownNipsMessage, unreachedBriefings,
} from './socialization-rules.ts';

describe('socialization rules', () => {
  it('accepts a check-in only on the event date', () => {
    expect(checkCheckinWindow({ today: '2026-11-20', heldOn: '2026-11-20' })).toBeNull();
    expect(checkCheckinWindow({ today: '2026-11-21', heldOn: '2026-11-20' })?.code).toBe('CHECKIN_CLOSED');
    expect(checkCheckinWindow({ today: '2026-11-19', heldOn: '2026-11-20' })?.message.en).toContain('2026-11-20');
  });
  it('records an attendance list from the event date on, never before', () => {
    expect(checkAttendanceImport({ today: '2026-11-20', heldOn: '2026-11-20' })).toBeNull();
    expect(checkAttendanceImport({ today: '2026-11-25', heldOn: '2026-11-20' })).toBeNull();
    const early = checkAttendanceImport({ today: '2026-11-19', heldOn: '2026-11-20' });
    expect(early?.code).toBe('ATTENDANCE_BEFORE_EVENT');
    expect(early?.message).toEqual({ id: expect.stringContaining('2026-11-20'), en: expect.stringContaining('2026-11-20') });
    expect(checkAttendanceImport({ today: '2026-12-31', heldOn: '2027-01-01' })?.code).toBe('ATTENDANCE_BEFORE_EVENT');
  });
  it('logs a reminder activity done today or earlier, not in the future', () => {
    expect(checkReminderDate({ today: '2026-11-20', doneOn: '2026-11-20' })).toBeNull();
    expect(checkReminderDate({ today: '2026-11-20', doneOn: '2026-01-02' })).toBeNull();
    const late = checkReminderDate({ today: '2026-11-20', doneOn: '2026-11-21' });
    expect(late?.code).toBe('REMINDER_IN_FUTURE');
    expect(late?.message).toEqual({ id: expect.stringContaining('2026-11-21'), en: expect.stringContaining('2026-11-21') });
  });
  it('refuses a reminder activity dated before 2000', () => {
    expect(checkReminderDate({ today: '2026-11-20', doneOn: '1999-12-31' })?.code).toBe('REMINDER_DATE_IMPLAUSIBLE');
    expect(checkReminderDate({ today: '2026-11-20', doneOn: '2000-01-01' })).toBeNull();
  });
  it('keeps an event for an election within its plausible window, and any event after 1999', () => {
    const election = { name: { id: 'Pemilu 2024', en: 'the 2024 general election' }, span: { start: '2022-06-14', end: '2024-10-20' } };
    expect(checkEventDate({ heldOn: '1999-12-31' })?.code).toBe('EVENT_DATE_IMPLAUSIBLE');
    expect(checkEventDate({ heldOn: '2026-11-20' })).toBeNull();
    expect(checkEventDate({ heldOn: '2024-01-15', election })).toBeNull();
    // early socialization: about six months before the first stage
    expect(checkEventDate({ heldOn: '2021-12-13', election })).toBeNull();
    const early = checkEventDate({ heldOn: '2021-12-12', election });
    expect(early?.code).toBe('EVENT_OUTSIDE_ELECTION');
    expect(early?.message).toEqual({ id: expect.stringContaining('2021-12-13'), en: expect.stringContaining('2022-06-14') });
    expect(checkEventDate({ heldOn: '2024-10-20', election })).toBeNull();
    expect(checkEventDate({ heldOn: '2024-10-21', election })?.code).toBe('EVENT_OUTSIDE_ELECTION');
    expect(checkEventDate({ heldOn: '2019-01-01', election })?.code).toBe('EVENT_OUTSIDE_ELECTION');
  });
  it('moves an event date only to a day no later than what was recorded for it', () => {
    expect(checkEventDateChange({ heldOn: '2026-11-25', firstAttendanceOn: null, firstBriefingOn: null })).toBeNull();
    expect(checkEventDateChange({ heldOn: '2026-11-19', firstAttendanceOn: '2026-11-20', firstBriefingOn: '2026-11-21' })).toBeNull();
    expect(checkEventDateChange({ heldOn: '2026-11-20', firstAttendanceOn: '2026-11-20', firstBriefingOn: null })).toBeNull();
    const late = checkEventDateChange({ heldOn: '2026-11-22', firstAttendanceOn: '2026-11-23', firstBriefingOn: '2026-11-21' });
    expect(late?.code).toBe('EVENT_DATE_ORPHANS_RECORDS');
    expect(late?.message.en).toContain('2026-11-21');
  });
  it('lets a briefer brief their own unit or one below it', () => {
    expect(brieferReachesUnit({ brieferUnitIdPath: '/kec/', unitIdPath: '/kec/' })).toBe(true);
    expect(brieferReachesUnit({ brieferUnitIdPath: '/kec/', unitIdPath: '/kec/kel/' })).toBe(true);
    expect(brieferReachesUnit({ brieferUnitIdPath: '/kec/kel/', unitIdPath: '/kec/' })).toBe(false);
    expect(brieferReachesUnit({ brieferUnitIdPath: '/kec2/', unitIdPath: '/dinkes/' })).toBe(false);
    expect(brieferReachesUnit({ brieferUnitIdPath: null, unitIdPath: '/dinkes/' })).toBe(true);
  });
  it('needs a headcount of at least the named staff', () => {
    expect(checkBriefingHeadcount({ named: 3, attendanceCount: 3 })).toBeNull();
    expect(checkBriefingHeadcount({ named: 3, attendanceCount: 40 })).toBeNull();
    expect(checkBriefingHeadcount({ named: 3, attendanceCount: 2 })?.code).toBe('BRIEFING_HEADCOUNT_TOO_LOW');
  });
  it('reaches a briefing only through an attendee or an earlier briefing, to a fixed point', () => {
    const b = (id: string, brieferId: string, briefedOn: string, named: string[]) => ({ id, brieferId, briefedOn, named });
    const cascade = [b('b3', 'C', '2026-11-22', ['D']), b('b2', 'B', '2026-11-21', ['C']), b('b1', 'A', '2026-11-21', ['B'])];
    expect(unreachedBriefings({ attendees: new Set(['A']), briefings: cascade })).toEqual(new Set());
    // C briefs on the 22nd but was only briefed on the 23rd; a ring without an attendee reaches nobody
    expect(unreachedBriefings({ attendees: new Set(['A']), briefings: [b('b1', 'A', '2026-11-21', ['C']), b('b2', 'C', '2026-11-20', ['D'])] })).toEqual(new Set(['b2']));
    expect(unreachedBriefings({ attendees: new Set(), briefings: [b('x', 'P', '2026-11-21', ['Q']), b('y', 'Q', '2026-11-21', ['P'])] })).toEqual(new Set(['x', 'y']));
    // withdrawing b1 or A's attendance orphans b2 and b3; withdrawing b3 orphans nothing
    expect(orphanedBy({ attendees: new Set(['A']), briefings: cascade }, { briefing: 'b1' }).sort()).toEqual(['b2', 'b3']);
    expect(orphanedBy({ attendees: new Set(['A']), briefings: cascade }, { attendee: 'A' }).sort()).toEqual(['b1', 'b2', 'b3']);
    expect(orphanedBy({ attendees: new Set(['A']), briefings: cascade }, { briefing: 'b3' })).toEqual([]);
    // B also attended: b2 and b3 stand without b1
    expect(orphanedBy({ attendees: new Set(['A', 'B']), briefings: cascade }, { briefing: 'b1' })).toEqual([]);
    // already unreached briefings do not block a withdrawal
    expect(orphanedBy({ attendees: new Set(['A']), briefings: [...cascade, b('old', 'Z', '2026-11-21', ['Y'])] }, { briefing: 'b3' })).toEqual([]);
  });
  it('normalises NIPs and keeps the first occurrence', () => {
    expect(normaliseNip(' 19860926 2015.05 1 001 ')).toBe('198609262015051001');
    expect(normaliseNip(' HON-12 ')).toBe('HON-12');
    expect(distinctNips(['1 2', '12', 'A', ' '])).toEqual(['12', 'A']);
  });
  it('computes briefed coverage', () => {
    expect(briefedCounts({ staff: 3, attended: 1, briefed: 2 })).toEqual({ staff: 3, attended: 1, briefed: 2, missing: 1, percent: 66.7 });
    expect(briefedCounts({ staff: 0, attended: 0, briefed: 0 }).percent).toBe(0);
  });
  it('lists at most 20 unknown NIPs in the message', () => {
    const m = unknownNipsMessage(Array.from({ length: 25 }, (_, i) => String(i)), { id: 'instansi ini', en: 'this agency' });
    expect(m.en).toMatch(/^25 NIP\(s\) unknown or outside this agency: 0, 1, .*19 \(\+5\)\. Nothing was recorded\.$/);
  });
});
