import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, TestClock, addUser, freshDb, makeDeps, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency, createUnit } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';

const HEAD = '197001011995031001'; // Kepala Dinas Pendidikan
const STAFF_A = '198001012005011002'; // Dinas Pendidikan
const STAFF_B = '198502022010012003'; // Dinas Pendidikan / Bidang SD
const CAMAT = '199003032015031004'; // Kecamatan Ciruas
const STAFF_C = '198804042012012005'; // Kecamatan Ciruas
const BEKASI = '197505052000031004'; // another agency

describe.each(DB_KINDS)('socialization and the briefing cascade on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let serang: string;
  let dinas: string;
  let bidang: string;
  let kecamatan: string;
  let event: string;
  let token: string;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let ciruas: Awaited<ReturnType<typeof signIn>>;
  const clock = new TestClock(new Date('2024-01-15T03:00:00Z')); // 10:00 WIB

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
    const bekasi = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    dinas = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, serang, { name: 'Dinas Pendidikan', kind: 'opd' })).id;
    bidang = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, serang, { name: 'Bidang SD', kind: 'bidang', parentId: dinas })).id;
    kecamatan = (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, serang, { name: 'Kecamatan Ciruas', kind: 'kecamatan' })).id;
    for (const [nip, name, agencyId, unitId] of [
      [HEAD, 'Hadi Kurniawan', serang, dinas], [STAFF_A, 'Ani Lestari', serang, dinas], [STAFF_B, 'Budi Santoso', serang, bidang],
      [CAMAT, 'Citra Dewi', serang, kecamatan], [STAFF_C, 'Dedi Supriadi', serang, kecamatan], [BEKASI, 'Orang Bekasi', bekasi, null],
    ] as const) await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId, unitId, employmentType: 'PNS', nip, name, active: true });
    await addUser(deps, 'kesbangpol.serang', 'agency_admin', { agencyId: serang });
    await addUser(deps, 'admin.ciruas', 'unit_admin', { agencyId: serang, unitId: kecamatan });
    await addUser(deps, 'kesbangpol.bekasi', 'agency_admin', { agencyId: bekasi });
    app = await buildApp(deps);
    admin = await signIn(app, 'kesbangpol.serang');
    ciruas = await signIn(app, 'admin.ciruas');
    const res = await app.inject({
      method: 'POST', url: '/api/v1/socialization/events', ...admin,
      payload: { agencyId: serang, electionId: 'pemilu-2024', title: 'Sosialisasi netralitas ASN bagi kepala OPD dan camat', heldOn: '2024-01-15', place: 'Pendopo Bupati Serang', organiser: 'Kesbangpol', materials: ['SKB 2022', 'https://example.go.id/materi.pdf'], audienceUnitIds: [dinas, kecamatan] },
    });
    expect(res.statusCode, res.body).toBe(201);
    ({ id: event, checkinToken: token } = res.json());
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const checkin = (t: string, nip: string) => app.inject({ method: 'POST', url: '/api/v1/public/socialization/checkin', payload: { token: t, nip } });
  const count = async (sql: string) => (await deps.db.query<{ n: number }>(sql)).rows[0]!.n;
  const coverage = async (unitId?: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/socialization/coverage?agencyId=${serang}&electionId=pemilu-2024${unitId ? `&unitId=${unitId}` : ''}`, ...admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('checks in by QR once per employee, on the event date only, with a token that can be replaced', async () => {
    const page = await app.inject({ method: 'GET', url: `/api/v1/public/socialization/checkin?token=${token}` });
    expect(page.json()).toMatchObject({ title: expect.stringContaining('Sosialisasi'), agency: 'Pemerintah Kabupaten Serang', heldOn: '2024-01-15', open: true });
    expect((await checkin('x'.repeat(24), HEAD)).json().code).toBe('CHECKIN_TOKEN_INVALID');
    const first = await checkin(token, '19700101 199503 1 001');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'checked_in', name: 'H*** K********' });
    expect((await checkin(token, HEAD)).json().status).toBe('already_checked_in');
    expect(await count(`SELECT count(*)::int AS n FROM socialization_attendance`)).toBe(1);
    // an employee of another agency, or an unknown NIP, is not found
    expect((await checkin(token, BEKASI)).statusCode).toBe(404);
    // the next day the token no longer records anyone
    clock.advance(86_400_000);
    expect((await checkin(token, CAMAT)).json()).toMatchObject({ code: 'CHECKIN_CLOSED', message: { en: expect.stringContaining('2024-01-15') } });
    clock.advance(-86_400_000);
    const rotated = await app.inject({ method: 'POST', url: `/api/v1/socialization/events/${event}/checkin-token`, ...admin });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect((await checkin(token, CAMAT)).statusCode).toBe(404);
    token = rotated.json().checkinToken;
    expect((await checkin(token, CAMAT)).json().status).toBe('checked_in');
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/socialization/events/${event}`, ...admin })).json();
    expect(detail).toMatchObject({ checkinToken: token, checkinOpen: true, attendees: 2, allowedActions: ['import_attendance', 'record_briefing', 'rotate_token', 'edit'], materials: ['SKB 2022', 'https://example.go.id/materi.pdf'] });
    expect(detail.audienceUnits.map((u: { name: string }) => u.name)).toEqual(['Dinas Pendidikan', 'Kecamatan Ciruas']);
  });

  it('imports an attendance list all or nothing, listing the unknown NIPs', async () => {
    const bad = await app.inject({ method: 'POST', url: `/api/v1/socialization/events/${event}/attendance`, ...admin, payload: { nips: [STAFF_C, BEKASI, '199901012020011999'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ATTENDANCE_UNKNOWN_NIPS', message: { id: expect.stringContaining('Tidak ada yang dicatat'), en: expect.stringContaining(BEKASI) } });
    expect(bad.json().errors.map((e: { message: string }) => e.message)).toEqual([BEKASI, '199901012020011999']);
    expect(await count(`SELECT count(*)::int AS n FROM socialization_attendance`)).toBe(2);
    const ok = await app.inject({ method: 'POST', url: `/api/v1/socialization/events/${event}/attendance`, ...admin, payload: { nips: [CAMAT, STAFF_C, STAFF_C] } });
    expect(ok.json()).toEqual({ recorded: 1, alreadyPresent: 1 });
    const list = (await app.inject({ method: 'GET', url: `/api/v1/socialization/events/${event}/attendance`, ...admin })).json().items;
    expect(list.map((a: { nip: string; method: string }) => [a.nip, a.method])).toEqual([[HEAD, 'qr'], [CAMAT, 'qr'], [STAFF_C, 'list']]);
  });

  it('cascades: the head who attended briefs their unit, and coverage of briefed reaches those staff', async () => {
    const before = await coverage();
    expect(before.total).toEqual({ staff: 5, attended: 3, briefed: 3, missing: 2, percent: 60 });
    expect(before.byUnit.find((u: { name: string }) => u.name === 'Dinas Pendidikan')).toMatchObject({ staff: 3, attended: 1, briefed: 1, hasChildren: true });
    const url = `/api/v1/socialization/events/${event}/briefings`;
    // someone who neither attended nor was briefed cannot brief
    const outsider = await app.inject({ method: 'POST', url, ...admin, payload: { brieferNip: STAFF_A, unitId: dinas, briefedOn: '2024-01-15', staff: { mode: 'unit_staff' } } });
    expect(outsider.json().code).toBe('BRIEFER_NOT_IN_CASCADE');
    // a listed NIP outside the unit: nothing is recorded
    const wrong = await app.inject({ method: 'POST', url, ...admin, payload: { brieferNip: HEAD, unitId: dinas, briefedOn: '2024-01-15', staff: { mode: 'list', nips: [STAFF_A, STAFF_C] } } });
    expect(wrong.json()).toMatchObject({ code: 'BRIEFING_UNKNOWN_NIPS', message: { en: expect.stringContaining('Dinas Pendidikan') } });
    expect((await app.inject({ method: 'POST', url, ...admin, payload: { brieferNip: HEAD, unitId: dinas, briefedOn: '2024-01-14', staff: { mode: 'unit_staff' } } })).json().code).toBe('BRIEFING_BEFORE_EVENT');
    expect(await count('SELECT count(*)::int AS n FROM socialization_briefings')).toBe(0);
    const done = await app.inject({ method: 'POST', url, ...admin, payload: { brieferNip: HEAD, unitId: dinas, briefedOn: '2024-01-15', staff: { mode: 'unit_staff', absentNips: [] }, notes: 'Apel pagi' } });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ briefed: 2, attendanceCount: 2 });
    const after = await coverage();
    expect(after.total).toEqual({ staff: 5, attended: 3, briefed: 5, missing: 0, percent: 100 });
    // drill down into the Dinas: its own staff and the Bidang SD
    const drill = await coverage(dinas);
    expect(drill.unit).toMatchObject({ id: dinas, name: 'Dinas Pendidikan' });
    expect(drill.byUnit).toEqual([
      expect.objectContaining({ direct: true, unitId: dinas, staff: 2, attended: 1, briefed: 2 }),
      expect.objectContaining({ direct: false, unitId: bidang, name: 'Bidang SD', staff: 1, attended: 0, briefed: 1, hasChildren: false }),
    ]);
    // the cascade goes on: a briefed employee briefs further down
    const next = await app.inject({ method: 'POST', url, ...admin, payload: { brieferNip: STAFF_B, unitId: bidang, briefedOn: '2024-01-15', staff: { mode: 'list', nips: [STAFF_B] } } });
    expect(next.json().code).toBe('BRIEFING_EMPTY');
    const briefings = (await app.inject({ method: 'GET', url, ...admin })).json().items;
    expect(briefings).toEqual([expect.objectContaining({ brieferNip: HEAD, unitPath: 'Dinas Pendidikan', staffMode: 'unit_staff', briefed: 2, notes: 'Apel pagi' })]);
    const head = (await app.inject({ method: 'GET', url: `/api/v1/socialization/events/${event}/attendance`, ...admin })).json().items[0];
    expect(head).toMatchObject({ nip: HEAD, briefings: 1, briefedStaff: 2 });
    // other elections' events do not count
    const other = await app.inject({ method: 'GET', url: `/api/v1/socialization/coverage?agencyId=${serang}&electionId=pilkada-2024`, ...admin });
    expect(other.json().total).toMatchObject({ staff: 5, briefed: 0 });
  });

  it('keeps to the caller\'s scope: another agency gets 404, a unit admin only their unit', async () => {
    const bekasi = await signIn(app, 'kesbangpol.bekasi');
    expect((await app.inject({ method: 'GET', url: `/api/v1/socialization/events/${event}`, ...bekasi })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/v1/socialization/events/${event}/attendance`, ...bekasi, payload: { nips: [BEKASI] } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/socialization/coverage?agencyId=${serang}`, ...bekasi })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/socialization/events', ...bekasi })).json().items).toEqual([]);
    const brief = (unitId: string) => app.inject({ method: 'POST', url: `/api/v1/socialization/events/${event}/briefings`, ...ciruas, payload: { brieferNip: CAMAT, unitId, briefedOn: '2024-01-15', staff: { mode: 'unit_staff' } } });
    expect((await brief(dinas)).statusCode).toBe(404);
    expect((await brief(kecamatan)).json()).toMatchObject({ briefed: 1 });
    // the unit admin's coverage and attendance are limited to their unit
    const cov = (await app.inject({ method: 'GET', url: `/api/v1/socialization/coverage?agencyId=${serang}`, ...ciruas })).json();
    expect(cov.total).toMatchObject({ staff: 2, briefed: 2 });
    expect((await app.inject({ method: 'GET', url: `/api/v1/socialization/events/${event}/attendance`, ...ciruas })).json().items.map((a: { nip: string }) => a.nip)).toEqual([CAMAT, STAFF_C]);
  });

  it('logs reminder activities per unit; agency-wide ones only with an agency-wide grant', async () => {
    const post = (s: typeof admin, payload: object) => app.inject({ method: 'POST', url: '/api/v1/socialization/reminders', ...s, payload });
    const banner = await post(ciruas, { agencyId: serang, unitId: kecamatan, electionId: 'pemilu-2024', kind: 'banner', doneOn: '2024-01-13', description: 'Spanduk netralitas ASN di kantor kecamatan', evidenceNote: 'Foto di arsip kecamatan' });
    expect(banner.statusCode, banner.body).toBe(201);
    expect(banner.json()).toMatchObject({ unitPath: 'Kecamatan Ciruas', kind: 'banner', recordedBy: 'admin.ciruas' });
    expect((await post(ciruas, { agencyId: serang, unitId: dinas, kind: 'banner', doneOn: '2024-01-13', description: 'Spanduk' })).statusCode).toBe(404);
    expect((await post(ciruas, { agencyId: serang, kind: 'social_post', doneOn: '2024-01-13', description: 'Unggahan' })).statusCode).toBe(403);
    expect((await post(admin, { agencyId: serang, kind: 'social_post', doneOn: '2024-01-14', description: 'Unggahan Instagram resmi Pemkab', link: 'https://instagram.com/p/abc' })).statusCode).toBe(201);
    const all = (await app.inject({ method: 'GET', url: `/api/v1/socialization/reminders?agencyId=${serang}`, ...admin })).json().items;
    expect(all.map((r: { kind: string }) => r.kind)).toEqual(['social_post', 'banner']);
    const unit = (await app.inject({ method: 'GET', url: `/api/v1/socialization/reminders?agencyId=${serang}&unitId=${kecamatan}`, ...admin })).json().items;
    expect(unit).toHaveLength(1);
    // a unit admin reads their own unit's activities and the agency-wide ones of their agency, not other units'
    const dinasBanner = await post(admin, { agencyId: serang, unitId: dinas, kind: 'banner', doneOn: '2024-01-14', description: 'Spanduk di dinas' });
    expect(dinasBanner.statusCode).toBe(201);
    const mine = (await app.inject({ method: 'GET', url: `/api/v1/socialization/reminders?agencyId=${serang}`, ...ciruas })).json().items;
    expect(mine.map((r: { unitPath: string | null }) => r.unitPath)).toEqual([null, 'Kecamatan Ciruas']);
    // another unit's coverage is unknown to them, as in pledge coverage
    expect((await app.inject({ method: 'GET', url: `/api/v1/socialization/coverage?agencyId=${serang}&unitId=${dinas}`, ...ciruas })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/socialization/coverage?agencyId=${serang}&unitId=${kecamatan}`, ...ciruas })).statusCode).toBe(200);
  });

  it('writes an audit row with every change', async () => {
    const actions = (await deps.db.query<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE 'socialization.%' ORDER BY seq")).rows.map((r) => r.action);
    expect(actions).toEqual([
      'socialization.event_created', 'socialization.checked_in', 'socialization.checkin_token_rotated', 'socialization.checked_in',
      'socialization.attendance_imported', 'socialization.briefing_confirmed', 'socialization.briefing_confirmed', 'socialization.reminder_logged', 'socialization.reminder_logged',
      'socialization.reminder_logged',
    ]);
  });
});
