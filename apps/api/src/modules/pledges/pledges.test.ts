import crypto from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClock, addUser, freshDb, makeDeps, multipart, signIn, SYSTEM, type TestApp, SYSTEM_PRINCIPAL } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';
import { requestSigningCode, signWithCode } from './pledges.service.ts';


describe.each(DB_KINDS)('neutrality pledges on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let campaign: string;
  let s: Awaited<ReturnType<typeof signIn>>;
  const clock = new TestClock(new Date('2023-11-04T02:00:00Z'));

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    const kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    const serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
    for (const [nip, name, agencyId, email] of [
      ['198609262015051001', 'Budi Santoso', kota, 'budi@example.go.id'], ['197001011995032002', 'Ani Lestari', kota, 'ani@example.go.id'],
      ['197505052000031004', 'Orang Serang', serang, 'serang@example.go.id'],
    ] as const) await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId, employmentType: 'PNS', nip, name, active: true, contact: { email } });
    await addUser(deps, 'kesbangpol', 'agency_admin', { agencyId: kota });
    await addUser(deps, 'kesbangpol.serang', 'agency_admin', { agencyId: serang });
    app = await buildApp(deps);
    s = await signIn(app, 'kesbangpol');
    const res = await app.inject({ method: 'POST', url: '/api/v1/pledge-campaigns', ...s, payload: { agencyId: kota, electionId: 'pemilu-2024', opensOn: '2023-11-02', closesOn: '2023-11-13' } });
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json().id;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const code = async () => {
    const body = (await deps.db.query<{ body: string }>("SELECT body FROM notification_outbox ORDER BY created_at DESC LIMIT 1")).rows[0]!.body;
    return body.match(/\b(\d{6})\b/)![1]!;
  };
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
  const upload = (session: { cookies: Record<string, string>; headers: Record<string, string> }, fields: Record<string, string>, file: Parameters<typeof multipart>[1]) => {
    const body = multipart(fields, file);
    return { cookies: session.cookies, payload: body.payload, headers: { ...session.headers, ...body.headers } };
  };
  // one sign-in per admin: a TOTP code is accepted once
  let serangS: Awaited<ReturnType<typeof signIn>> | undefined;
  const serangSession = async () => (serangS ??= await signIn(app, 'kesbangpol.serang'));

  it('signs with a one-time code sent to the registered contact; coverage moves; the code verifies publicly', async () => {
    const before = (await app.inject({ method: 'GET', url: `/api/v1/pledge-campaigns/${campaign}/coverage`, ...s })).json();
    expect(before.total).toMatchObject({ required: 2, signed: 0, missing: 2 });
    const sent = await post('/api/v1/public/pledges/code', { campaignId: campaign, nip: '198609262015051001' });
    expect(sent.json().sentTo).toBe('b***@example.go.id');
    const c = await code();
    const signed = await post('/api/v1/public/pledges/sign', { campaignId: campaign, nip: '198609262015051001', code: c, emeteraiSerial: 'ABCDEFGHIJ0123456789XY' });
    expect(signed.statusCode, signed.body).toBe(201);
    const verify = (await app.inject({ method: 'GET', url: `/api/v1/public/pledges/verify/${signed.json().verifyCode}` })).json();
    expect(verify).toMatchObject({ status: 'valid', name: 'B*** S******', agency: 'Pemerintah Kota Bekasi' });
    const after = (await app.inject({ method: 'GET', url: `/api/v1/pledge-campaigns/${campaign}/coverage`, ...s })).json();
    expect(after.total).toMatchObject({ required: 2, signed: 1, missing: 1, percent: 50 });
    // replaying the used code, and signing twice, are refused
    expect((await post('/api/v1/public/pledges/sign', { campaignId: campaign, nip: '198609262015051001', code: c })).json().code).toBe('PLEDGE_ALREADY_SIGNED');
    expect((await post('/api/v1/public/pledges/code', { campaignId: campaign, nip: '198609262015051001' })).json().code).toBe('PLEDGE_ALREADY_SIGNED');
    // revocation shows on the public page
    expect((await app.inject({ method: 'POST', url: `/api/v1/pledges/${signed.json().pledgeId}/revoke`, ...s, payload: { reason: 'Ditandatangani oleh orang lain' } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/pledges/verify/${signed.json().verifyCode}` })).json().status).toBe('revoked');
  });

  it('refuses outside the scope and outside the period with clear messages', async () => {
    const out = await post('/api/v1/public/pledges/code', { campaignId: campaign, nip: '197505052000031004' });
    expect(out.json().code).toBe('PLEDGE_OUT_OF_SCOPE');
    clock.advance(15 * 86_400_000);
    const late = await post('/api/v1/public/pledges/code', { campaignId: campaign, nip: '197001011995032002' });
    expect(late.json()).toMatchObject({ code: 'PLEDGE_OUTSIDE_PERIOD', message: {
      id: 'Penandatanganan hanya dibuka 2 November 2023 s.d. 13 November 2023.', en: 'Signing is open only from 2 November 2023 to 13 November 2023.',
    } });
    clock.advance(-15 * 86_400_000);
  });

  it('concurrent double submissions create one pledge', async () => {
    await post('/api/v1/public/pledges/code', { campaignId: campaign, nip: '197001011995032002' });
    const c = await code();
    const both = await Promise.all([1, 2].map(() => post('/api/v1/public/pledges/sign', { campaignId: campaign, nip: '197001011995032002', code: c })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]); // the second is told the pledge stands
    const n = (await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pledges p JOIN employees e ON e.id = p.employee_id WHERE e.nip = '197001011995032002'")).rows[0]!.n;
    expect(n).toBe(1);
  });

  it('records a ceremony from an attendance list', async () => {
    const r = (await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/ceremonies`, ...s, payload: { nips: ['198609262015051001', '197001011995032002', '197505052000031004'] } })).json();
    // Budi's pledge was revoked, so he signs again at the ceremony; Ani had signed already
    expect(r).toEqual({ ceremonyId: expect.any(String), signed: 1, alreadySigned: 1, notCovered: ['197505052000031004'] });
  });

  it('keeps each ceremony with its witnesses and its scanned signed sheet, sealed; other agencies see none of it', async () => {
    const rec = await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/ceremonies`, ...s, payload: {
      nips: ['197001011995032002'], heldOn: '2023-11-03', place: 'Plaza Pemkot Bekasi', witnesses: 'Sekda, Pj Wali Kota, Ketua Bawaslu Kota Bekasi',
    } });
    expect(rec.json()).toMatchObject({ signed: 0, alreadySigned: 1, notCovered: [] });
    const { ceremonyId } = rec.json();
    expect((await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/ceremonies`, ...s, payload: { nips: ['197001011995032002'], heldOn: '2023-11-05' } })).json())
      .toMatchObject({ status: 400, code: 'CEREMONY_IN_FUTURE' });
    const sheetUrl = `/api/v1/pledge-campaigns/${campaign}/ceremonies/${ceremonyId}/sheet`;
    // a text file dressed as a PDF is refused and nothing is attached
    const fake = await app.inject({ method: 'POST', url: sheetUrl, ...upload(s, {}, { name: 'lembar.pdf', type: 'application/pdf', data: Buffer.from('bukan pdf sama sekali') }) });
    expect(fake.statusCode).toBe(400);
    // a signed sheet is a scan or a photo: a real text file is not one
    const note = await app.inject({ method: 'POST', url: sheetUrl, ...upload(s, {}, { name: 'catatan.txt', type: 'text/plain', data: Buffer.from('daftar hadir diketik ulang') }) });
    expect(note.json()).toMatchObject({ status: 400, code: 'CEREMONY_SHEET_TYPE' });
    // any type evidence would not take either: the refusal names what a sheet may be, not the evidence types (video, audio, text)
    const archive = await app.inject({ method: 'POST', url: sheetUrl, ...upload(s, {}, { name: 'lembar.bin', type: 'application/octet-stream', data: Buffer.from([0, 1, 2, 3, 0xfe, 0xff, 0, 0x10, 0x80, 0x7f, 0, 9]) }) });
    for (const refused of [note, archive])
      expect(refused.json()).toMatchObject({ status: 400, code: 'CEREMONY_SHEET_TYPE', message: { id: expect.stringContaining('harus berupa PDF atau gambar'), en: expect.stringContaining('must be a PDF or an image') } });
    expect(archive.body).not.toMatch(/video|audio|teks/i);
    const scan = await sharp({ create: { width: 200, height: 280, channels: 3, background: '#fff' } }).png().toBuffer();
    const up = await app.inject({ method: 'POST', url: sheetUrl, ...upload(s, {}, { name: 'lembar-ttd.png', type: 'image/png', data: scan }) });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ mime: 'image/png', size: scan.length, sha256: crypto.createHash('sha256').update(scan).digest('hex') });
    expect((await app.inject({ method: 'POST', url: sheetUrl, ...upload(s, {}, { name: 'lagi.png', type: 'image/png', data: scan }) })).json().code).toBe('CEREMONY_SHEET_EXISTS');
    const list = (await app.inject({ method: 'GET', url: `/api/v1/pledge-campaigns/${campaign}/ceremonies`, ...s })).json().items;
    expect(list.map((c: { heldOn: string }) => c.heldOn)).toEqual(['2023-11-04', '2023-11-03']); // newest first
    expect(list[1]).toMatchObject({ id: ceremonyId, heldOn: '2023-11-03', place: 'Plaza Pemkot Bekasi', witnesses: expect.stringContaining('Bawaslu'), listed: 1, signed: 0, sheet: { sha256: up.json().sha256 } });
    const got = await app.inject({ method: 'GET', url: sheetUrl, ...s });
    expect(got.headers['content-disposition']).toMatch(/^attachment/);
    expect(Buffer.compare(got.rawPayload, scan)).toBe(0);
    const opened = (await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'pledge.ceremony_sheet_opened' AND entity_id = $1", [ceremonyId])).rows[0]!.n;
    expect(opened).toBe(1);
    const serangAdmin = await serangSession();
    expect((await app.inject({ method: 'GET', url: `/api/v1/pledge-campaigns/${campaign}/ceremonies`, ...serangAdmin })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: sheetUrl, ...serangAdmin })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: sheetUrl, ...upload(serangAdmin, {}, { name: 'x.png', type: 'image/png', data: scan }) })).statusCode).toBe(404);
  });
  it('shows coverage over time: standing signatures per local day of the period up to today, within scope', async () => {
    const tl = await app.inject({ method: 'GET', url: `/api/v1/pledge-campaigns/${campaign}/timeline`, ...s });
    expect(tl.statusCode, tl.body).toBe(200);
    // clock: 2023-11-04 09:00 WIB; Budi (signed, revoked, signed again at the ceremony) and Ani signed today
    expect(tl.json()).toEqual({ required: 2, days: [
      { date: '2023-11-02', signed: 0, cumulative: 0 }, { date: '2023-11-03', signed: 0, cumulative: 0 }, { date: '2023-11-04', signed: 2, cumulative: 2 },
    ] });
    const serangAdmin = await serangSession();
    expect((await app.inject({ method: 'GET', url: `/api/v1/pledge-campaigns/${campaign}/timeline`, ...serangAdmin })).statusCode).toBe(404);
  });

  it('lists the campaigns in scope with their coverage, and shows the public signing page the text it signs', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/v1/pledge-campaigns', ...s })).json().items;
    expect(list).toEqual([expect.objectContaining({ id: campaign, agencyName: 'Pemerintah Kota Bekasi', required: 2, signed: 2, missing: 0, percent: 100, open: true, employmentTypes: ['PNS', 'PPPK', 'NON_ASN'] })]);
    const pub = await app.inject({ method: 'GET', url: `/api/v1/public/pledges/campaigns/${campaign}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ id: campaign, agency: 'Pemerintah Kota Bekasi', opensOn: '2023-11-02', closesOn: '2023-11-13', open: true });
    expect(pub.json().body).toMatch(/netral/i);
    expect(pub.json().contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(pub.json())).not.toMatch(/Budi|Ani|1986/); // nothing about who signed
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/pledges/campaigns/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    // another agency's admin sees none of it
    const serangAdmin = await serangSession();
    expect((await app.inject({ method: 'GET', url: '/api/v1/pledge-campaigns', ...serangAdmin })).json().items).toEqual([]);
  });

  it('tells a wrong, expired, locked or used code apart; a code spent on an existing pledge signs nothing', async () => {
    const kota = (await deps.db.query<{ agency_id: string }>('SELECT agency_id FROM pledge_campaigns WHERE id = $1', [campaign])).rows[0]!.agency_id;
    const nip = '199203152019032005';
    await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, employmentType: 'PNS', nip, name: 'Citra Dewi', active: true, contact: { email: 'citra@example.go.id' } });
    // through the services: the per-NIP request limit of the public endpoints is tested elsewhere
    const sign = (c: string) => signWithCode(deps, { campaignId: campaign, nip, code: c }).then(
      (r) => ({ status: 201, code: 'SIGNED', pledgeId: r.pledgeId }),
      (err: { status: number; code: string }) => ({ status: err.status, code: err.code, pledgeId: null }),
    );
    let minutes = 0;
    const newCode = async () => {
      clock.advance(60_000); // a minute between codes, so "the latest code" is one
      minutes++;
      await requestSigningCode(deps, { campaignId: campaign, nip });
      return code();
    };
    const wrong = (c: string) => (c === '000000' ? '111111' : '000000');
    const otp = async () => (await deps.db.query<{ attempts: number; used: boolean }>(
      "SELECT o.attempts, o.used_at IS NOT NULL AS used FROM pledge_otps o JOIN employees e ON e.id = o.employee_id WHERE e.nip = $1 ORDER BY o.expires_at DESC LIMIT 1", [nip],
    )).rows[0]!;

    // wrong, then expired
    const c1 = await newCode();
    expect(await sign(wrong(c1))).toMatchObject({ status: 400, code: 'PLEDGE_CODE_INVALID' });
    expect(await otp()).toEqual({ attempts: 1, used: false });
    clock.advance(11 * 60_000);
    expect((await sign(c1)).code).toBe('PLEDGE_CODE_EXPIRED');
    clock.advance(-11 * 60_000);

    // five wrong tries lock the code even when the right one follows, also when the guesses arrive together
    const c2 = await newCode();
    const guesses = await Promise.all(Array.from({ length: 8 }, () => sign(wrong(c2))));
    expect(new Set(guesses.map((g) => g.code))).toEqual(new Set(['PLEDGE_CODE_INVALID']));
    expect(await otp()).toEqual({ attempts: 5, used: false });
    expect((await sign(c2)).code).toBe('PLEDGE_CODE_EXPIRED');

    // a good code signs: the pledge, its download token and exactly one audit entry under the returned id
    const c3 = await newCode();
    const { status, pledgeId } = await sign(` ${c3} `);
    expect(status).toBe(201);
    const rows = async (sql: string) => (await deps.db.query<{ n: number }>(sql, [pledgeId])).rows[0]!.n;
    expect(await rows('SELECT count(*)::int AS n FROM pledges WHERE id = $1 AND revoked_at IS NULL')).toBe(1);
    expect(await rows('SELECT count(*)::int AS n FROM pledge_download_tokens WHERE pledge_id = $1')).toBe(1);
    expect(await rows("SELECT count(*)::int AS n FROM audit_events WHERE action = 'pledge.signed' AND entity_id = $1::text")).toBe(1);

    // after a revocation the spent code stays spent
    expect((await app.inject({ method: 'POST', url: `/api/v1/pledges/${pledgeId}/revoke`, ...s, payload: { reason: 'Salah orang' } })).statusCode).toBe(204);
    expect((await sign(c3)).code).toBe('PLEDGE_CODE_USED');

    // a valid code meets a pledge recorded meanwhile at a ceremony: refused as signed, code spent, no second pledge
    const c4 = await newCode();
    expect((await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/ceremonies`, ...s, payload: { nips: [nip] } })).json()).toMatchObject({ signed: 1 });
    expect(await sign(c4)).toMatchObject({ status: 409, code: 'PLEDGE_ALREADY_SIGNED' });
    expect((await otp()).used).toBe(true);
    const standing = (await deps.db.query<{ method: string }>('SELECT p.method FROM pledges p JOIN employees e ON e.id = p.employee_id WHERE e.nip = $1 AND p.revoked_at IS NULL', [nip])).rows;
    expect(standing).toEqual([{ method: 'ceremony' }]);
    clock.advance(-minutes * 60_000);
  });

  it('offers the standard pledge texts and versions of the agency\'s own; a campaign signs the text it was opened with', async () => {
    const kota = (await deps.db.query<{ agency_id: string }>('SELECT agency_id FROM pledge_campaigns WHERE id = $1', [campaign])).rows[0]!.agency_id;
    const serang = (await deps.db.query<{ id: string }>("SELECT id FROM agencies WHERE name = 'Pemerintah Kabupaten Serang'")).rows[0]!.id;
    const list = async (agencyId: string, as = s) => app.inject({ method: 'GET', url: `/api/v1/pledge-templates?agencyId=${agencyId}`, ...as });
    const standard = (await list(kota)).json().items;
    expect(standard.map((t: { kind: string; version: number; agencyId: string | null }) => [t.kind, t.version, t.agencyId])).toEqual([
      ['ikrar', 1, null], ['pakta_integritas', 1, null], ['surat_pernyataan', 1, null],
    ]);
    expect(standard.every((t: { source: string | null; body: string }) => t.source && /netral/i.test(t.body))).toBe(true);
    // the campaign opened without a template signs the standard surat pernyataan
    const sp = standard.find((t: { kind: string }) => t.kind === 'surat_pernyataan');
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/pledges/campaigns/${campaign}` })).json().contentHash).toBe(sp.contentHash);

    const add = (body: string, as = s, agencyId = kota) => app.inject({ method: 'POST', url: '/api/v1/pledge-templates', ...as, payload: { agencyId, kind: 'pakta_integritas', title: 'Pakta Integritas Netralitas ASN Kota Bekasi', body } });
    const v1 = await add('Saya berjanji menjaga netralitas ASN Kota Bekasi pada Pilkada 2024.');
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ version: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const v2 = await add('Saya berjanji menjaga netralitas ASN Kota Bekasi pada Pemilu dan Pilkada 2024.');
    expect(v2.json().version).toBe(2);
    expect((await add('Saya berjanji menjaga netralitas ASN Kota Bekasi pada Pilkada 2024.')).json()).toMatchObject({ status: 409, code: 'TEMPLATE_UNCHANGED', message: { en: expect.stringContaining('version 1') } });
    expect((await app.inject({ method: 'POST', url: '/api/v1/pledge-templates', ...s, payload: { agencyId: kota, kind: 'sumpah', title: 'X', body: 'x' } })).statusCode).toBe(400);
    // another agency's admin neither sees nor writes Kota Bekasi's texts, nor opens a campaign with them
    const serangAdmin = await serangSession();
    expect((await list(kota, serangAdmin)).statusCode).toBe(403);
    expect((await add('Teks lain tentang netralitas ASN yang cukup panjang.', serangAdmin)).statusCode).toBe(403);
    const foreign = await app.inject({ method: 'POST', url: '/api/v1/pledge-campaigns', ...serangAdmin, payload: { agencyId: serang, templateId: v2.json().id, electionId: 'pilkada-2024', opensOn: '2023-11-02', closesOn: '2023-11-13' } });
    expect(foreign.json()).toMatchObject({ status: 400, code: 'TEMPLATE_UNKNOWN' });
    expect((await list(serang, serangAdmin)).json().items.some((t: { agencyId: string | null }) => t.agencyId === kota)).toBe(false);

    const opened = await app.inject({ method: 'POST', url: '/api/v1/pledge-campaigns', ...s, payload: { agencyId: kota, templateId: v2.json().id, electionId: 'pilkada-2024', opensOn: '2023-11-02', closesOn: '2023-11-13' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const page = (await app.inject({ method: 'GET', url: `/api/v1/public/pledges/campaigns/${opened.json().id}` })).json();
    expect(page).toMatchObject({ title: 'Pakta Integritas Netralitas ASN Kota Bekasi', contentHash: v2.json().contentHash, body: expect.stringContaining('Pemilu dan Pilkada 2024') });
  });

  it('lets an employee sign through their own account, once; other accounts cannot', async () => {
    const kota = (await deps.db.query<{ agency_id: string }>('SELECT agency_id FROM pledge_campaigns WHERE id = $1', [campaign])).rows[0]!.agency_id;
    const dedi = await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, employmentType: 'PNS', nip: '198807172014021003', name: 'Dedi Kurniawan', active: true });
    await addUser(deps, 'dedi', 'employee', { employeeId: dedi.id });
    const own = await signIn(app, 'dedi');
    // the employee sees what is theirs to sign, and then what they signed
    const mine = async () => (await app.inject({ method: 'GET', url: '/api/v1/me/pledge-campaigns', ...own })).json().items as { campaignId: string; period: string; pledge: { id: string; verifyCode: string } | null }[];
    expect((await mine()).find((c) => c.campaignId === campaign)).toMatchObject({ period: 'open', pledge: null });
    const signed = await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/sign`, ...own, payload: {} });
    expect(signed.statusCode, signed.body).toBe(201);
    expect((await mine()).find((c) => c.campaignId === campaign)).toMatchObject({ period: 'open', pledge: { id: signed.json().pledgeId, verifyCode: signed.json().verifyCode } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/pledge-campaigns', ...s })).statusCode).toBe(403);
    const row = (await deps.db.query<{ method: string; employee_id: string }>('SELECT method, employee_id FROM pledges WHERE id = $1', [signed.json().pledgeId])).rows[0];
    expect(row).toEqual({ method: 'account', employee_id: dedi.id });
    const audit = (await deps.db.query<{ actor_label: string }>("SELECT actor_label FROM audit_events WHERE action = 'pledge.signed' AND entity_id = $1", [signed.json().pledgeId])).rows;
    expect(audit).toEqual([{ actor_label: 'dedi' }]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/pledges/verify/${signed.json().verifyCode}` })).json()).toMatchObject({ status: 'valid', method: 'account' });
    expect((await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/sign`, ...own, payload: {} })).json()).toMatchObject({ status: 409, code: 'PLEDGE_ALREADY_SIGNED' });
    // another agency's admin cannot make an account in Dedi's name (which could then sign for him)
    const serangAdmin = await serangSession();
    const serang = (await deps.db.query<{ id: string }>("SELECT id FROM agencies WHERE name = 'Pemerintah Kabupaten Serang'")).rows[0]!.id;
    const fake = (extra: object) => app.inject({ method: 'POST', url: '/api/v1/users', ...serangAdmin, payload: { username: 'dedi.palsu', displayName: 'Dedi', password: 'correct horse battery', role: 'employee', employeeId: dedi.id, ...extra } });
    expect((await fake({ agencyId: serang })).json()).toMatchObject({ status: 400, code: 'GRANT_INVALID' });
    // (the users module answers an out-of-scope employee like an unknown one, or with GRANT_OUT_OF_SCOPE: either way, refused)
    expect([400, 403]).toContain((await fake({})).statusCode);
    expect((await deps.db.query("SELECT 1 FROM users WHERE username = 'dedi.palsu'")).rowCount).toBe(0);
    // an official's account is not an employee's: nothing to sign with
    expect((await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/sign`, ...s, payload: {} })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/sign`, payload: {} })).statusCode).toBe(401);
    // outside the period
    clock.advance(15 * 86_400_000);
    await deps.db.query('UPDATE pledges SET revoked_at = now(), revoke_reason = $2 WHERE id = $1', [signed.json().pledgeId, 'uji']);
    const later = await signIn(app, 'dedi');
    expect((await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/sign`, ...later, payload: {} })).json().code).toBe('PLEDGE_OUTSIDE_PERIOD');
    clock.advance(-15 * 86_400_000);
  });

  it('extends or renames a campaign; never to close before its opening or before a pledge already signed', async () => {
    const change = (payload: object, session = s) => app.inject({ method: 'PATCH', url: `/api/v1/pledge-campaigns/${campaign}`, ...session, payload });
    // pledges were signed on 4 November (local time): the campaign cannot close on the 3rd
    const early = await change({ closesOn: '2023-11-03' });
    expect([early.statusCode, early.json().code]).toEqual([400, 'PERIOD_BEFORE_SIGNATURES']);
    // dates in words, as people read them, in both languages
    expect(early.json().message).toEqual({
      id: 'Tanggal tutup 3 November 2023 sebelum pernyataan terakhir yang ditandatangani (4 November 2023).',
      en: 'The closing date 3 November 2023 is before the last pledge signed (4 November 2023).',
    });
    const beforeOpening = (await change({ closesOn: '2023-11-01' })).json();
    expect(beforeOpening.code).toBe('PERIOD_INVALID');
    expect(beforeOpening.message).toEqual({ id: 'Tanggal tutup 1 November 2023 sebelum tanggal buka 2 November 2023.', en: 'The closing date 1 November 2023 is before the opening date 2 November 2023.' });
    const empty = await change({});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message.id).toContain('isi judul atau tanggal tutup');
    expect((await change({ title: '\u200b\u200b\u200b' })).statusCode).toBe(400);
    expect((await change({ closesOn: '2023-11-30' }, await serangSession())).statusCode).toBe(404);
    const ok = await change({ closesOn: '2023-11-30', title: 'Pernyataan netralitas ASN Kota Bekasi (diperpanjang)' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ id: campaign, title: 'Pernyataan netralitas ASN Kota Bekasi (diperpanjang)', opensOn: '2023-11-02', closesOn: '2023-11-30' });
    const audit = (await deps.db.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'pledge.campaign_changed'", [campaign])).rows;
    expect(audit).toHaveLength(1);
    // after the old closing day, the extended campaign still takes signatures
    clock.advance(15 * 86_400_000);
    try {
      const sent = await post('/api/v1/public/pledges/code', { campaignId: campaign, nip: '198609262015051001' });
      expect(sent.json().code).toBe('PLEDGE_ALREADY_SIGNED'); // not PLEDGE_OUTSIDE_PERIOD: the period now runs to 30 November
    } finally {
      clock.advance(-15 * 86_400_000);
    }
  });
});
