import type { Bilingual } from '../shared/types.ts';
import { parseRegionCode } from '../regions/region-code.ts';

/**
 * Pure validation of party and candidate import rows. CSV/XLSX readers (in the API) turn each
 * line into a `Record<string, string>` keyed by its header; this module maps Indonesian or
 * English headers to fields, checks values and reports row-level errors.
 */
export type RowErrorCode = 'MISSING_COLUMN' | 'REQUIRED' | 'NOT_A_NUMBER' | 'OUT_OF_RANGE' | 'INVALID_REGION_CODE' | 'INVALID_VALUE' | 'DUPLICATE';

/** Party and ballot numbers run from 1 to this (KPU lists stay far below it; the database column is a 32-bit integer). */
export const MAX_LIST_NUMBER = 999;

export interface RowError {
  /** Spreadsheet row number (the header is row 1 by default). */
  readonly row: number;
  /** The header as found in the file, or the canonical field name when the column is missing. */
  readonly column: string;
  readonly code: RowErrorCode;
  readonly message: Bilingual;
}

export interface RowResult<T> {
  readonly records: readonly { readonly row: number; readonly value: T }[];
  readonly errors: readonly RowError[];
}

type FieldType = 'text' | 'positive_int' | 'region' | 'chamber';

interface FieldSpec<K extends string> {
  readonly key: K;
  readonly aliases: readonly string[];
  readonly type: FieldType;
  readonly required: boolean;
}

export type Chamber = 'DPR' | 'DPD' | 'DPRD_PROVINSI' | 'DPRD_KABKOTA';

const CHAMBER_ALIASES: Readonly<Record<string, Chamber>> = {
  dpr: 'DPR', 'dpr ri': 'DPR',
  dpd: 'DPD', 'dpd ri': 'DPD',
  'dprd provinsi': 'DPRD_PROVINSI', 'dprd prov': 'DPRD_PROVINSI', dprd_provinsi: 'DPRD_PROVINSI', 'provincial dprd': 'DPRD_PROVINSI',
  'dprd kabupaten kota': 'DPRD_KABKOTA', 'dprd kab kota': 'DPRD_KABKOTA', 'dprd kabupaten': 'DPRD_KABKOTA', 'dprd kota': 'DPRD_KABKOTA', dprd_kabkota: 'DPRD_KABKOTA', 'regency city dprd': 'DPRD_KABKOTA',
};

/** Lower-case, drop punctuation and collapse spaces: "Nomor Urut*" -> "nomor urut". */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const NUMBER_ALIASES = ['nomor urut', 'no urut', 'nomor', 'no', 'number', 'ballot number'];

export const PARTY_FIELDS = [
  { key: 'number', aliases: [...NUMBER_ALIASES, 'nomor urut partai', 'party number'], type: 'positive_int', required: true },
  { key: 'name', aliases: ['nama partai', 'nama', 'partai', 'name', 'party name', 'party'], type: 'text', required: true },
  { key: 'abbreviation', aliases: ['singkatan', 'akronim', 'nama singkat', 'abbreviation', 'short name', 'acronym'], type: 'text', required: true },
] as const satisfies readonly FieldSpec<string>[];

export const LEGISLATIVE_CANDIDATE_FIELDS = [
  { key: 'name', aliases: ['nama calon', 'nama', 'name', 'candidate name', 'candidate'], type: 'text', required: true },
  { key: 'partyNumber', aliases: ['nomor urut partai', 'no urut partai', 'nomor partai', 'partai', 'party number', 'party'], type: 'positive_int', required: false },
  { key: 'electoralDistrict', aliases: ['dapil', 'daerah pemilihan', 'electoral district', 'district'], type: 'text', required: true },
  { key: 'regionCode', aliases: ['kode wilayah', 'kode daerah', 'wilayah', 'region code', 'region'], type: 'region', required: false },
  { key: 'ballotNumber', aliases: ['nomor urut calon', 'no urut calon', 'nomor urut', 'no urut', 'ballot number', 'number'], type: 'positive_int', required: true },
  { key: 'chamber', aliases: ['lembaga', 'jenis pemilihan', 'tingkat', 'chamber', 'body'], type: 'chamber', required: false },
] as const satisfies readonly FieldSpec<string>[];

export const PAIR_FIELDS = [
  { key: 'ballotNumber', aliases: ['nomor urut', 'no urut', 'nomor', 'no', 'ballot number', 'number'], type: 'positive_int', required: true },
  { key: 'candidateName', aliases: ['nama calon', 'calon', 'nama calon kepala daerah', 'calon presiden', 'candidate', 'candidate name'], type: 'text', required: true },
  { key: 'runningMateName', aliases: ['nama wakil', 'wakil', 'nama calon wakil', 'calon wakil', 'calon wakil presiden', 'running mate', 'deputy', 'running mate name'], type: 'text', required: true },
  { key: 'regionCode', aliases: ['kode wilayah', 'kode daerah', 'wilayah', 'region code', 'region'], type: 'region', required: false },
] as const satisfies readonly FieldSpec<string>[];

type ValueOf<T extends FieldType> = T extends 'positive_int' ? number : T extends 'chamber' ? Chamber : string;
type RecordOf<F extends readonly FieldSpec<string>[]> = {
  [S in F[number] as S['required'] extends true ? S['key'] : never]: ValueOf<S['type']>;
} & {
  [S in F[number] as S['required'] extends true ? never : S['key']]?: ValueOf<S['type']>;
};

export type PartyRow = RecordOf<typeof PARTY_FIELDS>;
export type LegislativeCandidateRow = RecordOf<typeof LEGISLATIVE_CANDIDATE_FIELDS>;
export type PairRow = RecordOf<typeof PAIR_FIELDS>;

export interface ParseRowsOptions {
  /** Row number of the first data row (default 2: the header is row 1). */
  readonly firstRowNumber?: number;
  /**
   * The spreadsheet row number of each row, when they are not consecutive (the reader skipped blank
   * rows, or the caller set rows aside); default `firstRowNumber + index`.
   */
  readonly rowNumbers?: readonly number[];
  /** The file's header row; default the keys found in the rows (which misses them when there are no rows). */
  readonly headers?: readonly string[];
}

/**
 * How an electoral district label is compared: case, surrounding and repeated spaces do not matter
 * ("KOTA BEKASI 1" is "Kota  Bekasi 1"). The database compares the same way: its stored column
 * `election_candidates.dapil_key` is `lower(btrim(regexp_replace(electoral_district, '\s+', ' ', 'g')))`.
 */
export function districtKey(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Maps each field to the header that carries it (first alias found wins). */
function resolveHeaders(headers: readonly string[], fields: readonly FieldSpec<string>[]): Map<string, string> {
  const byNormalized = new Map<string, string>();
  for (const header of headers) {
    const key = normalizeHeader(header);
    if (!byNormalized.has(key)) byNormalized.set(key, header);
  }
  const taken = new Set<string>();
  const mapping = new Map<string, string>();
  for (const field of fields) {
    for (const alias of [field.key.toLowerCase(), ...field.aliases]) {
      const header = byNormalized.get(normalizeHeader(alias));
      if (header !== undefined && !taken.has(header)) {
        mapping.set(field.key, header);
        taken.add(header);
        break;
      }
    }
  }
  return mapping;
}

function convert(type: FieldType, raw: string): { ok: true; value: string | number } | { ok: false; code: RowErrorCode; message: Bilingual } {
  switch (type) {
    case 'text':
      return { ok: true, value: raw.replace(/\s+/g, ' ') };
    case 'positive_int':
      if (!/^\d+$/.test(raw) || Number(raw) === 0)
        return { ok: false, code: 'NOT_A_NUMBER', message: { id: `"${raw}" bukan bilangan bulat positif`, en: `"${raw}" is not a positive whole number` } };
      return Number(raw) <= MAX_LIST_NUMBER
        ? { ok: true, value: Number(raw) }
        : { ok: false, code: 'OUT_OF_RANGE', message: { id: `${raw} terlalu besar (1 s.d. ${MAX_LIST_NUMBER})`, en: `${raw} is too large (1 to ${MAX_LIST_NUMBER})` } };
    case 'region':
      return parseRegionCode(raw).ok
        ? { ok: true, value: raw }
        : { ok: false, code: 'INVALID_REGION_CODE', message: { id: `Kode wilayah tidak valid: "${raw}"`, en: `Invalid region code: "${raw}"` } };
    case 'chamber': {
      const chamber = CHAMBER_ALIASES[normalizeHeader(raw)] ?? CHAMBER_ALIASES[raw.toLowerCase()];
      return chamber
        ? { ok: true, value: chamber }
        : { ok: false, code: 'INVALID_VALUE', message: { id: `Lembaga tidak dikenal: "${raw}"`, en: `Unknown chamber: "${raw}"` } };
    }
  }
}

function parseRows<F extends readonly FieldSpec<string>[]>(
  rows: readonly Readonly<Record<string, string>>[],
  fields: F,
  uniqueKey: (value: RecordOf<F>) => string | null,
  uniqueLabel: (value: RecordOf<F>) => Bilingual,
  options: ParseRowsOptions,
): RowResult<RecordOf<F>> {
  const first = options.firstRowNumber ?? 2;
  const headers = options.headers ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const mapping = resolveHeaders(headers, fields);
  const errors: RowError[] = [];
  const records: { row: number; value: RecordOf<F> }[] = [];

  const missing = fields.filter((field) => field.required && !mapping.has(field.key));
  for (const field of missing) {
    errors.push({
      row: first - 1, column: field.key, code: 'MISSING_COLUMN',
      message: { id: `Kolom wajib tidak ditemukan: ${field.key} (mis. "${field.aliases[0]}")`, en: `Required column not found: ${field.key} (e.g. "${field.aliases[0]}")` },
    });
  }
  if (missing.length > 0) return { records, errors };

  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const rowNumber = options.rowNumbers?.[index] ?? first + index;
    const value: Record<string, string | number> = {};
    let valid = true;
    for (const field of fields) {
      const header = mapping.get(field.key);
      const raw = header === undefined ? '' : (row[header] ?? '').trim();
      const column = header ?? field.key;
      if (raw === '') {
        if (field.required) {
          valid = false;
          errors.push({ row: rowNumber, column, code: 'REQUIRED', message: { id: `Kolom ${column} wajib diisi`, en: `Column ${column} is required` } });
        }
        continue;
      }
      const converted = convert(field.type, raw);
      if (converted.ok) value[field.key] = converted.value;
      else {
        valid = false;
        errors.push({ row: rowNumber, column, code: converted.code, message: converted.message });
      }
    }
    if (!valid) return;
    const record = value as RecordOf<F>;
    const key = uniqueKey(record);
    if (key !== null) {
      const previous = seen.get(key);
      if (previous !== undefined) {
        const label = uniqueLabel(record);
        errors.push({
          row: rowNumber, column: '', code: 'DUPLICATE',
          message: { id: `${label.id} sudah ada di baris ${previous}`, en: `${label.en} already appears in row ${previous}` },
        });
        return;
      }
      seen.set(key, rowNumber);
    }
    records.push({ row: rowNumber, value: record });
  });
  return { records, errors };
}

/** Parties: number, name, abbreviation; numbers and abbreviations are unique. */
export function parsePartyRows(rows: readonly Readonly<Record<string, string>>[], options: ParseRowsOptions = {}): RowResult<PartyRow> {
  const result = parseRows(rows, PARTY_FIELDS, (party) => `n:${party.number}`, (party) => ({ id: `Nomor urut partai ${party.number}`, en: `Party number ${party.number}` }), options);
  const abbreviations = new Map<string, number>();
  const errors = [...result.errors];
  const records = result.records.filter(({ row, value }) => {
    const key = value.abbreviation.toUpperCase();
    const previous = abbreviations.get(key);
    if (previous !== undefined) {
      errors.push({ row, column: 'abbreviation', code: 'DUPLICATE', message: { id: `Singkatan ${value.abbreviation} sudah ada di baris ${previous}`, en: `Abbreviation ${value.abbreviation} already appears in row ${previous}` } });
      return false;
    }
    abbreviations.set(key, row);
    return true;
  });
  return { records, errors: errors.sort((a, b) => a.row - b.row) };
}

/**
 * Legislative candidates: name, party number (not for DPD), electoral district, optional region
 * code, ballot number and chamber. A ballot number is unique per region, chamber, district (see
 * `districtKey`) and party: the natural key of `election_candidates`, so two rows of a file never
 * land on the same stored candidate.
 */
export function parseLegislativeCandidateRows(rows: readonly Readonly<Record<string, string>>[], options: ParseRowsOptions = {}): RowResult<LegislativeCandidateRow> {
  const result = parseRows(
    rows,
    LEGISLATIVE_CANDIDATE_FIELDS,
    (c) => JSON.stringify([c.regionCode ?? '', c.chamber ?? null, districtKey(c.electoralDistrict), c.partyNumber ?? null, c.ballotNumber]),
    (c) => {
      const where = c.regionCode ? ` (${c.regionCode})` : '';
      return { id: `Nomor urut ${c.ballotNumber} di dapil ${c.electoralDistrict}${where}`, en: `Ballot number ${c.ballotNumber} in district ${c.electoralDistrict}${where}` };
    },
    options,
  );
  const errors = [...result.errors];
  const records = result.records.filter(({ row, value }) => {
    if (value.chamber !== 'DPD' && value.partyNumber === undefined) {
      errors.push({ row, column: 'partyNumber', code: 'REQUIRED', message: { id: 'Nomor urut partai wajib diisi kecuali untuk calon DPD', en: 'Party number is required except for DPD candidates' } });
      return false;
    }
    return true;
  });
  return { records, errors: errors.sort((a, b) => a.row - b.row) };
}

/** Candidate pairs: ballot number, names and region (empty region = national, i.e. presidential). */
export function parsePairRows(rows: readonly Readonly<Record<string, string>>[], options: ParseRowsOptions = {}): RowResult<PairRow> {
  return parseRows(
    rows,
    PAIR_FIELDS,
    (pair) => `${pair.regionCode ?? 'national'}|${pair.ballotNumber}`,
    (pair) => ({ id: `Nomor urut ${pair.ballotNumber} di wilayah ${pair.regionCode ?? 'nasional'}`, en: `Ballot number ${pair.ballotNumber} in region ${pair.regionCode ?? 'national'}` }),
    options,
  );
}
