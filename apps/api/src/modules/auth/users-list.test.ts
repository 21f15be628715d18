import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, addUser, freshDb, makeDeps } from '../../../test/harness.ts';
import type { Deps } from '../../deps.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import type { Principal } from './domain/policy.ts';
import { listUsers } from './users.service.ts';

describe.each(DB_KINDS)('the account list on %s', (kind) => {
  let deps: Deps;
  let drop: () => Promise<void>;
  let kota: string;
  let kab: string;
  const manager = (...agencyIds: string[]): Principal => ({
    ...SYSTEM_PRINCIPAL, grants: agencyIds.map((agencyId, i) => ({ id: `m${i}`, role: 'agency_admin' as const, regionCode: null, agencyId, unitId: null, unitIdPath: null, employeeId: null })),
  });
  const names = async (p: Principal, q: Partial<Parameters<typeof listUsers>[2]> = {}) =>
    (await listUsers(deps, p, { page: 1, pageSize: 50, ...q })).items.map((u) => u.username);

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
    kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    kab = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Bekasi', regionCode: '32.16' })).id;
    await addUser(deps, 'usr-a', 'agency_admin', { agencyId: kota });
    await addUser(deps, 'usr-b', 'employing_official', { agencyId: kota });
    await deps.db.query("INSERT INTO grants (user_id, role, agency_id) SELECT id, 'employing_official', $1 FROM users WHERE username = 'usr-b'", [kab]);
    await addUser(deps, 'usr-c', 'employing_official', { agencyId: kab });
    await addUser(deps, 'usr-d', 'supervisor', { regionCode: '32.75' });
    await addUser(deps, 'usr-e', 'auditor');
    await deps.db.query("DELETE FROM grants WHERE user_id = (SELECT id FROM users WHERE username = 'usr-e')");
  });
  afterAll(() => drop());

  it('lists only accounts all of whose grants lie inside the manager scope', async () => {
    expect(await names(manager(kota))).toEqual(['usr-a']);
    expect(await names(manager(kab))).toEqual(['usr-c']);
    // the union of the manager's grants: an account acting in both agencies belongs to whoever manages both
    expect(await names(manager(kota, kab))).toEqual(['usr-a', 'usr-b', 'usr-c']);
    // an unscoped manager sees every account, also one without grants
    expect(await names(SYSTEM_PRINCIPAL)).toEqual(['usr-a', 'usr-b', 'usr-c', 'usr-d', 'usr-e']);
  });

  it('searches, filters, sorts and pages, counting the whole selection', async () => {
    expect(await names(SYSTEM_PRINCIPAL, { q: 'USR-B' })).toEqual(['usr-b']);
    expect(await names(SYSTEM_PRINCIPAL, { q: '%' })).toEqual([]);
    expect(await names(SYSTEM_PRINCIPAL, { role: 'employing_official' })).toEqual(['usr-b', 'usr-c']);
    expect(await names(manager(kota, kab), { role: 'employing_official', sort: '-username' })).toEqual(['usr-c', 'usr-b']);
    await deps.db.query("UPDATE users SET active = false WHERE username = 'usr-c'");
    expect(await names(SYSTEM_PRINCIPAL, { active: false })).toEqual(['usr-c']);
    const second = await listUsers(deps, SYSTEM_PRINCIPAL, { page: 2, pageSize: 2 });
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(second.items.map((u) => u.username)).toEqual(['usr-c', 'usr-d']);
    // past the end: nothing, but still the count
    expect(await listUsers(deps, SYSTEM_PRINCIPAL, { page: 9, pageSize: 2 })).toMatchObject({ items: [], total: 5 });
  });
});
