import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EMPLOYMENT_TYPES, Problem } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { coverage, createCampaign, recordCeremony, requestSigningCode, revokePledge, signWithCode, verifyPledge } from './pledges.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem };
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Id = z.object({ id: z.uuid() });
const publicLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

export const pledgeRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.post('/pledge-campaigns', {
    schema: { tags: ['pledges'], summary: 'Open a neutrality pledge campaign for an agency (unit subtree, types, period)',
      body: z.object({ agencyId: z.uuid(), electionId: z.string().min(1).max(64), unitId: z.uuid().optional(), employmentTypes: z.array(z.enum(EMPLOYMENT_TYPES)).min(1).default([...EMPLOYMENT_TYPES]), opensOn: isoDate, closesOn: isoDate, title: z.string().trim().min(3).max(200).optional() }),
      response: { 201: z.object({ id: z.uuid(), templateId: z.uuid() }), ...errors } },
  }, async (req, reply) => reply.status(201).send(await createCampaign(deps, requirePrincipal(req, 'agencies.manage'), req.body)));

  app.get('/pledge-campaigns/:id/coverage', {
    schema: { tags: ['pledges'], params: Id, response: { 200: z.object({
      campaign: z.object({ id: z.uuid(), title: z.string(), opensOn: z.string(), closesOn: z.string() }),
      total: z.object({ required: z.number().int(), signed: z.number().int(), missing: z.number().int(), percent: z.number() }),
      rows: z.array(z.object({ unit: z.string().nullable(), type: z.string(), required: z.number().int(), signed: z.number().int(), missing: z.number().int(), percent: z.number() })),
    }), ...errors } },
  }, async (req) => coverage(deps, requirePrincipal(req, 'registry.read'), req.params.id));

  app.post('/pledge-campaigns/:id/ceremonies', {
    schema: { tags: ['pledges'], summary: 'Record a signing ceremony from its attendance list (NIPs)', params: Id, body: z.object({ nips: z.array(z.string().trim().min(1).max(30)).min(1).max(50_000) }),
      response: { 200: z.object({ signed: z.number().int(), alreadySigned: z.number().int(), notCovered: z.array(z.string()) }), ...errors } },
  }, async (req) => recordCeremony(deps, requirePrincipal(req, 'registry.write'), req.params.id, req.body.nips));

  app.post('/pledges/:id/revoke', { schema: { tags: ['pledges'], params: Id, body: z.object({ reason: z.string().trim().min(5).max(500) }), response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await revokePledge(deps, requirePrincipal(req, 'agencies.manage'), req.params.id, req.body.reason);
    return reply.status(204).send(null);
  });

  // Public self-service and verification
  const Sign = z.object({ campaignId: z.uuid(), nip: z.string().trim().min(3).max(30) });
  app.post('/public/pledges/code', { config: publicLimit, schema: { tags: ['pledges'], summary: 'Send a one-time signing code to the registered contact', body: Sign, response: { 200: z.object({ sentTo: z.string() }), ...errors } } }, async (req) =>
    requestSigningCode(deps, req.body),
  );
  app.post('/public/pledges/sign', {
    config: publicLimit,
    schema: { tags: ['pledges'], body: Sign.extend({ code: z.string().trim().regex(/^\d{6}$/, '6 digits'), emeteraiSerial: z.string().trim().regex(/^[A-Za-z0-9]{22}$/, '22 characters').optional() }), response: { 201: z.object({ pledgeId: z.uuid(), verifyCode: z.string() }), ...errors } },
  }, async (req, reply) => reply.status(201).send(await signWithCode(deps, req.body)));
  app.get('/public/pledges/verify/:code', {
    config: publicLimit,
    schema: { tags: ['pledges'], params: z.object({ code: z.string().min(4).max(40) }), response: { 200: z.object({ status: z.enum(['valid', 'revoked']), name: z.string(), agency: z.string(), title: z.string(), signedAt: z.string(), method: z.string(), contentHash: z.string() }), ...errors } },
  }, async (req) => verifyPledge(deps, req.params.code));
};
