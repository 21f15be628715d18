import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDb, SYSTEM } from '../../test/harness.ts';
import { openEmbedded, openPostgres, type Db } from '../db/client.ts';
import { listMigrations, migrate, splitStatements } from '../db/migrate.ts';
import { appendAudit, type AuditEntry, hashRow, sealAudit, startAuditSealer, verifyAuditChain } from './audit.ts';

const at = new Date('2024-02-01T03:00:00.000Z');
const entry = (action: string, details: Record<string, unknown> = {}): AuditEntry => ({ actor: SYSTEM, action: action as AuditEntry['action'], entityType: 'test', entityId: action, details, at });
const append = (db: Db, action: string, details: Record<string, unknown> = {}) => db.transaction((tx) => appendAudit(tx, entry(action, details)));
const chain = async (db: Db) =>
  (await db.query<{ seq: string; chain_pos: string | null; action: string }>('SELECT seq, chain_pos, action FROM audit_events ORDER BY seq')).rows.map((r) => ({
    seq: Number(r.seq), pos: r.chain_pos === null ? null : Number(r.chain_pos), action: r.action,
  }));

describe.each(DB_KINDS)('audit chain sealed after commit (%s)', (kind) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ db, drop } = await freshDb(kind)));
  afterAll(() => drop());

  it('writes entries without a link; the sealer links them in seq order at dense positions', async () => {
    const base = (await chain(db)).length;
    for (const a of ['t.one', 't.two', 't.three']) await append(db, a, { n: a.length, nested: { b: 1, a: [1, 'x'] } });
    const before = await chain(db);
    expect(before.slice(base).map((r) => r.pos)).toEqual([null, null, null]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, pending: 3 });
    expect(await sealAudit(db)).toBe(3);
    expect(await sealAudit(db)).toBe(0);
    const after = await chain(db);
    expect(after.map((r) => r.pos)).toEqual(after.map((_r, i) => i + 1));
    const v = await verifyAuditChain(db);
    expect(v).toEqual({ ok: true, checked: after.length, pending: 0, deferred: 0, firstBroken: null });
  });

  it('keeps one chain over many concurrent writers and sealers, in batches', async () => {
    const n = 60;
    await Promise.all([...Array.from({ length: n }, (_v, i) => append(db, 't.burst', { i })), sealAudit(db), sealAudit(db, { wait: true })]);
    await sealAudit(db, { wait: true, batch: 7 });
    const rows = await chain(db);
    expect(rows.filter((r) => r.action === 't.burst')).toHaveLength(n);
    expect(rows.map((r) => r.pos).sort((a, b) => a! - b!)).toEqual(rows.map((_r, i) => i + 1));
    expect(await verifyAuditChain(db, 9)).toMatchObject({ ok: true, checked: rows.length, pending: 0 });
  });

  it('the server\'s sealer links what is committed on its own, and once more when it stops', async () => {
    const errors: unknown[] = [];
    const stop = startAuditSealer(db, 20, (err) => errors.push(err));
    await append(db, 't.timer');
    const sealedSoon = async () => (await chain(db)).find((r) => r.action === 't.timer')!.pos !== null;
    for (let i = 0; i < 100 && !(await sealedSoon()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await sealedSoon()).toBe(true);
    await append(db, 't.before_stop');
    await stop();
    expect((await chain(db)).every((r) => r.pos !== null)).toBe(true);
    expect(errors).toEqual([]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, pending: 0 });
  });

  it('an entry rolled back with its change leaves a seq gap but no hole in the chain', async () => {
    await expect(db.transaction(async (tx) => {
      await appendAudit(tx, entry('t.rolled_back'));
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    await append(db, 't.after_rollback');
    await sealAudit(db);
    const rows = await chain(db);
    expect(rows.some((r) => r.action === 't.rolled_back')).toBe(false);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: rows.length });
  });

  it('names the first altered, re-linked or removed entry', async () => {
    await append(db, 't.victim');
    await append(db, 't.witness');
    await sealAudit(db);
    const rows = await chain(db);
    const victim = rows.find((r) => r.action === 't.victim')!;
    const restore = await db.query<{ actor_label: string; prev_hash: string }>('SELECT actor_label, prev_hash FROM audit_events WHERE seq = $1', [victim.seq]);

    await db.query("UPDATE audit_events SET actor_label = 'someone-else' WHERE seq = $1", [victim.seq]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { seq: victim.seq, position: victim.pos, reason: expect.stringMatching(/altered/) } });
    await db.query('UPDATE audit_events SET actor_label = $2 WHERE seq = $1', [victim.seq, restore.rows[0]!.actor_label]);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    await db.query("UPDATE audit_events SET prev_hash = repeat('f', 64) WHERE seq = $1", [victim.seq]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { seq: victim.seq, reason: expect.stringMatching(/prev_hash/) } });
    await db.query('UPDATE audit_events SET prev_hash = $2 WHERE seq = $1', [victim.seq, restore.rows[0]!.prev_hash]);

    // unlinking an entry to have it sealed again with new content leaves its old position empty
    await db.query("UPDATE audit_events SET chain_pos = NULL, prev_hash = NULL, hash = NULL, actor_label = 'rewritten' WHERE seq = $1", [victim.seq]);
    await sealAudit(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { seq: null, position: victim.pos, reason: expect.stringMatching(/missing/) } });
    await db.query('DELETE FROM audit_events WHERE seq = $1', [victim.seq]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { seq: null, position: victim.pos } });
  });
});

describe('audit chain across connections (postgres)', () => {
  it('seals an entry that commits after later ones at the next position', async () => {
    const fresh = await freshDb('postgres');
    const other = await openPostgres(fresh.url!, 2);
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let written!: () => void;
      const wroteEarly = new Promise<void>((r) => (written = r));
      const slow = fresh.db.transaction(async (tx) => {
        await appendAudit(tx, entry('t.early_seq_late_commit'));
        written();
        await held;
      });
      await wroteEarly;
      await append(other, 't.late_seq_early_commit');
      expect(await sealAudit(other)).toBe(1);
      release();
      await slow;
      expect(await sealAudit(other)).toBe(1);
      const rows = await chain(fresh.db);
      const early = rows.find((r) => r.action === 't.early_seq_late_commit')!;
      const late = rows.find((r) => r.action === 't.late_seq_early_commit')!;
      expect(early.seq).toBeLessThan(late.seq);
      expect(early.pos).toBe(late.pos! + 1);
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ ok: true, pending: 0 });
      // a sealer that cannot get the chain lock leaves the work to the one that holds it
      await fresh.db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(72202)');
        await append(other, 't.while_locked');
        expect(await sealAudit(other)).toBe(0);
      });
      expect(await sealAudit(other)).toBe(1);
    } finally {
      await other.close();
      await fresh.drop();
    }
  });
});

describe('audit chain across migration 0012 (embedded)', () => {
  it('keeps the links of entries chained before migration 0012 and continues the chain after them', async () => {
    const old = await openEmbedded(null);
    try {
      await old.exec(`CREATE TABLE schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const m of listMigrations().filter((m) => m.name < '0012')) {
        for (const s of splitStatements(m.sql)) await old.query(s);
        await old.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
      }
      let prev = '0'.repeat(64);
      for (const seq of [1, 2, 3]) {
        const row = { seq, occurredAt: at.toISOString(), actorId: null, actorLabel: 'old', action: `t.old_${seq}`, entityType: 'test', entityId: null, beforeDigest: null, afterDigest: null, details: { seq } };
        const hash = hashRow(prev, row);
        await old.query(
          `INSERT INTO audit_events (seq, occurred_at, actor_id, actor_label, action, entity_type, entity_id, before_digest, after_digest, details, prev_hash, hash)
           VALUES ($1, $2, NULL, 'old', $3, 'test', NULL, NULL, NULL, $4, $5, $6)`, [seq, row.occurredAt, row.action, JSON.stringify(row.details), prev, hash],
        );
        prev = hash;
      }
      expect(await migrate(old)).toEqual(listMigrations().filter((m) => m.name >= '0012').map((m) => m.name));
      expect(await verifyAuditChain(old)).toMatchObject({ ok: true, checked: 3, pending: 0 });
      await append(old, 't.new');
      expect(await sealAudit(old)).toBe(1);
      expect((await chain(old)).at(-1)).toEqual({ seq: 4, pos: 4, action: 't.new' });
      expect(await verifyAuditChain(old)).toMatchObject({ ok: true, checked: 4 });
    } finally {
      await old.close();
    }
  });
});
