import { describe, expect, it } from 'vitest';
import { mapHeaders, parseActive, parseEmploymentType, splitUnitPath, validateRow } from './import-rows.ts';

const ctx = { today: { y: 2026, m: 11, d: 22 }, provinceCodes: new Set(['32']) };

describe('mapHeaders', () => {
  it('maps the canonical template', () => {
    const m = mapHeaders(['nip', 'nama', 'jenis', 'jabatan', 'unit']);
    expect(m.missing).toEqual([]);
    expect(m.columns.get('position')).toBe('jabatan');
  });
  it('maps SIASN export columns and English names', () => {
    const s = mapHeaders(['PNS_ID', 'NIP_BARU', 'NAMA', 'JENIS_PEGAWAI_NAMA', 'JABATAN_NAMA', 'UNOR_NAMA', 'UNOR_INDUK_NAMA', 'GOL_AKHIR_NAMA']);
    expect(s.missing).toEqual([]);
    expect(s.columns.get('nip')).toBe('NIP_BARU');
    expect(s.columns.get('unitParent')).toBe('UNOR_INDUK_NAMA');
    expect(mapHeaders(['Employee ID', 'Full Name', 'Employment Type']).missing).toEqual([]);
  });
  it('reports missing required columns', () => {
    expect(mapHeaders(['nama', 'jabatan']).missing).toEqual(['nip', 'type']);
  });
});

describe('parseEmploymentType', () => {
  it.each([
    ['PNS', 'PNS'], ['pns daerah', 'PNS'], ['CPNS', 'PNS'], ['PPPK', 'PPPK'], ['P3K', 'PPPK'], ['PPPK Paruh Waktu', 'PPPK'],
    ['NON_ASN', 'NON_ASN'], ['Non ASN', 'NON_ASN'], ['Honorer', 'NON_ASN'], ['PPNPN', 'NON_ASN'], ['Dosen', null], ['', null],
  ])('%s -> %s', (raw, want) => expect(parseEmploymentType(raw)).toBe(want));
});

describe('validateRow', () => {
  const m = mapHeaders(['nip', 'nama', 'jenis', 'jabatan', 'unit']);
  it('accepts a valid PNS row and splits the unit path', () => {
    const r = validateRow({ nip: '19860926 201505 1 001', nama: ' Budi  Santoso ', jenis: 'PNS', jabatan: 'Camat', unit: 'Kecamatan Bekasi Barat / Kelurahan Bintara' }, 2, m, ctx);
    expect(r).toMatchObject({ ok: true, value: { nip: '198609262015051001', name: 'Budi Santoso', unitPath: ['Kecamatan Bekasi Barat', 'Kelurahan Bintara'] } });
  });
  it('uses the nip column as internal id for non-ASN', () => {
    const r = validateRow({ nip: 'THL-001', nama: 'Siti', jenis: 'Honorer', jabatan: '', unit: '' }, 3, m, ctx);
    expect(r).toMatchObject({ ok: true, value: { nip: null, internalId: 'THL-001', employmentType: 'NON_ASN' } });
  });
  it('lists every error of a row with its column', () => {
    const r = validateRow({ nip: '198609262031131001', nama: '', jenis: 'PNS', jabatan: 'x'.repeat(201), unit: '' }, 7, m, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [7, 'nip', 'NIP_TMT'],
        [7, 'nama', 'REQUIRED'],
        [7, 'jabatan', 'TOO_LONG'],
      ]);
      expect(r.errors[0]!.message).toContain('TMT 2031-13 is not a month');
    }
  });
  it('tells a non-ASN row without an id to put the internal id in the nip column', () => {
    const r = validateRow({ nip: '', nama: 'Andi', jenis: 'Non ASN', jabatan: 'Sopir', unit: '' }, 4, m, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.column, e.code])).toEqual([['nip', 'REQUIRED']]);
      expect(r.errors[0]!.message).toContain('internal id');
      expect(r.errors[0]!.messageId).toContain('id internal');
    }
  });
  it('names a NIP that a spreadsheet turned into scientific notation', () => {
    const r = validateRow({ nip: '1.98503E+17', nama: 'Anto', jenis: 'PNS', jabatan: '', unit: '' }, 2, m, ctx);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.message.includes('1.98503E+17')])).toEqual([['EXCEL_NUMBER_ROUNDED', true]]);
  });
  it('rejects an unknown type', () => {
    const r = validateRow({ nip: '198609262015051001', nama: 'A', jenis: 'Dosen', jabatan: '', unit: '' }, 2, m, ctx);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['TYPE_UNKNOWN']);
  });
});

describe('splitUnitPath', () => {
  it('accepts /, > and \\ separators', () => {
    expect(splitUnitPath('A / B>C \\ D')).toEqual(['A', 'B', 'C', 'D']);
    expect(splitUnitPath('  ')).toEqual([]);
  });
});

describe('the active flag, also from SIASN legal status (KEDUDUKAN_HUKUM_NAMA)', () => {
  it.each([
    ['', true], ['ya', true], ['Y', true], ['1', true], ['Aktif', true], ['AKTIF', true],
    ['CLTN', true], ['Cuti Di Luar Tanggungan Negara', true], ['Tugas Belajar', true], ['Masa Persiapan Pensiun', true], ['MPP', true],
    ['Pemberhentian Sementara', true], ['Diperbantukan', true],
    ['tidak', false], ['0', false], ['Tidak Aktif', false], ['NONAKTIF', false], ['Pensiun', false], ['Meninggal', false], ['Diberhentikan', false],
    ['Pemberhentian Dengan Hormat', false], ['PTDH', false], ['Mengundurkan Diri', false],
  ])('%j -> %s', (raw, want) => expect(parseActive(raw)).toBe(want));
  it('names the accepted values for anything else', () => {
    expect(parseActive('mungkin')).toBeNull();
    const r = validateRow({ nip: '198609262015051001', nama: 'A B', jenis: 'PNS', aktif: 'mungkin' }, 2, mapHeaders(['nip', 'nama', 'jenis', 'aktif']), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain('SIASN legal status');
  });
});
