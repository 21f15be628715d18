import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEvent, Pagination, Problem, pageOf } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { forbidden } from '../../platform/errors.ts';
import { grantsFor } from '../auth/domain/policy.ts';

export const auditRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.get('/audit', { schema: { tags: ['audit'], querystring: Pagination, response: { 200: pageOf(AuditEvent), 401: Problem, 403: Problem } } }, async (req) => {
    const p = requirePrincipal(req, 'audit.read');
    // The trail spans every agency: only national (unscoped) audit grants may read it.
    if (!grantsFor(p, 'audit.read').some((g) => !g.regionCode && !g.agencyId && !g.unitId)) throw forbidden();
    const { page, pageSize } = req.query;
    const total = (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0]!.n;
    const { rows } = await deps.db.query<{ seq: number; occurred_at: Date; actor_id: string | null; actor_label: string; action: string; entity_type: string; entity_id: string | null; before_digest: string | null; after_digest: string | null; hash: string }>(
      `SELECT seq, occurred_at, actor_id, actor_label, action, entity_type, entity_id, before_digest, after_digest, hash
         FROM audit_events ORDER BY seq DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    );
    return {
      items: rows.map((r) => ({
        seq: Number(r.seq), occurredAt: new Date(r.occurred_at).toISOString(), actorId: r.actor_id, actorLabel: r.actor_label, action: r.action,
        entityType: r.entity_type, entityId: r.entity_id, beforeDigest: r.before_digest, afterDigest: r.after_digest, hash: r.hash,
      })),
      page, pageSize, total,
    };
  });
};
