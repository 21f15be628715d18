import { describe, expect, it } from 'vitest';
import { zoneOf } from './zones.ts';

describe('zoneOf', () => {
  // getTimezoneOffset is the viewer's; a Date whose offset we choose shows each case
  const at = (offsetMinutes: number) => ({ getTimezoneOffset: () => -offsetMinutes }) as Date;
  it.each([[420, 'WIB'], [480, 'WITA'], [540, 'WIT'], [0, 'UTC'], [60, 'UTC+1'], [-300, 'UTC-5'], [330, 'UTC+5:30']])('%i minutes -> %s', (minutes, zone) => {
    expect(zoneOf(at(minutes))).toBe(zone);
  });
});
