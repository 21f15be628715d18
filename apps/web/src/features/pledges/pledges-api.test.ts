import { describe, expect, it } from 'vitest';
import { attendanceEntries } from './pledges-api.ts';

describe('attendanceEntries', () => {
  it('keeps a NIP written with spaces as one entry', () => {
    expect(attendanceEntries('19780314 200302 1 510')).toEqual(['19780314 200302 1 510']);
  });

  it('splits on newlines, commas and semicolons, trims, drops empty entries and keeps each entry once', () => {
    const pasted = '19780314 200302 1 510\r\n 198609262015051001 ,THL-000758;\n\n198609262015051001;;  \n19780314 200302 1 510';
    expect(attendanceEntries(pasted)).toEqual(['19780314 200302 1 510', '198609262015051001', 'THL-000758']);
  });

  it('is empty for blank input', () => expect(attendanceEntries(' \n , ; ')).toEqual([]));
});
