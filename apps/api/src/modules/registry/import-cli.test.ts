/** `npm run netra -- import employees FILE` from a sub-directory, as agencies run it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, runNetra } from '../../../test/harness.ts';

describe('netra import employees through npm run (PostgreSQL)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-cli-cwd-'));
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const f = await freshDb('postgres');
    // the CLI opens its own connections; keep the database, drop it at the end
    env = { DATABASE_URL: f.url! };
    drop = f.drop;
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('reads a relative FILE from the directory npm was called in (INIT_CWD), and --json lists every invalid row, however many', async () => {
    const agency = await runNetra(['agency', 'create', '--name', 'Pemerintah Kabupaten Serang', '--region', '36.04', '--json'], env);
    expect(agency.code, agency.stderr).toBe(0);
    const id = JSON.parse(agency.stdout).id as string;
    fs.writeFileSync(path.join(tmp, 'pegawai.csv'), 'nip,nama,jenis\n198609262015051001,Budi Santoso,PNS\n');
    // npm runs the script in the package root and passes the caller's directory as INIT_CWD
    const npm = { ...env, INIT_CWD: tmp, npm_lifecycle_event: 'netra' };
    const r = await runNetra(['import', 'employees', 'pegawai.csv', '--agency', id, '--json'], npm);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ inserted: 1, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    // the units a file would create are in the JSON, before anything is written
    fs.writeFileSync(path.join(tmp, 'unit.csv'), 'nip,nama,jenis,unit\n198609262015051001,Budi Santoso,PNS,Dinas Sosal\n');
    const dry = await runNetra(['import', 'employees', 'unit.csv', '--agency', id, '--dry-run', '--json'], npm);
    expect(dry.code, dry.stderr).toBe(0);
    // --json keeps exactly the summary other tools read; the units to be created are said at the terminal
    expect(JSON.parse(dry.stdout)).toEqual({ inserted: 0, updated: 1, unchanged: 0, rejected: 0, errors: [] });
    const said = await runNetra(['import', 'employees', 'unit.csv', '--agency', id, '--dry-run'], npm);
    expect(said.stdout).toContain('units this file would create: 1');
    expect(said.stdout).toContain('Dinas Sosal (row 2, 1 row)');

    const lines = ['nip,nama,jenis', ...Array.from({ length: 1003 }, (_v, i) => `198609262031131001,Salah ${i},PNS`)];
    fs.writeFileSync(path.join(tmp, 'salah.csv'), lines.join('\n'));
    const bad = await runNetra(['import', 'employees', 'salah.csv', '--agency', id, '--json'], npm);
    expect(bad.code).toBe(1);
    const out = JSON.parse(bad.stdout);
    expect(Object.keys(out).slice(0, 5)).toEqual(['inserted', 'updated', 'unchanged', 'rejected', 'errors']);
    expect(out).toMatchObject({ rejected: 1003, errorCount: 1003, errorCodes: { NIP_TMT: 1003 } });
    expect(out).not.toHaveProperty('moreErrors');
    expect(out.errors).toHaveLength(1003);
    expect(out.errors.map((e: { row: number }) => e.row)).toEqual(Array.from({ length: 1003 }, (_v, i) => i + 2));
    expect(out.errors[1002]).toMatchObject({ row: 1004, column: 'nip', code: 'NIP_TMT' });
    // the text output says how many it did not show
    const text = await runNetra(['import', 'employees', 'salah.csv', '--agency', id], npm);
    expect(text.stdout).toContain('... 803 more (use --json for all)');
  }, 60_000);
});
