/**
 * Looking after accounts once they exist, through the real endpoints on both databases: self-service accounts for
 * employees, the list naming each scope in words, password and two-step resets, and the rule that only a manager who
 * could grant every role an account holds may change the account as a whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@netra/contracts';
import { DB_KINDS, PASSWORD, SYSTEM, SYSTEM_PRINCIPAL, TestClock, addUser, freshDb, makeDeps, signIn, totpSecrets, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency, insertUnit } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';
import { addGrant } from './users.service.ts';

type Session = { cookies: Record<string, string>; headers: Record<string, string> };

describe.each(DB_KINDS)('account maintenance on %s', (kind) => {
  let deps: Deps;
  let drop: () => Promise<void>;
  let app: TestApp;
  const clock = new TestClock(new Date());
  const ids = {} as { kota: string; kab: string; unit: string; emp: string; emp2: string; kabEmp: string };
  const users = {} as Record<string, string>;
  let kesbangpol: Session;
  let sysadmin: Session;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    ids.kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    ids.kab = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Bekasi', regionCode: '32.16' })).id;
    const [dinas, bidang, kabUnit] = await deps.db.transaction(async (tx) => {
      const d = await insertUnit(tx, ids.kota, { name: 'Dinas Pendidikan', kind: 'opd' });
      return [d, await insertUnit(tx, ids.kota, { name: 'Bidang SD', kind: 'bidang', parentId: d.id }), await insertUnit(tx, ids.kab, { name: 'Sekretariat Daerah', kind: 'opd' })];
    });
    ids.unit = bidang.id;
    const emp = async (agencyId: string, unitId: string, nip: string, name: string) =>
      (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId, unitId, employmentType: 'PNS', nip, name, active: true })).id;
    ids.emp = await emp(ids.kota, dinas.id, '198609262015051001', 'Kurnia Sari');
    ids.emp2 = await emp(ids.kota, bidang.id, '199001012015032001', 'Kartika Dewi');
    ids.kabEmp = await emp(ids.kab, kabUnit.id, '197505052000031004', 'Sopandi');
    const mk = async (name: string, role: Parameters<typeof addUser>[2], scope: Parameters<typeof addUser>[3] = {}) => (users[name] = (await addUser(deps, name, role, scope)).id);
    await mk('sysadmin', 'system_admin');
    await mk('kesbangpol', 'agency_admin', { agencyId: ids.kota });
    await mk('admin2', 'agency_admin', { agencyId: ids.kota });
    await mk('ppk', 'employing_official', { agencyId: ids.kota });
    await mk('unitadmin', 'unit_admin', { agencyId: ids.kota, unitId: ids.unit });
    await mk('bawaslu.kota', 'supervisor', { regionCode: '32.75' });
    // a BKN officer working on Kota Bekasi: a role an agency admin cannot grant, scoped inside its agency
    await mk('bkn.kota', 'authority_officer', { agencyId: ids.kota });
    await mk('mixed', 'employing_official', { agencyId: ids.kota });
    await addGrant(deps, SYSTEM_PRINCIPAL, users.mixed!, { role: 'authority_officer', agencyId: ids.kota });
    // employee accounts made the way the demo makes them (no agency on the grant: the employee record is the scope)
    await mk('pegawai.kota', 'employee', { employeeId: ids.emp2 });
    await mk('pegawai.kab', 'employee', { employeeId: ids.kabEmp });
    app = await buildApp(deps);
    kesbangpol = await signIn(app, 'kesbangpol');
    sysadmin = await signIn(app, 'sysadmin');
  });
  afterAll(async () => {
    await app?.close();
    await drop();
  });

  const as = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => app.inject({ method, url: `/api/v1${url}`, payload, ...s });
  const login = (username: string, password = PASSWORD) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const me = (s: Session) => app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: s.cookies });
  const listed = async (s: Session, username: string) =>
    ((await as(s, 'GET', `/users?q=${encodeURIComponent(username)}`)).json() as { items: User[] }).items.find((u) => u.username === username);
  const row = async (id: string) =>
    (await deps.db.query<{ active: boolean; email: string | null; totp_secret: string | null; totp_enabled: boolean; locked_until: Date | null }>('SELECT active, email, totp_secret, totp_enabled, locked_until FROM users WHERE id = $1', [id])).rows[0]!;

  describe('self-service accounts for employees (item 1)', () => {
    const staff = (username: string, extra: object) => ({ username, displayName: 'Kurnia Sari', password: 'a-long-password', role: 'employee', ...extra });

    it('an agency admin makes an employee account from the employee record alone, and the employee signs in to it', async () => {
      const created = await as(kesbangpol, 'POST', '/users', staff('kurnia', { employeeId: ids.emp }));
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ username: 'kurnia', employee: { id: ids.emp, name: 'Kurnia Sari', nip: '198609262015051001' }, grants: [{ role: 'employee' }] });
      // the manager keeps it in the list, and may look after it
      const mine = await listed(kesbangpol, 'kurnia');
      expect(mine?.allowedActions).toEqual(expect.arrayContaining(['editContacts', 'deactivate', 'resetPassword']));
      expect(mine?.grants[0]?.removable).toBe(true);
      const l = await login('kurnia', 'a-long-password');
      expect(l.json().status).toBe('ok');
      const session = await signIn(app, 'kurnia', 'a-long-password');
      expect((await me(session)).json()).toMatchObject({ grants: [{ role: 'employee' }], permissions: ['self.read', 'self.sign'] });
    });

    it('refuses an employee outside the manager scope like an unknown one, and an employee account without its record', async () => {
      const other = await as(kesbangpol, 'POST', '/users', staff('sopandi', { employeeId: ids.kabEmp }));
      expect([other.statusCode, other.json().code]).toEqual([400, 'GRANT_INVALID']);
      const none = await as(kesbangpol, 'POST', '/users', staff('sopandi', {}));
      expect(none.statusCode).toBe(400);
      expect(none.json().message.id).toContain('memerlukan data pegawai');
      expect((await deps.db.query("SELECT 1 FROM users WHERE username = 'sopandi'")).rowCount).toBe(0);
    });
  });

  describe('the list names scopes and linked employees (items 4 and 5)', () => {
    it('names regions, agencies and units in words, and an employee account by its employee', async () => {
      const byName = async (username: string) => (await listed(sysadmin, username))!;
      expect((await byName('bawaslu.kota')).grants[0]).toMatchObject({ regionCode: '32.75', regionName: 'Kota Bekasi, Jawa Barat', agencyName: null, unitPath: null });
      expect((await byName('ppk')).grants[0]).toMatchObject({ agencyName: 'Pemerintah Kota Bekasi', regionName: null });
      expect((await byName('unitadmin')).grants[0]).toMatchObject({ agencyName: 'Pemerintah Kota Bekasi', unitPath: 'Dinas Pendidikan / Bidang SD' });
      expect(await byName('pegawai.kota')).toMatchObject({ employee: { id: ids.emp2, name: 'Kartika Dewi', nip: '199001012015032001' }, grants: [{ role: 'employee', agencyId: null, regionCode: null }] });
      expect((await byName('ppk')).employee).toBeNull();
    });

    it('an employee account belongs to whoever manages where its employee works', async () => {
      expect((await listed(kesbangpol, 'pegawai.kota'))?.employee?.name).toBe('Kartika Dewi');
      expect(await listed(kesbangpol, 'pegawai.kab')).toBeUndefined();
      expect((await as(kesbangpol, 'PATCH', `/users/${users['pegawai.kab']}`, { active: false })).statusCode).toBe(404);
      expect((await as(kesbangpol, 'PATCH', `/users/${users['pegawai.kota']}`, { email: 'kartika@bekasikota.go.id' })).statusCode).toBe(200);
      expect((await row(users['pegawai.kota']!)).email).toBe('kartika@bekasikota.go.id');
    });
  });

  describe('password and two-step resets (item 2)', () => {
    it('a manager sets a new password: the lockout lifts, the old password and sessions stop working, the trail says so without it', async () => {
      const old = await signIn(app, 'ppk');
      await deps.db.query("UPDATE users SET locked_until = now() + interval '1 hour', failed_logins = 3 WHERE id = $1", [users.ppk]);
      const reset = await as(kesbangpol, 'POST', `/users/${users.ppk}/password`, { password: 'a-fresh-password-2024' });
      expect(reset.statusCode, reset.body).toBe(200);
      expect(reset.json().lockedUntil).toBeNull();
      expect((await me(old)).statusCode).toBe(401);
      expect((await login('ppk')).statusCode).toBe(401);
      expect((await login('ppk', 'a-fresh-password-2024')).json().status).toBe('ok');
      const audit = (await deps.db.query<{ action: string; details: unknown }>("SELECT action, details FROM audit_events WHERE entity_id = $1 AND action = 'user.password_reset'", [users.ppk])).rows;
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'user.password_reset', details: { sessionsEnded: 1 } });
      expect(JSON.stringify((await deps.db.query('SELECT * FROM audit_events')).rows)).not.toContain('a-fresh-password');
    });

    it('refuses a short password, and a reset of the manager own account', async () => {
      const short = await as(kesbangpol, 'POST', `/users/${users.ppk}/password`, { password: 'short' });
      expect(short.statusCode).toBe(400);
      expect(short.json().message.id).toContain('minimal 10 karakter');
      const self = await as(kesbangpol, 'POST', `/users/${users.kesbangpol}/password`, { password: 'a-fresh-password-2024' });
      expect([self.statusCode, self.json().code]).toEqual([400, 'CANNOT_RESET_SELF']);
      expect((await as(kesbangpol, 'DELETE', `/users/${users.kesbangpol}/totp`)).json().code).toBe('CANNOT_RESET_SELF');
      const own = await listed(kesbangpol, 'kesbangpol');
      expect(own?.allowedActions).toEqual(['editContacts', 'addGrant']);
    });

    it('a two-step reset (lost phone) clears the authenticator: the next sign-in enrols a new one', async () => {
      const s = await signIn(app, 'admin2');
      const before = totpSecrets.get('admin2')!;
      expect((await listed(kesbangpol, 'admin2'))?.allowedActions).toContain('resetTotp');
      const reset = await as(kesbangpol, 'DELETE', `/users/${users.admin2}/totp`);
      expect(reset.statusCode, reset.body).toBe(200);
      expect(reset.json()).toMatchObject({ totpEnabled: false });
      expect(reset.json().allowedActions).not.toContain('resetTotp');
      expect(await row(users.admin2!)).toMatchObject({ totp_secret: null, totp_enabled: false });
      expect((await me(s)).statusCode).toBe(401);
      const again = await login('admin2');
      expect(again.json().status).toBe('totp_setup_required');
      expect(again.json().totpSetup.secret).not.toBe(before);
      expect((await deps.db.query("SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'user.totp_reset'", [users.admin2])).rowCount).toBe(1);
    });
  });

  describe('an account is changed as a whole only by a manager who could grant all its roles (item 3)', () => {
    it('an agency admin sees a BKN officer of its agency but cannot deactivate, re-contact, unlock, reset or extend the account', async () => {
      const bkn = users['bkn.kota']!;
      const seen = await listed(kesbangpol, 'bkn.kota');
      expect(seen).toMatchObject({ allowedActions: [], grants: [{ role: 'authority_officer', removable: false }] });
      const refusals = [
        await as(kesbangpol, 'PATCH', `/users/${bkn}`, { active: false }),
        await as(kesbangpol, 'PATCH', `/users/${bkn}`, { email: 'bkn@bekasikota.go.id' }),
        await as(kesbangpol, 'POST', `/users/${bkn}/unlock`),
        await as(kesbangpol, 'POST', `/users/${bkn}/password`, { password: 'a-fresh-password-2024' }),
        await as(kesbangpol, 'DELETE', `/users/${bkn}/totp`),
        await as(kesbangpol, 'POST', `/users/${bkn}/grants`, { role: 'employing_official', agencyId: ids.kota }),
      ];
      for (const r of refusals) expect([r.statusCode, r.json().code]).toEqual([403, 'USER_OUT_OF_SCOPE']);
      expect(refusals[0]!.json().message.id).toContain('Petugas Otoritas Kepegawaian (BKN)');
      expect(await row(bkn)).toMatchObject({ active: true, email: null });
      expect((await login('bkn.kota')).json().status).toBe('ok');
      expect((await deps.db.query('SELECT 1 FROM grants WHERE user_id = $1', [bkn])).rowCount).toBe(1);
      // a system admin may
      expect((await as(sysadmin, 'PATCH', `/users/${bkn}`, { active: false })).statusCode).toBe(200);
      expect((await row(bkn)).active).toBe(false);
    });

    it('on an account holding both, the manager may still revoke the role it could grant, and only that one', async () => {
      const seen = (await listed(kesbangpol, 'mixed'))!;
      expect(seen.allowedActions).toEqual([]);
      const [ppkGrant, bknGrant] = seen.grants;
      expect([ppkGrant?.removable, bknGrant?.removable]).toEqual([true, false]);
      const bkn = await as(kesbangpol, 'DELETE', `/users/${users.mixed}/grants/${bknGrant!.id}`);
      expect([bkn.statusCode, bkn.json().code]).toEqual([403, 'GRANT_OUT_OF_SCOPE']);
      expect((await as(kesbangpol, 'PATCH', `/users/${users.mixed}`, { active: false })).statusCode).toBe(403);
      const ppk = await as(kesbangpol, 'DELETE', `/users/${users.mixed}/grants/${ppkGrant!.id}`);
      expect(ppk.statusCode, ppk.body).toBe(200);
      expect((ppk.json() as User).grants.map((g) => g.role)).toEqual(['authority_officer']);
    });
  });
});
