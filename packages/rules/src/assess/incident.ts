import type { IsoDate } from '../shared/types.ts';
import { SUPPORTED_DATES, isIsoDate } from '../shared/dates.ts';
import { parseRegionCode } from '../regions/region-code.ts';
import { findElection } from '../elections/registry.ts';
import { findAct } from '../catalogue/acts.ts';
import type { RulesOptions } from '../options.ts';
import { AssessmentInputError } from './errors.ts';

export const ACTOR_TYPES = ['PNS', 'PPPK', 'NON_ASN', 'VILLAGE_HEAD'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** One suspected violation to assess. Dates are `YYYY-MM-DD`. */
export interface Incident {
  /** Election id, e.g. 'pemilu-2024'. */
  readonly election: string;
  /** Kemendagri code of the place of the incident (its Bawaslu office handles the report). */
  readonly regionCode: string;
  readonly incidentDate: IsoDate;
  /** The day the violation became known; defaults to `incidentDate`. */
  readonly knownDate?: IsoDate;
  /** The day the report reached Bawaslu. */
  readonly reportDate?: IsoDate;
  /** The day the report was registered; defaults to the latest initial-review date. */
  readonly registrationDate?: IsoDate;
  readonly actorType: ActorType;
  /** Catalogue code, e.g. 'KE-6' or 'D-12'. */
  readonly act: string;
}

/**
 * Dates the engine accepts: wide enough for any election it knows, narrow enough to catch a typo such as
 * "0024-02-10" (for 2024) instead of answering with deadlines centuries away.
 */

const REQUIRED = ['election', 'regionCode', 'incidentDate', 'actorType', 'act'] as const;
const OPTIONAL_DATES = ['knownDate', 'reportDate', 'registrationDate'] as const;

function fail(code: ConstructorParameters<typeof AssessmentInputError>[0], field: string, id: string, en: string, value?: unknown): never {
  throw new AssessmentInputError(code, field, { id, en }, value);
}

function readString(record: Record<string, unknown>, field: string, required: boolean): string | undefined {
  const value = record[field];
  if (value === undefined || value === null || value === '') {
    if (required) fail('FIELD_REQUIRED', field, `Kolom ${field} wajib diisi`, `Field ${field} is required`);
    return undefined;
  }
  if (typeof value !== 'string') {
    fail('FIELD_NOT_STRING', field, `Kolom ${field} harus berupa teks, diterima ${JSON.stringify(value)}`, `Field ${field} must be a string, got ${JSON.stringify(value)}`, value);
  }
  return value.trim();
}

function readDate(record: Record<string, unknown>, field: string, required: boolean): IsoDate | undefined {
  const value = readString(record, field, required);
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) {
    fail('DATE_INVALID', field, `Tanggal ${field} tidak valid: "${value}" (format YYYY-MM-DD, tanggal yang ada)`, `Invalid ${field}: "${value}" (expected an existing date as YYYY-MM-DD)`, value);
  }
  if (value < SUPPORTED_DATES.from || value > SUPPORTED_DATES.to) {
    const { from, to } = SUPPORTED_DATES;
    fail('DATE_OUT_OF_RANGE', field, `Tanggal ${field} di luar rentang yang didukung: "${value}" (${from} s.d. ${to})`, `${field} is outside the supported range: "${value}" (${from} to ${to})`, value);
  }
  return value;
}

/**
 * Validates unknown input (an API body, CLI flags) into an `Incident`, or throws
 * `AssessmentInputError` naming the field and the bad value.
 */
export function parseIncident(input: unknown, options: RulesOptions = {}): Incident {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const kind = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
    fail('INPUT_NOT_OBJECT', '', `Masukan harus berupa objek, diterima ${kind}`, `Input must be an object, got ${kind}`, input);
  }
  const record = input as Record<string, unknown>;
  for (const field of REQUIRED) readString(record, field, true);

  const election = readString(record, 'election', true) as string;
  if (!findElection(election, options.elections)) {
    fail('ELECTION_UNKNOWN', 'election', `Pemilihan tidak dikenal: "${election}"`, `Unknown election: "${election}"`, election);
  }

  const regionCode = readString(record, 'regionCode', true) as string;
  const region = parseRegionCode(regionCode);
  if (!region.ok) {
    if (region.problem === 'format') {
      fail('REGION_CODE_INVALID', 'regionCode', `Kode wilayah tidak valid: "${regionCode}" (format PP, PP.KK, PP.KK.CC atau PP.KK.CC.DDDD)`, `Invalid region code: "${regionCode}" (expected PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD)`, regionCode);
    }
    fail('REGION_PROVINCE_UNKNOWN', 'regionCode', `Provinsi tidak dikenal dalam kode wilayah "${regionCode}"`, `Unknown province in region code "${regionCode}"`, regionCode);
  }

  const actorType = readString(record, 'actorType', true) as string;
  if (!(ACTOR_TYPES as readonly string[]).includes(actorType)) {
    fail('ACTOR_TYPE_UNKNOWN', 'actorType', `Jenis pelaku tidak dikenal: "${actorType}" (${ACTOR_TYPES.join(', ')})`, `Unknown actor type: "${actorType}" (${ACTOR_TYPES.join(', ')})`, actorType);
  }

  const act = readString(record, 'act', true) as string;
  if (!findAct(act, options.catalogue)) {
    fail('ACT_UNKNOWN', 'act', `Kode perbuatan tidak dikenal: "${act}"`, `Unknown act code: "${act}"`, act);
  }

  const incidentDate = readDate(record, 'incidentDate', true) as IsoDate;
  const [knownDate, reportDate, registrationDate] = OPTIONAL_DATES.map((field) => readDate(record, field, false));
  if (knownDate !== undefined && knownDate < incidentDate) {
    fail('KNOWN_DATE_BEFORE_INCIDENT', 'knownDate', `Tanggal diketahui ${knownDate} sebelum tanggal kejadian ${incidentDate}`, `knownDate ${knownDate} is before incidentDate ${incidentDate}`, knownDate);
  }
  if (reportDate !== undefined && reportDate < incidentDate) {
    fail('REPORT_DATE_BEFORE_INCIDENT', 'reportDate', `Tanggal laporan ${reportDate} sebelum tanggal kejadian ${incidentDate}`, `reportDate ${reportDate} is before incidentDate ${incidentDate}`, reportDate);
  }
  if (reportDate !== undefined && knownDate !== undefined && reportDate < knownDate) {
    fail('REPORT_DATE_BEFORE_KNOWN', 'reportDate', `Tanggal laporan ${reportDate} sebelum tanggal diketahui ${knownDate}`, `reportDate ${reportDate} is before knownDate ${knownDate}`, reportDate);
  }
  if (registrationDate !== undefined && (reportDate === undefined || registrationDate < reportDate)) {
    fail('REGISTRATION_DATE_BEFORE_REPORT', 'registrationDate', `Tanggal registrasi ${registrationDate} memerlukan tanggal laporan yang tidak lebih akhir`, `registrationDate ${registrationDate} needs a reportDate on or before it (got ${reportDate ?? 'none'})`, registrationDate);
  }

  return {
    election,
    regionCode,
    incidentDate,
    actorType: actorType as ActorType,
    act,
    ...(knownDate !== undefined && { knownDate }),
    ...(reportDate !== undefined && { reportDate }),
    ...(registrationDate !== undefined && { registrationDate }),
  };
}
