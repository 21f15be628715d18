import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CaseDetail, CaseEventInput, CaseQuery, CaseSummary, FindingInput, Problem, ReassignInput, ReportInput, SealedReporterIdentity, pageOf } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requirePrincipal } from '../../platform/http.ts';
import type { CaseEvent } from './domain/workflow.ts';
import { DOCUMENT_KINDS } from './case-documents.ts';
import { issueCaseDocument, confirmReportedPerson, createFinding, createReport, getCase, listCases, listHandlers, reassignHandlers, relatedCases, suggestReportedPersons, transitionCase, viewReporterIdentity } from './cases.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Id = z.object({ id: z.uuid() });

export const caseRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.get('/cases', { schema: { tags: ['cases'], summary: 'Handler inbox (overdue first)', querystring: CaseQuery, response: { 200: pageOf(CaseSummary), ...errors } } }, async (req) =>
    listCases(deps, requirePrincipal(req, 'cases.read'), req.query),
  );
  app.post('/cases/findings', { schema: { tags: ['cases'], summary: "Open a supervisor's finding (temuan), optionally from a tip", body: FindingInput, response: { 201: CaseDetail, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createFinding(deps, requirePrincipal(req, 'cases.handle'), req.body)),
  );
  app.post('/cases/reports', { schema: { tags: ['cases'], summary: 'Record a formal report (laporan, Form A.1/B.1) at the desk', body: ReportInput, response: { 201: CaseDetail, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createReport(deps, requirePrincipal(req, 'cases.handle'), req.body)),
  );
  app.get('/cases/:id', { schema: { tags: ['cases'], params: Id, response: { 200: CaseDetail, ...errors } } }, async (req) => getCase(deps, requirePrincipal(req, 'cases.read'), req.params.id));
  app.post('/cases/:id/events', {
    schema: { tags: ['cases'], summary: 'Move the case through its workflow', params: Id, body: CaseEventInput, response: { 200: CaseDetail, ...errors } },
  }, async (req) => {
    const p = requirePrincipal(req, 'cases.handle');
    await transitionCase(deps, p, req.params.id, req.body.event as unknown as CaseEvent, req.body.expectedVersion);
    return getCase(deps, p, req.params.id);
  });
  app.post('/cases/:id/reporter-identity', {
    schema: { tags: ['cases'], summary: 'Open the sealed reporter identity (assigned handlers, logged reason)', params: Id, body: z.object({ reason: z.string().trim().min(10).max(500) }), response: { 200: z.object({ reporter: SealedReporterIdentity, witnesses: z.array(z.looseObject({ name: z.string() })) }), ...errors } },
  }, async (req, reply) => reply.header('cache-control', 'no-store').send(await viewReporterIdentity(deps, requirePrincipal(req, 'cases.handle'), req.params.id, req.body.reason)));
  app.get('/cases/:id/reported-suggestions', {
    schema: { tags: ['cases'], summary: 'Ranked registry matches for the reported person', params: Id, querystring: z.object({ text: z.string().trim().min(2).max(300).optional() }),
      response: { 200: z.object({ description: z.string(), items: z.array(z.object({ employeeId: z.uuid(), name: z.string(), nip: z.string().nullable(), position: z.string().nullable(), unitPath: z.string().nullable(), agencyName: z.string(), score: z.number(), reasons: z.array(z.string()) })) }), ...errors } },
  }, async (req) => suggestReportedPersons(deps, requirePrincipal(req, 'cases.handle'), req.params.id, req.query.text));
  app.post('/cases/:id/reported-person', { schema: { tags: ['cases'], params: Id, body: z.object({ employeeId: z.uuid() }), response: { 200: CaseDetail, ...errors } } }, async (req) =>
    confirmReportedPerson(deps, requirePrincipal(req, 'cases.handle'), req.params.id, req.body.employeeId),
  );
  app.get('/cases/:id/related', {
    schema: { tags: ['cases'], summary: "The same person's other cases and likely duplicates", params: Id,
      response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string(), caseNumber: z.string().nullable(), incidentOn: z.string().nullable(), likelyDuplicate: z.boolean(), reasons: z.array(z.string()) })) }), ...errors } },
  }, async (req) => ({ items: await relatedCases(deps, requirePrincipal(req, 'cases.read'), req.params.id) }));
  app.get('/cases/:id/documents/:kind', {
    schema: {
      tags: ['cases'], summary: 'Receipt, registration notice, summons, review summary, Gakkumdu minutes, forwarding letter or recommendation (PDF)',
      params: z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS) }),
      querystring: z.object({ summons: z.coerce.number().int().min(0).max(999).optional().describe('Which summons, 0-based in the order issued (the latest when absent)') }),
      produces: ['application/pdf'],
    },
  }, async (req, reply) => {
    const pdf = await issueCaseDocument(deps, requirePrincipal(req, 'cases.read'), req.params.id, req.params.kind, { summons: req.query.summons });
    const which = req.query.summons !== undefined ? `-${req.query.summons + 1}` : '';
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${req.params.kind}${which}-${req.params.id.slice(0, 8)}.pdf"`).send(Buffer.from(pdf));
  });
  app.get('/cases/handlers', {
    schema: { tags: ['cases'], summary: 'Colleagues who supervise cases in the caller\'s regions, with their open case load', response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), username: z.string(), displayName: z.string(), regionCode: z.string().nullable(), openCases: z.number().int() })) }), ...errors } },
  }, async (req) => ({ items: await listHandlers(deps, requirePrincipal(req, 'cases.handle')) }));
  app.post('/cases/handlers/reassign', { schema: { tags: ['cases'], summary: 'Move cases from one handler to another (staff rotation)', body: ReassignInput, response: { 200: z.object({ moved: z.number().int() }), ...errors } } }, async (req) =>
    reassignHandlers(deps, requirePrincipal(req, 'cases.handle'), req.body),
  );
};
