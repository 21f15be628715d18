import crypto from 'node:crypto';
import type { NamedAuditAction } from '@netra/contracts';
import { prepared, type Db, type Queryable } from '../db/client.ts';

/** Who did it: an official's account, the CLI on the server, the public, or the system itself. */
export type Actor = { id: string | null; label: string };

declare const workflowStep: unique symbol;
/** A case workflow step's action, `case.<event>`, labelled by the step's name: made only by the cases module. */
export type StepAuditAction = `case.${string}` & { readonly [workflowStep]: true };

export type AuditEntry = {
  actor: Actor;
  /** kind.verb_past from the catalogue (AUDIT_ACTIONS), e.g. employee.updated, or a workflow step */
  action: NamedAuditAction | StepAuditAction;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
  at: Date;
  /**
   * For an anonymous reporter's action: the entry waits (audit_deferred, same transaction) until this
   * instant, the end of its local day, and then joins the trail in random order with the others of
   * that day, so its place among exact-time entries does not date it (migration 0016).
   */
  releaseAfter?: Date;
};

const GENESIS = '0'.repeat(64);
/** Held by the one sealer at a time (migration 0012). Writers never take it. */
const CHAIN_LOCK = 72202;

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
 * Appends one entry inside the caller's transaction: it commits or rolls back with the change it
 * records. It takes no lock: its link in the hash chain is added after commit by `sealAudit`
 * (the server seals every second; every CLI command seals before it exits), so concurrent writers
 * never queue on the chain.
 */
const AUDIT_COLUMNS = 'occurred_at, actor_id, actor_label, action, entity_type, entity_id, before_digest, after_digest, details';
const AUDIT_TYPES = ['timestamptz', 'uuid', 'text', 'text', 'text', 'text', 'text', 'text', 'jsonb'];
/** How many parameters `auditValues` fills (for statements that place more parameters after them). */
export const AUDIT_PARAM_COUNT = AUDIT_TYPES.length;

/** An entry's column values, in the order of `auditInsertSql`'s parameters. */
export function auditValues(e: AuditEntry): unknown[] {
  return [e.at.toISOString(), e.actor.id, e.actor.label, e.action, e.entityType, e.entityId ?? null, digest(e.before), digest(e.after), canonicalJson(e.details ?? {})];
}

const APPEND = prepared('audit_append', `INSERT INTO audit_events (${AUDIT_COLUMNS}) VALUES (${AUDIT_TYPES.map((_t, i) => `$${i + 1}`).join(', ')})`);

/**
 * Appends one entry inside the caller's transaction: it commits or rolls back with the change it
 * records. It takes no lock: its link in the hash chain is added after commit by `sealAudit`
 * (the server seals every second; every CLI command seals before it exits), so concurrent writers
 * never queue on the chain.
 */
export async function appendAudit(tx: Queryable, e: AuditEntry): Promise<void> {
  if (e.releaseAfter) await tx.query(DEFER, [...auditValues(e), e.releaseAfter.toISOString()]);
  else await tx.query(APPEND, auditValues(e));
}

const DEFER = prepared('audit_defer', `INSERT INTO audit_deferred (${AUDIT_COLUMNS}, release_after) VALUES (${AUDIT_TYPES.map((_t, i) => `$${i + 1}`).join(', ')}, $${AUDIT_PARAM_COUNT + 1})`);

/** Moves the deferred entries whose time has come into the trail, in random order (inside the sealer's lock). */
async function releaseDeferred(tx: Queryable, now: Date): Promise<void> {
  await tx.query(
    `WITH due AS (DELETE FROM audit_deferred WHERE release_after <= $1 RETURNING ${AUDIT_COLUMNS})
     INSERT INTO audit_events (${AUDIT_COLUMNS}) SELECT ${AUDIT_COLUMNS} FROM due ORDER BY random()`,
    [now.toISOString()],
  );
}

/**
 * For a hot path that makes its change and its entry in one statement (a self-service signature):
 * `INSERT INTO audit_events ... SELECT <entry> FROM <from>` for a data-modifying CTE, so the entry is
 * written exactly when the rows of `from` are; the entry's `auditValues` are parameters
 * $firstParam.. onwards.
 */
export function auditInsertSql(from: string, firstParam: number): string {
  return `INSERT INTO audit_events (${AUDIT_COLUMNS}) SELECT ${AUDIT_TYPES.map((t, i) => `$${firstParam + i}::${t}`).join(', ')} FROM ${from}`;
}

type StoredRow = {
  seq: string | number; occurred_at: Date; actor_id: string | null; actor_label: string; action: string; entity_type: string;
  entity_id: string | null; before_digest: string | null; after_digest: string | null; details: Record<string, unknown> | string;
};
const STORED_COLUMNS = 'seq, occurred_at, actor_id, actor_label, action, entity_type, entity_id, before_digest, after_digest, details';

function rowOf(r: StoredRow): Row {
  return {
    seq: Number(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    beforeDigest: r.before_digest,
    afterDigest: r.after_digest,
    details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
  };
}

/**
 * Links committed, unsealed entries into the chain, in seq order, each at the next dense chain
 * position. One sealer at a time: with `wait` it queues for the chain lock (the CLI before it exits
 * or verifies); without, it returns 0 at once when another process is sealing (the server's timer).
 * An entry whose transaction commits after later entries were sealed simply gets a later position.
 * Returns how many entries it sealed.
 */
export async function sealAudit(db: Db, opts: { wait?: boolean; batch?: number; now?: Date } = {}): Promise<number> {
  const batch = opts.batch ?? 5000;
  let sealed = 0;
  for (let round = 0; ; round++) {
    const n = await db.transaction(async (tx) => {
      if (opts.wait) await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      else if (!(await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [CHAIN_LOCK])).rows[0]!.ok) return 0;
      if (round === 0) await releaseDeferred(tx, opts.now ?? new Date());
      const rows = (await tx.query<StoredRow>(`SELECT ${STORED_COLUMNS} FROM audit_events WHERE chain_pos IS NULL ORDER BY seq LIMIT $1`, [batch])).rows;
      if (rows.length === 0) return 0;
      const last = (await tx.query<{ chain_pos: string | number; hash: string }>(
        'SELECT chain_pos, hash FROM audit_events WHERE chain_pos IS NOT NULL ORDER BY chain_pos DESC LIMIT 1',
      )).rows[0];
      let pos = Number(last?.chain_pos ?? 0);
      let prev = last?.hash ?? GENESIS;
      const seqs: number[] = [], positions: number[] = [], prevs: string[] = [], hashes: string[] = [];
      for (const r of rows) {
        const row = rowOf(r);
        const hash = hashRow(prev, row);
        seqs.push(row.seq);
        positions.push(++pos);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await tx.query(
        `UPDATE audit_events a SET chain_pos = x.pos, prev_hash = x.prev, hash = x.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS x (seq, pos, prev, hash)
          WHERE a.seq = x.seq AND a.chain_pos IS NULL`,
        [seqs, positions, prevs, hashes],
      );
      return rows.length;
    });
    sealed += n;
    if (n < batch) return sealed;
  }
}

/**
 * The server's sealer: a pass every `ms` (never two at once; a pass while another process seals is a
 * no-op). The returned stop function ends the timer and seals once more, waiting for the chain lock.
 */
export function startAuditSealer(db: Db, ms: number, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= sealAudit(db).catch(onError).finally(() => (running = null));
  }, ms);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await sealAudit(db, { wait: true }).catch(onError);
  };
}

export type VerifyResult = {
  ok: boolean;
  /** sealed entries verified */
  checked: number;
  /** committed entries not linked into the chain yet (the sealer links them within a second or two) */
  pending: number;
  /** anonymous reporters' entries waiting for the end of their local day before they join the chain (audit_deferred) */
  deferred: number;
  firstBroken: { seq: number | null; position: number; reason: string } | null;
};

/** Walks the chain in position order and names the first entry that does not verify. */
export async function verifyAuditChain(db: Queryable, batch = 5000): Promise<VerifyResult> {
  const pending = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE chain_pos IS NULL')).rows[0]!.n;
  const deferred = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_deferred')).rows[0]!.n;
  let prevHash = GENESIS;
  let expected = 1;
  let checked = 0;
  for (;;) {
    const { rows } = await db.query<StoredRow & { chain_pos: string | number; prev_hash: string; hash: string }>(
      `SELECT ${STORED_COLUMNS}, chain_pos, prev_hash, hash FROM audit_events WHERE chain_pos >= $1 ORDER BY chain_pos LIMIT $2`,
      [expected, batch],
    );
    if (rows.length === 0) return { ok: true, checked, pending, deferred, firstBroken: null };
    for (const r of rows) {
      const broken = (seq: number | null, reason: string) => ({ ok: false, checked, pending, deferred, firstBroken: { seq, position: expected, reason } });
      if (Number(r.chain_pos) !== expected) return broken(null, `the entry at chain position ${expected} is missing (the next one is seq ${Number(r.seq)})`);
      if (r.prev_hash !== prevHash) return broken(Number(r.seq), 'prev_hash does not match the previous entry');
      if (hashRow(prevHash, rowOf(r)) !== r.hash) return broken(Number(r.seq), 'content does not match its hash (the entry was altered)');
      prevHash = r.hash;
      expected += 1;
      checked += 1;
    }
  }
}
