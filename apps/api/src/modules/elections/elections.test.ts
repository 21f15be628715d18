import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateTemplateCsv } from '@netra/contracts';
import { DB_KINDS, addUser, freshDb, makeDeps, multipart, signIn, TestClock, type TestApp, runNetra } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';


// Seed 004: an eselon-II official of Pemkab Bekasi at a party agenda during party factual verification.
const SEED_004 = { election: 'pemilu-2024', regionCode: '32.16', incidentDate: '2022-11-20', actorType: 'PNS', act: 'KE-6' };
const CAMAT_JERSEY = { election: 'pemilu-2024', regionCode: '32.75', incidentDate: '2023-12-29', knownDate: '2024-01-02', reportDate: '2024-01-05', actorType: 'PNS', act: 'KE-5' };
const PILKADA = { election: 'pilkada-2024', regionCode: '73.71', incidentDate: '2024-10-15', reportDate: '2024-10-18', actorType: 'PPPK', act: 'D-12' };

describe.each(DB_KINDS)('legal engine over HTTP on %s', (kind) => {
  let app: TestApp;
  let drop: () => Promise<void>;
  let url: string | null;
  let s: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    url = f.url;
    const deps = makeDeps(f.db, new TestClock(new Date('2024-11-25T20:00:00Z')));
    await addUser(deps, 'bawaslu', 'supervisor', { regionCode: '32' });
    await addUser(deps, 'admin', 'system_admin');
    app = await buildApp(deps);
    s = await signIn(app, 'bawaslu');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/assessments', payload: payload as object, ...s });

  it('answers the Kabupaten Bekasi ruling of seed 004: not yet the electoral domain, ASN ethics track open', async () => {
    const r = await post(SEED_004);
    expect(r.statusCode).toBe(200);
    const a = r.json();
    expect(a).toMatchObject({ participantsDetermined: false, campaignPeriod: false, electoralDomain: false });
    expect(a.routes).toContain('asn_ethics');
    expect(a.routes).not.toContain('election_crime');
    expect(a.explanation.length).toBeGreaterThan(1);
    for (const line of a.explanation) expect(line.cites.length).toBeGreaterThan(0);
    // sentences as users read them: the region named, dates in words, public references; the data's own sources as provenance
    expect(a.explanation[0].id).toMatch(/^\S.* \(32\.16\) mengikuti /);
    const text = a.explanation.flatMap((line: { id: string; en: string }) => [line.id, line.en]).join('\n');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('20 November 2022');
    const cites = a.explanation.flatMap((line: { cites: string[] }) => line.cites).join('\n');
    expect(cites).toContain('Hasil kajian Bawaslu Kabupaten Bekasi (Pemilu 2024)');
    expect(cites).not.toMatch(/domain\.md|seed|UNCONFIRMED|\[S/);
    expect(a.explanation.flatMap((line: { provenance: string[] }) => line.provenance).join('\n')).toContain('seed 004');
    expect(a.explanation.some((line: { unconfirmed: boolean }) => line.unconfirmed)).toBe(true); // KASN's end date
  });

  it('gives deadlines in local time (reporting until the office closes on a Thursday, 16.00 WIB) and says whether the report was timely', async () => {
    const a = (await post(CAMAT_JERSEY)).json();
    expect(a.campaignPeriod).toBe(true);
    expect(a.reportDeadline.dueAt).toBe('2024-01-11T16:00:00+07:00');
    expect(a.timely).toBe(true);
    const p = (await post(PILKADA)).json();
    expect(p.reportDeadline.dueAt).toMatch(/\+08:00$/);
    expect(p.asnAuthority.id).toBe('BKN');
  });

  it('cites public legal references for the authority, deadlines and sanctions, the data\'s own sources kept as provenance', async () => {
    // a PNS during the Pemilu 2024 campaign: PP 94/2021 discipline, the Pemilu reporting and handling deadlines
    const a = (await post({ ...CAMAT_JERSEY, act: 'D-8' })).json();
    const facts: { source: string; unconfirmed: boolean; provenance: string }[] = [a.asnAuthority, a.reportDeadline, ...a.deadlines, ...a.sanctionOptions, a.act];
    expect(a.act.legalBasis).toBe('PP 94/2021 Pasal 5 huruf n dan Pasal 8 (PNS); PP 49/2018 Pasal 51-52 (PPPK); UU 7/2017 Pasal 283');
    expect(a.sanctionOptions.length).toBeGreaterThan(0);
    for (const fact of facts) {
      expect(fact.source, fact.provenance).not.toMatch(/\[S|domain\.md|seed|UNCONFIRMED|§/);
      expect(fact.source, fact.provenance).not.toBe('');
      expect(typeof fact.unconfirmed).toBe('boolean');
    }
    const sanction = a.sanctionOptions.find((o: { source: string }) => o.source.startsWith('PP 94/2021'));
    expect(sanction).toMatchObject({ source: 'PP 94/2021 Pasal 8(3)', unconfirmed: false, provenance: expect.stringMatching(/^PP 94\/2021 Pasal 8\(3\) \[S\d+/) });
    expect(a.reportDeadline).toMatchObject({ source: 'UU 7/2017 Pasal 454(6) ("7 hari kerja"); Perbawaslu 7/2022 Pasal 8(3) ("7 Hari")', provenance: expect.stringContaining('[S13') });
    // the recommendation form's choices read the same
    const choices = (await app.inject({ method: 'GET', url: '/api/v1/catalogue/sanctions?act=D-8&actorType=PNS&date=2023-12-29', ...s })).json().items;
    expect(choices.map((o: { source: string }) => o.source)).toContain('PP 94/2021 Pasal 8(3)');
    for (const o of choices) expect(o.source, o.provenance).not.toMatch(/\[S/);
  });

  it('rejects invalid input with 400 and a message naming the bad value', async () => {
    const cases: [object, string, string][] = [
      [{ ...SEED_004, act: 'X-99' }, 'ACT_UNKNOWN', 'X-99'],
      [{ ...SEED_004, election: 'pemilu-1999' }, 'ELECTION_UNKNOWN', 'pemilu-1999'],
      [{ ...SEED_004, regionCode: '99.01' }, 'REGION_PROVINCE_UNKNOWN', '99'],
      [{ ...SEED_004, regionCode: '32.99' }, 'REGION_UNKNOWN', '32.99'],
      [{ ...SEED_004, incidentDate: '2024-02-30' }, 'DATE_INVALID', '2024-02-30'],
      [{ ...SEED_004, knownDate: '2022-11-01' }, 'KNOWN_DATE_BEFORE_INCIDENT', '2022-11-01'],
    ];
    for (const [input, code, value] of cases) {
      const r = await post(input);
      expect(r.statusCode, code).toBe(400);
      expect(r.json().code).toBe(code);
      expect(r.json().message.en).toContain(value);
      expect(r.json().message.id).toContain(value);
    }
    const arr = await post([SEED_004, { ...SEED_004, act: 'KE-99' }]);
    expect(arr.statusCode).toBe(400);
    expect(arr.json().message.en).toMatch(/^\[1\] .*KE-99/);
  });

  it('refuses dates outside 1900-01-01..2199-12-31 instead of answering with deadlines in another century', async () => {
    for (const [input, field, value] of [
      [{ ...SEED_004, incidentDate: '0001-01-01', reportDate: '0001-01-03' }, 'incidentDate', '0001-01-01'],
      [{ ...SEED_004, incidentDate: '0024-02-10' }, 'incidentDate', '0024-02-10'],
      [{ ...SEED_004, reportDate: '2200-01-01' }, 'reportDate', '2200-01-01'],
    ] as const) {
      const r = await post(input);
      expect(r.statusCode, value).toBe(400);
      expect(r.json()).toMatchObject({ code: 'DATE_OUT_OF_RANGE', errors: [{ path: field }] });
      expect(r.json().message.en).toContain(value);
      expect(r.json().message.id).toContain(value);
    }
  });

  it('names the field when a value has the wrong JSON type, and says so for a body that is not an incident', async () => {
    const num = await post({ ...SEED_004, incidentDate: 20240110 });
    expect(num.statusCode).toBe(400);
    expect(num.json()).toMatchObject({ code: 'FIELD_NOT_STRING', errors: [{ path: 'incidentDate' }] });
    expect(num.json().message.en).toContain('incidentDate');
    expect(num.json().message.id).toContain('incidentDate');
    const inArray = await post([SEED_004, { ...SEED_004, act: 7 }]);
    expect(inArray.statusCode).toBe(400);
    expect(inArray.json().message.en).toMatch(/^\[1\] .*act/);
    for (const payload of ['"x"', 'null', '42']) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/assessments', payload, cookies: s.cookies, headers: { ...s.headers, 'content-type': 'application/json' } });
      expect(r.statusCode, payload).toBe(400);
      expect(r.json().code, payload).toBe('INPUT_NOT_OBJECT');
      expect(r.json().message.en, payload).toMatch(/must be an object/);
    }
    expect((await post(Array.from({ length: 1001 }, () => SEED_004))).json().code).toBe('TOO_MANY_ITEMS');
  });

  it('netra assess and the API give the same answers for the same inputs', async () => {
    const inputs = [SEED_004, CAMAT_JERSEY, PILKADA, { ...SEED_004, actorType: 'NON_ASN' }, { ...CAMAT_JERSEY, actorType: 'VILLAGE_HEAD', act: 'D-10' }];
    const api = (await post(inputs)).json();
    const env: Record<string, string> = kind === 'postgres' ? { DATABASE_URL: url! } : { NETRA_DATA_DIR: path.join(process.env.TMPDIR ?? '/tmp', `netra-assess-${process.pid}`) };
    if (kind === 'embedded') return; // one engine is enough for the process round trip (the engine is pure); embedded start-up is covered by cli.test.ts
    const cli = await runNetra(['assess'], env, JSON.stringify(inputs));
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(api);
    const single = await runNetra(['assess'], env, JSON.stringify(SEED_004));
    expect(JSON.parse(single.stdout)).toEqual(api[0]);
    const bad = await runNetra(['assess'], env, JSON.stringify({ ...SEED_004, act: 'KE-42' }));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('KE-42');
    const notJson = await runNetra(['assess'], env, '{nope');
    expect(notJson.code).not.toBe(0);
  }, 60_000);

  it('shows an election timeline for a region with today marked in its time zone', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/elections/pilkada-2024/timeline?region=64.72', ...s });
    expect(r.statusCode).toBe(200);
    const t = r.json();
    expect(t).toMatchObject({ timeZone: 'WITA', today: '2024-11-26', takesPart: true });
    const voting = t.stages.find((x: { role: string }) => x.role === 'voting');
    expect(voting).toMatchObject({ start: '2024-11-27', end: '2024-11-27', source: expect.stringContaining('PKPU 2/2024'), unconfirmed: false });
    // the "Sumber" column reads legal references; the research notes stay in provenance
    for (const stage of t.stages as { source: string; provenance: string }[]) {
      expect(stage.source).not.toBe('');
      expect(stage.source).not.toMatch(/domain\.md|seed|UNCONFIRMED|\[S|signed/);
      expect(stage.provenance).toMatch(/\[S\d+/);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/elections/nope/timeline?region=32', ...s })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/elections/pemilu-2024/timeline?region=x', ...s })).statusCode).toBe(400);
  });

  it('lists the catalogue of 20 acts with their sources', async () => {
    const r = (await app.inject({ method: 'GET', url: '/api/v1/catalogue/acts', ...s })).json();
    expect(r.items.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['KE-1', 'KE-7', 'D-1', 'D-13']));
    for (const a of r.items) expect(a.source.length).toBeGreaterThan(0);
    // what the form shows under the act picker: regulations in Indonesian legal wording, no research notes or English
    expect(r.items.find((a: { code: string }) => a.code === 'D-1').legalBasis).toBe('PP 94/2021 Pasal 5 huruf n dan Pasal 8 (PNS); PP 49/2018 Pasal 51-52 (PPPK)');
    expect(r.items.filter((a: { legalBasis: string; source: string }) => /\band\b|catch-all|\[S\d/.test(`${a.legalBasis} ${a.source}`))).toEqual([]);
  });

  it('imports candidate pairs (scoped to the supervisor region) and lists them', async () => {
    const body = (csv: string) =>
      `--x\r\nContent-Disposition: form-data; name="file"; filename="paslon.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--x--\r\n`;
    const headers = { ...s.headers, 'content-type': 'multipart/form-data; boundary=x' };
    const csv = 'nomor urut,nama calon,nama wakil,kode wilayah\n1,Calon Satu,Wakil Satu,32.75\n2,Calon Dua,Wakil Dua,32.75\n3,Calon Luar,Wakil Luar,36.04\n';
    const rejected = await app.inject({ method: 'POST', url: '/api/v1/elections/pilkada-2024/candidate-imports?kind=pair', cookies: s.cookies, headers, payload: body(csv) });
    expect(rejected.json()).toMatchObject({ status: 'rejected', inserted: 0, rejected: 1, errors: [{ row: 4, code: 'OUT_OF_SCOPE' }] });
    const ok = await app.inject({ method: 'POST', url: '/api/v1/elections/pilkada-2024/candidate-imports?kind=pair&skipInvalid=true', cookies: s.cookies, headers, payload: body(csv) });
    expect(ok.json()).toMatchObject({ status: 'succeeded', inserted: 2, rejected: 1 });
    const again = await app.inject({ method: 'POST', url: '/api/v1/elections/pilkada-2024/candidate-imports?kind=pair&skipInvalid=true', cookies: s.cookies, headers, payload: body(csv) });
    expect(again.json()).toMatchObject({ inserted: 0, unchanged: 2 });
    const list = (await app.inject({ method: 'GET', url: '/api/v1/elections/pilkada-2024/candidates?regionCode=32.75', ...s })).json();
    expect(list.items.map((c: { name: string; ballotNumber: number }) => [c.ballotNumber, c.name])).toEqual([[1, 'Calon Satu'], [2, 'Calon Dua']]);
    const party = await app.inject({ method: 'POST', url: '/api/v1/elections/pemilu-2024/candidate-imports?kind=party', cookies: s.cookies, headers, payload: body('nomor urut,nama partai,singkatan\n1,Partai Contoh,PC\n') });
    expect(party.statusCode).toBe(403);
  });

  it('refuses a list the election does not have: a DCT for Pilkada 2024, a city pair for Pemilu 2024 (whose pairs are presidential)', async () => {
    const post = (electionId: string, listKind: string, csv: string) => {
      const f = multipart({}, { name: 'daftar.csv', type: 'text/csv', data: Buffer.from(csv) });
      return app.inject({ method: 'POST', url: `/api/v1/elections/${electionId}/candidate-imports?kind=${listKind}&skipInvalid=true`, payload: f.payload, headers: { ...f.headers, ...s.headers }, cookies: s.cookies });
    };
    const dct = await post('pilkada-2024', 'legislative', 'nama,nomor urut partai,dapil,kode wilayah,nomor urut,lembaga\nCalon Salah Pemilihan,1,Kota Bekasi 9,32.75,1,DPRD Kota\n');
    expect(dct.statusCode).toBe(200);
    // the whole file, even with invalid rows skipped
    expect(dct.json()).toMatchObject({ status: 'rejected', inserted: 0, rejected: 1, errors: [{ row: 1, code: 'LIST_NOT_FOR_ELECTION' }] });
    expect(dct.json().errors[0].messageId).toContain('Pemilihan Serentak 2024 tidak memiliki daftar calon legislatif');
    expect(dct.json().errors[0].message).toContain('has no legislative candidate list');
    const pair = await post('pemilu-2024', 'pair', 'nomor urut,nama calon,nama wakil,kode wilayah\n1,Calon Kota Salah,Wakil Kota Salah,32.75\n');
    expect(pair.json()).toMatchObject({ status: 'succeeded', inserted: 0, rejected: 1, errors: [{ row: 2, column: 'regionCode', code: 'NOT_A_CONTEST_OF_ELECTION' }] });
    expect(pair.json().errors[0].messageId).toContain('nasional');
    const stored = (await app.inject({ method: 'GET', url: '/api/v1/elections/pilkada-2024/candidates?q=Salah', ...s })).json().total + (await app.inject({ method: 'GET', url: '/api/v1/elections/pemilu-2024/candidates?q=Salah', ...s })).json().total;
    expect(stored).toBe(0);
  });

  describe('legislative candidate lists', () => {
    const HEADER = 'nama,nomor urut partai,dapil,kode wilayah,nomor urut,lembaga\n';
    const upload = (csv: string, query = '') =>
      app.inject({
        method: 'POST', url: `/api/v1/elections/pemilu-2024/candidate-imports?kind=legislative${query}`, cookies: s.cookies,
        headers: { ...s.headers, 'content-type': 'multipart/form-data; boundary=x' },
        payload: `--x\r\nContent-Disposition: form-data; name="file"; filename="dct.csv"\r\nContent-Type: text/csv\r\n\r\n${HEADER}${csv}\r\n--x--\r\n`,
      });
    const named = async (q: string) =>
      (await app.inject({ method: 'GET', url: `/api/v1/elections/pemilu-2024/candidates?kind=legislative&pageSize=100&q=${encodeURIComponent(q)}`, ...s })).json().items as { name: string; chamber: string; electoralDistrict: string; regionCode: string }[];

    it('keeps two candidates of different chambers in the same slot (the second never overwrites the first)', async () => {
      const r = await upload('Calon DPRD Kota,4,Bekasi 1,32.75,1,DPRD Kota\nCalon DPRD Prov,4,Bekasi 1,32.75,1,DPRD Provinsi\n');
      expect(r.json()).toMatchObject({ status: 'succeeded', inserted: 2, updated: 0, errors: [] });
      expect((await named('Calon DPRD')).map((c) => [c.name, c.chamber]).sort()).toEqual([['Calon DPRD Kota', 'DPRD_KABKOTA'], ['Calon DPRD Prov', 'DPRD_PROVINSI']]);
      expect((await upload('Calon DPRD Kota,4,Bekasi 1,32.75,1,DPRD Kota\nCalon DPRD Prov,4,Bekasi 1,32.75,1,DPRD Provinsi\n')).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    });

    it('accepts the same district label, party and number in two regions', async () => {
      const r = await upload('Calon Kota Satu,3,Dapil 1,32.75,1,DPRD Kota\nCalon Kab Satu,3,Dapil 1,32.16,1,DPRD Kabupaten\n');
      expect(r.json()).toMatchObject({ status: 'succeeded', inserted: 2, errors: [] });
      expect((await named('Satu')).map((c) => [c.name, c.regionCode]).sort()).toEqual([['Calon Kab Satu', '32.16'], ['Calon Kota Satu', '32.75']]);
    });

    it('re-importing with the district in other letter case or spacing changes no candidate count', async () => {
      const first = await upload('Hj. Siti Aminah,2,Kota Bekasi 1,32.75,1,DPRD Kota\nAde Fauzi,2,Kota Bekasi 1,32.75,2,DPRD Kota\n');
      expect(first.json()).toMatchObject({ status: 'succeeded', inserted: 2 });
      const again = await upload('Hj. Siti Aminah,2,KOTA BEKASI 1,32.75,1,DPRD Kota\nAde Fauzi,2,kota  bekasi 1 ,32.75,2,DPRD Kota\n');
      expect(again.json()).toMatchObject({ status: 'succeeded', inserted: 0, errors: [] });
      const stored = await named('Aminah');
      expect(stored).toHaveLength(1);
      expect(stored[0]!.electoralDistrict).toBe('KOTA BEKASI 1');
      expect(await named('Ade Fauzi')).toHaveLength(1);
    });

    it('lists a row with more values than the header (an unquoted comma) and keeps the row numbers of the rest', async () => {
      const r = await upload('Hj. Siti Aminah, S.Pd.,5,KB7,32.75,1,DPRD Kota\nAde Extra,5,KB7,32.75,3,DPRD Kota,extra,more\n,,,,,\nBudi,x,KB7,32.75,4,DPRD Kota\n"Hj. Siti Aminah, S.Pd.",5,KB7,32.75,5,DPRD Kota\n', '&dryRun=true');
      expect(r.statusCode).toBe(200);
      const out = r.json();
      expect(out).toMatchObject({ status: 'rejected', inserted: 0, rejected: 3 });
      // row 4 is empty (skipped by the reader), so Budi's bad party number is on row 5
      expect(out.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([[2, 'ROW_TOO_MANY_VALUES'], [3, 'ROW_TOO_MANY_VALUES'], [5, 'NOT_A_NUMBER']]);
      expect(out.errors[0]).toMatchObject({ column: 'lembaga' });
      expect(out.errors[0].message).toContain('double quotes');
      expect(out.errors[0].messageId).toContain('tanda kutip');
    });

    it('refuses, rather than overwrites, a row the database files under a slot an earlier row of the file took', async () => {
      // JavaScript lower-cases a final capital sigma to "ς", the database to "σ": the file check sees two districts, the key one
      const r = await upload('Calon Sigma Satu,6,ΟΔΟΣ,32.75,1,DPRD Kota\nCalon Sigma Dua,6,οδοσ,32.75,1,DPRD Kota\n');
      expect(r.json()).toMatchObject({ status: 'rejected', inserted: 0, rejected: 1, errors: [{ row: 3, code: 'DUPLICATE' }] });
      expect(r.json().errors[0].message).toContain('same list entry as row 2');
      expect(await named('Calon Sigma')).toEqual([]);
    });

    it('a row without the chamber lands on the entry of its slot, and asks for the chamber where the slot holds two', async () => {
      const noChamber = (csv: string) =>
        app.inject({
          method: 'POST', url: '/api/v1/elections/pemilu-2024/candidate-imports?kind=legislative', cookies: s.cookies,
          headers: { ...s.headers, 'content-type': 'multipart/form-data; boundary=x' },
          payload: `--x\r\nContent-Disposition: form-data; name="file"; filename="dct.csv"\r\nContent-Type: text/csv\r\n\r\nnama,nomor urut partai,dapil,kode wilayah,nomor urut\n${csv}\r\n--x--\r\n`,
        });
      // "Kota Bekasi 1" of party 2 was stored with its chamber (DPRD Kota) by an earlier test
      expect((await noChamber('Hj. Siti Aminah,2,Kota Bekasi 1,32.75,1\n')).json()).toMatchObject({ status: 'succeeded', inserted: 0, updated: 1, replaced: 0, errors: [] });
      expect(await named('Aminah')).toEqual([expect.objectContaining({ chamber: 'DPRD_KABKOTA', electoralDistrict: 'Kota Bekasi 1' })]);
      // "Bekasi 1" of party 4 holds a DPRD Kota and a DPRD Provinsi candidate
      const two = await noChamber('Calon DPRD Kota,4,Bekasi 1,32.75,1\n');
      expect(two.json()).toMatchObject({ status: 'rejected', inserted: 0, errors: [{ row: 2, column: 'chamber', code: 'CHAMBER_NEEDED' }] });
      expect(two.json().errors[0].messageId).toContain('Lembaga');
      expect((await named('Calon DPRD')).map((c) => c.chamber).sort()).toEqual(['DPRD_KABKOTA', 'DPRD_PROVINSI']);
    });

    it("refuses the template's example row uploaded unchanged, so it never replaces the candidate of its slot", async () => {
      const file = (csv: string, query = '') => {
        const f = multipart({}, { name: 'templat-dct.csv', type: 'text/csv', data: Buffer.from(csv) });
        return app.inject({ method: 'POST', url: `/api/v1/elections/pemilu-2024/candidate-imports?kind=legislative${query}`, payload: f.payload, headers: { ...f.headers, ...s.headers }, cookies: s.cookies });
      };
      // the example's slot: Kota Bekasi 1, party 1, number 1, DPRD Kota
      expect((await upload('Ahmad Zaki Mubarok,1,Kota Bekasi 1,32.75,1,DPRD Kota\n')).json()).toMatchObject({ status: 'succeeded', inserted: 1 });
      const refused = await file(candidateTemplateCsv('legislative'));
      expect(refused.json()).toMatchObject({ status: 'rejected', inserted: 0, replaced: 0, errors: [{ row: 2, code: 'TEMPLATE_EXAMPLE' }] });
      expect(refused.json().errors[0].messageId).toContain('baris contoh');
      expect((await file(candidateTemplateCsv('legislative'), '&skipInvalid=true')).json()).toMatchObject({ status: 'succeeded', inserted: 0, updated: 0, replaced: 0, rejected: 1 });
      expect((await named('Ahmad Zaki')).map((c) => c.name)).toEqual(['Ahmad Zaki Mubarok']);
      expect(await named('Contoh')).toEqual([]);
    });

    it('gives a row error naming the row and column for a number out of range, not a failed request', async () => {
      const r = await upload('Big Num,1,KB7,32.75,99999999999,DPRD Kota\nParty Big,1000,KB7,32.75,2,DPRD Kota\n');
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        status: 'rejected', inserted: 0,
        errors: [{ row: 2, column: 'nomor urut', code: 'OUT_OF_RANGE' }, { row: 3, column: 'nomor urut partai', code: 'OUT_OF_RANGE' }],
      });
      expect(r.json().errors[0].message).toContain('99999999999');
    });
  });
});
