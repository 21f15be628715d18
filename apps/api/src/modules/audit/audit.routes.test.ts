import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClock, addUser, freshDb, makeDeps, signIn, SYSTEM, SYSTEM_PRINCIPAL, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';

type Entry = { seq: number; occurredAt: string; actorLabel: string; action: string; entityType: string; entityId: string | null };

describe.each(DB_KINDS)('audit trail filters on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  const clock = new TestClock(new Date('2024-01-03T02:00:00Z'));
  const s: Record<string, Awaited<ReturnType<typeof signIn>>> = {};
  const ids: string[] = [];

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    const kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    const add = async (nip: string, name: string) =>
      ids.push((await createEmployee(deps, SYSTEM_PRINCIPAL, { id: null, label: 'importer' }, { agencyId: kota, employmentType: 'PNS', nip, name, active: true })).id);
    await add('197505052000031004', 'Pegawai Satu');
    await add('197002022000031005', 'Pegawai Dua');
    clock.advance(2 * 86_400_000); // Friday 5 Jan
    await add('198002022005031006', 'Pegawai Tiga');
    await addUser(deps, 'auditor', 'auditor');
    await addUser(deps, 'kesbangpol', 'agency_admin', { agencyId: kota });
    app = await buildApp(deps);
    for (const u of ['auditor', 'kesbangpol']) s[u] = await signIn(app, u);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const list = async (query: Record<string, string>, who = 'auditor') => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/audit', query, ...s[who]! });
    return { status: res.statusCode, body: res.json() as { items: Entry[]; total: number; code?: string; detail?: string } };
  };

  it('filters by action, a kind of action, entity, actor and time, newest or oldest first', async () => {
    const created = await list({ action: 'employee.created' });
    expect(created.status).toBe(200);
    expect(created.body.total).toBe(3);
    expect(created.body.items.map((e) => e.entityId)).toEqual([...ids].reverse());
    const oldest = await list({ action: 'employee.created', sort: 'seq' });
    expect(oldest.body.items.map((e) => e.entityId)).toEqual(ids);

    const kind = await list({ action: 'employee.', pageSize: '200' });
    expect(kind.body.total).toBeGreaterThanOrEqual(3);
    expect(kind.body.items.every((e) => e.action.startsWith('employee.'))).toBe(true);
    // "_" in a prefix is a letter, not a LIKE wildcard
    expect((await list({ action: 'employe_.' })).body.total).toBe(0);

    const one = await list({ entityType: 'employee', entityId: ids[1]! });
    expect(one.body.items.map((e) => [e.action, e.entityId])).toEqual([['employee.created', ids[1]]]);
    expect((await list({ actor: 'importer' })).body.total).toBe(3);
    expect((await list({ actor: 'nobody' })).body.total).toBe(0);

    // the Friday entry only: from Thursday 4 Jan 00:00 WIB
    const later = await list({ action: 'employee.created', from: '2024-01-04T00:00:00+07:00' });
    expect(later.body.items.map((e) => e.entityId)).toEqual([ids[2]]);
    const earlier = await list({ action: 'employee.created', to: '2024-01-04T00:00:00+07:00' });
    expect(earlier.body.total).toBe(2);
    const empty = await list({ from: '2030-01-01T00:00:00Z' });
    expect([empty.status, empty.body.total, empty.body.items]).toEqual([200, 0, []]);
  });

  it('refuses malformed filters with a message, and anyone without a national audit grant', async () => {
    for (const query of <Record<string, string>[]>[
      { from: '2024-01-05T00:00:00Z', to: '2024-01-04T00:00:00Z' },
      { from: '2024-01-04' },
      { action: "x'; DROP TABLE audit_events; --" },
      { entityType: 'Case' },
      { sort: 'actor' },
    ]) {
      const res = await list(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.detail, JSON.stringify(query)).toBeTruthy();
    }
    expect((await list({}, 'kesbangpol')).status).toBe(403);
    expect((await list({})).body.total).toBeGreaterThan(3);
  });
});
