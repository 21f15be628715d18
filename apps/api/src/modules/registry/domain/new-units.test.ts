import { describe, expect, it } from 'vitest';
import { nameDistance, planNewUnits, type KnownUnit } from './new-units.ts';

const known = (...paths: string[]): KnownUnit[] =>
  paths.map((path) => {
    const parts = path.split(' / ');
    return { key: path.toLowerCase(), path, name: parts[parts.length - 1]!, parentKey: parts.length > 1 ? parts.slice(0, -1).join(' / ').toLowerCase() : null };
  });

describe('planNewUnits', () => {
  it('lists every unit a path needs, parents first, with the first row and the rows placed in it', () => {
    const plan = planNewUnits(
      [
        { parts: ['Dinas Pendidikan', 'Bidang SD'], firstRow: 4, rows: 2 },
        { parts: ['Dinas Pendidikan'], firstRow: 9, rows: 1 },
        { parts: ['Kecamatan Bekasi Barat'], firstRow: 2, rows: 5 },
      ],
      known('Kecamatan Bekasi Barat'),
    );
    expect(plan.map((u) => [u.path, u.firstRow, u.rows])).toEqual([
      ['Dinas Pendidikan', 4, 1],
      ['Dinas Pendidikan / Bidang SD', 4, 2],
    ]);
    expect(plan.map((u) => u.suggestion)).toEqual([null, null]);
  });

  it('suggests the unit a misspelt name was meant to be, among the same parent', () => {
    const plan = planNewUnits(
      [
        { parts: ['Dinas Sosal'], firstRow: 7, rows: 1 },
        { parts: ['Dinas Kesehatan', 'Puskesmas Ciruas'], firstRow: 3, rows: 1 },
        { parts: ['Dinas Sosial', 'Bidang Rehabilitasi Sosail'], firstRow: 5, rows: 1 },
      ],
      known('Dinas Sosial', 'Dinas Sosial / Bidang Rehabilitasi Sosial', 'Dinas Kesehatan', 'Dinas Kesehatan / Puskesmas Ciruas Baru'),
    );
    expect(Object.fromEntries(plan.map((u) => [u.path, u.suggestion]))).toEqual({
      'Dinas Sosal': 'Dinas Sosial',
      'Dinas Sosial / Bidang Rehabilitasi Sosail': 'Dinas Sosial / Bidang Rehabilitasi Sosial',
      // four letters more is another unit, not a slip
      'Dinas Kesehatan / Puskesmas Ciruas': null,
    });
  });

  it('suggests the path a "/" without spaces would make when its first part is a unit; a school name with "/" stays one unit', () => {
    const plan = planNewUnits(
      [
        { parts: ['Dinas Sosial/Sekretariat'], firstRow: 2, rows: 3 },
        { parts: ['Dinas Pendidikan', 'SD NEGERI 1/II CIRUAS'], firstRow: 3, rows: 1 },
      ],
      known('Dinas Sosial', 'Dinas Pendidikan'),
    );
    expect(Object.fromEntries(plan.map((u) => [u.path, u.suggestion]))).toEqual({
      'Dinas Sosial/Sekretariat': 'Dinas Sosial / Sekretariat',
      'Dinas Pendidikan / SD NEGERI 1/II CIRUAS': null,
    });
  });

  it('between two new spellings in one file, flags the rarer one only', () => {
    const plan = planNewUnits(
      [
        { parts: ['Dinas Sosial'], firstRow: 2, rows: 40 },
        { parts: ['Dinas Sosal'], firstRow: 9, rows: 1 },
      ],
      [],
    );
    expect(Object.fromEntries(plan.map((u) => [u.path, u.suggestion]))).toEqual({ 'Dinas Sosal': 'Dinas Sosial', 'Dinas Sosial': null });
  });
});

describe('nameDistance', () => {
  it.each([
    ['Dinas Sosial', 'Dinas Sosal', 1],
    ['Dinas Sosial', 'dinas  sosial', 0],
    ['Dinas-Sosial', 'Dinas Sosial', 0],
    ['Badan Kepegawaian Daerah', 'Badan Kepegawaian Dearah', 1],
    ['SD Negeri 1', 'SD Negeri 2', null],
    ['Bidang SD', 'Bidang SMP', null],
    ['SMP', 'SMA', null],
    ['Kecamatan Bekasi Barat', 'Kecamatan Bekasi Timur', null],
  ])('%s ~ %s: %s', (a, b, d) => {
    expect(nameDistance(a, b)).toBe(d);
  });
});
