import type { Deps } from '../../deps.ts';
import { forbidden } from '../../platform/errors.ts';
import { grantsFor, type Principal } from '../auth/domain/policy.ts';

/** The trail spans every agency: only national (unscoped) audit grants may read it. */
export async function listAuditEvents(deps: Deps, p: Principal, q: { page: number; pageSize: number }) {
  if (!grantsFor(p, 'audit.read').some((g) => !g.regionCode && !g.agencyId && !g.unitId)) throw forbidden();
  const total = (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0]!.n;
  const { rows } = await deps.db.query<{ seq: number; occurred_at: Date; actor_id: string | null; actor_label: string; action: string; entity_type: string; entity_id: string | null; before_digest: string | null; after_digest: string | null; hash: string | null }>(
    `SELECT seq, occurred_at, actor_id, actor_label, action, entity_type, entity_id, before_digest, after_digest, hash
       FROM audit_events ORDER BY seq DESC LIMIT $1 OFFSET $2`,
    [q.pageSize, (q.page - 1) * q.pageSize],
  );
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq), occurredAt: new Date(r.occurred_at).toISOString(), actorId: r.actor_id, actorLabel: r.actor_label, action: r.action,
      entityType: r.entity_type, entityId: r.entity_id, beforeDigest: r.before_digest, afterDigest: r.after_digest, hash: r.hash,
    })),
    page: q.page, pageSize: q.pageSize, total,
  };
}
