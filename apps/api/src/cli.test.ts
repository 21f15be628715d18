/** The `netra` command as other tools use it: real processes, real databases, JSON and exit codes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, runNetra } from '../test/harness.ts';



const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
};

describe('netra CLI on PostgreSQL', () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let url: string;
  let agency: string;

  beforeAll(async () => {
    const f = await freshDb('postgres');
    await f.db.close();
    url = f.url!;
    drop = async () => {
      const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${url.split('/').pop()} WITH (FORCE)`);
      await admin.end();
    };
    env = { DATABASE_URL: url };
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('agency create --json prints the new id; a bad region is named', async () => {
    const r = await runNetra(['agency', 'create', '--name', 'Pemerintah Kota Bekasi', '--region', '32.75', '--json'], env);
    expect(r.code).toBe(0);
    agency = JSON.parse(r.stdout).id;
    expect(agency).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await runNetra(['agency', 'create', '--name', 'Pemerintah X', '--region', '99.99', '--json'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('99.99');
    // the API's rules: a name of at least 3 characters
    const short = await runNetra(['agency', 'create', '--name', 'X', '--region', '32.16', '--json'], env);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('--name');
  });

  it('import employees --json: inserted, then a no-op re-import', async () => {
    const f = file('ok.csv', 'nip,nama,jenis,jabatan,unit\n198609262015051001,Budi Santoso,PNS,Camat,Kecamatan Bekasi Barat\nTHL-1,Ujang,NON_ASN,Pengemudi,\n');
    const r = await runNetra(['import', 'employees', f, '--agency', agency, '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const again = await runNetra(['import', 'employees', f, '--agency', agency, '--json'], env);
    expect(JSON.parse(again.stdout)).toEqual({ inserted: 0, updated: 0, unchanged: 2, rejected: 0, errors: [] });
    expect(again.code).toBe(0);
  });

  it('all-or-nothing: exits non-zero, lists rows, writes nothing; --skip-invalid writes the rest', async () => {
    const f = file('mixed.csv', 'nip,nama,jenis\n197001011995032002,Valid,PNS\n198609262031131001,Bad,PNS\n');
    const r = await runNetra(['import', 'employees', f, '--agency', agency, '--json'], env);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, rejected: 1 });
    expect(out.errors).toEqual([expect.objectContaining({ row: 3, column: 'nip', code: 'NIP_TMT', message: 'NIP digits 9-14: TMT 2031-13 is not a month' })]);
    const dry = await runNetra(['import', 'employees', f, '--agency', agency, '--skip-invalid', '--dry-run', '--json'], env);
    expect(JSON.parse(dry.stdout)).toMatchObject({ inserted: 1, rejected: 1 });
    const skip = await runNetra(['import', 'employees', f, '--agency', agency, '--skip-invalid', '--json'], env);
    expect(skip.code).toBe(0);
    expect(JSON.parse(skip.stdout)).toMatchObject({ inserted: 1, rejected: 1 });
    // nothing valid at all: nothing written because of errors, so non-zero even with --skip-invalid
    const none = await runNetra(['import', 'employees', file('allbad.csv', 'nip,nama,jenis\n198609262031131001,Bad,PNS\n'), '--agency', agency, '--skip-invalid', '--json'], env);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ inserted: 0, rejected: 1 });
  });

  it('a wrong file gets a clear error and a non-zero exit', async () => {
    const bin = file('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const r = await runNetra(['import', 'employees', bin, '--agency', agency, '--json'], env);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).failure).toMatchObject({ code: 'FILE_NOT_SPREADSHEET' });
    const missing = await runNetra(['import', 'employees', file('cols.csv', 'nama\nA\n'), '--agency', agency], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Missing required column\(s\): nip, jenis/);
    const noAgency = await runNetra(['import', 'employees', bin, '--agency', '00000000-0000-0000-0000-000000000000'], env);
    expect(noAgency.code).toBe(2);
    // a malformed id is the same clear error, not a database message; export refuses it too instead of exporting nothing
    const malformed = await runNetra(['import', 'employees', bin, '--agency', 'kota-bekasi'], env);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('Unknown agency: kota-bekasi');
    expect(malformed.stderr).not.toMatch(/syntax|uuid/i);
    const exportUnknown = await runNetra(['export', 'employees', '--agency', '00000000-0000-0000-0000-000000000000', '--out', path.join(tmp, 'none.csv')], env);
    expect(exportUnknown.code).toBe(2);
    expect(exportUnknown.stderr).toContain('Unknown agency');
    expect(fs.existsSync(path.join(tmp, 'none.csv'))).toBe(false);
  });

  it('evidence remake-pdf-copies reports what it rebuilt and withdrew', async () => {
    const r = await runNetra(['evidence', 'remake-pdf-copies', '--json'], { ...env, NETRA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ remade: 0, withdrawn: 0 });
  });

  it('user create reads the password from stdin', async () => {
    const r = await runNetra(['user', 'create', '--username', 'kesbangpol', '--role', 'agency_admin', '--agency', agency, '--password-stdin', '--json'], env, 'a-long-secret-password\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ username: 'kesbangpol', grants: [{ role: 'agency_admin', agencyId: agency }] });
    const bad = await runNetra(['user', 'create', '--username', 'x', '--role', 'wizard', '--password-stdin'], env, 'pw');
    expect(bad.code).not.toBe(0);
  });

  it('audit verify passes, then names the first altered entry', async () => {
    const ok = await runNetra(['audit', 'verify', '--json'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, firstBroken: null });
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("UPDATE audit_events SET actor_label = 'someone-else' WHERE seq = 3");
    await c.end();
    const broken = await runNetra(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN at entry 3 \(chain position 3\)/);
  });
});

describe('netra CLI on the embedded database', () => {
  const dataDir = path.join(tmp, 'data');
  it('creates and migrates the data directory on first use, imports and verifies', async () => {
    const env = { NETRA_DATA_DIR: dataDir };
    const a = await runNetra(['agency', 'create', '--name', 'Pemerintah Kabupaten Serang', '--region', '36.04', '--json'], env);
    expect(a.code).toBe(0);
    const id = JSON.parse(a.stdout).id;
    const f = file('serang.xlsx.csv', 'NIP;Nama;Jenis;Jabatan;Unit Kerja\n197505052000031004;Rudi;PNS;Camat;Kecamatan Ciruas\n');
    const r = await runNetra(['import', 'employees', f, '--agency', id, '--json'], env);
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 1 });
    const v = await runNetra(['audit', 'verify', '--json'], env);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true });
    expect(fs.existsSync(path.join(dataDir, 'netra.lock'))).toBe(false);
  }, 120_000);
});
