import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClock, addUser, freshDb, makeDeps, signIn, SYSTEM, type TestApp, SYSTEM_PRINCIPAL } from '../../../test/harness.ts';
import { pdfText } from '../../../test/pdf-inspect.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency, insertUnit } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';
import { sweepDeadlines } from './cases.service.ts';
import { loadMasterKey, sealText } from '../../platform/keys.ts';
import { dateInWords } from '@netra/rules';


describe.each(DB_KINDS)('case handling on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  const clock = new TestClock(new Date('2024-01-03T02:00:00Z')); // Wednesday 3 Jan 2024, 09:00 WIB
  const s: Record<string, Awaited<ReturnType<typeof signIn>>> = {};
  let camat: string;
  let kota: string;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    const serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
    const unit = await deps.db.transaction((tx) => insertUnit(tx, kota, { name: 'Kecamatan Bekasi Barat', kind: 'kecamatan', regionCode: '32.75.01' }));
    camat = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, unitId: unit.id, employmentType: 'PNS', nip: '197505052000031004', name: 'Drs. Camat Contoh', position: 'Camat', active: true })).id;
    const utara = await deps.db.transaction((tx) => insertUnit(tx, kota, { name: 'Kecamatan Bekasi Utara', kind: 'kecamatan', regionCode: '32.75.05' }));
    await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, unitId: utara.id, employmentType: 'PNS', nip: '197002022000031005', name: 'Camat Lain', position: 'Camat', active: true });
    await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, unitId: unit.id, employmentType: 'PNS', nip: '198002022005031006', name: 'Staf Barat', position: 'Pengadministrasi Umum', active: true });
    await addUser(deps, 'bawaslu.kota', 'supervisor', { regionCode: '32.75' });
    await addUser(deps, 'bawaslu.kota2', 'supervisor', { regionCode: '32.75' });
    await addUser(deps, 'bawaslu.banten', 'supervisor', { regionCode: '36' });
    await addUser(deps, 'bkn', 'authority_officer');
    await addUser(deps, 'ppk.kota', 'employing_official', { agencyId: kota });
    await addUser(deps, 'ppk.serang', 'employing_official', { agencyId: serang });
    app = await buildApp(deps);
    for (const u of ['bawaslu.kota', 'bawaslu.kota2', 'bawaslu.banten', 'bkn', 'ppk.kota', 'ppk.serang']) s[u] = await signIn(app, u);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const as = (u: string) => s[u]!;
  const event = (u: string, id: string, ev: object, expectedVersion?: number) =>
    app.inject({ method: 'POST', url: `/api/v1/cases/${id}/events`, ...as(u), payload: { event: ev, ...(expectedVersion ? { expectedVersion } : {}) } });
  const ok = async (u: string, id: string, ev: object) => {
    const r = await event(u, id, ev);
    expect(r.statusCode, `${(ev as { type: string }).type}: ${r.body}`).toBe(200);
    return r.json();
  };

  it('walks seed 003 from an anonymous tip to the PPK decision, and the reporter follows it', async () => {
    const tip = (await app.inject({ method: 'POST', url: '/api/v1/public/tips', payload: {
      what: 'Pj Wali Kota dan sejumlah camat berpose dengan jersey nomor punggung dua usai bermain sepak bola.',
      regionCode: '32.75.01', where: 'GOR Patriot Chandrabhaga', occurredOn: '2023-12-29', who: 'Camat Bekasi Barat',
    } })).json();
    const tipId = (await app.inject({ method: 'GET', url: '/api/v1/tips', ...as('bawaslu.kota') })).json().items[0].id;
    const opened = await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota'), payload: {
      tipId, electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat berpose dengan jersey nomor dua', summary: 'Foto camat dengan jersey nomor dua beredar di media sosial.',
      incidentOn: '2023-12-29', knownOn: '2024-01-02', actCode: 'KE-5', actorType: 'PNS', reportedText: 'Camat Bekasi Barat', reportedEmployeeId: camat,
    } });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({ source: 'tip', status: 'received', allowedActions: expect.arrayContaining(['START_REVIEW']) });
    // Bawaslu's own finding (from a tip) is set within 7 working days of its discovery on Tue 2 Jan (UU 7/2017 454(5))
    expect(c.deadlines[0]).toMatchObject({ ruleId: 'pemilu.finding', dueAt: '2024-01-11T23:59:00+07:00', label: { id: 'sisa 8 hari' } });
    expect(c.assessment.routes).toContain('asn_ethics');
    // the reasoning names the region in words and dates in words, as the assess page does
    expect(c.assessment.explanation[0].id).toMatch(/^Kota Bekasi \(32\.75\) mengikuti/);
    expect(c.assessment.explanation.map((l: { id: string }) => l.id).join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // its sanctions and deadlines cite public references; the data's own notes stay in provenance
    const sources = [...c.assessment.sanctionOptions, ...c.assessment.deadlines].map((f: { source: string }) => f.source);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source: string) => /\[S\d|domain\.md|seed|UNCONFIRMED/.test(source))).toEqual([]);
    expect(c.assessment.sanctionOptions[0].provenance).toBeTruthy();
    // where it happened, as the tip said, unless the handler writes it
    expect(c.incidentPlace).toBe('GOR Patriot Chandrabhaga');
    // out of scope for another region's supervisor and for the authority before forwarding
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('bawaslu.banten') })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('bkn') })).statusCode).toBe(404);

    await ok('bawaslu.kota', c.id, { type: 'START_REVIEW' });
    // a required text left blank is refused naming the field as the form labels it, and the field is pointed at for the form to mark
    const blank = await event('bawaslu.kota', c.id, { type: 'REGISTER', caseNumber: '  ', formal: true, material: true });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({
      code: 'CASE_INVALID_PAYLOAD', message: { id: 'Nomor registrasi wajib diisi', en: 'Case number is required' },
      errors: [{ path: 'body.event.caseNumber', message: 'Case number is required' }],
    });
    expect(blank.body).not.toContain('Kolom caseNumber');
    const reg = await ok('bawaslu.kota', c.id, { type: 'REGISTER', caseNumber: '001/Reg/TM/PL/Kota/13.13/I/2024', formal: true, material: true });
    expect(reg.caseNumber).toBe('001/Reg/TM/PL/Kota/13.13/I/2024');
    await ok('bawaslu.kota', c.id, { type: 'BEGIN_REVIEW' });
    await ok('bawaslu.kota', c.id, { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Camat Bekasi Barat', heldOn: '2024-01-03', statement: 'Foto diambil usai olahraga Jumat; tidak bermaksud mendukung.' });
    await ok('bawaslu.kota', c.id, { type: 'DECIDE', outcome: 'other_law', reasoning: 'Dugaan pelanggaran kode etik ASN (SKB 2022, KE-5).' });
    const fwd = await ok('bawaslu.kota', c.id, { type: 'FORWARD', authorityId: 'KASN', letterNumber: '012/PP.01/K.JB-17/01/2024' });
    expect(fwd.status).toBe('forwarded');
    expect(fwd.clarifications).toHaveLength(1);

    // BKN now sees it and recommends; the PPK of another agency never sees it
    const rec = await ok('bkn', c.id, { type: 'RECOMMEND', actCode: 'KE-5', sanctionId: 'moral_open', level: 'moral', letterNumber: 'R-123/BKN/2024' });
    expect(rec.deadlines[0]).toMatchObject({ ruleId: 'civil_service.ppk_follow_up', unconfirmed: true });
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('ppk.serang') })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/cases', ...as('ppk.kota') })).json().total).toBe(1);
    // an incumbent running in this election (his own record is a confirmed candidate) may not decide: the acting PPK does
    const mayor = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, employmentType: 'NON_ASN', internalId: 'WALIKOTA-1', name: 'Wali Kota Petahana', position: 'Wali Kota', active: true })).id;
    const candidate = (await deps.db.query<{ id: string }>("INSERT INTO election_candidates (election_id, kind, name, chamber, electoral_district, region_code, party_number, ballot_number) VALUES ('pemilu-2024', 'legislative', 'Wali Kota Petahana', 'DPR', 'Jawa Barat VI', '32', 5, 1) RETURNING id")).rows[0]!.id;
    await deps.db.query("INSERT INTO conflicts (election_id, employee_id, candidate_id, relation, source, score, status) VALUES ('pemilu-2024', $1, $2, 'self', 'matcher', 1, 'confirmed')", [mayor, candidate]);
    await addUser(deps, 'ppk.petahana', 'employing_official', { agencyId: kota, employeeId: mayor });
    s['ppk.petahana'] = await signIn(app, 'ppk.petahana');
    const seenByIncumbent = (await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('ppk.petahana') })).json();
    expect(seenByIncumbent.conflictFlags.map((f: { flag: string }) => f.flag)).toContain('PPK_IS_CANDIDATE');
    expect(seenByIncumbent.allowedActions).not.toContain('PPK_DECIDE');
    const refused = await event('ppk.petahana', c.id, { type: 'PPK_DECIDE', decreeNumber: '800/1/2024', sanctionId: 'moral_open', level: 'moral', decidedOn: '2024-01-03' });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'PPK_IS_CANDIDATE']);
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('ppk.kota') })).json().allowedActions).toContain('PPK_DECIDE');
    await deps.db.query("UPDATE users SET active = false WHERE username = 'ppk.petahana'");
    const ppk = await ok('ppk.kota', c.id, { type: 'PPK_DECIDE', decreeNumber: '800/Kep.12-BKPSDM/2024', sanctionId: 'moral_closed', level: 'moral', decidedOn: '2024-01-03' });
    expect(ppk.flags).toContain('SANCTION_MISMATCH'); // closed statement instead of the open one recommended
    const closed = await ok('bawaslu.kota', c.id, { type: 'CLOSE', note: 'Selesai; sanksi telah dijatuhkan PPK.' });
    expect(closed.status).toBe('closed');
    expect(closed.events.map((e: { type: string }) => e.type)).toEqual([
      'CREATED', 'START_REVIEW', 'REGISTER', 'BEGIN_REVIEW', 'RECORD_CLARIFICATION', 'DECIDE', 'FORWARD', 'RECOMMEND', 'PPK_DECIDE', 'CLOSE',
    ]);
    // the forwarding letter carries the review, never the reporter's identity
    // the camat moves to another post after the forwarding: a reprint still names him as he was when it was sent
    await deps.db.query("UPDATE employees SET position = 'Kepala Dinas Pariwisata' WHERE id = $1", [camat]);
    const letter = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/documents/forwarding`, ...as('bawaslu.kota') });
    await deps.db.query("UPDATE employees SET position = 'Camat' WHERE id = $1", [camat]);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const letterText = (await pdfText(letter.rawPayload)).replace(/\s+/g, ' ');
    expect(letterText).toContain('Jabatan: Camat');
    expect(letterText).not.toContain('Pariwisata');
    const pdfDoc = await PDFDocument.load(letter.rawPayload);
    expect(pdfDoc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdfDoc.getTitle()).toContain('001/Reg/TM/PL/Kota/13.13/I/2024');
    const follow = (await app.inject({ method: 'POST', url: '/api/v1/public/tips/follow', payload: tip })).json();
    expect(follow.status).toBe('converted_finding');
    expect(follow.messages.filter((m: { author: string }) => m.author === 'system').length).toBeGreaterThanOrEqual(4);
  });

  it('proposes ranked registry matches for "Camat Bekasi Barat", links the same person and suggests duplicates', async () => {
    const open = async (title: string, incidentOn: string) => (await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title, summary: 'Uraian temuan pengawas kelurahan.', reportedText: 'pak Camat Bekasi Barat', incidentOn,
    } })).json();
    const a = await open('Camat hadir di deklarasi', '2024-01-01');
    const sugg = (await app.inject({ method: 'GET', url: `/api/v1/cases/${a.id}/reported-suggestions`, ...as('bawaslu.kota') })).json();
    expect(sugg.items[0]).toMatchObject({ employeeId: camat, nip: '197505052000031004' });
    expect(sugg.items[0].reasons).toEqual(expect.arrayContaining([expect.stringMatching(/jabatan/), expect.stringMatching(/unit/)]));
    expect(sugg.items.map((i: { name: string }) => i.name)).not.toContain('Staf Barat');
    const confirmed = (await app.inject({ method: 'POST', url: `/api/v1/cases/${a.id}/reported-person`, ...as('bawaslu.kota'), payload: { employeeId: camat } })).json();
    expect(confirmed.reportedEmployeeId).toBe(camat);
    const related = (await app.inject({ method: 'GET', url: `/api/v1/cases/${a.id}/related`, ...as('bawaslu.kota') })).json().items;
    // the seed-003 case (29 Dec) is about the same camat, within 14 days
    expect(related.length).toBeGreaterThanOrEqual(1);
    expect(related[0]).toMatchObject({ likelyDuplicate: true });
  });

  it('offers linking the reported person only to Bawaslu handlers, at steps where it may still change', async () => {
    const c = (await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat di deklarasi', summary: 'Uraian temuan pengawas kelurahan.', reportedText: 'pak Camat Bekasi Barat',
      incidentOn: '2024-01-01', actCode: 'KE-5', actorType: 'PNS',
    } })).json();
    expect(c.mayLinkReportedPerson).toBe(true);
    await ok('bawaslu.kota', c.id, { type: 'START_REVIEW' });
    await ok('bawaslu.kota', c.id, { type: 'REGISTER', caseNumber: '019/Reg/TM/PL/Kota/13.13/I/2024', formal: true, material: true });
    await ok('bawaslu.kota', c.id, { type: 'BEGIN_REVIEW' });
    await ok('bawaslu.kota', c.id, { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Camat Bekasi Barat', heldOn: '2024-01-03', statement: 'Hadir sebagai undangan.' });
    const decided = await ok('bawaslu.kota', c.id, { type: 'DECIDE', outcome: 'other_law', reasoning: 'Dugaan pelanggaran kode etik ASN (SKB 2022, KE-5).' });
    // not linked yet: the ASN case does not go to the authority, which could only dismiss it; the handler is told to link first
    expect(decided).toMatchObject({ mayLinkReportedPerson: true, allowedActions: expect.not.arrayContaining(['FORWARD']) });
    const early = await event('bawaslu.kota', c.id, { type: 'FORWARD', authorityId: 'KASN', letterNumber: '019/PP.01/K.JB-17/01/2024' });
    expect([early.statusCode, early.json().message.id]).toEqual([400, expect.stringContaining('kaitkan terlapor lebih dahulu (panel Terlapor, cari nama atau NIP)')]);
    const linked = (await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/reported-person`, ...as('bawaslu.kota'), payload: { employeeId: camat } })).json();
    expect(linked).toMatchObject({ reportedEmployeeId: camat, mayLinkReportedPerson: false, allowedActions: expect.arrayContaining(['FORWARD']) });
    const fwd = await ok('bawaslu.kota', c.id, { type: 'FORWARD', authorityId: 'KASN', letterNumber: '019/PP.01/K.JB-17/01/2024' });
    expect(fwd).toMatchObject({ status: 'forwarded', mayLinkReportedPerson: false });
    // the authority acts on the case but does not decide who was reported: not offered, and refused
    const seen = (await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('bkn') })).json();
    expect(seen).toMatchObject({ status: 'forwarded', mayLinkReportedPerson: false, allowedActions: expect.arrayContaining(['RECOMMEND']) });
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/reported-suggestions`, ...as('bkn') })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/reported-person`, ...as('bkn'), payload: { employeeId: camat } })).statusCode).toBe(403);
    const fixed = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/reported-suggestions`, ...as('bawaslu.kota') });
    expect([fixed.statusCode, fixed.json().code]).toEqual([409, 'CASE_REPORTED_PERSON_FIXED']);
    expect(fixed.json().message.id).toContain('pada status "Diteruskan kepada instansi berwenang"');
  });

  it('opens a finding only about a registry record the handler may read, with an act from the catalogue', async () => {
    const open = (u: string, extra: object) => app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as(u), payload: {
      electionId: 'pemilu-2024', regionCode: u === 'bawaslu.banten' ? '36.04' : '32.75', title: 'Temuan', summary: 'Uraian temuan pengawas.', incidentOn: '2024-01-02', ...extra,
    } });
    // Bawaslu Banten cannot read a Kota Bekasi record: refused as if unknown, revealing nothing about it
    const outside = await open('bawaslu.banten', { reportedEmployeeId: camat });
    expect([outside.statusCode, outside.json().code]).toEqual([400, 'EMPLOYEE_UNKNOWN']);
    expect(outside.body).not.toMatch(/PNS|Camat Contoh/);
    const unknownAct = await open('bawaslu.kota', { actCode: 'ZZ', actorType: 'PNS' });
    expect([unknownAct.statusCode, unknownAct.json().code]).toEqual([400, 'ACT_UNKNOWN']);
    const future = await open('bawaslu.kota', { incidentOn: '2024-02-01' });
    expect([future.statusCode, future.json().message.id]).toEqual([400, 'Tanggal kejadian 1 Februari 2024 ada di masa depan (hari ini 3 Januari 2024).']);
    expect((await open('bawaslu.kota', { reportedEmployeeId: camat, actCode: 'KE-5', actorType: 'PNS' })).statusCode).toBe(201);
  });

  it('two concurrent transitions of one case give one success and one conflict', async () => {
    const c = (await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Temuan spanduk', summary: 'Spanduk bakal calon di kantor kelurahan.',
    } })).json();
    await ok('bawaslu.kota', c.id, { type: 'START_REVIEW' });
    const reg = { type: 'REGISTER', caseNumber: '002/Reg/TM/PL/Kota/13.13/I/2024', formal: true, material: true };
    const results = await Promise.all([event('bawaslu.kota', c.id, reg), event('bawaslu.kota2', c.id, { ...reg, caseNumber: '003/X' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = (await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('bawaslu.kota') })).json();
    expect(after.status).toBe('registered');
    expect(after.events.filter((e: { type: string }) => e.type === 'REGISTER')).toHaveLength(1);
    const stale = await event('bawaslu.kota', c.id, { type: 'BEGIN_REVIEW' }, after.version - 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CASE_VERSION_CONFLICT');
    const wrong = await event('bawaslu.kota', c.id, { type: 'RECOMMEND', actCode: 'KE-1', sanctionId: 'x', level: 'moral', letterNumber: 'x' });
    expect(wrong.statusCode).toBe(409);
    // the step and the status in words, not their codes
    expect(wrong.json().message).toEqual({ id: 'Tindakan "Rekomendasikan sanksi" tidak dapat dilakukan pada status "Diregistrasi"', en: '"Recommend a sanction" is not possible in status "Registered"' });
  });

  it('registers a report only with the time and place of the incident; the handler records what the reporter brings', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/cases/reports', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Laporan camat di kampanye', summary: 'Camat hadir dan berorasi dalam kampanye calon anggota DPRD.',
      knownOn: '2024-01-02', chronology: 'Saya melihat camat berorasi di panggung kampanye pada sore hari.',
      reporter: { name: 'Pelapor Tempat', address: 'Jl. Kenari 2, Bekasi' },
    } });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id;
    expect(r.json()).toMatchObject({ incidentPlace: null, reportedText: null, allowedActions: expect.arrayContaining(['START_REVIEW', 'AMEND_INTAKE']) });
    await ok('bawaslu.kota', id, { type: 'START_REVIEW' });
    const register = { type: 'REGISTER', caseNumber: '031/Reg/LP/PL/Kota/13.13/I/2024', formal: true, material: true };
    // the reported party first (formal), then time and place (material)
    expect((await event('bawaslu.kota', id, register)).json().message.en).toContain('no reported party');
    await ok('bawaslu.kota', id, { type: 'AMEND_INTAKE', reportedText: '  Camat Bekasi Barat  ' });
    const noPlace = await event('bawaslu.kota', id, register);
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().message).toMatchObject({ id: expect.stringContaining('tempat kejadian belum diisi'), en: expect.stringContaining('place of the incident is not recorded') });
    await ok('bawaslu.kota', id, { type: 'REQUEST_COMPLETION', missing: ['tempat kejadian'] });
    // what the reporter brought is checked like the intake form, and nothing is written when it fails
    for (const bad of [{ knownOn: '2024-01-04' }, { incidentOn: '2024-01-03', knownOn: '2024-01-01' }, { incidentPlace: '\u200b\u200b\u200b' }, { incidentPlace: 'Aula', note: 'x' }]) {
      const refused = await event('bawaslu.kota', id, { type: 'COMPLETE', ...bad });
      expect(refused.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const completed = await ok('bawaslu.kota', id, { type: 'COMPLETE', incidentOn: '2024-01-02', incidentPlace: ' Lapangan Multiguna Kelurahan Bintara ' });
    expect(completed).toMatchObject({ status: 'initial_review', incidentOn: '2024-01-02', knownOn: '2024-01-02', incidentPlace: 'Lapangan Multiguna Kelurahan Bintara', reportedText: 'Camat Bekasi Barat' });
    const reg = await ok('bawaslu.kota', id, register);
    expect(reg.status).toBe('registered');
    // corrections stop at registration; the audit row keeps what each one replaced
    expect((await event('bawaslu.kota', id, { type: 'AMEND_INTAKE', incidentPlace: 'Tempat lain sama sekali' })).statusCode).toBe(409);
    const audits = (await deps.db.query<{ action: string; details: unknown }>("SELECT action, details FROM audit_events WHERE entity_id = $1 AND action IN ('case.amend_intake', 'case.complete') ORDER BY seq", [id])).rows
      .map((a) => ({ action: a.action, details: typeof a.details === 'string' ? JSON.parse(a.details) : a.details }));
    expect(audits).toEqual([
      { action: 'case.amend_intake', details: { intake: { reportedText: { before: null, after: 'Camat Bekasi Barat' } } } },
      { action: 'case.complete', details: { intake: { incidentOn: { before: null, after: '2024-01-02' }, incidentPlace: { before: null, after: 'Lapangan Multiguna Kelurahan Bintara' } } } },
    ]);
    // the registration notice prints them
    const pdf = await app.inject({ method: 'GET', url: `/api/v1/cases/${id}/documents/registration`, ...as('bawaslu.kota') });
    expect(pdf.statusCode).toBe(200);
    expect((await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ')).toContain('Tempat kejadian: Lapangan Multiguna Kelurahan Bintara');
  });

  it('opens a case only for an election held in the region, and flags an incident outside its stages', async () => {
    await addUser(deps, 'bawaslu.diy', 'supervisor', { regionCode: '34' });
    s['bawaslu.diy'] = await signIn(app, 'bawaslu.diy');
    const open = (u: string, payload: object) => app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as(u), payload: {
      title: 'Kepala dinas hadir di deklarasi calon', summary: 'Kepala dinas hadir dan berpidato di deklarasi bakal calon.', ...payload,
    } });
    // the DIY governor is not elected: no Pilkada case at the province of DIY, a regency's is fine
    const diy = await open('bawaslu.diy', { electionId: 'pilkada-2024', regionCode: '34' });
    expect([diy.statusCode, diy.json().code]).toEqual([400, 'ELECTION_NOT_IN_REGION']);
    expect(diy.json().message.id).toContain('Gubernur DIY tidak dipilih');
    expect((await open('bawaslu.diy', { electionId: 'pilkada-2024', regionCode: '34.71' })).statusCode).toBe(201);
    // Pemilu 2024's stages began on 14 June 2022: an incident before them is flagged, and the flag follows a corrected date
    const early = await open('bawaslu.kota', { electionId: 'pemilu-2024', regionCode: '32.75', incidentOn: '2022-03-01', knownOn: '2023-12-28' });
    expect(early.statusCode, early.body).toBe(201);
    expect(early.json().flags).toContain('OUTSIDE_ELECTION_PERIOD');
    expect((await ok('bawaslu.kota', early.json().id, { type: 'AMEND_INTAKE', incidentOn: '2023-12-27' })).flags).not.toContain('OUTSIDE_ELECTION_PERIOD');
    const inside = await open('bawaslu.kota', { electionId: 'pemilu-2024', regionCode: '32.75', incidentOn: '2023-12-30' });
    expect(inside.json().flags).toEqual([]);
  });

  it('checks the reporter identity of a formal report: NIK, phone and date of birth', async () => {
    const report = (reporter: object) => app.inject({ method: 'POST', url: '/api/v1/cases/reports', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Laporan ajakan memilih', summary: 'Lurah mengajak warga memilih caleg tertentu.',
      incidentOn: '2024-01-02', knownOn: '2024-01-02', chronology: 'Pada rapat RW, lurah mengajak warga memilih calon nomor tertentu.',
      reporter: { name: 'Siti Pelapor', address: 'Jl. Melati 7, Bekasi', ...reporter },
    } });
    const bad = await report({ idNumber: '1234', phone: 'abc', birthPlaceDate: 'Bekasi, 31-02-1990' });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'body.reporter.birthPlaceDate', message: 'place and a real date of birth, e.g. Bekasi, 28-02-1990', messageId: 'tempat dan tanggal lahir yang benar, mis. Bekasi, 28-02-1990' },
      { path: 'body.reporter.phone', message: expect.stringContaining('8-15 digits'), messageId: expect.stringContaining('8-15 angka') },
      { path: 'body.reporter.idNumber', message: expect.stringContaining('NIK of 16 digits'), messageId: expect.stringContaining('NIK 16 angka') },
    ]);
    // 16 digits but day 32 of the birth date (neither a man's 1-31 nor a woman's 41-71)
    expect((await report({ idNumber: '3275013209860001' })).json().errors).toEqual([expect.objectContaining({ path: 'body.reporter.idNumber' })]);
    expect((await report({ phone: '0812 345' })).statusCode).toBe(400); // 7 digits
    const fine = await report({ idNumber: '3275 0145 0190 0001', phone: '+62 812-3456-7890', birthPlaceDate: 'Bekasi, 29-02-1992' });
    expect(fine.statusCode, fine.body).toBe(201);
    // an identity sealed before these checks (a KTP number that is no NIK) still opens as recorded
    const id = fine.json().id;
    const old = { reporter: { name: 'Siti Pelapor', address: 'Jl. Melati 7, Bekasi', citizenship: 'WNI', idNumber: '1234', phone: 'abc' }, witnesses: [] };
    await deps.db.query('UPDATE case_reporters SET sealed_identity = $2 WHERE case_id = $1', [id, sealText(loadMasterKey(deps.config), JSON.stringify(old), id)]);
    const opened = await app.inject({ method: 'POST', url: `/api/v1/cases/${id}/reporter-identity`, ...as('bawaslu.kota'), payload: { reason: 'Memeriksa identitas lama pelapor' } });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().reporter).toMatchObject({ idNumber: '1234', phone: 'abc' });
  });

  it('keeps a formal reporter identity sealed: handlers only, with a reason, logged', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/cases/reports', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Laporan ajakan memilih', summary: 'Lurah mengajak warga memilih caleg tertentu.',
      incidentOn: '2024-01-02', knownOn: '2024-01-02', chronology: 'Pada rapat RW, lurah mengajak warga memilih calon nomor tertentu.',
      reporter: { name: 'Siti Pelapor Rahasia', address: 'Jl. Melati 7, Bekasi', phone: '081200000001', idNumber: '3275014501900001' },
      witnesses: [{ name: 'Budi Saksi' }],
    } });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id;
    expect(r.json().hasReporterIdentity).toBe(true);
    // the case says who may open it: the assigned handler, not a colleague of the same office
    const mayOpen = async (u: string) => (await app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, ...as(u) })).json().mayOpenReporterIdentity;
    expect(await mayOpen('bawaslu.kota')).toBe(true);
    expect(await mayOpen('bawaslu.kota2')).toBe(false);
    const noReason = await app.inject({ method: 'POST', url: `/api/v1/cases/${id}/reporter-identity`, ...as('bawaslu.kota'), payload: { reason: 'x' } });
    expect(noReason.statusCode).toBe(400);
    const notAssigned = await app.inject({ method: 'POST', url: `/api/v1/cases/${id}/reporter-identity`, ...as('bawaslu.kota2'), payload: { reason: 'Memanggil pelapor untuk klarifikasi' } });
    expect(notAssigned.statusCode).toBe(403);
    const seen = await app.inject({ method: 'POST', url: `/api/v1/cases/${id}/reporter-identity`, ...as('bawaslu.kota'), payload: { reason: 'Memanggil pelapor untuk klarifikasi' } });
    expect(seen.json().reporter.name).toBe('Siti Pelapor Rahasia');
    const tables = ['cases', 'case_events', 'case_reporters', 'audit_events', 'case_deadlines'];
    for (const t of tables) expect(JSON.stringify((await deps.db.query(`SELECT * FROM ${t}`)).rows), t).not.toContain('Siti Pelapor');
    const log = (await deps.db.query<{ reason: string }>('SELECT reason FROM reporter_identity_access WHERE case_id = $1', [id])).rows;
    expect(log).toEqual([{ reason: 'Memanggil pelapor untuk klarifikasi' }]);
    const receiptPdf = await app.inject({ method: 'GET', url: `/api/v1/cases/${id}/documents/receipt`, ...as('bawaslu.kota') });
    expect(receiptPdf.statusCode).toBe(200);
    // documents are rendered from the case detail alone, which never holds the identity
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, ...as('bawaslu.kota') })).body).not.toContain('Siti');
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${id}/documents/forwarding`, ...as('bawaslu.kota') })).statusCode).toBe(404);
    // staff rotation hands the case (and the right to open the identity) to the colleague
    const moved = await app.inject({ method: 'POST', url: '/api/v1/cases/handlers/reassign', ...as('bawaslu.kota'), payload: { fromUserId: (await app.inject({ method: 'GET', url: '/api/v1/auth/me', ...as('bawaslu.kota') })).json().id, toUserId: (await app.inject({ method: 'GET', url: '/api/v1/auth/me', ...as('bawaslu.kota2') })).json().id } });
    expect(moved.json().moved).toBeGreaterThanOrEqual(3);
    expect([await mayOpen('bawaslu.kota'), await mayOpen('bawaslu.kota2')]).toEqual([false, true]);
    const now = await app.inject({ method: 'POST', url: `/api/v1/cases/${id}/reporter-identity`, ...as('bawaslu.kota2'), payload: { reason: 'Petugas pengganti melanjutkan kajian' } });
    expect(now.statusCode).toBe(200);
  });

  it('the sweep warns before and escalates after a deadline, once each, and records PPK non-compliance', async () => {
    const c = (await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota2'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat memasang spanduk', summary: 'Spanduk bakal calon dipasang oleh camat.', reportedEmployeeId: camat,
    } })).json();
    for (const ev of [
      { type: 'START_REVIEW' }, { type: 'REGISTER', caseNumber: '009/Reg/TM/PL/Kota/13.13/I/2024', formal: true, material: true }, { type: 'BEGIN_REVIEW' },
      { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Camat', heldOn: '2024-01-03', statement: 'Tidak tahu itu dilarang.' },
      { type: 'DECIDE', outcome: 'other_law', reasoning: 'Netralitas ASN' }, { type: 'FORWARD', authorityId: 'KASN', letterNumber: 'F-9' },
    ]) await ok('bawaslu.kota2', c.id, ev);
    await ok('bkn', c.id, { type: 'RECOMMEND', actCode: 'D-1', sanctionId: 'pp94_demotion_12m', level: 'berat', letterNumber: 'R-9' });
    clock.advance(86_400_000); // Thursday: the report received yesterday is due tomorrow
    const first = await sweepDeadlines(deps);
    expect(first.warned).toBeGreaterThan(0);
    expect(await sweepDeadlines(deps)).toMatchObject({ warned: 0, escalated: 0 });
    clock.advance(30 * 86_400_000);
    const late = await sweepDeadlines(deps);
    expect(late.escalated).toBeGreaterThan(0);
    expect((await sweepDeadlines(deps)).escalated).toBe(0);
    for (const u of ['bkn', 'bawaslu.kota']) s[u] = await signIn(app, u); // sessions expired over the month
    const after = (await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('bkn') })).json();
    expect(after.status).toBe('ppk_non_compliant');
    expect(after.allowedActions).toContain('ESCALATE');
    const esc = await ok('bkn', c.id, { type: 'ESCALATE', letterNumber: 'B-77/BKN/2024' });
    expect(esc.flags).toContain('SIASN_BLOCK_REQUESTED');
    const overdue = (await app.inject({ method: 'GET', url: '/api/v1/cases?overdue=true', ...as('bawaslu.kota') })).json();
    expect(overdue.items.every((i: { nextDeadline: { overdue: boolean } | null }) => i.nextDeadline?.overdue)).toBe(true);
  });
  it('hears the reported person before finding against them, and documents the summons and the Gakkumdu track', async () => {
    s['bawaslu.kota2'] = await signIn(app, 'bawaslu.kota2');
    const today = () => new Date(clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const c = (await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota2'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat membagikan uang saat kampanye', summary: 'Camat diduga membagikan uang kepada warga saat kampanye calon.', reportedEmployeeId: camat,
    } })).json();
    for (const ev of [{ type: 'START_REVIEW' }, { type: 'REGISTER', caseNumber: '011/Reg/TM/PL/Kota/13.13/II/2024', formal: true, material: true }, { type: 'BEGIN_REVIEW' }])
      await ok('bawaslu.kota2', c.id, ev);
    const unheard = await event('bawaslu.kota2', c.id, { type: 'DECIDE', outcome: 'election_crime', reasoning: 'Unsur pidana pemilu terpenuhi' });
    expect(unheard.statusCode).toBe(400);
    expect(unheard.json().message.id).toContain('hak jawab');
    const summoned = await ok('bawaslu.kota2', c.id, { type: 'SUMMON', party: 'reported', personLabel: 'Drs. Camat Contoh', scheduledOn: today(), place: 'Kantor Bawaslu Kota Bekasi' });
    expect(summoned.summons).toEqual([expect.objectContaining({ party: 'reported', scheduledOn: today() })]);
    expect(summoned.documents).toContain('summons');
    expect(summoned.documents).not.toContain('gakkumdu_minutes');
    const letter = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/documents/summons`, ...as('bawaslu.kota2') });
    expect(letter.statusCode).toBe(200);
    expect((await PDFDocument.load(letter.rawPayload)).getTitle()).toContain('UNDANGAN KLARIFIKASI');
    // each summons issued can be printed again by its number; one never issued is not there
    const first = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/documents/summons?summons=0`, ...as('bawaslu.kota2') });
    expect([first.statusCode, first.headers['content-disposition']]).toEqual([200, expect.stringContaining('summons-1-')]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/documents/summons?summons=5`, ...as('bawaslu.kota2') })).statusCode).toBe(404);
    // on the summons day they may still come: finding against them waits until that day is over
    const sameDay = await event('bawaslu.kota2', c.id, { type: 'DECIDE', outcome: 'election_crime', reasoning: 'Unsur pidana pemilu terpenuhi' });
    expect(sameDay.statusCode).toBe(400);
    expect(sameDay.json().errors).toBeUndefined(); // about the right of reply, not one field of the form
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('bawaslu.kota2') })).json().reportedHeard).toBe(false);
    clock.advance(86_400_000);
    s['bawaslu.kota2'] = await signIn(app, 'bawaslu.kota2');
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('bawaslu.kota2') })).json().reportedHeard).toBe(true);
    // the summons day is over and the person stayed away: the decision may be taken, and says so
    const decided = await ok('bawaslu.kota2', c.id, { type: 'DECIDE', outcome: 'election_crime', reasoning: 'Unsur pidana pemilu terpenuhi' });
    expect(decided.status).toBe('gakkumdu_discussion');
    expect(decided.flags).toContain('REPORTED_DID_NOT_ATTEND');
    await ok('bawaslu.kota2', c.id, { type: 'GAKKUMDU_INVESTIGATE' });
    const after = (await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, ...as('bawaslu.kota2') })).json();
    expect(after.documents).toEqual(expect.arrayContaining(['receipt', 'registration', 'summons', 'review', 'gakkumdu_minutes']));
    expect(after.documents).not.toContain('forwarding');
    const minutes = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/documents/gakkumdu_minutes`, ...as('bawaslu.kota2') });
    expect(minutes.statusCode).toBe(200);
    expect((await PDFDocument.load(minutes.rawPayload)).getTitle()).toContain('GAKKUMDU');
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/documents/forwarding`, ...as('bawaslu.kota2') })).statusCode).toBe(404);
    // on to court and a judgment: final only after the 3 days to appeal, which the inbox shows as the next clock
    await ok('bawaslu.kota2', c.id, { type: 'GAKKUMDU_PROSECUTE' });
    await ok('bawaslu.kota2', c.id, { type: 'GAKKUMDU_TRIAL' });
    const judged = await ok('bawaslu.kota2', c.id, { type: 'GAKKUMDU_JUDGMENT', result: 'convicted' });
    expect(judged).toMatchObject({ status: 'gakkumdu_judgment', nextDeadline: { ruleId: 'pemilu.gakkumdu.appeal_filing' }, allowedActions: expect.arrayContaining(['GAKKUMDU_APPEAL']) });
    expect(judged.allowedActions).not.toContain('GAKKUMDU_CONCLUDE');
    const early = await event('bawaslu.kota2', c.id, { type: 'GAKKUMDU_CONCLUDE', result: 'convicted', note: 'Putusan PN' });
    expect([early.statusCode, early.json().code]).toEqual([400, 'CASE_INVALID_PAYLOAD']);
    clock.advance(4 * 86_400_000);
    s['bawaslu.kota2'] = await signIn(app, 'bawaslu.kota2');
    expect((await ok('bawaslu.kota2', c.id, { type: 'GAKKUMDU_CONCLUDE', result: 'convicted', note: 'Putusan PN berkekuatan hukum tetap' })).status).toBe('gakkumdu_concluded');
  });

  it('rotates handlers only to colleagues who supervise the cases, all or nothing', async () => {
    for (const u of ['bawaslu.kota2', 'ppk.kota']) s[u] = await signIn(app, u);
    const handlers = (await app.inject({ method: 'GET', url: '/api/v1/cases/handlers', ...as('bawaslu.kota2') })).json().items as { id: string; username: string; openCases: number }[];
    const byName = Object.fromEntries(handlers.map((h) => [h.username, h]));
    expect(Object.keys(byName).sort()).toEqual(['bawaslu.kota', 'bawaslu.kota2']); // Banten's supervisor is not a colleague for Kota Bekasi
    expect(byName['bawaslu.kota2']!.openCases).toBeGreaterThan(0);
    const ids = Object.fromEntries(await Promise.all(['bawaslu.banten', 'ppk.kota'].map(async (u) => [u, (await deps.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [u])).rows[0]!.id])));
    for (const to of [ids['bawaslu.banten'], ids['ppk.kota']]) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/cases/handlers/reassign', ...as('bawaslu.kota2'), payload: { fromUserId: byName['bawaslu.kota2']!.id, toUserId: to } });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('REASSIGN_OUT_OF_SCOPE');
    }
    const still = (await app.inject({ method: 'GET', url: '/api/v1/cases/handlers', ...as('bawaslu.kota2') })).json().items.find((h: { username: string }) => h.username === 'bawaslu.kota2');
    expect(still.openCases).toBe(byName['bawaslu.kota2']!.openCases);
    expect((await app.inject({ method: 'GET', url: '/api/v1/cases/handlers', ...as('ppk.kota') })).statusCode).toBe(403);
  });
  it('merges a duplicate into the case of the same person: its evidence is handed over with the custody log, and it is final', async () => {
    s['bawaslu.kota2'] = await signIn(app, 'bawaslu.kota2');
    const open = async (title: string) => (await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota2'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title, summary: 'Camat hadir di kampanye calon dan berpidato.', reportedEmployeeId: camat,
    } })).json();
    const first = await open('Camat berpidato di kampanye');
    const dup = await open('Camat ikut kampanye (laporan kedua)');
    // an upload on the duplicate (the upload path itself is tested in custody.test.ts)
    await deps.db.query("INSERT INTO evidence (id, case_id, file_name, mime, size, sha256, sealed, received_at) VALUES (gen_random_uuid(), $1, 'foto.jpg', 'image/jpeg', 10, repeat('a', 64), '{}', now())", [dup.id]);
    const evidence = (await deps.db.query<{ id: string }>('SELECT id FROM evidence WHERE case_id = $1', [dup.id])).rows;
    expect(evidence).toHaveLength(1);
    const related = (await app.inject({ method: 'GET', url: `/api/v1/cases/${dup.id}/related`, ...as('bawaslu.kota2') })).json().items;
    expect(related.map((r: { id: string }) => r.id)).toContain(first.id);
    const self = await event('bawaslu.kota2', dup.id, { type: 'MERGE', intoCaseId: dup.id, reason: 'laporan ganda' });
    expect(self.json().code).toBe('CASE_MERGE_TARGET');
    const merged = await ok('bawaslu.kota2', dup.id, { type: 'MERGE', intoCaseId: first.id, reason: 'Laporan ganda atas peristiwa yang sama' });
    expect(merged).toMatchObject({ status: 'merged', deadlines: [], allowedActions: [] });
    const target = (await app.inject({ method: 'GET', url: `/api/v1/cases/${first.id}`, ...as('bawaslu.kota2') })).json();
    expect(target.events.at(-1)).toMatchObject({ type: 'MERGED_FROM', payload: { caseId: dup.id, evidence: evidence.length } });
    for (const e of evidence) {
      expect((await deps.db.query<{ case_id: string }>('SELECT case_id FROM evidence WHERE id = $1', [e.id])).rows[0]!.case_id).toBe(first.id);
      expect((await deps.db.query<{ action: string }>('SELECT action FROM custody_events WHERE evidence_id = $1 ORDER BY seq DESC LIMIT 1', [e.id])).rows[0]!.action).toBe('handed_over');
    }
    // nothing merges into a merged (final) case
    const third = await open('Camat kampanye (laporan ketiga)');
    expect((await event('bawaslu.kota2', third.id, { type: 'MERGE', intoCaseId: dup.id, reason: 'laporan ganda' })).json().code).toBe('CASE_MERGE_TARGET');
  });

  // earlier tests move the clock on by weeks: these start again on Wednesday 3 January 2024, signed in anew
  const backToJanuary = async () => {
    clock.current = new Date('2024-01-03T02:00:00Z');
    s['bawaslu.kota'] = await signIn(app, 'bawaslu.kota');
  };

  it('finds "Kepala Dinas Pendidikan Kota Bekasi" as the Kepala of the Dinas Pendidikan, and by a name or NIP typed by the handler, within the case region', async () => {
    await backToJanuary();
    const dinas = await deps.db.transaction((tx) => insertUnit(tx, kota, { name: 'Dinas Pendidikan', kind: 'opd', regionCode: '32.75' }));
    const kadis = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, unitId: dinas.id, employmentType: 'PNS', nip: '197203152000031002', name: 'Nur Hidayat', position: 'Kepala', active: true })).id;
    const c = (await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Kepala dinas mengarahkan guru', summary: 'Kepala dinas mengarahkan guru memilih calon tertentu.', reportedText: 'Kepala Dinas Pendidikan Kota Bekasi',
      incidentOn: '2024-01-02', actCode: 'KE-6', actorType: 'PNS',
    } })).json();
    expect(c.id, JSON.stringify(c)).toBeTruthy();
    const suggest = async (text?: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/reported-suggestions${text ? `?text=${encodeURIComponent(text)}` : ''}`, ...as('bawaslu.kota') });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items as { employeeId: string; reasons: string[] }[];
    };
    expect((await suggest())[0]).toMatchObject({ employeeId: kadis, reasons: expect.arrayContaining(['jabatan: Kepala']) });
    expect((await suggest('Nur Hidayat'))[0]?.employeeId).toBe(kadis);
    expect((await suggest('197203152000031002')).map((x) => [x.employeeId, x.reasons])).toEqual([[kadis, ['NIP: 197203152000031002']]]);
    // a NIP outside the case's regency/city is not found from this case
    expect(await suggest('197505052000031004'.replace('1975', '1999'))).toEqual([]);
  });

  it('tells the reporter of a formal report what to complete and by when, in words', async () => {
    await backToJanuary();
    const tip = (await app.inject({ method: 'POST', url: '/api/v1/public/tips', remoteAddress: '198.51.100.77', payload: {
      what: 'Guru diarahkan kepala sekolah memilih calon tertentu dalam rapat dewan guru.', regionCode: '32.75.01', occurredOn: '2024-01-02',
    } })).json();
    expect((await app.inject({ method: 'POST', url: '/api/v1/public/tips/consent', remoteAddress: '198.51.100.77', payload: tip })).statusCode).toBe(200);
    const tipId = (await app.inject({ method: 'GET', url: '/api/v1/tips?pageSize=100', ...as('bawaslu.kota') })).json().items.find((t: { what: string }) => t.what.startsWith('Guru diarahkan')).id;
    const report = await app.inject({ method: 'POST', url: '/api/v1/cases/reports', ...as('bawaslu.kota'), payload: {
      tipId, electionId: 'pemilu-2024', regionCode: '32.75', title: 'Guru diarahkan memilih calon', summary: 'Kepala sekolah mengarahkan guru memilih calon tertentu.',
      chronology: 'Pelapor mendengar arahan dalam rapat dewan guru.', reporter: { name: 'Pelapor Guru', address: 'Jl. Kenanga 2, Bekasi' },
    } });
    expect(report.statusCode, report.body).toBe(201);
    const id = report.json().id as string;
    await ok('bawaslu.kota', id, { type: 'START_REVIEW' });
    const asked = await ok('bawaslu.kota', id, { type: 'REQUEST_COMPLETION', missing: ['Fotokopi KTP pelapor', 'Foto atau rekaman rapat'] });
    const due = asked.deadlines[0].dueDate as string;
    const follow = (await app.inject({ method: 'POST', url: '/api/v1/public/tips/follow', remoteAddress: '198.51.100.77', payload: tip })).json();
    const last = follow.messages.filter((m: { author: string }) => m.author === 'system').at(-1).body as string;
    expect(last).toBe(
      `Status penanganan: Perlu dilengkapi. Lengkapi laporan paling lambat ${dateInWords(due, 'id')} dengan: Fotokopi KTP pelapor; Foto atau rekaman rapat.`
      + ` / Handling status: To be completed. Complete the report by ${dateInWords(due, 'en')} with: Fotokopi KTP pelapor; Foto atau rekaman rapat.`,
    );
  });

  it('an empty summons form marks every field it needs, in words', async () => {
    await backToJanuary();
    const c = (await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat memanggil', summary: 'Uraian temuan pengawas kelurahan.', reportedEmployeeId: camat, incidentOn: '2024-01-02',
    } })).json();
    await ok('bawaslu.kota', c.id, { type: 'START_REVIEW' });
    await ok('bawaslu.kota', c.id, { type: 'REGISTER', caseNumber: '031/Reg/TM/PL/Kota/13.13/I/2024', formal: true, material: true });
    await ok('bawaslu.kota', c.id, { type: 'BEGIN_REVIEW' });
    const empty = await event('bawaslu.kota', c.id, { type: 'SUMMON', party: 'witness', personLabel: '', scheduledOn: '', place: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([
      { path: 'body.event.personLabel', message: 'Name / position is required', messageId: 'Nama / jabatan wajib diisi' },
      { path: 'body.event.scheduledOn', message: 'Summons date is required', messageId: 'Tanggal panggilan wajib diisi' },
      { path: 'body.event.place', message: 'Place is required', messageId: 'Tempat wajib diisi' },
    ]);
    const past = await event('bawaslu.kota', c.id, { type: 'SUMMON', party: 'witness', personLabel: 'Saksi', scheduledOn: '2024-01-02', place: 'Kantor Bawaslu' });
    expect(past.json().errors).toEqual([{ path: 'body.event.scheduledOn', message: expect.stringContaining('2 January 2024 is in the past'), messageId: 'Tanggal panggilan 2 Januari 2024 sudah lewat: jadwalkan paling cepat hari ini (3 Januari 2024)' }]);
  });
});
