import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, TestClock, addUser, freshDb, makeDeps, signIn, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Deps } from '../../deps.ts';
import { createAgency, createUnit } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';

const HEAD = '197001011995031001'; // Kepala Dinas Pendidikan
const STAFF_A = '198001012005011002'; // Dinas Pendidikan
const STAFF_B = '198502022010012003'; // Dinas Pendidikan / Bidang SD
const STAFF_B2 = '199101012015032001'; // Dinas Pendidikan / Bidang SD
const RETIRED = '196501011990031009'; // Dinas Pendidikan, leaves after attending
const CAMAT = '199003032015031004'; // Kecamatan Ciruas
const STAFF_C = '198804042012012005'; // Kecamatan Ciruas
const LURAH = '198705052011011006'; // Kecamatan Ciruas / Kelurahan Ciruas
const DRIVER = '199206062016011007'; // Kecamatan Kragilan
const DINKES = '198307072008012008'; // Dinas Kesehatan
const THL = 'THL-003841'; // non-ASN, Kecamatan Ciruas

type Session = Awaited<ReturnType<typeof signIn>>;
type Item = { id: string; nip?: string; voided: { reason: string; by: string | null } | null; allowedActions: string[] };

describe.each(DB_KINDS)('socialization corrections and the rules of the cascade on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  let serang: string;
  const u: Record<'dinas' | 'bidang' | 'dinkes' | 'kecamatan' | 'kelurahan' | 'kragilan', string> = { dinas: '', bidang: '', dinkes: '', kecamatan: '', kelurahan: '', kragilan: '' };
  let admin: Session;
  let ciruas: Session;
  const clock = new TestClock(new Date('2024-01-15T03:00:00Z')); // 10:00 WIB, during the 2024 general election's stages

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    deps = makeDeps(f.db, clock);
    serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
    const unit = async (name: string, kind: 'opd' | 'bidang' | 'kecamatan' | 'kelurahan', parentId?: string) =>
      (await createUnit(deps, SYSTEM_PRINCIPAL, SYSTEM, serang, { name, kind, ...(parentId ? { parentId } : {}) })).id;
    u.dinas = await unit('Dinas Pendidikan', 'opd');
    u.bidang = await unit('Bidang SD', 'bidang', u.dinas);
    u.dinkes = await unit('Dinas Kesehatan', 'opd');
    u.kecamatan = await unit('Kecamatan Ciruas', 'kecamatan');
    u.kelurahan = await unit('Kelurahan Ciruas', 'kelurahan', u.kecamatan);
    u.kragilan = await unit('Kecamatan Kragilan', 'kecamatan');
    for (const [nip, name, unitId] of [
      [HEAD, 'Hadi Kurniawan', u.dinas], [STAFF_A, 'Ani Lestari', u.dinas], [STAFF_B, 'Budi Santoso', u.bidang], [STAFF_B2, 'Bunga Citra', u.bidang],
      [RETIRED, 'Rahmat Pensiun', u.dinas], [CAMAT, 'Citra Dewi', u.kecamatan], [STAFF_C, 'Dedi Supriadi', u.kecamatan], [LURAH, 'Lukman Hakim', u.kelurahan],
      [DRIVER, 'Joko Sopir', u.kragilan], [DINKES, 'Dian Sehat', u.dinkes],
    ] as const) await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: serang, unitId, employmentType: 'PNS', nip, name, active: true });
    await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: serang, unitId: u.kecamatan, employmentType: 'NON_ASN', internalId: THL, name: 'Tono Harian', active: true });
    await addUser(deps, 'kesbangpol.serang', 'agency_admin', { agencyId: serang });
    await addUser(deps, 'admin.ciruas', 'unit_admin', { agencyId: serang, unitId: u.kecamatan });
    app = await buildApp(deps);
    admin = await signIn(app, 'kesbangpol.serang');
    ciruas = await signIn(app, 'admin.ciruas');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const req = (method: 'GET' | 'POST' | 'PATCH', s: Session, url: string, payload?: object) => app.inject({ method, url: `/api/v1${url}`, ...s, ...(payload ? { payload } : {}) });
  const get = (s: Session, url: string) => req('GET', s, url);
  const post = (s: Session, url: string, payload?: object) => req('POST', s, url, payload);
  const event = async (over: Record<string, unknown> = {}) => {
    const res = await post(admin, '/socialization/events', { agencyId: serang, title: 'Sosialisasi netralitas ASN', heldOn: '2024-01-15', place: 'Aula', organiser: 'Kesbangpol', ...over });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; checkinToken: string };
  };
  const attend = async (eventId: string, nips: string[]) => {
    const res = await post(admin, `/socialization/events/${eventId}/attendance`, { nips });
    expect(res.statusCode, res.body).toBe(200);
  };
  const brief = (eventId: string, brieferNip: string, unitId: string, over: Record<string, unknown> = {}, s = admin) =>
    post(s, `/socialization/events/${eventId}/briefings`, { brieferNip, unitId, briefedOn: '2024-01-15', staff: { mode: 'unit_staff' }, ...over });
  const checkin = (token: string, nip: string) => app.inject({ method: 'POST', url: '/api/v1/public/socialization/checkin', payload: { token, nip } });
  const briefedCount = async (electionId: string) => {
    const res = await get(admin, `/socialization/coverage?agencyId=${serang}&electionId=${electionId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().total.briefed as number;
  };

  it('#9: keeps an election event within its plausible window and records no date before 2000', async () => {
    const early = await post(admin, '/socialization/events', { agencyId: serang, electionId: 'pemilu-2024', title: 'Sosialisasi', heldOn: '2019-05-01', place: 'Aula', organiser: 'Kesbangpol' });
    expect(early.statusCode, early.body).toBe(400);
    expect(early.json()).toMatchObject({ code: 'EVENT_OUTSIDE_ELECTION', message: { id: expect.stringContaining('2022-06-14'), en: expect.stringContaining('2022-06-14') } });
    const late = await post(admin, '/socialization/events', { agencyId: serang, electionId: 'pilkada-2024', title: 'Sosialisasi', heldOn: '2025-03-01', place: 'Aula', organiser: 'Kesbangpol' });
    expect(late.json().code).toBe('EVENT_OUTSIDE_ELECTION');
    // early socialization, months before the first stage of the 2024 regional elections (27 February 2024)
    await event({ electionId: 'pilkada-2024', heldOn: '2023-12-01' });
    const ancient = await post(admin, '/socialization/events', { agencyId: serang, title: 'Sosialisasi', heldOn: '1999-12-31', place: 'Aula', organiser: 'Kesbangpol' });
    expect(ancient.json()).toMatchObject({ code: 'EVENT_DATE_IMPLAUSIBLE', message: { id: expect.any(String), en: expect.any(String) } });
    const reminder = await post(admin, '/socialization/reminders', { agencyId: serang, kind: 'banner', doneOn: '1999-12-31', description: 'Spanduk netralitas' });
    expect(reminder.statusCode).toBe(400);
    expect(reminder.json().code).toBe('REMINDER_DATE_IMPLAUSIBLE');
  });

  it('#12: coverage for an unknown election is a 400, as creating an event for one is', async () => {
    const coverage = await get(admin, `/socialization/coverage?agencyId=${serang}&electionId=pemilu-2099`);
    expect(coverage.statusCode).toBe(400);
    expect(coverage.json()).toMatchObject({ code: 'ELECTION_UNKNOWN', message: { id: expect.stringContaining('pemilu-2099') } });
  });

  it('#8: refuses invisible, control and text-direction characters in free text, in both languages', async () => {
    const ev = await event();
    const cases: [string, object][] = [
      ['/socialization/events', { agencyId: serang, title: '\u200b\u200b\u200b', heldOn: '2024-01-15', place: 'Aula', organiser: 'Kesbangpol' }],
      ['/socialization/events', { agencyId: serang, title: 'Sosialisasi \u202eASN', heldOn: '2024-01-15', place: 'Aula', organiser: 'Kesbangpol' }],
      ['/socialization/events', { agencyId: serang, title: 'Sosialisasi', heldOn: '2024-01-15', place: 'Au\u0007la', organiser: 'Kesbangpol' }],
      ['/socialization/events', { agencyId: serang, title: 'Sosialisasi', heldOn: '2024-01-15', place: 'Aula', organiser: 'Kesbangpol', materials: ['\u2066SKB\u2069'] }],
      ['/socialization/reminders', { agencyId: serang, kind: 'banner', doneOn: '2024-01-15', description: 'Span\u001bduk netralitas' }],
      [`/socialization/events/${ev.id}/briefings`, { brieferNip: HEAD, unitId: u.dinas, briefedOn: '2024-01-15', staff: { mode: 'unit_staff' }, notes: 'Apel \u202e pagi' }],
    ];
    for (const [url, payload] of cases) {
      const res = await post(admin, url, payload);
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().message.id).toMatch(/karakter/);
    }
    const zero = await post(admin, '/socialization/events', cases[0]![1]);
    expect(zero.json().message.id).toContain('minimal 3 karakter terlihat');
  });

  it('#5: QR check-in takes the audience only, and every reader\'s count matches their list', async () => {
    const forDinas = await event({ title: 'Sosialisasi Dinas Pendidikan', audienceUnitIds: [u.dinas] });
    const outside = await checkin(forDinas.checkinToken, CAMAT);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'CHECKIN_NOT_IN_AUDIENCE', message: { id: expect.stringContaining('Dinas Pendidikan'), en: expect.stringContaining('Dinas Pendidikan') } });
    expect((await checkin(forDinas.checkinToken, STAFF_B)).json().status).toBe('checked_in'); // Bidang SD lies inside the Dinas
    const detail = (await get(admin, `/socialization/events/${forDinas.id}`)).json();
    const list = (await get(admin, `/socialization/events/${forDinas.id}/attendance`)).json().items;
    expect(detail.attendees).toBe(1);
    expect(list.map((a: Item) => a.nip)).toEqual([STAFF_B]);

    const wide = await event({ title: 'Sosialisasi seluruh Pemkab' });
    await attend(wide.id, [HEAD, CAMAT, STAFF_C]);
    // every reader's count is the count of the list they get
    for (const s of [admin, ciruas]) {
      const n = (await get(s, `/socialization/events/${wide.id}`)).json().attendees;
      const rows = (await get(s, `/socialization/events/${wide.id}/attendance`)).json().items;
      expect(rows.length).toBe(n);
    }
    expect((await get(ciruas, `/socialization/events/${wide.id}`)).json().attendees).toBe(2);
  });

  it('#7: QR check-in finds a non-ASN id whatever its case', async () => {
    const wide = await event({ title: 'Sosialisasi seluruh Pemkab' });
    const thl = await checkin(wide.checkinToken, ' thl-003841 ');
    expect(thl.statusCode, thl.body).toBe(200);
    expect(thl.json()).toMatchObject({ status: 'checked_in', name: 'T*** H*****' });
    expect((await checkin(wide.checkinToken, 'Thl-003841')).json().status).toBe('already_checked_in');
    expect((await checkin(wide.checkinToken, THL)).json().status).toBe('already_checked_in');
  });

  it('#2 #11: the briefer belongs to the unit briefed or a unit above it, and is an active employee', async () => {
    const ev = await event();
    await attend(ev.id, [DRIVER, CAMAT, RETIRED]);
    const driver = await brief(ev.id, DRIVER, u.dinkes);
    expect(driver.statusCode).toBe(400);
    expect(driver.json()).toMatchObject({ code: 'BRIEFER_NOT_ABOVE_UNIT', message: { id: expect.stringContaining('Dinas Kesehatan'), en: expect.stringContaining('Dinas Kesehatan') } });
    // the camat briefs the kelurahan below; the lurah, briefed so, cannot brief the kecamatan above
    expect((await brief(ev.id, CAMAT, u.kelurahan)).statusCode).toBe(201);
    expect((await brief(ev.id, LURAH, u.kecamatan)).json().code).toBe('BRIEFER_NOT_ABOVE_UNIT');
    await deps.db.query('UPDATE employees SET active = false WHERE nip = $1', [RETIRED]);
    const retired = await brief(ev.id, RETIRED, u.dinas, { staff: { mode: 'list', nips: [STAFF_A] } });
    expect(retired.statusCode).toBe(400);
    expect(retired.json()).toMatchObject({ code: 'BRIEFER_INACTIVE', message: { id: expect.stringContaining('aktif'), en: expect.stringContaining('active') } });
    const rows = (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM socialization_briefings WHERE event_id = $1', [ev.id])).rows[0]!.n;
    expect(rows).toBe(1);
  });

  it('#10: a briefing\'s headcount covers at least the named staff', async () => {
    const ev = await event();
    await attend(ev.id, [HEAD]);
    const low = await brief(ev.id, HEAD, u.dinas, { attendanceCount: 1 });
    expect(low.statusCode).toBe(400);
    expect(low.json()).toMatchObject({ code: 'BRIEFING_HEADCOUNT_TOO_LOW', message: { id: expect.stringContaining('(1)'), en: expect.stringMatching(/\(1\) is lower than the number of staff recorded as briefed \(\d+\)/) } });
    expect((await brief(ev.id, HEAD, u.dinas, { attendanceCount: 10 })).statusCode).toBe(201);
  });

  it('#3: the same briefing twice is a 409, and the cascade counts people once', async () => {
    const ev = await event({ electionId: 'pemilu-2024' });
    await attend(ev.id, [HEAD]);
    expect((await brief(ev.id, HEAD, u.dinas, { staff: { mode: 'list', nips: [STAFF_A] } })).statusCode).toBe(201);
    const again = await brief(ev.id, HEAD, u.dinas, { staff: { mode: 'list', nips: [` ${STAFF_A} `] }, attendanceCount: 4 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'BRIEFING_DUPLICATE', message: { id: expect.stringContaining('Dinas Pendidikan'), en: expect.stringContaining('2024-01-15') } });
    // other staff the same day, or the same staff another day, are other briefings; the head reached 3 people, not 5 rows
    expect((await brief(ev.id, HEAD, u.dinas, { staff: { mode: 'list', nips: [STAFF_A, STAFF_B] } })).statusCode).toBe(201);
    expect((await brief(ev.id, HEAD, u.bidang, { staff: { mode: 'unit_staff' } })).statusCode).toBe(201);
    const head = (await get(admin, `/socialization/events/${ev.id}/attendance`)).json().items[0];
    expect(head).toMatchObject({ nip: HEAD, briefings: 3, briefedStaff: 3 });
    expect((await get(admin, `/socialization/events/${ev.id}`)).json().briefings).toBe(3);
  });

  it('#4: nobody briefs others before they were briefed themselves', async () => {
    const ev = await event({ heldOn: '2024-01-10' });
    await attend(ev.id, [HEAD]);
    expect((await brief(ev.id, HEAD, u.bidang, { briefedOn: '2024-01-12', staff: { mode: 'list', nips: [STAFF_B] } })).statusCode).toBe(201);
    const early = await brief(ev.id, STAFF_B, u.bidang, { briefedOn: '2024-01-11', staff: { mode: 'list', nips: [STAFF_B2] } });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'BRIEFING_BEFORE_BRIEFER_BRIEFED', message: { id: expect.stringContaining('2024-01-12'), en: expect.stringContaining('2024-01-12') } });
    expect((await brief(ev.id, STAFF_B, u.bidang, { briefedOn: '2024-01-12', staff: { mode: 'list', nips: [STAFF_B2] } })).statusCode).toBe(201);
  });

  it('#1: withdraws attendance and briefings with a reason, keeps them listed as withdrawn, and stops counting them', async () => {
    const ev = await event({ electionId: 'pilkada-2024', heldOn: '2024-01-12' });
    await attend(ev.id, [HEAD, CAMAT]);
    const b1 = (await brief(ev.id, HEAD, u.dinas, { briefedOn: '2024-01-13', staff: { mode: 'list', nips: [STAFF_A, STAFF_B] } })).json().id as string;
    const b2 = (await brief(ev.id, STAFF_B, u.bidang, { briefedOn: '2024-01-14', staff: { mode: 'list', nips: [STAFF_B2] } })).json().id as string;
    expect(await briefedCount('pilkada-2024')).toBe(5);
    const voidB = (id: string, reason?: string, s = admin) => post(s, `/socialization/events/${ev.id}/briefings/${id}/void`, reason === undefined ? {} : { reason });
    const attendees = async () => (await get(admin, `/socialization/events/${ev.id}/attendance`)).json().items as Item[];
    const headEntry = (await attendees()).find((a) => a.nip === HEAD)!;
    const voidA = (id: string, reason: string) => post(admin, `/socialization/events/${ev.id}/attendance/${id}/void`, { reason });

    // a reason is required; out of scope is unknown; nothing below may be left without its briefer
    expect((await voidB(b1)).statusCode).toBe(400);
    expect((await voidB(b1, '  \u200b ')).json().code).toBe('VALIDATION_FAILED');
    expect((await voidB(b1, 'Salah input unit', ciruas)).statusCode).toBe(404);
    const orphaning = await voidB(b1, 'Salah input unit');
    expect(orphaning.statusCode).toBe(409);
    expect(orphaning.json()).toMatchObject({ code: 'WITHDRAWAL_ORPHANS_BRIEFINGS', message: { id: expect.stringContaining('Budi Santoso'), en: expect.stringContaining('2024-01-14') } });
    expect((await voidA(headEntry.id, 'Tidak hadir')).json().code).toBe('WITHDRAWAL_ORPHANS_BRIEFINGS');
    expect(await briefedCount('pilkada-2024')).toBe(5);

    const done = await voidB(b2, 'Arahan dicatat dua kali');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id: b2, voided: { reason: 'Arahan dicatat dua kali', by: 'kesbangpol.serang' } });
    expect((await voidB(b2, 'Arahan dicatat dua kali')).json().code).toBe('ALREADY_WITHDRAWN');
    const listed = (await get(admin, `/socialization/events/${ev.id}/briefings`)).json().items as Item[];
    expect(listed.map((b) => [b.id, b.voided?.reason ?? null, b.allowedActions])).toEqual([[b1, null, ['void']], [b2, 'Arahan dicatat dua kali', []]]);
    expect(await briefedCount('pilkada-2024')).toBe(4);
    expect((await get(admin, `/socialization/events/${ev.id}`)).json().briefings).toBe(1);

    expect((await voidB(b1, 'Salah input unit')).statusCode).toBe(200);
    expect((await voidA(headEntry.id, 'Tidak hadir, salah ketik NIP')).statusCode).toBe(200);
    expect(await briefedCount('pilkada-2024')).toBe(1);
    const after = await attendees();
    expect(after.map((a) => [a.nip, a.voided?.reason ?? null, a.allowedActions])).toEqual([[CAMAT, null, ['void']], [HEAD, 'Tidak hadir, salah ketik NIP', []]]);
    expect((await get(admin, `/socialization/events/${ev.id}`)).json().attendees).toBe(1);
    // recorded again later: a new entry beside the withdrawn one
    expect((await post(admin, `/socialization/events/${ev.id}/attendance`, { nips: [HEAD] })).json()).toEqual({ recorded: 1, alreadyPresent: 0 });
    expect((await attendees()).filter((a) => a.nip === HEAD).map((a) => a.voided === null)).toEqual([true, false]);
    expect(await briefedCount('pilkada-2024')).toBe(2);

    const audit = (await deps.db.query<{ action: string; details: { reason?: string } | string }>(
      "SELECT action, details FROM audit_events WHERE action LIKE 'socialization.%voided' ORDER BY seq",
    )).rows.map((r) => [r.action, (typeof r.details === 'string' ? JSON.parse(r.details) : r.details).reason]);
    expect(audit).toEqual([
      ['socialization.briefing_voided', 'Arahan dicatat dua kali'], ['socialization.briefing_voided', 'Salah input unit'], ['socialization.attendance_voided', 'Tidak hadir, salah ketik NIP'],
    ]);
  });

  it('#1: corrects an event\'s details; a new date may not leave what was recorded before it', async () => {
    const ev = await event({ electionId: 'pemilu-2024', heldOn: '2024-01-12', audienceUnitIds: [] });
    const patch = (s: Session, payload: object) => req('PATCH', s, `/socialization/events/${ev.id}`, payload);
    expect((await patch(ciruas, { title: 'Bukan acara saya' })).statusCode).toBe(403);
    const fixed = await patch(admin, { title: 'Sosialisasi netralitas ASN (koreksi)', place: 'Pendopo', organiser: 'Kesbangpol dan BKPSDM' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ title: 'Sosialisasi netralitas ASN (koreksi)', place: 'Pendopo', organiser: 'Kesbangpol dan BKPSDM', heldOn: '2024-01-12', allowedActions: expect.arrayContaining(['edit']) });
    await attend(ev.id, [CAMAT]); // recorded on 15 January
    expect((await brief(ev.id, CAMAT, u.kecamatan, { briefedOn: '2024-01-13' })).statusCode).toBe(201);
    const orphaning = await patch(admin, { heldOn: '2024-01-14' });
    expect(orphaning.statusCode).toBe(409);
    expect(orphaning.json()).toMatchObject({ code: 'EVENT_DATE_ORPHANS_RECORDS', message: { id: expect.stringContaining('2024-01-13'), en: expect.stringContaining('2024-01-13') } });
    expect((await patch(admin, { heldOn: '2019-01-01' })).json().code).toBe('EVENT_OUTSIDE_ELECTION');
    const moved = await patch(admin, { heldOn: '2024-01-11' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().heldOn).toBe('2024-01-11');
    const audit = (await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'socialization.event_updated' AND entity_id = $1", [ev.id])).rows[0]!.n;
    expect(audit).toBe(2);
  });

  it('#1 #13: withdraws a reminder activity in scope; a unit admin sees their agency\'s agency-wide activities', async () => {
    const log = async (s: Session, payload: object) => {
      const res = await post(s, '/socialization/reminders', { agencyId: serang, kind: 'banner', doneOn: '2024-01-14', description: 'Spanduk netralitas ASN', ...payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Item;
    };
    const own = await log(ciruas, { unitId: u.kecamatan });
    const wide = await log(admin, { kind: 'social_post', description: 'Unggahan resmi Pemkab' });
    const mine = (await get(ciruas, `/socialization/reminders?agencyId=${serang}`)).json().items as Item[];
    expect(mine.map((r) => [r.id, r.allowedActions])).toEqual(expect.arrayContaining([[own.id, ['void']], [wide.id, []]]));
    const voidR = (s: Session, id: string, reason: string) => post(s, `/socialization/reminders/${id}/void`, { reason });
    expect((await voidR(ciruas, wide.id, 'Bukan kegiatan kami')).statusCode).toBe(404);
    const done = await voidR(ciruas, own.id, 'Spanduk belum dipasang');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id: own.id, voided: { reason: 'Spanduk belum dipasang', by: 'admin.ciruas' }, allowedActions: [] });
    expect((await voidR(admin, own.id, 'lagi lagi')).json().code).toBe('ALREADY_WITHDRAWN');
    const listed = ((await get(admin, `/socialization/reminders?agencyId=${serang}`)).json().items as Item[]).find((r) => r.id === own.id);
    expect(listed?.voided?.reason).toBe('Spanduk belum dipasang');
  });

  it('#6: tells the web where the caller may record; out-of-scope units are refused without their ids', async () => {
    const scope = await get(ciruas, `/socialization/scope?agencyId=${serang}`);
    expect(scope.statusCode, scope.body).toBe(200);
    expect(scope.json()).toEqual({ agencyWide: false, unitIds: [u.kecamatan, u.kelurahan] });
    const all = (await get(admin, `/socialization/scope?agencyId=${serang}`)).json();
    expect(all.agencyWide).toBe(true);
    expect(all.unitIds).toHaveLength(6);
    const refused = await post(ciruas, '/socialization/reminders', { agencyId: serang, unitId: u.dinas, kind: 'banner', doneOn: '2024-01-14', description: 'Spanduk' });
    expect(refused.statusCode).toBe(404);
    expect(JSON.stringify(refused.json().message)).not.toContain(u.dinas);
    const ev = await event();
    const briefing = await brief(ev.id, CAMAT, u.dinas, {}, ciruas);
    expect(briefing.statusCode).toBe(404);
    expect(JSON.stringify(briefing.json().message)).not.toContain(u.dinas);
  });
});
