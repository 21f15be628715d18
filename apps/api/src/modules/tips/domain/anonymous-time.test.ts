import { describe, expect, it } from 'vitest';
import { anonymousTime } from './anonymous-time.ts';

describe('anonymousTime', () => {
  it('keeps only the local day of the region', () => {
    // 09:13:57 WIB on 2 Dec 2026 -> midnight WIB of 2 Dec (17:00 UTC the day before)
    expect(anonymousTime(new Date('2026-12-02T02:13:57.717Z'), '32.75.01').toISOString()).toBe('2026-12-01T17:00:00.000Z');
    // 01:30 WIB on 2 Dec is still 1 Dec in UTC, and the local day is 2 Dec
    expect(anonymousTime(new Date('2026-12-01T18:30:00Z'), '32.75').toISOString()).toBe('2026-12-01T17:00:00.000Z');
    // WIT (Papua, UTC+9)
    expect(anonymousTime(new Date('2026-12-02T02:13:57Z'), '91').toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });
});
