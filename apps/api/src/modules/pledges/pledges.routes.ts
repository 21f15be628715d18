import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  PledgeCampaignChange, PledgeCampaignCreated, PledgeCampaignInput, PledgeCampaignPeriod, PledgeCeremonyInput, PledgeCeremonyResult, PledgeCodeRequest, PledgeCodeSent, PledgeCoverage, PledgeCoverageQuery,
  PledgeDocumentTokenInput, PledgeMissingEmployee, PledgeMissingExportQuery, PledgeMissingQuery, PledgeReminderQuery, PledgeReminderResult, PledgeRevokeInput, PledgeSigned,
  PledgeSignInput, PledgeVerification, Problem, pageOf, PledgeCampaignSummary, PledgePublicCampaign, PledgeTemplate, PledgeTemplateCreated,
  PledgeTemplateInput, PledgeTemplateQuery, PledgeTimeline, PledgeAccountSignInput, PledgeCeremony, PledgeCeremonySheet, PledgeListPage, PledgeListQuery, MyPledgeCampaigns } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { perKeyLimit } from '../../platform/rate-limit.ts';
import { fileWithFields, sendFile, uploadName } from '../../platform/files.ts';
import { attachCeremonySheet, listCeremonies, openCeremonySheet } from './pledge-ceremonies.service.ts';
import { coverage, downloadSignedPledge, exportMissing, issuePledgeDocument, listCampaigns, listMissing, publicCampaign, sendReminders, timeline, listSigned } from './pledge-follow-up.service.ts';
import { createTemplate, listTemplates } from './pledge-templates.service.ts';
import { normalizeEmployeeId } from '../registry/domain/identifiers.ts';
import { changeCampaign, createCampaign, myCampaigns, recordCeremony, requestSigningCode, revokePledge, signAsEmployee, signWithCode, verifyPledge } from './pledges.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem };
const Id = z.object({ id: z.uuid() });
const CeremonyParams = z.object({ id: z.uuid(), ceremonyId: z.uuid() });
const publicLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };
const pdf = (bytes: Uint8Array, fileName: string) => ({ body: Buffer.from(bytes), headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${fileName}"` } });

export const pledgeRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  // Self-service code and signing: a whole office signs from behind one NAT address, so the tight limit is
  // per employee (NIP, as the service normalises it; shared by both endpoints) and the per-address one is a
  // ceiling sized for an office (NETRA_SIGNING_IP_LIMIT). The per-NIP check runs once the body is parsed.
  const signingLimit = perKeyLimit(app, {
    perKeyMax: 10, addressMax: deps.config.signingIpLimit, key: (body) => `pledge-nip:${normalizeEmployeeId((body as { nip: string }).nip)}`,
    message: { id: 'Terlalu banyak permintaan untuk NIP ini; coba lagi sebentar lagi.', en: 'Too many requests for this NIP; try again shortly.' },
  });

  app.get('/pledge-templates', {
    schema: { tags: ['pledges'], summary: 'Pledge texts an agency can use: the standard surat pernyataan, pakta integritas and ikrar, and its own versions', querystring: PledgeTemplateQuery, response: { 200: z.object({ items: z.array(PledgeTemplate) }), ...errors } },
  }, async (req) => ({ items: await listTemplates(deps, requirePrincipal(req, 'agencies.manage'), req.query.agencyId) }));

  app.post('/pledge-templates', {
    schema: { tags: ['pledges'], summary: 'A new version of the agency\'s own pledge text of a kind', body: PledgeTemplateInput, response: { 201: PledgeTemplateCreated, ...errors } },
  }, async (req, reply) => reply.status(201).send(await createTemplate(deps, requirePrincipal(req, 'agencies.manage'), req.body)));

  app.post('/pledge-campaigns', {
    schema: { tags: ['pledges'], summary: 'Open a neutrality pledge campaign for an agency (unit subtree, types, period)', body: PledgeCampaignInput, response: { 201: PledgeCampaignCreated, ...errors } },
  }, async (req, reply) => reply.status(201).send(await createCampaign(deps, requirePrincipal(req, 'agencies.manage'), req.body)));

  app.patch('/pledge-campaigns/:id', {
    schema: { tags: ['pledges'], summary: 'Rename a campaign or move its closing day (extend it, or close it early)', params: Id, body: PledgeCampaignChange, response: { 200: PledgeCampaignPeriod, ...errors } },
  }, async (req) => changeCampaign(deps, requirePrincipal(req, 'agencies.manage'), req.params.id, req.body));

  app.get('/pledge-campaigns', {
    schema: { tags: ['pledges'], summary: 'Campaigns of the agencies the caller can read, with their coverage', response: { 200: z.object({ items: z.array(PledgeCampaignSummary) }), ...errors } },
  }, async (req) => ({ items: await listCampaigns(deps, requirePrincipal(req, 'registry.read')) }));

  app.get('/pledge-campaigns/:id/coverage', {
    schema: { tags: ['pledges'], summary: 'Coverage: totals and breakdowns by unit (drill down with unitId), region and employment type', params: Id, querystring: PledgeCoverageQuery, response: { 200: PledgeCoverage, ...errors } },
  }, async (req) => coverage(deps, requirePrincipal(req, 'registry.read'), req.params.id, req.query));

  app.get('/pledge-campaigns/:id/missing', {
    schema: { tags: ['pledges'], summary: 'Covered employees who have not signed (paged, within the caller\'s scope)', params: Id, querystring: PledgeMissingQuery, response: { 200: pageOf(PledgeMissingEmployee), ...errors } },
  }, async (req) => listMissing(deps, requirePrincipal(req, 'registry.read'), req.params.id, req.query));

  app.get('/pledge-campaigns/:id/pledges', {
    schema: { tags: ['pledges'], summary: "The campaign's pledges in the caller's scope (standing and revoked; search by name or NIP), to reprint a PDF or revoke one; each says whether the campaign still covers its signer, and a summary sets the list against coverage", params: Id, querystring: PledgeListQuery, response: { 200: PledgeListPage, ...errors } },
  }, async (req) => listSigned(deps, requirePrincipal(req, 'registry.read'), req.params.id, req.query));

  app.get('/pledge-campaigns/:id/missing/export', {
    schema: { tags: ['pledges'], summary: 'Export the missing list as CSV, XLSX or PDF (audited; no contact data)', params: Id, querystring: PledgeMissingExportQuery,
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'] },
  }, async (req, reply) => {
    const file = await exportMissing(deps, requirePrincipal(req, 'registry.export'), req.params.id, req.query);
    return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
  });

  app.post('/pledge-campaigns/:id/reminders', {
    schema: { tags: ['pledges'], summary: 'Remind the employees who have not signed (optionally of one unit subtree) on a channel this server delivers on, and send unit admins a summary (once per campaign, unit and local day)', params: Id, querystring: PledgeReminderQuery, response: { 200: PledgeReminderResult, ...errors } },
  }, async (req) => sendReminders(deps, requirePrincipal(req, 'agencies.manage'), req.params.id, req.query));

  app.post('/pledge-campaigns/:id/ceremonies', {
    schema: { tags: ['pledges'], summary: 'Record a signing ceremony from its attendance list (NIPs)', params: Id, body: PledgeCeremonyInput, response: { 200: PledgeCeremonyResult, ...errors } },
  }, async (req) => recordCeremony(deps, requirePrincipal(req, 'registry.write'), req.params.id, req.body));

  app.get('/pledge-campaigns/:id/timeline', {
    schema: { tags: ['pledges'], summary: 'Coverage over time: standing signatures per local day with the running total (caller\'s scope, optional unit subtree)', params: Id, querystring: PledgeCoverageQuery, response: { 200: PledgeTimeline, ...errors } },
  }, async (req) => timeline(deps, requirePrincipal(req, 'registry.read'), req.params.id, req.query));

  app.get('/me/pledge-campaigns', {
    schema: { tags: ['pledges'], summary: 'The campaigns covering the signed-in employee, with their own standing pledge (self-service)', response: { 200: MyPledgeCampaigns, ...errors } },
  }, async (req) => myCampaigns(deps, requirePrincipal(req, 'self.sign')));

  app.post('/pledge-campaigns/:id/sign', {
    schema: { tags: ['pledges'], summary: 'Sign through one\'s own employee account (the session identifies the employee; no one-time code)', params: Id, body: PledgeAccountSignInput, response: { 201: PledgeSigned, ...errors } },
  }, async (req, reply) => reply.status(201).send(await signAsEmployee(deps, requirePrincipal(req, 'self.sign'), req.params.id, req.body)));

  app.get('/pledge-campaigns/:id/ceremonies', {
    schema: { tags: ['pledges'], summary: 'Recorded signing ceremonies with their witnesses and signed sheet (hash)', params: Id, response: { 200: z.object({ items: z.array(PledgeCeremony) }), ...errors } },
  }, async (req) => ({ items: await listCeremonies(deps, requirePrincipal(req, 'registry.read'), req.params.id) }));

  app.post('/pledge-campaigns/:id/ceremonies/:ceremonyId/sheet', {
    schema: { tags: ['pledges'], summary: 'Attach the scanned signed sheet of a ceremony (multipart: file; PDF or image, sealed at rest)', consumes: ['multipart/form-data'], params: CeremonyParams, response: { 201: PledgeCeremonySheet, ...errors } },
  }, async (req, reply) => {
    const p = requirePrincipal(req, 'registry.write');
    const { file } = await fileWithFields(req);
    return reply.status(201).send(await attachCeremonySheet(deps, p, req.params.id, req.params.ceremonyId, file.file, uploadName(file.filename, 'lembar-tanda-tangan')));
  });

  app.get('/pledge-campaigns/:id/ceremonies/:ceremonyId/sheet', {
    schema: { tags: ['pledges'], summary: 'The signed sheet as uploaded (attachment; the read is audited)', params: CeremonyParams },
  }, async (req, reply) => sendFile(reply, await openCeremonySheet(deps, requirePrincipal(req, 'registry.read'), req.params.id, req.params.ceremonyId)));

  app.get('/pledges/:id/document', {
    schema: { tags: ['pledges'], summary: 'The signed pledge as a PDF with its verification QR code (admins in scope, or the employee)', params: Id, produces: ['application/pdf'] },
  }, async (req, reply) => {
    const doc = pdf(await issuePledgeDocument(deps, requirePrincipal(req), req.params.id), `pernyataan-${req.params.id.slice(0, 8)}.pdf`);
    return reply.headers(doc.headers).send(doc.body);
  });

  app.post('/pledges/:id/revoke', { schema: { tags: ['pledges'], params: Id, body: PledgeRevokeInput, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await revokePledge(deps, requirePrincipal(req, 'agencies.manage'), req.params.id, req.body.reason);
    return reply.status(204).send(null);
  });

  // Public self-service and verification
  app.post('/public/pledges/code', { ...signingLimit, schema: { tags: ['pledges'], summary: 'Send a one-time signing code to the registered contact', body: PledgeCodeRequest, response: { 200: PledgeCodeSent, ...errors } } }, async (req) =>
    requestSigningCode(deps, req.body),
  );
  app.post('/public/pledges/sign', {
    ...signingLimit,
    schema: { tags: ['pledges'], body: PledgeSignInput, response: { 201: PledgeSigned, ...errors } },
  }, async (req, reply) => reply.status(201).send(await signWithCode(deps, req.body)));
  app.post('/public/pledges/document', {
    config: publicLimit,
    schema: { tags: ['pledges'], summary: 'The signer\'s one download of the signed PDF, with the one-time token from the signing response', body: PledgeDocumentTokenInput, produces: ['application/pdf'] },
  }, async (req, reply) => {
    const out = await downloadSignedPledge(deps, req.body.token);
    const doc = pdf(out.pdf, `pernyataan-${out.verifyCode}.pdf`);
    return reply.headers(doc.headers).send(doc.body);
  });
  app.get('/public/pledges/campaigns/:id', {
    config: publicLimit,
    schema: { tags: ['pledges'], summary: 'The signing page: the pledge text, its hash, the agency and the period', params: Id, response: { 200: PledgePublicCampaign, ...errors } },
  }, async (req) => publicCampaign(deps, req.params.id));
  app.get('/public/pledges/verify/:code', {
    config: publicLimit,
    schema: { tags: ['pledges'], params: z.object({ code: z.string().min(4).max(40) }), response: { 200: PledgeVerification, ...errors } },
  }, async (req) => verifyPledge(deps, req.params.code));
};
