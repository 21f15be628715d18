import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClock, addUser, freshDb, makeDeps, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { listMigrations, splitStatements } from '../../db/migrate.ts';
import type { Deps } from '../../deps.ts';
import { serangRegistry } from './serang-fixture.ts';

describe.each(DB_KINDS)('conflicts of interest on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  const s: Record<string, Awaited<ReturnType<typeof signIn>>> = {};
  const ids: Record<string, string> = {};
  const clock = new TestClock(new Date('2024-01-10T02:00:00Z'));
  const as = (u: string) => s[u]!;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    Object.assign(ids, await serangRegistry(deps));
    // DCT candidates for Kabupaten Serang (KPU lists are imported with `netra import candidates`)
    for (const [name, ballot, region] of [['Ahmad Fauzi, S.H.', 1, '36.04'], ['Hasan Basri', 2, '36.04'], ['Ratu Tatu Chasanah', 5, '36.04'], ['Siti Aminah Lubis', 3, '36.04'], ['Ahmad Fauzan', 4, '32.75']] as const)
      await deps.db.query("INSERT INTO election_candidates (election_id, kind, name, party_number, chamber, electoral_district, region_code, ballot_number) VALUES ('pemilu-2024', 'legislative', $1, 1, 'DPRD Kab/Kota', 'Serang 1', $3, $2)", [name, ballot, region]);
    app = await buildApp(deps);
    await addUser(deps, 'pegawai.lain', 'employee', { agencyId: ids.serang, employeeId: ids.lain });
    for (const u of ['kesbangpol.serang', 'kesbangpol.kota', 'bawaslu.serang', 'pegawai.lain']) s[u] = await signIn(app, u);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('declared relatives, patronymics and the own name on the list become suggestions; near misses do not', async () => {
    const declared = await app.inject({ method: 'POST', url: `/api/v1/employees/${ids.guru}/relatives`, ...as('kesbangpol.serang'), payload: { kind: 'spouse', name: 'H. Ahmad Fauzi' } });
    expect(declared.statusCode, declared.body).toBe(201);
    await app.inject({ method: 'POST', url: `/api/v1/employees/${ids.lain}/relatives`, ...as('kesbangpol.serang'), payload: { kind: 'sibling', name: 'Siti Aminah Harahap' } });
    // another agency's admin cannot declare for Serang's staff
    expect((await app.inject({ method: 'POST', url: `/api/v1/employees/${ids.guru}/relatives`, ...as('kesbangpol.kota'), payload: { kind: 'child', name: 'Siapa Saja' } })).statusCode).toBe(404);
    const run = await app.inject({ method: 'POST', url: '/api/v1/conflicts/match', ...as('kesbangpol.serang'), payload: { agencyId: ids.serang, electionId: 'pemilu-2024' } });
    expect(run.json()).toMatchObject({ employees: 4, candidates: 4, suggested: 3, added: 3 });
    const reg = (await app.inject({ method: 'GET', url: '/api/v1/conflicts?electionId=pemilu-2024', ...as('kesbangpol.serang') })).json();
    const pairs = reg.items.map((i: { employee: { name: string }; candidate: { name: string }; relation: string }) => `${i.employee.name} ~ ${i.candidate.name}: ${i.relation}`).sort();
    expect(pairs).toEqual([
      'Dewi Lestari, S.Pd. ~ Ahmad Fauzi, S.H.: spouse',
      'H. Ratu Tatu Chasanah ~ Ratu Tatu Chasanah: self',
      // the relation is what the candidate is to the employee: Hasan Basri is Rizki's parent
      'Rizki bin Hasan Basri ~ Hasan Basri: parent',
    ]);
    expect(reg.summary).toEqual({ confirmedCandidates: 0, confirmedEmployees: 0, suggested: 3, dismissed: 0, basisWithdrawn: 0 });
    expect(reg).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    expect((await app.inject({ method: 'GET', url: '/api/v1/conflicts', ...as('kesbangpol.kota') })).json().items).toEqual([]);
  });

  it('migration 0019 turns round only the patronymic suggestions stored the wrong way', async () => {
    const relations = async () => Object.fromEntries((await deps.db.query<{ reasons: unknown; relation: string }>('SELECT reasons, relation FROM conflicts')).rows
      .map((r) => [JSON.stringify(r.reasons), r.relation]));
    const before = await relations();
    const patronymic = (await deps.db.query<{ id: string; reasons: unknown }>("SELECT id, reasons FROM conflicts WHERE reasons -> 0 ->> 'code' = 'PATRONYMIC'")).rows;
    expect(patronymic).toHaveLength(1);
    // as the matcher stored it before 0019 (and before reasons had codes, 0022): the employee's patronymic recorded as "child"
    await deps.db.query(`UPDATE conflicts SET relation = 'child', reasons = '["patronymic: Rizki bin Hasan Basri", "same region"]' WHERE id = $1`, [patronymic[0]!.id]);
    const m = listMigrations().find((x) => x.name.startsWith('0019_'))!;
    for (const stmt of splitStatements(m.sql)) await deps.db.query(stmt);
    await deps.db.query('UPDATE conflicts SET reasons = $2::jsonb WHERE id = $1', [patronymic[0]!.id, JSON.stringify(patronymic[0]!.reasons)]);
    expect(await relations()).toEqual(before);
    expect(Object.values(before).sort()).toEqual(['parent', 'self', 'spouse']);
  });

  it('an officer confirms or dismisses; a new run leaves decisions alone; the register counts confirmed relations', async () => {
    const reg = (await app.inject({ method: 'GET', url: '/api/v1/conflicts', ...as('kesbangpol.serang') })).json();
    const byEmployee = Object.fromEntries(reg.items.map((i: { employee: { id: string }; id: string }) => [i.employee.id, i.id]));
    const decide = (id: string, body: object, u = 'kesbangpol.serang') => app.inject({ method: 'POST', url: `/api/v1/conflicts/${id}/decision`, ...as(u), payload: body });
    expect((await decide(byEmployee[ids.guru!], { decision: 'confirm' })).statusCode).toBe(200);
    expect((await decide(byEmployee[ids.bupati!], { decision: 'confirm', note: 'Petahana mencalonkan diri' })).statusCode).toBe(200);
    expect((await decide(byEmployee[ids.anak!], { decision: 'dismiss', note: 'Hasan Basri yang lain' })).statusCode).toBe(200);
    expect((await decide(byEmployee[ids.anak!], { decision: 'confirm' })).statusCode).toBe(409);
    expect((await decide(byEmployee[ids.guru!], { decision: 'dismiss' }, 'kesbangpol.kota')).statusCode).toBe(404);
    const again = await app.inject({ method: 'POST', url: '/api/v1/conflicts/match', ...as('kesbangpol.serang'), payload: { agencyId: ids.serang, electionId: 'pemilu-2024' } });
    expect(again.json()).toMatchObject({ suggested: 3, added: 0 });
    const after = (await app.inject({ method: 'GET', url: '/api/v1/conflicts?status=confirmed', ...as('kesbangpol.serang') })).json();
    expect(after.summary).toMatchObject({ confirmedCandidates: 2, confirmedEmployees: 2 });
    const audit = (await deps.db.query<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE 'conflict%' ORDER BY seq")).rows.map((r) => r.action);
    expect(audit).toEqual(['conflicts.matched', 'conflict.confirmed', 'conflict.confirmed', 'conflict.dismissed', 'conflicts.matched']);
    // the relative's name is not in the audit trail
    expect(JSON.stringify((await deps.db.query('SELECT * FROM audit_events')).rows)).not.toContain('Ahmad Fauzi');
  });

  it("flags a case whose reported person is related to a candidate and whose PPK is himself a candidate", async () => {
    const c = await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...as('bawaslu.serang'), payload: {
      electionId: 'pemilu-2024', regionCode: '36.04', title: 'Guru mengajak murid memilih suami', summary: 'Guru mengajak wali murid memilih calon legislatif.', reportedEmployeeId: ids.guru,
    } });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().conflictFlags).toEqual(expect.arrayContaining([
      { flag: 'REPORTED_RELATED_TO_CANDIDATE', detail: 'spouse: Ahmad Fauzi, S.H.', employeeName: 'Dewi Lestari, S.Pd.', relation: 'spouse', member: 'head', personName: 'Ahmad Fauzi, S.H.' },
      { flag: 'PPK_IS_CANDIDATE', detail: 'self: Ratu Tatu Chasanah', employeeName: 'H. Ratu Tatu Chasanah', relation: 'self', member: 'head', personName: 'Ratu Tatu Chasanah' },
    ]));
  });
  it('refuses relative names without visible letters and answers 409 to an identical declaration, even when sent at the same time', async () => {
    const declare = (payload: object, u = 'kesbangpol.serang', id = ids.lain) => app.inject({ method: 'POST', url: `/api/v1/employees/${id}/relatives`, ...as(u), payload });
    for (const name of ['\u200b\u200b\u200b', ' \u200bA\u200b ', '\u00a0\u2003\u200b\u2060\ufeff', '1234', 'A\u200b-\u200b.']) {
      const bad = await declare({ kind: 'child', name });
      expect(bad.statusCode, `${JSON.stringify(name)}: ${bad.body}`).toBe(400);
      expect(bad.json().message.id).toMatch(/huruf/);
      expect(bad.json().message.en).toMatch(/letters/);
    }
    // invisible characters around and inside the name are dropped, runs of spaces become one
    const ok = await declare({ kind: 'child', name: '\u00a0\u200bBudi\u2003 \u200bSantoso\u200b ' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().name).toBe('Budi Santoso');
    expect((await declare({ kind: 'child', name: 'Li' })).statusCode).toBe(201);

    // the agency admin declares the spouse, then the employee declares the same spouse again
    expect((await declare({ kind: 'spouse', name: 'Nur Aini' })).statusCode).toBe(201);
    const twice = await declare({ kind: 'spouse', name: '  NUR \u200b  aini ' }, 'pegawai.lain');
    expect(twice.statusCode, twice.body).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'RELATIVE_DUPLICATE' });
    expect(twice.json().message.id).toContain('sudah');
    expect(twice.json().message.en).toContain('already');
    // the same name with another relation is a different declaration
    expect((await declare({ kind: 'sibling', name: 'Nur Aini' }, 'pegawai.lain')).statusCode).toBe(201);
    // two identical declarations at the same moment: one is stored, the other answers 409
    const both = await Promise.all([declare({ kind: 'parent', name: 'Hasan Tua' }), declare({ kind: 'parent', name: 'hasan tua' }, 'pegawai.lain')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);

    const list = (await app.inject({ method: 'GET', url: `/api/v1/employees/${ids.lain}/relatives`, ...as('kesbangpol.serang') })).json().items;
    // (which of the two simultaneous spellings of the parent is stored depends on who got the lock first)
    expect(list.map((r: { kind: string; name: string }) => `${r.kind}: ${r.kind === 'parent' ? r.name.toLowerCase() : r.name}`).sort()).toEqual([
      'child: Budi Santoso', 'child: Li', 'parent: hasan tua', 'sibling: Nur Aini', 'sibling: Siti Aminah Harahap', 'spouse: Nur Aini',
    ]);
    expect((await deps.db.query("SELECT 1 FROM audit_events WHERE action = 'employee.relative_declared'")).rows).toHaveLength(7);
  });

  it('counts the headline figures over the whole register in scope and pages the list', async () => {
    // 1,100 more suggestions for one employee (a big DCT import), sorted before the decided rows
    await deps.db.query(
      `INSERT INTO election_candidates (election_id, kind, name, party_number, chamber, electoral_district, region_code, ballot_number)
       SELECT 'pemilu-2024', 'legislative', 'Calon Massal ' || n, 9, 'DPRD Kab/Kota', 'Serang Massal', '36.04', n FROM generate_series(1, 1100) AS n`);
    await deps.db.query(
      `INSERT INTO conflicts (election_id, employee_id, candidate_id, relation, source, score, reasons)
       SELECT 'pemilu-2024', $1, c.id, 'sibling', 'matcher', 0.9, '["name"]' FROM election_candidates c WHERE c.electoral_district = 'Serang Massal'`, [ids.lain]);
    const get = async (qs: string, u = 'kesbangpol.serang') => {
      const r = await app.inject({ method: 'GET', url: `/api/v1/conflicts${qs}`, ...as(u) });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const summary = { confirmedCandidates: 2, confirmedEmployees: 2, suggested: 1100, dismissed: 1, basisWithdrawn: 0 };
    const first = await get('?electionId=pemilu-2024');
    expect(first.summary).toEqual(summary);
    expect(first).toMatchObject({ page: 1, pageSize: 50, total: 1103 });
    expect(first.items).toHaveLength(50);
    const last = await get('?electionId=pemilu-2024&page=12&pageSize=100');
    expect(last).toMatchObject({ page: 12, pageSize: 100, total: 1103 });
    expect(last.items.map((i: { status: string }) => i.status).sort()).toEqual(['confirmed', 'confirmed', 'dismissed']);
    // every row appears exactly once across the pages
    const seen = new Set<string>();
    for (let page = 1; page <= 6; page++) for (const i of (await get(`?page=${page}&pageSize=200`)).items) seen.add(i.id);
    expect(seen.size).toBe(1103);
    // the status filter narrows the list, not the headline counts
    const confirmed = await get('?status=confirmed');
    expect(confirmed.summary).toEqual(summary);
    expect(confirmed.total).toBe(2);
    expect(confirmed.items.map((i: { employee: { id: string } }) => i.employee.id).sort()).toEqual([ids.guru, ids.bupati].sort());
    // other elections and other agencies' registers count nothing
    expect((await get('?electionId=pilkada-2024')).summary).toEqual({ confirmedCandidates: 0, confirmedEmployees: 0, suggested: 0, dismissed: 0, basisWithdrawn: 0 });
    expect(await get('', 'kesbangpol.kota')).toMatchObject({ summary: { confirmedCandidates: 0, confirmedEmployees: 0, suggested: 0, dismissed: 0, basisWithdrawn: 0 }, total: 0, items: [] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/conflicts?pageSize=201', ...as('kesbangpol.serang') })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/conflicts?page=0', ...as('kesbangpol.serang') })).statusCode).toBe(400);
  });
  it("withdraws a declaration with its undecided suggestions; decisions stay; the employee withdraws only their own declarations", async () => {
    const relatives = async (id: string) => (await app.inject({ method: 'GET', url: `/api/v1/employees/${id}/relatives`, ...as('kesbangpol.serang') })).json().items as { id: string; kind: string; name: string }[];
    const withdraw = (employeeId: string, relativeId: string, u = 'kesbangpol.serang') => app.inject({ method: 'DELETE', url: `/api/v1/employees/${employeeId}/relatives/${relativeId}`, ...as(u) });
    // a mistaken declaration becomes a suggestion, then is withdrawn before anyone decides
    const wrong = await app.inject({ method: 'POST', url: `/api/v1/employees/${ids.anak}/relatives`, ...as('kesbangpol.serang'), payload: { kind: 'sibling', name: 'Siti Aminah Lubis' } });
    expect(wrong.statusCode, wrong.body).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/v1/conflicts/match', ...as('kesbangpol.serang'), payload: { agencyId: ids.serang, electionId: 'pemilu-2024' } })).json()).toMatchObject({ added: 1 });
    const pending = async () => ((await app.inject({ method: 'GET', url: '/api/v1/conflicts?status=suggested&pageSize=200', ...as('kesbangpol.serang') })).json().items as { employee: { id: string } }[])
      .filter((i) => i.employee.id === ids.anak).length;
    expect(await pending()).toBe(1);
    // another agency's admin, another employee's path, an unknown id: not found, nothing removed
    expect((await withdraw(ids.anak!, wrong.json().id, 'kesbangpol.kota')).statusCode).toBe(404);
    expect((await withdraw(ids.guru!, wrong.json().id)).statusCode).toBe(404);
    const ok = await withdraw(ids.anak!, wrong.json().id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ id: wrong.json().id, employeeId: ids.anak, suggestionsRemoved: 1, basisWithdrawn: 0 });
    expect(await pending()).toBe(0);
    expect(await relatives(ids.anak!)).toEqual([]);
    expect((await withdraw(ids.anak!, wrong.json().id)).statusCode).toBe(404);
    // a relation an officer already confirmed stays on the register when its declaration is withdrawn, flagged for review
    const spouse = (await relatives(ids.guru!)).find((r) => r.kind === 'spouse')!;
    expect((await withdraw(ids.guru!, spouse.id)).json()).toMatchObject({ suggestionsRemoved: 0, basisWithdrawn: 1 });
    const confirmed = (await app.inject({ method: 'GET', url: '/api/v1/conflicts?status=confirmed', ...as('kesbangpol.serang') })).json();
    expect(confirmed.summary).toMatchObject({ confirmedCandidates: 2, confirmedEmployees: 2, basisWithdrawn: 1 });
    expect(confirmed.items.map((i: { employee: { id: string }; basisWithdrawn: boolean }) => [i.employee.id, i.basisWithdrawn])).toEqual([[ids.guru, true], [ids.bupati, false]]);
    // the employee may withdraw what they declared themselves, not what the agency recorded about them
    const own = (await relatives(ids.lain!)).find((r) => r.kind === 'sibling' && r.name === 'Nur Aini')!;
    const recorded = (await relatives(ids.lain!)).find((r) => r.kind === 'spouse')!;
    const refused = await withdraw(ids.lain!, recorded.id, 'pegawai.lain');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'RELATIVE_NOT_YOURS' });
    expect((await withdraw(ids.lain!, own.id, 'pegawai.lain')).statusCode).toBe(200);
    expect((await relatives(ids.lain!)).map((r) => r.id)).toContain(recorded.id);
    expect((await relatives(ids.lain!)).map((r) => r.id)).not.toContain(own.id);
    // audited without the relative's name
    const audit = (await deps.db.query<{ details: unknown }>("SELECT details FROM audit_events WHERE action = 'employee.relative_withdrawn' ORDER BY seq")).rows;
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toMatch(/Lubis|Nur Aini|Fauzi/);
  });
});
