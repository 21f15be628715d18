import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitApp, type TestApp } from '../../../test/harness.ts';

describe('QR check-in rate limits (a hall of attendees behind one NAT address)', () => {
  let app: TestApp;
  let close: () => Promise<void>;
  const token = 'unknown-token-0123456789';
  const post = (nip: string) => app.inject({ method: 'POST', url: '/api/v1/public/socialization/checkin', payload: { token, nip }, remoteAddress: '10.1.2.3' });

  beforeAll(async () => {
    ({ app, close } = await rateLimitApp(400));
  });
  afterAll(() => close());

  it('lets many attendees check in from one address', async () => {
    const all = await Promise.all(Array.from({ length: 150 }, (_, i) => post(`19860926201505${1000 + i}`)));
    for (const r of all) expect(r.json().code).toBe('CHECKIN_TOKEN_INVALID'); // reached the service
  });

  it('throttles one NIP hammering, whatever its formatting', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(i % 2 ? '19700101 199503 2 002' : '197001011995032002')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('throttles a non-ASN id whatever its case, as the lookup ignores case', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(i % 2 ? 'thl-000777' : 'THL-000777')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
