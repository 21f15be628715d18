import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitApp, type TestApp } from '../../../test/harness.ts';

describe('self-service signing rate limits (one office behind one NAT address)', () => {
  let app: TestApp;
  let close: () => Promise<void>;
  const campaignId = crypto.randomUUID();
  const nip = (i: number) => `19860926201505${String(1000 + i)}`;
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload, remoteAddress: '10.1.2.3' });

  beforeAll(async () => {
    ({ app, close } = await rateLimitApp(400));
  });
  afterAll(() => close());

  it('does not throttle many employees signing from one address (well past the old 120 a minute)', async () => {
    const codes = await Promise.all(Array.from({ length: 150 }, (_, i) => post('/api/v1/public/pledges/code', { campaignId, nip: nip(i) })));
    const signs = await Promise.all(Array.from({ length: 150 }, (_, i) => post('/api/v1/public/pledges/sign', { campaignId, nip: nip(i), code: '123456' })));
    for (const r of [...codes, ...signs]) expect(r.statusCode, r.body).toBe(404); // reached the service (unknown campaign)
  });

  it('throttles one NIP hammering, whatever its formatting, across both endpoints', async () => {
    const target = '197001011995032002';
    const spaced = '19700101 199503 2 002';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = i % 2 ? await post('/api/v1/public/pledges/sign', { campaignId, nip: spaced, code: String(100000 + i) }) : await post('/api/v1/public/pledges/code', { campaignId, nip: target });
      statuses.push(r.statusCode);
      if (r.statusCode === 429) expect(r.json().code).toBe('RATE_LIMITED');
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // another employee at the same address is unaffected
    expect((await post('/api/v1/public/pledges/sign', { campaignId, nip: nip(999), code: '123456' })).statusCode).toBe(404);
  });

  it('keeps a per-address ceiling (NETRA_SIGNING_IP_LIMIT)', async () => {
    const from = (remoteAddress: string, i: number) => app.inject({ method: 'POST', url: '/api/v1/public/pledges/sign', payload: { campaignId, nip: nip(2000 + i), code: '123456' }, remoteAddress });
    // sequential: the in-memory store shares one counter object, so a same-tick burst crossing the ceiling is refused whole
    const rs = [];
    for (let i = 0; i < 450; i++) rs.push(await from('10.4.4.4', i));
    const limited = rs.filter((r) => r.statusCode === 429);
    expect(limited.length).toBe(50);
    expect(limited[0]!.json().code).toBe('RATE_LIMITED');
    // a different address has its own budget
    expect((await from('10.9.9.9', 0)).statusCode).toBe(404);
  });
});
