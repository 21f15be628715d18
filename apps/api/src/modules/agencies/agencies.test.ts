import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, addUser, freshDb, makeDeps, signIn, SYSTEM, SYSTEM_PRINCIPAL, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createEmployee } from '../registry/employees.service.ts';
import { createAgency, createUnit, unitRegionAllowed } from './agencies.service.ts';

describe('unitRegionAllowed', () => {
  it.each([
    ['city_government', '32.75', '32.75', true],
    ['city_government', '32.75', '32.75.01', true],
    ['city_government', '32.75', '32.16', false],
    ['city_government', '32.75', '11', false],
    ['city_government', '32.7', '32.75', false],
    ['provincial_government', '32', '32.16.05', true],
    ['provincial_government', '32', '36.04', false],
    ['ministry', '31', '11.01', true],
  ] as const)('%s in %s, unit in %s -> %s', (kind, agency, unit, ok) => {
    expect(unitRegionAllowed(kind, agency, unit)).toBe(ok);
  });
});

describe.each(DB_KINDS)('agencies and units on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let agency: string;
  let unitA: string;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let unit: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
    agency = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    unitA = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, agency, { name: 'Kecamatan Bekasi Barat', kind: 'kecamatan' })).id;
    const unitB = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, agency, { name: 'Dinas Pendidikan', kind: 'opd' })).id;
    const nips = ['198609262015051001', '198001012005011002', '197001011995032002'];
    for (const [i, nip] of nips.entries())
      await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: agency, unitId: i === 0 ? unitA : unitB, employmentType: 'PNS', nip, name: `Pegawai ${i}`, active: true });
    await addUser(deps, 'kesbangpol', 'agency_admin', { agencyId: agency });
    await addUser(deps, 'admin.barat', 'unit_admin', { agencyId: agency, unitId: unitA });
    app = await buildApp(deps);
    admin = await signIn(app, 'kesbangpol'); // once each: a TOTP code is accepted once
    unit = await signIn(app, 'admin.barat');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it("refuses a unit whose region lies outside the Pemda's region, so its staff cannot move into another province's view", async () => {
    const s = admin;
    const aceh = await app.inject({ method: 'POST', url: `/api/v1/agencies/${agency}/units`, ...s, payload: { name: 'Unit Aceh', kind: 'other', regionCode: '11' } });
    expect(aceh.statusCode).toBe(400);
    expect(aceh.json()).toMatchObject({ code: 'UNIT_REGION_OUTSIDE_AGENCY' });
    expect(aceh.json().message.id).toContain('32.75');
    const kecamatan = await app.inject({ method: 'POST', url: `/api/v1/agencies/${agency}/units`, ...s, payload: { name: 'Kecamatan Bantargebang', kind: 'kecamatan', regionCode: '32.75.06' } });
    expect(kecamatan.statusCode).toBe(201);
    expect((await deps.db.query("SELECT 1 FROM units WHERE name = 'Unit Aceh'")).rowCount).toBe(0);
  });

  it("counts only the employees the caller may read: a unit admin sees their unit's headcount, not the agency's", async () => {
    expect((await app.inject({ method: 'GET', url: `/api/v1/agencies/${agency}`, ...admin })).json().employeeCount).toBe(3);
    expect((await app.inject({ method: 'GET', url: `/api/v1/agencies/${agency}`, ...unit })).json().employeeCount).toBe(1);
    expect((await app.inject({ method: 'GET', url: '/api/v1/agencies', ...unit })).json().items[0].employeeCount).toBe(1);
    const units = (await app.inject({ method: 'GET', url: `/api/v1/agencies/${agency}/units`, ...unit })).json().items as { id: string; employeeCount: number }[];
    expect(units.reduce((n, u) => n + u.employeeCount, 0)).toBe(1);
    expect(units.find((u) => u.id === unitA)!.employeeCount).toBe(1);
  });
});
