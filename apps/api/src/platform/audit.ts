import crypto from 'node:crypto';
import type { Queryable } from '../db/client.ts';

/** Who did it: an official's account, the CLI on the server, the public, or the system itself. */
export type Actor = { id: string | null; label: string };

export type AuditEntry = {
  actor: Actor;
  action: string; // module.verb_past, e.g. employee.updated
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
  at: Date;
};

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 72202;

/** JSON with object keys sorted, so a value hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
export const digest = (value: unknown) => (value === undefined || value === null ? null : sha256(canonicalJson(value)));

type Row = {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  details: Record<string, unknown>;
};

export function hashRow(prevHash: string, r: Row): string {
  return sha256(
    prevHash +
      canonicalJson([r.seq, r.occurredAt, r.actorId, r.actorLabel, r.action, r.entityType, r.entityId, r.beforeDigest, r.afterDigest, r.details]),
  );
}

/**
 * Appends one entry to the hash chain inside the caller's transaction. The advisory lock orders
 * concurrent writers, so the chain stays linear; it is held until the transaction ends, so
 * services append their audit row as their last statement.
 */
export async function appendAudit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const last = (await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')).rows[0];
  const row: Row = {
    seq: (last?.seq ?? 0) + 1,
    occurredAt: e.at.toISOString(),
    actorId: e.actor.id,
    actorLabel: e.actor.label,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    beforeDigest: digest(e.before),
    afterDigest: digest(e.after),
    details: e.details ?? {},
  };
  const prevHash = last?.hash ?? GENESIS;
  await tx.query(
    `INSERT INTO audit_events (seq, occurred_at, actor_id, actor_label, action, entity_type, entity_id,
       before_digest, after_digest, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [row.seq, row.occurredAt, row.actorId, row.actorLabel, row.action, row.entityType, row.entityId, row.beforeDigest, row.afterDigest, canonicalJson(row.details), prevHash, hashRow(prevHash, row)],
  );
}

export type VerifyResult = { ok: boolean; checked: number; firstBroken: { seq: number; reason: string } | null };

/** Walks the whole chain in order and names the first entry that does not verify. */
export async function verifyAuditChain(db: Queryable, batch = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const { rows } = await db.query<{
      seq: number; occurred_at: Date; actor_id: string | null; actor_label: string; action: string; entity_type: string;
      entity_id: string | null; before_digest: string | null; after_digest: string | null; details: Record<string, unknown>;
      prev_hash: string; hash: string;
    }>(
      `SELECT seq, occurred_at, actor_id, actor_label, action, entity_type, entity_id, before_digest, after_digest,
              details, prev_hash, hash
         FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, batch],
    );
    if (rows.length === 0) return { ok: true, checked, firstBroken: null };
    for (const r of rows) {
      const fail = (reason: string) => ({ ok: false, checked, firstBroken: { seq: Number(r.seq), reason } });
      if (Number(r.seq) !== expectedSeq) return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: `entry ${expectedSeq} is missing` } };
      if (r.prev_hash !== prevHash) return fail('prev_hash does not match the previous entry');
      const details = typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details;
      const computed = hashRow(prevHash, {
        seq: Number(r.seq),
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        beforeDigest: r.before_digest,
        afterDigest: r.after_digest,
        details,
      });
      if (computed !== r.hash) return fail('content does not match its hash (the entry was altered)');
      prevHash = r.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}
