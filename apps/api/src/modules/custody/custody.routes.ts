import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem, normalizeTipSecret } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { invalid } from '../../platform/errors.ts';
import { fileWithFields, sendFile, uploadName } from '../../platform/files.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { PUBLIC_LOG_LEVEL } from '../tips/tips.routes.ts';
import { attachToCase, attachToTip, custodyLog, listEvidence, openEvidence } from './custody.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 413: Problem, 429: Problem };
const Id = z.object({ id: z.uuid() });
const Evidence = z.object({
  id: z.uuid(), fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string(), shareableSha256: z.string().nullable(),
  copy: z.enum(['stripped', 'original', 'none']).describe(
    'What /evidence/{id}/copy gives: a copy with location and device metadata removed, the original of a format with no metadata (text), or none (video, audio, a PDF that could not be made clean: only the original, with a reason)',
  ),
  metadata: z.record(z.string(), z.unknown()).describe('Time taken, GPS, device: a plausibility signal for handlers; empty outside Bawaslu'),
  metadataWithheld: z.boolean().describe('True for the civil-service authority and the PPK: metadata and originals stay with Bawaslu'),
  originalAvailable: z.boolean().describe('Whether the caller may open the sealed original (with a reason)'),
  receivedAt: z.string().describe('For files sent by the anonymous reporter: the start of the local day only (receivedAtPrecision "day")'),
  receivedOn: z.string().describe("The local date (YYYY-MM-DD) in the case's or tip's region; what to show for a day-precision upload"),
  receivedAtPrecision: z.enum(['day', 'exact']).describe('"day": an anonymous upload, kept with its local date only; show the date, not a time'),
  sameFileElsewhere: z.number().int().describe('Other uploads with the same SHA-256 (possible duplicate report)'),
});
const CustodyEntry = z.object({
  action: z.string(), actor: z.string(), reason: z.string().nullable(), at: z.string(),
  atPrecision: z.enum(['day', 'exact']).describe('"day": the receipt and sealing of an anonymous upload, kept with its local date only'),
});
const Stored = z.object({ id: z.uuid(), fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() });

export const custodyRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.post('/public/tips/evidence', {
    logLevel: PUBLIC_LOG_LEVEL,
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: ['tips'], summary: 'Add a file to a tip (multipart: receiptCode, secret, then file)', consumes: ['multipart/form-data'], response: { 201: Stored, ...errors } },
  }, async (req, reply) => {
    const { fields, file } = await fileWithFields(req);
    if (!fields.receiptCode || !fields.secret) throw invalid('TIP_CREDENTIALS_REQUIRED', { id: 'Kode tanda terima dan kode rahasia wajib dikirim sebelum berkas.', en: 'Receipt code and secret must be sent before the file.' });
    // a file cut at the multipart size limit is refused inside (413) before anything is recorded
    return reply.status(201).send(await attachToTip(deps, { receiptCode: fields.receiptCode.trim().toUpperCase(), secret: normalizeTipSecret(fields.secret.trim()) }, file.file, uploadName(file.filename, 'bukti')));
  });

  app.post('/cases/:id/evidence', { schema: { tags: ['cases'], consumes: ['multipart/form-data'], params: Id, response: { 201: Stored, ...errors } } }, async (req, reply) => {
    const p = requirePrincipal(req, 'cases.handle');
    const { file } = await fileWithFields(req);
    return reply.status(201).send(await attachToCase(deps, p, req.params.id, file.file, uploadName(file.filename, 'bukti')));
  });
  app.get('/cases/:id/evidence', { schema: { tags: ['cases'], params: Id, response: { 200: z.object({ items: z.array(Evidence) }), ...errors } } }, async (req) => ({
    items: await listEvidence(deps, requirePrincipal(req, 'cases.read'), { caseId: req.params.id }),
  }));
  app.get('/tips/:id/evidence', { schema: { tags: ['tips'], params: Id, response: { 200: z.object({ items: z.array(Evidence) }), ...errors } } }, async (req) => ({
    items: await listEvidence(deps, requirePrincipal(req, 'tips.read'), { tipId: req.params.id }),
  }));
  app.get('/evidence/:id/copy', { schema: { tags: ['evidence'], summary: 'Shareable copy without location/device metadata; 409 EVIDENCE_NO_COPY when none can be made; logged', params: Id } }, async (req, reply) =>
    sendFile(reply, await openEvidence(deps, requirePrincipal(req), req.params.id, 'copy')),
  );
  app.post('/evidence/:id/original', { schema: { tags: ['evidence'], summary: 'The sealed original, with a reason; logged', params: Id, body: z.object({ reason: z.string().trim().min(10).max(500) }) } }, async (req, reply) =>
    sendFile(reply, await openEvidence(deps, requirePrincipal(req), req.params.id, 'original', req.body.reason)),
  );
  app.get('/evidence/:id/custody', { schema: { tags: ['evidence'], summary: 'Chain of custody', params: Id, response: { 200: z.object({ items: z.array(CustodyEntry) }), ...errors } } }, async (req) => ({
    items: await custodyLog(deps, requirePrincipal(req), req.params.id),
  }));
};
