import { describe, expect, it } from 'vitest';
import { asnAuthorities, asnAuthorityOn, DEFAULT_KASN_END_DATE } from './asn-authority.ts';

describe('asnAuthorityOn', () => {
  it.each([
    ['2013-12-31', null],
    ['2020-09-01', 'KASN'],
    ['2024-02-14', 'KASN'],
    ['2024-09-23', 'KASN'],
    ['2024-09-24', 'BKN'],
    ['2027-10-16', 'BKN'], // independent body not active by default
    ['2030-01-01', 'BKN'],
  ])('on %s -> %s', (date, expected) => {
    expect(asnAuthorityOn(date)?.id ?? null).toBe(expected);
  });

  it('moves the KASN/BKN hand-over with kasnEndDate', () => {
    expect(DEFAULT_KASN_END_DATE).toBe('2024-09-23');
    expect(asnAuthorityOn('2024-09-18', { kasnEndDate: '2024-09-16' })?.id).toBe('BKN');
    expect(asnAuthorityOn('2024-09-16', { kasnEndDate: '2024-09-16' })?.id).toBe('KASN');
  });

  it('hands over to the independent body once configured', () => {
    const options = { independentBodyStartDate: '2027-10-16' };
    expect(asnAuthorityOn('2027-10-15', options)?.id).toBe('BKN');
    expect(asnAuthorityOn('2027-10-16', options)?.id).toBe('INDEPENDENT_BODY');
    expect(asnAuthorities(options).find((authority) => authority.id === 'BKN')?.validTo).toBe('2027-10-15');
  });

  it('accepts a custom list and prefers the latest start on overlaps', () => {
    const authorities = [
      { id: 'A', name: { id: 'A', en: 'A' }, validFrom: '2020-01-01', validTo: null, source: 'test' },
      { id: 'B', name: { id: 'B', en: 'B' }, validFrom: '2025-01-01', validTo: '2025-12-31', source: 'test' },
    ];
    expect(asnAuthorityOn('2025-06-01', { authorities })?.id).toBe('B');
    expect(asnAuthorityOn('2026-06-01', { authorities })?.id).toBe('A');
  });

  it('flags the unconfirmed dates', () => {
    expect(asnAuthorities().every((authority) => authority.unconfirmed === true)).toBe(true);
  });
});
