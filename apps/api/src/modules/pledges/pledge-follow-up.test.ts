/**
 * Pledge follow-up against both databases: the signed PDF with its QR code (admin, employee and the
 * self-service one-time download), coverage breakdowns with drill-down, the missing list and its
 * exports, and daily reminders delivered through a real local SMTP server and a WhatsApp stand-in.
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, TestClock, addUser, freshDb, makeDeps, signIn, type TestApp } from '../../../test/harness.ts';
import { startNoticeServers, type NoticeServers } from '../../../test/notice-servers.ts';
import { pdfQr, pdfText } from '../../../test/pdf-inspect.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { sealAudit, verifyAuditChain } from '../../platform/audit.ts';
import { createNotifier } from '../../platform/notify.ts';
import { createAgency, createUnit } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';
import { sendReminders } from './pledge-follow-up.service.ts';

describe.each(DB_KINDS)('pledge follow-up on %s', (kind) => {
  let servers: NoticeServers;
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  const clock = new TestClock(new Date('2023-11-04T02:00:00Z'));
  const ids: Record<string, string> = {};
  let campaign: string;
  let signed: { pledgeId: string; verifyCode: string; downloadToken: string };
  let admin: Awaited<ReturnType<typeof signIn>>;
  // one sign-in per account: a TOTP code is accepted once per 30-second step
  const sessions = new Map<string, Promise<Awaited<ReturnType<typeof signIn>>>>();
  const as = (username: string) => sessions.get(username) ?? sessions.set(username, signIn(app, username)).get(username)!;

  beforeAll(async () => {
    servers = await startNoticeServers();
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock, servers.config);
    deps.notifier = createNotifier(deps.config);
    const kota = (ids.kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id);
    const serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
    ids.kecCode = (await deps.db.query<{ code: string }>("SELECT code FROM regions WHERE parent_code = '32.75' ORDER BY code LIMIT 1")).rows[0]!.code;
    ids.kec = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, kota, { name: 'Kecamatan Bekasi Barat', kind: 'kecamatan', regionCode: ids.kecCode })).id;
    ids.kel = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, kota, { name: 'Kelurahan Bintara', kind: 'kelurahan', parentId: ids.kec })).id;
    ids.dik = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, kota, { name: 'Dinas Pendidikan', kind: 'opd' })).id;
    const add = async (key: string, input: Record<string, unknown>) =>
      (ids[key] = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, active: true, ...input } as Parameters<typeof createEmployee>[3])).id);
    await add('budi', { employmentType: 'PNS', nip: '198609262015051001', name: 'Budi Santoso', position: 'Camat', unitId: ids.kec, contact: { email: 'budi@example.go.id' } });
    await add('ani', { employmentType: 'PPPK', nip: '199001012021012001', name: 'Ani Lestari', unitId: ids.kel, contact: { phone: '+6281200000001' } });
    await add('citra', { employmentType: 'NON_ASN', internalId: 'THL-000001', name: 'Citra Dewi', unitId: ids.dik });
    await add('dedi', { employmentType: 'PNS', nip: '197001011995031002', name: 'Dedi Kurniawan', contact: { email: 'dedi@example.go.id', phone: '+6281200000002' } });
    await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: serang, employmentType: 'PNS', nip: '197505052000031004', name: 'Orang Serang', active: true });
    await addUser(deps, 'kesbangpol', 'agency_admin', { agencyId: kota });
    await addUser(deps, 'adminkec', 'unit_admin', { agencyId: kota, unitId: ids.kec, email: 'adminkec@example.go.id' });
    await addUser(deps, 'admindik', 'unit_admin', { agencyId: kota, unitId: ids.dik, phone: '+6281299999999' });
    await addUser(deps, 'adminserang', 'agency_admin', { agencyId: serang });
    await addUser(deps, 'budi', 'employee', { employeeId: ids.budi });
    await addUser(deps, 'ani', 'employee', { employeeId: ids.ani });
    app = await buildApp(deps);
    admin = await as('kesbangpol');
    const res = await app.inject({ method: 'POST', url: '/api/v1/pledge-campaigns', ...admin, payload: { agencyId: kota, electionId: 'pemilu-2024', opensOn: '2023-11-02', closesOn: '2023-11-13' } });
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json().id;
    // Budi signs himself
    await app.inject({ method: 'POST', url: '/api/v1/public/pledges/code', payload: { campaignId: campaign, nip: '198609262015051001' } });
    const otp = (await deps.db.query<{ body: string }>("SELECT body FROM notification_outbox ORDER BY created_at DESC LIMIT 1")).rows[0]!.body.match(/\b(\d{6})\b/)![1];
    const s = await app.inject({ method: 'POST', url: '/api/v1/public/pledges/sign', payload: { campaignId: campaign, nip: '198609262015051001', code: otp, emeteraiSerial: 'ABCDEFGHIJ0123456789XY' } });
    expect(s.statusCode, s.body).toBe(201);
    signed = s.json();
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
    await servers?.close();
  });

  const get = (url: string, who: Awaited<ReturnType<typeof signIn>> = admin) => app.inject({ method: 'GET', url: `/api/v1${url}`, ...who });
  const audits = async (action: string) => (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE action = $1', [action])).rows[0]!.n;

  it('sends a signing code only on a channel this server can deliver on, and never claims it was sent otherwise', async () => {
    const full = deps.notifier;
    const codeFor = (nip: string) => app.inject({ method: 'POST', url: '/api/v1/public/pledges/code', payload: { campaignId: campaign, nip } });
    const otps = async () => Number((await deps.db.query<{ n: string }>('SELECT count(*) AS n FROM pledge_otps')).rows[0]!.n);
    try {
      // no e-mail server, a WhatsApp gateway: Dedi (e-mail and phone) gets it on WhatsApp
      deps.notifier = createNotifier({ ...deps.config, smtpUrl: undefined });
      const before = await otps();
      const wa = await codeFor('197001011995031002');
      expect([wa.statusCode, wa.json().sentTo]).toEqual([200, '***002']);
      expect(servers.whatsapps.at(-1)?.body.to).toBe('+6281200000002');
      // neither: Ani's phone cannot be reached, and the page must not say "sent"
      deps.notifier = createNotifier({ ...deps.config, smtpUrl: undefined, whatsappUrl: undefined });
      const none = await codeFor('199001012021012001');
      expect([none.statusCode, none.json().code]).toEqual([409, 'PLEDGE_CODE_CHANNEL_UNAVAILABLE']);
      expect(none.json().message.id).toContain('akun pegawai');
      // nothing is kept for a code nobody could receive
      expect(await otps()).toBe(before + 1);
    } finally {
      deps.notifier = full;
    }
  });

  it('lets the self-service signer download the signed PDF once; it carries the text, signer, hash and a QR code of the verify link', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/public/pledges/document', payload: { token: signed.downloadToken } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.rawPayload;
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toContain(signed.verifyCode);
    const text = await pdfText(bytes);
    for (const part of ['Budi Santoso', '198609262015051001', signed.verifyCode, 'ABCDEFGHIJ0123456789XY', 'Menjaga dan menegakkan prinsip netralitas', '4 November 2023 pukul 09.00 WIB', `https://netra.test/verify/${signed.verifyCode}`])
      expect(text).toContain(part);
    // an Indonesian official document: Budi is a PNS, so his number is his NIP; no English, no ISO dates
    expect(text).toContain('NIP: 198609262015051001');
    expect(text).toContain('Tanda tangan mandiri dengan kode sekali pakai');
    expect(text).not.toMatch(/self-service|\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const hash = (await deps.db.query<{ content_hash: string }>('SELECT content_hash FROM pledges WHERE id = $1', [signed.pledgeId])).rows[0]!.content_hash;
    expect(text).toContain(hash);
    expect(await pdfQr(bytes)).toBe(`https://netra.test/verify/${signed.verifyCode}`);
    // the token works once; a guess or a replay is refused
    const again = await app.inject({ method: 'POST', url: '/api/v1/public/pledges/document', payload: { token: signed.downloadToken } });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'PLEDGE_DOWNLOAD_TOKEN_INVALID', message: { id: expect.any(String), en: expect.any(String) } });
    expect(await audits('pledge.document_downloaded')).toBe(1);
  });

  it('serves the signed PDF to the agency admin, the unit admin in scope and the employee, and to no one else', async () => {
    const ok = await get(`/pledges/${signed.pledgeId}/document`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await pdfQr(ok.rawPayload)).toBe(`https://netra.test/verify/${signed.verifyCode}`);
    expect((await get(`/pledges/${signed.pledgeId}/document`, await as('adminkec'))).statusCode).toBe(200);
    expect((await get(`/pledges/${signed.pledgeId}/document`, await as('budi'))).statusCode).toBe(200);
    for (const who of ['admindik', 'adminserang', 'ani']) {
      const res = await get(`/pledges/${signed.pledgeId}/document`, await as(who));
      expect(res.statusCode, who).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await audits('pledge.document_issued')).toBe(3);
  });

  it('breaks coverage down by unit (with drill-down), region and employment type, within the caller scope', async () => {
    const all = (await get(`/pledge-campaigns/${campaign}/coverage`)).json();
    expect(all.total).toEqual({ required: 4, signed: 1, missing: 3, percent: 25 });
    expect(all.unit).toBeNull();
    expect(all.rows).toContainEqual({ unit: 'Kecamatan Bekasi Barat', type: 'PNS', required: 1, signed: 1, missing: 0, percent: 100 });
    expect(all.byUnit).toEqual([
      { unitId: null, name: null, path: null, direct: true, hasChildren: false, required: 1, signed: 0, missing: 1, percent: 0 },
      { unitId: ids.dik, name: 'Dinas Pendidikan', path: 'Dinas Pendidikan', direct: false, hasChildren: false, required: 1, signed: 0, missing: 1, percent: 0 },
      { unitId: ids.kec, name: 'Kecamatan Bekasi Barat', path: 'Kecamatan Bekasi Barat', direct: false, hasChildren: true, required: 2, signed: 1, missing: 1, percent: 50 },
    ]);
    expect(all.byRegion).toEqual([
      { regionCode: '32.75', regionName: expect.any(String), required: 3, signed: 0, missing: 3, percent: 0 },
      { regionCode: ids.kecCode, regionName: expect.any(String), required: 1, signed: 1, missing: 0, percent: 100 },
    ]);
    expect(all.byEmploymentType).toEqual([
      { type: 'PNS', required: 2, signed: 1, missing: 1, percent: 50 },
      { type: 'PPPK', required: 1, signed: 0, missing: 1, percent: 0 },
      { type: 'NON_ASN', required: 1, signed: 0, missing: 1, percent: 0 },
    ]);
    const kec = (await get(`/pledge-campaigns/${campaign}/coverage?unitId=${ids.kec}`)).json();
    expect(kec.unit).toEqual({ id: ids.kec, name: 'Kecamatan Bekasi Barat', path: 'Kecamatan Bekasi Barat' });
    expect(kec.total).toEqual({ required: 2, signed: 1, missing: 1, percent: 50 });
    expect(kec.byUnit.map((u: { name: string; direct: boolean; required: number; signed: number }) => [u.name, u.direct, u.required, u.signed])).toEqual([
      ['Kecamatan Bekasi Barat', true, 1, 1],
      ['Kelurahan Bintara', false, 1, 0],
    ]);
    // a unit admin sees only their subtree; another agency sees nothing; unknown units are 404
    expect((await get(`/pledge-campaigns/${campaign}/coverage`, await as('adminkec'))).json().total).toMatchObject({ required: 2, signed: 1 });
    expect((await get(`/pledge-campaigns/${campaign}/coverage`, await as('adminserang'))).statusCode).toBe(404);
    expect((await get(`/pledge-campaigns/${campaign}/coverage?unitId=00000000-0000-4000-8000-000000000000`)).json().code).toBe('NOT_FOUND');
  });

  it('lists who has not signed, paged, filtered and scoped, without contact data', async () => {
    const page1 = (await get(`/pledge-campaigns/${campaign}/missing?pageSize=2`)).json();
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    const page2 = (await get(`/pledge-campaigns/${campaign}/missing?pageSize=2&page=2`)).json();
    const names = [...page1.items, ...page2.items].map((e: { name: string }) => e.name);
    expect(names).toEqual(['Dedi Kurniawan', 'Citra Dewi', 'Ani Lestari']); // no unit first, then by unit path
    expect(page1.items[0]).toEqual({ employeeId: ids.dedi, nip: '197001011995031002', name: 'Dedi Kurniawan', employmentType: 'PNS', position: null, unitId: null, unitPath: null, regionCode: '32.75', hasContact: true });
    expect(JSON.stringify([page1, page2])).not.toMatch(/example\.go\.id|\+628/);
    expect((await get(`/pledge-campaigns/${campaign}/missing?q=citra`)).json().items.map((e: { nip: string }) => e.nip)).toEqual(['THL-000001']);
    expect((await get(`/pledge-campaigns/${campaign}/missing?unitId=${ids.kec}`)).json().items.map((e: { name: string }) => e.name)).toEqual(['Ani Lestari']);
    expect((await get(`/pledge-campaigns/${campaign}/missing`, await as('admindik'))).json()).toMatchObject({ total: 1, items: [{ name: 'Citra Dewi', hasContact: false }] });
    expect((await get(`/pledge-campaigns/${campaign}/missing`, await as('adminserang'))).statusCode).toBe(404);
  });

  it("lists the campaign's pledges in scope, to reprint or revoke one", async () => {
    const list = (await get(`/pledge-campaigns/${campaign}/pledges`)).json();
    expect(list.total).toBeGreaterThan(0);
    const mine = list.items.find((i: { id: string }) => i.id === signed.pledgeId);
    expect(mine).toMatchObject({ verifyCode: signed.verifyCode, revokedAt: null, method: 'self_service' });
    expect(JSON.stringify(list)).not.toMatch(/example\.go\.id|\+628/);
    expect((await get(`/pledge-campaigns/${campaign}/pledges?q=${encodeURIComponent(mine.name.split(' ')[0])}`)).json().items.map((i: { id: string }) => i.id)).toContain(signed.pledgeId);
    expect((await get(`/pledge-campaigns/${campaign}/pledges?status=revoked`)).json().items.map((i: { id: string }) => i.id)).not.toContain(signed.pledgeId);
    // another unit's admin does not see it; another agency finds no campaign; an employee may not list
    expect((await get(`/pledge-campaigns/${campaign}/pledges`, await as('admindik'))).json().items.map((i: { id: string }) => i.id)).not.toContain(signed.pledgeId);
    expect((await get(`/pledge-campaigns/${campaign}/pledges`, await as('adminserang'))).statusCode).toBe(404);
    expect((await get(`/pledge-campaigns/${campaign}/pledges`, await as('ani'))).statusCode).toBe(403);
  });

  it('exports the missing list as CSV, XLSX and PDF, each audited', async () => {
    const before = await audits('pledge.missing_exported');
    const csv = await get(`/pledge-campaigns/${campaign}/missing/export?format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('nip,nama,jenis,jabatan,unit,kode_wilayah');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['Dedi Kurniawan', 'Citra Dewi', 'Ani Lestari']);
    // employment types in words, as in the PDF
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['PNS', 'Non-ASN', 'PPPK']);
    expect(csv.body).not.toMatch(/example\.go\.id|\+628/);
    const xlsx = await get(`/pledge-campaigns/${campaign}/missing/export?format=xlsx&unitId=${ids.kec}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await get(`/pledge-campaigns/${campaign}/missing/export?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const n of ['Dedi Kurniawan', 'Citra Dewi', 'Ani Lestari', 'THL-000001', 'Non-ASN']) expect(text).toContain(n);
    expect(text).not.toContain('Budi Santoso');
    expect(text).not.toContain('NON_ASN');
    expect(await audits('pledge.missing_exported')).toBe(before + 3);
    // the employee role may not export; another agency finds no campaign
    expect((await get(`/pledge-campaigns/${campaign}/missing/export`, await as('ani'))).statusCode).toBe(403);
    expect((await get(`/pledge-campaigns/${campaign}/missing/export`, await as('adminserang'))).statusCode).toBe(404);
  });

  it('reminds the missing employees and summarises per unit admin, once per local day', async () => {
    const { mails, whatsapps } = servers;
    mails.length = 0;
    whatsapps.length = 0;
    const post = (who = admin) => app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/reminders`, ...who });
    expect((await post(await as('adminkec'))).statusCode).toBe(403);
    expect((await post(await as('adminserang'))).statusCode).toBe(404);
    const first = await post();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ alreadySent: false, localDate: '2023-11-04', employeesReminded: 2, withoutContact: 1, summaries: 2, unitsWithoutContact: 0, unitAdminsWithoutContact: 0 });
    // notices are queued for the background sender, not sent yet when the answer comes
    expect(first.json().message).toEqual({
      id: '2 pengingat dan 2 rekap unit diantrekan untuk dikirim; 1 pegawai tanpa kontak terdaftar.',
      en: '2 reminders and 2 unit summaries queued for sending; 1 employees have no registered contact.',
    });
    await expect.poll(() => mails.length + whatsapps.length, { timeout: 10_000 }).toBe(4);
    expect(mails.map((m) => m.to).sort()).toEqual(['adminkec@example.go.id', 'dedi@example.go.id']);
    expect(whatsapps.map((w) => w.body.to).sort()).toEqual(['+6281200000001', '+6281299999999']);
    const summary = mails.find((m) => m.to === 'adminkec@example.go.id')!.data;
    expect(summary).toContain('1 dari 2 pegawai');
    expect(summary).toContain('Penandatanganan ditutup 13 November 2023.');
    // reminders name nobody: a misdirected message leaks nothing
    for (const m of [...mails.map((x) => x.data), ...whatsapps.map((x) => x.body.text)]) expect(m).not.toMatch(/Ani|Citra|Dedi|Budi/);
    const queued = (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notification_outbox')).rows[0]!.n;
    const again = (await post()).json();
    expect(again).toMatchObject({ alreadySent: true, employeesReminded: 0, summaries: 0, message: { id: expect.stringContaining('(4 November 2023)'), en: expect.stringContaining('already queued today (4 November 2023)') } });
    expect((await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notification_outbox')).rows[0]!.n).toBe(queued);
    // the day is the campaign's local day (WIB): 23:30 is still today, 00:30 is tomorrow. Sessions
    // would expire over these clock jumps, so the service is called with the admin's principal.
    const userId = (await deps.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'kesbangpol'")).rows[0]!.id;
    const principal = { userId, username: 'kesbangpol', displayName: 'kesbangpol', grants: [{ id: 'g', role: 'agency_admin' as const, regionCode: null, agencyId: ids.kota!, unitId: null, unitIdPath: null, employeeId: null }] };
    clock.advance(14.5 * 3_600_000);
    expect((await sendReminders(deps, principal, campaign)).alreadySent).toBe(true);
    clock.advance(3_600_000);
    expect(await sendReminders(deps, principal, campaign)).toMatchObject({ alreadySent: false, localDate: '2023-11-05' });
    // two admins pressing the button at once: one run
    clock.advance(86_400_000);
    const both = await Promise.all([1, 2].map(() => sendReminders(deps, principal, campaign)));
    expect(both.map((r) => r.alreadySent).sort()).toEqual([false, true]);
    clock.advance(-86_400_000);
    // after the closing day there is nothing to remind
    clock.advance(10 * 86_400_000);
    await expect(sendReminders(deps, principal, campaign)).rejects.toMatchObject({ status: 400, code: 'PLEDGE_OUTSIDE_PERIOD' });
    clock.advance(-(10 * 86_400_000 + 15.5 * 3_600_000));
    expect(await audits('pledge.reminders_sent')).toBe(3);
  });

  /** A new campaign over the whole agency, open on the test's day: nobody has signed it. */
  const openCampaign = async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/pledge-campaigns', ...admin, payload: { agencyId: ids.kota, electionId: 'pemilu-2024', opensOn: '2023-11-02', closesOn: '2023-11-13' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const remind = (id: string, q = '') => app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${id}/reminders${q}`, ...admin });

  it('reminds on a channel this server can deliver on, and says how many it cannot reach instead of queuing notices nobody sends', async () => {
    const full = deps.notifier;
    const skipped = async () => (await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM notification_outbox WHERE status = 'skipped'")).rows[0]!.n;
    // the notices of earlier runs are delivered first: the sender below would take them too
    await expect.poll(async () => (await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM notification_outbox WHERE status IN ('pending', 'sending')")).rows[0]!.n, { timeout: 10_000 }).toBe(0);
    const skippedBefore = await skipped();
    try {
      // a WhatsApp gateway and no e-mail server: Dedi (e-mail and phone) and Ani (phone) on WhatsApp; Budi has only an e-mail
      deps.notifier = createNotifier({ ...deps.config, smtpUrl: undefined });
      servers.mails.length = 0;
      servers.whatsapps.length = 0;
      const res = await remind(await openCampaign());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        alreadySent: false, employeesReminded: 2, withoutContact: 1, unreachable: 1, unavailableChannel: 'email',
        // the Dinas Pendidikan admin has a phone; the Kecamatan admin only an e-mail, so the Kecamatan and its Kelurahan get no summary
        summaries: 1, unitsWithoutContact: 2, unitAdminsWithoutContact: 0, unitAdminsUnreachable: 1,
      });
      expect(res.json().message.id).toContain('1 pegawai tidak diingatkan: kontak terdaftarnya hanya email, dan pengiriman email belum diaktifkan di server ini.');
      expect(res.json().message.en).toContain('1 employees were not reminded: their only registered contact is email');
      expect(res.json().message.id).toContain('1 akun admin unit tidak menerima rekap');
      await expect.poll(() => servers.whatsapps.length, { timeout: 10_000 }).toBe(3);
      expect(servers.whatsapps.map((w) => w.body.to).sort()).toEqual(['+6281200000001', '+6281200000002', '+6281299999999']);
      expect(servers.mails).toEqual([]);
      // nothing was queued that the sender then skipped
      expect(await skipped()).toBe(skippedBefore);
      // neither channel: refused, and no run is kept for the day (reminders can go once delivery is set up)
      deps.notifier = createNotifier({ ...deps.config, smtpUrl: undefined, whatsappUrl: undefined });
      const none = await openCampaign();
      const refused = await remind(none);
      expect([refused.statusCode, refused.json().code]).toEqual([409, 'PLEDGE_REMINDER_CHANNEL_UNAVAILABLE']);
      expect((await deps.db.query('SELECT 1 FROM pledge_reminder_runs WHERE campaign_id = $1', [none])).rowCount).toBe(0);
    } finally {
      deps.notifier = full;
    }
  });

  it('reminds only the staff of the unit the page is drilled into, once a day per unit, and the whole campaign after without reminding anyone twice', async () => {
    const id = await openCampaign();
    const path = async (unit: string) => (await deps.db.query<{ path: string }>('SELECT path FROM units WHERE id = $1', [unit])).rows[0]!.path;
    const [kecPath, kelPath] = [await path(ids.kec!), await path(ids.kel!)];
    // the Kelurahan: Ani, reminded on WhatsApp; the Kecamatan admin above it gets that Kelurahan's count
    const kel = await remind(id, `?unitId=${ids.kel}`);
    expect(kel.statusCode, kel.body).toBe(200);
    expect(kel.json()).toMatchObject({ alreadySent: false, employeesReminded: 1, withoutContact: 0, summaries: 1 });
    expect(kel.json().message.id).toContain(`(${kelPath})`);
    const summaryToKec = (await deps.db.query<{ subject: string; body: string }>(
      "SELECT subject, body FROM notification_outbox WHERE recipient = 'adminkec@example.go.id' AND body LIKE '%' || $1 || '%'", [id],
    )).rows;
    expect(summaryToKec).toEqual([{ subject: `Rekap pernyataan netralitas: ${kelPath}`, body: expect.stringContaining(`1 dari 1 pegawai di ${kelPath} belum`) }]);
    expect(summaryToKec[0]!.body).toContain(`?unit=${ids.kel}`);
    // the Kecamatan: Budi only (Ani was reminded today), the Kecamatan's own count to its admin
    expect((await remind(id, `?unitId=${ids.kec}`)).json()).toMatchObject({ alreadySent: false, employeesReminded: 1, summaries: 1, message: { id: expect.stringContaining(`(${kecPath})`) } });
    // the Kelurahan again: covered today by the run over the Kecamatan
    const again = (await remind(id, `?unitId=${ids.kel}`)).json();
    expect(again).toMatchObject({ alreadySent: true, employeesReminded: 0 });
    expect(again.message.id).toContain(`Pengingat untuk ${kelPath} sudah diantrekan hari ini (4 November 2023)`);
    // Dinas Pendidikan: Citra has no contact
    expect((await remind(id, `?unitId=${ids.dik}`)).json()).toMatchObject({ alreadySent: false, employeesReminded: 0, withoutContact: 1, summaries: 1 });
    // the whole campaign: only Dedi is left to remind; every unit admin had their summary today
    expect((await remind(id)).json()).toMatchObject({ alreadySent: false, employeesReminded: 1, withoutContact: 0, summaries: 0, unitsWithoutContact: 0 });
    expect((await remind(id)).json()).toMatchObject({ alreadySent: true });
    expect((await remind(id, `?unitId=${ids.dik}`)).json()).toMatchObject({ alreadySent: true });
    // each employee was reminded once
    const reminded = (await deps.db.query<{ recipient: string; n: number }>(
      "SELECT recipient, count(*)::int AS n FROM notification_outbox WHERE subject LIKE 'Pengingat%' AND body LIKE '%' || $1 || '%' GROUP BY recipient ORDER BY recipient", [id],
    )).rows;
    expect(reminded).toEqual([{ recipient: '+6281200000001', n: 1 }, { recipient: 'budi@example.go.id', n: 1 }, { recipient: 'dedi@example.go.id', n: 1 }]);
    // a unit of another agency, or none at all, answers 404 like an unknown unit
    const serang = (await deps.db.query<{ id: string }>("SELECT id FROM agencies WHERE region_code = '36.04'")).rows[0]!.id;
    const serangUnit = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, serang, { name: 'Dinas Pendidikan Serang', kind: 'opd' })).id;
    for (const unit of [serangUnit, '00000000-0000-4000-8000-000000000000']) expect((await remind(id, `?unitId=${unit}`)).statusCode).toBe(404);
    const audit = (await deps.db.query<{ details: { unitId: string | null } }>("SELECT details FROM audit_events WHERE action = 'pledge.reminders_sent' AND entity_id = $1 ORDER BY seq", [id])).rows;
    expect(audit.map((a) => a.details.unitId)).toEqual([ids.kel, ids.kec, ids.dik, null]);
  });

  it('keeps coverage over time consistent with coverage, for a unit drill-down and for a unit admin', async () => {
    for (const [who, q] of [[admin, `?unitId=${ids.kec}`], [await as('adminkec'), ''], [admin, '']] as const) {
      const cov = (await get(`/pledge-campaigns/${campaign}/coverage${q}`, who)).json();
      const tl = (await get(`/pledge-campaigns/${campaign}/timeline${q}`, who)).json();
      expect(tl.required).toBe(cov.total.required);
      expect(tl.days.at(-1).cumulative).toBe(cov.total.signed);
    }
    // Budi (Kecamatan Bekasi Barat) signed; the Dinas Pendidikan admin sees none of it
    expect((await get(`/pledge-campaigns/${campaign}/timeline`, await as('admindik'))).json().days.at(-1).cumulative).toBe(0);
  });

  it('lets a unit admin record a ceremony only for the staff of their unit', async () => {
    const unitAdmin = await as('admindik');
    const r = await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/ceremonies`, ...unitAdmin, payload: { nips: ['THL-000001', '199001012021012001', '19860926 201505 1 001', '199901012020011999'], heldOn: '2023-11-02' } });
    expect(r.statusCode, r.body).toBe(200);
    // Citra works in Dinas Pendidikan and is not an ASN (listed by her internal id); Ani is in a kelurahan the admin does not
    // manage and has not signed; Budi, in the Kecamatan, has signed already; the last NIP is nobody's. The three get one and
    // the same answer, as typed (digits): nothing tells the admin that Ani and Budi are the agency's, nor that Budi signed.
    expect(r.json()).toEqual({ ceremonyId: expect.any(String), signed: 1, alreadySigned: 0, notCovered: ['199001012021012001', '198609262015051001', '199901012020011999'] });
    expect(r.body).not.toMatch(/Ani|Budi|Lestari|Santoso|outside|signed":\s*\[/i);
    // a list naming no one the admin may sign for records nothing: refused alike for staff of other units, signed or not, and for unknown NIPs
    const ceremonies = async () => (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pledge_ceremonies WHERE campaign_id = $1', [campaign])).rows[0]!.n;
    const [storedBefore, auditedBefore] = [await ceremonies(), await audits('pledge.ceremony_recorded')];
    const refusals = [];
    for (const nips of [['19860926 201505 1 001'], ['199001012021012001'], ['199901012020011999']]) {
      const empty = await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/ceremonies`, ...unitAdmin, payload: { nips, heldOn: '2023-11-02' } });
      expect(empty.statusCode, empty.body).toBe(400);
      refusals.push(empty.json());
    }
    expect(refusals[0]).toMatchObject({ code: 'CEREMONY_NOBODY_TO_RECORD', message: { id: expect.stringContaining('Tidak ada yang dicatat'), en: expect.stringContaining('Nothing was recorded') } });
    expect(refusals[1]).toEqual(refusals[0]);
    expect(refusals[2]).toEqual(refusals[0]);
    expect([await ceremonies(), await audits('pledge.ceremony_recorded')]).toEqual([storedBefore, auditedBefore]);
    expect((await get(`/pledge-campaigns/${campaign}/ceremonies`, unitAdmin)).json().items[0]).toMatchObject({ listed: 4, signed: 1 });
    const ani = (await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pledges p JOIN employees e ON e.id = p.employee_id WHERE e.nip = '199001012021012001' AND p.revoked_at IS NULL")).rows[0]!.n;
    expect(ani).toBe(0);
    // signed on the day of the ceremony (noon WIB: the same date everywhere), not when it was recorded
    const at = (await deps.db.query<{ signed_at: Date }>("SELECT p.signed_at FROM pledges p JOIN employees e ON e.id = p.employee_id WHERE e.internal_id = 'THL-000001'")).rows[0]!.signed_at;
    expect(new Date(at).toISOString()).toBe('2023-11-02T05:00:00.000Z');
    // her document calls her number what it is for a non-ASN: not a NIP
    const citraPledge = (await deps.db.query<{ id: string }>("SELECT p.id FROM pledges p JOIN employees e ON e.id = p.employee_id WHERE e.internal_id = 'THL-000001'")).rows[0]!.id;
    const doc = await pdfText((await get(`/pledges/${citraPledge}/document`, unitAdmin)).rawPayload);
    expect(doc).toContain('Nomor pegawai: THL-000001');
    expect(doc).toContain('Penandatanganan bersama');
    expect(doc).not.toMatch(/\bNIP\b|ceremony/);
    // the unit admin sees the ceremonies recorded within their unit, not the agency's own
    const agencyWide = await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${campaign}/ceremonies`, ...admin, payload: { nips: ['198609262015051001'] } });
    expect(agencyWide.json()).toMatchObject({ signed: 0, alreadySigned: 1 });
    const seen = async (who: Awaited<ReturnType<typeof signIn>>) => (await get(`/pledge-campaigns/${campaign}/ceremonies`, who)).json().items.map((c: { id: string }) => c.id).sort();
    expect(await seen(unitAdmin)).toEqual([r.json().ceremonyId]);
    expect(await seen(admin)).toEqual([r.json().ceremonyId, agencyWide.json().ceremonyId].sort());
    expect((await get(`/pledge-campaigns/${campaign}/ceremonies/${agencyWide.json().ceremonyId}/sheet`, unitAdmin)).statusCode).toBe(404);
  });

  it('marks the pledges of employees the campaign no longer covers, and sums the list up the way coverage counts', async () => {
    const list = async (who = admin, q = '') => (await get(`/pledge-campaigns/${campaign}/pledges${q}`, who)).json();
    const signedOf = async (who = admin) => (await get(`/pledge-campaigns/${campaign}/coverage`, who)).json().total.signed as number;
    const before = await list();
    expect(before.items.every((i: { covered: boolean }) => i.covered)).toBe(true);
    expect(before.summary).toEqual({ standing: await signedOf(), standingNotCovered: 0, revoked: 0 });
    // Citra (signed at the ceremony) leaves: no longer active, so the campaign no longer covers her
    await deps.db.query("UPDATE employees SET active = false WHERE internal_id = 'THL-000001'");
    try {
      const after = await list();
      const byNip = new Map(after.items.map((i: { nip: string; covered: boolean }) => [i.nip, i.covered]));
      expect(byNip.get('THL-000001')).toBe(false);
      expect(byNip.get('198609262015051001')).toBe(true);
      expect(after.summary).toEqual({ standing: before.summary.standing, standingNotCovered: 1, revoked: 0 });
      expect(after.summary.standing - after.summary.standingNotCovered).toBe(await signedOf());
      // the summary is the whole view's: a search narrows the page, not the summary
      const searched = await list(admin, '?q=budi');
      expect(searched.total).toBe(1);
      expect(searched.summary).toEqual(after.summary);
      // the Dinas Pendidikan admin: Citra's pledge is theirs to see, and counted nowhere in their coverage
      const dik = await list(await as('admindik'));
      expect(dik.items).toEqual([expect.objectContaining({ nip: 'THL-000001', covered: false })]);
      expect(dik.summary).toEqual({ standing: 1, standingNotCovered: 1, revoked: 0 });
      expect(await signedOf(await as('admindik'))).toBe(0);
      // moved to another employment type the campaign leaves out: the same
      await deps.db.query("UPDATE employees SET active = true WHERE internal_id = 'THL-000001'");
      await deps.db.query("UPDATE pledge_campaigns SET employment_types = '{PNS,PPPK}' WHERE id = $1", [campaign]);
      expect((await list(await as('admindik'))).items).toEqual([expect.objectContaining({ nip: 'THL-000001', covered: false })]);
    } finally {
      await deps.db.query("UPDATE employees SET active = true WHERE internal_id = 'THL-000001'");
      await deps.db.query("UPDATE pledge_campaigns SET employment_types = '{PNS,PPPK,NON_ASN}' WHERE id = $1", [campaign]);
    }
  });

  it('explains why no unit summary goes out: no unit admin with a contact over the units with unsigned staff', async () => {
    const kes = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, ids.kota!, { name: 'Dinas Kesehatan', kind: 'opd' })).id;
    await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: ids.kota!, employmentType: 'PNS', nip: '198505052010011007', name: 'Eka Putra', unitId: kes, active: true, contact: { email: 'eka@example.go.id' } } as Parameters<typeof createEmployee>[3]);
    await addUser(deps, 'adminkes', 'unit_admin', { agencyId: ids.kota!, unitId: kes });
    const opened = await app.inject({ method: 'POST', url: '/api/v1/pledge-campaigns', ...admin, payload: { agencyId: ids.kota, unitId: kes, electionId: 'pemilu-2024', opensOn: '2023-11-02', closesOn: '2023-11-13' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const res = await app.inject({ method: 'POST', url: `/api/v1/pledge-campaigns/${opened.json().id}/reminders`, ...admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ alreadySent: false, employeesReminded: 1, summaries: 0, unitsWithoutContact: 1, unitAdminsWithoutContact: 1 });
    expect(res.json().message.id).toContain('Rekap unit hanya dikirim ke akun admin unit yang memiliki email atau nomor WhatsApp; 1 unit');
    expect(res.json().message.en).toContain('Unit summaries go only to unit admin accounts with an e-mail or WhatsApp number; 1 units');
    expect(res.json().message.id).toMatch(/^1 pengingat dan 0 rekap unit diantrekan untuk dikirim;/);
  });

  it('keeps the audit chain intact', async () => {
    await sealAudit(deps.db, { wait: true });
    const v = await verifyAuditChain(deps.db);
    expect(v).toMatchObject({ ok: true, pending: 0, firstBroken: null });
    expect(v.checked).toBeGreaterThan(10);
  });
});
