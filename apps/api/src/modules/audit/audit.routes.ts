import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEvent, AuditQuery, Problem, pageOf } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { listAuditEvents } from './audit.service.ts';

export const auditRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.get('/audit', { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: pageOf(AuditEvent), 400: Problem, 401: Problem, 403: Problem } } }, async (req) =>
    listAuditEvents(deps, requirePrincipal(req, 'audit.read'), req.query),
  );
};
