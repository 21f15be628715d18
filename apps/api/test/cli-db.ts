/**
 * A database the `netra` process can open, of either engine, seeded through the services first:
 * a cloned PostgreSQL database (DATABASE_URL) or an embedded data directory loaded from the
 * migrated PGlite dump (NETRA_DATA_DIR). `query` reads it back after the CLI has run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openEmbedded, type Db } from '../src/db/client.ts';
import type { Deps } from '../src/deps.ts';
import type { Principal } from '../src/modules/auth/domain/policy.ts';
import { addUser, freshDb, makeDeps, principalOf, TestClock, type DbKind } from './harness.ts';

export interface CliDb {
  /** Environment that points the `netra` process at this database. */
  env: Record<string, string>;
  /** A scratch directory for input and output files, removed by `drop`. */
  dir: string;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function openCliDb(kind: DbKind, seed: (deps: Deps) => Promise<void>, clock = new TestClock()): Promise<CliDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-cli-extra-'));
  if (kind === 'postgres') {
    const f = await freshDb('postgres');
    await seed(makeDeps(f.db, clock));
    return {
      env: { DATABASE_URL: f.url! },
      dir,
      query: async <T>(sql: string, params?: unknown[]) => (await f.db.query<T>(sql, params)).rows,
      drop: async () => {
        await f.drop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const dataDir = path.join(dir, 'data');
  const seeded = await openEmbedded(dataDir, { loadDataDir: new Blob([fs.readFileSync(inject('pgliteDump'))]) });
  await withClose(seeded, () => seed(makeDeps(seeded, clock)));
  return {
    // the embedded engine is chosen by the absence of DATABASE_URL
    env: { NETRA_DATA_DIR: dataDir },
    dir,
    // one process at a time holds the data directory: open it only between CLI runs
    query: async <T>(sql: string, params?: unknown[]) => {
      const db = await openEmbedded(dataDir);
      return withClose(db, async () => (await db.query<T>(sql, params)).rows);
    },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function withClose<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    await db.close();
  }
}

/** A supervisor of one region with an e-mail address for notices, and the principal that acts as it. */
export async function addSupervisor(deps: Deps, username: string, regionCode: string, email: string): Promise<Principal> {
  await addUser(deps, username, 'supervisor', { regionCode, email });
  return principalOf(deps, username);
}
