import { describe, expect, it } from 'vitest';
import { MAX_LIST_NUMBER, districtKey, normalizeHeader, parseLegislativeCandidateRows, parsePairRows, parsePartyRows } from './import-rows.ts';

describe('normalizeHeader', () => {
  it('ignores case, punctuation and spacing', () => {
    expect(normalizeHeader('  Nomor_Urut* ')).toBe('nomor urut');
    expect(normalizeHeader('Kode Wilayah (Kemendagri)')).toBe('kode wilayah kemendagri');
  });
});

describe('parsePartyRows', () => {
  it('accepts Indonesian headers', () => {
    const result = parsePartyRows([
      { 'Nomor Urut': '1', 'Nama Partai': 'Partai Kebangkitan Bangsa', Singkatan: 'PKB' },
      { 'Nomor Urut': ' 2 ', 'Nama Partai': 'Partai  Gerakan Indonesia Raya', Singkatan: 'Gerindra' },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.records).toEqual([
      { row: 2, value: { number: 1, name: 'Partai Kebangkitan Bangsa', abbreviation: 'PKB' } },
      { row: 3, value: { number: 2, name: 'Partai Gerakan Indonesia Raya', abbreviation: 'Gerindra' } },
    ]);
  });

  it('accepts English headers', () => {
    const result = parsePartyRows([{ Number: '3', 'Party name': 'PDI Perjuangan', Abbreviation: 'PDIP' }]);
    expect(result.records[0]?.value).toEqual({ number: 3, name: 'PDI Perjuangan', abbreviation: 'PDIP' });
  });

  it('reports row errors with row, column, code and bilingual message', () => {
    const result = parsePartyRows([
      { 'No Urut': 'satu', Nama: 'Partai A', Singkatan: 'PA' },
      { 'No Urut': '2', Nama: '', Singkatan: 'PB' },
      { 'No Urut': '3', Nama: 'Partai C', Singkatan: 'PC' },
      { 'No Urut': '3', Nama: 'Partai D', Singkatan: 'PD' },
      { 'No Urut': '5', Nama: 'Partai E', Singkatan: 'pc' },
    ]);
    expect(result.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [2, 'No Urut', 'NOT_A_NUMBER'],
      [3, 'Nama', 'REQUIRED'],
      [5, '', 'DUPLICATE'],
      [6, 'abbreviation', 'DUPLICATE'],
    ]);
    expect(result.errors[0]?.message.en).toContain('"satu"');
    expect(result.errors[2]?.message.id).toContain('baris 4');
    expect(result.records.map((record) => record.row)).toEqual([4]);
  });

  it('reports a missing required column once, before any row', () => {
    const result = parsePartyRows([{ Nomor: '1', Nama: 'Partai A' }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 1, column: 'abbreviation', code: 'MISSING_COLUMN' });
    expect(result.records).toEqual([]);
  });

  it('honours firstRowNumber', () => {
    const result = parsePartyRows([{ Nomor: 'x', Nama: 'A', Singkatan: 'A' }], { firstRowNumber: 10 });
    expect(result.errors[0]?.row).toBe(10);
  });
});

describe('parseLegislativeCandidateRows', () => {
  const row = (overrides: Record<string, string>) => ({
    'Nama Calon': 'Siti Aminah', 'Nomor Urut Partai': '1', Dapil: 'Jawa Barat VII', 'Kode Wilayah': '32.16', 'Nomor Urut Calon': '1', Lembaga: 'DPR', ...overrides,
  });

  it('parses candidates with chamber aliases and validates region codes', () => {
    const result = parseLegislativeCandidateRows([
      row({}),
      row({ 'Nama Calon': 'Budi', 'Nomor Urut Calon': '2', Lembaga: 'DPRD Kabupaten/Kota' }),
      row({ 'Nama Calon': 'Calon DPD', 'Nomor Urut Partai': '', Lembaga: 'DPD', 'Nomor Urut Calon': '7' }),
      row({ 'Kode Wilayah': '32-16', 'Nomor Urut Calon': '3' }),
      row({ Lembaga: 'MPR', 'Nomor Urut Calon': '4' }),
      row({ 'Nomor Urut Partai': '', 'Nomor Urut Calon': '5' }),
      row({}),
    ]);
    expect(result.records.map((record) => [record.value.name, record.value.chamber, record.value.partyNumber])).toEqual([
      ['Siti Aminah', 'DPR', 1],
      ['Budi', 'DPRD_KABKOTA', 1],
      ['Calon DPD', 'DPD', undefined],
    ]);
    expect(result.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [5, 'Kode Wilayah', 'INVALID_REGION_CODE'],
      [6, 'Lembaga', 'INVALID_VALUE'],
      [7, 'partyNumber', 'REQUIRED'],
      [8, '', 'DUPLICATE'],
    ]);
  });

  it('keys a ballot slot by region, chamber, district (any letter case or spacing), party and number, as the database does', () => {
    const result = parseLegislativeCandidateRows([
      row({ 'Nama Calon': 'Calon DPRD Kota', Dapil: 'Bekasi 1', 'Kode Wilayah': '32.75', Lembaga: 'DPRD Kota' }),
      row({ 'Nama Calon': 'Calon DPRD Prov', Dapil: 'Bekasi 1', 'Kode Wilayah': '32.75', Lembaga: 'DPRD Provinsi' }),
      row({ 'Nama Calon': 'Calon Kota Satu', Dapil: 'Dapil 1', 'Kode Wilayah': '32.75', Lembaga: 'DPRD Kota' }),
      row({ 'Nama Calon': 'Calon Kab Satu', Dapil: 'Dapil 1', 'Kode Wilayah': '32.16', Lembaga: 'DPRD Kabupaten' }),
      row({ 'Nama Calon': 'Calon Kota Lagi', Dapil: ' DAPIL   1 ', 'Kode Wilayah': '32.75', Lembaga: 'DPRD Kota' }),
    ]);
    expect(result.records.map((record) => record.value.name)).toEqual(['Calon DPRD Kota', 'Calon DPRD Prov', 'Calon Kota Satu', 'Calon Kab Satu']);
    expect(result.errors.map((error) => [error.row, error.code])).toEqual([[6, 'DUPLICATE']]);
    expect(result.errors[0]?.message.en).toContain('row 4');
    expect(districtKey('  KOTA\tBekasi  1 ')).toBe('kota bekasi 1');
  });

  it('names the row and column of a number out of range instead of passing it on', () => {
    const result = parseLegislativeCandidateRows([
      row({ 'Nomor Urut Calon': '99999999999' }),
      row({ 'Nomor Urut Partai': '1000', 'Nomor Urut Calon': '2' }),
      row({ 'Nomor Urut Calon': String(MAX_LIST_NUMBER) }),
    ]);
    expect(result.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [2, 'Nomor Urut Calon', 'OUT_OF_RANGE'],
      [3, 'Nomor Urut Partai', 'OUT_OF_RANGE'],
    ]);
    expect(result.errors[0]?.message.en).toContain('99999999999');
    expect(result.errors[0]?.message.id).toContain('99999999999');
    expect(result.records.map((record) => record.value.ballotNumber)).toEqual([MAX_LIST_NUMBER]);
  });

  it('uses the given row numbers and header row', () => {
    const result = parseLegislativeCandidateRows([row({ Dapil: '' }), row({})], { rowNumbers: [4, 7] });
    expect(result.errors.map((error) => [error.row, error.code])).toEqual([[4, 'REQUIRED']]);
    expect(result.records.map((record) => record.row)).toEqual([7]);
    const empty = parseLegislativeCandidateRows([], { headers: Object.keys(row({})) });
    expect(empty).toEqual({ records: [], errors: [] });
  });

  it('accepts English headers', () => {
    const result = parseLegislativeCandidateRows([
      { 'Candidate name': 'A', 'Party number': '4', 'Electoral district': 'Banten II', 'Region code': '36.04', 'Ballot number': '3' },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.records[0]?.value).toEqual({ name: 'A', partyNumber: 4, electoralDistrict: 'Banten II', regionCode: '36.04', ballotNumber: 3 });
  });
});

describe('parsePairRows', () => {
  it('parses regional pairs and rejects duplicate numbers per region', () => {
    const result = parsePairRows([
      { 'Nomor Urut': '1', 'Nama Calon': 'A', 'Nama Wakil': 'B', 'Kode Wilayah': '32.16' },
      { 'Nomor Urut': '1', 'Nama Calon': 'C', 'Nama Wakil': 'D', 'Kode Wilayah': '32.75' },
      { 'Nomor Urut': '1', 'Nama Calon': 'E', 'Nama Wakil': 'F', 'Kode Wilayah': '32.16' },
      { 'Nomor Urut': '0', 'Nama Calon': 'G', 'Nama Wakil': 'H', 'Kode Wilayah': '99' },
    ]);
    expect(result.records.map((record) => record.value.candidateName)).toEqual(['A', 'C']);
    expect(result.errors.map((error) => [error.row, error.code])).toEqual([
      [4, 'DUPLICATE'],
      [5, 'NOT_A_NUMBER'],
      [5, 'INVALID_REGION_CODE'],
    ]);
  });

  it('treats an empty region as a national (presidential) pair', () => {
    const result = parsePairRows([{ Number: '2', Candidate: 'X', 'Running mate': 'Y', Region: '' }]);
    expect(result.records[0]?.value).toEqual({ ballotNumber: 2, candidateName: 'X', runningMateName: 'Y' });
  });
});
