/**
 * The demo (as `npm start` loads it) opens the conflict-of-interest register with the suggestions its
 * seeded relations should produce, and none for the near-miss names beside them; the register says how
 * many candidates each election has for an agency and who may import a KPU list or run the matcher.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateTemplateCsv } from '@netra/contracts';
import { DB_KINDS, freshDb, makeDeps, multipart, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { DEMO_EXPECTED, DEMO_LEGISLATIVE_ROWS, DEMO_PAIR_ROWS } from '../demo/demo-candidates.ts';
import { DEMO_PASSWORD, loadDemo } from '../demo/demo.service.ts';

type Item = { employee: { name: string }; candidate: { name: string; personName: string }; relation: string; status: string };

describe.each(DB_KINDS)('the demo register on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let kota: string;
  let kab: string;
  let loadMs: number;
  const s: Record<string, Awaited<ReturnType<typeof signIn>>> = {};

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db);
    const t = performance.now();
    const demo = await loadDemo(deps);
    loadMs = performance.now() - t;
    [kab, kota] = [demo.agencies.find((a) => a.regionCode === '32.16')!.id, demo.agencies.find((a) => a.regionCode === '32.75')!.id];
    app = await buildApp(deps);
    for (const u of ['kesbangpol', 'bawaslu.kota', 'bawaslu.jabar']) s[u] = await signIn(app, u, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await drop();
  });

  const register = async (electionId: string, agencyId = kota) => {
    const r = await app.inject({ method: 'GET', url: `/api/v1/conflicts?electionId=${electionId}&agencyId=${agencyId}&pageSize=100`, ...s.kesbangpol! });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: Item[]; summary: { suggested: number } };
  };
  const lists = (u: string, agencyId: string) => app.inject({ method: 'GET', url: `/api/v1/conflicts/candidate-lists?agencyId=${agencyId}`, ...s[u]! });

  it('loads the demo, with its 6,000 Kota Bekasi employees, in reasonable time', async () => {
    console.info(`demo loaded on ${kind} in ${Math.round(loadMs)} ms`);
    const n = (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM employees WHERE agency_id = $1', [kota])).rows[0]!.n;
    expect(n).toBe(6000);
    expect(loadMs).toBeLessThan(60_000);
  });

  it.each(Object.entries(DEMO_EXPECTED))('%s: the seeded relations are suggested, the near misses are not', async (electionId, expected) => {
    const reg = await register(electionId);
    const pairs = reg.items.map((i) => `${i.employee.name} ~ ${i.candidate.personName}: ${i.relation}`).sort();
    expect(pairs).toEqual([...expected.suggested].sort());
    expect(reg.items.every((i) => i.status === 'suggested')).toBe(true);
    expect(reg.summary.suggested).toBe(expected.suggested.length);
    const candidates = reg.items.flatMap((i) => [i.candidate.name, i.candidate.personName]);
    for (const name of expected.nearMisses) expect(candidates).not.toContain(name);
    // the near misses are on the list the matcher read
    const listed = (await deps.db.query<{ name: string }>('SELECT name FROM election_candidates WHERE election_id = $1', [electionId])).rows.map((r) => r.name);
    for (const name of expected.nearMisses) expect(listed).toContain(name);
  });

  it('a new run of the matcher over the demo adds nothing', async () => {
    const run = await app.inject({ method: 'POST', url: '/api/v1/conflicts/match', ...s.kesbangpol!, payload: { agencyId: kota, electionId: 'pemilu-2024' } });
    expect(run.json()).toEqual({ employees: 6000, candidates: DEMO_LEGISLATIVE_ROWS.length, suggested: DEMO_EXPECTED['pemilu-2024'].suggested.length, added: 0, reopened: 0 });
  });

  it('counts the candidates each election has for an agency and says who may import or match', async () => {
    const k = await lists('kesbangpol', kota);
    expect(k.statusCode, k.body).toBe(200);
    expect(k.json()).toEqual({
      agencyId: kota, regionCode: '32.75', allowedActions: ['conflicts.match'],
      items: [{ electionId: 'pemilu-2024', legislative: DEMO_LEGISLATIVE_ROWS.length, pairs: 0 }, { electionId: 'pilkada-2024', legislative: 0, pairs: DEMO_PAIR_ROWS.length }],
    });
    expect((await lists('bawaslu.kota', kota)).json().allowedActions).toEqual(['candidates.import']);
    // Bawaslu Jawa Barat sees Kabupaten Bekasi too, where no list is loaded yet
    const jabar = (await lists('bawaslu.jabar', kab)).json();
    expect(jabar.items.map((i: { legislative: number; pairs: number }) => i.legislative + i.pairs)).toEqual([0, 0]);
    expect(jabar.allowedActions).toEqual(['candidates.import']);
    // out of scope: 404
    expect((await lists('kesbangpol', kab)).statusCode).toBe(404);
    expect((await lists('bawaslu.kota', kab)).statusCode).toBe(404);
  });

  it('a list written from the template is imported; a bad row is reported by row and column', async () => {
    const file = (rows: string[][]) => multipart({}, { name: 'dct.csv', type: 'text/csv', data: Buffer.from(candidateTemplateCsv('legislative', rows)) });
    const post = (rows: string[][], query = '') =>
      app.inject({ method: 'POST', url: `/api/v1/elections/pemilu-2024/candidate-imports?kind=legislative${query}`, ...file(rows), headers: { ...file(rows).headers, ...s['bawaslu.jabar']!.headers }, cookies: s['bawaslu.jabar']!.cookies });
    const rows = [['Nur Aini', '1', 'Bekasi 1', '32.16', '1', 'DPRD Kabupaten'], ['Nur Aini Lubis', '2', '', '32.16', '1', 'DPRD Kabupaten']];
    const rejected = await post(rows);
    expect(rejected.json()).toMatchObject({ status: 'rejected', inserted: 0, rejected: 1, errors: [{ row: 3, column: 'Dapil', code: 'REQUIRED' }] });
    const skipped = await post(rows, '&skipInvalid=true');
    expect(skipped.json()).toMatchObject({ status: 'succeeded', inserted: 1, rejected: 1 });
    expect((await lists('bawaslu.jabar', kab)).json().items[0]).toEqual({ electionId: 'pemilu-2024', legislative: 1, pairs: 0 });
  });
});
