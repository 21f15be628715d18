/**
 * bench/coverage: the pledge coverage dashboard at N employees (default 1,000,000) with pledges on
 * the PostgreSQL server, next to the naive GROUP BY over the raw tables in the same run.
 * Prints figures; asserts only that both give the same numbers.
 *   npm run coverage -w bench -- [N]      (DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/postgres)
 */
import pg from 'pg';
import { openPostgres } from '../apps/api/src/db/client.ts';
import { prepareDatabase } from '../apps/api/src/db/bootstrap.ts';
import { createLogger } from '../apps/api/src/platform/logger.ts';
import { systemClock } from '../apps/api/src/platform/clock.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { createAgency } from '../apps/api/src/modules/agencies/agencies.service.ts';
import { createUser } from '../apps/api/src/modules/auth/users.service.ts';
import type { Principal } from '../apps/api/src/modules/auth/domain/policy.ts';
import { coverage } from '../apps/api/src/modules/pledges/pledge-follow-up.service.ts';
import { createCampaign } from '../apps/api/src/modules/pledges/pledges.service.ts';
import { fmt } from './lib.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const ADMIN = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DBNAME = 'netra_bench_coverage';
const admin = new pg.Client({ connectionString: ADMIN });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DBNAME} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DBNAME}`);
await admin.end();
const db = await openPostgres(ADMIN.replace(/\/[^/]*$/, `/${DBNAME}`), 4);
await prepareDatabase(db, { regionLevels: ['province', 'regency', 'district'] });
const deps = { db, clock: systemClock, logger: createLogger('warn'), config: loadConfig({}) };
const agency = await createAgency(deps, 'system', { id: null, label: 'bench' }, { name: 'Pemerintah Provinsi Sintetis', regionCode: '32' });

// 40 OPD x 12 bidang, and 27 kab/kota x 10 kecamatan-like units spread over West Java's districts
const t0 = performance.now();
await db.query(`
  WITH opd AS (SELECT gen_random_uuid() AS id, i FROM generate_series(1, 40) i),
       ins_opd AS (INSERT INTO units (id, agency_id, parent_id, name, path, name_key, kind, region_code, id_path)
                   SELECT id, $1, NULL, 'Dinas ' || i, 'Dinas ' || i, 'dinas ' || i, 'opd', NULL, '/' || id || '/' FROM opd RETURNING id, name, id_path)
  INSERT INTO units (id, agency_id, parent_id, name, path, name_key, kind, region_code, id_path)
  SELECT s.xid, $1, s.id, 'Bidang ' || s.b, s.name || ' / Bidang ' || s.b, lower(s.name) || ' / bidang ' || s.b, 'bidang', d.code, s.id_path || s.xid || '/'
    FROM (SELECT gen_random_uuid() AS xid, o.id, o.name, o.id_path, b FROM ins_opd o CROSS JOIN generate_series(1, 12) b) s
    CROSS JOIN LATERAL (SELECT code FROM regions WHERE level = 'district' AND code LIKE '32.%' ORDER BY md5(s.xid::text) LIMIT 1) d`, [agency.id]);
const units = (await db.query<{ id: string; region_code: string }>("SELECT id, region_code FROM units WHERE agency_id = $1 AND kind = 'bidang' ORDER BY id", [agency.id])).rows;
// employees: synthetic, spread over the units; 5% inactive; PNS / PPPK / non-ASN
await db.query(`
  INSERT INTO employees (agency_id, unit_id, region_code, employment_type, nip, internal_id, name, position, active)
  SELECT $1, u.id, u.region_code, t.type,
         CASE WHEN t.type <> 'NON_ASN' THEN '9' || lpad(i::text, 17, '0') END, CASE WHEN t.type = 'NON_ASN' THEN 'HON-' || i END,
         'Pegawai Sintetis ' || i, 'Analis', i % 20 <> 0
    FROM generate_series(1, $2::int) i
    CROSS JOIN LATERAL (SELECT (ARRAY['PNS','PNS','PNS','PNS','PNS','PNS','PPPK','PPPK','NON_ASN','NON_ASN'])[1 + i % 10] AS type) t
    JOIN (SELECT id, region_code, row_number() OVER (ORDER BY id) - 1 AS k FROM units WHERE agency_id = $1 AND kind = 'bidang') u ON u.k = i % $3`,
  [agency.id, N, units.length]);
const user = await createUser(deps, 'system', { id: null, label: 'bench' }, { username: 'bench.kesbangpol', displayName: 'Bench', password: 'bench-password-2024', role: 'agency_admin', agencyId: agency.id });
const p: Principal = { userId: user.id, username: 'bench', displayName: 'bench',
  grants: [{ id: 'g', role: 'agency_admin', regionCode: null, agencyId: agency.id, unitId: null, unitIdPath: null, employeeId: null }] };
const campaign = (await createCampaign(deps, p, { agencyId: agency.id, electionId: 'pilkada-2024', employmentTypes: ['PNS', 'PPPK', 'NON_ASN'], opensOn: '2024-09-01', closesOn: '2024-11-26' })).id;
// ~60% have signed (ceremony-style bulk insert); a few of those revoked
await db.query(`
  INSERT INTO pledges (campaign_id, employee_id, signed_at, method, content_hash, verify_code, revoked_at)
  SELECT $1, e.id, now(), 'ceremony', 'x', 'B' || e.id, CASE WHEN abs(hashtext(e.id::text)) % 97 = 0 THEN now() END
    FROM employees e WHERE e.agency_id = $2 AND e.active AND abs(hashtext(e.id::text)) % 10 < 6`, [campaign, agency.id]);
await db.query('ANALYZE');
console.log(`loaded ${fmt(N)} employees in ${fmt(units.length)} units, pledges for ~60% (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed<T>(fn: () => Promise<T>, runs: number): Promise<{ ms: number; result: T }> {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), result };
}

// The naive dashboard: the same breakdowns (unit x type, child unit, region, type, total) by GROUP BY
// GROUPING SETS straight over employees, units and pledges.
const naiveSql = `
  WITH cov AS (
    SELECT u.path AS unit_path, e.employment_type AS type, e.region_code, p.id IS NOT NULL AS signed,
           NULLIF(split_part(substr(u.id_path, 2), '/', 1), '') AS child_id
      FROM pledge_campaigns c JOIN employees e ON e.agency_id = c.agency_id AND e.active AND e.employment_type = ANY(c.employment_types)
      LEFT JOIN units u ON u.id = e.unit_id
      LEFT JOIN pledges p ON p.campaign_id = c.id AND p.employee_id = e.id AND p.revoked_at IS NULL
     WHERE c.id = $1)
  SELECT GROUPING(unit_path, type, child_id, region_code)::int AS g, count(*)::int AS required, (count(*) FILTER (WHERE signed))::int AS signed
    FROM cov GROUP BY GROUPING SETS ((unit_path, type), (child_id), (region_code), (type), ())`;

const first = await timed(() => coverage(deps, p, campaign), 1);
const warm = await timed(() => coverage(deps, p, campaign), 21);
const naive = await timed(() => db.query<{ g: number; required: number; signed: number }>(naiveSql, [campaign]), 5);
const naiveTotal = naive.result.rows.find((r) => r.g === 15)!;
if (naiveTotal.required !== warm.result.total.required || naiveTotal.signed !== warm.result.total.signed)
  throw new Error(`coverage disagrees with the naive query: ${JSON.stringify(warm.result.total)} vs ${JSON.stringify(naiveTotal)}`);

// one signature on top, counted by the trigger: the next read needs no rebuild
const one = (await db.query<{ id: string }>('SELECT e.id FROM employees e WHERE e.agency_id = $1 AND e.active AND NOT EXISTS (SELECT 1 FROM pledges p WHERE p.employee_id = e.id) LIMIT 1', [agency.id])).rows[0]!.id;
await db.query("INSERT INTO pledges (campaign_id, employee_id, signed_at, method, content_hash, verify_code) VALUES ($1, $2, now(), 'self_service', 'x', 'ONE')", [campaign, one]);
const after = await timed(() => coverage(deps, p, campaign), 5);

console.log('');
console.log(`required ${fmt(warm.result.total.required)}, signed ${fmt(warm.result.total.signed)} (${warm.result.total.percent}%), ${warm.result.byUnit.length} units at the top level, ${warm.result.rows.length} unit x type rows`);
console.log(`naive GROUP BY over the raw tables     ${fmt(naive.ms).padStart(8)} ms (median of 5)`);
console.log(`netra coverage (cells), warm           ${warm.ms.toFixed(1).padStart(8)} ms (median of 21)  -> ${(naive.ms / warm.ms).toFixed(0)}x faster (target >= 20x, < 100 ms)`);
console.log(`first read after a registry change     ${fmt(first.ms).padStart(8)} ms (rebuilds the cells once)`);
console.log(`read after one more signature          ${after.ms.toFixed(1).padStart(8)} ms (trigger-counted, no rebuild; signed ${fmt(after.result.total.signed)})`);

await db.close();
const a2 = new pg.Client({ connectionString: ADMIN });
await a2.connect();
await a2.query(`DROP DATABASE IF EXISTS ${DBNAME} WITH (FORCE)`);
await a2.end();
