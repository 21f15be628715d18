import type { AuditQuery } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import { forbidden } from '../../platform/errors.ts';
import { grantsFor, type Principal } from '../auth/domain/policy.ts';

/** The trail spans every agency: only national (unscoped) audit grants may read it. Filters run in SQL. */
export async function listAuditEvents(deps: Deps, p: Principal, q: AuditQuery) {
  if (!grantsFor(p, 'audit.read').some((g) => !g.regionCode && !g.agencyId && !g.unitId)) throw forbidden();
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.actor) where.push(`actor_label = $${params.push(q.actor)}`);
  if (q.action) where.push(q.action.endsWith('.') ? `action LIKE $${params.push(q.action.replace(/_/g, '\\_'))} || '%'` : `action = $${params.push(q.action)}`);
  if (q.entityType) where.push(`entity_type = $${params.push(q.entityType)}`);
  if (q.entityId) where.push(`entity_id = $${params.push(q.entityId)}`);
  if (q.from) where.push(`occurred_at >= $${params.push(new Date(q.from))}`);
  if (q.to) where.push(`occurred_at < $${params.push(new Date(q.to))}`);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events ${cond}`, params)).rows[0]!.n;
  const { rows } = await deps.db.query<{ seq: number; occurred_at: Date; actor_id: string | null; actor_label: string; action: string; entity_type: string; entity_id: string | null; before_digest: string | null; after_digest: string | null; hash: string | null }>(
    `SELECT seq, occurred_at, actor_id, actor_label, action, entity_type, entity_id, before_digest, after_digest, hash
       FROM audit_events ${cond} ORDER BY seq ${q.sort === 'seq' ? 'ASC' : 'DESC'} LIMIT $${params.push(q.pageSize)} OFFSET $${params.push((q.page - 1) * q.pageSize)}`,
    params,
  );
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq), occurredAt: new Date(r.occurred_at).toISOString(), actorId: r.actor_id, actorLabel: r.actor_label, action: r.action,
      entityType: r.entity_type, entityId: r.entity_id, beforeDigest: r.before_digest, afterDigest: r.after_digest, hash: r.hash,
    })),
    page: q.page, pageSize: q.pageSize, total,
  };
}
