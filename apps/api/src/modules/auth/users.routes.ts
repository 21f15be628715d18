import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GrantInput, Problem, User, UserCreateInput, UserList, UserPasswordReset, UserPatch, UserQuery } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requirePrincipal } from '../../platform/http.ts';
import { addGrant, createUser, listUsers, removeGrant, resetPassword, resetTotp, updateUserStatus } from './users.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export const userRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  app.get('/users', { schema: { tags: ['users'], summary: 'Accounts the caller administers: search (q), role, active, sort, paging', querystring: UserQuery, response: { 200: UserList, ...errors } } }, async (req) =>
    listUsers(deps, requirePrincipal(req, 'users.manage'), req.query),
  );

  app.post('/users', { schema: { tags: ['users'], body: UserCreateInput, response: { 201: User, ...errors } } }, async (req, reply) => {
    const p = requirePrincipal(req, 'users.manage');
    return reply.status(201).send(await createUser(deps, p, actorOf(p), req.body));
  });

  const Id = z.object({ id: z.uuid() });
  app.patch('/users/:id', { schema: { tags: ['users'], summary: 'Activate/deactivate an account or set its contacts (e-mail, WhatsApp number)', params: Id, body: UserPatch, response: { 200: User, ...errors } } }, async (req) =>
    updateUserStatus(deps, requirePrincipal(req, 'users.manage'), req.params.id, req.body),
  );
  app.post('/users/:id/unlock', { schema: { tags: ['users'], params: Id, response: { 200: User, ...errors } } }, async (req) =>
    updateUserStatus(deps, requirePrincipal(req, 'users.manage'), req.params.id, { unlock: true }),
  );
  app.post('/users/:id/password', { schema: { tags: ['users'], summary: "Set a new password for an account (a forgotten one): lifts a lockout and ends the account's sessions", params: Id, body: UserPasswordReset, response: { 200: User, ...errors } } }, async (req) =>
    resetPassword(deps, requirePrincipal(req, 'users.manage'), req.params.id, req.body),
  );
  app.delete('/users/:id/totp', { schema: { tags: ['users'], summary: 'Reset two-step verification (a lost phone): the next sign-in enrols a new authenticator', params: Id, response: { 200: User, ...errors } } }, async (req) =>
    resetTotp(deps, requirePrincipal(req, 'users.manage'), req.params.id),
  );
  app.post('/users/:id/grants', { schema: { tags: ['users'], params: Id, body: GrantInput, response: { 200: User, ...errors } } }, async (req) =>
    addGrant(deps, requirePrincipal(req, 'users.manage'), req.params.id, req.body),
  );
  app.delete('/users/:id/grants/:grantId', { schema: { tags: ['users'], params: z.object({ id: z.uuid(), grantId: z.uuid() }), response: { 200: User, ...errors } } }, async (req) =>
    removeGrant(deps, requirePrincipal(req, 'users.manage'), req.params.id, req.params.grantId),
  );
};
