import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginInput, LoginResult, Me, Problem, TotpInput } from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { unauthorized } from '../../platform/errors.ts';
import { SESSION_COOKIE, requirePrincipal, setSessionCookie } from '../../platform/http.ts';
import { completeTotp, describeMe, login, logout } from './auth.service.ts';

export const authRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const secure = (proto: string) => deps.config.secureCookies === 'true' || (deps.config.secureCookies === 'auto' && proto === 'https');
  const loginLimit = { max: 20, timeWindow: '1 minute' };

  app.post('/auth/login', {
    config: { rateLimit: loginLimit },
    schema: { tags: ['auth'], body: LoginInput, response: { 200: LoginResult, 400: Problem, 401: Problem, 429: Problem } },
  }, async (req, reply) => {
    const out = await login(deps, req.body);
    setSessionCookie(reply, out.session.token, out.session.expiresAt, secure(req.protocol));
    return { status: out.status, csrfToken: out.session.csrfToken, ...('totpSetup' in out ? { totpSetup: out.totpSetup } : {}) };
  });

  app.post('/auth/totp', {
    config: { rateLimit: loginLimit },
    schema: { tags: ['auth'], body: TotpInput, response: { 200: z.object({ status: z.literal('ok'), csrfToken: z.string() }), 401: Problem, 429: Problem } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !req.auth) throw unauthorized();
    const session = await completeTotp(deps, token, req.body.code);
    setSessionCookie(reply, session.token, session.expiresAt, secure(req.protocol));
    return { status: 'ok' as const, csrfToken: session.csrfToken };
  });

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(deps, token, req.auth?.principal);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: Me, 401: Problem } } }, async (req) => {
    requirePrincipal(req);
    return describeMe(req.auth!);
  });
};
