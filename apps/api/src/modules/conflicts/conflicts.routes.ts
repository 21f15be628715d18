import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CandidateLists, CandidateListsQuery, ConflictDecided, ConflictDecision, ConflictQuery, ConflictRegister, ConflictReopen, MatchInput, MatchResult, Problem, Relative, RelativeInput, RelativeWithdrawn } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requirePrincipal } from '../../platform/http.ts';
import { candidateLists, declareRelative, decideConflict, listConflicts, listRelatives, reopenConflict, runMatcher, withdrawRelative } from './conflicts.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Id = z.object({ id: z.uuid() });

export const conflictRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.get('/employees/:id/relatives', { schema: { tags: ['conflicts'], summary: 'Relatives the employee declared (registry writers in scope, or the employee)', params: Id, response: { 200: z.object({ items: z.array(Relative) }), ...errors } } }, async (req) =>
    ({ items: await listRelatives(deps, requirePrincipal(req), req.params.id) }),
  );
  app.post('/employees/:id/relatives', { schema: { tags: ['conflicts'], summary: 'Declare a relative (spouse, child, parent, sibling, in-law)', params: Id, body: RelativeInput, response: { 201: Relative, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await declareRelative(deps, requirePrincipal(req), req.params.id, req.body)),
  );
  app.delete('/employees/:id/relatives/:relativeId', { schema: { tags: ['conflicts'], summary: "Withdraw a declaration (a correction is a withdrawal and a new declaration); the matcher's undecided suggestions from it go with it, confirmed relations it alone supported are flagged for review", params: z.object({ id: z.uuid(), relativeId: z.uuid() }), response: { 200: RelativeWithdrawn, ...errors } } }, async (req) =>
    withdrawRelative(deps, requirePrincipal(req), req.params.id, req.params.relativeId),
  );
  app.post('/conflicts/match', { schema: { tags: ['conflicts'], summary: "Match an agency's employees against an election's candidate lists (suggestions for an officer)", body: MatchInput, response: { 200: MatchResult, ...errors } } }, async (req) => {
    const p = requirePrincipal(req, 'agencies.manage');
    return runMatcher(deps, p, actorOf(p), req.body);
  });
  app.get('/conflicts/candidate-lists', { schema: { tags: ['conflicts'], summary: "Candidates loaded per election that the matcher reads for an agency (its region, inside it or containing it), and whether the caller may import a KPU list or run the matcher", querystring: CandidateListsQuery, response: { 200: CandidateLists, ...errors } } }, async (req) =>
    candidateLists(deps, requirePrincipal(req, 'registry.read'), req.query.agencyId),
  );
  app.get('/conflicts', { schema: { tags: ['conflicts'], summary: 'The conflict-of-interest register in scope, one page, with headline counts over the whole register (outside the registry write scope: confirmed relations only, without evidence or notes)', querystring: ConflictQuery, response: { 200: ConflictRegister, ...errors } } }, async (req) =>
    listConflicts(deps, requirePrincipal(req, 'registry.read'), req.query),
  );
  app.post('/conflicts/:id/decision', { schema: { tags: ['conflicts'], summary: 'Confirm (optionally correcting the relation) or dismiss a suggestion', params: Id, body: ConflictDecision, response: { 200: ConflictDecided, ...errors } } }, async (req) =>
    decideConflict(deps, requirePrincipal(req, 'registry.write'), req.params.id, req.body),
  );
  app.post('/conflicts/:id/reopen', { schema: { tags: ['conflicts'], summary: 'Reopen a confirmation or dismissal with a reason (audited): the entry is a suggestion again, the decision kept in its history', params: Id, body: ConflictReopen, response: { 200: ConflictDecided, ...errors } } }, async (req) =>
    reopenConflict(deps, requirePrincipal(req, 'registry.write'), req.params.id, req.body),
  );
};
