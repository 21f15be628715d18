import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { fileWithFields, sendFile } from '../../platform/files.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { attachToCase, attachToTip, custodyLog, listEvidence, openEvidence } from './custody.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 413: Problem, 429: Problem };
const Id = z.object({ id: z.uuid() });
const Evidence = z.object({
  id: z.uuid(), fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string(), shareableSha256: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()).describe('Time taken, GPS, device: a plausibility signal for handlers'), receivedAt: z.string(),
  sameFileElsewhere: z.number().int().describe('Other uploads with the same SHA-256 (possible duplicate report)'),
});
const Stored = z.object({ id: z.uuid(), fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() });

export const custodyRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.post('/public/tips/evidence', {
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: ['tips'], summary: 'Add a file to a tip (multipart: receiptCode, secret, then file)', consumes: ['multipart/form-data'], response: { 201: Stored, ...errors } },
  }, async (req, reply) => {
    const { fields, file } = await fileWithFields(req);
    if (!fields.receiptCode || !fields.secret) throw invalid('TIP_CREDENTIALS_REQUIRED', { id: 'Kode tanda terima dan kode rahasia wajib dikirim sebelum berkas.', en: 'Receipt code and secret must be sent before the file.' });
    const stored = await attachToTip(deps, { receiptCode: fields.receiptCode.trim().toUpperCase(), secret: fields.secret.trim() }, file.file, file.filename || 'bukti');
    if (file.file.truncated) throw new AppError(413, 'EVIDENCE_TOO_LARGE', { id: 'Berkas terlalu besar.', en: 'File too large.' });
    return reply.status(201).send(stored);
  });

  app.post('/cases/:id/evidence', { schema: { tags: ['cases'], consumes: ['multipart/form-data'], params: Id, response: { 201: Stored, ...errors } } }, async (req, reply) => {
    const p = requirePrincipal(req, 'cases.handle');
    const { file } = await fileWithFields(req);
    return reply.status(201).send(await attachToCase(deps, p, req.params.id, file.file, file.filename || 'bukti'));
  });
  app.get('/cases/:id/evidence', { schema: { tags: ['cases'], params: Id, response: { 200: z.object({ items: z.array(Evidence) }), ...errors } } }, async (req) => ({
    items: await listEvidence(deps, requirePrincipal(req, 'cases.read'), { caseId: req.params.id }),
  }));
  app.get('/tips/:id/evidence', { schema: { tags: ['tips'], params: Id, response: { 200: z.object({ items: z.array(Evidence) }), ...errors } } }, async (req) => ({
    items: await listEvidence(deps, requirePrincipal(req, 'tips.read'), { tipId: req.params.id }),
  }));
  app.get('/evidence/:id/copy', { schema: { tags: ['evidence'], summary: 'Shareable copy (metadata stripped); logged', params: Id } }, async (req, reply) =>
    sendFile(reply, await openEvidence(deps, requirePrincipal(req), req.params.id, 'copy')),
  );
  app.post('/evidence/:id/original', { schema: { tags: ['evidence'], summary: 'The sealed original, with a reason; logged', params: Id, body: z.object({ reason: z.string().trim().min(10).max(500) }) } }, async (req, reply) =>
    sendFile(reply, await openEvidence(deps, requirePrincipal(req), req.params.id, 'original', req.body.reason)),
  );
  app.get('/evidence/:id/custody', { schema: { tags: ['evidence'], summary: 'Chain of custody', params: Id, response: { 200: z.object({ items: z.array(z.object({ action: z.string(), actor: z.string(), reason: z.string().nullable(), at: z.string() })) }), ...errors } } }, async (req) => ({
    items: await custodyLog(deps, requirePrincipal(req), req.params.id),
  }));
};
