import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, freshDb, makeDeps } from '../../../test/harness.ts';
import type { Deps } from '../../deps.ts';
import { listMigrations, splitStatements } from '../../db/migrate.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';

/**
 * Migration 0015 on data stored under the former key: the schema is put back as 0002 left it (test
 * only), rows are stored the way the former importer could store them, then 0015 runs again.
 */
describe.each(DB_KINDS)('candidate natural key (migration 0015) on %s', (kind) => {
  let deps: Deps;
  let drop: () => Promise<void>;
  const migration = listMigrations().find((m) => m.name.startsWith('0015_'))!;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
  });
  afterAll(async () => drop());

  it('merges candidates stored twice under another district letter case, keeping decided conflicts, then keys on chamber and district', async () => {
    const agency = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    const employee = async (name: string, nip: string) =>
      (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: agency, employmentType: 'PNS', nip, name, position: 'Staf', active: true })).id;
    const ade = await employee('Ade Fauzi', '198609262015051001');
    const dewi = await employee('Dewi Lestari', '198609262015052001');

    await deps.db.exec(`
      DROP INDEX election_candidates_slot_key;
      ALTER TABLE election_candidates DROP COLUMN dapil_key;
      ALTER TABLE election_candidates ADD UNIQUE NULLS NOT DISTINCT (election_id, kind, region_code, electoral_district, party_number, ballot_number);
      DELETE FROM schema_migrations WHERE name = '${migration.name}';
    `);
    const candidate = async (name: string, district: string, updatedAt: string, ballot = 1) =>
      (await deps.db.query<{ id: string }>(
        `INSERT INTO election_candidates (election_id, kind, name, party_number, chamber, electoral_district, region_code, ballot_number, updated_at)
         VALUES ('pemilu-2024', 'legislative', $1, 2, 'DPRD_KABKOTA', $2, '32.75', $4, $3) RETURNING id`,
        [name, district, updatedAt, ballot],
      )).rows[0]!.id;
    const older = await candidate('Hj. Siti Aminah', 'Kota Bekasi 1', '2024-01-01T00:00:00Z');
    const newer = await candidate('Hj. Siti Aminah', 'KOTA BEKASI 1', '2024-02-01T00:00:00Z');
    const spaced = await candidate('Hj. Siti Aminah', 'kota bekasi  1', '2023-12-01T00:00:00Z');
    const other = await candidate('Budi Santoso', 'Kota Bekasi 1', '2024-01-01T00:00:00Z', 2);
    const conflict = (employeeId: string, candidateId: string, status: string) =>
      deps.db.query(
        `INSERT INTO conflicts (election_id, employee_id, candidate_id, relation, source, score, status, decided_at)
         VALUES ('pemilu-2024', $1, $2, 'spouse', 'matcher', 0.9, $3, CASE WHEN $3 = 'suggested' THEN NULL ELSE now() END)`,
        [employeeId, candidateId, status],
      );
    await conflict(ade, older, 'confirmed'); // an officer's decision on the older copy ...
    await conflict(ade, newer, 'suggested'); // ... and the matcher's suggestion again on the newer copy
    await conflict(dewi, spaced, 'dismissed');
    await conflict(dewi, other, 'suggested');

    await deps.db.transaction(async (tx) => {
      for (const stmt of splitStatements(migration.sql)) await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [migration.name, migration.checksum]);
    });

    const rows = (await deps.db.query<{ id: string; electoral_district: string; dapil_key: string }>(
      "SELECT id, electoral_district, dapil_key FROM election_candidates WHERE election_id = 'pemilu-2024' ORDER BY ballot_number",
    )).rows;
    expect(rows).toEqual([
      { id: newer, electoral_district: 'KOTA BEKASI 1', dapil_key: 'kota bekasi 1' },
      { id: other, electoral_district: 'Kota Bekasi 1', dapil_key: 'kota bekasi 1' },
    ]);
    const conflicts = (await deps.db.query<{ employee_id: string; candidate_id: string; status: string }>(
      'SELECT employee_id, candidate_id, status FROM conflicts ORDER BY status',
    )).rows;
    expect(conflicts).toEqual(expect.arrayContaining([
      { employee_id: ade, candidate_id: newer, status: 'confirmed' },
      { employee_id: dewi, candidate_id: newer, status: 'dismissed' },
      { employee_id: dewi, candidate_id: other, status: 'suggested' },
    ]));
    expect(conflicts).toHaveLength(3);

    // the new key: another chamber is another slot, another letter case is the same slot
    const insert = (chamber: string, district: string) =>
      deps.db.query(
        `INSERT INTO election_candidates (election_id, kind, name, party_number, chamber, electoral_district, region_code, ballot_number)
         VALUES ('pemilu-2024', 'legislative', 'X', 2, $1, $2, '32.75', 1)`,
        [chamber, district],
      );
    await insert('DPRD_PROVINSI', 'Kota Bekasi 1');
    await expect(insert('DPRD_KABKOTA', ' kota BEKASI 1')).rejects.toMatchObject({ code: '23505' });
    const unique = (await deps.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'election_candidates'::regclass AND contype = 'u'",
    )).rows[0]!.n;
    expect(unique).toBe(0);
  });
});
