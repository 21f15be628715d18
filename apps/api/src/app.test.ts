import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, addUser, freshDb, makeDeps, signIn, type TestApp } from '../test/harness.ts';
import { buildApp } from './app.ts';
import { openApiDocument } from './scripts/openapi.ts';

describe.each(DB_KINDS)('API conventions on %s', (kind) => {
  let app: TestApp;
  let drop: () => Promise<void>;
  let deps: ReturnType<typeof makeDeps>;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
    await addUser(deps, 'viewer', 'supervisor');
    app = await buildApp(deps);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('reports health with the database engine', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.json()).toEqual({ status: 'ok', database: kind });
  });

  it('lets no cache keep an API answer and numbers requests at random', async () => {
    // answers, refusals and errors alike
    for (const url of ['/api/v1/health', '/api/v1/regions?level=province', '/api/v1/employees', '/api/v1/public/tips/follow']) {
      const res = await app.inject({ method: url.includes('follow') ? 'POST' : 'GET', url, ...(url.includes('follow') ? { payload: {} } : {}) });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    // Fastify's default ids count up (req-1, req-2...): the gaps between logged ids would date the
    // anonymous requests that are never logged
    const probe = await buildApp(deps);
    probe.get('/api/v1/test-request-id', async (req) => ({ id: req.id }));
    const ids = await Promise.all([0, 1, 2].map(async () => (await probe.inject({ method: 'GET', url: '/api/v1/test-request-id' })).json().id as string));
    await probe.close();
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(3);
  });

  it('serves the Kemendagri regions: 38 provinces, 514 regencies/cities, with time zones', async () => {
    const p = (await app.inject({ method: 'GET', url: '/api/v1/regions?level=province' })).json();
    expect(p.total).toBe(38);
    const r = (await app.inject({ method: 'GET', url: '/api/v1/regions?level=regency' })).json();
    expect(r.total).toBe(514);
    const byCode = new Map(r.items.map((x: { code: string; name: string }) => [x.code, x.name]));
    expect(byCode.get('32.16')).toBe('Kabupaten Bekasi');
    expect(byCode.get('32.75')).toBe('Kota Bekasi');
    expect(byCode.get('36.04')).toBe('Kabupaten Serang');
    const kec = (await app.inject({ method: 'GET', url: '/api/v1/regions?level=district&parent=32.75' })).json();
    expect(kec.total).toBe(12);
    const tz = new Map(p.items.map((x: { code: string; timeZone: string }) => [x.code, x.timeZone]));
    expect([tz.get('32'), tz.get('51'), tz.get('94')]).toEqual(['WIB', 'WITA', 'WIT']);
  });

  it('answers bad input with application/problem+json, a stable code and both languages', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/regions?level=planet' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(body.message.id).toMatch(/Masukan tidak valid/);
    expect(body.message.en).toMatch(/level/);
    // each field at fault in both languages, so a form can mark it in the reader's language
    expect(body.errors).toEqual([{ path: 'querystring.level', message: expect.any(String), messageId: expect.stringMatching(/^Pilihan tidak valid/) }]);
    const nf = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().code).toBe('ROUTE_NOT_FOUND');
    const badJson = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.body).not.toMatch(/at .*\.js/);
  });

  it('says what is wrong in Indonesian too: zod\'s Indonesian messages, Fastify\'s errors translated', async () => {
    const res = (await app.inject({ method: 'GET', url: '/api/v1/regions?level=planet' })).json();
    expect(res.message.id).toMatch(/querystring\.level: Pilihan tidak valid/);
    expect(res.message.id).not.toMatch(/Invalid option/);
    const badJson = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' })).json();
    expect(badJson.message).toEqual({ id: 'Isi permintaan bukan JSON yang valid.', en: 'The request body is not valid JSON.' });
  });

  it('refuses a NUL character anywhere in a request with 400 naming the field, on public and signed-in endpoints', async () => {
    const q = await app.inject({ method: 'GET', url: '/api/v1/regions?level=province&q=a%00b' });
    expect(q.statusCode).toBe(400);
    expect(q.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'querystring.q' }] });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'view\u0000er', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().errors[0].path).toBe('body.username');
    const s = await signIn(app, 'viewer');
    const nested = await app.inject({ method: 'POST', url: '/api/v1/agencies', ...s, payload: { name: 'Pemkot\u0000', regionCode: '32' } });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().message.en).toContain('body.name contains a NUL character');
  });

  it('answers a broken upload, an over-long path value and an empty region code with 400 problems, never 500', async () => {
    const tip = (await app.inject({ method: 'POST', url: '/api/v1/public/tips', payload: { what: 'Camat berpose dengan jersey nomor dua di GOR.', regionCode: '32.75', occurredOn: '2023-12-29' } })).json();
    const credentials = { receiptCode: tip.receiptCode as string, secret: tip.secret as string };
    const bodies = [
      { type: 'multipart/form-data', body: 'garbage' },
      { type: 'multipart/form-data; boundary=XB', body: 'no boundary here at all' },
      {
        type: 'multipart/form-data; boundary=XB',
        body: Object.entries(credentials).map(([f, v]) => `--XB\r\nContent-Disposition: form-data; name="${f}"\r\n\r\n${v}\r\n`).join('') + '--XB\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc',
      },
    ];
    for (const b of bodies) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/public/tips/evidence', headers: { 'content-type': b.type }, payload: b.body });
      expect(res.statusCode, b.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code, b.body).toBe('MULTIPART_MALFORMED');
    }
    const s = await signIn(app, 'viewer');
    const long = await app.inject({ method: 'GET', url: `/api/v1/cases/${'x'.repeat(150)}`, ...s });
    expect([long.statusCode, long.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(long.headers['content-type']).toContain('application/problem+json');
    await addUser(deps, 'root', 'system_admin');
    const root = await signIn(app, 'root');
    const empty = await app.inject({ method: 'POST', url: '/api/v1/users', ...root, payload: { username: 'probe.x', displayName: 'Probe', password: 'longenough123', role: 'supervisor', regionCode: '' } });
    expect([empty.statusCode, empty.json().errors?.[0]?.path]).toEqual([400, 'body.regionCode']);
    expect((await deps.db.query("SELECT 1 FROM users WHERE username = 'probe.x'")).rowCount).toBe(0);
  });

  it('refuses text that is only invisible characters, or carries control or direction-override characters', async () => {
    const tip = (what: string) => app.inject({ method: 'POST', url: '/api/v1/public/tips', payload: { what, regionCode: '32.75' } });
    for (const what of ['\u200b'.repeat(12), 'Camat kampanye\u0007 di kantor', '\u202eCamat kampanye di kantor', '          a          ']) {
      const res = await tip(what);
      expect(res.statusCode, JSON.stringify(what)).toBe(400);
      expect(res.json().errors[0].path, JSON.stringify(what)).toBe('body.what');
    }
    expect((await tip('\u200b\u200b')).json().message.id).toContain('minimal 10 karakter terlihat');
    // line breaks and tabs are how people write
    expect((await tip('Camat hadir di deklarasi.\nFoto terlampir.\tTerima kasih.')).statusCode).toBe(201);
  });

  it('answers a database refusal that slipped past a service as 4xx: duplicate 409, bad value 400, never 500', async () => {
    const probe = await buildApp(deps);
    probe.get('/api/v1/test/db-error/:code', async (req) => {
      throw Object.assign(new Error('from the driver'), { code: (req.params as { code: string }).code });
    });
    const dup = await probe.inject({ method: 'GET', url: '/api/v1/test/db-error/23505' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'ALREADY_EXISTS', message: { id: expect.any(String), en: expect.any(String) } });
    const range = await probe.inject({ method: 'GET', url: '/api/v1/test/db-error/22008' });
    expect(range.statusCode).toBe(400);
    expect(range.json().code).toBe('INVALID_VALUE');
    expect(range.body).not.toContain('from the driver');
    expect((await probe.inject({ method: 'GET', url: '/api/v1/test/db-error/XX000' })).statusCode).toBe(500);
    await probe.close();
  });

  it('names what was not found in each language separately', async () => {
    const s = await signIn(app, 'viewer');
    const res = await app.inject({ method: 'GET', url: '/api/v1/employees/2f1c6a0e-8a4b-4c1e-9f2a-3b5d7e9c1a2b', ...s });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toEqual({ id: 'Pegawai tidak ditemukan: 2f1c6a0e-8a4b-4c1e-9f2a-3b5d7e9c1a2b.', en: 'Employee not found: 2f1c6a0e-8a4b-4c1e-9f2a-3b5d7e9c1a2b.' });
  });

  it('limits request size', async () => {
    const s = await signIn(app, 'viewer');
    const res = await app.inject({ method: 'POST', url: '/api/v1/agencies', ...s, payload: { name: 'x'.repeat(2_000_000), regionCode: '32' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('paginates lists and validates page sizes', async () => {
    const s = await signIn(app, 'viewer');
    expect((await app.inject({ method: 'GET', url: '/api/v1/employees?pageSize=500', ...s })).statusCode).toBe(400);
    const res = (await app.inject({ method: 'GET', url: '/api/v1/employees?page=1&pageSize=10&sort=-name', ...s })).json();
    expect(res).toMatchObject({ page: 1, pageSize: 10, total: 0, items: [] });
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/v1/employees']).toBeDefined();
  });
});

describe('committed OpenAPI document', () => {
  it('matches the routes (run `npm run openapi` after changing an endpoint)', async () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/openapi.json'), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(await openApiDocument()));
  });
});

describe('page addresses that cannot be read', () => {
  let app: TestApp;
  let drop: () => Promise<void>;
  const dist = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'netra-web-'));

  beforeAll(async () => {
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    const f = await freshDb('embedded');
    drop = f.drop;
    app = await buildApp(makeDeps(f.db, undefined, { webDist: dist }), { serveWeb: true });
  });
  afterAll(async () => {
    await app.close();
    await drop();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('answers a mangled page link (bad % encoding, a NUL) with the app, which says the link is not valid, and the API with a problem in both languages', async () => {
    for (const url of ['/registry/%E0%A4%A', '/tandatangan/%00abc', '/hadir/%00', '/verify/%00', '/registry?q=%00']) {
      const res = await app.inject({ method: 'GET', url });
      expect([res.statusCode, res.headers['content-type']], url).toEqual([200, expect.stringContaining('text/html')]);
      expect(res.body, url).toContain('<div id="root">');
    }
    const api = await app.inject({ method: 'GET', url: '/api/v1/employees/%E0%A4%A' });
    expect([api.statusCode, api.headers['content-type']]).toEqual([400, expect.stringContaining('application/problem+json')]);
    expect(api.json()).toMatchObject({ code: 'BAD_URL', message: { id: expect.stringMatching(/^Alamat tidak dapat dibaca/), en: expect.stringMatching(/^The address cannot be read/) } });
    // a NUL in an API request is still refused by name
    expect((await app.inject({ method: 'GET', url: '/api/v1/regions?level=%00' })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
