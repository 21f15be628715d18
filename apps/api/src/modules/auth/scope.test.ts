/**
 * The scope matrix: every scoped endpoint x every role x (in scope, out of scope).
 * The server must never leak a record outside the caller's grants: not in lists, counts,
 * search, detail, protected contact data, exports, units, imports, users or the audit trail.
 */
import type { Role } from '@netra/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, addUser, freshDb, makeDeps, signIn, SYSTEM, type TestApp, SYSTEM_PRINCIPAL } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency, insertUnit } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';

type Emp = 'K1' | 'K2' | 'S1';
type Who = { username: string; role: Role; sees: Emp[]; agencies: ('kota' | 'serang')[]; contact: boolean; write: boolean; export: boolean; manageUsers: boolean; audit: boolean };


describe.each(DB_KINDS)('scope matrix on %s', (kind) => {
  let deps: Deps;
  let drop: () => Promise<void>;
  let app: TestApp;
  const ids = {} as Record<Emp, string> & { kota: string; serang: string; barat: string; serangUnit: string };
  const nips: Record<Emp, string> = { K1: '198609262015051001', K2: '199001012015032001', S1: '197505052000031004' };
  const names: Record<Emp, string> = { K1: 'Kurnia Barat', K2: 'Kartika Pendidikan', S1: 'Sopandi Serang' };
  const sessions = new Map<string, { cookies: Record<string, string>; headers: Record<string, string> }>();

  const WHO: Who[] = [
    { username: 'sysadmin', role: 'system_admin', sees: ['K1', 'K2', 'S1'], agencies: ['kota', 'serang'], contact: true, write: true, export: true, manageUsers: true, audit: true },
    { username: 'kesbangpol', role: 'agency_admin', sees: ['K1', 'K2'], agencies: ['kota'], contact: true, write: true, export: true, manageUsers: true, audit: false },
    { username: 'unitadmin', role: 'unit_admin', sees: ['K1'], agencies: ['kota'], contact: true, write: true, export: true, manageUsers: false, audit: false },
    { username: 'bawaslu.kota', role: 'supervisor', sees: ['K1', 'K2'], agencies: ['kota'], contact: false, write: false, export: true, manageUsers: false, audit: false },
    { username: 'bawaslu.jabar', role: 'supervisor', sees: ['K1', 'K2'], agencies: ['kota'], contact: false, write: false, export: true, manageUsers: false, audit: false },
    { username: 'bawaslu.banten', role: 'supervisor', sees: ['S1'], agencies: ['serang'], contact: false, write: false, export: true, manageUsers: false, audit: false },
    { username: 'bkn', role: 'authority_officer', sees: ['K1', 'K2', 'S1'], agencies: ['kota', 'serang'], contact: false, write: false, export: true, manageUsers: false, audit: false },
    { username: 'ppk', role: 'employing_official', sees: ['K1', 'K2'], agencies: ['kota'], contact: true, write: false, export: true, manageUsers: false, audit: false },
    { username: 'auditor', role: 'auditor', sees: ['K1', 'K2', 'S1'], agencies: ['kota', 'serang'], contact: false, write: false, export: false, manageUsers: false, audit: true },
    { username: 'auditor.kota', role: 'auditor', sees: ['K1', 'K2'], agencies: ['kota'], contact: false, write: false, export: false, manageUsers: false, audit: false },
    { username: 'pegawai', role: 'employee', sees: ['K1'], agencies: [], contact: false, write: false, export: false, manageUsers: false, audit: false },
  ];
  const ALL: Emp[] = ['K1', 'K2', 'S1'];

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
    ids.kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    ids.serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
    const [barat, dinas, serangUnit] = await deps.db.transaction(async (tx) => [
      await insertUnit(tx, ids.kota, { name: 'Kecamatan Bekasi Barat', kind: 'kecamatan', regionCode: '32.75.01' }),
      await insertUnit(tx, ids.kota, { name: 'Dinas Pendidikan', kind: 'opd' }),
      await insertUnit(tx, ids.serang, { name: 'Sekretariat Daerah', kind: 'opd' }),
    ]);
    ids.barat = barat!.id;
    ids.serangUnit = serangUnit!.id;
    const mk = async (e: Emp, agencyId: string, unitId: string) =>
      (ids[e] = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId, unitId, employmentType: 'PNS', nip: nips[e], name: names[e], active: true, contact: { email: `${e.toLowerCase()}@example.go.id` } })).id);
    await mk('K1', ids.kota, ids.barat);
    await mk('K2', ids.kota, dinas!.id);
    await mk('S1', ids.serang, serangUnit!.id);
    const scopes: Record<string, { regionCode?: string; agencyId?: string; unitId?: string; employeeId?: string }> = {
      kesbangpol: { agencyId: ids.kota }, unitadmin: { agencyId: ids.kota, unitId: ids.barat }, 'bawaslu.kota': { regionCode: '32.75' },
      'bawaslu.jabar': { regionCode: '32' }, 'bawaslu.banten': { regionCode: '36' }, ppk: { agencyId: ids.kota }, 'auditor.kota': { agencyId: ids.kota },
      pegawai: { employeeId: ids.K1 },
    };
    for (const w of WHO) await addUser(deps, w.username, w.role, scopes[w.username] ?? {});
    app = await buildApp(deps);
    for (const w of WHO) sessions.set(w.username, await signIn(app, w.username));
  });
  afterAll(async () => {
    await app?.close();
    await drop();
  });

  const get = (who: string, url: string) => app.inject({ method: 'GET', url, ...sessions.get(who)! });

  it.each(WHO.map((w) => [w.username, w] as const))('%s: list, count and search show exactly the records in scope', async (_u, w) => {
    const res = await get(w.username, '/api/v1/employees?pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { id: string; nip: string }[]; total: number };
    expect(body.items.map((i) => i.nip).sort()).toEqual(w.sees.map((e) => nips[e]).sort());
    expect(body.total).toBe(w.sees.length);
    for (const e of ALL) {
      const s = (await get(w.username, `/api/v1/employees?q=${encodeURIComponent(names[e].split(' ')[1]!)}`)).json() as { total: number };
      expect(s.total, `search ${e}`).toBe(w.sees.includes(e) ? 1 : 0);
      const n = (await get(w.username, `/api/v1/employees?q=${nips[e].slice(0, 10)}`)).json() as { total: number };
      expect(n.total, `nip search ${e}`).toBe(w.sees.includes(e) ? 1 : 0);
    }
  });

  it.each(WHO.map((w) => [w.username, w] as const))('%s: detail and protected contact data only in scope', async (_u, w) => {
    for (const e of ALL) {
      const d = await get(w.username, `/api/v1/employees/${ids[e]}`);
      expect(d.statusCode, `detail ${e}`).toBe(w.sees.includes(e) ? 200 : 404);
      const c = await get(w.username, `/api/v1/employees/${ids[e]}/contact`);
      const want = !w.contact ? 403 : w.sees.includes(e) ? 200 : 404;
      expect(c.statusCode, `contact ${e}`).toBe(want);
      if (want === 200) expect(c.json()).toMatchObject({ email: `${e.toLowerCase()}@example.go.id` });
      if (d.statusCode === 200) expect((d.json() as { allowedActions: string[] }).allowedActions.includes('view_contact')).toBe(w.contact);
    }
  });

  it.each(WHO.map((w) => [w.username, w] as const))('%s: exports contain only records in scope', async (_u, w) => {
    const res = await get(w.username, '/api/v1/employees/export?format=csv');
    expect(res.statusCode).toBe(w.export ? 200 : 403);
    if (!w.export) return;
    for (const e of ALL) expect(res.body.includes(nips[e]), `export ${e}`).toBe(w.sees.includes(e));
  });

  it.each(WHO.map((w) => [w.username, w] as const))('%s: writes only in scope', async (_u, w) => {
    for (const e of ALL) {
      const res = await app.inject({ method: 'PATCH', url: `/api/v1/employees/${ids[e]}`, payload: { position: `Staf ${w.username}` }, ...sessions.get(w.username)! });
      const want = !w.write ? 403 : w.sees.includes(e) ? 200 : 404;
      expect(res.statusCode, `patch ${e}`).toBe(want);
    }
    const created = await app.inject({
      method: 'POST', url: '/api/v1/employees', ...sessions.get(w.username)!,
      payload: { agencyId: ids.serang, unitId: ids.serangUnit, employmentType: 'NON_ASN', internalId: `X-${w.username}`, name: 'Out Of Scope' },
    });
    // a writer outside Serang is answered as if the agency did not exist (item 6 of the review, employees part)
    expect(created.statusCode, 'create in Serang').toBe(!w.write ? 403 : w.sees.includes('S1') ? 201 : 400);
    if (w.write && !w.sees.includes('S1')) expect(created.json().code).toBe('AGENCY_UNKNOWN');
  });

  it.each(WHO.map((w) => [w.username, w] as const))('%s: agencies, units and imports only in scope', async (_u, w) => {
    const list = (await get(w.username, '/api/v1/agencies')).json() as { items: { id: string }[] };
    const want = w.agencies.map((a) => ids[a]).sort();
    expect(list.items.map((a) => a.id).sort()).toEqual(want);
    for (const a of ['kota', 'serang'] as const) {
      expect((await get(w.username, `/api/v1/agencies/${ids[a]}`)).statusCode, `agency ${a}`).toBe(w.agencies.includes(a) ? 200 : 404);
      expect((await get(w.username, `/api/v1/agencies/${ids[a]}/units`)).statusCode, `units ${a}`).toBe(w.agencies.includes(a) ? 200 : 404);
      const up = await app.inject({
        method: 'POST', url: `/api/v1/agencies/${ids[a]}/imports`, ...sessions.get(w.username)!,
        headers: { ...sessions.get(w.username)!.headers, 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nnip,nama,jenis\r\n--x--\r\n',
      });
      const canImport = ['system_admin', 'agency_admin'].includes(w.role) && w.agencies.includes(a);
      const hasImport = ['system_admin', 'agency_admin'].includes(w.role);
      expect(up.statusCode, `import ${a}`).toBe(canImport ? 202 : !hasImport ? 403 : w.agencies.includes(a) ? 403 : 404);
    }
  });

  it.each(WHO.map((w) => [w.username, w] as const))('%s: users and audit trail only when allowed', async (_u, w) => {
    const users = await get(w.username, '/api/v1/users');
    expect(users.statusCode).toBe(w.manageUsers ? 200 : 403);
    if (w.manageUsers) {
      const names = (users.json() as { items: { username: string }[] }).items.map((u) => u.username);
      expect(names.includes('bawaslu.banten')).toBe(w.role === 'system_admin');
      const serangAdmin = await app.inject({
        method: 'POST', url: '/api/v1/users', ...sessions.get(w.username)!,
        payload: { username: `x.${w.username}`, displayName: 'X', password: 'a-long-password', role: 'agency_admin', agencyId: ids.serang },
      });
      // another agency answers like an unknown one (its existence is not revealed)
      expect(serangAdmin.statusCode).toBe(w.role === 'system_admin' ? 201 : 400);
      if (w.role !== 'system_admin') expect(serangAdmin.json().code).toBe('GRANT_INVALID');
    }
    expect((await get(w.username, '/api/v1/audit')).statusCode).toBe(w.audit ? 200 : 403);
  });

  it('every contact read is in the audit trail', async () => {
    const n = (await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'employee.contact_viewed'")).rows[0]!.n;
    const expected = WHO.filter((w) => w.contact).reduce((acc, w) => acc + w.sees.length, 0);
    expect(n).toBe(expected);
  });

  it('anonymous callers get 401 everywhere except public reference data', async () => {
    for (const url of ['/api/v1/employees', `/api/v1/employees/${ids.K1}`, '/api/v1/agencies', '/api/v1/users', '/api/v1/audit', '/api/v1/employees/export', '/api/v1/auth/me'])
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/regions?level=province' })).statusCode).toBe(200);
  });
});
