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
    ['ya', true], ['Y', true], ['1', true], ['Aktif', true], ['AKTIF', true],
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

describe('SIASN legal statuses (KEDUDUKAN_HUKUM_NAMA) seen in real exports', () => {
  it.each([
    ['Aktif', true], ['CLTN', true], ['Perpanjangan CLTN', true], ['Tugas Belajar', true], ['Pemberhentian Sementara', true],
    ['Penerima Uang Tunggu', true], ['Prajurit Wajib', true], ['Wajib Militer', true], ['Pejabat Negara', true], ['Kepala Desa', true],
    ['Sedang dlm Proses Banding BAPEK', true], ['Pegawai Titipan', true], ['Pengungsi', true], ['PNS kena hukuman disiplin', true],
    ['Hukuman Disiplin', true], ['Keberatan atas Penjatuhan Hukuman Disiplin sesuai PP 30/80', true],
    ['Pemindahan dalam rangka penurunan Jabatan', true], ['Masa Persiapan Pensiun', true], ['Cuti Sakit', true],
    ['Pensiun', false], ['Pemberhentian dengan hak pensiun', false], ['Mencapai BUP', false], ['Meninggal', false], ['Meninggal Dunia', false],
    ['Diberhentikan', false], ['Pemberhentian Tanpa Hak Pensiun', false], ['Mutasi Keluar', false], ['Pindah Keluar', false],
    ['PNS yang dinyatakan hilang', false], ['Punah', false], ['TMS Dari Pengadaan', false], ['Pembatalan NIP', false], ['Tidak Aktif', false],
  ])('%j -> %s', (raw, want) => expect(parseActive(raw)).toBe(want));
  it('keeps an unknown status a row error', () => {
    expect(parseActive('Sedang Liburan')).toBeNull();
  });
});

describe('what a re-import leaves alone', () => {
  it('has no active flag without a status column or with a blank status cell (the stored flag stays)', () => {
    const lean = validateRow({ nip: '198609262015051001', nama: 'A B', jenis: 'PNS' }, 2, mapHeaders(['nip', 'nama', 'jenis']), ctx);
    expect(lean).toMatchObject({ ok: true, value: { active: null, position: null, unitPath: [] } });
    const blank = validateRow({ nip: '198609262015051001', nama: 'A B', jenis: 'PNS', aktif: ' ' }, 2, mapHeaders(['nip', 'nama', 'jenis', 'aktif']), ctx);
    expect(blank).toMatchObject({ ok: true, value: { active: null } });
  });
});

describe('unit columns', () => {
  it('keeps a SIASN unit name with "/" whole under its parent', () => {
    const m = mapHeaders(['NIP_BARU', 'NAMA', 'JENIS_PEGAWAI_NAMA', 'UNOR_INDUK_NAMA', 'UNOR_NAMA']);
    const r = validateRow({ NIP_BARU: '198609262015051001', NAMA: 'A B', JENIS_PEGAWAI_NAMA: 'PNS', UNOR_INDUK_NAMA: 'Dinas Pendidikan', UNOR_NAMA: 'SD NEGERI 1/II CIRUAS' }, 2, m, ctx);
    expect(r).toMatchObject({ ok: true, value: { unitPath: ['Dinas Pendidikan', 'SD NEGERI 1/II CIRUAS'] } });
  });
  it('reads OPD (or Perangkat Daerah, Unit Organisasi Induk) as the parent of Unit Kerja', () => {
    for (const parent of ['OPD', 'Perangkat Daerah', 'Unit Organisasi Induk']) {
      const m = mapHeaders(['NIP', 'Nama', 'Jenis', parent, 'Unit Kerja']);
      expect(m.duplicates).toEqual([]);
      const r = validateRow({ NIP: '198609262015051001', Nama: 'A B', Jenis: 'PNS', [parent]: 'Dinas Kesehatan', 'Unit Kerja': 'Puskesmas Ciruas' }, 2, m, ctx);
      expect(r).toMatchObject({ ok: true, value: { unitPath: ['Dinas Kesehatan', 'Puskesmas Ciruas'] } });
    }
  });
  it('splits the path-style unit column on its documented separators only', () => {
    const m = mapHeaders(['nip', 'nama', 'jenis', 'unit']);
    const path = (unit: string) => {
      const r = validateRow({ nip: '198609262015051001', nama: 'A B', jenis: 'PNS', unit }, 2, m, ctx);
      return r.ok ? r.value.unitPath : r.errors;
    };
    expect(path('Dinas Kesehatan / Bidang P2P')).toEqual(['Dinas Kesehatan', 'Bidang P2P']);
    expect(path('Dinas Kesehatan > Bidang P2P')).toEqual(['Dinas Kesehatan', 'Bidang P2P']);
    // the export joins a path with " / ": a name with a bare "/" stays one unit, so an export re-imports unchanged
    expect(path('Dinas Pendidikan / SD NEGERI 1/II CIRUAS')).toEqual(['Dinas Pendidikan', 'SD NEGERI 1/II CIRUAS']);
  });
});

describe('apostrophes', () => {
  const m = mapHeaders(['nip', 'nama', 'jenis', 'jabatan', 'unit']);
  it('strips the text marker before a NIP in any file, and the export\'s formula guard in CSV only', () => {
    const row = { nip: "'198609262015051001", nama: "'@Budi", jenis: 'PNS', jabatan: "'-", unit: "''=x" };
    expect(validateRow(row, 2, m, { ...ctx, csv: true })).toMatchObject({ ok: true, value: { nip: '198609262015051001', name: '@Budi', position: '-', unitPath: ["'=x"] } });
    expect(validateRow(row, 2, m, ctx)).toMatchObject({ ok: true, value: { nip: '198609262015051001', name: "'@Budi", position: "'-" } });
  });
});
