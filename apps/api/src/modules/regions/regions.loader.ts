import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { timeZoneOfRegion } from '@netra/rules';
import type { Db } from '../../db/client.ts';

/**
 * Loads the Kemendagri region master data (38 provinces, 514 regencies/cities, districts and
 * villages) from the maintained `idn-area-data` package (MIT code, ODbL data) on first start.
 */
const LEVELS = [
  { level: 'province', file: 'provinces.csv', parent: null },
  { level: 'regency', file: 'regencies.csv', parent: 'province_code' },
  { level: 'district', file: 'districts.csv', parent: 'regency_code' },
  { level: 'village', file: 'villages.csv', parent: 'district_code' },
] as const;

export type RegionLevelName = (typeof LEVELS)[number]['level'];

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

export function readRegionFile(level: RegionLevelName): { code: string; parent: string | null; name: string }[] {
  const spec = LEVELS.find((l) => l.level === level)!;
  const rows = parse(fs.readFileSync(path.join(dataDir(), spec.file)), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  return rows.map((r) => ({ code: r.code!, parent: spec.parent ? r[spec.parent]! : null, name: titleCase(r.name!) }));
}

/** "KABUPATEN BEKASI" -> "Kabupaten Bekasi"; keeps DKI/DI and roman-numeral style tokens. */
function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s
    .toLowerCase()
    .replace(/\b([a-z])/g, (m) => m.toUpperCase())
    .replace(/\bDki\b/, 'DKI');
}

/** Idempotent: loads only the levels that are still empty. Returns rows inserted per level. */
export async function loadRegions(db: Db, levels: readonly RegionLevelName[] = ['province', 'regency', 'district', 'village']) {
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const spec of LEVELS) {
      if (!levels.includes(spec.level)) continue;
      const existing = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM regions WHERE level = $1', [spec.level])).rows[0]!.n;
      if (existing > 0) continue;
      const rows = readRegionFile(spec.level);
      for (let i = 0; i < rows.length; i += 10_000) {
        const batch = rows.slice(i, i + 10_000);
        await tx.query(
          `INSERT INTO regions (code, parent_code, level, name, time_zone)
           SELECT code, parent, $5, name, tz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, parent, name, tz)`,
          [batch.map((r) => r.code), batch.map((r) => r.parent), batch.map((r) => r.name), batch.map((r) => timeZoneOfRegion(r.code) ?? 'WIB'), spec.level],
        );
      }
      counts[spec.level] = rows.length;
    }
  });
  return counts;
}
