/**
 * Time zone of each province (Keppres 41/1987, effective 1 Jan 1988; no daylight saving).
 * WIB = UTC+7 (Asia/Jakarta), WITA = UTC+8 (Asia/Makassar), WIT = UTC+9 (Asia/Jayapura).
 * Source: domain.md §8.8 [S179, S180, S181].
 */
export type TimeZoneCode = 'WIB' | 'WITA' | 'WIT';

export const TIME_ZONES: Record<TimeZoneCode, { iana: string; utcOffsetHours: number }> = {
  WIB: { iana: 'Asia/Jakarta', utcOffsetHours: 7 },
  WITA: { iana: 'Asia/Makassar', utcOffsetHours: 8 },
  WIT: { iana: 'Asia/Jayapura', utcOffsetHours: 9 },
};

export const TIME_ZONE_SOURCE = 'Keppres 41/1987 (domain.md §8.8; S179, S180, S181)';

/** Province code (Kemendagri, two digits) -> time zone. */
export const PROVINCE_TIME_ZONES: Readonly<Record<string, TimeZoneCode>> = {
  '11': 'WIB', '12': 'WIB', '13': 'WIB', '14': 'WIB', '15': 'WIB', '16': 'WIB', '17': 'WIB',
  '18': 'WIB', '19': 'WIB', '21': 'WIB', '31': 'WIB', '32': 'WIB', '33': 'WIB', '34': 'WIB',
  '35': 'WIB', '36': 'WIB',
  '51': 'WITA', '52': 'WITA', '53': 'WITA',
  '61': 'WIB', '62': 'WIB', '63': 'WITA', '64': 'WITA', '65': 'WITA',
  '71': 'WITA', '72': 'WITA', '73': 'WITA', '74': 'WITA', '75': 'WITA', '76': 'WITA',
  '81': 'WIT', '82': 'WIT',
  '91': 'WIT', '92': 'WIT', '93': 'WIT', '94': 'WIT', '95': 'WIT', '96': 'WIT',
};

/** Time zone of any region code (province, regency, district or village): its province's. */
export function timeZoneOfRegion(regionCode: string): TimeZoneCode | undefined {
  return PROVINCE_TIME_ZONES[regionCode.slice(0, 2)];
}
