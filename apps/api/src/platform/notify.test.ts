/**
 * Case notices through the real adapters: a real local SMTP server (smtp-server) receives the
 * e-mail, and a local HTTP stand-in plays the WhatsApp gateway (the only stand-in: the gateway
 * is an outside service that cannot run here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, freshDb, makeDeps, signIn, SYSTEM, type TestApp, SYSTEM_PRINCIPAL } from '../../test/harness.ts';
import { startNoticeServers, type NoticeServers } from '../../test/notice-servers.ts';
import { buildApp } from '../app.ts';
import type { Deps } from '../deps.ts';
import { createAgency } from '../modules/agencies/agencies.service.ts';
import { createEmployee } from '../modules/registry/employees.service.ts';
import { createNotifier, deliverOutbox, drainOutbox, enqueue } from './notify.ts';


describe('case notices by e-mail and WhatsApp', () => {
  let servers: NoticeServers;
  let mails: NoticeServers['mails'];
  let whatsapps: NoticeServers['whatsapps'];
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    servers = await startNoticeServers();
    ({ mails, whatsapps } = servers);
    const f = await freshDb('postgres');
    drop = f.drop;
    deps = makeDeps(f.db, undefined, servers.config);
    deps.notifier = createNotifier(deps.config);
    const kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    const camat = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, employmentType: 'PNS', nip: '197505052000031004', name: 'Camat Contoh', position: 'Camat', active: true })).id;
    await addUser(deps, 'bawaslu', 'supervisor', { regionCode: '32.75', email: 'bawaslu@example.go.id' });
    await addUser(deps, 'bkn', 'authority_officer', { email: 'pengawasan@bkn.example.go.id' });
    await addUser(deps, 'ppk', 'employing_official', { agencyId: kota, email: 'walikota@example.go.id', phone: '+6281200000009' });
    app = await buildApp(deps);
    const s = await signIn(app, 'bawaslu');
    const b = await signIn(app, 'bkn');
    const c = (await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...s, payload: {
      electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat memasang spanduk', summary: 'Spanduk bakal calon di kantor kecamatan.', reportedEmployeeId: camat,
    } })).json();
    for (const ev of [{ type: 'START_REVIEW' }, { type: 'REGISTER', caseNumber: '010/Reg/TM/PL/Kota/13.13/I/2024', formal: true, material: true }, { type: 'BEGIN_REVIEW' },
      { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Camat', heldOn: '2026-11-20', statement: 'Tidak tahu itu dilarang.' },
      { type: 'DECIDE', outcome: 'other_law', reasoning: 'Netralitas ASN' }, { type: 'FORWARD', authorityId: 'BKN', letterNumber: 'F-10' }])
      expect((await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/events`, ...s, payload: { event: ev } })).statusCode).toBe(200);
    servers.setGatewayUp(false);
    expect((await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/events`, ...b, payload: { event: { type: 'RECOMMEND', actCode: 'D-1', sanctionId: 'pp94_demotion_12m', level: 'berat', letterNumber: 'R-10' } } })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
    await servers?.close();
  });

  it('e-mails the authority when a case is forwarded, through a real SMTP server', () => {
    const toBkn = mails.filter((m) => m.to === 'pengawasan@bkn.example.go.id');
    expect(toBkn.length).toBe(1);
    expect(toBkn[0]!.data).toContain('010/Reg/TM/PL/Kota/13.13/I/2024');
  });

  it('notifies the PPK by e-mail and WhatsApp; a failed gateway call is retried from the outbox', async () => {
    expect(mails.some((m) => m.to === 'walikota@example.go.id')).toBe(true);
    expect(whatsapps).toHaveLength(0); // the gateway was down
    const pending = (await deps.db.query<{ status: string; attempts: number }>("SELECT status, attempts FROM notification_outbox WHERE channel = 'whatsapp'")).rows;
    expect(pending).toEqual([{ status: 'pending', attempts: 1 }]);
    servers.setGatewayUp(true);
    const r = await deliverOutbox(deps.db, deps.notifier!);
    expect(r.sent).toBe(1);
    expect(whatsapps[0]).toMatchObject({ auth: 'Bearer test-token', body: { to: '+6281200000009' } });
    expect(whatsapps[0]!.body.text).toContain('Rekomendasi sanksi');
  });

  it('delivers a one-time code ahead of a reminder backlog; a drain sends the backlog and does not stop at a failed notice', async () => {
    await deps.db.query("UPDATE notification_outbox SET status = 'sent' WHERE status = 'pending'");
    const reminders = await deps.db.transaction((tx) => enqueue(tx, Array.from({ length: 150 }, (_, i) => ({ channel: 'email' as const, recipient: `pegawai${i}@example.go.id`, subject: 'Pengingat', body: 'Anda belum menandatangani.' }))));
    servers.setGatewayUp(false);
    await deps.db.transaction((tx) => enqueue(tx, [{ channel: 'whatsapp', recipient: '+6281200000077', subject: 'Netra', body: 'Pengingat' }]));
    const code = await deps.db.transaction((tx) => enqueue(tx, [{ channel: 'email', recipient: 'penandatangan@example.go.id', subject: 'Kode', body: 'Kode 123456' }]));
    expect(reminders).toHaveLength(150);
    const r = await deliverOutbox(deps.db, deps.notifier!, { ids: code });
    expect(r).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(mails.some((m) => m.to === 'penandatangan@example.go.id')).toBe(true);
    const pendingCount = async () => (await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM notification_outbox WHERE status = 'pending'")).rows[0]!.n;
    expect(await pendingCount()).toBe(151);
    // the gateway is down for the one WhatsApp notice among them: the e-mails still all go out
    await drainOutbox(deps.db, deps.notifier, (err) => { throw err; });
    expect(mails.filter((m) => m.to.startsWith('pegawai')).length).toBe(150);
    expect((await deps.db.query<{ status: string }>("SELECT status FROM notification_outbox WHERE recipient = '+6281200000077'")).rows[0]!.status).toMatch(/pending|failed/);
    servers.setGatewayUp(true);
  });

  it('skips channels that are not configured instead of failing', async () => {
    const n = createNotifier({ smtpUrl: undefined, mailFrom: 'x', whatsappUrl: undefined, whatsappToken: undefined });
    expect(await n.send({ channel: 'email', recipient: 'a@b.c', subject: 's', body: 'b' })).toBe('skipped');
  });
});
