import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * One SQL dialect (PostgreSQL) on two engines: the embedded PGlite (a laptop, zero setup) and a
 * PostgreSQL server. Repositories only see `Queryable`; services open transactions on `Db`.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string | Prepared, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
}

/**
 * A statement the PostgreSQL server parses and plans once per connection and then only executes:
 * for fixed SQL on hot paths (a signature, an audit entry), where planning costs more than running.
 * Never for SQL built per caller (scope filters): every distinct text would stay prepared on the
 * connection. The embedded database runs the text as usual.
 */
export type Prepared = { readonly name: string; readonly text: string };
export const prepared = (name: string, text: string): Prepared => ({ name: `netra_${name}`, text });
const textOf = (sql: string | Prepared) => (typeof sql === 'string' ? sql : sql.text);

export interface Db extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
  /** PostgreSQL server only: streams CSV text into `COPY ... FROM STDIN` on one connection. */
  copyIn?(copySql: string, csv: AsyncIterable<string>): Promise<void>;
  close(): Promise<void>;
}

// int8 (count(*), bigint ids) as JS numbers on both engines, like PGlite does.
pg.types.setTypeParser(20, (v) => Number(v));
// date as UTC midnight on both engines, like PGlite does: node-pg's default (local midnight) turns
// 2023-11-02 into 2023-11-01T17:00Z on a server running in WIB (TZ=Asia/Jakarta), a day early.
pg.types.setTypeParser(1082, (v) => new Date(`${v}T00:00:00Z`));

export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'netra' });
  pool.on('error', () => {
    /* idle client errors are reported on the next query */
  });
  const q = async <T>(c: pg.Pool | pg.PoolClient, sql: string | Prepared, params?: unknown[]) => {
    const r = typeof sql === 'string' ? await c.query(sql, params) : await c.query({ name: sql.name, text: sql.text, values: params });
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
  };
  return {
    kind: 'postgres',
    query: (sql, params) => q(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: (sql, params) => q(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async copyIn(copySql, csv) {
      const client = await pool.connect();
      try {
        await pipeline(Readable.from(csv), client.query(copyFrom(copySql)));
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export class DataDirLockedError extends Error {}

/** Embedded database. Only one process may open a data directory: guarded by a pid lock file. */
export async function openEmbedded(dataDir: string | null, opts: { loadDataDir?: Blob } = {}): Promise<Db> {
  let release = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  const db = await PGlite.create({
    dataDir: dataDir ? path.join(dataDir, 'pg') : undefined,
    extensions: { pg_trgm },
    loadDataDir: opts.loadDataDir,
  }).catch((err: unknown) => {
    release();
    throw err;
  });
  const wrap = (c: { query: PGlite['query'] }): Queryable => ({
    async query<T>(sql: string | Prepared, params?: unknown[]) {
      const r = await c.query<T>(textOf(sql), params);
      return { rows: r.rows, rowCount: r.rows.length || r.affectedRows || 0 };
    },
  });
  const self = wrap(db);
  return {
    kind: 'embedded',
    query: self.query,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async exec(sql) {
      await db.exec(sql);
    },
    async close() {
      await db.close();
      release();
    },
    // exposed for test templates (dumpDataDir)
    ...({ pglite: db } as object),
  };
}

function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'netra.lock');
  const tryLock = () => fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  try {
    tryLock();
  } catch {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (pid && isAlive(pid) && pid !== process.pid) {
      throw new DataDirLockedError(
        `The embedded database in ${dataDir} is in use by process ${pid} (only one process can open it). ` +
          'Stop the server first, or run Netra on a PostgreSQL server with DATABASE_URL.',
      );
    }
    fs.rmSync(lockFile, { force: true });
    tryLock();
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function openDb(cfg: { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string }): Promise<Db> {
  return cfg.kind === 'postgres' ? openPostgres(cfg.url) : openEmbedded(cfg.dataDir);
}
