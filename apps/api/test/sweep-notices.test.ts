/** The case sweep's deadline notices, as they land in the notification outbox, on both engines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.ts';
import { createReport, sweepDeadlines, transitionCase } from '../src/modules/cases/cases.service.ts';
import type { Principal } from '../src/modules/auth/domain/policy.ts';
import { addSupervisor } from './cli-db.ts';
import { DB_KINDS, TestClock, addUser, freshDb, makeDeps } from './harness.ts';

const DAY = 86_400_000;
const REPORTER = { name: 'Siti Pelapor Rahasia', address: 'Jl. Kenanga Tersembunyi No. 7, Bekasi', occupation: 'Guru Honorer', citizenship: 'WNI', phone: '+6281211112222', email: 'siti.pelapor@contoh.id' };
const WITNESS = { name: 'Bambang Saksi Diam', address: 'Gg. Melati 3', phone: '+6281333334444' };

type OutboxRow = { channel: string; recipient: string; subject: string; body: string; case_id: string };

describe.each(DB_KINDS)('deadline notices of the case sweep on %s', (kind) => {
  // Wednesday 3 January 2024, 09:00 WIB
  const clock = new TestClock(new Date('2024-01-03T02:00:00Z'));
  let deps: Deps;
  let drop: () => Promise<void>;
  let handler: Principal;
  let caseId: string;
  let dueAt: Date;
  const outbox = async () => (await deps.db.query<OutboxRow>('SELECT channel, recipient, subject, body, case_id FROM notification_outbox ORDER BY created_at, subject')).rows;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    handler = await addSupervisor(deps, 'pengawas.kota', '32.75', 'pengawas.kota@bawaslu.test');
    // a colleague in the same region who does not handle the case hears nothing
    await addUser(deps, 'pengawas.lain', 'supervisor', { regionCode: '32.75', email: 'pengawas.lain@bawaslu.test' });
    const c = await createReport(deps, handler, {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Lurah mengarahkan warga memilih', summary: 'Lurah mengumpulkan warga dan mengarahkan pilihan.',
      chronology: `Pada rapat RT, ${REPORTER.name} mendengar lurah mengarahkan warga.`, incidentOn: '2024-01-02', knownOn: '2024-01-02',
      reporter: REPORTER, witnesses: [WITNESS],
    } as Parameters<typeof createReport>[2]);
    caseId = c.id;
    const next = c.deadlines.map((d) => d.dueAt).sort()[0]!;
    dueAt = new Date(next);
  });
  afterAll(() => drop());

  it('finds nothing while the first deadline is more than a day away', async () => {
    expect(dueAt.getTime() - clock.now().getTime()).toBeGreaterThan(2 * DAY - 12 * 3_600_000);
    expect(await sweepDeadlines(deps)).toEqual({ scanned: 0, warned: 0, escalated: 0 });
    expect(await outbox()).toEqual([]);
  });

  it('one day before the due date: one warning to the handler, and a repeated sweep adds nothing', async () => {
    clock.current = new Date(dueAt.getTime() - DAY);
    expect(await sweepDeadlines(deps)).toEqual({ scanned: 1, warned: 1, escalated: 0 });
    const rows = await outbox();
    expect(rows).toEqual([{
      channel: 'email', recipient: 'pengawas.kota@bawaslu.test', case_id: caseId,
      subject: '[Netra] Lurah mengarahkan warga memilih: Batas waktu penanganan segera berakhir',
      body: expect.stringMatching(/^Batas waktu penanganan segera berakhir\.\nKasus: Lurah mengarahkan warga memilih\nWilayah: .+ \(32\.75\)\nStatus: Diterima\n/),
    }]);
    expect(await sweepDeadlines(deps)).toEqual({ scanned: 1, warned: 0, escalated: 0 });
    clock.advance(6 * 3_600_000); // later the same day
    expect(await sweepDeadlines(deps)).toMatchObject({ warned: 0, escalated: 0 });
    expect(await outbox()).toHaveLength(1);
  });

  it('one day after the due date: one escalation notice, once', async () => {
    clock.current = new Date(dueAt.getTime() + DAY);
    expect(await sweepDeadlines(deps)).toEqual({ scanned: 1, warned: 0, escalated: 1 });
    const rows = await outbox();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      channel: 'email', recipient: 'pengawas.kota@bawaslu.test', case_id: caseId,
      subject: '[Netra] Lurah mengarahkan warga memilih: Batas waktu penanganan terlewati',
      body: expect.stringContaining('Batas waktu penanganan terlewati.\n'),
    });
    clock.advance(3 * DAY);
    expect(await sweepDeadlines(deps)).toEqual({ scanned: 1, warned: 0, escalated: 0 });
    expect(await outbox()).toHaveLength(2);
    const events = (await deps.db.query<{ type: string }>("SELECT type FROM case_events WHERE case_id = $1 AND type LIKE 'DEADLINE_%' ORDER BY at", [caseId])).rows;
    expect(events.map((e) => e.type)).toEqual(['DEADLINE_WARNING', 'DEADLINE_PASSED']);
    const audit = (await deps.db.query<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE 'case.deadline_%' ORDER BY seq")).rows;
    expect(audit.map((a) => a.action)).toEqual(['case.deadline_warned', 'case.deadline_escalated']);
  });

  it('old escalated cases do not hide newer ones behind a small batch', async () => {
    // the first case is overdue and already escalated; a newer one falls due now
    const newer = await createReport(deps, handler, {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat memasang baliho', summary: 'Camat memasang baliho calon di kantor kecamatan.',
      chronology: 'Baliho terlihat di halaman kantor kecamatan.', reporter: { name: 'Pelapor Kedua', address: 'Jl. Mawar 1, Bekasi', citizenship: 'WNI' }, witnesses: [],
    } as Parameters<typeof createReport>[2]);
    const due = new Date(newer.deadlines.map((d) => d.dueAt).sort()[0]!);
    clock.current = new Date(due.getTime() + DAY);
    expect(await sweepDeadlines(deps, { batch: 1 })).toEqual({ scanned: 2, warned: 0, escalated: 1 });
    const notices = (await deps.db.query<{ case_id: string }>("SELECT case_id FROM case_notices WHERE kind = 'escalate'")).rows.map((r) => r.case_id);
    expect(notices.sort()).toEqual([caseId, newer.id].sort());
    await transitionCase(deps, handler, newer.id, { type: 'WITHDRAW', reason: 'Dicabut oleh pelapor.' });
  });

  it('no notice carries the reporter or a witness', async () => {
    const text = JSON.stringify(await outbox());
    for (const secret of [REPORTER.name, 'Siti', REPORTER.address, REPORTER.phone, REPORTER.email, WITNESS.name, WITNESS.phone, 'Kenanga', 'Guru Honorer'])
      expect(text).not.toContain(secret);
  });

  it('a case in a final status is no longer swept', async () => {
    await transitionCase(deps, handler, caseId, { type: 'START_REVIEW' });
    await transitionCase(deps, handler, caseId, { type: 'REJECT', reason: 'Tidak memenuhi syarat materiel.' });
    const before = (await outbox()).length;
    clock.advance(30 * DAY);
    expect(await sweepDeadlines(deps)).toEqual({ scanned: 0, warned: 0, escalated: 0 });
    expect(await outbox()).toHaveLength(before);
  });
});
