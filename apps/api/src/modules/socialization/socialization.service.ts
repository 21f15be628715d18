/**
 * Socialization (sosialisasi netralitas): events per agency, attendance by QR check-in or an
 * imported list, the briefing cascade (an attendee — typically a unit head — briefs the staff of a
 * unit; whoever was briefed may brief further down), "briefed" coverage per employee with a
 * drill-down by unit, and reminder activities (banners, official posts, notices) logged per unit.
 * A wrongly recorded attendance entry, briefing or reminder activity is withdrawn (voided) with a
 * reason, never deleted: it stays listed as withdrawn and stops counting.
 */
import crypto from 'node:crypto';
import type {
  BriefedCoverage, BriefedCoverageQuery, BriefingInput, Permission, ReminderActivity, ReminderActivityInput, SocializationAttendee, SocializationBriefing, SocializationEvent,
  SocializationEventInput, SocializationEventSummary, SocializationEventUpdate, SocializationScope, VoidInput,
} from '@netra/contracts';
import { electionSpan, findElection, localDateInRegion, type Election } from '@netra/rules';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, conflict, forbidden, invalid, notFound, type Msg } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { scopeSql, type Principal } from '../auth/domain/policy.ts';
import { maskName } from '../pledges/domain/pledge-rules.ts';
import { SELF_SERVICE, day } from '../pledges/pledges.service.ts';
import { COLS as EMPLOYEE_COLS } from '../registry/employee-scope.ts';
import {
  briefedCounts, brieferReachesUnit, checkAttendanceImport, checkBriefingHeadcount, checkCheckinWindow, checkEventDate, checkEventDateChange, checkReminderDate, distinctNips,
  normaliseNip, orphanedBy, unknownNipsMessage, type CascadeBriefing, type Refusal,
} from './domain/socialization-rules.ts';

/** Agency rows (alias a) as containers: a unit-scoped grant reaches its whole agency record. */
const AGENCY_COLS = { region: 'a.region_code', agency: 'a.id', regionOverlap: true, ignoreUnit: true };
/** Agency rows (alias a) for agency-wide grants only: a unit-scoped grant contributes nothing here. */
const AGENCY_WIDE_COLS = { region: 'a.region_code', agency: 'a.id', regionOverlap: true };
/** Unit rows (alias u, its agency a, unless other aliases are given). */
const unitCols = (u = 'u', a = 'a') => ({ region: `coalesce(${u}.region_code, ${a}.region_code)`, agency: `${u}.agency_id`, unitIdPath: `${u}.id_path` });
const UNIT_COLS = unitCols();

const newToken = () => crypto.randomBytes(18).toString('base64url');
const refuse = (r: Refusal | null) => {
  if (r) throw invalid(r.code, r.message);
};

/** The election named by an input, else 400 ELECTION_UNKNOWN. */
function electionOf(id: string | undefined): Election | null {
  if (!id) return null;
  const election = findElection(id);
  if (!election) throw invalid('ELECTION_UNKNOWN', { id: `Pemilihan tidak dikenal: ${id}`, en: `Unknown election: ${id}` });
  return election;
}

/** An event's date checked against its election's window in the agency's region. */
function checkEventDateFor(heldOn: string, electionId: string | null | undefined, regionCode: string) {
  const election = electionOf(electionId ?? undefined);
  refuse(checkEventDate({ heldOn, election: election && { name: election.name, span: electionSpan(election, regionCode) } }));
}

/** Out-of-scope and unknown records answer 404 alike, without echoing ids into the message. */
const missing = (msg: Msg) => new AppError(404, 'NOT_FOUND', msg);
const unitMissing = () => missing({ id: 'Unit tidak ditemukan di instansi ini atau di luar cakupan Anda.', en: 'Unit not found in this agency or outside your scope.' });
/** Marks a record withdrawn: kept (and listed as withdrawn) for the audit trail, no longer counted. */
const markWithdrawn = (tx: Queryable, table: 'socialization_attendance' | 'socialization_briefings' | 'socialization_reminders', id: string, p: Principal, reason: string, now: Date) =>
  tx.query(`UPDATE ${table} SET voided_at = $2, voided_by = $3, void_reason = $4 WHERE id = $1`, [id, now, p.userId, reason]);
const alreadyWithdrawn = () => conflict('ALREADY_WITHDRAWN', { id: 'Catatan ini sudah ditarik sebelumnya.', en: 'This entry was already withdrawn.' });

type EventRow = {
  id: string; agency_id: string; agency_name: string; region_code: string; election_id: string | null; title: string; held_on: string | Date;
  place: string; organiser: string; materials: string[]; audience_unit_ids: string[]; checkin_token: string;
};
type CountedEventRow = EventRow & { attendees: number; briefings: number };
const EVENT_BASE = 'SELECT ev.*, a.name AS agency_name, a.region_code FROM socialization_events ev JOIN agencies a ON a.id = ev.agency_id';
/**
 * Events with their counts as the caller's lists show them: attendance (not withdrawn) of employees in
 * the caller's registry scope, briefings (not withdrawn) of units in it. So a count and its list agree.
 */
function eventSelect(p: Principal, params: unknown[]) {
  const staff = scopeSql(p, 'registry.read', EMPLOYEE_COLS, params);
  const units = scopeSql(p, 'registry.read', unitCols('bu', 'ba'), params);
  return `SELECT ev.*, a.name AS agency_name, a.region_code,
    (SELECT count(*)::int FROM socialization_attendance x JOIN employees e ON e.id = x.employee_id WHERE x.event_id = ev.id AND x.voided_at IS NULL AND ${staff}) AS attendees,
    (SELECT count(*)::int FROM socialization_briefings b JOIN units bu ON bu.id = b.unit_id JOIN agencies ba ON ba.id = bu.agency_id
      WHERE b.event_id = ev.id AND b.voided_at IS NULL AND ${units}) AS briefings
  FROM socialization_events ev JOIN agencies a ON a.id = ev.agency_id`;
}

/*
 * Whose event is it? An event records no organising unit (`organiser` is free text, `created_by` a
 * person whose grants may change), so its reach is its audience: the audience units and their
 * sub-units, or the whole agency when it names none. For the socialization_events row `ev` (its
 * agency `a`):
 * - grants without a unit (agency admins, regional roles) see and manage every event of the agencies
 *   they reach, as before;
 * - a unit-scoped grant (unit admin) SEES an event whose audience reaches its unit subtree: an
 *   agency-wide event, or one with an audience unit inside the subtree or above it (the unit's
 *   staff are part of that audience). Any other event answers 404 like an unknown one;
 * - a unit-scoped grant MANAGES (check-in token, rotating it, the attendance list) only an event
 *   whose audience lies entirely inside the units it may write: the QR code and attendance of an
 *   event for other units belong to whoever organises it. Agency-wide events are managed with an
 *   agency-wide grant only, and so are only created with one (createEvent).
 * Recording a briefing stays open to whoever sees the event: the unit briefed must be in the
 * caller's write scope (recordBriefing), as the cascade runs down through the units.
 */
function eventVisibleSql(p: Principal, perm: Permission, params: unknown[]): string {
  const agencyWide = scopeSql(p, perm, AGENCY_WIDE_COLS, params);
  const inAgency = scopeSql(p, perm, AGENCY_COLS, params);
  const mine = scopeSql(p, perm, unitCols('mu', 'ma'), params);
  return `(${agencyWide}
    OR (cardinality(ev.audience_unit_ids) = 0 AND ${inAgency})
    OR EXISTS (SELECT 1 FROM units au JOIN units mu ON mu.agency_id = au.agency_id AND mu.id_path LIKE au.id_path || '%' JOIN agencies ma ON ma.id = mu.agency_id
                WHERE au.id = ANY(ev.audience_unit_ids) AND au.agency_id = ev.agency_id AND ${mine}))`;
}

/** The event `ev` (agency `a`) is managed by the caller: see the rule above. */
function eventManagedSql(p: Principal, params: unknown[]): string {
  const agencyWide = scopeSql(p, 'registry.write', AGENCY_WIDE_COLS, params);
  const units = scopeSql(p, 'registry.write', unitCols('au', 'aa'), params);
  return `(${agencyWide}
    OR (cardinality(ev.audience_unit_ids) > 0 AND cardinality(ev.audience_unit_ids) = (
      SELECT count(*) FROM units au JOIN agencies aa ON aa.id = au.agency_id WHERE au.id = ANY(ev.audience_unit_ids) AND au.agency_id = ev.agency_id AND ${units})))`;
}

/**
 * An event the caller sees (see the rule above), else 404. `lock` takes the event row first: writes
 * that decide on the cascade or the date (`update`) run one at a time per event, and attendance
 * (`share`) never slips in before a date change it would contradict.
 */
async function loadEvent(db: Queryable, p: Principal, id: string, lock?: 'update' | 'share'): Promise<CountedEventRow> {
  if (lock) await db.query(`SELECT 1 FROM socialization_events WHERE id = $1 FOR ${lock === 'update' ? 'UPDATE' : 'SHARE'}`, [id]);
  const params: unknown[] = [id];
  const ev = (await db.query<CountedEventRow>(`${eventSelect(p, params)} WHERE ev.id = $1 AND ${eventVisibleSql(p, 'registry.read', params)}`, params)).rows[0];
  if (!ev) throw missing({ id: 'Acara tidak ditemukan atau di luar cakupan Anda.', en: 'Event not found or outside your scope.' });
  return ev;
}

/** What the caller may do with an event they see: manage it, and/or record briefings (a write grant in its agency). */
async function eventRights(db: Queryable, p: Principal, id: string): Promise<{ manage: boolean; brief: boolean }> {
  const params: unknown[] = [id];
  const manage = eventManagedSql(p, params);
  const brief = scopeSql(p, 'registry.write', AGENCY_COLS, params);
  const row = (await db.query<{ manage: boolean; brief: boolean }>(
    `SELECT ${manage} AS manage, ${brief} AS brief FROM socialization_events ev JOIN agencies a ON a.id = ev.agency_id WHERE ev.id = $1`, params,
  )).rows[0];
  return { manage: row?.manage === true, brief: row?.brief === true };
}

/** The caller manages this (visible) event, else 403. */
async function assertManageEvent(db: Queryable, p: Principal, id: string) {
  if (!(await eventRights(db, p, id)).manage)
    throw forbidden('EVENT_NOT_MANAGED', {
      id: 'Acara ini dikelola oleh penyelenggaranya: Anda hanya dapat mengelola acara yang seluruh unit sasarannya berada dalam cakupan Anda.',
      en: 'This event is managed by its organisers: you may only manage events whose audience units are all within your scope.',
    });
}

/** May the caller hold socialization in this agency at all (any write grant in it)? Returns its region. */
async function assertWriteInAgency(db: Queryable, p: Principal, agencyId: string): Promise<{ region_code: string }> {
  const params: unknown[] = [agencyId];
  const agency = (await db.query<{ region_code: string }>(`SELECT a.region_code FROM agencies a WHERE a.id = $1 AND ${scopeSql(p, 'registry.write', AGENCY_COLS, params)}`, params)).rows[0];
  if (!agency) throw forbidden();
  return agency;
}

const toSummary = (e: CountedEventRow): SocializationEventSummary => ({
  id: e.id, agencyId: e.agency_id, agencyName: e.agency_name, electionId: e.election_id, title: e.title, heldOn: day(e.held_on),
  place: e.place, organiser: e.organiser, attendees: e.attendees, briefings: e.briefings,
});

export async function createEvent(deps: Deps, p: Principal, input: SocializationEventInput) {
  electionOf(input.electionId);
  const unitIds = [...new Set(input.audienceUnitIds)];
  return deps.db.transaction(async (tx) => {
    const agency = await assertWriteInAgency(tx, p, input.agencyId);
    if (!unitIds.length) {
      // an agency-wide event: only an agency-wide grant may hold (and so manage) one
      const params: unknown[] = [input.agencyId];
      if (!(await tx.query(`SELECT 1 FROM agencies a WHERE a.id = $1 AND ${scopeSql(p, 'registry.write', AGENCY_WIDE_COLS, params)}`, params)).rowCount)
        throw forbidden('EVENT_AUDIENCE_REQUIRED', {
          id: 'Pilih unit sasaran dalam cakupan Anda; acara untuk seluruh instansi hanya dapat dibuat oleh admin instansi.',
          en: 'Choose audience units within your scope; an event for the whole agency can only be created by an agency admin.',
        });
    } else {
      const params: unknown[] = [unitIds, input.agencyId];
      const n = (await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM units u JOIN agencies a ON a.id = u.agency_id WHERE u.id = ANY($1::uuid[]) AND u.agency_id = $2 AND ${scopeSql(p, 'registry.write', UNIT_COLS, params)}`, params,
      )).rows[0]!.n;
      if (n !== unitIds.length) throw invalid('AUDIENCE_UNIT_UNKNOWN', { id: 'Unit sasaran tidak ditemukan di instansi ini atau di luar cakupan Anda.', en: 'An audience unit is not in this agency or outside your scope.' });
    }
    checkEventDateFor(input.heldOn, input.electionId, agency.region_code);
    const token = newToken();
    const id = (await tx.query<{ id: string }>(
      `INSERT INTO socialization_events (agency_id, election_id, title, held_on, place, organiser, materials, audience_unit_ids, checkin_token, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [input.agencyId, input.electionId ?? null, input.title, input.heldOn, input.place, input.organiser, input.materials, unitIds, token, p.userId],
    )).rows[0]!.id;
    await appendAudit(tx, { actor: actorOf(p), action: 'socialization.event_created', entityType: 'socialization_event', entityId: id, after: input, at: deps.clock.now() });
    return { id, checkinToken: token };
  });
}

/** Events the caller sees (agency-wide grants: all of their agencies; unit admins: those reaching their units), newest first. */
export async function listEvents(deps: Deps, p: Principal, q: { agencyId?: string }): Promise<SocializationEventSummary[]> {
  const params: unknown[] = [];
  const select = eventSelect(p, params);
  const where = [eventVisibleSql(p, 'registry.read', params)];
  if (q.agencyId) where.push(`ev.agency_id = $${params.push(q.agencyId)}`);
  const rows = (await deps.db.query<CountedEventRow>(`${select} WHERE ${where.join(' AND ')} ORDER BY ev.held_on DESC, ev.created_at DESC LIMIT 500`, params)).rows;
  return rows.map(toSummary);
}

async function eventDetail(db: Queryable, deps: Deps, p: Principal, id: string): Promise<SocializationEvent> {
  const e = await loadEvent(db, p, id);
  const { manage, brief } = await eventRights(db, p, e.id);
  const units = (await db.query<{ id: string; name: string; path: string }>('SELECT id, name, path FROM units WHERE id = ANY($1::uuid[]) ORDER BY path', [e.audience_unit_ids])).rows;
  return {
    ...toSummary(e),
    materials: e.materials,
    audienceUnits: units,
    checkinOpen: !checkCheckinWindow({ today: localDateInRegion(deps.clock.now(), e.region_code), heldOn: day(e.held_on) }),
    checkinToken: manage ? e.checkin_token : null,
    allowedActions: manage ? ['import_attendance', 'record_briefing', 'rotate_token', 'edit'] : brief ? ['record_briefing'] : [],
  };
}

export const getEvent = (deps: Deps, p: Principal, id: string) => eventDetail(deps.db, deps, p, id);

/**
 * Corrects an event's title, place, organiser, materials or date (its managers only). A new date is
 * checked like a new event's and may not come after attendance or briefings already recorded for it.
 */
export async function updateEvent(deps: Deps, p: Principal, id: string, input: SocializationEventUpdate): Promise<SocializationEvent> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const e = await loadEvent(tx, p, id, 'update');
    await assertManageEvent(tx, p, e.id);
    const before = { title: e.title, heldOn: day(e.held_on), place: e.place, organiser: e.organiser, materials: e.materials };
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as typeof before;
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (!changed.length) return eventDetail(tx, deps, p, e.id);
    if (after.heldOn !== before.heldOn) {
      checkEventDateFor(after.heldOn, e.election_id, e.region_code);
      const first = (await tx.query<{ attended: Date | null; briefed: string | Date | null }>(
        `SELECT (SELECT min(checked_in_at) FROM socialization_attendance WHERE event_id = $1 AND voided_at IS NULL) AS attended,
                (SELECT min(briefed_on) FROM socialization_briefings WHERE event_id = $1 AND voided_at IS NULL) AS briefed`, [e.id],
      )).rows[0]!;
      const refusal = checkEventDateChange({
        heldOn: after.heldOn, firstAttendanceOn: first.attended && localDateInRegion(new Date(first.attended), e.region_code), firstBriefingOn: first.briefed && day(first.briefed),
      });
      if (refusal) throw conflict(refusal.code, refusal.message);
    }
    await tx.query('UPDATE socialization_events SET title = $2, held_on = $3, place = $4, organiser = $5, materials = $6 WHERE id = $1', [e.id, after.title, after.heldOn, after.place, after.organiser, after.materials]);
    const pick = (o: typeof before) => Object.fromEntries(changed.map((k) => [k, o[k]]));
    await appendAudit(tx, { actor: actorOf(p), action: 'socialization.event_updated', entityType: 'socialization_event', entityId: e.id, before: pick(before), after: pick(after), details: { changed }, at: now });
    return eventDetail(tx, deps, p, e.id);
  });
}

/** A new check-in token: the old link and QR code stop working (e.g. when a photo of it leaked). */
export async function rotateCheckinToken(deps: Deps, p: Principal, id: string) {
  return deps.db.transaction(async (tx) => {
    const e = await loadEvent(tx, p, id, 'update');
    await assertManageEvent(tx, p, e.id);
    const token = newToken();
    await tx.query('UPDATE socialization_events SET checkin_token = $2 WHERE id = $1', [id, token]);
    await appendAudit(tx, { actor: actorOf(p), action: 'socialization.checkin_token_rotated', entityType: 'socialization_event', entityId: id, at: deps.clock.now() });
    return { checkinToken: token };
  });
}

async function eventByToken(db: Queryable, token: string, lock = false) {
  const e = (await db.query<EventRow>(`${EVENT_BASE} WHERE ev.checkin_token = $1${lock ? ' FOR SHARE OF ev' : ''}`, [token.trim()])).rows[0];
  if (!e) throw new AppError(404, 'CHECKIN_TOKEN_INVALID', { id: 'Tautan presensi tidak dikenal atau sudah diganti.', en: 'Unknown or replaced check-in link.' });
  return e;
}

/** What the public check-in page shows: the event, not who attended. */
export async function publicCheckinEvent(deps: Deps, token: string) {
  const e = await eventByToken(deps.db, token);
  const open = !checkCheckinWindow({ today: localDateInRegion(deps.clock.now(), e.region_code), heldOn: day(e.held_on) });
  return { title: e.title, agency: e.agency_name, heldOn: day(e.held_on), place: e.place, organiser: e.organiser, open };
}

type EmployeeMatch = { id: string; nip: string | null; internal_id: string | null; name: string; active: boolean; unit_id_path: string | null };

/**
 * Employees of `agencyId` matched by NIP or agency-internal (non-ASN) id, limited by `extra` SQL
 * conditions (and to active employees unless `includeInactive`). A non-ASN id matches whatever its case
 * ("thl-003841" finds THL-003841); an exact match wins, and an id matching two records only by case
 * matches neither.
 */
async function employeesByNip(tx: Queryable, agencyId: string, nips: string[], opts: { extra?: (params: unknown[]) => string[]; includeInactive?: boolean } = {}) {
  const params: unknown[] = [agencyId, nips, nips.map((n) => n.toUpperCase())];
  const where = ['e.agency_id = $1', '(e.nip = ANY($2::text[]) OR upper(e.internal_id) = ANY($3::text[]))', ...(opts.includeInactive ? [] : ['e.active']), ...(opts.extra?.(params) ?? [])];
  const rows = (await tx.query<EmployeeMatch>(
    `SELECT e.id, e.nip, e.internal_id, e.name, e.active, u.id_path AS unit_id_path FROM employees e LEFT JOIN units u ON u.id = e.unit_id WHERE ${where.join(' AND ')}`, params,
  )).rows;
  const matched = new Map<string, EmployeeMatch>();
  const unknown: string[] = [];
  for (const n of nips) {
    const exact = rows.find((r) => r.nip === n || r.internal_id === n);
    const folded = rows.filter((r) => r.internal_id?.toUpperCase() === n.toUpperCase());
    const hit = exact ?? (folded.length === 1 ? folded[0] : undefined);
    if (hit) matched.set(hit.id, hit);
    else unknown.push(n);
  }
  return { rows: [...matched.values()], unknown };
}

/** An event's audience reaches an employee (unit id path, null without a unit): an agency-wide event reaches everyone. */
async function inAudience(tx: Queryable, e: EventRow, unitIdPath: string | null): Promise<boolean> {
  if (!e.audience_unit_ids.length) return true;
  if (!unitIdPath) return false;
  return !!(await tx.query('SELECT 1 FROM units au WHERE au.id = ANY($1::uuid[]) AND $2 LIKE au.id_path || \'%\'', [e.audience_unit_ids, unitIdPath])).rowCount;
}

/**
 * QR check-in by NIP with the event's token; a repeated check-in is answered, not recorded twice. Only
 * the event's audience (its units and their sub-units; anyone of the agency for an agency-wide event)
 * checks in: a NIP typed from elsewhere is refused, not counted.
 */
export async function checkIn(deps: Deps, input: { token: string; nip: string }) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const e = await eventByToken(tx, input.token, true);
    refuse(checkCheckinWindow({ today: localDateInRegion(now, e.region_code), heldOn: day(e.held_on) }));
    const emp = (await employeesByNip(tx, e.agency_id, [normaliseNip(input.nip)])).rows[0];
    if (!emp) throw notFound(`Pegawai aktif ${e.agency_name} / Active employee of ${e.agency_name}`, input.nip.slice(0, 30));
    if (!(await inAudience(tx, e, emp.unit_id_path))) {
      const units = (await tx.query<{ path: string }>('SELECT path FROM units WHERE id = ANY($1::uuid[]) ORDER BY path LIMIT 6', [e.audience_unit_ids])).rows.map((u) => u.path);
      const list = units.slice(0, 5).join('; ') + (units.length > 5 ? '; …' : '');
      throw forbidden('CHECKIN_NOT_IN_AUDIENCE', {
        id: `NIP ini tidak termasuk unit sasaran acara ini (${list}); kehadiran tidak dicatat. Hubungi panitia bila Anda memang diundang.`,
        en: `This NIP is not in the event's audience units (${list}); attendance was not recorded. Ask the organisers if you were invited.`,
      });
    }
    const ins = await tx.query(
      `INSERT INTO socialization_attendance (event_id, employee_id, method, checked_in_at) VALUES ($1, $2, 'qr', $3)
       ON CONFLICT (event_id, employee_id) WHERE voided_at IS NULL DO NOTHING`, [e.id, emp.id, now],
    );
    if (ins.rowCount) await appendAudit(tx, { actor: SELF_SERVICE, action: 'socialization.checked_in', entityType: 'socialization_event', entityId: e.id, details: { employeeId: emp.id, method: 'qr' }, at: now });
    return { status: ins.rowCount ? ('checked_in' as const) : ('already_checked_in' as const), name: maskName(emp.name), event: e.title };
  });
}

/**
 * Records an attendance list (NIPs) of an event the caller manages, once it has taken place: all or
 * nothing; NIPs unknown or outside the caller's scope are listed.
 */
export async function importAttendance(deps: Deps, p: Principal, eventId: string, input: { nips: string[]; method: 'list' | 'manual' }) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const e = await loadEvent(tx, p, eventId, 'share');
    await assertManageEvent(tx, p, e.id);
    refuse(checkAttendanceImport({ today: localDateInRegion(now, e.region_code), heldOn: day(e.held_on) }));
    const nips = distinctNips(input.nips);
    const { rows, unknown } = await employeesByNip(tx, e.agency_id, nips, { extra: (params) => [scopeSql(p, 'registry.write', EMPLOYEE_COLS, params)] });
    if (unknown.length)
      throw invalid('ATTENDANCE_UNKNOWN_NIPS', unknownNipsMessage(unknown, { id: 'instansi atau cakupan Anda', en: 'the agency or your scope' }), unknown.map((n) => ({ path: 'nips', message: n })));
    const recorded = (await tx.query(
      `INSERT INTO socialization_attendance (event_id, employee_id, method, checked_in_at, recorded_by)
       SELECT $1, x, $3, $4, $5 FROM unnest($2::uuid[]) AS x ON CONFLICT (event_id, employee_id) WHERE voided_at IS NULL DO NOTHING`,
      [e.id, rows.map((r) => r.id), input.method, now, p.userId],
    )).rowCount;
    await appendAudit(tx, { actor: actorOf(p), action: 'socialization.attendance_imported', entityType: 'socialization_event', entityId: e.id, details: { recorded, listed: nips.length, method: input.method }, at: now });
    return { recorded, alreadyPresent: rows.length - recorded };
  });
}

type VoidColumns = { voided_at: Date | null; voided_by_name: string | null; void_reason: string | null };
const voidedOf = (r: VoidColumns) => (r.voided_at ? { at: new Date(r.voided_at).toISOString(), by: r.voided_by_name, reason: r.void_reason ?? '' } : null);

/**
 * Attendees in the caller's registry scope (withdrawn entries last, marked), with the briefings each
 * has confirmed (the cascade below them) and the distinct staff those named.
 */
export async function listAttendance(deps: Deps, p: Principal, eventId: string): Promise<SocializationAttendee[]> {
  await loadEvent(deps.db, p, eventId);
  const { manage } = await eventRights(deps.db, p, eventId);
  const params: unknown[] = [eventId];
  const scope = scopeSql(p, 'registry.read', EMPLOYEE_COLS, params);
  const writable = scopeSql(p, 'registry.write', EMPLOYEE_COLS, params);
  const rows = (await deps.db.query<VoidColumns & {
    attendance_id: string; id: string; nip: string; name: string; position: string | null; unit_path: string | null; method: SocializationAttendee['method']; checked_in_at: Date;
    briefings: number; briefed_staff: number; writable: boolean;
  }>(
    `SELECT x.id AS attendance_id, e.id, coalesce(e.nip, e.internal_id) AS nip, e.name, e.position, u.path AS unit_path, x.method, x.checked_in_at,
            x.voided_at, vu.display_name AS voided_by_name, x.void_reason, ${writable} AS writable,
            (SELECT count(*)::int FROM socialization_briefings b WHERE b.event_id = x.event_id AND b.briefer_id = e.id AND b.voided_at IS NULL) AS briefings,
            (SELECT count(DISTINCT bd.employee_id)::int FROM socialization_briefings b JOIN socialization_briefed bd ON bd.briefing_id = b.id
              WHERE b.event_id = x.event_id AND b.briefer_id = e.id AND b.voided_at IS NULL) AS briefed_staff
       FROM socialization_attendance x JOIN employees e ON e.id = x.employee_id LEFT JOIN units u ON u.id = e.unit_id LEFT JOIN users vu ON vu.id = x.voided_by
      WHERE x.event_id = $1 AND ${scope}
      ORDER BY x.voided_at IS NOT NULL, coalesce(u.path, ''), e.name, x.checked_in_at LIMIT 10000`, params,
  )).rows;
  return rows.map((r) => ({
    id: r.attendance_id, employeeId: r.id, nip: r.nip, name: r.name, position: r.position, unitPath: r.unit_path, method: r.method,
    checkedInAt: new Date(r.checked_in_at).toISOString(), briefings: r.briefings, briefedStaff: r.briefed_staff,
    voided: voidedOf(r), allowedActions: manage && r.writable && !r.voided_at ? ['void' as const] : [],
  }));
}

/**
 * The event's cascade as the domain needs it to tell what a withdrawal would leave unreached: the
 * briefings not withdrawn, each with the people it named who brief themselves, and those of them who
 * attended. Staff who brief nobody cannot carry the cascade, so they are left out.
 */
async function loadCascade(tx: Queryable, eventId: string): Promise<{ attendees: Set<string>; briefings: CascadeBriefing[] }> {
  const briefings = (await tx.query<{ id: string; briefer_id: string; briefed_on: string | Date; named: string[] }>(
    `WITH b AS (SELECT id, briefer_id, briefed_on FROM socialization_briefings WHERE event_id = $1 AND voided_at IS NULL)
     SELECT b.id, b.briefer_id, b.briefed_on,
            coalesce((SELECT array_agg(bd.employee_id) FROM socialization_briefed bd WHERE bd.briefing_id = b.id AND bd.employee_id IN (SELECT briefer_id FROM b)), '{}') AS named
       FROM b`, [eventId],
  )).rows;
  const brieferIds = [...new Set(briefings.map((b) => b.briefer_id))];
  const attendees = (await tx.query<{ employee_id: string }>(
    'SELECT employee_id FROM socialization_attendance WHERE event_id = $1 AND voided_at IS NULL AND employee_id = ANY($2::uuid[])', [eventId, brieferIds],
  )).rows.map((r) => r.employee_id);
  return { attendees: new Set(attendees), briefings: briefings.map((b) => ({ id: b.id, brieferId: b.briefer_id, briefedOn: day(b.briefed_on), named: b.named })) };
}

/** 409 when a withdrawal would leave briefings further down without a briefer reached by the cascade. */
async function refuseOrphans(tx: Queryable, orphans: string[]) {
  if (!orphans.length) return;
  const shown = (await tx.query<{ name: string; briefed_on: string | Date; path: string }>(
    `SELECT e.name, b.briefed_on, u.path FROM socialization_briefings b JOIN employees e ON e.id = b.briefer_id JOIN units u ON u.id = b.unit_id
      WHERE b.id = ANY($1::uuid[]) ORDER BY b.briefed_on, u.path LIMIT 3`, [orphans],
  )).rows.map((r) => `${r.name}, ${r.path}, ${day(r.briefed_on)}`).join('; ') + (orphans.length > 3 ? '; …' : '');
  throw conflict('WITHDRAWAL_ORPHANS_BRIEFINGS', {
    id: `${orphans.length} arahan lanjutan bergantung pada catatan ini (${shown}); tarik arahan tersebut lebih dahulu.`,
    en: `${orphans.length} briefing(s) further down depend on this entry (${shown}); withdraw them first.`,
  });
}

/**
 * Withdraws an attendance entry of an event the caller manages, for an employee in their write scope
 * (as recording it needs), with a reason; refused while briefings the attendee gave still rest on it.
 */
export async function voidAttendance(deps: Deps, p: Principal, eventId: string, attendanceId: string, input: VoidInput) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const e = await loadEvent(tx, p, eventId, 'update');
    await assertManageEvent(tx, p, e.id);
    const params: unknown[] = [attendanceId, e.id];
    const row = (await tx.query<{ id: string; employee_id: string; voided_at: Date | null }>(
      `SELECT x.id, x.employee_id, x.voided_at FROM socialization_attendance x JOIN employees e ON e.id = x.employee_id
        WHERE x.id = $1 AND x.event_id = $2 AND ${scopeSql(p, 'registry.write', EMPLOYEE_COLS, params)} FOR UPDATE OF x`, params,
    )).rows[0];
    if (!row) throw missing({ id: 'Catatan kehadiran tidak ditemukan atau di luar cakupan Anda.', en: 'Attendance entry not found or outside your scope.' });
    if (row.voided_at) throw alreadyWithdrawn();
    await refuseOrphans(tx, orphanedBy(await loadCascade(tx, e.id), { attendee: row.employee_id }));
    await markWithdrawn(tx, 'socialization_attendance', row.id, p, input.reason, now);
    await appendAudit(tx, {
      actor: actorOf(p), action: 'socialization.attendance_voided', entityType: 'socialization_event', entityId: e.id,
      details: { attendanceId: row.id, employeeId: row.employee_id, reason: input.reason }, at: now,
    });
    return { id: row.id, voided: { at: now.toISOString(), by: p.displayName, reason: input.reason } };
  });
}

/**
 * The cascade: someone who attended the event (or was briefed in its cascade, on or before the day)
 * confirms briefing the staff of a unit in the caller's scope: their own unit or one below it, as an
 * active employee. The briefed employees are named — listed, or every active employee of the unit and
 * its sub-units minus those absent — so coverage is per employee. The same briefing twice (briefer,
 * unit, day and staff) is refused.
 */
export async function recordBriefing(deps: Deps, p: Principal, eventId: string, input: BriefingInput) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const e = await loadEvent(tx, p, eventId, 'update');
    const up: unknown[] = [input.unitId, e.agency_id];
    const unit = (await tx.query<{ id: string; path: string; id_path: string }>(
      `SELECT u.id, u.path, u.id_path FROM units u JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1 AND u.agency_id = $2 AND ${scopeSql(p, 'registry.write', UNIT_COLS, up)}`, up,
    )).rows[0];
    if (!unit) throw unitMissing();
    const typed = normaliseNip(input.brieferNip);
    const briefer = (await employeesByNip(tx, e.agency_id, [typed], { includeInactive: true })).rows[0];
    if (!briefer) throw invalid('BRIEFER_UNKNOWN', { id: `Pemberi arahan tidak ditemukan di ${e.agency_name}: ${typed}`, en: `Briefer not found in ${e.agency_name}: ${typed}` });
    if (!briefer.active)
      throw invalid('BRIEFER_INACTIVE', { id: `Pemberi arahan (${typed}) bukan pegawai aktif; arahan hanya dicatat dari pegawai aktif.`, en: `The briefer (${typed}) is not an active employee; briefings are recorded from active employees only.` });
    if (!brieferReachesUnit({ brieferUnitIdPath: briefer.unit_id_path, unitIdPath: unit.id_path }))
      throw invalid('BRIEFER_NOT_ABOVE_UNIT', {
        id: `Pemberi arahan (${typed}) bukan pegawai unit ${unit.path} atau unit di atasnya; arahan berjenjang diberikan kepada unit sendiri dan unit di bawahnya.`,
        en: `The briefer (${typed}) belongs neither to ${unit.path} nor to a unit above it; a cascade briefing reaches one's own unit and the units below it.`,
      });
    const heldOn = day(e.held_on);
    if (input.briefedOn < heldOn) throw invalid('BRIEFING_BEFORE_EVENT', { id: `Tanggal arahan sebelum tanggal acara (${heldOn}).`, en: `The briefing date is before the event (${heldOn}).` });
    if (input.briefedOn > localDateInRegion(now, e.region_code)) throw invalid('BRIEFING_IN_FUTURE', { id: 'Tanggal arahan belum terjadi.', en: 'The briefing date is in the future.' });
    const cascade = (await tx.query<{ attended: boolean; briefed_from: string | Date | null }>(
      `SELECT EXISTS (SELECT 1 FROM socialization_attendance x WHERE x.event_id = $1 AND x.employee_id = $2 AND x.voided_at IS NULL) AS attended,
              (SELECT min(b.briefed_on) FROM socialization_briefed bd JOIN socialization_briefings b ON b.id = bd.briefing_id
                WHERE b.event_id = $1 AND bd.employee_id = $2 AND b.voided_at IS NULL) AS briefed_from`, [e.id, briefer.id],
    )).rows[0]!;
    if (!cascade.attended && !cascade.briefed_from)
      throw invalid('BRIEFER_NOT_IN_CASCADE', { id: 'Pemberi arahan tidak hadir pada acara ini dan belum menerima arahan dalam rangkaiannya.', en: 'The briefer neither attended this event nor was briefed in its cascade.' });
    const briefedFrom = cascade.briefed_from && day(cascade.briefed_from);
    if (!cascade.attended && briefedFrom && input.briefedOn < briefedFrom)
      throw invalid('BRIEFING_BEFORE_BRIEFER_BRIEFED', {
        id: `Pemberi arahan baru menerima arahan pada ${briefedFrom}; arahan yang diberikannya tidak dapat bertanggal lebih awal.`,
        en: `The briefer was only briefed on ${briefedFrom}; the briefings they give cannot be dated earlier.`,
      });
    const inUnit = (params: unknown[]) => [`u.id_path LIKE $${params.push(unit.id_path)} || '%'`];
    const what = { id: `unit ${unit.path}`, en: `unit ${unit.path}` };
    let staff: string[];
    if (input.staff.mode === 'list') {
      const { rows, unknown } = await employeesByNip(tx, e.agency_id, distinctNips(input.staff.nips), { extra: inUnit });
      if (unknown.length) throw invalid('BRIEFING_UNKNOWN_NIPS', unknownNipsMessage(unknown, what), unknown.map((n) => ({ path: 'staff.nips', message: n })));
      staff = rows.map((r) => r.id);
    } else {
      const absent = await employeesByNip(tx, e.agency_id, distinctNips(input.staff.absentNips), { extra: inUnit });
      if (absent.unknown.length) throw invalid('BRIEFING_UNKNOWN_NIPS', unknownNipsMessage(absent.unknown, what), absent.unknown.map((n) => ({ path: 'staff.absentNips', message: n })));
      const skip = new Set(absent.rows.map((r) => r.id));
      staff = (await tx.query<{ id: string }>(`SELECT e.id FROM employees e JOIN units u ON u.id = e.unit_id WHERE e.agency_id = $1 AND e.active AND u.id_path LIKE $2 || '%'`, [e.agency_id, unit.id_path]))
        .rows.map((r) => r.id).filter((id) => !skip.has(id));
    }
    staff = staff.filter((id) => id !== briefer.id);
    if (!staff.length) throw invalid('BRIEFING_EMPTY', { id: 'Tidak ada pegawai yang tercatat menerima arahan.', en: 'No employee is recorded as briefed.' });
    const attendanceCount = input.attendanceCount ?? staff.length;
    refuse(checkBriefingHeadcount({ named: staff.length, attendanceCount }));
    const duplicate = await tx.query(
      `SELECT 1 FROM socialization_briefings b
        WHERE b.event_id = $1 AND b.briefer_id = $2 AND b.unit_id = $3 AND b.briefed_on = $4 AND b.voided_at IS NULL
          AND (SELECT count(*) FROM socialization_briefed bd WHERE bd.briefing_id = b.id) = cardinality($5::uuid[])
          AND NOT EXISTS (SELECT 1 FROM socialization_briefed bd WHERE bd.briefing_id = b.id AND NOT (bd.employee_id = ANY($5::uuid[])))`,
      [e.id, briefer.id, unit.id, input.briefedOn, staff],
    );
    if (duplicate.rowCount)
      throw conflict('BRIEFING_DUPLICATE', {
        id: `Arahan ini sudah tercatat: pemberi arahan, unit ${unit.path}, tanggal ${input.briefedOn} dan staf yang sama.`,
        en: `This briefing is already recorded: the same briefer, unit ${unit.path}, date ${input.briefedOn} and staff.`,
      });
    const id = (await tx.query<{ id: string }>(
      `INSERT INTO socialization_briefings (event_id, briefer_id, unit_id, briefed_on, staff_mode, attendance_count, notes, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [e.id, briefer.id, unit.id, input.briefedOn, input.staff.mode, attendanceCount, input.notes ?? null, p.userId],
    )).rows[0]!.id;
    await tx.query('INSERT INTO socialization_briefed (briefing_id, employee_id) SELECT $1, x FROM unnest($2::uuid[]) AS x', [id, staff]);
    await appendAudit(tx, {
      actor: actorOf(p), action: 'socialization.briefing_confirmed', entityType: 'socialization_briefing', entityId: id,
      details: { eventId: e.id, brieferId: briefer.id, unitId: unit.id, briefedOn: input.briefedOn, mode: input.staff.mode, briefed: staff.length, attendanceCount }, at: now,
    });
    return { id, briefed: staff.length, attendanceCount };
  });
}

/**
 * Withdraws a briefing of a unit in the caller's write scope (as recording it needs), with a reason;
 * refused while briefings further down still rest on it.
 */
export async function voidBriefing(deps: Deps, p: Principal, eventId: string, briefingId: string, input: VoidInput) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const e = await loadEvent(tx, p, eventId, 'update');
    const params: unknown[] = [briefingId, e.id];
    const row = (await tx.query<{ id: string; voided_at: Date | null }>(
      `SELECT b.id, b.voided_at FROM socialization_briefings b JOIN units u ON u.id = b.unit_id JOIN agencies a ON a.id = u.agency_id
        WHERE b.id = $1 AND b.event_id = $2 AND ${scopeSql(p, 'registry.write', UNIT_COLS, params)} FOR UPDATE OF b`, params,
    )).rows[0];
    if (!row) throw missing({ id: 'Arahan tidak ditemukan atau di luar cakupan Anda.', en: 'Briefing not found or outside your scope.' });
    if (row.voided_at) throw alreadyWithdrawn();
    await refuseOrphans(tx, orphanedBy(await loadCascade(tx, e.id), { briefing: row.id }));
    await markWithdrawn(tx, 'socialization_briefings', row.id, p, input.reason, now);
    await appendAudit(tx, { actor: actorOf(p), action: 'socialization.briefing_voided', entityType: 'socialization_briefing', entityId: row.id, details: { eventId: e.id, reason: input.reason }, at: now });
    return { id: row.id, voided: { at: now.toISOString(), by: p.displayName, reason: input.reason } };
  });
}

/** Briefings of an event for units in the caller's registry scope (withdrawn ones marked). */
export async function listBriefings(deps: Deps, p: Principal, eventId: string): Promise<SocializationBriefing[]> {
  await loadEvent(deps.db, p, eventId);
  const params: unknown[] = [eventId];
  const scope = scopeSql(p, 'registry.read', UNIT_COLS, params);
  const writable = scopeSql(p, 'registry.write', UNIT_COLS, params);
  const rows = (await deps.db.query<VoidColumns & {
    id: string; briefer_name: string; briefer_nip: string; unit_id: string; unit_path: string; briefed_on: string | Date; staff_mode: 'list' | 'unit_staff'; attendance_count: number;
    briefed: number; notes: string | null; writable: boolean;
  }>(
    `SELECT b.id, e.name AS briefer_name, coalesce(e.nip, e.internal_id) AS briefer_nip, u.id AS unit_id, u.path AS unit_path, b.briefed_on, b.staff_mode, b.attendance_count, b.notes,
            b.voided_at, vu.display_name AS voided_by_name, b.void_reason, ${writable} AS writable,
            (SELECT count(*)::int FROM socialization_briefed bd WHERE bd.briefing_id = b.id) AS briefed
       FROM socialization_briefings b JOIN employees e ON e.id = b.briefer_id JOIN units u ON u.id = b.unit_id JOIN agencies a ON a.id = u.agency_id LEFT JOIN users vu ON vu.id = b.voided_by
      WHERE b.event_id = $1 AND ${scope} ORDER BY b.voided_at IS NOT NULL, b.briefed_on DESC, u.path`, params,
  )).rows;
  return rows.map((r) => ({
    id: r.id, brieferName: r.briefer_name, brieferNip: r.briefer_nip, unitId: r.unit_id, unitPath: r.unit_path, briefedOn: day(r.briefed_on),
    staffMode: r.staff_mode, attendanceCount: r.attendance_count, briefed: r.briefed, notes: r.notes,
    voided: voidedOf(r), allowedActions: r.writable && !r.voided_at ? ['void' as const] : [],
  }));
}

/**
 * "Briefed" coverage of an agency's active staff within the caller's registry scope: attended an
 * event of the agency (of `electionId`, when given) or named in a briefing of one, withdrawn entries
 * aside. Each person counts once. Broken down by the direct children of the root unit (`unitId`, else
 * the agency's top-level units) plus a `direct` row for the root's own staff.
 */
export async function briefedCoverage(deps: Deps, p: Principal, q: BriefedCoverageQuery): Promise<BriefedCoverage> {
  electionOf(q.electionId);
  const ap: unknown[] = [q.agencyId];
  const agency = (await deps.db.query<{ id: string; name: string }>(`SELECT a.id, a.name FROM agencies a WHERE a.id = $1 AND ${scopeSql(p, 'registry.read', AGENCY_COLS, ap)}`, ap)).rows[0];
  if (!agency) throw missing({ id: 'Instansi tidak ditemukan atau di luar cakupan Anda.', en: 'Agency not found or outside your scope.' });
  // a unit outside the caller's scope is unknown to them, as in pledge coverage
  const up: unknown[] = [q.unitId, agency.id];
  const root = q.unitId ? (await deps.db.query<{ id: string; name: string; path: string; id_path: string }>(
    `SELECT u.id, u.name, u.path, u.id_path FROM units u JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1 AND u.agency_id = $2 AND ${scopeSql(p, 'registry.read', UNIT_COLS, up)}`, up)).rows[0] ?? null : null;
  if (q.unitId && !root) throw unitMissing();
  const params: unknown[] = [agency.id, root?.id_path ?? '/', q.electionId ?? null];
  const scope = scopeSql(p, 'registry.read', EMPLOYEE_COLS, params);
  const rows = (await deps.db.query<{ child_id: string | null; staff: number; attended: number; briefed: number }>(
    `WITH ev AS (SELECT id FROM socialization_events WHERE agency_id = $1 AND ($3::text IS NULL OR election_id = $3::text)),
          att AS (SELECT DISTINCT employee_id FROM socialization_attendance WHERE event_id IN (SELECT id FROM ev) AND voided_at IS NULL),
          brf AS (SELECT DISTINCT bd.employee_id FROM socialization_briefed bd JOIN socialization_briefings b ON b.id = bd.briefing_id WHERE b.event_id IN (SELECT id FROM ev) AND b.voided_at IS NULL)
     SELECT NULLIF(split_part(substr(coalesce(u.id_path, ''), length($2) + 1), '/', 1), '') AS child_id, count(*)::int AS staff,
            count(att.employee_id)::int AS attended, count(*) FILTER (WHERE att.employee_id IS NOT NULL OR brf.employee_id IS NOT NULL)::int AS briefed
       FROM employees e LEFT JOIN units u ON u.id = e.unit_id LEFT JOIN att ON att.employee_id = e.id LEFT JOIN brf ON brf.employee_id = e.id
      WHERE e.agency_id = $1 AND e.active AND ${scope} ${root ? `AND u.id_path LIKE $2 || '%'` : ''}
      GROUP BY 1`, params,
  )).rows;
  const childIds = rows.flatMap((r) => (r.child_id ? [r.child_id] : []));
  const units = new Map((await deps.db.query<{ id: string; name: string; path: string; has_children: boolean }>(
    'SELECT x.id, x.name, x.path, EXISTS (SELECT 1 FROM units k WHERE k.parent_id = x.id) AS has_children FROM units x WHERE x.id = ANY($1::uuid[])', [childIds],
  )).rows.map((u) => [u.id, u]));
  const sum = (k: 'staff' | 'attended' | 'briefed') => rows.reduce((n, r) => n + r[k], 0);
  return {
    agency,
    unit: root && { id: root.id, name: root.name, path: root.path },
    total: briefedCounts({ staff: sum('staff'), attended: sum('attended'), briefed: sum('briefed') }),
    byUnit: rows
      .map((r) => {
        const u = r.child_id ? units.get(r.child_id) : undefined;
        const shown = r.child_id ? u : root;
        return { unitId: r.child_id ?? root?.id ?? null, name: shown?.name ?? null, path: shown?.path ?? null, direct: !r.child_id, hasChildren: u?.has_children ?? false, ...briefedCounts(r) };
      })
      .sort((a, b) => Number(b.direct) - Number(a.direct) || (a.path ?? '').localeCompare(b.path ?? '')),
  };
}

/**
 * Where the caller may record in an agency they can read: the units in their write scope, and whether
 * they may record for the whole agency (agency-wide events and reminder activities). The web's unit
 * pickers offer exactly these.
 */
export async function socializationScope(deps: Deps, p: Principal, agencyId: string): Promise<SocializationScope> {
  const params: unknown[] = [agencyId];
  const row = (await deps.db.query<{ agency_wide: boolean }>(
    `SELECT ${scopeSql(p, 'registry.write', AGENCY_WIDE_COLS, params)} AS agency_wide FROM agencies a WHERE a.id = $1 AND ${scopeSql(p, 'registry.read', AGENCY_COLS, params)}`, params,
  )).rows[0];
  if (!row) throw missing({ id: 'Instansi tidak ditemukan atau di luar cakupan Anda.', en: 'Agency not found or outside your scope.' });
  const up: unknown[] = [agencyId];
  const units = (await deps.db.query<{ id: string }>(
    `SELECT u.id FROM units u JOIN agencies a ON a.id = u.agency_id WHERE u.agency_id = $1 AND ${scopeSql(p, 'registry.write', UNIT_COLS, up)} ORDER BY u.path`, up,
  )).rows;
  return { agencyWide: row.agency_wide === true, unitIds: units.map((u) => u.id) };
}

type ReminderRow = VoidColumns & {
  id: string; agency_id: string; unit_id: string | null; unit_path: string | null; election_id: string | null; kind: ReminderActivity['kind']; done_on: string | Date; description: string;
  link: string | null; evidence_note: string | null; recorded_by: string | null; writable: boolean;
};
/** Reminder rows `r` (unit `u`, agency `a`) the caller may write: their unit's, or agency-wide ones with an agency-wide grant. */
const reminderWritableSql = (p: Principal, params: unknown[]) =>
  `((r.unit_id IS NULL AND ${scopeSql(p, 'registry.write', { region: 'a.region_code', agency: 'a.id' }, params)}) OR (r.unit_id IS NOT NULL AND ${scopeSql(p, 'registry.write', UNIT_COLS, params)}))`;
const reminderSelect = (p: Principal, params: unknown[]) => `SELECT r.*, u.path AS unit_path, us.display_name AS recorded_by, vu.display_name AS voided_by_name, ${reminderWritableSql(p, params)} AS writable
  FROM socialization_reminders r JOIN agencies a ON a.id = r.agency_id LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN users us ON us.id = r.recorded_by LEFT JOIN users vu ON vu.id = r.voided_by`;
const toReminder = (r: ReminderRow): ReminderActivity => ({
  id: r.id, agencyId: r.agency_id, unitId: r.unit_id, unitPath: r.unit_path, electionId: r.election_id, kind: r.kind, doneOn: day(r.done_on),
  description: r.description, link: r.link, evidenceNote: r.evidence_note, recordedBy: r.recorded_by,
  voided: voidedOf(r), allowedActions: r.writable && !r.voided_at ? ['void'] : [],
});

/**
 * Logs a reminder activity for a unit in the caller's scope, or agency-wide (agency-wide grants only),
 * once it was done: not dated after today in the unit's (else the agency's) region, nor before 2000.
 */
export async function logReminder(deps: Deps, p: Principal, input: ReminderActivityInput): Promise<ReminderActivity> {
  electionOf(input.electionId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const params: unknown[] = [input.agencyId];
    const allowed = input.unitId
      ? await tx.query<{ region_code: string }>(`SELECT coalesce(u.region_code, a.region_code) AS region_code FROM units u JOIN agencies a ON a.id = u.agency_id WHERE u.agency_id = $1 AND u.id = $${params.push(input.unitId)} AND ${scopeSql(p, 'registry.write', UNIT_COLS, params)}`, params)
      : await tx.query<{ region_code: string }>(`SELECT a.region_code FROM agencies a WHERE a.id = $1 AND ${scopeSql(p, 'registry.write', { region: 'a.region_code', agency: 'a.id' }, params)}`, params);
    const place = allowed.rows[0];
    if (!place) throw input.unitId ? unitMissing() : forbidden();
    refuse(checkReminderDate({ today: localDateInRegion(now, place.region_code), doneOn: input.doneOn }));
    const id = (await tx.query<{ id: string }>(
      `INSERT INTO socialization_reminders (agency_id, unit_id, election_id, kind, done_on, description, link, evidence_note, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [input.agencyId, input.unitId ?? null, input.electionId ?? null, input.kind, input.doneOn, input.description, input.link ?? null, input.evidenceNote ?? null, p.userId],
    )).rows[0]!.id;
    await appendAudit(tx, { actor: actorOf(p), action: 'socialization.reminder_logged', entityType: 'socialization_reminder', entityId: id, after: input, at: now });
    const rp: unknown[] = [id];
    return toReminder((await tx.query<ReminderRow>(`${reminderSelect(p, rp)} WHERE r.id = $1`, rp)).rows[0]!);
  });
}

/** Withdraws a reminder activity the caller may write (as logging it needs), with a reason. */
export async function voidReminder(deps: Deps, p: Principal, id: string, input: VoidInput): Promise<ReminderActivity> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const params: unknown[] = [id];
    const row = (await tx.query<{ id: string; voided_at: Date | null }>(
      `SELECT r.id, r.voided_at FROM socialization_reminders r JOIN agencies a ON a.id = r.agency_id LEFT JOIN units u ON u.id = r.unit_id
        WHERE r.id = $1 AND ${reminderWritableSql(p, params)} FOR UPDATE OF r`, params,
    )).rows[0];
    if (!row) throw missing({ id: 'Kegiatan pengingat tidak ditemukan atau di luar cakupan Anda.', en: 'Reminder activity not found or outside your scope.' });
    if (row.voided_at) throw alreadyWithdrawn();
    await markWithdrawn(tx, 'socialization_reminders', row.id, p, input.reason, now);
    await appendAudit(tx, { actor: actorOf(p), action: 'socialization.reminder_voided', entityType: 'socialization_reminder', entityId: row.id, details: { reason: input.reason }, at: now });
    const rp: unknown[] = [row.id];
    return toReminder((await tx.query<ReminderRow>(`${reminderSelect(p, rp)} WHERE r.id = $1`, rp)).rows[0]!);
  });
}

/**
 * Reminder activities of an agency the caller can read (optionally a unit subtree and an election),
 * newest first, withdrawn ones marked. A unit admin sees their unit subtree's activities and the
 * agency-wide ones of their agency, not other units'.
 */
export async function listReminders(deps: Deps, p: Principal, q: { agencyId: string; unitId?: string; electionId?: string }): Promise<ReminderActivity[]> {
  electionOf(q.electionId);
  const params: unknown[] = [q.agencyId];
  const select = reminderSelect(p, params);
  const readable = `((r.unit_id IS NULL AND ${scopeSql(p, 'registry.read', AGENCY_COLS, params)})
    OR ${scopeSql(p, 'registry.read', { region: 'a.region_code', agency: 'a.id', regionOverlap: true, unitIdPath: "coalesce(u.id_path, '')" }, params)})`;
  const where = ['r.agency_id = $1', readable];
  if (q.unitId) where.push(`u.id_path LIKE (SELECT id_path FROM units WHERE id = $${params.push(q.unitId)}) || '%'`);
  if (q.electionId) where.push(`r.election_id = $${params.push(q.electionId)}`);
  return (await deps.db.query<ReminderRow>(`${select} WHERE ${where.join(' AND ')} ORDER BY r.done_on DESC, r.created_at DESC LIMIT 1000`, params)).rows.map(toReminder);
}
