import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '@netra/contracts';
import type { Authenticated } from '../modules/auth/auth.service.ts';
import { can, type Principal } from '../modules/auth/domain/policy.ts';
import type { Actor } from './audit.ts';
import { forbidden, unauthorized } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

export const SESSION_COOKIE = 'netra_session';

/** The signed-in principal (2FA completed), or 401. Optionally requires a permission (403). */
export function requirePrincipal(req: FastifyRequest, perm?: Permission): Principal {
  const a = req.auth;
  if (!a || !a.mfaPassed) throw unauthorized();
  if (perm && !can(a.principal, perm)) throw forbidden();
  return a.principal;
}

export const actorOf = (p: Principal): Actor => ({ id: p.userId, label: p.username });

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt });
}
