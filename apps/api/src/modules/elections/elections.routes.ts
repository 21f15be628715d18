import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Assessment, CANDIDATE_LIST_KINDS, Candidate, CandidateImportResult, SanctionChoice, CatalogueAct, ElectionSummary, ElectionTimeline, IncidentInput, Pagination, Problem, RegionCode, TimelineQuery, pageOf } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { invalid } from '../../platform/errors.ts';
import { actorOf, requirePrincipal } from '../../platform/http.ts';
import { legalSettingsView } from '../../platform/legal-options.ts';
import { assessIncidents, electionTimeline, importCandidates, listActs, listCandidates, listElections, listSanctions } from './elections.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/**
 * The assessment body: documented as one incident or an array of them, but checked by the legal engine
 * (`parseIncident`), not by the schema. A zod union cannot say which field of which branch is wrong
 * ("body.: Invalid input"); the engine names the field, the item's position and the value (incidentDate as
 * a number, a body that is a string or null), in both languages.
 */
const IncidentsBody = z.union([IncidentInput, z.array(IncidentInput).max(1000)]);
const AssessBody = z.unknown().meta({ anyOf: (z.toJSONSchema(IncidentsBody, { io: 'input', target: 'openapi-3.0' }) as { anyOf: unknown[] }).anyOf });
const ElectionId = z.object({ id: z.string().min(1).max(64) });

export const electionRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.post('/assessments', {
    schema: {
      tags: ['elections'],
      summary: 'Assess an incident (or an array of incidents) against the dated election rules',
      body: AssessBody,
      response: { 200: z.union([Assessment, z.array(Assessment)]), ...errors },
    },
  }, async (req) => {
    requirePrincipal(req);
    return (await assessIncidents(deps.db, req.body, deps.config.legalOptions)) as unknown as z.infer<typeof Assessment>;
  });

  app.get('/elections', { schema: { tags: ['elections'], response: { 200: z.object({ items: z.array(ElectionSummary) }), ...errors } } }, async (req) => {
    requirePrincipal(req);
    return { items: listElections() };
  });

  app.get('/elections/:id/timeline', { schema: { tags: ['elections'], params: ElectionId, querystring: TimelineQuery, response: { 200: ElectionTimeline, ...errors } } }, async (req) => {
    requirePrincipal(req);
    return electionTimeline(deps.db, req.params.id, req.query.region, deps.clock.now());
  });

  app.get('/catalogue/acts', { schema: { tags: ['elections'], summary: 'Prohibited acts (SKB 2022 matrix)', response: { 200: z.object({ items: z.array(CatalogueAct) }), ...errors } } }, async (req) => {
    requirePrincipal(req);
    return { items: listActs(deps.config.legalOptions) };
  });

  app.get('/legal/settings', {
    schema: {
      tags: ['elections'], summary: "The legal engine's settings in force (NETRA_RULES_FILE) and every UNCONFIRMED default with its source",
      response: { 200: z.object({ options: z.record(z.string(), z.unknown()), unconfirmed: z.array(z.object({ option: z.string(), description: z.string(), defaultValue: z.string(), source: z.string() }).loose()) }), ...errors },
    },
  }, async (req) => {
    requirePrincipal(req);
    return legalSettingsView(deps.config) as { options: Record<string, unknown>; unconfirmed: { option: string; description: string; defaultValue: string; source: string }[] };
  });

  app.get('/catalogue/sanctions', {
    schema: {
      tags: ['elections'], summary: 'Administrative sanctions for an act, actor type and incident date',
      querystring: z.object({ act: z.string().min(1).max(10), actorType: z.enum(['PNS', 'PPPK', 'NON_ASN', 'VILLAGE_HEAD']), date: z.iso.date() }),
      response: { 200: z.object({ items: z.array(SanctionChoice) }), ...errors },
    },
  }, async (req) => {
    requirePrincipal(req);
    return { items: listSanctions(req.query, deps.config.legalOptions) };
  });

  const CandidateQuery = Pagination.extend({ kind: z.enum(['legislative', 'pair']).optional(), regionCode: RegionCode.optional(), q: z.string().trim().min(1).max(100).optional() });
  app.get('/elections/:id/candidates', { schema: { tags: ['elections'], params: ElectionId, querystring: CandidateQuery, response: { 200: pageOf(Candidate), ...errors } } }, async (req) => {
    requirePrincipal(req);
    return listCandidates(deps.db, req.params.id, req.query);
  });

  const ImportQuery = z.object({
    kind: z.enum(CANDIDATE_LIST_KINDS),
    dryRun: z.enum(['true', 'false']).default('false'),
    skipInvalid: z.enum(['true', 'false']).default('false'),
  });
  app.post('/elections/:id/candidate-imports', {
    schema: { tags: ['elections'], summary: 'Import a KPU list (CSV/XLSX, multipart field "file")', consumes: ['multipart/form-data'], params: ElectionId, querystring: ImportQuery, response: { 200: CandidateImportResult, ...errors } },
  }, async (req) => {
    const p = requirePrincipal(req);
    if (!req.isMultipart()) throw invalid('MULTIPART_REQUIRED', { id: 'Unggah berkas sebagai multipart/form-data (kolom "file").', en: 'Upload the file as multipart/form-data (field "file").' });
    const file = await req.file();
    if (!file) throw invalid('FILE_MISSING', { id: 'Tidak ada berkas yang diunggah.', en: 'No file was uploaded.' });
    return importCandidates(deps, p, actorOf(p), {
      electionId: req.params.id, kind: req.query.kind, stream: file.file, dryRun: req.query.dryRun === 'true', skipInvalid: req.query.skipInvalid === 'true',
    });
  });
};
