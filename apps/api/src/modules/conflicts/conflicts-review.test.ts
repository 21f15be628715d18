/**
 * The register over time and who sees what: relatives running elsewhere and running mates named as
 * themselves, decisions reopened (by a later declaration or by an officer, with a reason), a withdrawn
 * basis flagged for review, a KPU list that replaces a candidate in a slot, and readers outside the
 * registry write scope who see confirmed relations only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATE_TEMPLATES, toCsv } from '@netra/contracts';
import { DB_KINDS, TestClock, addUser, freshDb, makeDeps, multipart, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { serangRegistry } from './serang-fixture.ts';

type Item = {
  id: string; status: string; relation: string; score: number; note: string | null; reasons: { code: string; params: Record<string, string> }[]; basisWithdrawn: boolean;
  history: { status: string; note: string | null; reopenedBecause: string; reason: string | null }[]; evidenceWithheld: boolean; allowedActions: string[];
  employee: { id: string; name: string }; candidate: { id: string; name: string; member: string; personName: string; withdrawn: boolean };
};
const DAY = 24 * 3600 * 1000;
const LEGISLATIVE = CANDIDATE_TEMPLATES.legislative.columns.map((c) => c.header);

describe.each(DB_KINDS)('the conflict-of-interest register over time on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  const s: Record<string, Awaited<ReturnType<typeof signIn>>> = {};
  const ids: Record<string, string> = {};
  const clock = new TestClock(new Date('2024-01-10T02:00:00Z'));
  const as = (u: string) => s[u]!;

  const upload = (electionId: string, listKind: 'legislative' | 'pair', csv: string, u = 'admin') => {
    const file = multipart({}, { name: 'daftar.csv', type: 'text/csv', data: Buffer.from(csv) });
    return app.inject({ method: 'POST', url: `/api/v1/elections/${electionId}/candidate-imports?kind=${listKind}`, payload: file.payload, headers: { ...file.headers, ...as(u).headers }, cookies: as(u).cookies });
  };
  const dct = (rows: string[][]) => upload('pemilu-2024', 'legislative', toCsv(LEGISLATIVE, rows));
  const match = async (electionId = 'pemilu-2024') => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/conflicts/match', ...as('kesbangpol.serang'), payload: { agencyId: ids.serang, electionId } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const register = async (u = 'kesbangpol.serang', qs = '?electionId=pemilu-2024&pageSize=100') => {
    const r = await app.inject({ method: 'GET', url: `/api/v1/conflicts${qs}`, ...as(u) });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { summary: Record<string, number>; items: Item[] };
  };
  const entry = async (employee: string, qs?: string) => (await register('kesbangpol.serang', qs)).items.find((i) => i.employee.id === ids[employee])!;
  const declare = async (employee: string, kind: string, name: string) => {
    const r = await app.inject({ method: 'POST', url: `/api/v1/employees/${ids[employee]}/relatives`, ...as('kesbangpol.serang'), payload: { kind, name } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const withdraw = (employee: string, relativeId: string) => app.inject({ method: 'DELETE', url: `/api/v1/employees/${ids[employee]}/relatives/${relativeId}`, ...as('kesbangpol.serang') });
  const decide = (id: string, body: object, u = 'kesbangpol.serang') => app.inject({ method: 'POST', url: `/api/v1/conflicts/${id}/decision`, ...as(u), payload: body });
  const reopen = (id: string, reason: string, u = 'kesbangpol.serang') => app.inject({ method: 'POST', url: `/api/v1/conflicts/${id}/reopen`, ...as(u), payload: { reason } });
  const USERS = ['admin', 'kesbangpol.serang', 'kesbangpol.kota', 'ppk.serang', 'bawaslu.serang'];
  /** A day later (sessions of the day before have expired: everyone signs in again). */
  const nextDay = async () => {
    clock.advance(DAY);
    for (const u of USERS) s[u] = await signIn(app, u);
  };

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    Object.assign(ids, await serangRegistry(deps));
    await addUser(deps, 'admin', 'system_admin');
    app = await buildApp(deps);
    for (const u of USERS) s[u] = await signIn(app, u);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it("suggests a declared relative running in another region (not a mere namesake there) and names a pair's running mate as themselves", async () => {
    const imported = await dct([
      ['Ahmad Fauzi, S.H.', '1', 'Serang 1', '36.04', '1', 'DPRD Kabupaten'],
      ['Hasan Basri', '2', 'Serang 1', '36.04', '1', 'DPRD Kabupaten'],
      ['Ratu Tatu Chasanah', '3', 'Serang 2', '36.04', '1', 'DPRD Kabupaten'],
      // elsewhere: the guru's son (declared as "M. Rizky Ramadhan"), and a namesake of an employee
      ['Muhammad Rizki Ramadhan', '4', 'Kota Bekasi 2', '32.75', '1', 'DPRD Kota'],
      ['Siti Aminah', '5', 'Kota Bekasi 3', '32.75', '2', 'DPRD Kota'],
    ]);
    expect(imported.json()).toMatchObject({ status: 'succeeded', inserted: 5 });
    expect((await upload('pilkada-2024', 'pair', toCsv(CANDIDATE_TEMPLATES.pair.columns.map((c) => c.header), [['1', 'H. Tatang Sutisna', 'Drs. Wawan Kurniawan, M.Si.', '36.04']]))).json())
      .toMatchObject({ status: 'succeeded', inserted: 1 });
    ids.spouse = await declare('guru', 'spouse', 'H. Ahmad Fauzi');
    await declare('guru', 'child', 'M. Rizky Ramadhan');
    await declare('lain', 'sibling', 'Wawan Kurniawan');

    expect(await match()).toMatchObject({ employees: 4, candidates: 3, suggested: 4, added: 4, reopened: 0 });
    const items = (await register()).items;
    expect(items.map((i) => `${i.employee.name} ~ ${i.candidate.personName}: ${i.relation} ${i.score.toFixed(2)}`).sort()).toEqual([
      'Dewi Lestari, S.Pd. ~ Ahmad Fauzi, S.H.: spouse 0.95',
      'Dewi Lestari, S.Pd. ~ Muhammad Rizki Ramadhan: child 0.85',
      'H. Ratu Tatu Chasanah ~ Ratu Tatu Chasanah: self 0.60',
      'Rizki bin Hasan Basri ~ Hasan Basri: parent 0.70',
    ]);
    // the reasons are codes with the values they name, for the page to say in the reader's language
    expect(items.find((i) => i.relation === 'child')!.reasons).toEqual([{ code: 'DECLARED', params: { relation: 'child', name: 'M. Rizky Ramadhan' } }, { code: 'OTHER_REGION', params: {} }]);
    expect(items.find((i) => i.relation === 'parent')!.reasons).toEqual([{ code: 'PATRONYMIC', params: { name: 'Rizki bin Hasan Basri' } }, { code: 'SAME_REGION', params: {} }]);
    expect(items.every((i) => !i.evidenceWithheld && i.allowedActions.join() === 'confirm,dismiss')).toBe(true);

    expect(await match('pilkada-2024')).toMatchObject({ candidates: 1, suggested: 1, added: 1 });
    const pair = (await register('kesbangpol.serang', '?electionId=pilkada-2024')).items;
    expect(pair.map((i) => [i.employee.name, i.relation, i.candidate.member, i.candidate.personName, i.candidate.name])).toEqual([
      ['Siti Aminah', 'sibling', 'running_mate', 'Drs. Wawan Kurniawan, M.Si.', 'H. Tatang Sutisna'],
    ]);
  });

  it('shows readers outside the registry write scope (Bawaslu, the PPK) confirmed relations only, without evidence, notes or history', async () => {
    const items = (await register()).items;
    const of = (employee: string) => items.find((i) => i.employee.id === ids[employee] && i.relation !== 'child')!;
    expect((await decide(of('guru').id, { decision: 'confirm', note: 'Suami, sudah dicek di KK' })).statusCode).toBe(200);
    expect((await decide(of('bupati').id, { decision: 'confirm', note: 'Petahana' })).statusCode).toBe(200);
    expect((await decide(of('anak').id, { decision: 'dismiss', note: 'Hasan Basri yang lain, sudah cerai' })).statusCode).toBe(200);
    // the relatives themselves are not theirs to read
    expect((await app.inject({ method: 'GET', url: `/api/v1/employees/${ids.guru}/relatives`, ...as('bawaslu.serang') })).statusCode).toBe(404);
    for (const u of ['bawaslu.serang', 'ppk.serang']) {
      const r = await app.inject({ method: 'GET', url: '/api/v1/conflicts?electionId=pemilu-2024', ...as(u) });
      expect(r.statusCode, r.body).toBe(200);
      const reg = r.json() as { summary: Record<string, number>; items: Item[] };
      expect(reg.summary).toEqual({ confirmedCandidates: 2, confirmedEmployees: 2, suggested: 0, dismissed: 0, basisWithdrawn: 0 });
      expect(reg.items.map((i) => [i.employee.name, i.status, i.reasons, i.note, i.history, i.evidenceWithheld, i.allowedActions]).sort()).toEqual([
        ['Dewi Lestari, S.Pd.', 'confirmed', [], null, [], true, []],
        ['H. Ratu Tatu Chasanah', 'confirmed', [], null, [], true, []],
      ]);
      for (const secret of ['sudah', 'Rizky', 'H. Ahmad Fauzi', 'Hasan Basri', 'KK']) expect(r.body, `${u}: ${secret}`).not.toContain(secret);
      // and cannot decide or reopen
      expect((await decide(of('guru').id, { decision: 'dismiss' }, u)).statusCode).toBe(403);
      expect((await reopen(of('guru').id, 'Saya ingin membuka kembali', u)).statusCode).toBe(403);
    }
    const full = await register();
    expect(full.summary).toMatchObject({ confirmedCandidates: 2, suggested: 1, dismissed: 1 });
    expect(full.items.find((i) => i.employee.id === ids.anak)).toMatchObject({ note: 'Hasan Basri yang lain, sudah cerai', allowedActions: ['reopen'], evidenceWithheld: false });
  });

  it('a declaration made after a dismissal reopens the pair as a suggestion, the dismissal kept in its history; withdrawing it brings the dismissal back', async () => {
    await nextDay();
    const parent = await declare('anak', 'parent', 'Hasan Basri');
    expect(await match()).toMatchObject({ added: 0, reopened: 1 });
    const reopened = await entry('anak');
    expect(reopened).toMatchObject({ status: 'suggested', relation: 'parent', note: null, allowedActions: ['confirm', 'dismiss'] });
    expect(reopened.reasons[0]).toEqual({ code: 'DECLARED', params: { relation: 'parent', name: 'Hasan Basri' } });
    expect(reopened.history).toEqual([expect.objectContaining({ status: 'dismissed', note: 'Hasan Basri yang lain, sudah cerai', reopenedBecause: 'new_declaration', reason: null })]);
    const audit = (await deps.db.query<{ details: { because: string; previous: { status: string } } }>("SELECT details FROM audit_events WHERE action = 'conflict.reopened' AND entity_id = $1", [reopened.id])).rows;
    expect(audit.map((a) => [a.details.because, a.details.previous.status])).toEqual([['new_declaration', 'dismissed']]);
    // a new run changes nothing more
    expect(await match()).toMatchObject({ added: 0, reopened: 0 });
    // the new declaration was a mistake: the officer's dismissal is back as it was
    expect((await withdraw('anak', parent)).json()).toMatchObject({ suggestionsRemoved: 0, basisWithdrawn: 0 });
    expect(await entry('anak')).toMatchObject({ id: reopened.id, status: 'dismissed', note: 'Hasan Basri yang lain, sudah cerai', history: [], reasons: [{ code: 'PATRONYMIC', params: { name: 'Rizki bin Hasan Basri' } }, { code: 'SAME_REGION', params: {} }] });
    // a declaration dated before the dismissal is not new evidence
    await deps.db.query("INSERT INTO employee_relatives (employee_id, kind, name, declared_at) VALUES ($1, 'parent', 'Hasan Basri', '2024-01-01T00:00:00Z')", [ids.anak]);
    expect(await match()).toMatchObject({ reopened: 0 });
    expect((await entry('anak')).status).toBe('dismissed');
  });

  it('an officer reopens a decision with a reason (audited) and decides again; a withdrawn basis is flagged for review until a new declaration supports it', async () => {
    const guru = (await register()).items.find((i) => i.employee.id === ids.guru && i.relation === 'spouse')!;
    const short = await reopen(guru.id, 'salah');
    expect(short.statusCode).toBe(400);
    expect(short.json().message.id).toContain('minimal 10 karakter');
    expect((await reopen(guru.id, 'Bukan suaminya, nama sama', 'kesbangpol.kota')).statusCode).toBe(404);
    const again = await decide(guru.id, { decision: 'dismiss' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT_DECIDED' });
    expect(again.json().message.id).toContain('dikonfirmasi');
    expect(again.json().message.id).toContain('Buka kembali');

    const ok = await reopen(guru.id, 'Bukan suaminya, nama sama');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ id: guru.id, status: 'suggested', relation: 'spouse' });
    expect((await reopen(guru.id, 'Bukan suaminya, nama sama')).json()).toMatchObject({ code: 'CONFLICT_NOT_DECIDED' });
    const audit = (await deps.db.query<{ details: { reason: string; previous: { status: string } } }>("SELECT details FROM audit_events WHERE action = 'conflict.reopened' AND entity_id = $1", [guru.id])).rows;
    expect(audit.map((a) => [a.details.reason, a.details.previous.status])).toEqual([['Bukan suaminya, nama sama', 'confirmed']]);
    // decided again, correcting the relation, with a note; the earlier confirmation stays in the history
    expect((await decide(guru.id, { decision: 'confirm', relation: 'in_law', note: 'Adik ipar, bukan suami' })).json()).toEqual({ id: guru.id, status: 'confirmed', relation: 'in_law' });
    expect((await register()).items.find((i) => i.id === guru.id)).toMatchObject({
      status: 'confirmed', relation: 'in_law', note: 'Adik ipar, bukan suami',
      history: [{ status: 'confirmed', relation: 'spouse', note: 'Suami, sudah dicek di KK', decidedAt: expect.any(String), reopenedAt: expect.any(String), reopenedBecause: 'officer', reason: 'Bukan suaminya, nama sama' }],
    });

    // the employee withdraws the declaration this confirmation rested on: it stays, flagged for review
    expect((await withdraw('guru', ids.spouse!)).json()).toMatchObject({ suggestionsRemoved: 0, basisWithdrawn: 1 });
    let reg = await register();
    expect(reg.summary.basisWithdrawn).toBe(1);
    expect(reg.items.find((i) => i.id === guru.id)).toMatchObject({ status: 'confirmed', basisWithdrawn: true });
    expect((await deps.db.query("SELECT 1 FROM audit_events WHERE action = 'conflict.basis_withdrawn' AND entity_id = $1", [guru.id])).rows).toHaveLength(1);
    // the corrected declaration supports it again
    await nextDay();
    await declare('guru', 'in_law', 'Ahmad Fauzi');
    expect(await match()).toMatchObject({ added: 0, reopened: 0 });
    reg = await register();
    expect(reg.summary.basisWithdrawn).toBe(0);
    expect(reg.items.find((i) => i.id === guru.id)).toMatchObject({ status: 'confirmed', relation: 'in_law', basisWithdrawn: false, reasons: [{ code: 'DECLARED', params: { relation: 'in_law', name: 'Ahmad Fauzi' } }, { code: 'SAME_REGION', params: {} }] });
  });

  it('flags a case with the person actually on the list (a running mate by name) and says when the person IS the candidate', async () => {
    const wawan = (await register('kesbangpol.serang', '?electionId=pilkada-2024')).items[0]!;
    expect((await decide(wawan.id, { decision: 'confirm' })).statusCode).toBe(200);
    const open = async (electionId: string, reportedEmployeeId: string) => {
      const r = await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.serang'), payload: {
        electionId, regionCode: '36.04', title: 'Dugaan keberpihakan ASN', summary: 'ASN diduga berpihak kepada calon dalam kegiatan dinas.', reportedEmployeeId,
      } });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string; conflictFlags: { flag: string; personName: string; member: string; relation: string; employeeName: string; detail: string }[] };
    };
    const pilkada = await open('pilkada-2024', ids.lain!);
    expect(pilkada.conflictFlags).toEqual([
      { flag: 'REPORTED_RELATED_TO_CANDIDATE', detail: 'sibling: Drs. Wawan Kurniawan, M.Si.', employeeName: 'Siti Aminah', relation: 'sibling', member: 'running_mate', personName: 'Drs. Wawan Kurniawan, M.Si.' },
    ]);
    const pemilu = await open('pemilu-2024', ids.bupati!);
    expect(pemilu.conflictFlags.map((f) => f.flag).sort()).toEqual(['PPK_IS_CANDIDATE', 'REPORTED_IS_CANDIDATE']);
    // the PPK's account handles the case as well: a handler who is the candidate
    const ppk = (await deps.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'ppk.serang'")).rows[0]!.id;
    await deps.db.query('INSERT INTO case_handlers (case_id, user_id) VALUES ($1, $2)', [pemilu.id, ppk]);
    const read = (await app.inject({ method: 'GET', url: `/api/v1/cases/${pemilu.id}`, ...as('bawaslu.serang') })).json();
    expect(read.conflictFlags.map((f: { flag: string }) => f.flag).sort()).toEqual(['HANDLER_IS_CANDIDATE', 'PPK_IS_CANDIDATE', 'REPORTED_IS_CANDIDATE']);
    expect(read.conflictFlags.every((f: { personName: string; employeeName: string }) => f.personName === 'Ratu Tatu Chasanah' && f.employeeName === 'H. Ratu Tatu Chasanah')).toBe(true);
  });

  it('a KPU list naming another person in a slot withdraws the candidate there (kept with their register entries) and says so; the same person is a correction', async () => {
    const before = (await register()).items.find((i) => i.employee.id === ids.guru && i.relation === 'in_law')!;
    const slot = (name: string) => [name, '1', 'SERANG 1', '36.04', '1', 'DPRD Kabupaten'];
    const paw = await dct([slot('Budi Santoso')]);
    expect(paw.json()).toMatchObject({ status: 'succeeded', inserted: 0, updated: 0, replaced: 1, unchanged: 0 });
    expect(paw.json().notices).toEqual([expect.objectContaining({ row: 2, code: 'CANDIDATE_REPLACED' })]);
    expect(paw.json().notices[0].messageId).toBe('Entri ini sebelumnya Ahmad Fauzi, S.H.: dicatat ditarik (diganti), 1 catatan konflik kepentingan tentangnya tetap disimpan, dan Budi Santoso ditambahkan');
    const listed = async () => ((await app.inject({ method: 'GET', url: '/api/v1/elections/pemilu-2024/candidates?regionCode=36.04', ...as('admin') })).json().items as { name: string }[]).map((c) => c.name).sort();
    expect(await listed()).toEqual(['Budi Santoso', 'Hasan Basri', 'Ratu Tatu Chasanah']);
    // the register entry still names Ahmad Fauzi, now withdrawn, and the headline no longer counts him
    let reg = await register();
    expect(reg.items.find((i) => i.id === before.id)!.candidate).toMatchObject({ id: before.candidate.id, personName: 'Ahmad Fauzi, S.H.', withdrawn: true });
    expect(reg.summary).toMatchObject({ confirmedCandidates: 1, confirmedEmployees: 2 });
    expect(await match()).toMatchObject({ added: 0 });
    // the same person with titles and another spelling is a correction of the entry
    expect((await dct([slot('Dr. Budi Santoso, M.Si.')])).json()).toMatchObject({ updated: 1, replaced: 0, notices: [] });
    // the former candidate is back (a mistaken list): the same entry again, not a new one
    expect((await dct([slot('Ahmad Fauzi, S.H.')])).json()).toMatchObject({ replaced: 1 });
    reg = await register();
    expect(reg.items.find((i) => i.id === before.id)!.candidate).toMatchObject({ id: before.candidate.id, withdrawn: false });
    expect(reg.summary).toMatchObject({ confirmedCandidates: 2 });
    expect(await listed()).toEqual(['Ahmad Fauzi, S.H.', 'Hasan Basri', 'Ratu Tatu Chasanah']);
    const stored = (await deps.db.query<{ name: string; withdrawn: boolean; replaced_by: string | null }>(
      "SELECT name, withdrawn_at IS NOT NULL AS withdrawn, replaced_by FROM election_candidates WHERE dapil_key = 'serang 1' AND party_number = 1 ORDER BY name")).rows;
    expect(stored.map((c) => [c.name, c.withdrawn, c.replaced_by === before.candidate.id])).toEqual([['Ahmad Fauzi, S.H.', false, false], ['Dr. Budi Santoso, M.Si.', true, true]]);
  });

  it('a suggestion about a candidate taken off the lists is no longer counted as waiting, is listed after the live ones, and can still be decided', async () => {
    // a suggestion on a live candidate, as the matcher leaves it
    const candidate = (await deps.db.query<{ id: string }>(
      "SELECT c.id FROM election_candidates c WHERE c.election_id = 'pemilu-2024' AND c.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM conflicts k WHERE k.candidate_id = c.id AND k.employee_id = $1) ORDER BY c.name LIMIT 1",
      [ids.guru])).rows[0]!.id;
    const id = (await deps.db.query<{ id: string }>(
      "INSERT INTO conflicts (election_id, employee_id, candidate_id, relation, source, score, status) VALUES ('pemilu-2024', $1, $2, 'sibling', 'matcher', 0.71, 'suggested') RETURNING id::text AS id",
      [ids.guru, candidate])).rows[0]!.id;
    const live = await register();
    expect(live.items.find((i) => i.id === id)).toMatchObject({ status: 'suggested', candidate: { withdrawn: false } });
    // the candidate leaves the lists
    await deps.db.query('UPDATE election_candidates SET withdrawn_at = now() WHERE id = $1', [candidate]);
    const after = await register();
    expect(after.summary.suggested).toBe(live.summary.suggested! - 1);
    const order = after.items.map((i) => i.id);
    const waiting = after.items.filter((i) => i.status === 'suggested' && !i.candidate.withdrawn).map((i) => i.id);
    expect(waiting.every((w) => order.indexOf(w) < order.indexOf(id))).toBe(true);
    expect(after.items.find((i) => i.id === id)).toMatchObject({ status: 'suggested', candidate: { withdrawn: true } });
    expect((await decide(id, { decision: 'dismiss', note: 'Calon sudah diganti (PAW).' })).statusCode).toBe(200);
    await deps.db.query('DELETE FROM conflicts WHERE id = $1', [id]);
    await deps.db.query('UPDATE election_candidates SET withdrawn_at = NULL WHERE id = $1', [candidate]);
  });

  it('counts a candidate stored twice (an old re-import without the chamber column) once in the headline, and a re-import without that column lands on the stored entry', async () => {
    const counted = async () => (await register()).summary;
    const first = await counted();
    // as an import before this fix stored it: the same candidate again, without a chamber, and a relation confirmed on that copy
    const copy = (await deps.db.query<{ id: string }>(
      "INSERT INTO election_candidates (election_id, kind, name, party_number, chamber, electoral_district, region_code, ballot_number) VALUES ('pemilu-2024', 'legislative', 'Ratu Tatu Chasanah', 3, NULL, 'Serang 2', '36.04', 1) RETURNING id")).rows[0]!.id;
    await deps.db.query("INSERT INTO conflicts (election_id, employee_id, candidate_id, relation, source, score, status) VALUES ('pemilu-2024', $1, $2, 'sibling', 'declared', 0.95, 'confirmed')", [ids.lain, copy]);
    expect(await counted()).toMatchObject({ confirmedCandidates: first.confirmedCandidates, confirmedEmployees: first.confirmedEmployees! + 1 });
    await deps.db.query('DELETE FROM conflicts WHERE candidate_id = $1', [copy]);
    await deps.db.query('DELETE FROM election_candidates WHERE id = $1', [copy]);

    const noChamber = LEGISLATIVE.filter((h) => h !== 'Lembaga');
    const r = await upload('pemilu-2024', 'legislative', toCsv(noChamber, [['Ratu Tatu Chasanah', '3', 'Serang 2', '36.04', '1'], ['Hasan Basri', '2', 'Serang 1', '36.04', '1']]));
    expect(r.json()).toMatchObject({ status: 'succeeded', inserted: 0, updated: 0, replaced: 0, unchanged: 2 });
    expect((await deps.db.query("SELECT count(*)::int AS n FROM election_candidates WHERE election_id = 'pemilu-2024' AND region_code = '36.04' AND withdrawn_at IS NULL")).rows[0]).toEqual({ n: 3 });
  });
});
