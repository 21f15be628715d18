import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDb, makeDeps, SYSTEM, SYSTEM_PRINCIPAL } from '../../../test/harness.ts';
import type { Principal } from '../auth/domain/policy.ts';
import type { Deps } from '../../deps.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { exportEmployees } from './employees.service.ts';
import { writeCsv, writeXlsx } from './export-writers.ts';
import { runImport, startImportRun } from './import.service.ts';

const CSV = (lines: string[]) => lines.join('\n') + '\n';

describe.each(DB_KINDS)('employee import on %s', (kind) => {
  let deps: Deps;
  let drop: () => Promise<void>;
  let agency: string;
  let other: string;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
    agency = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    other = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
  });
  afterAll(() => drop());

  async function imp(content: string | Buffer, opts: { dryRun?: boolean; skipInvalid?: boolean; agencyId?: string } = {}) {
    const agencyId = opts.agencyId ?? agency;
    const options = { dryRun: !!opts.dryRun, skipInvalid: !!opts.skipInvalid };
    const runId = await startImportRun(deps.db, { agencyId, actor: SYSTEM, fileName: 'f', options });
    return runImport(deps, { runId, agencyId, agencyRegion: agencyId === agency ? '32.75' : '36.04', actor: SYSTEM, principal: 'system', source: { stream: Readable.from([Buffer.from(content)]), fileName: 'f' }, options });
  }
  const count = async (agencyId = agency) => (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM employees WHERE agency_id = $1', [agencyId])).rows[0]!.n;

  const valid = CSV([
    'nip,nama,jenis,jabatan,unit',
    '198609262015051001,Budi Santoso,PNS,Camat,Kecamatan Bekasi Barat',
    '199009132025242014,Siti Aminah,PPPK,Guru Ahli Pertama,Dinas Pendidikan / Bidang SD',
    'THL-0001,Ujang Sopandi,Honorer,Pengemudi,Dinas Pendidikan',
  ]);

  it('imports a valid file, creating units from paths, and re-import changes nothing', async () => {
    const r = await imp(valid);
    expect(r.status).toBe('succeeded');
    expect(r.summary).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const units = (await deps.db.query<{ path: string; kind: string }>('SELECT path, kind FROM units WHERE agency_id = $1 ORDER BY path', [agency])).rows;
    expect(units).toEqual([
      { path: 'Dinas Pendidikan', kind: 'opd' },
      { path: 'Dinas Pendidikan / Bidang SD', kind: 'bidang' },
      { path: 'Kecamatan Bekasi Barat', kind: 'kecamatan' },
    ]);
    const again = await imp(valid);
    expect(again.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await count()).toBe(3);
  });

  it('updates changed rows only and keeps the natural key', async () => {
    const changed = valid.replace('Camat', 'Sekretaris Camat');
    const r = await imp(changed);
    expect(r.summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    const pos = (await deps.db.query<{ position: string }>("SELECT position FROM employees WHERE nip = '198609262015051001'")).rows[0]!.position;
    expect(pos).toBe('Sekretaris Camat');
  });

  it('writes nothing when any row is invalid and lists every invalid row', async () => {
    const before = await count();
    const r = await imp(CSV([
      'nip,nama,jenis,jabatan,unit',
      '197001011995032002,Valid Person,PNS,Staf,',
      '198609262031131001,Bad Tmt,PNS,,',
      ',No Nip,PPPK,,',
      '197001011995032002,Duplicate,PNS,,',
    ]));
    expect(r.status).toBe('rejected');
    expect(r.summary!.inserted + r.summary!.updated).toBe(0);
    expect(r.summary!.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'nip', 'NIP_TMT'],
      [4, 'nip', 'REQUIRED'],
      // the duplicate comes after invalid rows: still listed, so one round of corrections is enough
      [5, 'nip', 'DUPLICATE_IN_FILE'],
    ]);
    expect(r.summary!.errors[0]!.message).toContain('digits 9-14: TMT 2031-13 is not a month');
    expect(await count()).toBe(before);
  });

  it('with skipInvalid writes the valid rows, lists the rest and flags in-file duplicates', async () => {
    const r = await imp(CSV([
      'nip,nama,jenis,jabatan,unit',
      '197001011995032002,Valid Person,PNS,Staf,',
      '198609262031131001,Bad Tmt,PNS,,',
      '197001011995032002,Duplicate,PNS,,',
    ]), { skipInvalid: true });
    expect(r.status).toBe('succeeded');
    expect(r.summary).toMatchObject({ inserted: 1, rejected: 2 });
    expect(r.summary!.errors.map((e) => e.code)).toEqual(['NIP_TMT', 'DUPLICATE_IN_FILE']);
    expect((await deps.db.query<{ name: string }>("SELECT name FROM employees WHERE nip = '197001011995032002'")).rows[0]!.name).toBe('Valid Person');
  });

  it('with skipInvalid a file of only invalid rows writes nothing and is rejected, not succeeded', async () => {
    const before = await count();
    const audits = (await deps.db.query("SELECT 1 FROM audit_events WHERE action = 'employees.imported'")).rowCount;
    const r = await imp(CSV(['nip,nama,jenis', '198609262031131001,Bad Tmt,PNS', ',No Nip,PPPK']), { skipInvalid: true });
    expect(r.status).toBe('rejected');
    expect(r.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, rejected: 2 });
    expect(await count()).toBe(before);
    expect((await deps.db.query("SELECT 1 FROM audit_events WHERE action = 'employees.imported'")).rowCount).toBe(audits);
  });

  it('names the line of the first byte that is not UTF-8', async () => {
    const win1252 = Buffer.concat([Buffer.from('nip,nama,jenis\n197001011995032002,Valid,PNS\n198609262015051001,Ren'), Buffer.from([0xe9]), Buffer.from(' Putri,PNS\n')]);
    const r = await imp(win1252);
    expect(r.status).toBe('failed');
    expect(r.failure).toMatchObject({ code: 'FILE_ENCODING' });
    expect(r.failure!.message).toContain('line 3');
  });

  it('numbers rows as a spreadsheet shows them, empty lines included', async () => {
    const r = await imp('\nnip,nama,jenis\r\n197001011995032002,Valid,PNS\r\n\r\n198609262031131001,Bad Tmt,PNS\r\n\n\n,No Nip,PPPK\r\n', { dryRun: true });
    expect(r.summary!.errors.map((e) => [e.row, e.code])).toEqual([[5, 'NIP_TMT'], [8, 'REQUIRED']]);
  });

  it('dry run counts but writes nothing', async () => {
    const before = await count();
    const r = await imp(CSV(['nip,nama,jenis', '196512312000121003,Dry Run,PNS']), { dryRun: true });
    expect(r.summary).toMatchObject({ inserted: 1 });
    expect(await count()).toBe(before);
    // the rollback takes the test writes, not the record that the registry was tested against this file
    const audit = (await deps.db.query<{ details: string | { runId: string } }>("SELECT details FROM audit_events WHERE action = 'employees.import_tested'")).rows.map((a) => (typeof a.details === 'string' ? JSON.parse(a.details) : a.details) as { runId: string });
    expect(audit.map((d) => d.runId)).toEqual([r.runId]);
  });

  it('refuses a NIP registered at another agency, naming that agency only to a caller who can see it', async () => {
    const r = await imp(CSV(['nip,nama,jenis', '198609262015051001,Budi Santoso,PNS']), { agencyId: other });
    expect(r.status).toBe('rejected');
    expect(r.summary!.errors[0]).toMatchObject({ row: 2, code: 'NIP_OTHER_AGENCY' });
    expect(r.summary!.errors[0]!.message).toContain('(Pemerintah Kota Bekasi)');
    expect(await count(other)).toBe(0);
    const serangAdmin: Principal = { ...SYSTEM_PRINCIPAL, grants: [{ id: 'g', role: 'agency_admin', regionCode: null, agencyId: other, unitId: null, unitIdPath: null, employeeId: null }] };
    const options = { dryRun: false, skipInvalid: false };
    const runId = await startImportRun(deps.db, { agencyId: other, actor: SYSTEM, fileName: 'f', options });
    const hidden = await runImport(deps, { runId, agencyId: other, agencyRegion: '36.04', actor: SYSTEM, principal: serangAdmin, source: { stream: Readable.from([Buffer.from(CSV(['nip,nama,jenis', '198609262015051001,Budi Santoso,PNS']))]), fileName: 'f' }, options });
    expect(hidden.summary!.errors[0]).toMatchObject({ row: 2, code: 'NIP_OTHER_AGENCY' });
    expect(hidden.summary!.errors[0]!.message).not.toContain('Bekasi');
    expect(hidden.summary!.errors[0]!.messageId).not.toContain('Bekasi');
  });

  it('reads semicolon CSV with a BOM, SIASN headers and contact columns', async () => {
    const r = await imp('\ufeff' + CSV([
      'PNS_ID;NIP_BARU;NAMA;GELAR_DEPAN;GELAR_BELAKANG;JENIS_PEGAWAI_NAMA;JABATAN_NAMA;UNOR_INDUK_NAMA;UNOR_NAMA;GOL_AKHIR_NAMA;EMAIL;NOMOR_HP',
      'A8F;19750505 200003 1 004;Rudi Hartono;Drs.;M.Si;PNS Daerah;Kepala Bidang;Dinas Kesehatan;Bidang P2P;IV/a;rudi@example.go.id;081234567890',
    ]));
    expect(r.summary).toMatchObject({ inserted: 1, rejected: 0 });
    const e = (await deps.db.query<{ name: string; rank: string; path: string; email: string }>(
      `SELECT e.name, e.rank, u.path, c.email FROM employees e JOIN units u ON u.id = e.unit_id JOIN employee_contacts c ON c.employee_id = e.id WHERE e.nip = '197505052000031004'`,
    )).rows[0];
    expect(e).toEqual({ name: 'Drs. Rudi Hartono, M.Si', rank: 'IV/a', path: 'Dinas Kesehatan / Bidang P2P', email: 'rudi@example.go.id' });
  });

  it('imports XLSX and refuses NIPs that Excel stored as rounded numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['nip', 'nama', 'jenis', 'jabatan', 'unit']);
    ws.addRow(['198001012005011002', 'Ani Lestari', 'PNS', 'Lurah', 'Kecamatan Bekasi Utara / Kelurahan Harapan Jaya']);
    // eslint-disable-next-line no-loss-of-precision -- exactly what Excel does to an 18-digit NIP typed as a number
    ws.addRow([198001012005011003, 'Number Cell', 'PNS', '', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await imp(buf, { skipInvalid: true });
    expect(r.summary).toMatchObject({ inserted: 1, rejected: 1 });
    expect(r.summary!.errors[0]).toMatchObject({ row: 3, column: 'nip', code: 'EXCEL_NUMBER_ROUNDED' });
  });

  it('refuses a row whose unquoted separator shifted its values, and accepts trailing empty cells', async () => {
    const before = await count();
    const r = await imp(CSV([
      'nip;nama;jenis;jabatan;unit',
      '197508172000121003;Rahmat Hidayat;PNS;Kepala Bidang; Sub Bagian Umum;Dinas Perhubungan',
      '197508172000121004;Dewi Kartika;PNS;Staf;Dinas Perhubungan;;',
    ]));
    expect(r.status).toBe('rejected');
    expect(r.summary!.errors).toEqual([expect.objectContaining({ row: 2, code: 'ROW_TOO_MANY_VALUES' })]);
    expect(r.summary!.errors[0]!.message).toContain('"Dinas Perhubungan"');
    expect(await count()).toBe(before);
  });

  it.each([
    ['an empty file', '', 'FILE_EMPTY'],
    ['a header without rows', 'nip,nama,jenis\n', 'FILE_EMPTY'],
    ['missing required columns', 'nama,jabatan\nA,B\n', 'FILE_MISSING_COLUMNS'],
    ['a binary file', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x41]), 'FILE_NOT_SPREADSHEET'],
    ['a PDF', Buffer.from('%PDF-1.7\n...'), 'FILE_NOT_SPREADSHEET'],
    ['Latin-1 text', Buffer.from('nip,nama,jenis\n198609262015051001,J\xe9r\xf4me,PNS\n', 'latin1'), 'FILE_ENCODING'],
    ['a broken quote', 'nip,nama,jenis\n198609262015051001,"Budi,PNS\n', 'FILE_MALFORMED'],
    ['a corrupt xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), 'FILE_MALFORMED'],
  ])('rejects %s with a clear error and writes nothing', async (_label, content, code) => {
    const before = await count();
    const r = await imp(content);
    expect(r.status).toBe('failed');
    expect(r.failure!.code).toBe(code);
    expect(r.failure!.message.length).toBeGreaterThan(10);
    expect(await count()).toBe(before);
    const run = (await deps.db.query<{ status: string }>('SELECT status FROM import_runs WHERE id = $1', [r.runId])).rows[0]!;
    expect(run.status).toBe('failed');
  });

  it('records one audit entry per import with the file digest', async () => {
    const r = await imp(CSV(['nip,nama,jenis', '196803031990031005,Audit Check,PNS']));
    const a = (await deps.db.query<{ details: { runId: string; fileSha256: string; inserted: number } }>(
      "SELECT details FROM audit_events WHERE action = 'employees.imported' ORDER BY seq DESC LIMIT 1",
    )).rows[0]!;
    const details = typeof a.details === 'string' ? JSON.parse(a.details) : a.details;
    expect(details).toMatchObject({ runId: r.runId, inserted: 1 });
    expect(details.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** Re-imports, file layouts found in agencies, and files with many errors (each on its own agency). */
describe.each(DB_KINDS)('employee re-import and real-world files on %s', (kind) => {
  let deps: Deps;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
  });
  afterAll(() => drop());

  const newAgency = async (name: string) => (await createAgency(deps, 'system', SYSTEM, { name, regionCode: '36.04' })).id;
  async function imp(agencyId: string, content: string | Buffer, opts: { dryRun?: boolean; skipInvalid?: boolean } = {}) {
    const options = { dryRun: !!opts.dryRun, skipInvalid: !!opts.skipInvalid };
    const runId = await startImportRun(deps.db, { agencyId, actor: SYSTEM, fileName: 'f', options });
    return runImport(deps, { runId, agencyId, agencyRegion: '36.04', actor: SYSTEM, principal: 'system', source: { stream: Readable.from([Buffer.from(content)]), fileName: 'f' }, options });
  }
  type Stored = { key: string; name: string; position: string | null; echelon: string | null; rank: string | null; active: boolean; unit: string | null; region_code: string };
  const stored = async (agencyId: string) =>
    (await deps.db.query<Stored>(
      `SELECT coalesce(e.nip, e.internal_id) AS key, e.name, e.position, e.echelon, e.rank, e.active, u.path AS unit, e.region_code
         FROM employees e LEFT JOIN units u ON u.id = e.unit_id WHERE e.agency_id = $1 ORDER BY 1`,
      [agencyId],
    )).rows;
  const one = async (agencyId: string, key: string) => (await stored(agencyId)).find((e) => e.key === key);
  const units = async (agencyId: string) => (await deps.db.query<{ path: string }>('SELECT path FROM units WHERE agency_id = $1 ORDER BY path', [agencyId])).rows.map((u) => u.path);

  it('keeps position, unit, echelon and rank when a re-import lacks those columns or leaves them blank', async () => {
    const agency = await newAgency('Pemerintah Kabupaten Serang');
    const full = CSV([
      'nip,nama,jenis,jabatan,unit,eselon,golongan',
      '198805052014031003,Ahmad Sutisna,PNS,Kepala Seksi,Dinas Pendidikan / Bidang SD,IV.a,III/c',
      'THL-0100,Ujang,NON_ASN,Pengemudi,Dinas Pendidikan,,',
    ]);
    expect((await imp(agency, full)).summary).toMatchObject({ inserted: 2, rejected: 0 });
    const before = await stored(agency);
    expect(before[0]).toMatchObject({ position: 'Kepala Seksi', unit: 'Dinas Pendidikan / Bidang SD', echelon: 'IV.a', rank: 'III/c' });

    const lean = await imp(agency, CSV(['nip,nama,jenis', '198805052014031003,Ahmad Sutisna,PNS', 'THL-0100,Ujang,NON_ASN']));
    expect(lean.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(await stored(agency)).toEqual(before);
    const blank = await imp(agency, CSV(['nip,nama,jenis,jabatan,unit,eselon,golongan', '198805052014031003,Ahmad Sutisna,PNS,,,,', 'THL-0100,Ujang,NON_ASN, ,,,']));
    expect(blank.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(await stored(agency)).toEqual(before);

    // the same file again changes nothing; a real change is counted once and touches only its column
    expect((await imp(agency, full)).summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const promoted = await imp(agency, CSV(['nip,nama,jenis,golongan', '198805052014031003,Ahmad Sutisna,PNS,III/d', 'THL-0100,Ujang,NON_ASN,']));
    expect(promoted.summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await one(agency, '198805052014031003')).toEqual({ ...before[0], rank: 'III/d' });
  });

  it('keeps an employee who left inactive when a file without a status column is imported again', async () => {
    const agency = await newAgency('Pemerintah Kabupaten Serang II');
    const siasn = await imp(agency, CSV([
      'NIP_BARU,NAMA,JENIS_PEGAWAI_NAMA,KEDUDUKAN_HUKUM_NAMA',
      '197901012005012001,Sri Rahayu,PNS,Pensiun',
      '198202022008011004,Rina Marlina,PNS,Aktif',
    ]));
    expect(siasn.summary).toMatchObject({ inserted: 2, rejected: 0 });
    const canonical = await imp(agency, CSV([
      'nip,nama,jenis,jabatan,unit',
      '197901012005012001,Sri Rahayu,PNS,Guru,',
      '198202022008011004,Rina Marlina,PNS,Guru,',
      '198303032009032005,Dewi Lestari,PNS,Guru,',
    ]));
    expect(canonical.summary).toMatchObject({ inserted: 1, updated: 2, rejected: 0 });
    const active = async () => Object.fromEntries((await stored(agency)).map((e) => [e.key, e.active]));
    // a new employee defaults to active
    expect(await active()).toEqual({ '197901012005012001': false, '198202022008011004': true, '198303032009032005': true });
    // a blank status cell keeps the flag too; a status that is written changes it
    expect((await imp(agency, CSV(['nip,nama,jenis,aktif', '197901012005012001,Sri Rahayu,PNS,']))).summary).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await active())['197901012005012001']).toBe(false);
    expect((await imp(agency, CSV(['nip,nama,jenis,aktif', '197901012005012001,Sri Rahayu,PNS,ya']))).summary).toMatchObject({ updated: 1 });
    expect((await active())['197901012005012001']).toBe(true);
  });

  it('imports a name with double quotes as written, and names the line of a malformed CSV', async () => {
    const agency = await newAgency('Pemerintah Kabupaten Serang III');
    const r = await imp(agency, CSV(['nip,nama,jenis', '198404042010011006,Ahmad "Dede" Sutisna,PNS']));
    expect(r.status, JSON.stringify(r.failure)).toBe('succeeded');
    expect((await one(agency, '198404042010011006'))!.name).toBe('Ahmad "Dede" Sutisna');
    const broken = await imp(agency, 'nip,nama,jenis\n198404042010011006,Ahmad,PNS\n198505052011012007,"Budi,PNS\n');
    expect(broken.failure).toMatchObject({ code: 'FILE_MALFORMED' });
    expect(broken.failure!.message).toMatch(/line 3/);
  });

  it('re-imports its own CSV and XLSX export unchanged; CSV cells keep their formula guard', async () => {
    const agency = await newAgency('Pemerintah Kabupaten Serang IV');
    const r = await imp(agency, CSV([
      'nip,nama,jenis,jabatan,unit,eselon,golongan,aktif',
      // Excel's text marker before a NIP, and values a spreadsheet would run as formulas or that agencies write for "none"
      "'198505052011012007,@Budi Santoso,PNS,-,Dinas Pendidikan,=1+1,+III/a,ya",
      "198606062012011008,-Tanda,PNS,=SUM(A1),Dinas Pendidikan / SD NEGERI 1/II CIRUAS,-,,tidak",
      "THL-0200,Ujang,NON_ASN,''=x,,,,",
    ]));
    expect(r.summary, JSON.stringify(r.summary?.errors)).toMatchObject({ inserted: 3, rejected: 0 });
    const before = await stored(agency);
    expect(before.map((e) => [e.key, e.name, e.position, e.echelon, e.rank])).toEqual([
      ['198505052011012007', '@Budi Santoso', '-', '=1+1', '+III/a'],
      ['198606062012011008', '-Tanda', '=SUM(A1)', '-', null],
      ['THL-0200', 'Ujang', "'=x", null, null],
    ]);
    expect(await units(agency)).toEqual(['Dinas Pendidikan', 'Dinas Pendidikan / SD NEGERI 1/II CIRUAS']);
    for (const write of [writeCsv, writeXlsx]) {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await write(exportEmployees(deps, SYSTEM_PRINCIPAL, { agencyId: agency }), out);
      const file = Buffer.concat(chunks);
      if (write === writeCsv) expect(file.toString('utf8')).toContain("'=SUM(A1)");
      const again = await imp(agency, file);
      expect(again.summary, write.name).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
      expect(await stored(agency)).toEqual(before);
      expect(await units(agency)).toEqual(['Dinas Pendidikan', 'Dinas Pendidikan / SD NEGERI 1/II CIRUAS']);
    }
  });

  it('keeps a SIASN unit name with "/" as one unit under its parent', async () => {
    const agency = await newAgency('Pemerintah Kabupaten Serang V');
    const r = await imp(agency, CSV([
      'NIP_BARU;NAMA;JENIS_PEGAWAI_NAMA;UNOR_INDUK_NAMA;UNOR_NAMA',
      '199001012015031008;Guru Satu;PNS;Dinas Pendidikan;SD NEGERI 1/II CIRUAS',
    ]));
    expect(r.summary).toMatchObject({ inserted: 1, rejected: 0 });
    expect(await units(agency)).toEqual(['Dinas Pendidikan', 'Dinas Pendidikan / SD NEGERI 1/II CIRUAS']);
  });

  it('reads OPD and Unit Kerja as a unit path, and finds the header below title rows in CSV', async () => {
    const agency = await newAgency('Pemerintah Kabupaten Serang VI');
    const r = await imp(agency, CSV(['NIP,Nama,Jenis,OPD,Unit Kerja', '199102022016032009,Sari Puspita,PNS,Dinas Kesehatan,Puskesmas Ciruas']));
    expect(r.summary, r.failure?.message).toMatchObject({ inserted: 1, rejected: 0 });
    expect((await one(agency, '199102022016032009'))!.unit).toBe('Dinas Kesehatan / Puskesmas Ciruas');
    const titled = await imp(agency, CSV([
      'DAFTAR PEGAWAI DINAS KESEHATAN',
      'Keadaan per 1 Januari 2026',
      '',
      'NIP;Nama;Jenis;Jabatan',
      '199203032017031010;Bayu Nugraha;PNS;Perawat',
      '198609262031131001;Salah TMT;PNS;Perawat',
    ]), { skipInvalid: true });
    expect(titled.summary, titled.failure?.message).toMatchObject({ inserted: 1, rejected: 1 });
    expect(titled.summary!.errors.map((e) => [e.row, e.code])).toEqual([[6, 'NIP_TMT']]);
  });

  it('finds the data sheet and its header below title rows in XLSX', async () => {
    const agency = await newAgency('Pemerintah Kabupaten Serang VII');
    const wb = new ExcelJS.Workbook();
    const help = wb.addWorksheet('Petunjuk');
    help.addRows([['Petunjuk pengisian'], ['Kolom', 'Keterangan'], ['nip', '18 digit, format kolom Teks'], ['nama', 'nama lengkap'], ['jenis', 'PNS, PPPK atau NON_ASN']]);
    const ws = wb.addWorksheet('Data');
    ws.addRow(['DAFTAR PEGAWAI PEMERINTAH KABUPATEN SERANG']);
    ws.mergeCells('A1:E1');
    ws.addRow(['Keadaan per 1 Januari 2026']);
    ws.addRow([]);
    ws.addRow(['NIP', 'Nama', 'Jenis', 'Jabatan', 'Unit Kerja']);
    ws.addRow(['199304042021242011', 'Nina Kurnia', 'PPPK', 'Guru', 'SD NEGERI 1/II CIRUAS']);
    ws.addRow(['198609262031131001', 'Salah TMT', 'PNS', '', '']);
    const r = await imp(agency, Buffer.from(await wb.xlsx.writeBuffer()), { skipInvalid: true });
    expect(r.summary, JSON.stringify(r.summary?.errors ?? r.failure)).toMatchObject({ inserted: 1, rejected: 1 });
    expect(r.summary!.errors.map((e) => [e.row, e.code])).toEqual([[6, 'NIP_TMT']]);
    expect(await units(agency)).toEqual(['SD NEGERI 1/II CIRUAS']);
  });

  it('lists the units an import creates, before (dry run, rejected file) and after, with the unit a misspelling was meant to be', async () => {
    const agency = await newAgency('Pemerintah Kabupaten Serang IX');
    const first = await imp(agency, CSV([
      'nip,nama,jenis,unit',
      '199506062020121013,Asep Sunandar,PNS,Dinas Sosial / Sekretariat',
      '199607072021031014,Euis Komariah,PNS,Dinas Sosial / Sekretariat',
      '199708082022032015,Dadang Hermawan,PNS,Dinas Pendidikan',
    ]));
    expect(first.summary!.newUnits).toEqual([
      { path: 'Dinas Pendidikan', firstRow: 4, rows: 1, suggestion: null },
      { path: 'Dinas Sosial', firstRow: 2, rows: 0, suggestion: null },
      { path: 'Dinas Sosial / Sekretariat', firstRow: 2, rows: 2, suggestion: null },
    ]);
    expect(await units(agency)).toEqual(['Dinas Pendidikan', 'Dinas Sosial', 'Dinas Sosial / Sekretariat']);

    // the tester's file: a misspelt unit and a path written without spaces around "/"
    const slips = CSV([
      'nip,nama,jenis,unit',
      '199809092023211016,Rina Nuraeni,PPPK,Dinas Sosal',
      '199506062020121013,Asep Sunandar,PNS,Dinas Sosial/Sekretariat',
      '199607072021031014,Euis Komariah,PNS,dinas sosial / sekretariat',
    ]);
    const planned = [
      { path: 'Dinas Sosal', firstRow: 2, rows: 1, suggestion: 'Dinas Sosial' },
      { path: 'Dinas Sosial/Sekretariat', firstRow: 3, rows: 1, suggestion: 'Dinas Sosial / Sekretariat' },
    ];
    const dry = await imp(agency, slips, { dryRun: true });
    expect(dry.status).toBe('succeeded');
    expect(dry.summary).toMatchObject({ inserted: 1, updated: 1, unchanged: 1, newUnits: planned });
    expect(await units(agency)).toEqual(['Dinas Pendidikan', 'Dinas Sosial', 'Dinas Sosial / Sekretariat']);
    // a file rejected for another row lists them too, so one round of corrections is enough
    const rejected = await imp(agency, slips + '198609262031131001,Salah TMT,PNS,\n');
    expect(rejected.status).toBe('rejected');
    expect(rejected.summary).toMatchObject({ inserted: 0, rejected: 1, newUnits: planned });
    expect(await units(agency)).toEqual(['Dinas Pendidikan', 'Dinas Sosial', 'Dinas Sosial / Sekretariat']);
    // kept with the run, for the page that polls it
    const run = (await deps.db.query<{ summary: string | { newUnits: unknown } }>('SELECT summary FROM import_runs WHERE id = $1', [dry.runId])).rows[0]!;
    expect((typeof run.summary === 'string' ? JSON.parse(run.summary) : run.summary).newUnits).toEqual(planned);

    // the corrected file creates nothing, and its summary keeps the documented shape
    const fixed = await imp(agency, slips.replace('Dinas Sosal', 'Dinas Sosial').replace('Sosial/Sekretariat', 'Sosial / Sekretariat'));
    expect(fixed.summary).toEqual({ inserted: 1, updated: 0, unchanged: 2, rejected: 0, errors: [] });
    expect(await units(agency)).toEqual(['Dinas Pendidikan', 'Dinas Sosial', 'Dinas Sosial / Sekretariat']);
  });

  it('lists the first 1,000 errors by row and counts the rest', async () => {
    const agency = await newAgency('Pemerintah Kabupaten Serang VIII');
    const lines = ['nip,nama,jenis', '199405052019031012,Valid Satu,PNS', '199405052019031012,Duplikat,PNS'];
    for (let i = 0; i < 1200; i++) lines.push(`198609262031131001,Salah ${i},PNS`);
    const r = await imp(agency, CSV(lines));
    expect(r.status).toBe('rejected');
    const s = r.summary!;
    expect(s).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, rejected: 1201, errorCount: 1201, moreErrors: 201, errorCodes: { DUPLICATE_IN_FILE: 1, NIP_TMT: 1200 } });
    expect(s.errors).toHaveLength(1000);
    expect(s.errors[0]).toMatchObject({ row: 3, code: 'DUPLICATE_IN_FILE' });
    expect(s.errors[999]).toMatchObject({ row: 1002, code: 'NIP_TMT' });
    const run = (await deps.db.query<{ summary: string | { errors: unknown[]; moreErrors: number } }>('SELECT summary FROM import_runs WHERE id = $1', [r.runId])).rows[0]!;
    const saved = typeof run.summary === 'string' ? JSON.parse(run.summary) : run.summary;
    expect(saved.errors).toHaveLength(1000);
    expect(saved.moreErrors).toBe(201);
  });
});
