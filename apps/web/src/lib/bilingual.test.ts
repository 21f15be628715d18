import { describe, expect, it } from 'vitest';
import { pickLanguage } from './bilingual.ts';

describe('pickLanguage', () => {
  const both = 'Informasi Anda ditindaklanjuti Bawaslu sebagai temuan. / Your tip is being handled by Bawaslu as a finding.';

  it('shows the Indonesian half in Indonesian', () => {
    expect(pickLanguage(both, 'id')).toBe('Informasi Anda ditindaklanjuti Bawaslu sebagai temuan.');
  });

  it('shows the English half in English', () => {
    expect(pickLanguage(both, 'en')).toBe('Your tip is being handled by Bawaslu as a finding.');
  });

  it('leaves a text in one language as it is', () => {
    expect(pickLanguage('Laporan resmi dibuat dari informasi ini.', 'en')).toBe('Laporan resmi dibuat dari informasi ini.');
    expect(pickLanguage('Rp 1.000/hari', 'id')).toBe('Rp 1.000/hari');
  });

  it('splits in the middle when each half holds the separator too', () => {
    expect(pickLanguage('Dinas A / Bidang B / Agency A / Division B', 'id')).toBe('Dinas A / Bidang B');
    expect(pickLanguage('Dinas A / Bidang B / Agency A / Division B', 'en')).toBe('Agency A / Division B');
  });

  it('leaves a text it cannot split evenly as it is', () => {
    expect(pickLanguage('A / B / C', 'en')).toBe('A / B / C');
  });

  it('never returns an empty text', () => {
    expect(pickLanguage(' / ', 'id')).toBe(' / ');
  });
});
