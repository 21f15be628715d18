/**
 * Coverage counters (migration 0009) against the raw tables: whatever happens to the registry and
 * the pledges, coverage read from the cells equals the naive GROUP BY over employees and pledges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, TestClock, addUser, freshDb, makeDeps, principalOf } from '../../../test/harness.ts';
import type { Deps } from '../../deps.ts';
import type { Principal } from '../auth/domain/policy.ts';
import { createAgency, createUnit } from '../agencies/agencies.service.ts';
import { createEmployee, updateEmployee } from '../registry/employees.service.ts';
import { coverage } from './pledge-follow-up.service.ts';
import { createCampaign, recordCeremony, revokePledge } from './pledges.service.ts';

describe.each(DB_KINDS)('coverage cells on %s', (kind) => {
  const clock = new TestClock(new Date('2023-11-04T02:00:00Z'));
  let deps: Deps;
  let drop: () => Promise<void>;
  let admin: Principal;
  let campaign: string;
  let kota: string;
  const units: string[] = [];
  const nips: string[] = [];

  /** The naive figures straight from employees and pledges, per unit path and type. */
  const naive = async () => (await deps.db.query<{ unit: string | null; type: string; required: number; signed: number }>(
    `SELECT u.path AS unit, e.employment_type AS type, count(*)::int AS required, count(p.id)::int AS signed
       FROM pledge_campaigns c JOIN employees e ON e.agency_id = c.agency_id AND e.active AND e.employment_type = ANY(c.employment_types)
       LEFT JOIN units u ON u.id = e.unit_id LEFT JOIN pledges p ON p.campaign_id = c.id AND p.employee_id = e.id AND p.revoked_at IS NULL
      WHERE c.id = $1 GROUP BY u.path, e.employment_type ORDER BY u.path NULLS FIRST, e.employment_type`, [campaign],
  )).rows;
  const fromCells = async () => (await coverage(deps, admin, campaign)).rows.map((r) => ({ unit: r.unit, type: r.type, required: r.required, signed: r.signed }));
  const generation = async () => Number((await deps.db.query<{ g: string }>('SELECT cells_generation AS g FROM pledge_campaigns WHERE id = $1', [campaign])).rows[0]!.g);

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    for (const name of ['Dinas Pendidikan', 'Kecamatan Bekasi Barat', 'Kecamatan Bekasi Utara'])
      units.push((await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, kota, { name, kind: name.startsWith('Kec') ? 'kecamatan' : 'opd' })).id);
    for (let i = 0; i < 12; i++) {
      const nip = `19800101200501${String(1001 + i).slice(-4)}`;
      nips.push(nip);
      await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, unitId: units[i % 3], employmentType: i % 4 === 3 ? 'PPPK' : 'PNS', nip: i % 4 === 3 ? `19800101202121${String(1001 + i).slice(-4)}` : nip, name: `Pegawai ${i}`, active: true });
    }
    await addUser(deps, 'kesbangpol', 'agency_admin', { agencyId: kota });
    admin = await principalOf(deps, 'kesbangpol');
    campaign = (await createCampaign(deps, admin, { agencyId: kota, electionId: 'pemilu-2024', employmentTypes: ['PNS', 'PPPK', 'NON_ASN'], opensOn: '2023-11-01', closesOn: '2023-11-30' })).id;
  });
  afterAll(() => drop());

  it('builds the cells once and then follows signatures and revocations without a rebuild', async () => {
    expect(await fromCells()).toEqual(await naive());
    const built = await generation();
    const pns = (await deps.db.query<{ nip: string }>("SELECT nip FROM employees WHERE employment_type = 'PNS' ORDER BY nip")).rows.map((r) => r.nip);
    await recordCeremony(deps, admin, campaign, { nips: pns.slice(0, 5) });
    const afterCeremony = await coverage(deps, admin, campaign);
    expect(afterCeremony.total).toMatchObject({ signed: 5 });
    expect(await generation()).toBe(built); // counted by the trigger, no rebuild
    const pledge = (await deps.db.query<{ id: string }>('SELECT id FROM pledges ORDER BY signed_at, id LIMIT 1')).rows[0]!.id;
    await revokePledge(deps, admin, pledge, 'Ditandatangani oleh orang lain');
    expect((await coverage(deps, admin, campaign)).total).toMatchObject({ signed: 4 });
    expect(await generation()).toBe(built);
    expect(await fromCells()).toEqual(await naive());
  });

  it('rebuilds when the registry changes: a new employee, a move to another unit, a deactivation', async () => {
    const before = await generation();
    await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, unitId: units[0], employmentType: 'NON_ASN', internalId: 'HON-001', name: 'Tenaga Honorer', active: true });
    expect((await coverage(deps, admin, campaign)).total.required).toBe(13);
    expect(await generation()).toBeGreaterThan(before);
    const signedOne = (await deps.db.query<{ id: string }>('SELECT e.id FROM pledges p JOIN employees e ON e.id = p.employee_id WHERE p.revoked_at IS NULL LIMIT 1')).rows[0]!.id;
    await updateEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, signedOne, { unitId: units[2] });
    expect(await fromCells()).toEqual(await naive());
    const other = (await deps.db.query<{ id: string }>("SELECT id FROM employees WHERE name = 'Pegawai 1'")).rows[0]!.id;
    await updateEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, other, { active: false });
    expect((await coverage(deps, admin, campaign)).total.required).toBe(12);
    expect(await fromCells()).toEqual(await naive());
  });

  it('revoking the pledge of someone no longer covered leaves the counts right (no cell below the truth, none below zero)', async () => {
    const signer = (await deps.db.query<{ id: string; pledge: string }>(
      'SELECT e.id, p.id AS pledge FROM pledges p JOIN employees e ON e.id = p.employee_id WHERE p.revoked_at IS NULL AND e.active ORDER BY e.nip LIMIT 1')).rows[0]!;
    await updateEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, signer.id, { active: false });
    const before = await coverage(deps, admin, campaign); // rebuilt without them
    await revokePledge(deps, admin, signer.pledge, 'Pegawai sudah tidak aktif');
    const after = await coverage(deps, admin, campaign);
    expect(after.total).toEqual(before.total);
    expect(await fromCells()).toEqual(await naive());
    expect((await deps.db.query('SELECT 1 FROM pledge_coverage_cells WHERE signed < 0')).rowCount).toBe(0);
    await updateEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, signer.id, { active: true });
  });

  it('concurrent signatures and a rebuild lose nothing', async () => {
    // a registry change makes the next read rebuild while a ceremony signs the rest
    await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, unitId: units[1], employmentType: 'NON_ASN', internalId: 'HON-002', name: 'Honorer Dua', active: true });
    const rest = (await deps.db.query<{ nip: string }>('SELECT e.nip FROM employees e WHERE e.nip IS NOT NULL AND e.active AND NOT EXISTS (SELECT 1 FROM pledges p WHERE p.employee_id = e.id AND p.revoked_at IS NULL)')).rows.map((r) => r.nip);
    await Promise.all([coverage(deps, admin, campaign), ...rest.map((n) => recordCeremony(deps, admin, campaign, { nips: [n] }))]);
    expect(await fromCells()).toEqual(await naive());
    expect((await coverage(deps, admin, campaign)).total).toMatchObject({ required: 13, signed: 13 - 2 });
  });
});
