import fs from 'node:fs';
import os from 'node:os';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYEE_SORTS, EmployeeQuery } from '@netra/contracts';
import { DB_KINDS, addUser, freshDb, makeDeps, signIn, SYSTEM, SYSTEM_PRINCIPAL, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { exportEmployees } from './employees.service.ts';
import { runImport, startImportRun } from './import.service.ts';

describe.each(DB_KINDS)('registry endpoints on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let agency: string;
  let s: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
    agency = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    await addUser(deps, 'kesbangpol', 'agency_admin', { agencyId: agency });
    app = await buildApp(deps);
    s = await signIn(app, 'kesbangpol');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('creates an employee and explains which part of a bad NIP is wrong', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/v1/employees', ...s, payload: { agencyId: agency, employmentType: 'PNS', nip: '198609262031131001', name: 'Budi' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'NIP_TMT', message: { en: 'NIP digits 9-14: TMT 2031-13 is not a month' } });
    const ok = await app.inject({
      method: 'POST', url: '/api/v1/employees', ...s,
      payload: { agencyId: agency, employmentType: 'PNS', nip: '19860926 201505 1 001', name: 'Budi Santoso', position: 'Camat', contact: { email: 'budi@example.go.id', nik: '3275011209860001' } },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ nip: '198609262015051001', allowedActions: ['edit', 'view_contact'] });
    const dup = await app.inject({ method: 'POST', url: '/api/v1/employees', ...s, payload: { agencyId: agency, employmentType: 'PNS', nip: '198609262015051001', name: 'Lagi' } });
    expect(dup.statusCode).toBe(409);
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/employees/${ok.json().id}`, ...s, payload: { position: '' } });
    expect(patched.json().position).toBeNull();
    const before = (await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'employee.updated'")).rows[0]!.n;
    expect(before).toBe(1);
  });

  it('exports CSV and XLSX that re-import as a no-op', async () => {
    const options = { dryRun: false, skipInvalid: false };
    const csvIn = 'nip,nama,jenis,jabatan,unit\n197001011995032002,"=HYPERLINK(""x"")",PNS,Staf,Dinas Pendidikan / Bidang SD\nTHL-9,Ujang,NON_ASN,Pengemudi,Dinas Pendidikan\n';
    const run = async (content: Buffer | string) => {
      const runId = await startImportRun(deps.db, { agencyId: agency, actor: SYSTEM, fileName: 'x', options });
      return runImport(deps, { runId, agencyId: agency, agencyRegion: '32.75', actor: SYSTEM, principal: 'system', source: { stream: Readable.from([Buffer.from(content)]), fileName: 'x' }, options });
    };
    expect((await run(csvIn)).summary).toMatchObject({ inserted: 2 });
    const csv = await app.inject({ method: 'GET', url: `/api/v1/employees/export?format=csv&agencyId=${agency}`, ...s });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="pegawai-.*\.csv"/);
    // Excel reads UTF-8 only with the byte order mark (names such as "Sutisna Ẹ" stay whole); the web says to use XLSX for Excel
    expect(csv.body.startsWith('\ufeffnip,nama,jenis,jabatan,unit,')).toBe(true);
    // formula injection is neutralised for spreadsheet programs
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    const xlsx = await app.inject({ method: 'GET', url: `/api/v1/employees/export?format=xlsx&agencyId=${agency}`, ...s });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['nip', 'nama', 'jenis', 'jabatan', 'unit']));
    const nips = [];
    for (let i = 2; i <= ws.rowCount; i++) nips.push(String(ws.getRow(i).getCell(1).value));
    expect(nips.sort()).toEqual(['197001011995032002', '198609262015051001', 'THL-9']);
    const back = await run(xlsx.rawPayload);
    expect(back.summary).toMatchObject({ inserted: 0, rejected: 0 });
    const backCsv = await run(csv.rawPayload);
    expect(backCsv.summary).toMatchObject({ inserted: 0, rejected: 0 });
  });

  it('runs an upload end to end: 202, then the run finishes with a summary', async () => {
    const payload = '--b\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\nnip,nama,jenis\r\n196803031990031005,Upload Check,PNS\r\n--b--\r\n';
    const res = await app.inject({ method: 'POST', url: `/api/v1/agencies/${agency}/imports`, cookies: s.cookies, headers: { ...s.headers, 'content-type': 'multipart/form-data; boundary=b' }, payload });
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    let run = res.json();
    for (let i = 0; i < 100 && run.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = (await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, ...s })).json();
    }
    expect(run).toMatchObject({ status: 'succeeded', bytesRead: run.bytesTotal, summary: { inserted: 1 } });
    expect(run.bytesTotal).toBeGreaterThan(0);
  });

  it('stores an upload name without control characters or a path, and leaves no spooled file behind', async () => {
    const spooled = () => fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('netra-import-')).length;
    const before = spooled();
    const payload = '--b\r\nContent-Disposition: form-data; name="file"; filename="..\\x/da\u0000ta\u202e.csv"\r\nContent-Type: text/csv\r\n\r\nnip,nama,jenis\r\n196803031990031005,Upload Check,PNS\r\n--b--\r\n';
    const res = await app.inject({ method: 'POST', url: `/api/v1/agencies/${agency}/imports?dryRun=true`, cookies: s.cookies, headers: { ...s.headers, 'content-type': 'multipart/form-data; boundary=b' }, payload });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().fileName).toBe('data.csv');
    await expect.poll(async () => (await app.inject({ method: 'GET', url: `/api/v1/imports/${res.json().id}`, ...s })).json().status).toBe('succeeded');
    await expect.poll(spooled).toBe(before);
  });

  it('offers every row error as a CSV report, only to those who may see the run', async () => {
    const lines = ['nip,nama,jenis', ...Array.from({ length: 1100 }, (_v, i) => `198609262031131001,"=Salah ${i}",PNS`)];
    const payload = `--b\r\nContent-Disposition: form-data; name="file"; filename="salah.csv"\r\nContent-Type: text/csv\r\n\r\n${lines.join('\r\n')}\r\n--b--\r\n`;
    const res = await app.inject({ method: 'POST', url: `/api/v1/agencies/${agency}/imports`, cookies: s.cookies, headers: { ...s.headers, 'content-type': 'multipart/form-data; boundary=b' }, payload });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;
    await expect.poll(async () => (await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, ...s })).json().status, { timeout: 30_000 }).toBe('rejected');
    const run = (await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, ...s })).json();
    expect(run).toMatchObject({ errorReport: true, summary: { rejected: 1100, errorCount: 1100, moreErrors: 100 } });
    expect(run.summary.errors).toHaveLength(1000);
    const report = await app.inject({ method: 'GET', url: `/api/v1/imports/${id}/errors.csv`, ...s });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    expect(report.headers['content-disposition']).toMatch(/attachment; filename=".*\.csv"/);
    const rows = report.body.replace(/^\ufeff/, '').trim().split('\n');
    // the message in both languages comes before the code
    expect(rows[0]).toBe('baris,kolom,pesan,message,kode');
    expect(rows).toHaveLength(1101);
    expect(rows[1]).toMatch(/^2,nip,NIP digit 9-14: .*,NIP digits 9-14: .*,NIP_TMT$/);
    expect(rows[1100]).toMatch(/^1101,nip,.*,NIP_TMT$/);
    // kept with the run in the database, not in one server's temporary folder: a restart or another API server still serves it
    expect(Number((await deps.db.query<{ n: string }>('SELECT count(*) AS n FROM import_run_errors WHERE run_id = $1', [id])).rows[0]!.n)).toBe(1100);
    // a report past its 30 days goes when the next one is kept; the run stays, with its summary
    await deps.db.query("UPDATE import_runs SET started_at = started_at - interval '31 days' WHERE id = $1", [id]);
    const again = await app.inject({ method: 'POST', url: `/api/v1/agencies/${agency}/imports`, cookies: s.cookies, headers: { ...s.headers, 'content-type': 'multipart/form-data; boundary=b' }, payload: payload.replace(/Salah \d+/g, 'Lagi') });
    await expect.poll(async () => (await app.inject({ method: 'GET', url: `/api/v1/imports/${again.json().id}`, ...s })).json().status, { timeout: 30_000 }).toBe('rejected');
    const expired = (await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, ...s })).json();
    expect(expired).toMatchObject({ errorReport: false, summary: { rejected: 1100 } });
    const gone = await app.inject({ method: 'GET', url: `/api/v1/imports/${id}/errors.csv`, ...s });
    expect([gone.statusCode, gone.json().code]).toEqual([404, 'IMPORT_REPORT_GONE']);
    expect((await app.inject({ method: 'GET', url: `/api/v1/imports/${again.json().id}/errors.csv`, ...s })).statusCode).toBe(200);
    // another agency's admin does not learn the run exists
    const serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
    await addUser(deps, 'kesbangpol.serang', 'agency_admin', { agencyId: serang });
    const other = await signIn(app, 'kesbangpol.serang');
    expect((await app.inject({ method: 'GET', url: `/api/v1/imports/${id}/errors.csv`, ...other })).statusCode).toBe(404);
  });

  it('rate-limits sign-in attempts', async () => {
    let last = 0;
    for (let i = 0; i < 25; i++) last = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } })).statusCode;
    expect(last).toBe(429);
  });

  it('refuses an employee name of invisible or control characters', async () => {
    for (const name of ['\u200b', 'Bu\u0001di', '\u202eBudi']) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/employees', ...s, payload: { agencyId: agency, employmentType: 'PNS', nip: '197203152000031002', name } });
      expect([r.statusCode, r.json().errors?.[0]?.path], JSON.stringify(name)).toEqual([400, 'body.name']);
    }
  });

  it('changes only the fields a PATCH sends: an inactive employee stays inactive when their position changes', async () => {
    const e = await app.inject({ method: 'POST', url: '/api/v1/employees', ...s, payload: { agencyId: agency, employmentType: 'PNS', nip: '197203152000031002', name: 'Sri Wahyuni' } });
    expect(e.statusCode).toBe(201);
    const off = await app.inject({ method: 'PATCH', url: `/api/v1/employees/${e.json().id}`, ...s, payload: { active: false } });
    expect(off.json().active).toBe(false);
    const moved = await app.inject({ method: 'PATCH', url: `/api/v1/employees/${e.json().id}`, ...s, payload: { position: 'Staf Ahli' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ active: false, position: 'Staf Ahli' });
  });
  it('refuses a PATCH of a field it does not change, naming the field, and still takes the edit form\'s fields', async () => {
    const e = await app.inject({ method: 'POST', url: '/api/v1/employees', ...s, payload: { agencyId: agency, employmentType: 'PNS', nip: '197404042001121004', name: 'Yusuf Maulana' } });
    expect(e.statusCode).toBe(201);
    const url = `/api/v1/employees/${e.json().id}`;
    const nip = await app.inject({ method: 'PATCH', url, ...s, payload: { nip: '123' } });
    expect(nip.statusCode).toBe(400);
    expect(nip.json().errors).toEqual([{
      path: 'body.nip',
      message: 'cannot be changed here: NIP/NI, internal id, employment type and agency stay as registered',
      messageId: 'tidak dapat diubah di sini: NIP/NI, nomor induk internal, jenis pegawai dan instansi tetap seperti saat didaftarkan',
    }]);
    for (const payload of [{ employmentType: 'PPPK' }, { agencyId: agency }, { internalId: 'X-1' }]) {
      const r = await app.inject({ method: 'PATCH', url, ...s, payload });
      expect([r.statusCode, r.json().errors?.[0]?.path]).toEqual([400, `body.${Object.keys(payload)[0]}`]);
    }
    // a field the employee does not have at all is named too, and nothing of the request is written
    const unknown = await app.inject({ method: 'PATCH', url, ...s, payload: { position: 'Kepala Seksi', jabatan: 'Kepala Seksi' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message.en).toContain('"jabatan"');
    expect(unknown.json().message.id).toContain('"jabatan"');
    expect((await app.inject({ method: 'GET', url, ...s })).json()).toMatchObject({ nip: '197404042001121004', employmentType: 'PNS', position: null });
    // what the web edit form sends
    const edit = await app.inject({ method: 'PATCH', url, ...s, payload: { name: 'Yusuf Maulana, S.E.', position: 'Kepala Seksi', echelon: '', rank: 'III/d', unitId: null, active: false } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ name: 'Yusuf Maulana, S.E.', position: 'Kepala Seksi', rank: 'III/d', active: false });
  });

  it('exports in the order and with the filters of the list, for every sort, across keyset pages', async () => {
    const options = { dryRun: false, skipInvalid: false };
    const lines = ['nip,nama,jenis,jabatan'];
    // equal names and (one import, one transaction) equal update times: the id decides, as in the list
    for (let i = 0; i < 14; i++) lines.push(`1975060${(i % 9) + 1}2000${i % 2 ? '03' : '12'}1${String(i + 1).padStart(3, '0')},${['Ani', 'Budi', 'Citra'][i % 3]} Urut,PNS,Staf`);
    for (let i = 0; i < 5; i++) lines.push(`THL-URUT-${i},Budi Urut,NON_ASN,Pengemudi`);
    const runId = await startImportRun(deps.db, { agencyId: agency, actor: SYSTEM, fileName: 'x', options });
    const imported = await runImport(deps, { runId, agencyId: agency, agencyRegion: '32.75', actor: SYSTEM, principal: 'system', source: { stream: Readable.from([Buffer.from(lines.join('\n'))]), fileName: 'x' }, options });
    expect(imported.summary, JSON.stringify(imported.summary?.errors)).toMatchObject({ inserted: 19, rejected: 0 });
    for (const filter of [`agencyId=${agency}`, 'q=Urut', 'type=NON_ASN']) {
      for (const sort of EMPLOYEE_SORTS) {
        const list = (await app.inject({ method: 'GET', url: `/api/v1/employees?${filter}&sort=${sort}&pageSize=200`, ...s })).json() as { items: { id: string; nip: string | null; internalId: string | null }[]; total: number };
        expect(list.total).toBeLessThanOrEqual(200);
        const query = EmployeeQuery.parse(Object.fromEntries(new URLSearchParams(`${filter}&sort=${sort}`)));
        const exported = [];
        for await (const e of exportEmployees(deps, SYSTEM_PRINCIPAL, query, 4)) exported.push(e.id);
        expect(exported, `${filter} ${sort}`).toEqual(list.items.map((e) => e.id));
        // the download of the screen: its filters and order
        const csv = await app.inject({ method: 'GET', url: `/api/v1/employees/export?format=csv&${filter}&sort=${sort}`, ...s });
        const keys = csv.body.replace(/^\ufeff/, '').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
        expect(keys, `${filter} ${sort}`).toEqual(list.items.map((e) => e.nip ?? e.internalId));
      }
    }
  });

  it('finds a non-ASN employee by an internal id holding LIKE wildcards (_ and %)', async () => {
    const e = await app.inject({ method: 'POST', url: '/api/v1/employees', ...s, payload: { agencyId: agency, employmentType: 'NON_ASN', internalId: 'THL_777', name: 'Asep Saepudin' } });
    expect(e.statusCode).toBe(201);
    const found = (await app.inject({ method: 'GET', url: '/api/v1/employees?q=THL_777', ...s })).json();
    expect(found.items.map((x: { internalId: string }) => x.internalId)).toEqual(['THL_777']);
  });
});
