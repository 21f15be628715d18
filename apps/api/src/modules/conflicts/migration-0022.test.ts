import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, freshDb, makeDeps } from '../../../test/harness.ts';
import type { Deps } from '../../deps.ts';
import { listMigrations, splitStatements } from '../../db/migrate.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';

/**
 * Migration 0022 on a register as the former code stored it: the schema is put back as 0021 left it
 * (test only), rows are written the way the former importer and matcher wrote them, then 0022 runs again.
 */
describe.each(DB_KINDS)('the register reviewed (migration 0022) on %s', (kind) => {
  let deps: Deps;
  let drop: () => Promise<void>;
  const migration = listMigrations().find((m) => m.name.startsWith('0022_'))!;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
  });
  afterAll(async () => drop());

  it('merges a candidate stored again without its chamber, codes the reasons, links the declarations and names the running mate', async () => {
    const agency = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    const employee = async (name: string, nip: string) =>
      (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: agency, employmentType: 'PNS', nip, name, position: 'Staf', active: true })).id;
    const dewi = await employee('Dewi Lestari', '198609262015052001');
    const yayah = await employee('Yayah Rukoyah', '198609262015052002');
    const rina = await employee('Rina binti Wahyu Adinegoro', '199001012015052001');
    const ade = await employee('Ade Fauzi', '198609262015051001');

    await deps.db.exec(`
      DROP INDEX conflicts_person_key;
      DROP INDEX conflicts_relative_idx;
      ALTER TABLE conflicts DROP COLUMN member, DROP COLUMN relative_id, DROP COLUMN basis_withdrawn_at, DROP COLUMN history;
      ALTER TABLE conflicts ADD UNIQUE (employee_id, candidate_id);
      DROP INDEX election_candidates_slot_key;
      DROP INDEX election_candidates_slot_idx;
      ALTER TABLE election_candidates DROP COLUMN replaced_by, DROP COLUMN withdrawn_at;
      CREATE UNIQUE INDEX election_candidates_slot_key ON election_candidates (election_id, kind, region_code, chamber, dapil_key, party_number, ballot_number) NULLS NOT DISTINCT;
      DELETE FROM schema_migrations WHERE name = '${migration.name}';
    `);
    const candidate = async (kind: string, name: string, mate: string | null, chamber: string | null) =>
      (await deps.db.query<{ id: string }>(
        `INSERT INTO election_candidates (election_id, kind, name, running_mate_name, party_number, chamber, electoral_district, region_code, ballot_number)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '32.75', 1) RETURNING id`,
        [kind === 'pair' ? 'pilkada-2024' : 'pemilu-2024', kind, name, mate, kind === 'pair' ? null : 2, chamber, kind === 'pair' ? '' : 'Kota Bekasi 1'],
      )).rows[0]!.id;
    const keeper = await candidate('legislative', 'Ahmad Fauzi, S.H.', null, 'DPRD_KABKOTA');
    // a re-import without the chamber column stored him again
    const copy = await candidate('legislative', 'Ahmad  Fauzi, S.H.', null, null);
    const pair = await candidate('pair', 'Dr. H. Wahyu Adinegoro, M.Si.', 'Drs. H. Mukhtar Sobari, M.M.', null);
    const relative = async (employeeId: string, kind: string, name: string) =>
      (await deps.db.query<{ id: string }>('INSERT INTO employee_relatives (employee_id, kind, name) VALUES ($1, $2, $3) RETURNING id', [employeeId, kind, name])).rows[0]!.id;
    const spouse = await relative(dewi, 'spouse', 'H. Ahmad Fauzi');
    const mukhtar = await relative(yayah, 'spouse', 'H. Mukhtar Sobari');
    const conflict = (employeeId: string, candidateId: string, relation: string, source: string, status: string, reasons: string[]) =>
      deps.db.query(
        `INSERT INTO conflicts (election_id, employee_id, candidate_id, relation, source, score, status, reasons, decided_at)
         SELECT election_id, $1, $2, $3, $4, 0.9, $5, $6::jsonb, CASE WHEN $5 = 'suggested' THEN NULL ELSE now() END FROM election_candidates WHERE id = $2`,
        [employeeId, candidateId, relation, source, status, JSON.stringify(reasons)],
      );
    await conflict(dewi, copy, 'spouse', 'declared', 'confirmed', ['declared spouse: H. Ahmad Fauzi', 'same region']); // the officer's decision, on the copy ...
    await conflict(dewi, keeper, 'spouse', 'declared', 'suggested', ['declared spouse: H. Ahmad Fauzi', 'same region']); // ... and the suggestion again on the first row
    await conflict(yayah, pair, 'spouse', 'declared', 'suggested', ['declared spouse: H. Mukhtar Sobari', 'same region']);
    await conflict(rina, pair, 'parent', 'matcher', 'dismissed', ['patronymic: Rina binti Wahyu Adinegoro', 'same region']);
    await conflict(ade, keeper, 'sibling', 'matcher', 'suggested', ['name']);

    await deps.db.transaction(async (tx) => {
      for (const stmt of splitStatements(migration.sql)) await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [migration.name, migration.checksum]);
    });

    expect((await deps.db.query<{ id: string }>("SELECT id FROM election_candidates WHERE kind = 'legislative'")).rows).toEqual([{ id: keeper }]);
    const rows = (await deps.db.query<{ employee_id: string; candidate_id: string; member: string; status: string; relative_id: string | null; reasons: unknown; history: unknown; basis_withdrawn_at: unknown }>(
      'SELECT employee_id, candidate_id, member, status, relative_id, reasons, history, basis_withdrawn_at FROM conflicts')).rows;
    const of = (employeeId: string) => rows.filter((r) => r.employee_id === employeeId);
    expect(of(dewi)).toEqual([{
      employee_id: dewi, candidate_id: keeper, member: 'head', status: 'confirmed', relative_id: spouse, history: [], basis_withdrawn_at: null,
      reasons: [{ code: 'DECLARED', params: { relation: 'spouse', name: 'H. Ahmad Fauzi' } }, { code: 'SAME_REGION', params: {} }],
    }]);
    expect(of(yayah)).toEqual([expect.objectContaining({ candidate_id: pair, member: 'running_mate', relative_id: mukhtar })]);
    expect(of(rina)).toEqual([expect.objectContaining({ member: 'head', relative_id: null, reasons: [{ code: 'PATRONYMIC', params: { name: 'Rina binti Wahyu Adinegoro' } }, { code: 'SAME_REGION', params: {} }] })]);
    expect(of(ade)).toEqual([expect.objectContaining({ reasons: [{ code: 'TEXT', params: { text: 'name' } }] })]);

    // one entry per employee and person: the head of the pair is another entry than its running mate
    await deps.db.query("INSERT INTO conflicts (election_id, employee_id, candidate_id, member, relation, source, score) VALUES ('pilkada-2024', $1, $2, 'head', 'in_law', 'declared', 0.95)", [yayah, pair]);
    await expect(deps.db.query("INSERT INTO conflicts (election_id, employee_id, candidate_id, member, relation, source, score) VALUES ('pilkada-2024', $1, $2, 'running_mate', 'in_law', 'declared', 0.95)", [yayah, pair]))
      .rejects.toMatchObject({ code: '23505' });
    // a withdrawn candidate leaves the slot to the one replacing them
    await deps.db.query('UPDATE election_candidates SET withdrawn_at = now() WHERE id = $1', [keeper]);
    await deps.db.query("INSERT INTO election_candidates (election_id, kind, name, party_number, chamber, electoral_district, region_code, ballot_number) VALUES ('pemilu-2024', 'legislative', 'Budi Pengganti', 2, 'DPRD_KABKOTA', 'kota bekasi 1', '32.75', 1)");
  });
});
