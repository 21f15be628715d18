/**
 * Who sees and manages which event (a unit admin: events whose audience reaches their unit subtree;
 * the check-in token only for events whose audience lies within it), and the dates an attendance
 * list or a reminder activity may carry (not after the local date of the event's / unit's region).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, TestClock, addUser, freshDb, makeDeps, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency, createUnit } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';

const HEAD = '197001011995031001'; // Kepala Dinas Pendidikan
const STAFF_B = '198502022010012003'; // Dinas Pendidikan / Bidang SD
const CAMAT = '199003032015031004'; // Kecamatan Ciruas
const STAFF_C = '198804042012012005'; // Kecamatan Ciruas
const PAPUA = '198906062014031006'; // Pemerintah Kota Jayapura (WIT)

type Session = Awaited<ReturnType<typeof signIn>>;

describe.each(DB_KINDS)('socialization scope of unit admins and dates on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let serang: string;
  let jayapura: string;
  let dinas: string;
  let bidang: string;
  let kecamatan: string;
  let admin: Session;
  let ciruas: Session;
  let bidangAdmin: Session;
  let papua: Session;
  const clock = new TestClock(new Date('2026-11-20T03:00:00Z')); // 10:00 WIB, 12:00 WIT

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock, { sessionHours: 24 * 30 });
    serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
    jayapura = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Jayapura', regionCode: '91.71' })).id;
    dinas = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, serang, { name: 'Dinas Pendidikan', kind: 'opd' })).id;
    bidang = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, serang, { name: 'Bidang SD', kind: 'bidang', parentId: dinas })).id;
    kecamatan = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, serang, { name: 'Kecamatan Ciruas', kind: 'kecamatan' })).id;
    for (const [nip, name, agencyId, unitId] of [
      [HEAD, 'Hadi Kurniawan', serang, dinas], [STAFF_B, 'Budi Santoso', serang, bidang],
      [CAMAT, 'Citra Dewi', serang, kecamatan], [STAFF_C, 'Dedi Supriadi', serang, kecamatan], [PAPUA, 'Yohanes Wenda', jayapura, null],
    ] as const) await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId, unitId, employmentType: 'PNS', nip, name, active: true });
    await addUser(deps, 'kesbangpol.serang', 'agency_admin', { agencyId: serang });
    await addUser(deps, 'admin.ciruas', 'unit_admin', { agencyId: serang, unitId: kecamatan });
    await addUser(deps, 'admin.bidangsd', 'unit_admin', { agencyId: serang, unitId: bidang });
    await addUser(deps, 'kesbangpol.jayapura', 'agency_admin', { agencyId: jayapura });
    app = await buildApp(deps);
    admin = await signIn(app, 'kesbangpol.serang');
    ciruas = await signIn(app, 'admin.ciruas');
    bidangAdmin = await signIn(app, 'admin.bidangsd');
    papua = await signIn(app, 'kesbangpol.jayapura');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const createEvent = (s: Session, over: { audienceUnitIds?: string[]; heldOn?: string; agencyId?: string; title?: string } = {}) => app.inject({
    method: 'POST', url: '/api/v1/socialization/events', ...s,
    payload: { agencyId: serang, title: 'Sosialisasi netralitas ASN', heldOn: '2026-11-20', place: 'Aula', organiser: 'Kesbangpol', audienceUnitIds: [], ...over },
  });
  const created = async (s: Session, over: Parameters<typeof createEvent>[1] = {}) => {
    const res = await createEvent(s, over);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; checkinToken: string };
  };
  const get = (s: Session, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, ...s });
  const post = (s: Session, url: string, payload?: object) => app.inject({ method: 'POST', url: `/api/v1${url}`, ...s, ...(payload ? { payload } : {}) });
  /** Moves the clock (sessions here last 30 days, so they outlive the moves). */
  const at = (iso: string) => {
    clock.current = new Date(iso);
  };
  const attended = async (eventId: string) => (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM socialization_attendance WHERE event_id = $1', [eventId])).rows[0]!.n;

  it('D4: a unit admin neither reads nor manages an event whose audience lies outside their unit subtree', async () => {
    const ev = await created(admin, { title: 'Sosialisasi khusus Dinas Pendidikan', audienceUnitIds: [dinas] });
    // the Kecamatan admin: 404 on every read and write of the Dinas event, and it is not listed
    expect((await get(ciruas, `/socialization/events/${ev.id}`)).statusCode).toBe(404);
    expect((await post(ciruas, `/socialization/events/${ev.id}/checkin-token`)).statusCode).toBe(404);
    expect((await post(ciruas, `/socialization/events/${ev.id}/attendance`, { nips: [CAMAT] })).statusCode).toBe(404);
    expect((await get(ciruas, `/socialization/events/${ev.id}/attendance`)).statusCode).toBe(404);
    expect((await get(ciruas, `/socialization/events/${ev.id}/briefings`)).statusCode).toBe(404);
    expect((await get(ciruas, '/socialization/events')).json().items.map((e: { id: string }) => e.id)).not.toContain(ev.id);
    // the organiser's printed QR code still works
    const page = await get(admin, `/public/socialization/checkin?token=${ev.checkinToken}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(await attended(ev.id)).toBe(0);
    // the Bidang SD admin (a unit inside the Dinas: their staff are in the audience) sees it and may
    // record briefings, but neither gets the token nor manages the event
    const seen = await get(bidangAdmin, `/socialization/events/${ev.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ checkinToken: null, allowedActions: ['record_briefing'] });
    expect((await post(bidangAdmin, `/socialization/events/${ev.id}/checkin-token`)).statusCode).toBe(403);
    expect((await post(bidangAdmin, `/socialization/events/${ev.id}/attendance`, { nips: [STAFF_B] })).statusCode).toBe(403);
    expect((await get(bidangAdmin, '/socialization/events')).json().items.map((e: { id: string }) => e.id)).toContain(ev.id);
    expect((await get(admin, `/public/socialization/checkin?token=${ev.checkinToken}`)).statusCode).toBe(200);
    // the agency admin keeps managing every event of the agency
    expect((await get(admin, `/socialization/events/${ev.id}`)).json()).toMatchObject({ checkinToken: ev.checkinToken, allowedActions: ['import_attendance', 'record_briefing', 'rotate_token', 'edit'] });
  });

  it('D4: a unit admin manages events whose audience lies within their subtree; agency-wide events need an agency-wide grant', async () => {
    // a unit admin cannot create an agency-wide event (no audience units): they could not manage it
    const wide = await createEvent(ciruas, { title: 'Untuk seluruh Pemkab' });
    expect(wide.statusCode).toBe(403);
    expect(wide.json()).toMatchObject({ code: 'EVENT_AUDIENCE_REQUIRED', message: { id: expect.any(String), en: expect.any(String) } });
    // their own event for their unit: token, rotation and the attendance list
    const own = await created(ciruas, { title: 'Sosialisasi di Kecamatan Ciruas', audienceUnitIds: [kecamatan] });
    expect((await get(ciruas, `/socialization/events/${own.id}`)).json()).toMatchObject({ checkinToken: own.checkinToken, allowedActions: ['import_attendance', 'record_briefing', 'rotate_token', 'edit'] });
    const rotated = await post(ciruas, `/socialization/events/${own.id}/checkin-token`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const imported = await post(ciruas, `/socialization/events/${own.id}/attendance`, { nips: [CAMAT, STAFF_C] });
    expect(imported.statusCode, imported.body).toBe(200);
    // an event for their unit recorded by the agency admin is theirs to manage too
    const forKecamatan = await created(admin, { audienceUnitIds: [kecamatan] });
    expect((await get(ciruas, `/socialization/events/${forKecamatan.id}`)).json().checkinToken).toBe(forKecamatan.checkinToken);
    // an agency-wide event, or one for their unit and others: seen, briefings recorded, not managed
    for (const audienceUnitIds of [[], [dinas, kecamatan]]) {
      const ev = await created(admin, { audienceUnitIds });
      const seen = await get(ciruas, `/socialization/events/${ev.id}`);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json()).toMatchObject({ checkinToken: null, allowedActions: ['record_briefing'] });
      expect((await post(ciruas, `/socialization/events/${ev.id}/checkin-token`)).statusCode).toBe(403);
      expect((await post(ciruas, `/socialization/events/${ev.id}/attendance`, { nips: [CAMAT] })).statusCode).toBe(403);
      expect(await attended(ev.id)).toBe(0);
      const attendee = await post(admin, `/socialization/events/${ev.id}/attendance`, { nips: [CAMAT] });
      expect(attendee.statusCode, attendee.body).toBe(200);
      const briefing = await post(ciruas, `/socialization/events/${ev.id}/briefings`, { brieferNip: CAMAT, unitId: kecamatan, briefedOn: '2026-11-20', staff: { mode: 'unit_staff' } });
      expect(briefing.statusCode, briefing.body).toBe(201);
      expect((await get(admin, `/public/socialization/checkin?token=${ev.checkinToken}`)).statusCode).toBe(200);
    }
  });

  it('D5: refuses an attendance list for an event that has not taken place yet, in the region\'s local date', async () => {
    const ev = await created(admin, { title: 'Sosialisasi besok', heldOn: '2026-11-21', audienceUnitIds: [kecamatan] });
    const before = (await get(admin, `/socialization/coverage?agencyId=${serang}`)).json().total;
    for (const s of [admin, ciruas]) {
      const res = await post(s, `/socialization/events/${ev.id}/attendance`, { nips: [STAFF_C] });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'ATTENDANCE_BEFORE_EVENT', message: { id: expect.stringContaining('2026-11-21'), en: expect.stringContaining('2026-11-21') } });
    }
    expect(await attended(ev.id)).toBe(0);
    expect((await get(admin, `/socialization/coverage?agencyId=${serang}`)).json().total).toEqual(before);
    // 23:30 WIB on the 20th: still refused; 00:30 WIB on the 21st: the event date has come
    at('2026-11-20T16:30:00Z');
    expect((await post(admin, `/socialization/events/${ev.id}/attendance`, { nips: [STAFF_C] })).statusCode).toBe(400);
    at('2026-11-20T17:30:00Z');
    const ok = await post(admin, `/socialization/events/${ev.id}/attendance`, { nips: [STAFF_C] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ recorded: 1, alreadyPresent: 0 });
    // and on a later day (paper lists typed in afterwards)
    at('2026-11-25T03:00:00Z');
    expect((await post(admin, `/socialization/events/${ev.id}/attendance`, { nips: [CAMAT] })).json()).toEqual({ recorded: 1, alreadyPresent: 0 });
    at('2026-11-20T03:00:00Z');
  });

  it('D6: refuses a reminder activity dated after today in the region\'s local date', async () => {
    const remind = (s: Session, payload: object) => post(s, '/socialization/reminders', { kind: 'banner', description: 'Spanduk netralitas ASN', ...payload });
    const future = await remind(ciruas, { agencyId: serang, unitId: kecamatan, doneOn: '2026-11-21' });
    expect(future.statusCode, future.body).toBe(400);
    expect(future.json()).toMatchObject({ code: 'REMINDER_IN_FUTURE', message: { id: expect.stringContaining('2026-11-21'), en: expect.stringContaining('2026-11-21') } });
    expect((await remind(admin, { agencyId: serang, doneOn: '2027-05-01' })).json().code).toBe('REMINDER_IN_FUTURE');
    // out of scope stays 404/403 whatever the date
    expect((await remind(ciruas, { agencyId: serang, unitId: dinas, doneOn: '2027-05-01' })).statusCode).toBe(404);
    expect((await remind(ciruas, { agencyId: serang, unitId: kecamatan, doneOn: '2026-11-20' })).statusCode).toBe(201);
    // 23:30 WIB in Serang is already 01:30 WIT on the 21st in Jayapura
    at('2026-11-20T16:30:00Z');
    expect((await remind(admin, { agencyId: serang, doneOn: '2026-11-21' })).statusCode).toBe(400);
    const wit = await remind(papua, { agencyId: jayapura, doneOn: '2026-11-21' });
    expect(wit.statusCode, wit.body).toBe(201);
    at('2026-11-20T03:00:00Z');
    const logged = (await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM socialization_reminders WHERE done_on > '2026-11-20' AND agency_id = $1", [serang])).rows[0]!.n;
    expect(logged).toBe(0);
  });

  it('refuses impossible dates and links that are not http(s) with 400, never 500', async () => {
    const remind = (payload: object) => post(admin, '/socialization/reminders', { kind: 'social_post', description: 'Unggahan netralitas ASN', agencyId: serang, ...payload });
    for (const doneOn of ['2026-02-30', '2026-13-01', '0000-01-01']) {
      const r = await remind({ doneOn });
      expect(r.statusCode, doneOn).toBe(400);
      expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.doneOn' }] });
    }
    const js = await remind({ doneOn: '2026-11-20', link: 'javascript:alert(1)' });
    expect(js.statusCode).toBe(400);
    expect(js.json().errors[0].path).toBe('body.link');
    expect((await remind({ doneOn: '2026-11-20', link: 'https://instagram.com/p/netralitas' })).statusCode).toBe(201);
    const event = await post(admin, '/socialization/events', { agencyId: serang, title: 'Sosialisasi netralitas', heldOn: '2026-02-30', place: 'Aula', organiser: 'Kesbangpol' });
    expect(event.statusCode).toBe(400);
  });
});
