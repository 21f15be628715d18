import { describe, expect, it } from 'vitest';
import { briefedCounts, checkAttendanceImport, checkCheckinWindow, checkReminderDate, distinctNips, normaliseNip, unknownNipsMessage } from './socialization-rules.ts';

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
