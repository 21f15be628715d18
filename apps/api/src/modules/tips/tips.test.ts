import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, addUser, freshDb, makeDeps, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createLogger } from '../../platform/logger.ts';

const IP = '203.0.113.77';
const UA = 'Mozilla/5.0 (ReporterPhone; SM-A515F) UniqueAgent/42';

describe.each(DB_KINDS)('anonymous tips on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let logs = '';
  let receipt: { receiptCode: string; secret: string };

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
    deps.logger = createLogger('debug', new Writable({ write: (c, _e, cb) => ((logs += c), cb()) }) as never);
    await addUser(deps, 'bawaslu.kota', 'supervisor', { regionCode: '32.75' });
    await addUser(deps, 'bawaslu.banten', 'supervisor', { regionCode: '36' });
    app = await buildApp(deps);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const send = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, payload, remoteAddress: IP, headers: { 'user-agent': UA, 'x-forwarded-for': IP } });

  it('takes a tip without an account and returns a receipt code and a one-time secret', async () => {
    const res = await send('/api/v1/public/tips', {
      what: 'Camat berfoto dengan jersey nomor dua setelah main bola bersama Pj Wali Kota.',
      regionCode: '32.75.01', where: 'GOR Patriot Chandrabhaga', occurredOn: '2023-12-29', who: 'Camat Bekasi Barat', links: ['https://example.org/berita'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.cookies).toEqual([]);
    expect(res.headers['cache-control']).toBe('no-store');
    receipt = res.json();
    expect(receipt.receiptCode).toMatch(/^NTR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(receipt.secret.length).toBeGreaterThanOrEqual(20);
    const stored = await deps.db.query<{ secret_hash: string }>('SELECT secret_hash FROM tips');
    expect(stored.rows[0]!.secret_hash).toMatch(/^\$argon2id\$/);
  });

  it('keeps nothing that identifies the sender: not in the database, not in the logs', async () => {
    const tables = (await deps.db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'regions'",
    )).rows.map((r) => r.table_name);
    expect(tables).toContain('tips');
    for (const t of tables) {
      const dump = JSON.stringify((await deps.db.query(`SELECT * FROM ${t}`)).rows);
      expect(dump, t).not.toContain(IP);
      expect(dump, t).not.toContain('UniqueAgent');
      expect(dump, t).not.toContain(receipt.secret);
    }
    // the public requests themselves are not logged at all (a log line carries an exact time); logging is on for the rest
    expect(logs).not.toContain('/public/tips');
    await app.inject({ method: 'GET', url: '/api/v1/tips' });
    expect(logs).toContain('/api/v1/tips');
    expect(logs).not.toContain(IP);
    expect(logs).not.toContain('UniqueAgent');
    expect(logs).not.toContain(receipt.receiptCode);
    expect(logs).not.toContain(receipt.secret);
  });

  it('lets a supervisor in scope see it and ask a question; the reporter answers through the receipt channel', async () => {
    const s = await signIn(app, 'bawaslu.kota');
    const list = (await app.inject({ method: 'GET', url: '/api/v1/tips', ...s })).json();
    expect(list.total).toBe(1);
    const id = list.items[0].id;
    const other = await signIn(app, 'bawaslu.banten');
    expect((await app.inject({ method: 'GET', url: `/api/v1/tips/${id}`, ...other })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/tips', ...other })).json().total).toBe(0);
    const asked = await app.inject({ method: 'POST', url: `/api/v1/tips/${id}/questions`, ...s, payload: { body: 'Kapan foto itu diambil? Apakah ada videonya?' } });
    expect(asked.json().status).toBe('needs_info');
    const view = (await send('/api/v1/public/tips/follow', receipt)).json();
    expect(view.status).toBe('needs_info');
    expect(view.messages.map((m: { author: string }) => m.author)).toEqual(['handler']);
    const replied = (await send('/api/v1/public/tips/reply', { ...receipt, body: 'Jumat pagi 29 Desember, ada video di grup WA warga.' })).json();
    expect(replied.status).toBe('in_review');
    expect(replied.messages.map((m: { author: string }) => m.author)).toEqual(['handler', 'reporter']);
    const consent = (await send('/api/v1/public/tips/consent', receipt)).json();
    expect(consent.consentedToReport).toBe(true);
  });

  it('answers a wrong secret like an unknown code, and never locks the reporter out', async () => {
    const wrong = await send('/api/v1/public/tips/follow', { receiptCode: receipt.receiptCode, secret: 'WRONG-WRONG' });
    const unknown = await send('/api/v1/public/tips/follow', { receiptCode: 'NTR-0000-0000-0000', secret: 'x' });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(wrong.json().message).toEqual(unknown.json().message);
    for (let i = 0; i < 6; i++) expect((await send('/api/v1/public/tips/follow', { receiptCode: receipt.receiptCode, secret: 'WRONG' })).statusCode).toBe(404);
    expect((await send('/api/v1/public/tips/follow', receipt)).statusCode).toBe(200);
  });

  it('takes the secret in any case, with or without the dashes between its groups (its alphabet has one case)', async () => {
    for (const secret of [receipt.secret.toLowerCase(), ` ${receipt.secret.replaceAll('-', ' ').toLowerCase()} `, receipt.secret.replaceAll('-', '')]) {
      const res = await send('/api/v1/public/tips/follow', { receiptCode: receipt.receiptCode.toLowerCase(), secret });
      expect(res.statusCode, secret).toBe(200);
    }
  });

  it('validates the public form with clear messages', async () => {
    const res = await send('/api/v1/public/tips', { what: 'pendek', regionCode: 'Bekasi' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message.en).toMatch(/what.*10|regionCode/);
    const future = await send('/api/v1/public/tips', { what: 'Sesuatu terjadi di kantor kecamatan.', regionCode: '32.75', occurredOn: '2099-01-01' });
    expect(future.json().code).toBe('TIP_DATE_FUTURE');
  });
});
