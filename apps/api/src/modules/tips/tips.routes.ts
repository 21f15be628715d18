import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem, Tip, TipCredentials, TipFollowView, TipInput, TipQuery, TipReceipt, TipReply, pageOf } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { askReporter, consentToReport, followTip, getTip, listTips, replyToTip, setTipStatus, submitTip } from './tips.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem };
const publicLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
/**
 * The anonymous reporter's requests are not logged (Fastify logs every request with its exact
 * time; a time could identify the reporter). Warnings and errors still are, by route pattern only.
 */
export const PUBLIC_LOG_LEVEL = 'warn';

export const tipRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  // Public, anonymous: no account, no cookie, nothing about the sender stored or logged.
  app.post('/public/tips', { logLevel: PUBLIC_LOG_LEVEL, config: publicLimit, schema: { tags: ['tips'], summary: 'Send an anonymous tip', body: TipInput, response: { 201: TipReceipt, ...errors } } }, async (req, reply) => {
    const r = await submitTip(deps, req.body);
    return reply.status(201).header('cache-control', 'no-store').send({ receiptCode: r.receiptCode, secret: r.secret });
  });
  app.post('/public/tips/follow', { logLevel: PUBLIC_LOG_LEVEL, config: publicLimit, schema: { tags: ['tips'], summary: 'Follow a tip with its receipt code and secret', body: TipCredentials, response: { 200: TipFollowView, ...errors } } }, async (req, reply) =>
    reply.header('cache-control', 'no-store').send(await followTip(deps, req.body)),
  );
  app.post('/public/tips/reply', { logLevel: PUBLIC_LOG_LEVEL, config: publicLimit, schema: { tags: ['tips'], body: TipReply, response: { 200: TipFollowView, ...errors } } }, async (req) => replyToTip(deps, req.body, req.body.body));
  app.post('/public/tips/consent', { logLevel: PUBLIC_LOG_LEVEL, config: publicLimit, schema: { tags: ['tips'], summary: 'Consent to turn the tip into a formal report', body: TipCredentials, response: { 200: TipFollowView, ...errors } } }, async (req) =>
    consentToReport(deps, req.body),
  );

  const Id = z.object({ id: z.uuid() });
  app.get('/tips', { schema: { tags: ['tips'], querystring: TipQuery, response: { 200: pageOf(Tip), ...errors } } }, async (req) => listTips(deps, requirePrincipal(req, 'tips.read'), req.query));
  app.get('/tips/:id', { schema: { tags: ['tips'], params: Id, response: { 200: Tip, ...errors } } }, async (req) => getTip(deps, requirePrincipal(req, 'tips.read'), req.params.id));
  app.post('/tips/:id/questions', { schema: { tags: ['tips'], params: Id, body: z.object({ body: z.string().trim().min(1).max(5000) }), response: { 200: Tip, ...errors } } }, async (req) =>
    askReporter(deps, requirePrincipal(req, 'tips.handle'), req.params.id, req.body.body),
  );
  app.post('/tips/:id/status', { schema: { tags: ['tips'], params: Id, body: z.object({ status: z.enum(['in_review', 'closed']), note: z.string().trim().max(5000).optional() }), response: { 200: Tip, ...errors } } }, async (req) =>
    setTipStatus(deps, requirePrincipal(req, 'tips.handle'), req.params.id, req.body.status, req.body.note),
  );
};
