import { findUserByUsername, loadGrants, toPrincipal } from '../src/modules/auth/auth.repo.ts';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { authenticator } from 'otplib';
import type { Role } from '@netra/contracts';
import { openEmbedded, openPostgres, type Db } from '../src/db/client.ts';
import type { Deps } from '../src/deps.ts';
import type { Config } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { createLogger } from '../src/platform/logger.ts';
import type { Clock } from '../src/platform/clock.ts';
import { createUser } from '../src/modules/auth/users.service.ts';
import type { Principal } from '../src/modules/auth/domain/policy.ts';

export type DbKind = 'embedded' | 'postgres';
export const DB_KINDS: DbKind[] = ['embedded', 'postgres'];

/** A fresh, migrated database with region master data, of either engine. */
export async function freshDb(kind: DbKind): Promise<{ db: Db; url: string | null; drop: () => Promise<void> }> {
  if (kind === 'embedded') {
    const blob = new Blob([fs.readFileSync(inject('pgliteDump'))]);
    const db = await openEmbedded(null, { loadDataDir: blob });
    return { db, url: null, drop: () => db.close() };
  }
  const name = `netra_t_${crypto.randomBytes(6).toString('hex')}`;
  const adminUrl = inject('pgAdminUrl');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const db = await openPostgres(url, 4);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0, host: '127.0.0.1', database: { kind: 'embedded', dataDir: '/nonexistent' }, logLevel: 'silent', secureCookies: 'false',
    sessionHours: 12, demo: 'false', webDist: '/nonexistent', loginMaxFailures: 5, lockoutMinutes: 15,
    masterKey: Buffer.alloc(32, 7).toString('base64'), evidenceDir: fs.mkdtempSync(path.join(os.tmpdir(), 'netra-evidence-')),
    smtpUrl: undefined, mailFrom: 'Netra <netra@test.invalid>', whatsappUrl: undefined, whatsappToken: undefined,
    publicUrl: 'https://netra.test', signingIpLimit: 3000, legalOptions: {}, ...overrides,
  };
}

export class TestClock implements Clock {
  constructor(public current = new Date('2026-11-20T03:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function makeDeps(db: Db, clock: Clock = new TestClock(), config: Partial<Config> = {}): Deps {
  return { db, clock, logger: createLogger('silent'), config: testConfig(config) };
}

export const SYSTEM = { id: null, label: 'test' };
export const PASSWORD = 'correct horse battery';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

/** Signs in through the real endpoints (password, then TOTP when the role needs it). */
export async function signIn(app: TestApp, username: string, password = PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  let cookie = res.cookies.find((c) => c.name === 'netra_session')!.value;
  let body = res.json() as { status: string; csrfToken: string; totpSetup?: { secret: string } };
  if (body.status !== 'ok') {
    const secret = body.totpSetup?.secret ?? totpSecrets.get(username);
    if (!secret) throw new Error(`no TOTP secret known for ${username}`);
    totpSecrets.set(username, secret);
    const t = await app.inject({
      method: 'POST', url: '/api/v1/auth/totp', payload: { code: authenticator.generate(secret) },
      cookies: { netra_session: cookie }, headers: { 'x-csrf-token': body.csrfToken },
    });
    if (t.statusCode !== 200) throw new Error(`totp ${username}: ${t.statusCode} ${t.body}`);
    cookie = t.cookies.find((c) => c.name === 'netra_session')!.value;
    body = t.json() as typeof body;
  }
  return { cookies: { netra_session: cookie }, headers: { 'x-csrf-token': body.csrfToken } };
}
export const totpSecrets = new Map<string, string>();

/** The principal of an existing account, loaded the way a session loads it (real grants and unit paths). */
export async function principalOf(deps: Deps, username: string): Promise<Principal> {
  const user = await findUserByUsername(deps.db, username);
  if (!user) throw new Error(`no user ${username}`);
  return toPrincipal(user, (await loadGrants(deps.db, [user.id])).get(user.id) ?? []);
}

export async function addUser(deps: Deps, username: string, role: Role, scope: { regionCode?: string; agencyId?: string; unitId?: string; employeeId?: string; email?: string; phone?: string } = {}) {
  return createUser(deps, 'system', SYSTEM, { username, displayName: username, password: PASSWORD, role, ...scope });
}

/** A principal with national system-admin scope, for building fixtures through the services. */
export const SYSTEM_PRINCIPAL: Principal = {
  userId: '00000000-0000-0000-0000-000000000000', username: 'fixture', displayName: 'fixture',
  grants: [{ id: 'fixture', role: 'system_admin', regionCode: null, agencyId: null, unitId: null, unitIdPath: null, employeeId: null }],
};

const BIN = path.resolve(import.meta.dirname, '../bin/netra.js');

/** Runs the real `netra` command in its own process. */
export function runNetra(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, NETRA_LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(stdin);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * An app on a fresh embedded database for the public endpoints' rate limits (they live in the HTTP
 * layer, in memory, so one engine is enough), with the per-address ceiling set to `signingIpLimit`.
 */
export async function rateLimitApp(signingIpLimit: number): Promise<{ app: TestApp; close: () => Promise<void> }> {
  const f = await freshDb('embedded');
  const app = await buildApp(makeDeps(f.db, undefined, { signingIpLimit }));
  return { app, close: async () => { await app.close(); await f.drop(); } };
}

/** A multipart/form-data body for app.inject: text fields first, then one file part named `file`. */
export function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer<ArrayBufferLike> }) {
  const b = '----netra';
  const parts: Buffer<ArrayBufferLike>[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${b}--\r\n`));
  return { payload: Buffer.concat(parts as Uint8Array[]), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}
