/**
 * Account administration and sign-in hardening, through the real endpoints on both databases:
 * privilege changes end the account's sessions (and 2FA roles never ride on a password-only session),
 * the TOTP step counts towards the lockout, out-of-scope agencies and employees answer like unknown ones,
 * and an account is managed only by a manager whose scope holds every one of its grants.
 */
import crypto from 'node:crypto';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, PASSWORD, SYSTEM, SYSTEM_PRINCIPAL, TestClock, addUser, freshDb, makeDeps, signIn, totpSecrets, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency, insertUnit } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';
import { addGrant } from './users.service.ts';

type Session = { cookies: Record<string, string>; headers: Record<string, string> };

/** A 6-digit code that is not valid for `secret` right now (nor in the accepted window). */
function wrongCode(secret: string): string {
  for (let i = 0; ; i++) {
    const c = String(i).padStart(6, '0');
    if (authenticator.checkDelta(c, secret) === null) return c;
  }
}

describe.each(DB_KINDS)('account security on %s', (kind) => {
  let deps: Deps;
  let drop: () => Promise<void>;
  let app: TestApp;
  const clock = new TestClock(new Date());
  const ids = {} as { kota: string; kab: string; kotaUnit: string; kotaEmp: string; kotaEmp2: string; kabEmp: string };
  const users = {} as Record<string, string>;
  let kesbangpol: Session;
  let sysadmin: Session;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock, { loginMaxFailures: 5, lockoutMinutes: 15 });
    ids.kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    ids.kab = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Bekasi', regionCode: '32.16' })).id;
    const [kotaUnit, kabUnit] = await deps.db.transaction(async (tx) => [
      await insertUnit(tx, ids.kota, { name: 'Dinas Pendidikan', kind: 'opd' }),
      await insertUnit(tx, ids.kab, { name: 'Sekretariat Daerah', kind: 'opd' }),
    ]);
    ids.kotaUnit = kotaUnit!.id;
    const emp = async (agencyId: string, unitId: string, nip: string, name: string) =>
      (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId, unitId, employmentType: 'PNS', nip, name, active: true })).id;
    ids.kotaEmp = await emp(ids.kota, kotaUnit!.id, '198609262015051001', 'Kurnia Kota');
    ids.kotaEmp2 = await emp(ids.kota, kotaUnit!.id, '199001012015032001', 'Kartika Kota');
    ids.kabEmp = await emp(ids.kab, kabUnit!.id, '197505052000031004', 'Sopandi Kab');
    const mk = async (name: string, role: Parameters<typeof addUser>[2], scope: Parameters<typeof addUser>[3] = {}) => (users[name] = (await addUser(deps, name, role, scope)).id);
    await mk('sysadmin', 'system_admin');
    await mk('kesbangpol', 'agency_admin', { agencyId: ids.kota });
    await mk('adminkab', 'agency_admin', { agencyId: ids.kab });
    await mk('ppk2', 'employing_official', { agencyId: ids.kota });
    await mk('ppk3', 'employing_official', { agencyId: ids.kota });
    await mk('ppk4', 'employing_official', { agencyId: ids.kota });
    await mk('auditor.kota', 'auditor', { agencyId: ids.kota });
    await mk('ppk5', 'employing_official', { agencyId: ids.kota });
    await mk('totptest', 'agency_admin', { agencyId: ids.kota });
    await mk('totpok', 'agency_admin', { agencyId: ids.kota });
    await mk('plain', 'supervisor', { regionCode: '32' });
    // holds a Kab. Bekasi admin grant and a Kota Bekasi PPK grant
    await mk('multi', 'agency_admin', { agencyId: ids.kab });
    await addGrant(deps, SYSTEM_PRINCIPAL, users.multi!, { role: 'employing_official', agencyId: ids.kota });
    app = await buildApp(deps);
    kesbangpol = await signIn(app, 'kesbangpol');
    sysadmin = await signIn(app, 'sysadmin');
  });
  afterAll(async () => {
    await app?.close();
    await drop();
  });

  const login = (username: string, password = PASSWORD) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const totp = (s: { cookie: string; csrf: string }, code: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/totp', payload: { code }, cookies: { netra_session: s.cookie }, headers: { 'x-csrf-token': s.csrf } });
  const halfSession = (res: Awaited<ReturnType<typeof login>>) => ({ cookie: res.cookies.find((c) => c.name === 'netra_session')!.value, csrf: (res.json() as { csrfToken: string }).csrfToken });
  const me = (s: Session) => app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: s.cookies });
  const as = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => app.inject({ method, url: `/api/v1${url}`, payload, ...s });
  /** The next sign-in of a TOTP user must not reuse a time step already spent. */
  const nextStep = () => clock.advance(61_000);

  describe('privilege changes end the account sessions (item 2)', () => {
    it('adding an admin grant ends the open session, and the next sign-in asks for TOTP enrolment', async () => {
      const ppk = await signIn(app, 'ppk2');
      expect((await me(ppk)).statusCode).toBe(200);
      const add = await as(kesbangpol, 'POST', `/users/${users.ppk2}/grants`, { role: 'agency_admin', agencyId: ids.kota });
      expect(add.statusCode).toBe(200);
      // the old session is gone: no admin permissions without 2FA
      expect((await me(ppk)).statusCode).toBe(401);
      expect((await as(ppk, 'GET', '/users')).statusCode).toBe(401);
      expect((await as(ppk, 'POST', '/users', { username: 'ppk9', displayName: 'X', password: 'a-long-password', role: 'agency_admin', agencyId: ids.kota })).statusCode).toBe(401);
      expect((await deps.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [users.ppk2])).rowCount).toBe(0);
      const again = await login('ppk2');
      expect(again.statusCode).toBe(200);
      expect(again.json().status).toBe('totp_setup_required');
      // the manager's own session is untouched
      expect((await as(kesbangpol, 'GET', '/users')).statusCode).toBe(200);
    });

    it('removing a grant ends the open sessions too', async () => {
      const add = await as(kesbangpol, 'POST', `/users/${users.ppk3}/grants`, { role: 'employing_official', agencyId: ids.kota });
      expect(add.statusCode).toBe(200);
      const ppk = await signIn(app, 'ppk3');
      expect((await me(ppk)).statusCode).toBe(200);
      const grantId = (add.json() as { grants: { id: string }[] }).grants[1]!.id;
      const del = await as(kesbangpol, 'DELETE', `/users/${users.ppk3}/grants/${grantId}`);
      expect(del.statusCode).toBe(200);
      expect((await me(ppk)).statusCode).toBe(401);
      // a fresh sign-in works with the remaining grant
      const fresh = await signIn(app, 'ppk3');
      expect((await me(fresh)).json()).toMatchObject({ username: 'ppk3', grants: [{ role: 'employing_official' }] });
      // the last grant stays: removing it would leave an account no scoped manager can reach (deactivate instead)
      const remaining = (add.json() as { grants: { id: string }[] }).grants[0]!.id;
      const refused = await as(kesbangpol, 'DELETE', `/users/${users.ppk3}/grants/${remaining}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('LAST_GRANT');
      expect((await deps.db.query('SELECT 1 FROM grants WHERE user_id = $1', [users.ppk3])).rowCount).toBe(1);
      expect((await me(fresh)).statusCode).toBe(200);
    });

    it('a 2FA role never opens a password-only session, even when its grant is written behind the service', async () => {
      const ppk = await signIn(app, 'ppk4');
      // a grant written straight into the table (no session clean-up)
      await deps.db.query('INSERT INTO grants (user_id, role, agency_id) VALUES ($1, $2, $3)', [users.ppk4, 'agency_admin', ids.kota]);
      expect((await me(ppk)).statusCode).toBe(401);
      expect((await as(ppk, 'GET', '/users')).statusCode).toBe(401);
      expect((await as(ppk, 'GET', '/employees')).statusCode).toBe(401);
      // enrolling TOTP elsewhere does not upgrade the old password-only session
      nextStep();
      const enrolled = await signIn(app, 'ppk4');
      expect((await me(enrolled)).json()).toMatchObject({ totpEnabled: true });
      expect((await me(ppk)).statusCode).toBe(401);
      expect((await as(enrolled, 'GET', '/users')).statusCode).toBe(200);
    });
  });

  describe('TOTP lockout (item 3)', () => {
    it('wrong TOTP codes count towards the lockout across password sign-ins', async () => {
      await signIn(app, 'totptest'); // enrol
      const secret = totpSecrets.get('totptest')!;
      const bad = wrongCode(secret);
      // three rounds of password + wrong codes: 2 + 2 + 1 = 5 failures
      for (const tries of [2, 2, 1]) {
        const l = await login('totptest');
        expect(l.statusCode).toBe(200);
        expect(l.json().status).toBe('totp_required');
        for (let i = 0; i < tries; i++) {
          const t = await totp(halfSession(l), bad);
          expect(t.statusCode).toBe(401);
          expect(t.json().code).toBe('INVALID_TOTP');
        }
      }
      const locked = await login('totptest');
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('ACCOUNT_LOCKED');
      const row = (await deps.db.query<{ locked_until: Date | null }>('SELECT locked_until FROM users WHERE id = $1', [users.totptest])).rows[0]!;
      expect(row.locked_until).not.toBeNull();
      const audit = await deps.db.query("SELECT 1 FROM audit_events WHERE action = 'auth.locked_out' AND entity_id = $1", [users.totptest]);
      expect(audit.rowCount).toBe(1);
    });

    it('the counter is reset only by a complete sign-in', async () => {
      await signIn(app, 'totpok'); // enrol
      const secret = totpSecrets.get('totpok')!;
      nextStep();
      const l = await login('totpok');
      expect((await totp(halfSession(l), wrongCode(secret))).statusCode).toBe(401);
      const failures = async () => (await deps.db.query<{ failed_logins: number }>('SELECT failed_logins FROM users WHERE id = $1', [users.totpok])).rows[0]!.failed_logins;
      expect(await failures()).toBe(1);
      // the password step alone does not reset it
      const l2 = await login('totpok');
      expect(l2.json().status).toBe('totp_required');
      expect(await failures()).toBe(1);
      const ok = await totp(halfSession(l2), authenticator.generate(secret));
      expect(ok.statusCode).toBe(200);
      expect(await failures()).toBe(0);
      // without 2FA the password step is the whole sign-in
      expect((await login('plain', 'wrong-password')).statusCode).toBe(401);
      expect((await deps.db.query<{ failed_logins: number }>('SELECT failed_logins FROM users WHERE id = $1', [users.plain])).rows[0]!.failed_logins).toBe(1);
      expect((await login('plain')).json().status).toBe('ok');
      expect((await deps.db.query<{ failed_logins: number }>('SELECT failed_logins FROM users WHERE id = $1', [users.plain])).rows[0]!.failed_logins).toBe(0);
    });
  });

  describe('out-of-scope agencies and employees answer like unknown ones (items 6 and 7)', () => {
    const newUser = (username: string, extra: object) => ({ username, displayName: username, password: 'a-long-password', ...extra });
    const shape = (res: Awaited<ReturnType<typeof login>>, id: string) => ({ status: res.statusCode, body: JSON.parse(res.body.split(id).join('<id>')) as unknown });

    it('POST /users with another agency answers like an unknown agency', async () => {
      const unknown = crypto.randomUUID();
      const other = await as(kesbangpol, 'POST', '/users', newUser('probe1', { role: 'agency_admin', agencyId: ids.kab }));
      const missing = await as(kesbangpol, 'POST', '/users', newUser('probe1', { role: 'agency_admin', agencyId: unknown }));
      expect(missing.statusCode).toBe(400);
      expect(shape(other, ids.kab)).toEqual(shape(missing, unknown));
      // the same for a grant added to an account
      const g1 = await as(kesbangpol, 'POST', `/users/${users.ppk2}/grants`, { role: 'employing_official', agencyId: ids.kab });
      const g2 = await as(kesbangpol, 'POST', `/users/${users.ppk2}/grants`, { role: 'employing_official', agencyId: unknown });
      expect(shape(g1, ids.kab)).toEqual(shape(g2, unknown));
      expect((await deps.db.query("SELECT 1 FROM users WHERE username = 'probe1'")).rowCount).toBe(0);
    });

    it('a role missing what it needs is named as officials know it, not by its code', async () => {
      const r = await as(kesbangpol, 'POST', '/users', newUser('probe2', { role: 'unit_admin', agencyId: ids.kota }));
      expect(r.statusCode).toBe(400);
      expect(r.json().message).toEqual({ id: 'Peran Admin Unit Kerja memerlukan instansi dan unit kerja', en: 'The role Unit admin needs an agency and a work unit' });
    });

    it('POST /users links an account only to an employee in the manager scope', async () => {
      const unknown = crypto.randomUUID();
      for (const role of ['agency_admin', 'employing_official', 'employee'] as const) {
        const other = await as(kesbangpol, 'POST', '/users', newUser(`probe.${role}`, { role, agencyId: ids.kota, employeeId: ids.kabEmp }));
        const missing = await as(kesbangpol, 'POST', '/users', newUser(`probe.${role}`, { role, agencyId: ids.kota, employeeId: unknown }));
        expect(missing.statusCode, role).toBe(400);
        expect(shape(other, ids.kabEmp), role).toEqual(shape(missing, unknown));
      }
      expect((await deps.db.query('SELECT 1 FROM users WHERE employee_id = $1', [ids.kabEmp])).rowCount).toBe(0);
      // in scope it works, for any role
      const ok = await as(kesbangpol, 'POST', '/users', newUser('linked.ppk', { role: 'employing_official', agencyId: ids.kota, employeeId: ids.kotaEmp2 }));
      expect(ok.statusCode).toBe(201);
      // a system admin may link anywhere
      const sys = await as(sysadmin, 'POST', '/users', newUser('linked.kab', { role: 'agency_admin', agencyId: ids.kab, employeeId: ids.kabEmp }));
      expect(sys.statusCode).toBe(201);
    });
  });

  describe('an account is managed only when all its grants are in scope (item 8)', () => {
    it('an agency admin cannot see or change an account that also holds another agency grant', async () => {
      const list = (await as(kesbangpol, 'GET', '/users')).json() as { items: { username: string; grants: { agencyId: string | null }[] }[] };
      expect(list.items.map((u) => u.username)).not.toContain('multi');
      expect(list.items.flatMap((u) => u.grants).every((g) => g.agencyId === ids.kota)).toBe(true);
      const kab = await signIn(app, 'adminkab');
      for (const s of [kesbangpol, kab]) {
        expect((await as(s, 'PATCH', `/users/${users.multi}`, { active: false })).statusCode).toBe(404);
        expect((await as(s, 'POST', `/users/${users.multi}/unlock`)).statusCode).toBe(404);
        expect((await as(s, 'POST', `/users/${users.multi}/grants`, { role: 'employing_official', agencyId: ids.kota })).statusCode).toBe(404);
      }
      const multi = (await deps.db.query<{ active: boolean }>('SELECT active FROM users WHERE id = $1', [users.multi])).rows[0]!;
      expect(multi.active).toBe(true);
      // an account wholly inside the scope, with roles the manager could grant, stays manageable
      expect((await as(kesbangpol, 'PATCH', `/users/${users.ppk5}`, { active: false })).statusCode).toBe(200);
      expect((await as(kesbangpol, 'PATCH', `/users/${users.ppk5}`, { active: true })).statusCode).toBe(200);
      // and a system admin manages all
      expect((await as(sysadmin, 'POST', `/users/${users.multi}/unlock`)).statusCode).toBe(200);
    });

    it('a manager sets the contacts notices go to (e-mail, WhatsApp) on an account in scope; the audit row does not hold them', async () => {
      const id = users.ppk5!;
      expect((await as(kesbangpol, 'PATCH', `/users/${id}`, { email: 'kasubbag@bekasikota.go.id', phone: '+6281299990001' })).statusCode).toBe(200);
      expect((await deps.db.query('SELECT email, phone FROM users WHERE id = $1', [id])).rows[0]).toEqual({ email: 'kasubbag@bekasikota.go.id', phone: '+6281299990001' });
      expect((await as(kesbangpol, 'PATCH', `/users/${id}`, { phone: null })).statusCode).toBe(200);
      expect((await deps.db.query('SELECT phone FROM users WHERE id = $1', [id])).rows[0]).toEqual({ phone: null });
      expect((await as(kesbangpol, 'PATCH', `/users/${id}`, { phone: '0812-abc' })).statusCode).toBe(400);
      expect((await as(kesbangpol, 'PATCH', `/users/${id}`, {})).statusCode).toBe(400);
      expect((await as(kesbangpol, 'PATCH', `/users/${users.multi}`, { email: 'x@y.go.id' })).statusCode).toBe(404);
      expect(JSON.stringify((await deps.db.query("SELECT * FROM audit_events WHERE action = 'user.updated'")).rows)).not.toContain('kasubbag@');
    });
  });
});
