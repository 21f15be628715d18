import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { authenticator } from 'otplib';
import { ROLES_REQUIRING_2FA, type Role } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, sha256 } from '../../platform/audit.ts';
import { AppError, unauthorized } from '../../platform/errors.ts';
import { findSession, findUserById, findUserByUsername, loadGrants, toPrincipal } from './auth.repo.ts';
import { permissionsOf, type Principal } from './domain/policy.ts';

/** argon2id (algorithm 2) with OWASP-recommended parameters. */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const hashPassword = (password: string) => hash(password, ARGON2);
// Verified against when the username is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

authenticator.options = { window: 1 };

/** Does any of these roles have to sign in with TOTP? */
const requires2fa = (roles: readonly Role[]) => roles.some((r) => ROLES_REQUIRING_2FA.includes(r));

export const newToken = () => crypto.randomBytes(32).toString('base64url');

export type SessionInfo = { token: string; csrfToken: string; expiresAt: Date };

async function createSession(tx: Queryable, deps: Deps, userId: string, mfaPassed: boolean): Promise<SessionInfo> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(deps.clock.now().getTime() + deps.config.sessionHours * 3_600_000);
  await tx.query('INSERT INTO sessions (token_hash, user_id, csrf_token, mfa_passed, expires_at) VALUES ($1, $2, $3, $4, $5)', [sha256(token), userId, csrfToken, mfaPassed, expiresAt]);
  return { token, csrfToken, expiresAt };
}

const invalidCredentials = () =>
  unauthorized('INVALID_CREDENTIALS', { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' });

export type LoginOutcome =
  | { status: 'ok' | 'totp_required'; session: SessionInfo }
  | { status: 'totp_setup_required'; session: SessionInfo; totpSetup: { secret: string; otpauthUrl: string } };

/** Password step. Failures count towards a lockout; 2FA follows for accounts that have or need it. */
export async function login(deps: Deps, input: { username: string; password: string }): Promise<LoginOutcome> {
  const now = deps.clock.now();
  const user = await findUserByUsername(deps.db, input.username);
  if (!user || !user.active) {
    dummyHash ??= hashPassword(newToken());
    await verify(await dummyHash, input.password).catch(() => false);
    throw invalidCredentials();
  }
  if (user.locked_until && user.locked_until > now) throw lockedError(user.locked_until, now);
  const passwordOk = await verify(user.password_hash, input.password).catch(() => false);
  if (!passwordOk) {
    // the failure is committed (lockout counter + audit row) before the refusal is returned
    await deps.db.transaction(async (tx) => recordFailure(tx, deps, (await findUserById(tx, user.id, true))!, now, 'password'));
    throw invalidCredentials();
  }
  return deps.db.transaction(async (tx): Promise<LoginOutcome> => {
    const fresh = (await findUserById(tx, user.id, true))!;
    const actor = { id: user.id, label: user.username };
    const roles = (await loadGrants(tx, [user.id])).get(user.id)?.map((g) => g.role) ?? [];
    const needs2fa = fresh.totp_enabled || requires2fa(roles);
    const session = await createSession(tx, deps, user.id, !needs2fa);
    if (!needs2fa) {
      // the password was the whole sign-in; with 2FA the counter is reset only after the second factor (completeTotp),
      // so wrong codes keep counting however often the password is entered again
      await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
      await appendAudit(tx, { actor, action: 'auth.signed_in', entityType: 'user', entityId: user.id, at: now });
      return { status: 'ok', session };
    }
    if (fresh.totp_enabled) return { status: 'totp_required', session };
    const secret = fresh.totp_secret ?? authenticator.generateSecret(20); // 160 bits (RFC 4226)
    if (!fresh.totp_secret) await tx.query('UPDATE users SET totp_secret = $2 WHERE id = $1', [user.id, secret]);
    return { status: 'totp_setup_required', session, totpSetup: { secret, otpauthUrl: authenticator.keyuri(user.username, 'Netra', secret) } };
  });
}

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(429, 'ACCOUNT_LOCKED', {
    id: `Akun dikunci karena terlalu banyak percobaan gagal. Coba lagi dalam ${minutes} menit.`,
    en: `Account locked after too many failed attempts. Try again in ${minutes} minutes.`,
  });
}

async function recordFailure(tx: Queryable, deps: Deps, user: { id: string; username: string; failed_logins: number }, now: Date, factor: string) {
  const failures = user.failed_logins + 1;
  const lock = failures >= deps.config.loginMaxFailures ? new Date(now.getTime() + deps.config.lockoutMinutes * 60_000) : null;
  await tx.query('UPDATE users SET failed_logins = $2, locked_until = COALESCE($3, locked_until) WHERE id = $1', [user.id, lock ? 0 : failures, lock]);
  await appendAudit(tx, {
    actor: { id: user.id, label: user.username }, action: lock ? 'auth.locked_out' : 'auth.sign_in_failed', entityType: 'user', entityId: user.id,
    details: { factor }, at: now,
  });
}

/** Second step: a TOTP code (first use also enables 2FA). Rotates the session token. */
export async function completeTotp(deps: Deps, sessionToken: string, code: string): Promise<SessionInfo> {
  const now = deps.clock.now();
  const session = await findSession(deps.db, sha256(sessionToken), now);
  if (!session) throw unauthorized();
  const result = await deps.db.transaction(async (tx) => {
    const user = (await findUserById(tx, session.user_id, true))!;
    if (user.locked_until && user.locked_until > now) return { error: lockedError(user.locked_until, now) };
    const delta = user.totp_secret ? authenticator.checkDelta(code, user.totp_secret) : null;
    const step = Math.floor(now.getTime() / 30_000) + (delta ?? 0);
    if (delta === null || (user.totp_last_step !== null && step <= Number(user.totp_last_step))) {
      await recordFailure(tx, deps, user, now, 'totp');
      return { error: unauthorized('INVALID_TOTP', { id: 'Kode verifikasi salah atau sudah dipakai.', en: 'Wrong or already used verification code.' }) };
    }
    await tx.query('UPDATE users SET totp_enabled = true, totp_last_step = $2, failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id, step]);
    // Enrolling ends every other session of the account: they were opened with the password alone, and once TOTP is
    // enabled `authenticate` takes a passed session of the account as one that passed the second factor.
    if (!user.totp_enabled) await endSessions(tx, user.id);
    else await tx.query('DELETE FROM sessions WHERE token_hash = $1', [session.token_hash]);
    const fresh = await createSession(tx, deps, user.id, true);
    await appendAudit(tx, { actor: { id: user.id, label: user.username }, action: user.totp_enabled ? 'auth.signed_in' : 'auth.totp_enabled', entityType: 'user', entityId: user.id, at: now });
    return { session: fresh };
  });
  if ('error' in result) throw result.error;
  return result.session;
}

export async function logout(deps: Deps, sessionToken: string, principal?: Principal): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const gone = await tx.query('DELETE FROM sessions WHERE token_hash = $1 RETURNING user_id', [sha256(sessionToken)]);
    if (gone.rowCount && principal)
      await appendAudit(tx, { actor: { id: principal.userId, label: principal.username }, action: 'auth.signed_out', entityType: 'user', entityId: principal.userId, at: deps.clock.now() });
  });
}

export type Authenticated = { principal: Principal; csrfToken: string; mfaPassed: boolean; totpEnabled: boolean };

/**
 * Resolves a session cookie to its principal (grants with their scopes). A session counts as signed in only if it
 * passed every factor the account's grants need now: a grant of a 2FA role that arrived after a password-only
 * sign-in (TOTP not enabled, so the session never passed it) leaves the session half signed in, without the
 * permissions of those roles, until the holder signs in again and enrols.
 */
export async function authenticate(deps: Deps, sessionToken: string): Promise<Authenticated | null> {
  const session = await findSession(deps.db, sha256(sessionToken), deps.clock.now());
  if (!session) return null;
  const user = await findUserById(deps.db, session.user_id);
  if (!user || !user.active) return null;
  const grants = (await loadGrants(deps.db, [user.id])).get(user.id) ?? [];
  const mfaPassed = session.mfa_passed && (user.totp_enabled || !requires2fa(grants.map((g) => g.role)));
  const allowed = mfaPassed ? grants : grants.filter((g) => !requires2fa([g.role]));
  return { principal: toPrincipal(user, allowed), csrfToken: session.csrf_token, mfaPassed, totpEnabled: user.totp_enabled };
}

/** Ends every session of an account (its privileges changed, or it enrolled a second factor): it signs in again. */
export async function endSessions(tx: Queryable, userId: string): Promise<number> {
  return (await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId])).rowCount;
}

export function describeMe(a: Authenticated) {
  return {
    id: a.principal.userId,
    username: a.principal.username,
    displayName: a.principal.displayName,
    grants: a.principal.grants.map((g) => ({ id: g.id, role: g.role, regionCode: g.regionCode, agencyId: g.agencyId, unitId: g.unitId })),
    permissions: permissionsOf(a.principal),
    totpEnabled: a.totpEnabled,
    csrfToken: a.csrfToken,
  };
}
