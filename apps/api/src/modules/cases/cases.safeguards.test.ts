/**
 * Safeguards found by the adversarial test (h3): the reporter is never named outside the sealed
 * record; malformed events and taken case numbers are client errors, not 500s; the reported person
 * is fixed once the review is decided; event dates are real and not before the case; merges stay
 * within one Bawaslu office; nobody assigns cases (and the sealed identity) to themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClock, addUser, freshDb, makeDeps, signIn, SYSTEM, type TestApp, SYSTEM_PRINCIPAL } from '../../../test/harness.ts';
import { pdfText } from '../../../test/pdf-inspect.ts';
import { listMigrations, splitStatements } from '../../db/migrate.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency, insertUnit } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';
import { REPORTER_LABEL } from './domain/workflow.ts';

describe.each(DB_KINDS)('case safeguards on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  const clock = new TestClock(new Date('2024-01-03T02:00:00Z')); // Wednesday 3 Jan 2024, 09:00 WIB
  const today = '2024-01-03';
  const s: Record<string, Awaited<ReturnType<typeof signIn>>> = {};
  const userId: Record<string, string> = {};
  let camat: string;
  let lurah: string;
  let driver: string;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    const kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    const serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
    const unit = await deps.db.transaction((tx) => insertUnit(tx, kota, { name: 'Kecamatan Bekasi Barat', kind: 'kecamatan', regionCode: '32.75.01' }));
    camat = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, unitId: unit.id, employmentType: 'PNS', nip: '197505052000031004', name: 'Drs. Camat Contoh', position: 'Camat', active: true })).id;
    driver = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, unitId: unit.id, employmentType: 'NON_ASN', internalId: 'THL-2024-001', name: 'Pengemudi Kecamatan', position: 'Pengemudi', active: true })).id;
    lurah = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, unitId: unit.id, employmentType: 'PNS', nip: '198002022005031006', name: 'Lurah Contoh', position: 'Lurah', active: true })).id;
    const serangUnit = await deps.db.transaction((tx) => insertUnit(tx, serang, { name: 'Kecamatan Kramatwatu', kind: 'kecamatan', regionCode: '36.04.05' }));
    const serangStaff = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: serang, unitId: serangUnit.id, employmentType: 'PNS', nip: '197002022000031005', name: 'Staf Serang', position: 'Staf', active: true })).id;
    userId.serangStaff = serangStaff;
    await addUser(deps, 'bawaslu.kota', 'supervisor', { regionCode: '32.75' });
    await addUser(deps, 'bawaslu.kota2', 'supervisor', { regionCode: '32.75' });
    await addUser(deps, 'bawaslu.kota3', 'supervisor', { regionCode: '32.75' });
    await addUser(deps, 'bawaslu.jabar', 'supervisor', { regionCode: '32' });
    await addUser(deps, 'bawaslu.kabbekasi', 'supervisor', { regionCode: '32.16' });
    await addUser(deps, 'bkn', 'authority_officer');
    await addUser(deps, 'ppk.kota', 'employing_official', { agencyId: kota });
    app = await buildApp(deps);
    const users = ['bawaslu.kota', 'bawaslu.kota2', 'bawaslu.kota3', 'bawaslu.jabar', 'bawaslu.kabbekasi', 'bkn', 'ppk.kota'];
    for (const u of users) {
      s[u] = await signIn(app, u);
      userId[u] = (await deps.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [u])).rows[0]!.id;
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const as = (u: string) => s[u]!;
  const event = (u: string, id: string, ev: object) => app.inject({ method: 'POST', url: `/api/v1/cases/${id}/events`, ...as(u), payload: { event: ev } });
  const ok = async (u: string, id: string, ev: object) => {
    const r = await event(u, id, ev);
    expect(r.statusCode, `${(ev as { type: string }).type}: ${r.body}`).toBe(200);
    return r.json();
  };
  const get = (u: string, id: string) => app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, ...as(u) });
  const doc = async (u: string, id: string, kind: string) => {
    const r = await app.inject({ method: 'GET', url: `/api/v1/cases/${id}/documents/${kind}`, ...as(u) });
    expect(r.statusCode, `${kind}: ${r.body.slice(0, 200)}`).toBe(200);
    return pdfText(r.rawPayload);
  };
  const finding = async (u: string, payload: Record<string, unknown> = {}) => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as(u), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat memasang spanduk calon', summary: 'Spanduk bakal calon dipasang di kantor kecamatan.', ...payload,
    } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; version: number; incidentPlace: string | null };
  };
  let caseSeq = 100;
  const toReview = async (u: string, id: string) => {
    await ok(u, id, { type: 'START_REVIEW' });
    await ok(u, id, { type: 'REGISTER', caseNumber: `${caseSeq++}/Reg/TM/PL/Kota/13.13/I/2024`, formal: true, material: true });
    await ok(u, id, { type: 'BEGIN_REVIEW' });
  };

  it('never shows the reporter\'s name from a summons or clarification: not to handlers, BKN, the PPK, nor in any document or stored row', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/cases/reports', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat mengajak warga memilih', summary: 'Camat mengajak warga memilih calon tertentu di rapat RW.',
      incidentOn: '2024-01-02', knownOn: '2024-01-02', incidentPlace: 'Balai RW 07 Kelurahan Bintara', actCode: 'KE-6', actorType: 'PNS', reportedText: 'Camat Bekasi Barat', reportedEmployeeId: camat,
      chronology: 'Pada rapat RW, camat mengajak warga memilih calon nomor tertentu.',
      reporter: { name: 'Siti Pelapor Rahasia', address: 'Jl. Melati 7, Bekasi', phone: '081200000001' }, witnesses: [{ name: 'Budi Saksi' }],
    } });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as string;
    await toReview('bawaslu.kota', id);
    const summoned = await ok('bawaslu.kota', id, { type: 'SUMMON', party: 'reporter', personLabel: 'Siti Pelapor Rahasia', scheduledOn: today, place: 'Kantor Bawaslu Kota Bekasi' });
    expect(summoned.summons).toEqual([expect.objectContaining({ party: 'reporter', personLabel: REPORTER_LABEL })]);
    expect(await doc('bawaslu.kota', id, 'summons')).not.toContain('Siti');
    expect(await doc('bawaslu.kota', id, 'summons')).toContain('identitas dirahasiakan');
    await ok('bawaslu.kota', id, { type: 'RECORD_CLARIFICATION', party: 'reporter', personLabel: 'Siti Pelapor Rahasia', heldOn: today, statement: 'Saya hadir di rapat RW itu.' });
    // no name needed for the reporter: the form's name field may stay empty
    await ok('bawaslu.kota', id, { type: 'RECORD_CLARIFICATION', party: 'reporter', personLabel: '', heldOn: today, statement: 'Keterangan tambahan pelapor.' });
    await ok('bawaslu.kota', id, { type: 'RECORD_CLARIFICATION', party: 'witness', personLabel: 'Budi Saksi', heldOn: today, statement: 'Saya mendengar ajakan itu.' });
    await ok('bawaslu.kota', id, { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Drs. Camat Contoh', heldOn: today, statement: 'Saya hanya menyampaikan informasi.' });
    await ok('bawaslu.kota', id, { type: 'DECIDE', outcome: 'other_law', reasoning: 'Dugaan pelanggaran netralitas ASN (KE-6).' });
    await ok('bawaslu.kota', id, { type: 'FORWARD', authorityId: 'KASN', letterNumber: '013/PP.01/K.JB-17/01/2024' });
    await ok('bkn', id, { type: 'RECOMMEND', actCode: 'KE-6', sanctionId: 'moral_open', level: 'moral', letterNumber: 'R-200/BKN/2024' });

    for (const u of ['bawaslu.kota', 'bkn', 'ppk.kota']) {
      const res = await get(u, id);
      expect(res.statusCode, u).toBe(200);
      expect(res.body, u).not.toContain('Siti');
      const c = res.json();
      expect(c.clarifications.filter((x: { party: string }) => x.party === 'reporter').map((x: { personLabel: string }) => x.personLabel)).toEqual([REPORTER_LABEL, REPORTER_LABEL]);
      // the reported person and the witness heard in the review are named, as the review needs them
      expect(c.clarifications.map((x: { personLabel: string }) => x.personLabel)).toEqual(expect.arrayContaining(['Budi Saksi', 'Drs. Camat Contoh']));
      for (const kindOf of ['review', 'forwarding', 'summons']) {
        const text = await doc(u, id, kindOf);
        expect(text, `${u} ${kindOf}`).not.toContain('Siti');
        if (kindOf !== 'summons') expect(text).toContain('Pelapor (identitas dirahasiakan)');
      }
    }
    // the reporter's own words (chronology, statements when heard) stay with Bawaslu: the authority and
    // the PPK get the allegation, the other statements and the conclusion, and so does the forwarding letter
    const mine = ['Pada rapat RW, camat mengajak', 'Saya hadir di rapat RW itu', 'Keterangan tambahan pelapor'];
    const inside = (await get('bawaslu.kota', id)).json();
    for (const words of mine) expect(JSON.stringify(inside), words).toContain(words);
    expect(await doc('bawaslu.kota', id, 'review')).toContain('Saya hadir di rapat RW itu');
    for (const u of ['bkn', 'ppk.kota']) {
      const outside = (await get(u, id)).json();
      for (const words of mine) expect(JSON.stringify(outside), `${u}: ${words}`).not.toContain(words);
      expect(outside.summary).toContain('Camat mengajak warga memilih calon tertentu di rapat RW.');
      expect(outside.clarifications.map((x: { statement: string }) => x.statement)).toEqual(expect.arrayContaining(['Saya mendengar ajakan itu.', 'Saya hanya menyampaikan informasi.', expect.stringContaining('dirahasiakan')]));
      expect(outside.events.find((e: { type: string; payload: { party?: string } }) => e.type === 'RECORD_CLARIFICATION' && e.payload.party === 'reporter').payload.statement).toContain('dirahasiakan');
      expect(outside.events.find((e: { type: string }) => e.type === 'DECIDE').payload.reasoning).toBe('Dugaan pelanggaran netralitas ASN (KE-6).');
      expect(await doc(u, id, 'review')).not.toContain('Saya hadir');
    }
    for (const u of ['bawaslu.kota', 'bkn', 'ppk.kota']) {
      const letter = await doc(u, id, 'forwarding');
      expect(letter, u).not.toContain('Saya hadir');
      expect(letter, u).toContain('Saya mendengar ajakan itu.');
      expect(letter, u).toContain('Keterangan pelapor dirahasiakan');
    }
    // nothing readable holds the name: it exists only in the sealed record
    for (const t of ['cases', 'case_events', 'case_clarifications', 'case_reporters', 'audit_events', 'notification_outbox'])
      expect(JSON.stringify((await deps.db.query(`SELECT * FROM ${t}`)).rows), t).not.toContain('Siti Pelapor');
    const identity = await app.inject({ method: 'POST', url: `/api/v1/cases/${id}/reporter-identity`, ...as('bawaslu.kota'), payload: { reason: 'Menyiapkan undangan klarifikasi pelapor' } });
    expect(identity.json().reporter.name).toBe('Siti Pelapor Rahasia');
  });

  it('masks a reporter\'s name that older rows still hold, on every read and in documents', async () => {
    const c = await finding('bawaslu.kota', { reportedEmployeeId: camat, incidentOn: '2024-01-02' });
    await toReview('bawaslu.kota', c.id);
    await ok('bawaslu.kota', c.id, { type: 'SUMMON', party: 'reported', personLabel: 'Drs. Camat Contoh', scheduledOn: today, place: 'Kantor Bawaslu' });
    // rows as the earlier version wrote them: the name in the clarification row, the event payload and the state
    const legacy = { type: 'RECORD_CLARIFICATION', party: 'reporter', personLabel: 'Wati Nama Lama', heldOn: today, statement: 'Keterangan lama.' };
    await deps.db.query('INSERT INTO case_clarifications (case_id, party, person_label, held_on, statement) VALUES ($1, $2, $3, $4, $5)', [c.id, 'reporter', 'Wati Nama Lama', today, 'Keterangan lama.']);
    await deps.db.query("INSERT INTO case_events (case_id, type, from_status, to_status, payload, actor_label, at) VALUES ($1, 'RECORD_CLARIFICATION', 'under_review', 'under_review', $2, 'lama', now())", [c.id, JSON.stringify(legacy)]);
    const legacySummon = { type: 'SUMMON', party: 'reporter', personLabel: 'Wati Nama Lama', scheduledOn: today, place: 'Kantor Bawaslu' };
    await deps.db.query("INSERT INTO case_events (case_id, type, from_status, to_status, payload, actor_label, at) VALUES ($1, 'SUMMON', 'under_review', 'under_review', $2, 'lama', now())", [c.id, JSON.stringify(legacySummon)]);
    const state = (await deps.db.query<{ state: Record<string, unknown> | string }>('SELECT state FROM cases WHERE id = $1', [c.id])).rows[0]!.state;
    const st = (typeof state === 'string' ? JSON.parse(state) : state) as { clarifications: object[]; summons: object[] };
    st.clarifications.push({ party: 'reporter', personLabel: 'Wati Nama Lama', heldOn: today });
    st.summons.push({ party: 'reporter', personLabel: 'Wati Nama Lama', scheduledOn: today, place: 'Kantor Bawaslu', issuedOn: today });
    await deps.db.query('UPDATE cases SET state = $2 WHERE id = $1', [c.id, JSON.stringify(st)]);

    const res = await get('bawaslu.kota', c.id);
    expect(res.body).not.toContain('Wati');
    expect(res.json().summons.at(-1)).toMatchObject({ party: 'reporter', personLabel: REPORTER_LABEL });
    expect(await doc('bawaslu.kota', c.id, 'summons')).not.toContain('Wati');
    // the next change writes the state back masked, and its audit row carries no name
    await ok('bawaslu.kota', c.id, { type: 'DECIDE', outcome: 'no_violation', reasoning: 'Tidak terbukti' });
    expect(JSON.stringify((await deps.db.query('SELECT state FROM cases WHERE id = $1', [c.id])).rows)).not.toContain('Wati');
    expect(await doc('bawaslu.kota', c.id, 'review')).not.toContain('Wati');
    // the audit row says the change also sealed a stored name (its digests cover the states as stored)
    const audits = (await deps.db.query<{ details: unknown }>("SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'case.decide'", [c.id])).rows;
    expect(audits).toEqual([{ details: { reporterLabelSealed: true } }]);
  });

  it('migration 0020 gives cases made from a tip the place the tip named, and leaves the others', async () => {
    const sent = await app.inject({ method: 'POST', url: '/api/v1/public/tips', payload: { what: 'Lurah membagikan stiker calon kepada warga di pasar pagi ini.', regionCode: '32.75.01', where: 'Pasar Kranji' } });
    expect(sent.statusCode, sent.body).toBe(201);
    const tips = (await app.inject({ method: 'GET', url: '/api/v1/tips', ...as('bawaslu.kota') })).json().items as { id: string; where: string | null }[];
    const tip = tips.find((t) => t.where === 'Pasar Kranji')!;
    const fromTip = await finding('bawaslu.kota', { tipId: tip.id });
    expect(fromTip.incidentPlace).toBe('Pasar Kranji');
    const own = await finding('bawaslu.kota', {});
    await deps.db.query('UPDATE cases SET incident_place = NULL WHERE id = ANY($1::uuid[])', [[fromTip.id, own.id]]);
    const m = listMigrations().find((x) => x.name.startsWith('0020_'))!;
    for (const stmt of splitStatements(m.sql).filter((x) => x.trimStart().startsWith('UPDATE'))) await deps.db.query(stmt);
    const places = (await deps.db.query<{ id: string; incident_place: string | null }>('SELECT id, incident_place FROM cases WHERE id = ANY($1::uuid[])', [[fromTip.id, own.id]])).rows;
    expect(Object.fromEntries(places.map((r) => [r.id, r.incident_place]))).toEqual({ [fromTip.id]: 'Pasar Kranji', [own.id]: null });
  });

  it('migration 0014 removes reporter names already stored in clarifications, events and the case state, keeping order', async () => {
    const c = await finding('bawaslu.kota', { reportedEmployeeId: camat, incidentOn: '2024-01-02' });
    await toReview('bawaslu.kota', c.id);
    await ok('bawaslu.kota', c.id, { type: 'SUMMON', party: 'reported', personLabel: 'Drs. Camat Contoh', scheduledOn: today, place: 'Kantor Bawaslu' });
    await deps.db.query('INSERT INTO case_clarifications (case_id, party, person_label, held_on, statement) VALUES ($1, $2, $3, $4, $5)', [c.id, 'reporter', 'Wati Nama Lama', today, 'Keterangan lama.']);
    const legacy = { type: 'RECORD_CLARIFICATION', party: 'reporter', personLabel: 'Wati Nama Lama', heldOn: today, statement: 'Keterangan lama.' };
    await deps.db.query("INSERT INTO case_events (case_id, type, from_status, to_status, payload, actor_label, at) VALUES ($1, 'RECORD_CLARIFICATION', 'under_review', 'under_review', $2, 'lama', now())", [c.id, JSON.stringify(legacy)]);
    const raw = (await deps.db.query<{ state: Record<string, unknown> | string }>('SELECT state FROM cases WHERE id = $1', [c.id])).rows[0]!.state;
    const st = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { clarifications: object[]; summons: object[] };
    st.clarifications.push({ party: 'reporter', personLabel: 'Wati Nama Lama', heldOn: today });
    st.summons.push({ party: 'reporter', personLabel: 'Wati Nama Lama', scheduledOn: today, place: 'Kantor Bawaslu', issuedOn: today });
    await deps.db.query('UPDATE cases SET state = $2 WHERE id = $1', [c.id, JSON.stringify(st)]);

    const m = listMigrations().find((x) => x.name.startsWith('0014_'))!;
    for (const stmt of splitStatements(m.sql)) await deps.db.query(stmt);

    const stored = JSON.stringify([
      (await deps.db.query('SELECT person_label FROM case_clarifications WHERE case_id = $1', [c.id])).rows,
      (await deps.db.query('SELECT payload FROM case_events WHERE case_id = $1', [c.id])).rows,
      (await deps.db.query('SELECT state FROM cases WHERE id = $1', [c.id])).rows,
    ]);
    expect(stored).not.toContain('Wati');
    expect(stored).toContain('Drs. Camat Contoh'); // the reported person is not a reporter: kept
    const after = (await deps.db.query<{ state: Record<string, unknown> | string }>('SELECT state FROM cases WHERE id = $1', [c.id])).rows[0]!.state;
    const masked = (typeof after === 'string' ? JSON.parse(after) : after) as { summons: { party: string; personLabel: string }[] };
    expect(masked.summons.map((x) => [x.party, x.personLabel])).toEqual([['reported', 'Drs. Camat Contoh'], ['reporter', REPORTER_LABEL]]);
  });

  it('answers 400 to an event named after an inherited object property, never 500', async () => {
    const c = await finding('bawaslu.kota');
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const r = await event('bawaslu.kota', c.id, { type });
      expect(r.statusCode, `${type}: ${r.body}`).toBe(400);
      expect(r.json()).toMatchObject({ code: 'CASE_INVALID_PAYLOAD', message: { en: expect.stringContaining('Unknown event') } });
    }
    expect((await get('bawaslu.kota', c.id)).json().status).toBe('received');
  });

  it('answers 409 to a registration number already in use, also when two registrations race', async () => {
    const a = await finding('bawaslu.kota');
    const b = await finding('bawaslu.kota');
    for (const id of [a.id, b.id]) await ok('bawaslu.kota', id, { type: 'START_REVIEW' });
    await ok('bawaslu.kota', a.id, { type: 'REGISTER', caseNumber: '050/Reg/TM/PL/Kota/13.13/I/2024', formal: true, material: true });
    const dup = await event('bawaslu.kota', b.id, { type: 'REGISTER', caseNumber: ' 050/Reg/TM/PL/Kota/13.13/I/2024 ', formal: true, material: true });
    expect(dup.statusCode, dup.body).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'CASE_NUMBER_TAKEN', message: { id: expect.stringContaining('sudah dipakai'), en: expect.stringContaining('already used') } });
    expect((await get('bawaslu.kota', b.id)).json()).toMatchObject({ status: 'initial_review', caseNumber: null });
    // two other cases registering the same number at once: one wins, the other is told, nothing is a 500
    const c = await finding('bawaslu.kota');
    const d = await finding('bawaslu.kota2');
    await ok('bawaslu.kota', c.id, { type: 'START_REVIEW' });
    await ok('bawaslu.kota2', d.id, { type: 'START_REVIEW' });
    const reg = { type: 'REGISTER', caseNumber: '051/Reg/TM/PL/Kota/13.13/I/2024', formal: true, material: true };
    const both = await Promise.all([event('bawaslu.kota', c.id, reg), event('bawaslu.kota2', d.id, reg)]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((x) => x.statusCode === 409)!.json().code).toBe('CASE_NUMBER_TAKEN');
  });

  it('fixes the reported person once the review is decided, and on final cases', async () => {
    const confirm = (id: string, employeeId: string) => app.inject({ method: 'POST', url: `/api/v1/cases/${id}/reported-person`, ...as('bawaslu.kota'), payload: { employeeId } });
    const c = await finding('bawaslu.kota', { reportedEmployeeId: camat });
    await toReview('bawaslu.kota', c.id);
    // during the review the handler may still correct it
    expect((await confirm(c.id, lurah)).json().reportedEmployeeId).toBe(lurah);
    expect((await confirm(c.id, camat)).json().reportedEmployeeId).toBe(camat);
    await ok('bawaslu.kota', c.id, { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Drs. Camat Contoh', heldOn: today, statement: 'Tidak tahu dilarang.' });
    await ok('bawaslu.kota', c.id, { type: 'DECIDE', outcome: 'other_law', reasoning: 'Netralitas ASN' });
    const decided = await confirm(c.id, lurah);
    expect(decided.statusCode, decided.body).toBe(409);
    expect(decided.json().code).toBe('CASE_REPORTED_PERSON_FIXED');
    await ok('bawaslu.kota', c.id, { type: 'FORWARD', authorityId: 'KASN', letterNumber: 'F-77' });
    await ok('bkn', c.id, { type: 'RECOMMEND', actCode: 'KE-1', sanctionId: 'moral_open', level: 'moral', letterNumber: 'R-77' });
    await ok('ppk.kota', c.id, { type: 'PPK_DECIDE', decreeNumber: '800/Kep.77/2024', sanctionId: 'moral_open', level: 'moral', decidedOn: today });
    const closed = await ok('bawaslu.kota', c.id, { type: 'CLOSE', note: 'selesai' });
    for (const other of [lurah, userId.serangStaff!]) {
      const r = await confirm(c.id, other);
      expect(r.statusCode, r.body).toBe(409);
    }
    const after = (await get('bawaslu.kota', c.id)).json();
    expect(after).toMatchObject({ reportedEmployeeId: camat, version: closed.version });
    // the decree still belongs to the PPK of the person it was about
    expect((await get('ppk.kota', c.id)).statusCode).toBe(200);
    // a case that was not registered too
    const w = await finding('bawaslu.kota', { reportedEmployeeId: camat });
    await ok('bawaslu.kota', w.id, { type: 'START_REVIEW' });
    await ok('bawaslu.kota', w.id, { type: 'REJECT', reason: 'tidak memenuhi syarat materiel' });
    expect((await confirm(w.id, lurah)).statusCode).toBe(409);
  });

  it('refuses impossible dates and dates before the case in workflow events', async () => {
    const c = await finding('bawaslu.kota', { reportedEmployeeId: camat, incidentOn: '2023-12-20' });
    await toReview('bawaslu.kota', c.id);
    for (const heldOn of ['1900-01-01', '2023-12-19', '2023-02-30', '2024-01-04']) {
      const r = await event('bawaslu.kota', c.id, { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Camat', heldOn, statement: 'Keterangan.' });
      expect(r.statusCode, heldOn).toBe(400);
      expect(r.json().code).toBe('CASE_INVALID_PAYLOAD');
    }
    await ok('bawaslu.kota', c.id, { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Camat', heldOn: '2023-12-20', statement: 'Keterangan.' });
    await ok('bawaslu.kota', c.id, { type: 'DECIDE', outcome: 'other_law', reasoning: 'Netralitas ASN' });
    await ok('bawaslu.kota', c.id, { type: 'FORWARD', authorityId: 'KASN', letterNumber: 'F-88' });
    await ok('bkn', c.id, { type: 'RECOMMEND', actCode: 'KE-1', sanctionId: 'moral_open', level: 'moral', letterNumber: 'R-88' });
    for (const decidedOn of ['2023-02-31', '2023-11-31', '2023-12-01', '2024-01-04']) {
      const r = await event('ppk.kota', c.id, { type: 'PPK_DECIDE', decreeNumber: '800/Kep.88/2024', sanctionId: 'moral_open', level: 'moral', decidedOn });
      expect(r.statusCode, decidedOn).toBe(400);
    }
    const decided = await ok('ppk.kota', c.id, { type: 'PPK_DECIDE', decreeNumber: '800/Kep.88/2024', sanctionId: 'moral_open', level: 'moral', decidedOn: today });
    expect(decided.ppkDecision.decidedOn).toBe(today);
  });

  it('merges only cases of the same Bawaslu office: a provincial supervisor cannot join Kota Bekasi to Kab. Bekasi', async () => {
    const kotaCase = await finding('bawaslu.jabar', { regionCode: '32.75', title: 'Camat Kota hadir kampanye' });
    const kabCase = await finding('bawaslu.jabar', { regionCode: '32.16', title: 'Camat Kab hadir kampanye' });
    await deps.db.query("INSERT INTO evidence (id, case_id, file_name, mime, size, sha256, sealed, received_at) VALUES (gen_random_uuid(), $1, 'foto.jpg', 'image/jpeg', 10, repeat('b', 64), '{}', now())", [kotaCase.id]);
    const r = await event('bawaslu.jabar', kotaCase.id, { type: 'MERGE', intoCaseId: kabCase.id, reason: 'duplikat' });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json()).toMatchObject({ code: 'CASE_MERGE_TARGET', message: { en: expect.stringContaining('same Bawaslu office') } });
    expect((await deps.db.query('SELECT 1 FROM evidence WHERE case_id = $1', [kotaCase.id])).rowCount).toBe(1);
    expect((await get('bawaslu.jabar', kotaCase.id)).json().status).toBe('received');
    // a provincial case is the province office's, not a regency's
    const provCase = await finding('bawaslu.jabar', { regionCode: '32', title: 'Kepala dinas provinsi hadir kampanye' });
    expect((await event('bawaslu.jabar', provCase.id, { type: 'MERGE', intoCaseId: kotaCase.id, reason: 'duplikat' })).json().code).toBe('CASE_MERGE_TARGET');
    // within one office the merge goes through
    const second = await finding('bawaslu.jabar', { regionCode: '32.75', title: 'Camat Kota hadir kampanye (laporan kedua)' });
    expect((await ok('bawaslu.jabar', second.id, { type: 'MERGE', intoCaseId: kotaCase.id, reason: 'duplikat' })).status).toBe('merged');
    // a malformed target is a 400 as well
    expect((await event('bawaslu.jabar', provCase.id, { type: 'MERGE', reason: 'duplikat' })).statusCode).toBe(400);
  });

  it('a late report is not registered, and may become initial information for a finding once, without its reporter', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/cases/reports', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat hadir di rapat relawan', summary: 'Camat hadir dalam rapat relawan calon.',
      incidentOn: '2023-11-30', knownOn: '2023-12-01', incidentPlace: 'Posko relawan, Jl. Ahmad Yani', chronology: 'Saya sebagai ajudan melihat camat datang ke rapat relawan.', reportedText: 'Camat Bekasi Barat',
      reporter: { name: 'Dewi Pelapor', address: 'Jl. Melati 9, Bekasi' },
    } });
    expect(r.statusCode, r.body).toBe(201);
    const report = r.json();
    await ok('bawaslu.kota', report.id, { type: 'START_REVIEW' });
    // known on 1 Dec, in on 3 Jan: past 7 working days, whatever reason is given
    const reg = await event('bawaslu.kota', report.id, { type: 'REGISTER', caseNumber: '077/Reg/LP/PL/Kota/13.13/I/2024', formal: true, material: true, lateReason: 'Pelapor takut melapor lebih awal' });
    expect([reg.statusCode, reg.json().message.id]).toEqual([400, expect.stringContaining('tidak dapat diregistrasi')]);
    // a case still in review cannot be taken up; once not registered it can, once
    const take = (fromCaseId: string) => app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota'), payload: {
      fromCaseId, electionId: 'pemilu-2024', regionCode: '32.75', title: 'Temuan: camat di rapat relawan', summary: 'Pengawas menelusuri kehadiran camat di rapat relawan.', reportedEmployeeId: camat,
    } });
    expect((await take(report.id)).json().code).toBe('CASE_NOT_TAKEABLE');
    await ok('bawaslu.kota', report.id, { type: 'REJECT', reason: 'Melewati batas waktu penyampaian laporan' });
    const f = await take(report.id);
    expect(f.statusCode, f.body).toBe(201);
    // Bawaslu learned of it when the report came in: the finding's 7 days run from then
    expect(f.json()).toMatchObject({ source: 'finding', knownOn: today, hasReporterIdentity: false, incidentPlace: 'Posko relawan, Jl. Ahmad Yani' });
    expect(f.json().events.map((e: { type: string }) => e.type)).toEqual(['CREATED', 'FROM_REPORT']);
    expect(JSON.stringify(f.json())).not.toMatch(/ajudan|Dewi/);
    expect((await get('bawaslu.kota', report.id)).json().events.at(-1)).toMatchObject({ type: 'TAKEN_UP', payload: { findingId: f.json().id } });
    const again = await take(report.id);
    expect([again.statusCode, again.json().code]).toEqual([409, 'CASE_ALREADY_TAKEN_UP']);
    // both a tip and a report: refused by the contract
    expect((await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.kota'), payload: {
      fromCaseId: report.id, tipId: report.id, electionId: 'pemilu-2024', regionCode: '32.75', title: 'Temuan ganda', summary: 'Uraian temuan ganda.',
    } })).statusCode).toBe(400);
  });

  it('nobody assigns cases to themselves (four eyes); the new handler still states a logged reason to open the identity', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/cases/reports', ...as('bawaslu.kota'), payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Lurah membagikan kalender calon', summary: 'Lurah membagikan kalender bergambar calon di kelurahan.',
      incidentOn: '2024-01-02', chronology: 'Kalender dibagikan kepada warga yang datang ke kantor kelurahan.',
      reporter: { name: 'Rina Pelapor', address: 'Jl. Kenanga 3, Bekasi' },
    } });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as string;
    const reassign = (u: string, fromUserId: string, toUserId: string, caseIds?: string[]) =>
      app.inject({ method: 'POST', url: '/api/v1/cases/handlers/reassign', ...as(u), payload: { fromUserId, toUserId, ...(caseIds ? { caseIds } : {}) } });
    const identity = (u: string, reason: string) => app.inject({ method: 'POST', url: `/api/v1/cases/${id}/reporter-identity`, ...as(u), payload: { reason } });

    // a peer takes a colleague's case for themselves: refused, nothing moves, the identity stays closed to them
    for (const [u, caseIds] of [['bawaslu.kota2', [id]], ['bawaslu.kota2', undefined], ['bawaslu.jabar', [id]]] as const) {
      const self = await reassign(u, userId['bawaslu.kota']!, userId[u]!, caseIds ? [...caseIds] : undefined);
      expect(self.statusCode, self.body).toBe(403);
      expect(self.json().code).toBe('REASSIGN_TO_SELF');
    }
    expect((await deps.db.query<{ user_id: string }>('SELECT user_id FROM case_handlers WHERE case_id = $1', [id])).rows.map((x) => x.user_id)).toEqual([userId['bawaslu.kota']]);
    expect((await identity('bawaslu.kota2', 'Melanjutkan kajian kasus ini')).statusCode).toBe(403);

    // another supervisor moves it (a rotation decided by someone who does not gain the access)
    const moved = await reassign('bawaslu.kota3', userId['bawaslu.kota']!, userId['bawaslu.kota2']!, [id]);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().moved).toBe(1);
    // handing one's own cases on is the everyday rotation
    const back = await reassign('bawaslu.kota2', userId['bawaslu.kota2']!, userId['bawaslu.kota']!, [id]);
    expect(back.json().moved).toBe(1);
    expect((await reassign('bawaslu.kota', userId['bawaslu.kota']!, userId['bawaslu.kota2']!, [id])).json().moved).toBe(1);

    // the new handler opens the identity only with a stated reason, and the access is logged
    expect((await identity('bawaslu.kota2', 'x')).statusCode).toBe(400);
    const seen = await identity('bawaslu.kota2', 'Petugas pengganti memanggil pelapor');
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().reporter.name).toBe('Rina Pelapor');
    const log = (await deps.db.query<{ user_id: string; reason: string }>('SELECT user_id, reason FROM reporter_identity_access WHERE case_id = $1', [id])).rows;
    expect(log).toEqual([{ user_id: userId['bawaslu.kota2'], reason: 'Petugas pengganti memanggil pelapor' }]);
    const audit = (await deps.db.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'case.reporter_identity_viewed'", [id])).rows;
    expect(audit).toHaveLength(1);
    // the previous handler lost the access with the move
    expect((await identity('bawaslu.kota', 'Masih ingin melihat identitas')).statusCode).toBe(403);
  });
  it("the registry says who is non-ASN: such a case goes to the worker's PPK with Bawaslu's recommendation, not to the ASN authority", async () => {
    // the intake form said PNS; linking the registry's non-ASN driver corrects it, at intake or on confirmation
    const atIntake = await finding('bawaslu.kota', { actCode: 'KE-6', actorType: 'PNS', incidentOn: today, reportedEmployeeId: driver });
    expect((await get('bawaslu.kota', atIntake.id)).json().actorType).toBe('NON_ASN');
    const c = await finding('bawaslu.kota', { actCode: 'KE-6', actorType: 'PNS', incidentOn: today });
    const confirmed = await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/reported-person`, ...as('bawaslu.kota'), payload: { employeeId: driver } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().actorType).toBe('NON_ASN');
    await toReview('bawaslu.kota', c.id);
    await ok('bawaslu.kota', c.id, { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Pengemudi Kecamatan', heldOn: today, statement: 'Saya hanya mengantar.' });
    const decided = await ok('bawaslu.kota', c.id, { type: 'DECIDE', outcome: 'other_law', reasoning: 'Pegawai non-ASN ikut kampanye (KE-6).' });
    expect(decided.forwardTo).toBeNull();
    expect(decided.allowedActions).toEqual(expect.arrayContaining(['FORWARD_TO_PPK']));
    const toAuthority = await event('bawaslu.kota', c.id, { type: 'FORWARD', authorityId: 'KASN', letterNumber: 'F-9' });
    expect(toAuthority.statusCode).toBe(400);
    expect(toAuthority.json().message.id).toContain('non-ASN');
    // a PNS discipline form is no sanction for a contract worker
    expect((await event('bawaslu.kota', c.id, { type: 'FORWARD_TO_PPK', actCode: 'KE-6', sanctionId: 'moral_open', level: 'moral', letterNumber: 'F-9' })).statusCode).toBe(400);
    const forwarded = await ok('bawaslu.kota', c.id, { type: 'FORWARD_TO_PPK', actCode: 'KE-6', sanctionId: 'contract_termination', level: 'contract', letterNumber: 'F-9/PPK' });
    expect(forwarded.status).toBe('recommended');
    expect(forwarded.deadlines.map((d: { ruleId: string }) => d.ruleId)).toEqual(['civil_service.ppk_follow_up']);
    // the PPK of the driver's agency sees it and decides; the civil-service authority is not involved
    expect((await get('ppk.kota', c.id)).statusCode).toBe(200);
    expect((await get('bkn', c.id)).statusCode).toBe(404);
    const decree = await ok('ppk.kota', c.id, { type: 'PPK_DECIDE', decreeNumber: '800/Kep.9/2024', sanctionId: 'contract_termination', level: 'contract', decidedOn: today });
    expect(decree.status).toBe('ppk_decided');
    expect(decree.ppkDecision).toMatchObject({ sanctionId: 'contract_termination' });
  });

  it('nothing is sent to a PPK who could not receive it: the reported employee is linked first, also after the decision', async () => {
    const c = await finding('bawaslu.kota', { actCode: 'KE-6', actorType: 'NON_ASN', incidentOn: today, reportedText: 'Sopir kecamatan' });
    await toReview('bawaslu.kota', c.id);
    await ok('bawaslu.kota', c.id, { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Sopir', heldOn: today, statement: 'Saya hanya mengantar.' });
    await ok('bawaslu.kota', c.id, { type: 'DECIDE', outcome: 'other_law', reasoning: 'Pegawai non-ASN ikut kampanye.' });
    const refused = await event('bawaslu.kota', c.id, { type: 'FORWARD_TO_PPK', actCode: 'KE-6', sanctionId: 'contract_termination', level: 'contract', letterNumber: 'F-10' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message.en).toContain('not linked');
    // decided about a described person with no registry record yet: the record can still be linked
    const linked = await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/reported-person`, ...as('bawaslu.kota'), payload: { employeeId: driver } });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().allowedActions).toContain('FORWARD_TO_PPK');
    expect(linked.json().allowedActions).not.toContain('FORWARD');
    expect((await event('bawaslu.kota', c.id, { type: 'FORWARD_TO_PPK', actCode: 'KE-6', sanctionId: 'contract_termination', level: 'contract', letterNumber: 'F-10' })).statusCode).toBe(200);
    expect((await get('ppk.kota', c.id)).statusCode).toBe(200);
    // once linked it stays fixed
    expect((await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/reported-person`, ...as('bawaslu.kota'), payload: { employeeId: camat } })).statusCode).toBe(409);
  });
  it('a working-day deadline that runs into a year without holiday data says so', async () => {
    const saved = clock.current;
    try {
      clock.current = new Date('2026-12-28T02:00:00Z'); // holiday data covers 2023-2026
      s['bawaslu.kota'] = await signIn(app, 'bawaslu.kota'); // (the session of January 2024 has long expired)
      const c = await finding('bawaslu.kota', { incidentOn: '2026-12-28' });
      const d = (await get('bawaslu.kota', c.id)).json().deadlines;
      expect(d.map((x: { ruleId: string; calendarCovered: boolean }) => [x.ruleId, x.calendarCovered])).toEqual([['pemilu.finding', false]]);
      clock.current = new Date('2026-11-02T02:00:00Z');
      const inYear = await finding('bawaslu.kota', { incidentOn: '2026-11-02' });
      expect((await get('bawaslu.kota', inYear.id)).json().deadlines[0].calendarCovered).toBe(true);
    } finally {
      clock.current = saved;
      s['bawaslu.kota'] = await signIn(app, 'bawaslu.kota');
    }
  });
});
