/**
 * Prepares two migrated databases with region master data once per test run:
 * a PostgreSQL template database (tests clone it with CREATE DATABASE ... TEMPLATE) and a PGlite
 * data-directory dump (tests load it into a fresh in-memory PGlite).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openEmbedded, openPostgres } from '../src/db/client.ts';
import { prepareDatabase } from '../src/db/bootstrap.ts';
import { listMigrations } from '../src/db/migrate.ts';

export const ADMIN_URL = process.env.NETRA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgAdminUrl: string;
    pgliteDump: string;
  }
}

export default async function setup(project: TestProject) {
  const version = crypto.createHash('sha256').update(listMigrations().map((m) => m.checksum).join()).digest('hex').slice(0, 12);
  const template = `netra_tpl_${version}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
  if (!exists.rowCount) {
    const building = `${template}_build_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await admin.query(`CREATE DATABASE ${building}`);
    const db = await openPostgres(ADMIN_URL.replace(/\/[^/]*$/, `/${building}`), 2);
    await prepareDatabase(db);
    await db.close();
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`).catch(async () => admin.query(`DROP DATABASE IF EXISTS ${building}`));
  }
  await admin.end();

  const dumpFile = path.join(os.tmpdir(), `netra-pglite-${version}.tar`);
  if (!fs.existsSync(dumpFile)) {
    const db = await openEmbedded(null);
    await prepareDatabase(db);
    const dump = await (db as unknown as { pglite: { dumpDataDir(c?: 'none' | 'gzip'): Promise<Blob> } }).pglite.dumpDataDir('none');
    const tmp = `${dumpFile}.${process.pid}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, dumpFile);
    await db.close();
  }
  project.provide('pgTemplate', template);
  project.provide('pgAdminUrl', ADMIN_URL);
  project.provide('pgliteDump', dumpFile);
}
