/**
 * Pledge endpoints at the edges of scope, on both databases: coverage, timeline and missing list of
 * an empty selection and of a unit outside the caller's scope; the public signing endpoints giving
 * one answer for every NIP a campaign does not cover; ceremony attendance lists normalised and
 * counted once per person; the ceremony list of a campaign the caller cannot see.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, TestClock, addUser, freshDb, makeDeps, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency, createUnit } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';

const UNKNOWN_CAMPAIGN = '00000000-0000-4000-8000-000000000000';
const NIP = {
  budi: '198609262015051001', // PNS, Kecamatan
  eko: '198001012005011003', // PNS, Kecamatan, no longer active
  ani: '199001012021012001', // PPPK, Kelurahan (inside the Kecamatan)
  fajar: '198202022010011005', // PNS, Dinas Pendidikan
  serang: '197505052000031004', // PNS of another agency
  unknown: '199901012020011999', // nobody's
};

describe.each(DB_KINDS)('pledge scope edges on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  const clock = new TestClock(new Date('2023-11-04T02:00:00Z'));
  const ids: Record<string, string> = {};
  /** agency-wide, all types */
  let wide: string;
  /** on the empty unit */
  let empty: string;
  /** the Kecamatan subtree, PNS only */
  let kecPns: string;
  const sessions = new Map<string, Promise<Awaited<ReturnType<typeof signIn>>>>();
  const as = (username: string) => sessions.get(username) ?? sessions.set(username, signIn(app, username)).get(username)!;
  const get = async (url: string, username = 'kesbangpol') => app.inject({ method: 'GET', url: `/api/v1${url}`, ...(await as(username)) });

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    const kota = (ids.kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id);
    const serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
    ids.kec = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, kota, { name: 'Kecamatan Bekasi Barat', kind: 'kecamatan' })).id;
    ids.kel = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, kota, { name: 'Kelurahan Bintara', kind: 'kelurahan', parentId: ids.kec })).id;
    ids.dik = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, kota, { name: 'Dinas Pendidikan', kind: 'opd' })).id;
    ids.kosong = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, kota, { name: 'Unit Kosong', kind: 'opd' })).id;
    const add = (input: Record<string, unknown>) => createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, active: true, ...input } as Parameters<typeof createEmployee>[3]);
    await add({ employmentType: 'PNS', nip: NIP.budi, name: 'Budi Santoso', unitId: ids.kec, contact: { email: 'budi@example.go.id' } });
    await add({ employmentType: 'PNS', nip: NIP.eko, name: 'Eko Prasetyo', unitId: ids.kec, active: false, contact: { email: 'eko@example.go.id' } });
    await add({ employmentType: 'PPPK', nip: NIP.ani, name: 'Ani Lestari', unitId: ids.kel, contact: { email: 'ani@example.go.id' } });
    await add({ employmentType: 'PNS', nip: NIP.fajar, name: 'Fajar Nugroho', unitId: ids.dik, contact: { email: 'fajar@example.go.id' } });
    await add({ employmentType: 'NON_ASN', internalId: 'THL-000001', name: 'Citra Dewi', unitId: ids.dik });
    await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: serang, employmentType: 'PNS', nip: NIP.serang, name: 'Orang Serang', active: true, contact: { email: 'serang@example.go.id' } });
    await addUser(deps, 'kesbangpol', 'agency_admin', { agencyId: kota });
    await addUser(deps, 'adminkel', 'unit_admin', { agencyId: kota, unitId: ids.kel });
    await addUser(deps, 'adminserang', 'agency_admin', { agencyId: serang });
    app = await buildApp(deps);
    const open = async (extra: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/pledge-campaigns', ...(await as('kesbangpol')), payload: { agencyId: kota, electionId: 'pemilu-2024', opensOn: '2023-11-02', closesOn: '2023-11-13', ...extra } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    wide = await open({});
    empty = await open({ unitId: ids.kosong });
    kecPns = await open({ unitId: ids.kec, employmentTypes: ['PNS'] });
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  const zeros = { required: 0, signed: 0, missing: 0, percent: 0 };

  describe('coverage, timeline and missing list of an empty selection (D3)', () => {
    it('answers zeros for a campaign on a unit without staff', async () => {
      const cov = await get(`/pledge-campaigns/${empty}/coverage`);
      expect(cov.statusCode, cov.body).toBe(200);
      expect(cov.json()).toMatchObject({ unit: { id: ids.kosong, name: 'Unit Kosong' }, total: zeros, rows: [], byUnit: [], byRegion: [], byEmploymentType: [] });
      const tl = await get(`/pledge-campaigns/${empty}/timeline`);
      expect(tl.statusCode, tl.body).toBe(200);
      expect(tl.json().required).toBe(0);
      const missing = await get(`/pledge-campaigns/${empty}/missing`);
      expect(missing.statusCode, missing.body).toBe(200);
      expect(missing.json()).toMatchObject({ items: [], total: 0 });
    });

    it('answers zeros when drilling into an empty unit in scope', async () => {
      const cov = await get(`/pledge-campaigns/${wide}/coverage?unitId=${ids.kosong}`);
      expect(cov.statusCode, cov.body).toBe(200);
      expect(cov.json()).toMatchObject({ unit: { id: ids.kosong }, total: zeros, byUnit: [] });
      expect((await get(`/pledge-campaigns/${wide}/timeline?unitId=${ids.kosong}`)).json().required).toBe(0);
      expect((await get(`/pledge-campaigns/${wide}/missing?unitId=${ids.kosong}`)).json()).toMatchObject({ items: [], total: 0 });
    });

    it('a unit admin sees their own figures, also from the units above theirs', async () => {
      const top = await get(`/pledge-campaigns/${wide}/coverage`, 'adminkel');
      expect(top.statusCode, top.body).toBe(200);
      expect(top.json().total).toMatchObject({ required: 1, signed: 0 });
      expect(top.json().byUnit).toEqual([expect.objectContaining({ unitId: ids.kec, hasChildren: true, required: 1 })]);
      const kec = await get(`/pledge-campaigns/${wide}/coverage?unitId=${ids.kec}`, 'adminkel');
      expect(kec.statusCode, kec.body).toBe(200);
      expect(kec.json().byUnit).toEqual([expect.objectContaining({ unitId: ids.kel, direct: false, required: 1 })]);
      const kel = await get(`/pledge-campaigns/${wide}/coverage?unitId=${ids.kel}`, 'adminkel');
      expect(kel.json().total).toMatchObject({ required: 1 });
      expect((await get(`/pledge-campaigns/${wide}/missing?unitId=${ids.kec}`, 'adminkel')).json()).toMatchObject({ total: 1, items: [expect.objectContaining({ nip: NIP.ani })] });
      // a campaign on another unit stays visible to them, with nothing of theirs in it
      const other = await get(`/pledge-campaigns/${kecPns}/coverage`, 'adminkel');
      expect(other.statusCode, other.body).toBe(200);
      expect(other.json().total).toEqual(zeros);
    });

    it('a unit outside a unit admin\'s scope answers 404 like an unknown unit, on every view', async () => {
      const unknownUnit = crypto.randomUUID();
      for (const path of ['coverage', 'timeline', 'missing', 'missing/export?format=csv']) {
        const sep = path.includes('?') ? '&' : '?';
        const outside = await get(`/pledge-campaigns/${wide}/${path}${sep}unitId=${ids.dik}`, 'adminkel');
        const unknown = await get(`/pledge-campaigns/${wide}/${path}${sep}unitId=${unknownUnit}`, 'adminkel');
        expect(outside.statusCode, `${path}: ${outside.body}`).toBe(404);
        expect(unknown.statusCode, `${path}: ${unknown.body}`).toBe(404);
        expect(outside.json().code).toBe(unknown.json().code);
      }
      // the agency's admin drills in as before
      expect((await get(`/pledge-campaigns/${wide}/coverage?unitId=${ids.dik}`)).json().total).toMatchObject({ required: 2 });
    });
  });

  describe('public signing tells no one whether a NIP exists (D7)', () => {
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
    const notCovered = {
      'an unknown NIP': NIP.unknown,
      'a NIP of another agency': NIP.serang,
      'an employee outside the campaign\'s units': NIP.fajar,
      'an employee of a type the campaign leaves out': NIP.ani,
      'an employee no longer active': NIP.eko,
      'an internal id of the agency outside the campaign': 'THL-000001',
    };

    it('gives one answer (status, code, message) to every NIP the campaign does not cover, for the code and for signing', async () => {
      for (const url of ['/public/pledges/code', '/public/pledges/sign']) {
        const answers = await Promise.all(Object.entries(notCovered).map(async ([who, nip]) => {
          const res = await post(url, { campaignId: kecPns, nip, ...(url.endsWith('sign') ? { code: '123456' } : {}) });
          return { who, status: res.statusCode, body: res.json() as { status: number; code: string; message: { id: string; en: string } } };
        }));
        const first = answers[0]!;
        expect(first.status).toBe(400);
        expect(first.body).toMatchObject({ code: 'PLEDGE_OUT_OF_SCOPE', message: { id: expect.stringMatching(/NIP/), en: expect.stringMatching(/NIP/) } });
        for (const a of answers) expect({ who: a.who, status: a.status, body: a.body }).toEqual({ who: a.who, status: first.status, body: first.body });
      }
      // the spaced form of an unknown NIP is answered the same way
      expect((await post('/public/pledges/code', { campaignId: kecPns, nip: '19990101 202001 1 999' })).json().code).toBe('PLEDGE_OUT_OF_SCOPE');
    });

    it('still answers a covered employee clearly', async () => {
      const sent = await post('/public/pledges/code', { campaignId: kecPns, nip: '19860926 201505 1 001' });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json().sentTo).toBe('b***@example.go.id');
      const code = (await deps.db.query<{ body: string }>('SELECT body FROM notification_outbox ORDER BY created_at DESC LIMIT 1')).rows[0]!.body.match(/\b(\d{6})\b/)![1]!;
      expect((await post('/public/pledges/sign', { campaignId: kecPns, nip: NIP.budi, code: code === '000000' ? '111111' : '000000' })).json().code).toBe('PLEDGE_CODE_INVALID');
      expect((await post('/public/pledges/sign', { campaignId: kecPns, nip: NIP.budi, code })).statusCode).toBe(201);
      const again = await post('/public/pledges/code', { campaignId: kecPns, nip: NIP.budi });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('PLEDGE_ALREADY_SIGNED');
      // outside the period every NIP hears the same, covered or not
      clock.advance(15 * 86_400_000);
      try {
        const late = await Promise.all([NIP.budi, NIP.unknown, NIP.serang].map(async (nip) => (await post('/public/pledges/code', { campaignId: kecPns, nip })).json().code));
        expect(late).toEqual(['PLEDGE_OUTSIDE_PERIOD', 'PLEDGE_OUTSIDE_PERIOD', 'PLEDGE_OUTSIDE_PERIOD']);
      } finally {
        clock.advance(-15 * 86_400_000);
      }
    });
  });

  describe('ceremony attendance lists (D8)', () => {
    it('normalises NIPs the way self-service signing does and counts each person once', async () => {
      const nips = ['19860926 201505 1 001', NIP.budi, '19860926.201505.1.001', '19860926-201505-1-001', ' THL-000001 ', 'THL-000001', '19990101 202001 1 999', NIP.unknown];
      const res = await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${wide}/ceremonies`, ...(await as('kesbangpol')), payload: { nips, place: 'Aula Kecamatan' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ ceremonyId: expect.any(String), signed: 2, alreadySigned: 0, notCovered: [NIP.unknown] });
      const list = (await get(`/pledge-campaigns/${wide}/ceremonies`)).json().items;
      expect(list).toEqual([expect.objectContaining({ id: res.json().ceremonyId, listed: 3, signed: 2 })]);
      const audit = (await deps.db.query<{ details: { listed: number } }>("SELECT details FROM audit_events WHERE action = 'pledge.ceremony_recorded' AND entity_id = $1", [res.json().ceremonyId])).rows[0]!;
      expect(audit.details.listed).toBe(3);
      const cov = (await get(`/pledge-campaigns/${wide}/coverage`)).json();
      expect(cov.total).toMatchObject({ signed: 2 });
    });
  });

  describe('ceremony list of a campaign the caller cannot see (D9)', () => {
    it('answers 404 for another agency\'s campaign and for an unknown one, like its sibling endpoints', async () => {
      for (const path of ['ceremonies', 'coverage', 'timeline', 'missing']) {
        const other = await get(`/pledge-campaigns/${wide}/${path}`, 'adminserang');
        expect(other.statusCode, `${path}: ${other.body}`).toBe(404);
        const unknown = await get(`/pledge-campaigns/${UNKNOWN_CAMPAIGN}/${path}`);
        expect(unknown.statusCode, `${path}: ${unknown.body}`).toBe(404);
      }
      expect((await get(`/pledge-campaigns/${wide}/ceremonies`)).statusCode).toBe(200);
      expect((await get(`/pledge-campaigns/${wide}/ceremonies`, 'adminkel')).statusCode).toBe(200);
    });
  });
});
