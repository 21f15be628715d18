import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, PASSWORD, TestClock, addUser, freshDb, makeDeps, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';

describe.each(DB_KINDS)('sign-in, 2FA, CSRF and lockout on %s', (kind) => {
  let deps: Deps;
  let drop: () => Promise<void>;
  let app: TestApp;
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock, { loginMaxFailures: 3, lockoutMinutes: 15 });
    await addUser(deps, 'viewer', 'supervisor', { regionCode: '32' });
    await addUser(deps, 'admin', 'system_admin');
    await addUser(deps, 'victim', 'auditor');
    app = await buildApp(deps);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const login = (username: string, password = PASSWORD) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('sets an httpOnly SameSite=Strict session cookie and never stores the token itself', async () => {
    const res = await login('viewer');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
    const c = res.cookies.find((x) => x.name === 'netra_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    const stored = await deps.db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [c.value]);
    expect(stored.rowCount).toBe(0);
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const a = await login('nobody', 'whatever-password');
    const b = await login('viewer', 'wrong-password');
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json().code).toBe('INVALID_CREDENTIALS');
    expect(b.json().message).toEqual(a.json().message);
  });

  it('requires TOTP enrolment for admin roles, rejects replays and then requires the code', async () => {
    const first = await login('admin');
    expect(first.json().status).toBe('totp_setup_required');
    const { secret, otpauthUrl } = first.json().totpSetup;
    expect(otpauthUrl).toContain('otpauth://totp/Netra:admin');
    const cookie = { netra_session: first.cookies.find((c) => c.name === 'netra_session')!.value };
    const headers = { 'x-csrf-token': first.json().csrfToken };
    // before the second factor the session opens nothing
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: cookie })).statusCode).toBe(401);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', payload: { code: '000000' }, cookies: cookie, headers });
    expect(bad.statusCode).toBe(401);
    const code = authenticator.generate(secret);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', payload: { code }, cookies: cookie, headers });
    expect(ok.statusCode).toBe(200);
    const newCookie = ok.cookies.find((c) => c.name === 'netra_session')!.value;
    expect(newCookie).not.toBe(cookie.netra_session);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { netra_session: newCookie } });
    expect(me.json()).toMatchObject({ username: 'admin', totpEnabled: true });
    // next sign-in: the same code cannot be replayed
    const second = await login('admin');
    expect(second.json().status).toBe('totp_required');
    const replay = await app.inject({
      method: 'POST', url: '/api/v1/auth/totp', payload: { code },
      cookies: { netra_session: second.cookies.find((c) => c.name === 'netra_session')!.value }, headers: { 'x-csrf-token': second.json().csrfToken },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('INVALID_TOTP');
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const s = await signIn(app, 'viewer');
    const noToken = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: s.cookies });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_TOKEN_INVALID');
    const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', ...s });
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: s.cookies })).statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password, until the lockout ends', async () => {
    for (let i = 0; i < 3; i++) expect((await login('victim', 'bad-password')).statusCode).toBe(401);
    const locked = await login('victim');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    clock.advance(16 * 60_000);
    expect((await login('victim')).statusCode).toBe(200);
    const audit = await deps.db.query<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE 'auth.%' ORDER BY seq");
    expect(audit.rows.map((r) => r.action)).toContain('auth.locked_out');
  });

  it('expires sessions', async () => {
    const s = await signIn(app, 'viewer');
    clock.advance(13 * 3_600_000);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: s.cookies })).statusCode).toBe(401);
  });
});
