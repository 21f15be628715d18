import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Agency, AgencyCreateInput, Pagination, Problem, Unit, UnitCreateInput, pageOf } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requirePrincipal } from '../../platform/http.ts';
import { createAgency, createUnit, getAgency, listAgencies, listUnits } from './agencies.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Id = z.object({ id: z.uuid() });

export const agencyRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.get('/agencies', { schema: { tags: ['agencies'], querystring: Pagination, response: { 200: pageOf(Agency), ...errors } } }, async (req) =>
    listAgencies(deps, requirePrincipal(req), req.query),
  );
  app.post('/agencies', { schema: { tags: ['agencies'], body: AgencyCreateInput, response: { 201: Agency, ...errors } } }, async (req, reply) => {
    const p = requirePrincipal(req, 'agencies.manage');
    return reply.status(201).send(await createAgency(deps, p, actorOf(p), req.body));
  });
  app.get('/agencies/:id', { schema: { tags: ['agencies'], params: Id, response: { 200: Agency, ...errors } } }, async (req) =>
    getAgency(deps.db, requirePrincipal(req), req.params.id),
  );
  app.get('/agencies/:id/units', { schema: { tags: ['agencies'], params: Id, response: { 200: z.object({ items: z.array(Unit) }), ...errors } } }, async (req) => ({
    items: await listUnits(deps, requirePrincipal(req), req.params.id),
  }));
  app.post('/agencies/:id/units', { schema: { tags: ['agencies'], params: Id, body: UnitCreateInput, response: { 201: Unit, ...errors } } }, async (req, reply) => {
    const p = requirePrincipal(req, 'agencies.manage');
    return reply.status(201).send(await createUnit(deps, p, actorOf(p), req.params.id, req.body));
  });
};
