/** `netra sweep` (the cron entry point) as a real process on both engines: idempotent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinding } from '../src/modules/cases/cases.service.ts';
import { addSupervisor, openCliDb, type CliDb } from './cli-db.ts';
import { DB_KINDS, TestClock, runNetra } from './harness.ts';

describe.each(DB_KINDS)('netra sweep on %s', (kind) => {
  let db: CliDb;
  const snapshot = async () => ({
    notices: (await db.query<{ key: string }>('SELECT key FROM case_notices ORDER BY key')).map((r) => r.key),
    outbox: (await db.query<{ recipient: string; subject: string }>('SELECT recipient, subject FROM notification_outbox ORDER BY subject')),
    events: (await db.query<{ type: string }>("SELECT type FROM case_events WHERE type LIKE 'DEADLINE_%'")).length,
  });

  beforeAll(async () => {
    // the process runs on the real clock: the cases were opened weeks ago, so their first deadline is past
    const opened = new TestClock(new Date(Date.now() - 40 * 86_400_000));
    db = await openCliDb(kind, async (deps) => {
      const p = await addSupervisor(deps, 'pengawas.kota', '32.75', 'pengawas.kota@bawaslu.test');
      for (const title of ['Camat memasang spanduk calon', 'Kepala dinas hadir di kampanye'])
        await createFinding(deps, p, { electionId: 'pemilu-2024', regionCode: '32.75', title, summary: 'Temuan pengawas kelurahan di lapangan.' });
    }, opened);
  });
  afterAll(() => db.drop());

  it('escalates the overdue cases once; a second run creates nothing new', async () => {
    const first = await runNetra(['sweep', '--json'], db.env);
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout) as { scanned: number; warned: number; escalated: number };
    expect(result).toMatchObject({ scanned: 2, warned: 0 });
    expect(result.escalated).toBeGreaterThanOrEqual(2);
    const after = await snapshot();
    expect(after.notices).toHaveLength(result.escalated);
    expect(after.notices.every((k) => k.endsWith(':escalate'))).toBe(true);
    expect(after.events).toBe(result.escalated);
    // one notice per escalation to the one handler with an e-mail address
    expect(after.outbox).toHaveLength(result.escalated);
    expect(after.outbox.every((n) => n.recipient === 'pengawas.kota@bawaslu.test' && n.subject.endsWith(': Batas waktu penanganan terlewati'))).toBe(true);

    const second = await runNetra(['sweep'], db.env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe('Sweep: 2 cases near or past a deadline, 0 warnings, 0 escalations.\n');
    expect(await snapshot()).toEqual(after);
  });
});
