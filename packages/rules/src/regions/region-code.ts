import { PROVINCE_TIME_ZONES, TIME_ZONES, timeZoneOfRegion, type TimeZoneCode } from './time-zones.ts';

/**
 * Kemendagri region codes (Permendagri 58/2021, Kepmendagri 050-145/2022; domain.md §8.4,
 * S153, S154): province `PP`, regency/city `PP.KK`, district (kecamatan) `PP.KK.CC`,
 * village (desa/kelurahan) `PP.KK.CC.DDDD`.
 */
export type RegionLevel = 'province' | 'regency_city' | 'district' | 'village';

export interface RegionCode {
  readonly code: string;
  readonly level: RegionLevel;
  readonly provinceCode: string;
  /** `PP.KK` when the code is at regency/city level or below. */
  readonly regencyCityCode: string | null;
  readonly timeZone: TimeZoneCode;
}

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const LEVELS: readonly RegionLevel[] = ['province', 'regency_city', 'district', 'village'];

export type RegionCodeProblem = 'format' | 'unknown_province';

/** Parses a region code, or says why it is not one. */
export function parseRegionCode(
  code: string,
): { ok: true; region: RegionCode } | { ok: false; problem: RegionCodeProblem } {
  if (!REGION_CODE.test(code)) return { ok: false, problem: 'format' };
  const parts = code.split('.');
  const provinceCode = parts[0] ?? '';
  const timeZone = timeZoneOfRegion(provinceCode);
  if (!timeZone || !(provinceCode in PROVINCE_TIME_ZONES)) return { ok: false, problem: 'unknown_province' };
  const level = LEVELS[parts.length - 1] ?? 'village';
  const regencyCityCode = parts.length >= 2 ? `${provinceCode}.${parts[1]}` : null;
  return { ok: true, region: { code, level, provinceCode, regencyCityCode, timeZone } };
}

export function isRegionCode(code: string): boolean {
  return parseRegionCode(code).ok;
}

/** True when `code` is `prefix` itself or lies inside it (`32.16.01` is inside `32.16`). */
export function isWithinRegion(code: string, prefix: string): boolean {
  return code === prefix || code.startsWith(`${prefix}.`);
}

/** `+07:00` style offset of a region's local time. */
export function utcOffsetOfRegion(code: string): string | undefined {
  const zone = timeZoneOfRegion(code);
  if (!zone) return undefined;
  const hours = TIME_ZONES[zone].utcOffsetHours;
  return `+${String(hours).padStart(2, '0')}:00`;
}
