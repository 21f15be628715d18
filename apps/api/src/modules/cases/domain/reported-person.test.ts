import { describe, expect, it } from 'vitest';
import { jaroWinkler } from '../../registry/domain/name-similarity.ts';
import { parseDescription, rankCandidates, type Candidate } from './reported-person.ts';

const C = (id: string, name: string, position: string, unitPath: string): Candidate => ({ id, name, position, unitPath, agencyName: 'Pemerintah Kota Bekasi' });
const registry: Candidate[] = [
  C('camat-barat', 'Drs. Ahmad Hidayat, M.Si', 'Camat', 'Kecamatan Bekasi Barat'),
  C('camat-utara', 'Dedi Supriatna', 'Camat', 'Kecamatan Bekasi Utara'),
  C('lurah-bintara', 'Rina Wulandari', 'Lurah', 'Kecamatan Bekasi Barat / Kelurahan Bintara'),
  C('staf-barat', 'Ahmad Hidayatullah', 'Pengadministrasi Umum', 'Kecamatan Bekasi Barat'),
  C('kartika', 'Kartika Sari', 'Guru Ahli Muda', 'Dinas Pendidikan'),
  C('kartini', 'Kartini Sari', 'Guru Ahli Muda', 'Dinas Pendidikan'),
  C('katrina', 'Katrina Sarah', 'Perawat Terampil', 'Dinas Kesehatan'),
  C('budi', 'Budi Santoso', 'Analis Kebijakan', 'Dinas Perhubungan'),
  C('budiman', 'Budiman Santika', 'Analis Kebijakan', 'Dinas Sosial'),
];

describe('parseDescription', () => {
  it('separates honorifics, position and place', () => {
    expect(parseDescription('pak Camat Bekasi Barat')).toEqual({ positions: ['camat'], tokens: ['bekasi', 'barat'] });
    expect(parseDescription('Bu Hj. Kartika, S.Pd')).toEqual({ positions: [], tokens: ['kartika'] });
    expect(parseDescription('kepala dinas pendidikan')).toEqual({ positions: ['kepala dinas'], tokens: ['pendidikan'] });
  });
});

describe('rankCandidates', () => {
  it.each([
    ['Camat Bekasi Barat', 'camat-barat'],
    ['pak camat bekasi utara', 'camat-utara'],
    ['Lurah Bintara', 'lurah-bintara'],
    ['Bu Kartika', 'kartika'],
    ['Budi Santoso', 'budi'],
    ['ahmad hidayat', 'camat-barat'],
  ])('"%s" -> %s first', (text, id) => {
    expect(rankCandidates(text, registry)[0]?.id).toBe(id);
  });
  it('keeps near-miss names below the right person and explains the match', () => {
    const r = rankCandidates('Kartika Sari', registry);
    expect(r.map((c) => c.id).slice(0, 2)).toEqual(['kartika', 'kartini']);
    expect(r[0]!.score).toBeGreaterThan(r[1]!.score);
    expect(r[0]!.reasons[0]).toMatch(/nama mirip/);
  });
  it('precision on the synthetic set: the top answer is right for every query', () => {
    const queries: [string, string][] = [['camat bekasi barat', 'camat-barat'], ['Katrina perawat', 'katrina'], ['Budiman', 'budiman'], ['Rina lurah', 'lurah-bintara']];
    const right = queries.filter(([q, id]) => rankCandidates(q, registry)[0]?.id === id).length;
    expect(right / queries.length).toBe(1);
  });
  it('jaroWinkler behaves', () => {
    expect(jaroWinkler('kartika', 'kartika')).toBe(1);
    expect(jaroWinkler('kartika', 'kartini')).toBeGreaterThan(0.85);
    expect(jaroWinkler('budi', 'rina')).toBeLessThan(0.5);
  });
});

describe('a position written as "<position> <unit>"', () => {
  const withHead = [...registry, { ...C('kadisdik', 'Nur Hidayat', 'Kepala', 'Dinas Pendidikan'), nip: '197203152000031002' }, C('kabid-sd', 'Sri Lestari', 'Kepala', 'Dinas Pendidikan / Bidang SD')];
  it('"Kepala Dinas Pendidikan" finds the "Kepala" of the unit "Dinas Pendidikan", not a head of one of its parts', () => {
    const r = rankCandidates('Kepala Dinas Pendidikan Kota Bekasi', withHead);
    expect(r[0]).toMatchObject({ id: 'kadisdik', reasons: expect.arrayContaining(['jabatan: Kepala']) });
    expect(r.map((c) => c.id)).not.toContain('kabid-sd');
  });
  it('a NIP (or its start) finds that civil servant alone', () => {
    expect(parseDescription('1972 0315 2000 03 1 002')).toEqual({ positions: [], tokens: [], nip: '197203152000031002' });
    expect(rankCandidates('19720315', withHead).map((c) => [c.id, c.reasons])).toEqual([['kadisdik', ['NIP: 197203152000031002']]]);
  });
});
