import { Readable } from 'node:stream';
import { candidateTemplateCsv, csvLine } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { createAgency, insertUnit } from '../agencies/agencies.service.ts';
import { createUser } from '../auth/users.service.ts';
import { runMatcher } from '../conflicts/conflicts.service.ts';
import { importCandidates } from '../elections/elections.service.ts';
import { runImport, startImportRun } from '../registry/import.service.ts';
import { DEMO_LEGISLATIVE_ROWS, DEMO_PAIR_ROWS, DEMO_RELATED_EMPLOYEES } from './demo-candidates.ts';
import {
  BIDANG, FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, NON_ASN_POSITIONS, OPDS, POSITIONS_EDU, POSITIONS_HEALTH, POSITIONS_STAFF,
  RANKS_PNS, RANKS_PPPK, makeNiPppk, makeNip, rng,
} from './demo-data.ts';

/** Demo password for every demo account (demo data only; never loaded on a server unless asked). */
export const DEMO_PASSWORD = 'netra-demo-2024';

export const DEMO_ACCOUNTS = [
  { username: 'admin', role: 'system_admin', note: 'Admin sistem (nasional)' },
  { username: 'kesbangpol', role: 'agency_admin', note: 'Kesbangpol/BKPSDM Pemerintah Kota Bekasi' },
  { username: 'admin.bekasibarat', role: 'unit_admin', note: 'Admin unit Kecamatan Bekasi Barat' },
  { username: 'bawaslu.kota', role: 'supervisor', note: 'Bawaslu Kota Bekasi (32.75)' },
  { username: 'bawaslu.jabar', role: 'supervisor', note: 'Bawaslu Provinsi Jawa Barat (32)' },
  { username: 'bkn', role: 'authority_officer', note: 'BKN (nasional)' },
  { username: 'ppk', role: 'employing_official', note: 'PPK Pemerintah Kota Bekasi' },
  { username: 'auditor', role: 'auditor', note: 'Auditor (baca saja, nasional)' },
  { username: 'pegawai', role: 'employee', note: 'Pegawai (layanan mandiri)' },
] as const;

type CsvRow = [nip: string, nama: string, jenis: string, jabatan: string, unit: string, eselon: string, golongan: string, email: string, telepon: string];

function* employeesFor(seed: number, count: number, units: { path: string; kind: string }[]): Generator<CsvRow> {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const female = r.next() < 0.56; // 56% of ASN are women (BKN, Nov 2025)
    const name = `${r.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M)} ${r.pick(LAST_NAMES)}`;
    const unit = units[i < units.length ? i : r.int(0, units.length - 1)]!;
    const roll = r.next();
    const isHead = i < units.length; // first employee of each unit heads it (a PNS: structural posts are PNS)
    const type = isHead ? 'PNS' : roll < 0.64 ? 'PNS' : roll < 0.9 ? 'PPPK' : 'NON_ASN';
    const pool = unit.path.startsWith('Dinas Pendidikan') ? POSITIONS_EDU : unit.path.startsWith('Dinas Kesehatan') || unit.path.startsWith('RSUD') ? POSITIONS_HEALTH : POSITIONS_STAFF;
    const head = unit.kind === 'kecamatan' ? 'Camat' : unit.kind === 'kelurahan' ? 'Lurah' : unit.path.includes(' / ') ? 'Kepala Bidang' : 'Kepala';
    const jabatan = type === 'NON_ASN' ? r.pick(NON_ASN_POSITIONS) : isHead && type === 'PNS' ? head : r.pick(pool);
    const eselon = type === 'PNS' && isHead ? (unit.kind === 'opd' ? 'II.b' : unit.kind === 'kelurahan' ? 'IV.a' : 'III.a') : '';
    const id = type === 'PNS' ? makeNip(r, i, female) : type === 'PPPK' ? makeNiPppk(r, i, female) : `THL-${String(i).padStart(6, '0')}`;
    const contact = r.next() < 0.7;
    yield [
      id, name, type, jabatan, unit.path, eselon, type === 'PNS' ? r.pick(RANKS_PNS) : type === 'PPPK' ? r.pick(RANKS_PPPK) : '',
      contact ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@contoh.bekasikota.go.id` : '', contact ? `+62812${String(10_000_000 + i).slice(-8)}` : '',
    ];
  }
}

/** The employees related to the demo's candidates (demo-candidates.ts), with valid NIPs / NI PPPK of their own. */
function* relatedEmployees(): Generator<CsvRow> {
  const r = rng(2024);
  for (const [i, e] of DEMO_RELATED_EMPLOYEES.entries()) {
    const id = e.type === 'PNS' ? makeNip(r, 900 + i, e.female) : makeNiPppk(r, 900 + i, e.female);
    yield [id, e.name, e.type, e.position, e.unit, '', e.type === 'PNS' ? r.pick(RANKS_PNS) : r.pick(RANKS_PPPK), '', ''];
  }
}

/**
 * The demo's KPU lists (a DCT of the DPRD Kota Bekasi, the Pilkada pairs), imported as an officer would
 * import them, the relatives the related employees declared, and a first run of the matcher over Kota
 * Bekasi, so the conflict-of-interest register opens with suggestions to decide.
 */
async function loadCandidates(deps: Deps, actor: Actor, agencyId: string) {
  const lists = [
    { electionId: 'pemilu-2024', kind: 'legislative', csv: candidateTemplateCsv('legislative', DEMO_LEGISLATIVE_ROWS) },
    { electionId: 'pilkada-2024', kind: 'pair', csv: candidateTemplateCsv('pair', DEMO_PAIR_ROWS) },
  ] as const;
  for (const l of lists) {
    const res = await importCandidates(deps, 'system', actor, { electionId: l.electionId, kind: l.kind, stream: Readable.from([l.csv]), dryRun: false, skipInvalid: false });
    if (res.status !== 'succeeded') throw new Error(`demo candidate import failed: ${JSON.stringify(res.errors.slice(0, 3))}`);
  }
  const relatives = DEMO_RELATED_EMPLOYEES.flatMap((e) => e.relatives.map((r) => ({ employee: e.name, ...r })));
  await deps.db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      `INSERT INTO employee_relatives (employee_id, kind, name)
       SELECT e.id, x.kind, x.name FROM unnest($2::text[], $3::text[], $4::text[]) AS x (employee, kind, name) JOIN employees e ON e.agency_id = $1 AND e.name = x.employee`,
      [agencyId, relatives.map((r) => r.employee), relatives.map((r) => r.kind), relatives.map((r) => r.name)],
    );
    if (rowCount !== relatives.length) throw new Error(`demo relatives: ${rowCount} of ${relatives.length} employees found`);
    // like a declaration through the API, the audit row does not carry the relatives' names
    await appendAudit(tx, { actor, action: 'demo.relatives_declared', entityType: 'agency', entityId: agencyId, details: { relatives: relatives.length }, at: deps.clock.now() });
  });
  for (const l of lists) await runMatcher(deps, 'system', actor, { agencyId, electionId: l.electionId });
}

/** Loads one realistic Pemda (Kota Bekasi) plus a small neighbour (Kabupaten Bekasi) and demo accounts. */
export async function loadDemo(deps: Deps, opts: { employees?: number } = {}) {
  const actor: Actor = { id: null, label: 'system:demo' };
  const count = opts.employees ?? 6000;
  const kota = await createAgency(deps, 'system', actor, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' });
  const kab = await createAgency(deps, 'system', actor, { name: 'Pemerintah Kabupaten Bekasi', regionCode: '32.16' });

  // Units: OPDs with bidang, and the 12 kecamatan with their kelurahan from the region master data.
  const units: { path: string; kind: string }[] = [];
  let bekasiBaratId = '';
  await deps.db.transaction(async (tx) => {
    for (const opd of OPDS) {
      const u = await insertUnit(tx, kota.id, { name: opd, kind: 'opd' });
      units.push({ path: opd, kind: 'opd' });
      for (const b of BIDANG.slice(0, opd.startsWith('Dinas') || opd.startsWith('Badan') ? 4 : 2)) {
        await insertUnit(tx, kota.id, { name: b, parentId: u.id, kind: 'bidang' });
        units.push({ path: `${opd} / ${b}`, kind: 'bidang' });
      }
    }
    const districts = (await tx.query<{ code: string; name: string }>("SELECT code, name FROM regions WHERE parent_code = '32.75' ORDER BY code")).rows;
    for (const d of districts) {
      const name = `Kecamatan ${d.name}`;
      const k = await insertUnit(tx, kota.id, { name, kind: 'kecamatan', regionCode: d.code });
      if (d.name === 'Bekasi Barat') bekasiBaratId = k.id;
      units.push({ path: name, kind: 'kecamatan' });
      const villages = (await tx.query<{ code: string; name: string }>('SELECT code, name FROM regions WHERE parent_code = $1 ORDER BY code', [d.code])).rows;
      for (const v of villages) {
        const vn = `Kelurahan ${v.name}`;
        await insertUnit(tx, kota.id, { name: vn, parentId: k.id, kind: 'kelurahan', regionCode: v.code });
        units.push({ path: `${name} / ${vn}`, kind: 'kelurahan' });
      }
    }
    await appendAudit(tx, { actor, action: 'demo.units_created', entityType: 'agency', entityId: kota.id, details: { units: units.length }, at: deps.clock.now() });
  });

  const importCsv = async (agencyId: string, region: string, rows: Iterable<CsvRow>) => {
    const header = 'nip,nama,jenis,jabatan,unit,eselon,golongan,email,telepon\n';
    const stream = Readable.from((function* () {
      yield header;
      for (const row of rows) yield csvLine(row, ',');
    })());
    const options = { dryRun: false, skipInvalid: false };
    const runId = await startImportRun(deps.db, { agencyId, actor, fileName: 'demo.csv', options });
    const res = await runImport(deps, { runId, agencyId, agencyRegion: region, actor, principal: 'system', source: { stream, fileName: 'demo.csv' }, options });
    if (res.status !== 'succeeded') throw new Error(`demo import failed: ${JSON.stringify(res.failure ?? res.summary?.errors.slice(0, 3))}`);
    return res.summary!;
  };
  const kotaSummary = await importCsv(kota.id, '32.75', (function* () {
    yield* employeesFor(3275, Math.max(units.length, count - DEMO_RELATED_EMPLOYEES.length), units);
    yield* relatedEmployees();
  })());
  const kabSummary = await importCsv(kab.id, '32.16', employeesFor(3216, Math.max(50, Math.round(count / 20)), [
    { path: 'Sekretariat Daerah', kind: 'opd' }, { path: 'Dinas Pendidikan', kind: 'opd' }, { path: 'Kecamatan Cikarang Barat', kind: 'kecamatan' },
  ]));

  await loadCandidates(deps, actor, kota.id);

  const firstEmployee = (await deps.db.query<{ id: string }>("SELECT id FROM employees WHERE agency_id = $1 AND employment_type = 'PNS' ORDER BY name, id LIMIT 1", [kota.id])).rows[0]!;
  const scopes: Record<string, { regionCode?: string; agencyId?: string; unitId?: string; employeeId?: string }> = {
    admin: {}, kesbangpol: { agencyId: kota.id }, 'admin.bekasibarat': { agencyId: kota.id, unitId: bekasiBaratId },
    'bawaslu.kota': { regionCode: '32.75' }, 'bawaslu.jabar': { regionCode: '32' }, bkn: {}, ppk: { agencyId: kota.id }, auditor: {},
    pegawai: { employeeId: firstEmployee.id },
  };
  for (const a of DEMO_ACCOUNTS)
    await createUser(deps, 'system', actor, { username: a.username, displayName: a.note, password: DEMO_PASSWORD, role: a.role, ...scopes[a.username] });
  return { agencies: [kota, kab], employees: kotaSummary.inserted + kabSummary.inserted, units: units.length };
}
