/**
 * bench/import: N synthetic employees (default 1,000,000) imported into the PostgreSQL server with
 * validation on, next to a raw COPY of the same file into a bare table in the same run.
 * Also times a 25,000-row file on the embedded database. Prints figures; asserts nothing.
 *   npm run import -w bench -- [N]      (DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/postgres)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { fmt, writeEmployeesCsv } from './lib.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const ADMIN = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DBNAME = 'netra_bench_import';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-bench-'));
const csv = path.join(tmp, 'employees.csv');

const bytes = await writeEmployeesCsv(csv, N);
console.log(`generated ${fmt(N)} rows (${(bytes / 1e6).toFixed(1)} MB)`);

const admin = new pg.Client({ connectionString: ADMIN });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DBNAME} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DBNAME}`);
await admin.end();
const url = ADMIN.replace(/\/[^/]*$/, `/${DBNAME}`);

// Baseline: raw COPY into a bare table (no validation, no indexes, no upsert).
const c = new pg.Client({ connectionString: url });
await c.connect();
await c.query('CREATE TABLE bench_raw (nip text, nama text, jenis text, jabatan text, unit text)');
const t0 = performance.now();
await pipeline(fs.createReadStream(csv), c.query(copyFrom('COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)')));
const copyMs = performance.now() - t0;
await c.end();

const child = (engine: string, file: string) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-child.ts'), engine, file, url], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { status: string; inserted: number; unchanged: number; ms: number; msAgain: number; maxRssKb: number };
};
const netra = child('postgres', csv);
if (netra.inserted !== N) throw new Error(`import wrote ${netra.inserted} of ${N}: ${JSON.stringify(netra)}`);

// Floor: the same rows written by the server alone into a copy of the registry table with all its
// indexes (no parsing, validation, staging or upsert) - what any import into the live registry pays.
const f = new pg.Client({ connectionString: url });
await f.connect();
await f.query('CREATE TABLE bench_floor (LIKE employees INCLUDING ALL)');
const tf = performance.now();
await f.query('INSERT INTO bench_floor SELECT * FROM employees');
const floorMs = performance.now() - tf;
const indexes = (await f.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'employees'")).rows[0]!.n;
await f.end();

const small = path.join(tmp, 'small.csv');
await writeEmployeesCsv(small, 25_000);
const embedded = child('embedded', small);

const copyRate = N / (copyMs / 1000);
const netraRate = N / (netra.ms / 1000);
console.log('');
console.log(`raw COPY into a bare table        ${fmt(copyRate).padStart(10)} rows/s  (${(copyMs / 1000).toFixed(1)} s)`);
console.log(`netra import (PostgreSQL, valid.)  ${fmt(netraRate).padStart(10)} rows/s  (${(netra.ms / 1000).toFixed(1)} s)`);
console.log(`ratio netra / raw COPY             ${(netraRate / copyRate).toFixed(2)}x  (target >= 0.5x)`);
console.log(`floor: INSERT..SELECT of the rows into the indexed registry table (${indexes} indexes) ${fmt(N / (floorMs / 1000))} rows/s (${(floorMs / 1000).toFixed(1)} s) = ${(N / (floorMs / 1000) / copyRate).toFixed(2)}x raw COPY`);
console.log(`netra / floor                      ${(netraRate / (N / (floorMs / 1000))).toFixed(2)}x`);
console.log(`peak RSS of the import process     ${fmt(netra.maxRssKb / 1024)} MB  (target < 300 MB)`);
console.log(`re-import of the same file (no-op) ${(netra.msAgain / 1000).toFixed(1)} s, unchanged ${fmt(netra.unchanged)}`);
console.log(`embedded (PGlite) 25,000 rows      ${(embedded.ms / 1000).toFixed(2)} s (${fmt(25_000 / (embedded.ms / 1000))} rows/s), re-import ${(embedded.msAgain / 1000).toFixed(2)} s`);

const a2 = new pg.Client({ connectionString: ADMIN });
await a2.connect();
await a2.query(`DROP DATABASE IF EXISTS ${DBNAME} WITH (FORCE)`);
await a2.end();
fs.rmSync(tmp, { recursive: true, force: true });
