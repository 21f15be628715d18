import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClock, addUser, freshDb, makeDeps, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { sealAudit, verifyAuditChain } from '../../platform/audit.ts';
import type { Deps } from '../../deps.ts';

/** 14:05:09.321 WIB on Friday 20 Nov 2026; the local day began at 17:00 UTC the day before. */
const NOW = new Date('2026-11-20T07:05:09.321Z');
const DAY_START = '2026-11-19T17:00:00.000Z';

describe.each(DB_KINDS)('tip lifecycle and the receipt channel on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let s: Awaited<ReturnType<typeof signIn>>;
  const clock = new TestClock(NOW);
  let ip = 0;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    await addUser(deps, 'bawaslu.kota', 'supervisor', { regionCode: '32.75' });
    app = await buildApp(deps);
    s = await signIn(app, 'bawaslu.kota');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  // each public request from its own address, so the per-address rate limit never decides a test
  const pub = (url: string, payload: object) => app.inject({ method: 'POST', url, payload, remoteAddress: `198.51.100.${++ip % 250}` });
  const newTip = async (what: string) => {
    const receipt = (await pub('/api/v1/public/tips', { what, regionCode: '32.75.01' })).json() as { receiptCode: string; secret: string };
    const id = (await app.inject({ method: 'GET', url: '/api/v1/tips?pageSize=100', ...s })).json().items.find((t: { receiptCode: string }) => t.receiptCode === receipt.receiptCode).id as string;
    return { receipt, id };
  };
  const handle = (url: string, payload: object) => app.inject({ method: 'POST', url, ...s, payload });
  const tipStatus = async (id: string) => (await app.inject({ method: 'GET', url: `/api/v1/tips/${id}`, ...s })).json().status;

  it('treats a tip turned into a case as final (its case shown, no closing, no second case) while questions and replies still pass and keep it converted', async () => {
    const { receipt, id } = await newTip('Camat memasang spanduk calon di kantor kecamatan.');
    const finding = { tipId: id, electionId: 'pemilu-2024', regionCode: '32.75', title: 'Spanduk calon di kantor camat', summary: 'Dari informasi awal masyarakat.' };
    expect((await handle('/api/v1/cases/findings', finding)).statusCode).toBe(201);
    expect(await tipStatus(id)).toBe('converted_finding');

    // the handler sees which case it became
    const tip = (await app.inject({ method: 'GET', url: `/api/v1/tips/${id}`, ...s })).json();
    const caseId = (await deps.db.query<{ id: string }>('SELECT id FROM cases WHERE tip_id = $1', [id])).rows[0]!.id;
    expect(tip).toMatchObject({ caseId, canAsk: true });
    // the receipt channel stays open: a question still reaches the reporter, and the tip stays converted
    const asked = await handle(`/api/v1/tips/${id}/questions`, { body: 'Apakah ada foto spanduknya?' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().status).toBe('converted_finding');
    expect((await pub('/api/v1/public/tips/follow', receipt)).json().messages.at(-1)).toMatchObject({ author: 'handler', body: 'Apakah ada foto spanduknya?' });
    const closed = await handle(`/api/v1/tips/${id}/status`, { status: 'closed' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('TIP_FINAL');
    // the status in words, never its code
    expect(closed.json().message.id).toContain('sudah menjadi temuan');
    expect(closed.body).not.toContain('converted_finding');
    const reply = await pub('/api/v1/public/tips/reply', { ...receipt, body: 'Spanduk masih terpasang hari ini.' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().status).toBe('converted_finding');
    // no promise of a formal report once Bawaslu has made it a finding
    const consent = await pub('/api/v1/public/tips/consent', receipt);
    expect([consent.statusCode, consent.json().code]).toEqual([409, 'TIP_ALREADY_HANDLED']);
    expect((await pub('/api/v1/public/tips/follow', receipt)).json()).toMatchObject({ consentedToReport: false });
    // the thread tells the sender the status in words, never a code
    const again = await handle('/api/v1/cases/findings', { ...finding, title: 'Spanduk calon, kasus kedua' });
    expect(again.statusCode).toBe(409);
    expect(await tipStatus(id)).toBe('converted_finding');
    expect((await deps.db.query('SELECT 1 FROM cases WHERE tip_id = $1', [id])).rowCount).toBe(1);
  });

  it('tells the sender of a tip that became a formal report when their withdrawal is recorded', async () => {
    const { receipt, id } = await newTip('Lurah mengumpulkan KTP warga untuk dukungan calon perseorangan.');
    expect((await pub('/api/v1/public/tips/consent', receipt)).statusCode).toBe(200);
    const report = await handle('/api/v1/cases/reports', {
      tipId: id, electionId: 'pemilu-2024', regionCode: '32.75', title: 'Lurah mengumpulkan KTP warga', summary: 'Pengumpulan KTP warga oleh lurah untuk dukungan calon.',
      chronology: 'Pelapor melihat lurah mengumpulkan KTP di balai warga.', reporter: { name: 'Pelapor Tip', address: 'Jl. Cempaka 1, Bekasi' },
    });
    expect(report.statusCode, report.body).toBe(201);
    expect((await handle(`/api/v1/cases/${report.json().id}/events`, { event: { type: 'WITHDRAW', reason: 'Pelapor mencabut laporannya di kantor' } })).statusCode).toBe(200);
    const thread = (await pub('/api/v1/public/tips/follow', receipt)).json().messages as { author: string; body: string }[];
    expect(thread.at(-1)).toMatchObject({ author: 'system', body: expect.stringContaining('Dicabut') });
  });

  it("others' wrong guesses, however many and however parallel, neither lock the reporter out nor reveal that the code exists", async () => {
    const { receipt } = await newTip('Sekretaris desa ikut rapat tim pemenangan.');
    const guesses = await Promise.all(Array.from({ length: 15 }, (_, i) => pub('/api/v1/public/tips/follow', { receiptCode: receipt.receiptCode, secret: `WRONG-${i}` })));
    const unknown = await pub('/api/v1/public/tips/follow', { receiptCode: 'NTR-0000-0000-0000', secret: 'WRONG' });
    expect(guesses.map((g) => g.statusCode)).toEqual(Array(15).fill(404));
    expect(guesses.every((g) => g.body === unknown.body)).toBe(true);
    // the reporter's own secret still opens the conversation at once
    expect((await pub('/api/v1/public/tips/follow', receipt)).statusCode).toBe(200);
  });

  it('keeps only the local day of what the anonymous reporter does, in the tip and in the audit trail', async () => {
    const { receipt, id } = await newTip('Kepala sekolah mengarahkan guru memilih calon tertentu.');
    await handle(`/api/v1/tips/${id}/questions`, { body: 'Kapan arahan itu disampaikan?' });
    expect((await pub('/api/v1/public/tips/reply', { ...receipt, body: 'Saat rapat guru pekan lalu.' })).statusCode).toBe(200);
    expect((await pub('/api/v1/public/tips/consent', receipt)).statusCode).toBe(200);
    const publicEntries = async () => (await deps.db.query<{ seq: string; action: string; occurred_at: Date; details: unknown }>(
      "SELECT seq, action, occurred_at, details FROM audit_events WHERE entity_id = $1 AND actor_label = 'public' ORDER BY seq", [id],
    )).rows;
    // until the local day is over the reporter's entries wait outside the trail (their place in it would date them)
    expect(await publicEntries()).toEqual([]);
    await sealAudit(deps.db, { wait: true, now: new Date(Date.parse(DAY_START) + 86_400_000 - 1) });
    expect(await publicEntries()).toEqual([]);
    // a handler acts later that day, then the day ends: the reporter's entries join the trail after it, in random order
    await handle(`/api/v1/tips/${id}/questions`, { body: 'Siapa saja yang hadir?' });
    await sealAudit(deps.db, { wait: true, now: new Date(Date.parse(DAY_START) + 86_400_000) });
    const rows = await publicEntries();
    expect(rows.map((r) => r.action).sort()).toEqual(['tip.consented_to_report', 'tip.received', 'tip.reporter_replied']);
    const lastQuestion = (await deps.db.query<{ seq: string }>("SELECT max(seq) AS seq FROM audit_events WHERE entity_id = $1 AND action = 'tip.question_sent'", [id])).rows[0]!;
    for (const r of rows) expect(Number(r.seq)).toBeGreaterThan(Number(lastQuestion.seq));
    expect(await verifyAuditChain(deps.db)).toMatchObject({ ok: true, pending: 0 });
    for (const r of rows) expect(new Date(r.occurred_at).toISOString()).toBe(DAY_START);
    expect(JSON.stringify(rows.map((r) => r.details))).not.toMatch(/\d{2}:\d{2}/);
    // the handler's own question keeps its time
    const question = (await deps.db.query<{ occurred_at: Date }>("SELECT occurred_at FROM audit_events WHERE entity_id = $1 AND action = 'tip.question_sent' ORDER BY seq", [id])).rows[0]!;
    expect(new Date(question.occurred_at).toISOString()).toBe(NOW.toISOString());
    // the tip itself and its messages carry dates only
    const tip = (await deps.db.query<Record<string, unknown>>('SELECT * FROM tips WHERE id = $1', [id])).rows[0]!;
    expect(JSON.stringify(tip)).not.toContain('07:05');
  });

  it('takes consent once: a second consent adds no message and no audit entry; a closed tip takes none', async () => {
    const { receipt, id } = await newTip('Lurah membagikan sembako berlogo calon.');
    const first = await pub('/api/v1/public/tips/consent', receipt);
    const second = await pub('/api/v1/public/tips/consent', receipt);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.json().consentedToReport).toBe(true);
    expect(second.json().messages.filter((m: { author: string }) => m.author === 'system')).toHaveLength(1);
    expect((await deps.db.query("SELECT 1 FROM audit_deferred WHERE entity_id = $1 AND action = 'tip.consented_to_report'", [id])).rowCount).toBe(1);

    const other = await newTip('Camat hadir di deklarasi relawan calon.');
    expect((await handle(`/api/v1/tips/${other.id}/status`, { status: 'closed' })).statusCode).toBe(200);
    const late = await pub('/api/v1/public/tips/consent', other.receipt);
    expect(late.statusCode).toBe(409);
    expect((await app.inject({ method: 'GET', url: `/api/v1/tips/${other.id}`, ...s })).json().consentedToReport).toBe(false);
  });
});
