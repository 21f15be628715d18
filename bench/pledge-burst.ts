/**
 * bench/pledge-burst: the morning a whole Pemkot signs. N employees (default 20,000) sign their neutrality
 * pledge with a one-time code through the real HTTP server on PostgreSQL (autocannon, 50 connections, one
 * address), 2% of the requests re-sending a NIP just sent (double submissions). In the same run, pgbench's
 * single-row INSERT TPS on the same server. Prints figures; exits non-zero only if the signature count is
 * wrong or an employee has two standing pledges.
 *   npm run pledge-burst -w bench -- [N]      (DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/postgres)
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openPostgres } from '../apps/api/src/db/client.ts';
import { prepareDatabase } from '../apps/api/src/db/bootstrap.ts';
import { createLogger } from '../apps/api/src/platform/logger.ts';
import { verifyAuditChain } from '../apps/api/src/platform/audit.ts';
import { systemClock } from '../apps/api/src/platform/clock.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { createAgency } from '../apps/api/src/modules/agencies/agencies.service.ts';
import { createUser } from '../apps/api/src/modules/auth/users.service.ts';
import { createCampaign } from '../apps/api/src/modules/pledges/pledges.service.ts';
import { runImport, startImportRun } from '../apps/api/src/modules/registry/import.service.ts';
import { fmt, writeEmployeesCsv } from './lib.ts';

const N = Number(process.argv[2] ?? 20_000);
const CONNECTIONS = 50;
const DUP_EVERY = 50; // every 50th request re-sends the NIP sent just before it (2%)
const CODE = '123456';
const ADMIN = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DBNAME = 'netra_bench_pledge';
const ROOT = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-bench-'));
const url = ADMIN.replace(/\/[^/]*$/, `/${DBNAME}`);

const admin = async (sql: string) => {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  await c.query(sql);
  await c.end();
};
await admin(`DROP DATABASE IF EXISTS ${DBNAME} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DBNAME}`);

// 1. Fixture through the product: migrations, agency, N employees (the CSV import), a campaign open today.
const db = await openPostgres(url);
await prepareDatabase(db, { regionLevels: ['province', 'regency'] });
const deps = { db, clock: systemClock, logger: createLogger(process.env.BENCH_LOG ?? 'warn'), config: loadConfig({}) };
const actor = { id: null, label: 'bench' };
const agency = await createAgency(deps, 'system', actor, { name: 'Pemerintah Kota Bench', regionCode: '32.75' });
const csv = path.join(tmp, 'employees.csv');
await writeEmployeesCsv(csv, N);
const options = { dryRun: false, skipInvalid: false };
const imported = await runImport(deps, {
  runId: await startImportRun(db, { agencyId: agency.id, actor, fileName: csv, options }), agencyId: agency.id, agencyRegion: '32.75', actor, principal: 'system',
  source: { stream: fs.createReadStream(csv), fileName: csv }, options,
});
if (imported.summary?.inserted !== N) throw new Error(`import wrote ${imported.summary?.inserted} of ${N}`);
const admin0 = await createUser(deps, 'system', actor, { username: 'bench-admin', displayName: 'bench', password: crypto.randomBytes(16).toString('hex'), role: 'system_admin' });
const principal = { userId: admin0.id, username: 'bench-admin', displayName: 'bench', grants: [{ id: 'bench', role: 'system_admin' as const, regionCode: null, agencyId: null, unitId: null, unitIdPath: null, employeeId: null }] };
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const campaign = await createCampaign(deps, principal, { agencyId: agency.id, electionId: 'pemilu-2024', employmentTypes: ['PNS'], opensOn: isoDay(-2), closesOn: isoDay(7) });
// One valid code per employee, stored as the service stores it (sending it by e-mail/WhatsApp is out of scope).
await db.query(
  `INSERT INTO pledge_otps (id, campaign_id, employee_id, code_hash, expires_at)
   SELECT o.id, $1, o.employee_id, encode(sha256(convert_to(o.id::text || ':' || $2, 'UTF8')), 'hex'), now() + interval '1 hour'
     FROM (SELECT gen_random_uuid() AS id, e.id AS employee_id FROM employees e WHERE e.agency_id = $3) o`,
  [campaign.id, CODE, agency.id],
);
const nips = (await db.query<{ nip: string }>('SELECT nip FROM employees WHERE agency_id = $1 ORDER BY nip', [agency.id])).rows.map((r) => r.nip);
const auditBefore = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0]!.n;
await db.close();

// 2. The real server in its own process (as `npm start` runs it), on the same database.
const port = await new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(p));
  });
});
const SIGNING_IP_LIMIT = '10000000';
// BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server
const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'apps/api/src/main.ts'], {
  cwd: ROOT,
  env: {
    ...process.env, DATABASE_URL: url, PORT: String(port), NETRA_DEMO: 'false', NETRA_LOG_LEVEL: 'warn', NETRA_DATA_DIR: tmp,
    NETRA_MASTER_KEY: crypto.randomBytes(32).toString('base64'), NETRA_SIGNING_IP_LIMIT: SIGNING_IP_LIMIT,
  },
});
let serverOut = '';
server.stdout.on('data', (d) => (serverOut += d));
server.stderr.on('data', (d) => (serverOut += d));
const base = `http://127.0.0.1:${port}`;
for (const deadline = Date.now() + 120_000; ;) {
  if (server.exitCode !== null) throw new Error(`server exited early:\n${serverOut}`);
  if (await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)) break;
  if (Date.now() > deadline) throw new Error(`server did not start:\n${serverOut}`);
  await new Promise((r) => setTimeout(r, 250));
}

// While the load runs: what the backends wait on, and CPU of the server process and of PostgreSQL.
const cpuTicks = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(f[11]) + Number(f[12]);
};
const pgPids = () => fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres');
  } catch {
    return false;
  }
});
// live PostgreSQL processes plus the CPU of exited backends, which the postmaster's cutime/cstime collect when it reaps them
const pgTicks = () => pgPids().reduce((s, pid) => {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return s + cpuTicks(pid) + Number(f[13]) + Number(f[14]);
  } catch {
    return s;
  }
}, 0);
const waits = new Map<string, number>();
let samples = 0;
const probe = new pg.Client({ connectionString: url });
await probe.connect();
let sampling = false;
const sample = async () => {
  const r = await probe.query<{ w: string; n: number }>(
    `SELECT coalesce(wait_event_type || ':' || wait_event, state) AS w, count(*)::int AS n FROM pg_stat_activity
      WHERE datname = $1 AND application_name = 'netra' AND state <> 'idle' GROUP BY 1`, [DBNAME],
  );
  samples++;
  for (const row of r.rows) waits.set(row.w, (waits.get(row.w) ?? 0) + row.n);
};
const sampler = setInterval(() => {
  if (sampling) return;
  sampling = true;
  sample().catch(() => undefined).finally(() => (sampling = false));
}, 50);

// 3. The load: each request signs the next employee; every DUP_EVERY-th re-sends the previous NIP.
let next = 0;
let sent = 0;
let duplicatesSent = 0;
const byNip = new Map<string, { sent: number; ok: number }>();
const outcome = new Map<string, number>();
const count = (k: string) => outcome.set(k, (outcome.get(k) ?? 0) + 1);
const REFUSED_AS_DUPLICATE = new Set(['409 PLEDGE_ALREADY_SIGNED', '400 PLEDGE_CODE_USED']);
const refusals = new Map<string, number>();
const total = N + Math.floor(N / (DUP_EVERY - 1));
const ticks0 = { server: cpuTicks(server.pid!), pg: pgTicks(), self: process.cpuUsage() };
const t0 = performance.now();
const result = await autocannon({
  url: base, connections: CONNECTIONS, amount: total, timeout: 30,
  requests: [{
    method: 'POST', path: '/api/v1/public/pledges/sign', headers: { 'content-type': 'application/json' },
    // one request in flight per connection, so the connection's context says which NIP a response is for
    setupRequest: (req, context: { nip?: string }) => {
      sent++;
      let nip: string;
      if (sent % DUP_EVERY === 0 && next > 0) {
        duplicatesSent++;
        nip = nips[next - 1]!;
      } else nip = nips[next++ % N]!;
      context.nip = nip;
      const n = byNip.get(nip) ?? { sent: 0, ok: 0 };
      n.sent++;
      byNip.set(nip, n);
      return { ...req, body: JSON.stringify({ campaignId: campaign.id, nip, code: CODE }) };
    },
    onResponse: (status, body, context: { nip?: string }) => {
      const n = byNip.get(context.nip!)!;
      if (status === 201) {
        n.ok++;
        return count('201');
      }
      let code = '';
      try {
        code = (JSON.parse(body) as { code?: string }).code ?? '';
      } catch {
        /* not JSON */
      }
      const key = `${status} ${code}`;
      // a refusal is expected only for a NIP that was sent more than once (its other submission signs)
      if (n.sent > 1 && REFUSED_AS_DUPLICATE.has(key)) refusals.set(key, (refusals.get(key) ?? 0) + 1);
      else count(key);
    },
  }],
});
const seconds = (performance.now() - t0) / 1000;
const selfCpu = process.cpuUsage(ticks0.self);
const cpu = { server: (cpuTicks(server.pid!) - ticks0.server) / 100 / seconds, pg: (pgTicks() - ticks0.pg) / 100 / seconds, self: (selfCpu.user + selfCpu.system) / 1e6 / seconds };
const load = os.loadavg()[0]!;
clearInterval(sampler);
// the server's sealer links audit entries into the hash chain after commit: how far behind is it?
const unsealed = async () => (await probe.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE chain_pos IS NULL')).rows[0]!.n;
const pendingAtEnd = await unsealed();
const tSeal = performance.now();
while ((await unsealed()) > 0 && performance.now() - tSeal < 60_000) await new Promise((r) => setTimeout(r, 50));
const sealLagMs = performance.now() - tSeal;
await probe.end();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

// 4. Baseline: pgbench single-row INSERT on the same server and database.
const c = new pg.Client({ connectionString: url });
await c.connect();
await c.query('CREATE TABLE bench_tx (id bigserial PRIMARY KEY, employee_id uuid, signed_at timestamptz)');
const script = path.join(tmp, 'insert.sql');
fs.writeFileSync(script, 'INSERT INTO bench_tx (employee_id, signed_at) VALUES (gen_random_uuid(), now());\n');
const u = new URL(url);
// CPU of pgbench (a waited-for child: cutime + cstime of this process) and of PostgreSQL while it runs
const childTicks = () => {
  const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return Number(f[13]) + Number(f[14]);
};
const pgbTicks0 = { pg: pgTicks(), pgbench: childTicks() };
const pgb = spawnSync(process.env.PGBENCH ?? '/usr/bin/pgbench', ['-n', '-c', '50', '-j', '2', '-T', '10', '-f', script, '-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username) || 'postgres', DBNAME], {
  encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
});
const tps = Number(/tps = ([\d.]+)/.exec(pgb.stdout)?.[1] ?? NaN);
const pgbTx = Number(/number of transactions actually processed: (\d+)/.exec(pgb.stdout)?.[1] ?? NaN);
const pgbCpuMs = { pg: ((pgTicks() - pgbTicks0.pg) * 10) / pgbTx, pgbench: ((childTicks() - pgbTicks0.pgbench) * 10) / pgbTx };
if (!Number.isFinite(tps)) console.error(`pgbench failed:\n${pgb.stdout}${pgb.stderr}`);

// 5. Correctness, in SQL.
const check = (await c.query<{ standing: number; doubled: number; audited: number }>(
  `SELECT (SELECT count(*)::int FROM pledges WHERE campaign_id = $1 AND revoked_at IS NULL) AS standing,
          (SELECT count(*)::int FROM (SELECT employee_id FROM pledges WHERE campaign_id = $1 AND revoked_at IS NULL GROUP BY employee_id HAVING count(*) > 1) d) AS doubled,
          (SELECT count(*)::int FROM audit_events WHERE action = 'pledge.signed') AS audited`, [campaign.id],
)).rows[0]!;
await c.end();
const chainDb = await openPostgres(url);
const chain = await verifyAuditChain(chainDb);
await chainDb.close();

const ok201 = outcome.get('201') ?? 0;
const errors = [...outcome].filter(([k]) => k !== '201');
const signedTwice = [...byNip.values()].filter((n) => n.ok > 1).length;
const errorCount = errors.reduce((s, [, n]) => s + n, 0) + result.errors + result.timeouts;
const rate = ok201 / seconds;
const topWaits = [...waits].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([w, n]) => `${w} ${(n / Math.max(1, samples)).toFixed(1)}`).join(', ');

console.log('');
console.log(`employees (N)                     ${fmt(N)}  (codes pre-inserted: sending them by e-mail/WhatsApp is out of scope)`);
console.log(`requests                          ${fmt(result.requests.total)} over ${CONNECTIONS} connections from one address (NETRA_SIGNING_IP_LIMIT=${SIGNING_IP_LIMIT}), ${seconds.toFixed(1)} s`);
console.log(`signatures/s                      ${fmt(rate).padStart(8)}  (target >= 1,000)`);
console.log(`latency p50 / p99                 ${result.latency.p50} / ${result.latency.p99} ms (max ${result.latency.max})`);
console.log(`errors                            ${fmt(errorCount)}  ${errors.map(([k, n]) => `${k}: ${n}`).join(', ')}${result.errors ? ` socket errors: ${result.errors}` : ''}${result.timeouts ? ` timeouts: ${result.timeouts}` : ''}`);
console.log(`double submissions -> refused     ${fmt(duplicatesSent)} -> ${fmt([...refusals.values()].reduce((a, b) => a + b, 0))} (${[...REFUSED_AS_DUPLICATE].map((k) => `${k}: ${refusals.get(k) ?? 0}`).join(', ')}); NIPs answered 201 twice: ${signedTwice}`)
console.log(`pgbench single-row INSERT         ${fmt(tps).padStart(8)} tps  (-c 50 -j 2 -T 10, same server)`);
console.log(`ratio signatures / pgbench        ${(rate / tps).toFixed(2)}x  (target >= 0.5x)`);
console.log(`CPU during the load               server process ${(cpu.server * 100).toFixed(0)}%, all PostgreSQL processes ${(cpu.pg * 100).toFixed(0)}%, load generator ${(cpu.self * 100).toFixed(0)}% (of one core; ${os.cpus().length} cores, 1-min load average ${load.toFixed(1)})`);
// CPU milliseconds per operation: where a signature's cost goes, next to pgbench's insert, and what 0.5x would allow
const perSig = { server: (cpu.server * seconds * 1000) / ok201, pg: (cpu.pg * seconds * 1000) / ok201, gen: (cpu.self * seconds * 1000) / ok201 };
const budgetMs = (os.cpus().length * 1000) / (0.5 * tps);
console.log(`CPU ms per signature              server ${perSig.server.toFixed(3)} + PostgreSQL ${perSig.pg.toFixed(3)} + load generator ${perSig.gen.toFixed(3)} = ${(perSig.server + perSig.pg + perSig.gen).toFixed(3)}`);
console.log(`CPU ms per pgbench INSERT         PostgreSQL ${pgbCpuMs.pg.toFixed(3)} + pgbench ${pgbCpuMs.pgbench.toFixed(3)} = ${(pgbCpuMs.pg + pgbCpuMs.pgbench).toFixed(3)}`);
console.log(`0.5x pgbench = ${fmt(0.5 * tps)} signatures/s   leaves ${budgetMs.toFixed(3)} CPU ms per signature for everything on ${os.cpus().length} cores`);
console.log(`backends by wait (avg in flight)  ${topWaits}`);
console.log(`audit entries not yet sealed      ${fmt(pendingAtEnd)} when the load ended, all sealed ${(sealLagMs / 1000).toFixed(1)} s later (the server seals every second)`);
console.log(`audit chain                       ${chain.ok ? 'intact' : `BROKEN: ${JSON.stringify(chain.firstBroken)}`}, ${fmt(chain.checked)} entries verified, ${chain.pending} pending`);
console.log(`standing pledges / 201s / audit   ${fmt(check.standing)} / ${fmt(ok201)} / ${fmt(check.audited)} (audit rows before the load: ${auditBefore}); employees with two: ${check.doubled}`);

await admin(`DROP DATABASE IF EXISTS ${DBNAME} WITH (FORCE)`);
fs.rmSync(tmp, { recursive: true, force: true });

const failures = [
  check.doubled !== 0 && `${check.doubled} employees have two standing pledges`,
  check.standing !== ok201 && `${check.standing} standing pledges but ${ok201} signatures answered 201`,
  ok201 !== N && `${ok201} of ${N} employees signed`,
  signedTwice !== 0 && `${signedTwice} NIPs were answered 201 twice`,
  check.audited !== check.standing && `${check.audited} pledge.signed audit rows for ${check.standing} pledges`,
  !chain.ok && `audit chain broken at ${JSON.stringify(chain.firstBroken)}`,
  chain.pending !== 0 && `${chain.pending} audit entries left unsealed`,
].filter(Boolean);
if (failures.length) {
  console.error(`FAILED: ${failures.join('; ')}`);
  process.exit(1);
}
