/**
 * `netra export employees` and `netra import candidates` as real processes against both engines:
 * the files they write parse back, contact data never leaves, malformed lists write nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, insertUnit } from '../src/modules/agencies/agencies.service.ts';
import { createEmployee } from '../src/modules/registry/employees.service.ts';
import { EXPORT_COLUMNS } from '../src/modules/registry/export-writers.ts';
import { openCliDb, type CliDb } from './cli-db.ts';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, runNetra, type DbKind } from './harness.ts';

const HEADERS = EXPORT_COLUMNS.map((c) => c.header);
const CONTACT_HEADER = /mail|surel|phone|telep|telp|hp|whatsapp|nik|kependudukan|contact|kontak/i;
const CONTACTS = ['camat@bekasikota.go.id', '+6281234567890', '3275011209860001', 'staf@bekasikota.go.id', '+6289876543210', '3275015209860001', 'lain@serangkab.go.id'];

type Call = () => Promise<{ code: number; stdout: string; stderr: string }>;

/**
 * PostgreSQL takes concurrent processes; the embedded data directory one at a time, so there the
 * engine-independent variants (marked `serverOnly`: same SQL, another file format or list kind, or
 * a failure before the database) are left out to keep the run short.
 */
async function runEach(kind: DbKind, calls: (Call | { serverOnly: Call })[]) {
  if (kind === 'postgres') return Promise.all(calls.map((c) => ('serverOnly' in c ? c.serverOnly() : c())));
  const out = [];
  for (const c of calls) if (!('serverOnly' in c)) out.push(await c());
  return out;
}

describe.each(DB_KINDS)('netra export employees and import candidates on %s', (kind) => {
  let db: CliDb;
  let kota: string;
  const netra = (...args: string[]): Call => () => runNetra(args, db.env);
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(db.dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => {
    db = await openCliDb(kind, async (deps) => {
      kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
      const serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
      const unit = await deps.db.transaction((tx) => insertUnit(tx, kota, { name: 'Kecamatan Bekasi Barat', kind: 'kecamatan', regionCode: '32.75.01' }));
      const add = (input: Omit<Parameters<typeof createEmployee>[3], 'active'>) => createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { active: true, ...input });
      await add({ agencyId: kota, unitId: unit.id, employmentType: 'PNS', nip: '197505052000031004', name: 'Drs. Camat Contoh', position: 'Camat', rank: 'IV/a',
        contact: { email: CONTACTS[0], phone: CONTACTS[1], nik: CONTACTS[2] } });
      await add({ agencyId: kota, unitId: unit.id, employmentType: 'PNS', nip: '198002022005031006', name: 'Staf Barat', position: '=HYPERLINK("http://x.test")',
        contact: { email: CONTACTS[3], phone: CONTACTS[4], nik: CONTACTS[5] } });
      await add({ agencyId: serang, employmentType: 'PNS', nip: '197002022000031005', name: 'Camat Lain', position: 'Camat', contact: { email: CONTACTS[6] } });
    });
  });
  afterAll(() => db.drop());

  it('exports CSV and XLSX that parse back to the registry rows, without contact data', async () => {
    const csvOut = path.join(db.dir, 'pegawai.csv');
    const xlsxOut = path.join(db.dir, 'pegawai-kota.xlsx');
    const [csvRun, xlsxRun] = await runEach(kind, [
      netra('export', 'employees', '--format', 'csv', '--out', csvOut),
      { serverOnly: netra('export', 'employees', '--format', 'xlsx', '--agency', kota, '--out', xlsxOut) },
    ]);
    expect(csvRun, csvRun!.stderr).toMatchObject({ code: 0, stdout: `Exported 3 employees to ${csvOut}\n` });

    const csvText = fs.readFileSync(csvOut, 'utf8');
    const [header, ...rows] = parse(csvText, { bom: true }) as string[][];
    expect(header).toEqual(HEADERS);
    expect(header!.filter((h) => CONTACT_HEADER.test(h))).toEqual([]);
    const byNip = Object.fromEntries(rows.map((r) => [r[0], Object.fromEntries(HEADERS.map((h, i) => [h, r[i]]))]));
    expect(Object.keys(byNip).sort()).toEqual(['197002022000031005', '197505052000031004', '198002022005031006']);
    expect(byNip['197505052000031004']).toMatchObject({ nama: 'Drs. Camat Contoh', jenis: 'PNS', jabatan: 'Camat', unit: 'Kecamatan Bekasi Barat', golongan: 'IV/a', aktif: 'ya', instansi: 'Pemerintah Kota Bekasi', kode_wilayah: '32.75.01' });
    expect(byNip['197002022000031005']).toMatchObject({ unit: '', instansi: 'Pemerintah Kabupaten Serang', kode_wilayah: '36.04' });
    // a cell a spreadsheet would run as a formula is neutralised
    expect(byNip['198002022005031006']!.jabatan).toBe(`'=HYPERLINK("http://x.test")`);
    for (const secret of CONTACTS) expect(csvText).not.toContain(secret);
    // an export of personal data is on the audit trail, as from the web
    expect(await count("audit_events WHERE action = 'employees.exported'")).toBe(kind === 'embedded' ? 1 : 2);
    if (kind === 'embedded') return;

    expect(xlsxRun, xlsxRun!.stderr).toMatchObject({ code: 0, stdout: `Exported 2 employees to ${xlsxOut}\n` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxOut);
    const ws = wb.getWorksheet('Pegawai')!;
    const values = ws.getSheetValues().filter(Boolean).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(values[0]).toEqual(HEADERS);
    expect(values.slice(1).map((r) => r[0]).sort()).toEqual(['197505052000031004', '198002022005031006']);
    // NIPs stay text (18 digits do not survive as a spreadsheet number)
    expect(typeof ws.getCell('A2').value).toBe('string');
    expect(values.slice(1).every((r) => r[8] === 'Pemerintah Kota Bekasi')).toBe(true);

    const xlsxText = JSON.stringify(values);
    for (const secret of CONTACTS) expect(xlsxText).not.toContain(secret);
  });

  it('imports parties, DCT candidates and pairs; a malformed list exits non-zero and writes nothing', async () => {
    const party = file('partai.csv', 'Nomor Urut,Nama Partai,Singkatan\n1,Partai Kebangkitan Bangsa,PKB\n2,Partai Gerakan Indonesia Raya,GERINDRA\n3,Partai Demokrasi Indonesia Perjuangan,PDIP\n');
    const dct = file('dct.csv', 'Nama Calon;Nomor Urut Partai;Dapil;Kode Wilayah;Nomor Urut;Lembaga\nAhmad Calon;1;Kota Bekasi 1;32.75;1;DPRD Kota\nBudi Calon;1;Kota Bekasi 1;32.75;2;DPRD Kota\nCitra Senator;;Jawa Barat;32;3;DPD\n');
    const pairs = file('paslon.csv', 'Nomor Urut,Nama Calon,Nama Wakil,Kode Wilayah\n1,Calon Satu,Wakil Satu,32.75\n2,Calon Dua,Wakil Dua,32.75\n');
    const badParty = file('partai-rusak.csv', 'Nomor Urut,Nama Partai,Singkatan\n7,Partai Valid,PV\nx,Partai Salah,PS\n8,Partai Kembar,pv\n');
    const png = file('foto.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const imp = (f: string, election: string, k: string, ...more: string[]) => netra('import', 'candidates', f, '--election', election, '--kind', k, ...more);

    const server = kind === 'postgres';
    const first = await runEach(kind, [imp(dct, 'pemilu-2024', 'legislative'), { serverOnly: imp(party, 'pemilu-2024', 'party', '--json') }, { serverOnly: imp(pairs, 'pilkada-2024', 'pair', '--json') }]);
    expect(first.map((r) => r.code), JSON.stringify(first)).toEqual(server ? [0, 0, 0] : [0]);
    expect(first[0]!.stdout).toBe('inserted 3, updated 0, unchanged 0, rejected 0\n');
    if (server) {
      expect(JSON.parse(first[1]!.stdout)).toEqual({ inserted: 3, updated: 0, replaced: 0, unchanged: 0, rejected: 0, errors: [], notices: [] });
      expect(JSON.parse(first[2]!.stdout)).toEqual({ inserted: 2, updated: 0, replaced: 0, unchanged: 0, rejected: 0, errors: [], notices: [] });
      expect(await db.query('SELECT number, abbreviation FROM election_parties ORDER BY number')).toEqual([
        { number: 1, abbreviation: 'PKB' }, { number: 2, abbreviation: 'GERINDRA' }, { number: 3, abbreviation: 'PDIP' },
      ]);
    }
    expect(await db.query("SELECT kind, name, running_mate_name, party_number, chamber, region_code, ballot_number FROM election_candidates ORDER BY kind, ballot_number")).toEqual([
      { kind: 'legislative', name: 'Ahmad Calon', running_mate_name: null, party_number: 1, chamber: 'DPRD_KABKOTA', region_code: '32.75', ballot_number: 1 },
      { kind: 'legislative', name: 'Budi Calon', running_mate_name: null, party_number: 1, chamber: 'DPRD_KABKOTA', region_code: '32.75', ballot_number: 2 },
      { kind: 'legislative', name: 'Citra Senator', running_mate_name: null, party_number: null, chamber: 'DPD', region_code: '32', ballot_number: 3 },
      { kind: 'pair', name: 'Calon Satu', running_mate_name: 'Wakil Satu', party_number: null, chamber: null, region_code: '32.75', ballot_number: 1 },
      { kind: 'pair', name: 'Calon Dua', running_mate_name: 'Wakil Dua', party_number: null, chamber: null, region_code: '32.75', ballot_number: 2 },
    ].slice(0, server ? 5 : 3));
    const audit = await count("audit_events WHERE action = 'election.candidates_imported'");
    expect(audit).toBe(first.length);

    const [bad, binary] = await runEach(kind, [
      imp(badParty, 'pemilu-2024', 'party', '--json'),
      // a file-level failure does not reach the database
      { serverOnly: imp(png, 'pemilu-2024', 'party') },
    ]);
    expect(bad!.code).toBe(1);
    expect(JSON.parse(bad!.stdout)).toEqual({
      inserted: 0, updated: 0, replaced: 0, unchanged: 0, rejected: 2, notices: [],
      errors: [
        expect.objectContaining({ row: 3, column: 'Nomor Urut', code: 'NOT_A_NUMBER', message: '"x" is not a positive whole number' }),
        expect.objectContaining({ row: 4, column: 'abbreviation', code: 'DUPLICATE', message: 'Abbreviation pv already appears in row 2' }),
      ],
    });
    // all-or-nothing: not even the valid row 2 of the bad list was written, nor an audit row
    expect(await count('election_parties')).toBe(server ? 3 : 0);
    expect(await count("election_parties WHERE name = 'Partai Valid'")).toBe(0);
    expect(await count("audit_events WHERE action LIKE 'election.candidates_%'")).toBe(audit);
    if (server) {
      expect(binary!.code).toBe(2);
      expect(binary!.stderr).toBe('Error (FILE_NOT_SPREADSHEET): This is a PNG image, not a CSV or XLSX file.\n');
    }
  });
});
