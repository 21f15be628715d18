/**
 * bench/registry-list: registry list/search/count latency through the real service, on a database that
 * already holds a large registry (e.g. after bench/import). Prints p50/max per query and, as a baseline in the
 * same run, a bare `SELECT count(*) FROM employees`.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/netra_scale npm run list -w bench
 */
import { openPostgres } from '../apps/api/src/db/client.ts';
import { createLogger } from '../apps/api/src/platform/logger.ts';
import { systemClock } from '../apps/api/src/platform/clock.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { listEmployees } from '../apps/api/src/modules/registry/employees.service.ts';
import type { Principal } from '../apps/api/src/modules/auth/domain/policy.ts';
import { EmployeeQuery } from '@netra/contracts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/netra_scale';
const db = await openPostgres(url, 2);
const deps = { db, clock: systemClock, logger: createLogger('warn'), config: loadConfig({}) };
const agency = (await db.query<{ id: string }>('SELECT agency_id AS id FROM employees GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1')).rows[0]!.id;
const unit = (await db.query<{ id: string }>('SELECT id FROM units WHERE agency_id = $1 AND parent_id IS NULL LIMIT 1', [agency])).rows[0]!.id;
const sample = (await db.query<{ name: string; nip: string }>('SELECT name, nip FROM employees OFFSET 4321 LIMIT 1')).rows[0]!;
const grant = (g: Partial<Principal['grants'][number]> & Pick<Principal['grants'][number], 'role'>): Principal => ({
  userId: '00000000-0000-0000-0000-000000000000', username: 'bench', displayName: 'bench',
  grants: [{ id: 'g', regionCode: null, agencyId: null, unitId: null, unitIdPath: null, employeeId: null, ...g }],
});
const national = grant({ role: 'authority_officer' });
const kota = grant({ role: 'supervisor', regionCode: '32.75' });
const agencyAdmin = grant({ role: 'agency_admin', agencyId: agency });

async function time(label: string, fn: () => Promise<unknown>, runs = 7) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(52)} p50 ${ms[Math.floor(runs / 2)]!.toFixed(1).padStart(7)} ms   max ${ms[runs - 1]!.toFixed(1).padStart(7)} ms`);
}
const q = (o: Record<string, string>) => EmployeeQuery.parse(o);
const total = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM employees')).rows[0]!.n;
console.log(`registry: ${total.toLocaleString('en-US')} employees`);
await time('baseline: SELECT count(*) FROM employees', () => db.query('SELECT count(*) FROM employees'));
await time('national, page 1 by name', () => listEmployees(deps, national, q({})));
await time('national, page 200 by name', () => listEmployees(deps, national, q({ page: '200' })));
await time('region 32.75 supervisor, page 1', () => listEmployees(deps, kota, q({})));
await time('agency admin, page 1 by name', () => listEmployees(deps, agencyAdmin, q({})));
await time(`search name "${sample.name.split(' ').pop()}"`, () => listEmployees(deps, agencyAdmin, q({ q: sample.name.split(' ').pop()! })));
await time(`search NIP prefix ${sample.nip.slice(0, 10)}`, () => listEmployees(deps, agencyAdmin, q({ q: sample.nip.slice(0, 10) })));
await time('unit subtree filter', () => listEmployees(deps, agencyAdmin, q({ unitId: unit })));
await db.close();
