/**
 * Case handling use-cases: intake (finding, finding from a tip, formal report with sealed
 * reporter identity), the inbox, the case page, transitions through the pure workflow (lock,
 * re-check, write + audit in one transaction), reporter identity access, handler rotation and
 * the deadline sweep.
 */
import crypto from 'node:crypto';
import { absenceReasons, asnAuthorityOn, assess, electionSpan, computeDeadlines, findAct, findElection, localDateInRegion, parseIncident, publicAssessment, type Deadline, type Rules } from '@netra/rules';
import { legalRules } from '../../platform/legal-options.ts';
import type { CaseDetail, FindingInput, ReportInput } from '@netra/contracts';
import type { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, canonicalJson, type Actor, type StepAuditAction } from '../../platform/audit.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { loadMasterKey, openText, sealText } from '../../platform/keys.ts';
import { drainOutbox, enqueue, type Notice } from '../../platform/notify.ts';
import { grantsFor, regionWithin, type Principal } from '../auth/domain/policy.ts';
import { readScope } from '../registry/employee-scope.ts';
import { findUserById, loadGrants, toPrincipal } from '../auth/auth.repo.ts';
import { loadTip } from '../tips/tips.service.ts';
import {
  CHRONOLOGY_MARK, FINAL_STATUSES, dateWords, INTAKE_FIELDS, periodFlags, STATUS_WORDS, allowedEvents, reportedWasHeard, canChangeReportedPerson, describeDue, handlingOffice, newCaseState, sealReporterLabel, sealReporterLabels, sweepActions, transition, withholdReporterAccount,
  type CaseEvent, type CaseRole, type IntakeAmendment, type CaseState, type Effect, type TransitionContext,
} from './domain/workflow.ts';
import { parseDescription, rankCandidates } from './domain/reported-person.ts';
import { availableDocuments, renderCaseDocument, type DocumentKind } from './case-documents.ts';
import { caseConflictFlags, isCandidateIn } from '../conflicts/conflicts.service.ts';
import { handOverTipEvidence } from '../custody/handover.ts';

const todayIn = localDateInRegion;
/** A stored status in words (the code itself only for one the workflow does not know). */
const statusWords = (status: string) => (Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status as keyof typeof STATUS_WORDS] : { id: status, en: status });
const day = (d: string | Date | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const actorOf = (p: Principal): Actor => ({ id: p.userId, label: p.username });
/** A workflow step's trail action, case.<event>: the web labels it with the step's own name. */
const stepAction = (type: CaseEvent['type']) => `case.${type.toLowerCase()}` as StepAuditAction;

/**
 * Who sees which case: supervisors (and admins, auditors) by region subtree; the civil-service
 * authority once a case is forwarded to it; a PPK only the recommendations for its own agency's
 * employees. Built per grant and bound, like every scope.
 */
export function caseScopeSql(p: Principal, perm: 'cases.read' | 'cases.handle', params: unknown[], alias = 'c'): string {
  const alts: string[] = [];
  const bind = (v: unknown) => `$${params.push(v)}`;
  for (const g of grantsFor(p, perm)) {
    const region = g.regionCode ? `(${alias}.region_code = ${bind(g.regionCode)} OR ${alias}.region_code LIKE $${params.length} || '.%')` : 'TRUE';
    if (g.role === 'employing_official') {
      if (!g.agencyId) continue;
      alts.push(`(${alias}.reported_agency_id = ${bind(g.agencyId)} AND ${alias}.status IN ('recommended', 'ppk_non_compliant', 'escalated', 'ppk_decided') )`);
      alts.push(`(${alias}.reported_agency_id = $${params.length} AND ${alias}.status = 'closed' AND ${alias}.state -> 'recommendation' <> 'null'::jsonb)`);
    } else if (g.role === 'authority_officer') {
      alts.push(`(${alias}.authority_id IS NOT NULL AND ${region})`);
    } else if (g.agencyId || g.unitIdPath) {
      continue; // agency-scoped grants of other roles do not reach cases
    } else {
      alts.push(region === 'TRUE' ? 'TRUE' : region);
    }
  }
  if (alts.includes('TRUE')) return 'TRUE';
  return alts.length ? `(${alts.join(' OR ')})` : 'FALSE';
}

function caseRolesOf(p: Principal, regionCode: string): CaseRole[] {
  const roles = new Set<CaseRole>();
  for (const g of grantsFor(p, 'cases.handle')) {
    if (g.role === 'supervisor' || g.role === 'system_admin') {
      if (!g.regionCode || regionWithin(regionCode, g.regionCode)) roles.add(g.role);
    } else if (g.role === 'authority_officer' || g.role === 'employing_official') roles.add(g.role);
  }
  return [...roles];
}

/**
 * Bawaslu's side of a case or tip: supervisors and the system administrator with the region in
 * (region-only) scope. They see the reporter's own account, evidence metadata and originals; the
 * authority, the PPK and auditors (who check the handling, not the reporter) get them withheld.
 */
const BAWASLU_SIDE = (g: Principal['grants'][number]) => (g.role === 'supervisor' || g.role === 'system_admin') && !g.agencyId && !g.unitIdPath;

function insideBawaslu(p: Principal, regionCode: string): boolean {
  return grantsFor(p, 'cases.read').some((g) => BAWASLU_SIDE(g) && (!g.regionCode || regionWithin(regionCode, g.regionCode)));
}

/** The same as SQL over a region column (per row: the evidence of many cases and tips at once). */
export function insideBawasluSql(p: Principal, regionCol: string, params: unknown[]): string {
  const alts = p.grants.filter(BAWASLU_SIDE).map((g) => (g.regionCode ? `(${regionCol} = $${params.push(g.regionCode)} OR ${regionCol} LIKE $${params.length} || '.%')` : 'TRUE'));
  return alts.length ? `(${alts.join(' OR ')})` : 'FALSE';
}

function assertCanOpen(p: Principal, regionCode: string) {
  if (!caseRolesOf(p, regionCode).some((r) => r === 'supervisor' || r === 'system_admin'))
    throw forbidden('CASE_FORBIDDEN', { id: 'Hanya pengawas wilayah ini yang dapat membuka kasus.', en: 'Only a supervisor of this region can open a case.' });
}

/** The reported employee's agency and employment type (the registry, not the intake form, says whether they are PNS, PPPK or non-ASN). */
async function resolveReported(tx: Queryable, p: Principal, input: { reportedEmployeeId?: string }) {
  if (!input.reportedEmployeeId) return null;
  // only a record the handler may read in the registry: one outside it answers as an unknown one
  const params: unknown[] = [input.reportedEmployeeId];
  const e = (await tx.query<{ agency_id: string; employment_type: string }>(`SELECT e.agency_id, e.employment_type FROM employees e WHERE e.id = $1 AND ${readScope(p, params)}`, params)).rows[0];
  if (!e) throw invalid('EMPLOYEE_UNKNOWN', { id: 'Pegawai terlapor tidak ditemukan dalam registri yang dapat Anda akses.', en: 'Reported employee not found in the registry you may read.' });
  return { agencyId: e.agency_id, employmentType: e.employment_type };
}

async function insertCase(
  tx: Queryable,
  deps: Deps,
  p: Principal,
  source: 'tip' | 'report' | 'finding',
  input: FindingInput,
): Promise<string> {
  const election = findElection(input.electionId);
  if (!election) throw invalid('ELECTION_UNKNOWN', { id: `Pemilihan tidak dikenal: ${input.electionId}`, en: `Unknown election: ${input.electionId}` });
  const region = await tx.query('SELECT 1 FROM regions WHERE code = $1', [input.regionCode]);
  if (!region.rowCount) throw invalid('REGION_UNKNOWN', { id: `Kode wilayah tidak dikenal: ${input.regionCode}`, en: `Unknown region code: ${input.regionCode}` });
  assertCanOpen(p, input.regionCode);
  const absent = absenceReasons(election, input.regionCode);
  if (absent.length)
    throw invalid('ELECTION_NOT_IN_REGION', {
      id: `${election.name.id} tidak diselenggarakan di wilayah ${input.regionCode}: ${absent.map((r) => r.id).join('; ')}`,
      en: `${election.name.en} is not held in region ${input.regionCode}: ${absent.map((r) => r.en).join('; ')}`,
    });
  const today = todayIn(deps.clock.now(), input.regionCode);
  for (const [field, v] of [[{ id: 'Tanggal kejadian', en: 'Incident date' }, input.incidentOn], [{ id: 'Tanggal diketahui', en: 'Known date' }, input.knownOn]] as const)
    if (v && v > today) throw invalid('DATE_IN_FUTURE', { id: `${field.id} ${dateWords(v).id} ada di masa depan (hari ini ${dateWords(today).id}).`, en: `${field.en} ${dateWords(v).en} is in the future (today is ${dateWords(today).en}).` });
  if (input.actCode !== undefined && !findAct(input.actCode, deps.config.legalOptions.catalogue))
    throw invalid('ACT_UNKNOWN', { id: `Kode perbuatan tidak dikenal: "${input.actCode}"; pilih dari katalog perbuatan.`, en: `Unknown act code: "${input.actCode}"; choose one from the catalogue of acts.` });
  if (input.incidentOn && input.knownOn && input.knownOn < input.incidentOn)
    throw invalid('KNOWN_DATE_BEFORE_INCIDENT', {
      id: `Tanggal diketahui ${dateWords(input.knownOn).id} sebelum tanggal kejadian ${dateWords(input.incidentOn).id}.`,
      en: `Known date ${dateWords(input.knownOn).en} is before the incident date ${dateWords(input.incidentOn).en}.`,
    });
  const reported = await resolveReported(tx, p, input);
  // a finding is discovered when it is recorded unless the supervisor says when
  const knownOn = input.knownOn ?? input.incidentOn ?? (source === 'report' ? undefined : today);
  const legal = legalRules(deps.config);
  const state = newCaseState({ regime: election.regime, regionCode: input.regionCode, receivedOn: today, knownOn, source, rules: legal.deadlines, calendar: legal.calendar });
  state.flags = periodFlags(state.flags, electionSpan(election, input.regionCode), input.incidentOn);
  const id = crypto.randomUUID();
  await tx.query(
    `INSERT INTO cases (id, source, tip_id, election_id, regime, region_code, status, state, title, summary, incident_on, known_on, received_on,
       act_code, actor_type, reported_text, reported_employee_id, reported_agency_id, next_due_at, incident_place, flags)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
    [
      id, source, input.tipId ?? null, election.id, election.regime, input.regionCode, state.status, JSON.stringify(state), input.title, input.summary,
      input.incidentOn ?? null, input.knownOn ?? null, today, input.actCode ?? null, reported?.employmentType ?? input.actorType ?? null, input.reportedText ?? null,
      input.reportedEmployeeId ?? null, reported?.agencyId ?? null, nextDue(state.deadlines), input.incidentPlace ?? null, state.flags,
    ],
  );
  await writeDeadlines(tx, id, state.deadlines);
  await tx.query('INSERT INTO case_handlers (case_id, user_id) VALUES ($1, $2)', [id, p.userId]);
  await tx.query("INSERT INTO case_events (case_id, type, from_status, to_status, payload, actor_id, actor_label, at) VALUES ($1, 'CREATED', NULL, $2, $3, $4, $5, $6)", [
    id, state.status, JSON.stringify({ source }), p.userId, p.username, deps.clock.now(),
  ]);
  return id;
}

const nextDue = (deadlines: readonly Deadline[]) => (deadlines.length ? deadlines.map((d) => d.dueAt).sort()[0]! : null);

async function writeDeadlines(tx: Queryable, caseId: string, deadlines: readonly Deadline[]) {
  await tx.query("UPDATE case_deadlines SET status = 'met' WHERE case_id = $1 AND status = 'open' AND NOT (rule_id = ANY($2::text[]))", [caseId, deadlines.map((d) => d.ruleId)]);
  for (const d of deadlines)
    await tx.query(
      `INSERT INTO case_deadlines (case_id, rule_id, name, due_date, due_at, status) VALUES ($1, $2, $3, $4, $5, 'open')
       ON CONFLICT (case_id, rule_id) DO UPDATE SET due_date = excluded.due_date, due_at = excluded.due_at, status = 'open'`,
      [caseId, d.ruleId, JSON.stringify(d.name), d.dueDate, d.dueAt],
    );
}

/**
 * What the reporter following a tip reads of a step, "Indonesian / English" as every tip message: the
 * status in words, and when asked to complete the report, what is missing and the last day to bring it.
 */
export function reporterStatusNotice(next: CaseState, event: CaseEvent): string {
  const status = STATUS_WORDS[next.status];
  if (event.type !== 'REQUEST_COMPLETION' || !Array.isArray(event.missing)) return `Status penanganan: ${status.id}. / Handling status: ${status.en}.`;
  // the list is the handler's own words, the same in both halves; " / " would split them
  const items = event.missing.map((m) => m.trim().replace(/\s+\/\s+/g, '/')).filter(Boolean).join('; ');
  const due = next.deadlines[0]?.dueDate;
  const by = due ? dateWords(due) : null;
  return `Status penanganan: ${status.id}. Lengkapi laporan${by ? ` paling lambat ${by.id}` : ''} dengan: ${items}.`
    + ` / Handling status: ${status.en}. Complete the report${by ? ` by ${by.en}` : ''} with: ${items}.`;
}

async function tipNotice(tx: Queryable, deps: Deps, tipId: string, regionCode: string, body: string) {
  await tx.query("INSERT INTO tip_messages (tip_id, author, body, sent_on) VALUES ($1, 'system', $2, $3)", [tipId, body, todayIn(deps.clock.now(), regionCode)]);
}

/** A supervisor's own finding (temuan), optionally from an anonymous tip (informasi awal). */
export async function createFinding(deps: Deps, p: Principal, input: FindingInput): Promise<CaseDetail> {
  const id = await deps.db.transaction(async (tx) => {
    let knownOn = input.knownOn;
    let incidentPlace = input.incidentPlace;
    if (input.tipId) {
      const tip = await loadTip(tx, p, input.tipId, 'tips.handle', true);
      if (tip.status.startsWith('converted') || tip.status === 'closed')
        throw conflict('TIP_FINAL', { id: `Informasi sudah final (${tip.status}).`, en: `The tip is already final (${tip.status}).` });
      // Bawaslu learned of it when the tip came in: the finding's 7 days count from then, not from the incident
      knownOn ??= day(tip.received_on) ?? undefined;
      // where it happened, as the tip says, unless the handler wrote it
      incidentPlace ??= tip.where_text?.trim() || undefined;
    }
    const origin = input.fromCaseId ? await reportTakenUp(tx, p, input.fromCaseId) : null;
    // likewise for a report that could not be registered: Bawaslu learned of it the day the report came in
    if (origin) {
      knownOn ??= day(origin.received_on) ?? undefined;
      incidentPlace ??= origin.incident_place ?? undefined;
    }
    const caseId = await insertCase(tx, deps, p, input.tipId ? 'tip' : 'finding', { ...input, ...(knownOn ? { knownOn } : {}), ...(incidentPlace ? { incidentPlace } : {}) });
    if (origin) {
      const at = deps.clock.now();
      const actor = actorOf(p);
      // each case points to the other; the report keeps its reporter's identity and account to itself
      await tx.query("INSERT INTO case_events (case_id, type, from_status, to_status, payload, actor_id, actor_label, at) VALUES ($1, 'TAKEN_UP', $2, $2, $3, $4, $5, $6)", [origin.id, origin.status, JSON.stringify({ findingId: caseId }), actor.id, actor.label, at]);
      await tx.query("INSERT INTO case_events (case_id, type, from_status, to_status, payload, actor_id, actor_label, at) VALUES ($1, 'FROM_REPORT', 'received', 'received', $2, $3, $4, $5)", [caseId, JSON.stringify({ caseId: origin.id, caseNumber: origin.case_number }), actor.id, actor.label, at]);
      await tx.query('UPDATE cases SET version = version + 1, updated_at = now() WHERE id = $1', [origin.id]);
    }
    if (input.tipId) {
      await tx.query("UPDATE tips SET status = 'converted_finding', case_id = $2 WHERE id = $1", [input.tipId, caseId]);
      await handOverTipEvidence(tx, input.tipId, caseId, actorOf(p), deps.clock.now()); // each file's custody log records the move
      await tipNotice(tx, deps, input.tipId, input.regionCode, 'Informasi Anda ditindaklanjuti Bawaslu sebagai temuan. / Your tip is being handled by Bawaslu as a finding.');
    }
    await appendAudit(tx, { actor: actorOf(p), action: 'case.opened', entityType: 'case', entityId: caseId, after: { source: input.tipId ? 'tip' : 'finding', regionCode: input.regionCode, ...(origin ? { fromCaseId: origin.id } : {}) }, at: deps.clock.now() });
    return caseId;
  });
  return getCase(deps, p, id);
}

/**
 * A report that could not go on as a report (not registered, e.g. late, or withdrawn) may still become
 * initial information for Bawaslu's own finding (Perbawaslu 7/2022 Pasal 14; domain.md §4.1), once.
 */
async function reportTakenUp(tx: Queryable, p: Principal, caseId: string): Promise<CaseRow> {
  const r = await loadCase(tx, p, caseId, 'cases.handle', true);
  assertCanOpen(p, r.region_code);
  if (stateOf(r).source !== 'report' || !['not_registered', 'withdrawn'].includes(r.status))
    throw conflict('CASE_NOT_TAKEABLE', {
      id: `Hanya laporan yang tidak diregistrasi atau dicabut yang dapat dijadikan informasi awal (kasus ini: ${statusWords(r.status).id}).`,
      en: `Only a report that was not registered or was withdrawn can become initial information (this case: ${statusWords(r.status).en}).`,
    });
  if ((await tx.query("SELECT 1 FROM case_events WHERE case_id = $1 AND type = 'TAKEN_UP'", [caseId])).rowCount)
    throw conflict('CASE_ALREADY_TAKEN_UP', { id: 'Laporan ini sudah dijadikan informasi awal untuk temuan lain.', en: 'This report was already taken up as initial information for a finding.' });
  return r;
}

/** A formal report (laporan, Form A.1/B.1) entered at the desk; the reporter identity is sealed. */
export async function createReport(deps: Deps, p: Principal, input: ReportInput): Promise<CaseDetail> {
  const key = loadMasterKey(deps.config);
  const id = await deps.db.transaction(async (tx) => {
    if (input.tipId) {
      const tip = await loadTip(tx, p, input.tipId, 'tips.handle', true);
      if (!tip.consented_to_report)
        throw conflict('TIP_NO_CONSENT', { id: 'Pelapor belum menyetujui informasi dijadikan laporan resmi.', en: 'The reporter has not consented to a formal report.' });
      if (tip.status.startsWith('converted') || tip.status === 'closed')
        throw conflict('TIP_FINAL', { id: `Informasi sudah final (${tip.status}).`, en: `The tip is already final (${tip.status}).` });
    }
    const caseId = await insertCase(tx, deps, p, 'report', { ...input, summary: `${input.summary}${CHRONOLOGY_MARK} ${input.chronology}` });
    await tx.query('INSERT INTO case_reporters (case_id, sealed_identity) VALUES ($1, $2)', [caseId, sealText(key, JSON.stringify({ reporter: input.reporter, witnesses: input.witnesses }), caseId)]);
    if (input.tipId) {
      await tx.query("UPDATE tips SET status = 'converted_report', case_id = $2 WHERE id = $1", [input.tipId, caseId]);
      await handOverTipEvidence(tx, input.tipId, caseId, actorOf(p), deps.clock.now()); // each file's custody log records the move
      await tipNotice(tx, deps, input.tipId, input.regionCode, 'Laporan resmi Anda telah diterima Bawaslu. / Your formal report was received by Bawaslu.');
    }
    // identity is never part of the audit digests
    await appendAudit(tx, { actor: actorOf(p), action: 'case.report_received', entityType: 'case', entityId: caseId, after: { source: 'report', regionCode: input.regionCode }, at: deps.clock.now() });
    return caseId;
  });
  return getCase(deps, p, id);
}

type CaseRow = {
  id: string; case_number: string | null; source: 'tip' | 'report' | 'finding'; tip_id: string | null; election_id: string; regime: string; region_code: string;
  region_name: string; status: string; state: CaseState | string; version: number; title: string; summary: string; incident_on: string | Date | null;
  known_on: string | Date | null; incident_place: string | null; received_on: string | Date; act_code: string | null; actor_type: string | null; reported_text: string | null;
  reported_employee_id: string | null; reported_agency_id: string | null; authority_id: string | null; flags: string[];
};
const storedStateOf = (r: CaseRow): CaseState => (typeof r.state === 'string' ? (JSON.parse(r.state) as CaseState) : r.state);
/** The stored state, with any reporter name an older row may hold masked (it is written back masked on the next change). */
const stateOf = (r: CaseRow): CaseState => sealReporterLabels(storedStateOf(r));

function deadlineView(d: Deadline, today: string) {
  const due = describeDue(d.dueDate, today);
  return { ruleId: d.ruleId, name: d.name, dueDate: d.dueDate, dueAt: d.dueAt, daysLeft: due.daysLeft, overdue: due.overdue, label: due.label, unconfirmed: d.unconfirmed,
    // states stored before the flag was kept count as covered (holiday data then reached past every due date)
    calendarCovered: d.calendarCovered !== false };
}

function summaryOf(r: CaseRow, now: Date) {
  const state = stateOf(r);
  const today = todayIn(now, r.region_code);
  const next = [...state.deadlines].sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1))[0];
  return {
    id: r.id, caseNumber: r.case_number, source: r.source, electionId: r.election_id, regionCode: r.region_code, regionName: r.region_name, status: r.status,
    title: r.title, receivedOn: day(r.received_on)!, reportedText: r.reported_text, nextDeadline: next ? deadlineView(next, today) : null, flags: r.flags, version: r.version,
  };
}

const SELECT = `SELECT c.*, r.name AS region_name FROM cases c JOIN regions r ON r.code = c.region_code`;

/** The handler inbox: overdue first, then by the nearest deadline. */
export async function listCases(deps: Deps, p: Principal, q: { page: number; pageSize: number; status?: string; regionCode?: string; overdue?: 'true' | 'false'; q?: string }) {
  const params: unknown[] = [];
  const where = [caseScopeSql(p, 'cases.read', params)];
  if (q.status) where.push(`c.status = $${params.push(q.status)}`);
  if (q.regionCode) where.push(`(c.region_code = $${params.push(q.regionCode)} OR c.region_code LIKE $${params.length} || '.%')`);
  if (q.overdue === 'true') where.push(`c.next_due_at IS NOT NULL AND c.next_due_at < $${params.push(deps.clock.now())}`);
  if (q.q) where.push(`(c.title ILIKE '%' || $${params.push(q.q.replace(/[%_\\]/g, '\\$&'))} || '%' OR c.case_number = $${params.length} OR c.reported_text ILIKE '%' || $${params.length} || '%')`);
  const cond = where.join(' AND ');
  const total = (await deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases c WHERE ${cond}`, params)).rows[0]!.n;
  const rows = (await deps.db.query<CaseRow>(`${SELECT} WHERE ${cond} ORDER BY c.next_due_at ASC NULLS LAST, c.received_on DESC, c.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`, params)).rows;
  const now = deps.clock.now();
  return { items: rows.map((r) => summaryOf(r, now)), page: q.page, pageSize: q.pageSize, total };
}

async function loadCase(db: Queryable, p: Principal, id: string, perm: 'cases.read' | 'cases.handle' = 'cases.read', forUpdate = false): Promise<CaseRow> {
  const params: unknown[] = [id];
  const r = (await db.query<CaseRow>(`${SELECT} WHERE c.id = $1 AND ${caseScopeSql(p, perm, params)} ${forUpdate ? 'FOR UPDATE OF c' : ''}`, params)).rows[0];
  if (!r) throw notFound('Kasus / Case', id);
  return r;
}

export async function getCase(deps: Deps, p: Principal, id: string): Promise<CaseDetail> {
  const r = await loadCase(deps.db, p, id);
  const state = stateOf(r);
  const now = deps.clock.now();
  const today = todayIn(now, r.region_code);
  const [events, clarifications, reporter, assigned] = await Promise.all([
    deps.db.query<{ seq: number; type: string; from_status: string | null; to_status: string; actor_label: string; at: Date; payload: Record<string, unknown> | string }>(
      'SELECT seq, type, from_status, to_status, actor_label, at, payload FROM case_events WHERE case_id = $1 ORDER BY seq', [id],
    ),
    deps.db.query<{ party: string; person_label: string; held_on: string | Date | null; statement: string | null }>(
      'SELECT party, person_label, held_on, statement FROM case_clarifications WHERE case_id = $1 ORDER BY created_at', [id],
    ),
    deps.db.query('SELECT 1 FROM case_reporters WHERE case_id = $1', [id]),
    deps.db.query('SELECT 1 FROM case_handlers WHERE case_id = $1 AND user_id = $2', [id, p.userId]),
  ]);
  let assessment: Record<string, unknown> | null = null;
  if (r.act_code && r.actor_type && (r.incident_on || r.known_on)) {
    try {
      const incident = {
        election: r.election_id, regionCode: r.region_code, incidentDate: day(r.incident_on ?? r.known_on), knownDate: day(r.known_on) ?? undefined,
        reportDate: day(r.received_on), actorType: r.actor_type, act: r.act_code,
      };
      assessment = publicAssessment(assess(parseIncident(incident, deps.config.legalOptions), deps.config.legalOptions, { regionName: r.region_name })) as unknown as Record<string, unknown>;
    } catch {
      assessment = null;
    }
  }
  const handling = grantsFor(p, 'cases.handle').length ? caseRolesOf(p, r.region_code) : [];
  const detail: Omit<CaseDetail, 'documents' | 'conflictFlags'> = {
    ...summaryOf(r, now),
    summary: r.summary, incidentOn: day(r.incident_on), knownOn: day(r.known_on), incidentPlace: r.incident_place, actCode: r.act_code, actorType: r.actor_type,
    reportedEmployeeId: r.reported_employee_id, authorityId: r.authority_id,
    deadlines: state.deadlines.map((d) => deadlineView(d, today)),
    // reporter labels are masked on read too: rows written before they were sealed may hold a name
    events: events.rows.map((e) => ({
      seq: Number(e.seq), type: e.type, fromStatus: e.from_status, toStatus: e.to_status, actorLabel: e.actor_label, at: new Date(e.at).toISOString(),
      payload: sealReporterLabel(typeof e.payload === 'string' ? (JSON.parse(e.payload) as Record<string, unknown>) : e.payload),
    })),
    clarifications: clarifications.rows.map((c) => sealReporterLabel({ party: c.party, personLabel: c.person_label, heldOn: day(c.held_on), statement: c.statement })),
    recommendation: state.recommendation, ppkDecision: state.ppkDecision, hasReporterIdentity: !!reporter.rowCount,
    // the same test as viewReporterIdentity: the cases.handle permission and an assignment to this case
    mayOpenReporterIdentity: !!reporter.rowCount && !!assigned.rowCount && grantsFor(p, 'cases.handle').length > 0, assessment,
    allowedActions: allowedEvents(state, handling, today, {
      actorType: r.actor_type, linked: r.reported_agency_id !== null,
      deciderIsCandidate: handling.includes('employing_official') && (await isCandidateIn(deps.db, p.userId, r.election_id)),
    }),
    mayLinkReportedPerson: reportedLinkRefusal(p, r) === null,
    reportedHeard: reportedWasHeard(state, today),
    summons: state.summons ?? [],
    forwardTo: (() => {
      // where the ASN-neutrality track goes next: the civil-service authority, for civil servants
      const body = (r.status === 'decided_other_law' || r.status === 'gakkumdu_concluded') && r.actor_type !== 'NON_ASN' ? asnAuthorityOn(today, legalRules(deps.config).authority) : null;
      return body ? { id: body.id, name: body.name } : null;
    })(),
  };
  const conflictFlags = await caseConflictFlags(deps.db, { id: r.id, electionId: r.election_id, reportedEmployeeId: r.reported_employee_id, reportedAgencyId: r.reported_agency_id });
  const shown = insideBawaslu(p, r.region_code) ? detail : withholdReporterAccount(detail);
  return { ...shown, conflictFlags, documents: availableDocuments(shown) };
}

/**
 * What registration checks on the case record: a reported party, a date, and whether it came in time:
 * a report within the reporting period from the day it became known (7 working days for Pemilu, 7 days
 * for Pilkada), a Pemilu finding within 7 days of its discovery.
 */
function intakeFacts(r: CaseRow, state: CaseState, legal: Rules): TransitionContext['intake'] {
  const known = state.dates.known ?? day(r.known_on) ?? day(r.incident_on) ?? undefined;
  const rule = r.regime === 'pemilu' && state.source !== undefined && state.source !== 'report' ? 'pemilu.finding' : `${r.regime}.report`;
  const due = known ? computeDeadlines(legal.deadlines, [rule], { known }, { regionCode: r.region_code, calendar: legal.calendar })[0] : undefined;
  return {
    hasReportedParty: !!(r.reported_employee_id || r.reported_text?.trim()),
    hasDate: !!(r.incident_on || r.known_on || state.dates.known),
    hasPlace: !!r.incident_place?.trim(),
    receivedOn: day(r.received_on)!,
    ...(due ? { reportDue: due.dueDate } : {}),
  };
}

/** Lock, re-check, write: one transition with its event row, deadlines and audit row. */
export async function transitionCase(deps: Deps, p: Principal | 'system', id: string, input: CaseEvent, expectedVersion?: number): Promise<{ effects: Effect[] }> {
  // a reporter's name never reaches the event row, the clarification row or the audit row
  const event = sealReporterLabel(input);
  const actor: Actor = p === 'system' ? { id: null, label: 'system:sweep' } : actorOf(p);
  return deps.db.transaction(async (tx) => {
    const r = p === 'system'
      ? (await tx.query<CaseRow>(`${SELECT} WHERE c.id = $1 FOR UPDATE OF c`, [id])).rows[0]
      : await loadCase(tx, p, id, 'cases.handle', true);
    if (!r) throw notFound('Kasus / Case', id);
    if (expectedVersion !== undefined && expectedVersion !== r.version)
      throw conflict('CASE_VERSION_CONFLICT', {
        id: `Kasus telah diubah orang lain (versi ${r.version}, Anda memegang versi ${expectedVersion}); muat ulang.`,
        en: `The case was changed meanwhile (version ${r.version}, you had ${expectedVersion}); reload it.`,
      });
    const roles: CaseRole[] = p === 'system' ? ['system'] : caseRolesOf(p, r.region_code);
    const before = stateOf(r);
    // the audit row's "before" is the state as stored, so its digest continues the previous row's "after";
    // a reporter name an older version left in it is masked by this change, and the row says so
    const stored = storedStateOf(r);
    const masked = canonicalJson(stored) !== canonicalJson(before);
    const today = todayIn(deps.clock.now(), r.region_code);
    if (event.type === 'MERGE') await checkMergeTarget(tx, p, r, String(event.intoCaseId));
    const legal = legalRules(deps.config);
    const election = findElection(r.election_id);
    const result = transition(before, event, {
      today, roles, subject: { actorType: r.actor_type, incidentOn: day(r.incident_on), linked: r.reported_agency_id !== null }, intake: intakeFacts(r, before, legal),
      rules: legal.deadlines, calendar: legal.calendar, authorityOptions: legal.authority, acts: legal.acts,
      ...(election ? { electionSpan: electionSpan(election, r.region_code) } : {}),
      deciderIsCandidate: event.type === 'PPK_DECIDE' && p !== 'system' && (await isCandidateIn(tx, p.userId, r.election_id)),
    });
    if (!result.ok) {
      const status = result.code === 'CASE_FORBIDDEN' || result.code === 'PPK_IS_CANDIDATE' ? 403 : result.code === 'CASE_INVALID_TRANSITION' ? 409 : 400;
      // the field at fault, as the request names it: the case page marks that input
      const fields = result.fields ?? (result.field ? [{ field: result.field, message: result.message }] : []);
      throw new AppError(status, result.code, result.message, fields.length ? fields.map((f) => ({ path: `body.event.${f.field}`, message: f.message.en, messageId: f.message.id })) : undefined);
    }
    const next = result.next;
    if (event.type === 'REGISTER' && next.caseNumber) await checkCaseNumberFree(tx, id, next.caseNumber);
    await tx.query(
      `UPDATE cases SET status = $2, state = $3, version = version + 1, case_number = COALESCE($4, case_number), authority_id = COALESCE($5, authority_id),
         next_due_at = $6, flags = $7, updated_at = now() WHERE id = $1`,
      [id, next.status, JSON.stringify(next), next.caseNumber, next.authorityId, FINAL_STATUSES.includes(next.status) ? null : nextDue(next.deadlines), next.flags],
    ).catch((err: unknown) => {
      // a concurrent registration took the number between the check and this write
      if (isUniqueViolation(err, 'cases_case_number_key')) throw caseNumberTaken(next.caseNumber!);
      throw err;
    });
    if (event.type === 'RECORD_CLARIFICATION')
      await tx.query('INSERT INTO case_clarifications (case_id, party, person_label, held_on, statement, created_by) VALUES ($1, $2, $3, $4, $5, $6)', [
        id, event.party, event.personLabel, event.heldOn, event.statement, p === 'system' ? null : p.userId,
      ]);
    if (event.type === 'MERGE') await mergeInto(tx, deps, actor, { id, label: next.caseNumber ?? r.title }, event.intoCaseId);
    const amended = event.type === 'COMPLETE' || event.type === 'AMEND_INTAKE' ? await amendIntake(tx, r, event) : undefined;
    await writeDeadlines(tx, id, FINAL_STATUSES.includes(next.status) ? [] : next.deadlines);
    const onLetter = LETTER_EVENTS.has(event.type) && r.reported_employee_id ? await reportedOnLetters(tx, r.reported_employee_id) : undefined;
    await tx.query('INSERT INTO case_events (case_id, type, from_status, to_status, payload, actor_id, actor_label, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      id, event.type, before.status, next.status, JSON.stringify(onLetter ? { ...event, reportedEmployee: onLetter } : event), actor.id, actor.label, deps.clock.now(),
    ]);
    // the anonymous reporter of a tip follows status changes through the receipt channel
    if (r.tip_id && result.effects.some((e) => e.type === 'notify' && e.to === 'reporter'))
      await tipNotice(tx, deps, r.tip_id, r.region_code, reporterStatusNotice(next, event));
    await enqueue(tx, await noticesFor(tx, r, next, result.effects));
    const details = { ...(masked ? { reporterLabelSealed: true } : {}), ...(amended ? { intake: amended } : {}) };
    await appendAudit(tx, { actor, action: stepAction(event.type), entityType: 'case', entityId: id, before: stored, after: next, ...(Object.keys(details).length ? { details } : {}), at: deps.clock.now() });
    return { effects: result.effects };
  }).then((out) => {
    flushNotices(deps);
    return out;
  });
}

const INTAKE_COLUMNS: Readonly<Record<keyof IntakeAmendment, 'incident_on' | 'known_on' | 'incident_place' | 'reported_text'>> = {
  incidentOn: 'incident_on', knownOn: 'known_on', incidentPlace: 'incident_place', reportedText: 'reported_text',
};
/** Writes the report facts an event records (validated by the workflow) and returns them with the values they replace, for the audit row. */
async function amendIntake(tx: Queryable, r: CaseRow, e: IntakeAmendment) {
  const given = INTAKE_FIELDS.filter((k) => e[k] !== undefined);
  if (!given.length) return undefined;
  const params: unknown[] = [r.id];
  const sets = given.map((k) => `${INTAKE_COLUMNS[k]} = $${params.push(e[k]!.trim())}`);
  await tx.query(`UPDATE cases SET ${sets.join(', ')} WHERE id = $1`, params);
  const before = (k: keyof IntakeAmendment) => { const v = r[INTAKE_COLUMNS[k]]; return v instanceof Date ? day(v) : v; };
  return Object.fromEntries(given.map((k) => [k, { before: before(k), after: e[k]!.trim() }]));
}

const caseNumberTaken = (n: string) =>
  conflict('CASE_NUMBER_TAKEN', { id: `Nomor registrasi ${n} sudah dipakai kasus lain.`, en: `Case number ${n} is already used by another case.` });
const isUniqueViolation = (err: unknown, constraint: string) =>
  (err as { code?: unknown }).code === '23505' && [(err as { constraint?: unknown }).constraint, (err as { message?: unknown }).message].some((v) => typeof v === 'string' && v.includes(constraint));

/** Registration numbers are unique (cases.case_number): checked in the transaction, and the unique key answers the same if a race slips by. */
async function checkCaseNumberFree(tx: Queryable, id: string, caseNumber: string) {
  const taken = await tx.query('SELECT 1 FROM cases WHERE case_number = $1 AND id <> $2', [caseNumber, id]);
  if (taken.rowCount) throw caseNumberTaken(caseNumber);
}

/**
 * A duplicate goes into another open case the caller also handles, of the same Bawaslu office
 * (handlingOffice: the regency/city, or the province for a provincial case); never into itself or a
 * final one. Evidence moves with a merge, so a provincial supervisor must not join a Kota Bekasi case
 * to a Kab. Bekasi one: that would show Kota's evidence to Kab.'s office.
 */
async function checkMergeTarget(tx: Queryable, p: Principal | 'system', source: CaseRow, intoCaseId: string) {
  const id = source.id;
  const bad = (en: string, idMsg: string) => invalid('CASE_MERGE_TARGET', { id: idMsg, en });
  if (intoCaseId === id) throw bad('A case cannot be merged into itself.', 'Kasus tidak dapat digabung ke dirinya sendiri.');
  if (!/^[0-9a-f-]{36}$/i.test(intoCaseId)) throw bad(`Not a case id: ${intoCaseId.slice(0, 40)}`, `Bukan id kasus: ${intoCaseId.slice(0, 40)}`);
  // only "not found in your scope" becomes the merge message; any other failure surfaces as itself
  const target = p === 'system' ? undefined : await loadCase(tx, p, intoCaseId, 'cases.handle', true).catch((e: unknown) => {
    if (e instanceof AppError && e.status === 404) return undefined;
    throw e;
  });
  if (!target) throw bad('The case to merge into was not found among the cases you handle.', 'Kasus tujuan tidak ditemukan di antara kasus yang Anda tangani.');
  if ((FINAL_STATUSES as readonly string[]).includes(target.status) || target.status === 'merged')
    throw bad(`The case to merge into is already final (${statusWords(target.status).en}).`, `Kasus tujuan sudah final (${statusWords(target.status).id}).`);
  if (handlingOffice(target.region_code) !== handlingOffice(source.region_code))
    throw bad(
      `Only cases of the same Bawaslu office merge: this case is ${source.region_name} (${source.region_code}), the other ${target.region_name} (${target.region_code}).`,
      `Hanya kasus dari kantor Bawaslu yang sama yang dapat digabung: kasus ini ${source.region_name} (${source.region_code}), kasus tujuan ${target.region_name} (${target.region_code}).`,
    );
}

/** Hands the duplicate's evidence over to the surviving case (chain of custody) and notes the merge there. */
async function mergeInto(tx: Queryable, deps: Deps, actor: Actor, from: { id: string; label: string }, intoCaseId: string) {
  const moved = (await tx.query<{ id: string }>('UPDATE evidence SET case_id = $2 WHERE case_id = $1 RETURNING id', [from.id, intoCaseId])).rows;
  const at = deps.clock.now();
  for (const e of moved)
    await tx.query("INSERT INTO custody_events (evidence_id, action, actor_id, actor_label, reason, at) VALUES ($1, 'handed_over', $2, $3, $4, $5)", [
      e.id, actor.id, actor.label, `Kasus ganda ${from.label} digabung ke kasus ${intoCaseId} / duplicate case merged`, at,
    ]);
  const target = (await tx.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [intoCaseId])).rows[0]!;
  await tx.query("INSERT INTO case_events (case_id, type, from_status, to_status, payload, actor_id, actor_label, at) VALUES ($1, 'MERGED_FROM', $2, $2, $3, $4, $5, $6)", [
    intoCaseId, target.status, JSON.stringify({ caseId: from.id, evidence: moved.length }), actor.id, actor.label, at,
  ]);
  await tx.query('UPDATE cases SET version = version + 1, updated_at = now() WHERE id = $1', [intoCaseId]);
}

const NOTICE_TEXT: Record<string, string> = {
  completion_requested: 'Laporan perlu dilengkapi', registered: 'Laporan diregistrasi', not_registered: 'Laporan tidak diregistrasi',
  forwarded: 'Kasus diteruskan kepada instansi berwenang', recommended: 'Rekomendasi sanksi untuk ditindaklanjuti PPK',
  ppk_decided: 'PPK telah menetapkan keputusan', ppk_non_compliant: 'PPK belum menindaklanjuti rekomendasi', closed: 'Kasus ditutup',
  deadline_warning: 'Batas waktu penanganan segera berakhir', deadline_passed: 'Batas waktu penanganan terlewati',
};

/** Who hears of a step: handlers, the authority, the employee's PPK. Never the sealed reporter. */
async function noticesFor(tx: Queryable, c: CaseRow, next: CaseState, effects: Effect[]): Promise<Notice[]> {
  const notices: Notice[] = [];
  const label = next.caseNumber ?? c.title;
  for (const e of effects) {
    if (e.type !== 'notify' || e.to === 'reporter') continue;
    const recipients =
      e.to === 'handlers'
        ? await tx.query<{ email: string | null; phone: string | null }>('SELECT u.email, u.phone FROM case_handlers h JOIN users u ON u.id = h.user_id WHERE h.case_id = $1 AND u.active', [c.id])
        : e.to === 'authority'
          ? await tx.query<{ email: string | null; phone: string | null }>(
              `SELECT DISTINCT u.email, u.phone FROM users u JOIN grants g ON g.user_id = u.id
                WHERE u.active AND g.role = 'authority_officer' AND (g.region_code IS NULL OR $1 = g.region_code OR $1 LIKE g.region_code || '.%')`, [c.region_code])
          : await tx.query<{ email: string | null; phone: string | null }>(
              `SELECT DISTINCT u.email, u.phone FROM users u JOIN grants g ON g.user_id = u.id WHERE u.active AND g.role = 'employing_official' AND g.agency_id = $1`, [c.reported_agency_id]);
    const subject = `[Netra] ${label}: ${NOTICE_TEXT[e.template] ?? e.template}`;
    const body = `${NOTICE_TEXT[e.template] ?? e.template}.\nKasus: ${c.title}\nWilayah: ${c.region_name} (${c.region_code})\nStatus: ${STATUS_WORDS[next.status].id}\nBuka Netra untuk rinciannya.`;
    for (const r of recipients.rows) {
      if (r.email) notices.push({ channel: 'email', recipient: r.email, subject, body, caseId: c.id });
      if (r.phone && e.to === 'ppk') notices.push({ channel: 'whatsapp', recipient: r.phone, subject, body, caseId: c.id });
    }
  }
  return notices;
}

/** Delivery after commit; failures stay in the outbox for the next attempt. */
export function flushNotices(deps: Deps): Promise<unknown> {
  if (!deps.notifier) return Promise.resolve();
  return drainOutbox(deps.db, deps.notifier, (err) => deps.logger.error({ err }, 'notice delivery failed'));
}

/** Reporter identity: assigned handlers only, with a stated reason, every access logged. */
export async function viewReporterIdentity(deps: Deps, p: Principal, id: string, reason: string) {
  const key = loadMasterKey(deps.config);
  return deps.db.transaction(async (tx) => {
    await loadCase(tx, p, id, 'cases.handle');
    const assigned = await tx.query('SELECT 1 FROM case_handlers WHERE case_id = $1 AND user_id = $2', [id, p.userId]);
    if (!assigned.rowCount)
      throw forbidden('NOT_ASSIGNED', { id: 'Identitas pelapor hanya untuk petugas yang ditugaskan pada kasus ini.', en: 'Reporter identity is for the handlers assigned to this case only.' });
    const row = (await tx.query<{ sealed_identity: string }>('SELECT sealed_identity FROM case_reporters WHERE case_id = $1', [id])).rows[0];
    if (!row) throw notFound('Identitas pelapor / Reporter identity', id);
    await tx.query('INSERT INTO reporter_identity_access (case_id, user_id, reason, at) VALUES ($1, $2, $3, $4)', [id, p.userId, reason, deps.clock.now()]);
    await appendAudit(tx, { actor: actorOf(p), action: 'case.reporter_identity_viewed', entityType: 'case', entityId: id, details: { reason }, at: deps.clock.now() });
    return JSON.parse(openText(key, row.sealed_identity, id)) as { reporter: z.infer<typeof ReportInput>['reporter']; witnesses: ReportInput['witnesses'] };
  });
}

/** Staff rotation: move every (or the listed) case of one handler to another, within the manager's scope. */
const supervises = (p: Principal, regionCode: string) => caseRolesOf(p, regionCode).some((r) => r === 'supervisor' || r === 'system_admin');

/**
 * Staff rotation: moves one handler's open cases (or the listed ones) to a colleague. Only cases the
 * caller supervises move, and only to an active colleague who supervises every one of them, so a
 * rotation can never hand a case (and its sealed reporter identity) to someone outside its region.
 *
 * Four eyes: nobody assigns cases to themselves, whatever their role. Being assigned is what lets a
 * handler open the sealed reporter identity, so the person who gains that access must never be the
 * one who grants it: a supervisor hands their own cases on, or a colleague moves cases to a third
 * person; taking over a colleague's cases needs someone else to do the move. (There is no coordinator
 * role to exempt, and a system administrator is not one.) Opening the identity afterwards still needs a
 * stated reason and is logged (viewReporterIdentity), like for any handler.
 */
export async function reassignHandlers(deps: Deps, p: Principal, input: { fromUserId: string; toUserId: string; caseIds?: string[] }) {
  if (input.fromUserId === input.toUserId) throw invalid('REASSIGN_SAME_USER', { id: 'Petugas asal dan tujuan sama.', en: 'The handlers are the same person.' });
  if (input.toUserId === p.userId)
    throw forbidden('REASSIGN_TO_SELF', {
      id: 'Anda tidak dapat memindahkan kasus kepada diri sendiri; pemindahan harus dilakukan oleh petugas lain.',
      en: 'You cannot move cases to yourself; another supervisor has to make the move.',
    });
  return deps.db.transaction(async (tx) => {
    const params: unknown[] = [input.fromUserId];
    const scope = caseScopeSql(p, 'cases.handle', params);
    const filter = input.caseIds ? ` AND c.id = ANY($${params.push(input.caseIds)}::uuid[])` : ` AND NOT (c.status = ANY($${params.push(FINAL_STATUSES)}::text[]))`;
    const rows = (await tx.query<{ id: string; region_code: string }>(`SELECT c.id, c.region_code FROM cases c JOIN case_handlers h ON h.case_id = c.id AND h.user_id = $1 WHERE ${scope}${filter} FOR UPDATE OF c`, params)).rows
      .filter((r) => supervises(p, r.region_code));
    const user = await findUserById(tx, input.toUserId);
    if (!user?.active) throw invalid('USER_UNKNOWN', { id: 'Petugas tujuan tidak ditemukan atau tidak aktif.', en: 'Target handler not found or inactive.' });
    const target = toPrincipal(user, (await loadGrants(tx, [user.id])).get(user.id) ?? []);
    const outside = rows.filter((r) => !supervises(target, r.region_code));
    if (outside.length)
      throw invalid('REASSIGN_OUT_OF_SCOPE', {
        id: `${user.display_name} tidak berwenang menangani ${outside.length} kasus ini (wilayah ${[...new Set(outside.map((r) => r.region_code))].join(', ')}); tidak ada yang dipindahkan.`,
        en: `${user.display_name} may not handle ${outside.length} of these cases (region ${[...new Set(outside.map((r) => r.region_code))].join(', ')}); nothing was moved.`,
      });
    const ids = rows.map((r) => r.id);
    if (ids.length) {
      await tx.query('DELETE FROM case_handlers WHERE user_id = $1 AND case_id = ANY($2::uuid[])', [input.fromUserId, ids]);
      await tx.query('INSERT INTO case_handlers (case_id, user_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING', [ids, input.toUserId]);
    }
    await appendAudit(tx, { actor: actorOf(p), action: 'case.handlers_reassigned', entityType: 'user', entityId: input.fromUserId, details: { toUserId: input.toUserId, cases: ids.length }, at: deps.clock.now() });
    return { moved: ids.length };
  });
}

/** Colleagues who supervise cases in (part of) the caller's regions, with their open case load. */
export async function listHandlers(deps: Deps, p: Principal) {
  const mine = grantsFor(p, 'cases.handle').filter((g) => g.role === 'supervisor' || g.role === 'system_admin');
  if (!mine.length) throw forbidden();
  const { rows } = await deps.db.query<{ id: string; username: string; display_name: string; region_code: string | null; open_cases: number }>(
    `SELECT u.id, u.username, u.display_name, g.region_code,
            (SELECT count(*)::int FROM case_handlers h JOIN cases c ON c.id = h.case_id WHERE h.user_id = u.id AND NOT (c.status = ANY($1::text[]))) AS open_cases
       FROM users u JOIN grants g ON g.user_id = u.id
      WHERE u.active AND g.role = 'supervisor' ORDER BY u.display_name, u.id`,
    [FINAL_STATUSES],
  );
  const overlaps = (r: string | null) => mine.some((g) => !g.regionCode || !r || regionWithin(r, g.regionCode) || regionWithin(g.regionCode, r));
  const seen = new Set<string>();
  return rows.filter((r) => overlaps(r.region_code) && !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, regionCode: r.region_code, openCases: r.open_cases }));
}

/**
 * The deadline sweep: a bounded batch of cases whose next deadline is near or past; one warning
 * before and one escalation after each deadline (idempotent keys); an overdue PPK follow-up
 * records the PPK's non-compliance.
 */
export async function sweepDeadlines(deps: Deps, opts: { batch?: number; warnDaysBefore?: number } = {}) {
  const now = deps.clock.now();
  const warnDays = opts.warnDaysBefore ?? 1;
  const horizon = new Date(now.getTime() + (warnDays + 1) * 86_400_000);
  let warned = 0;
  let escalated = 0;
  let scanned = 0;
  // Walk every due case in pages (keyset on due time, id): cases escalated long ago keep their
  // past due time, and must not hide the newer ones behind a fixed-size first page.
  let after: [Date, string] | null = null;
  for (;;) {
    const params: unknown[] = [horizon, FINAL_STATUSES, opts.batch ?? 500];
    const keyset: string = after ? ` AND (c.next_due_at, c.id) > ($${params.push(after[0])}, $${params.push(after[1])}::uuid)` : '';
    const { rows }: { rows: (CaseRow & { next_due_at: Date })[] } = await deps.db.query<CaseRow & { next_due_at: Date }>(
      `${SELECT} WHERE c.next_due_at IS NOT NULL AND c.next_due_at < $1 AND NOT (c.status = ANY($2::text[]))${keyset} ORDER BY c.next_due_at, c.id LIMIT $3`,
      params,
    );
    if (!rows.length) break;
    scanned += rows.length;
    after = [rows.at(-1)!.next_due_at, rows.at(-1)!.id];
    const planned = rows.flatMap((r) => {
      const state = stateOf(r);
      return sweepActions(r.id, state, todayIn(now, r.region_code), warnDays).map((a) => ({ r, state, a }));
    });
    // actions already taken are skipped without opening a transaction for each
    const done = new Set((await deps.db.query<{ key: string }>('SELECT key FROM case_notices WHERE key = ANY($1::text[])', [planned.map((x) => x.a.key)])).rows.map((x) => x.key));
    for (const { r, state, a } of planned) {
      if (done.has(a.key)) continue;
      const fresh = await deps.db.transaction(async (tx) => {
        const ins = await tx.query('INSERT INTO case_notices (key, case_id, kind, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING RETURNING key', [a.key, r.id, a.kind, now]);
        if (!ins.rowCount) return false;
        await tx.query('INSERT INTO case_events (case_id, type, from_status, to_status, payload, actor_id, actor_label, at) VALUES ($1, $2, $3, $3, $4, NULL, $5, $6)', [
          r.id, a.kind === 'warn' ? 'DEADLINE_WARNING' : 'DEADLINE_PASSED', r.status, JSON.stringify({ ruleId: a.deadline.ruleId, dueAt: a.deadline.dueAt }), 'system:sweep', now,
        ]);
        await enqueue(tx, await noticesFor(tx, r, state, [{ type: 'notify', to: 'handlers', template: a.kind === 'warn' ? 'deadline_warning' : 'deadline_passed' }]));
        await appendAudit(tx, { actor: { id: null, label: 'system:sweep' }, action: a.kind === 'warn' ? 'case.deadline_warned' : 'case.deadline_escalated', entityType: 'case', entityId: r.id, details: { ruleId: a.deadline.ruleId }, at: now });
        return true;
      });
      if (!fresh) continue;
      if (a.kind === 'warn') warned += 1;
      else {
        escalated += 1;
        if (r.status === 'recommended' && a.deadline.ruleId === 'civil_service.ppk_follow_up') await transitionCase(deps, 'system', r.id, { type: 'PPK_FAIL' });
      }
    }
  }
  await flushNotices(deps);
  return { scanned, warned, escalated };
}

/**
 * Ranked registry matches for the free-text description of the reported person, within the
 * case's regency/city (reporters rarely know a NIP). The handler confirms one.
 */
export async function suggestReportedPersons(deps: Deps, p: Principal, id: string, text?: string) {
  const c = await loadCase(deps.db, p, id, 'cases.handle');
  assertMayLinkReported(p, c);
  const description = (text ?? c.reported_text ?? '').trim();
  if (!description) return { description, items: [] };
  const parsed = parseDescription(description);
  const area = c.region_code.split('.').slice(0, 2).join('.');
  const params: unknown[] = [area];
  const ors: string[] = [];
  for (const t of parsed.tokens.filter((x) => x.length >= 3).slice(0, 6)) ors.push(`e.name ILIKE '%' || $${params.push(t)} || '%' OR word_similarity($${params.length}, lower(e.name)) > 0.5`);
  for (const pos of parsed.positions.slice(0, 4)) {
    ors.push(`lower(e.position) LIKE $${params.push(`${pos}%`)}`);
    // "kepala dinas": a plain "Kepala" heading a "Dinas ..." unit (positionFits ranks them)
    const [head, ...rest] = pos.split(' ');
    if (rest.length) ors.push(`(lower(e.position) = $${params.push(head)} AND lower(u.name) LIKE $${params.push(`${rest.join(' ')}%`)})`);
  }
  if (parsed.nip) ors.push(`e.nip LIKE $${params.push(`${parsed.nip}%`)}`);
  if (!ors.length) return { description, items: [] };
  const { rows } = await deps.db.query<{ id: string; name: string; position: string | null; unit_path: string | null; agency_name: string; nip: string | null }>(
    `SELECT e.id, e.name, e.position, u.path AS unit_path, a.name AS agency_name, e.nip
       FROM employees e JOIN agencies a ON a.id = e.agency_id LEFT JOIN units u ON u.id = e.unit_id
      WHERE (e.region_code = $1 OR e.region_code LIKE $1 || '.%') AND e.active AND (${ors.join(' OR ')}) LIMIT 500`,
    params,
  );
  const ranked = rankCandidates(description, rows.map((r) => ({ id: r.id, name: r.name, position: r.position, unitPath: r.unit_path, agencyName: r.agency_name, nip: r.nip })));
  const nipOf = new Map(rows.map((r) => [r.id, r.nip]));
  return { description, items: ranked.map((r) => ({ employeeId: r.id, name: r.name, nip: nipOf.get(r.id) ?? null, position: r.position, unitPath: r.unitPath, agencyName: r.agencyName, score: Math.round(r.score * 100) / 100, reasons: r.reasons })) };
}

const LINKABLE_AFTER_DECISION: readonly string[] = ['decided_other_law', 'gakkumdu_concluded', 'forwarded'];

/**
 * Whether this user may link the reported person to a registry record now: Bawaslu's handlers only, while
 * the review is open; once decided, who was reported stays fixed, except that a case decided about a
 * described person with no registry record yet may still be linked until the authority recommends (the
 * PPK is reached through the record). One rule for the action offered and the action allowed.
 */
function reportedLinkRefusal(p: Principal, c: Pick<CaseRow, 'status' | 'region_code' | 'reported_employee_id'>): 'role' | 'fixed' | null {
  if (!grantsFor(p, 'cases.handle').length || !caseRolesOf(p, c.region_code).some((r) => r === 'supervisor' || r === 'system_admin')) return 'role';
  if (!canChangeReportedPerson(c.status) && !(c.reported_employee_id === null && LINKABLE_AFTER_DECISION.includes(c.status))) return 'fixed';
  return null;
}

function assertMayLinkReported(p: Principal, c: CaseRow): void {
  const refusal = reportedLinkRefusal(p, c);
  if (refusal === 'role') throw forbidden();
  if (refusal === 'fixed')
    throw conflict('CASE_REPORTED_PERSON_FIXED', {
      id: `Terlapor tidak dapat diubah lagi pada status "${statusWords(c.status).id}": kajian sudah diputus tentang orang ini atau kasus sudah final.`,
      en: `The reported person can no longer change in status "${statusWords(c.status).en}": the review was decided about this person, or the case is final.`,
    });
}

/** The handler confirms who was reported; the case then reaches that employee's PPK. */
export async function confirmReportedPerson(deps: Deps, p: Principal, id: string, employeeId: string) {
  await deps.db.transaction(async (tx) => {
    const c = await loadCase(tx, p, id, 'cases.handle', true);
    assertMayLinkReported(p, c);
    const reported = (await resolveReported(tx, p, { reportedEmployeeId: employeeId }))!;
    // the worker type follows the registry: it decides the sanctions and who acts (BKN for ASN, the PPK for non-ASN)
    await tx.query('UPDATE cases SET reported_employee_id = $2, reported_agency_id = $3, actor_type = $4, version = version + 1, updated_at = now() WHERE id = $1', [id, employeeId, reported.agencyId, reported.employmentType]);
    await appendAudit(tx, { actor: actorOf(p), action: 'case.reported_person_confirmed', entityType: 'case', entityId: id, before: { employeeId: c.reported_employee_id, actorType: c.actor_type }, after: { employeeId, actorType: reported.employmentType }, at: deps.clock.now() });
  });
  return getCase(deps, p, id);
}

/** Other cases about the same employee, and likely duplicates (same person within 14 days, or the same file). */
export async function relatedCases(deps: Deps, p: Principal, id: string) {
  const c = await loadCase(deps.db, p, id);
  const params: unknown[] = [id, c.reported_employee_id];
  const scope = caseScopeSql(p, 'cases.read', params, 'o');
  const { rows } = await deps.db.query<{ id: string; title: string; status: string; case_number: string | null; incident_on: string | Date | null; same_file: boolean }>(
    `SELECT o.id, o.title, o.status, o.case_number, o.incident_on,
            EXISTS (SELECT 1 FROM evidence a JOIN evidence b ON a.sha256 = b.sha256 WHERE a.case_id = $1 AND b.case_id = o.id) AS same_file
       FROM cases o
      WHERE o.id <> $1 AND (o.reported_employee_id = $2 OR EXISTS (SELECT 1 FROM evidence a JOIN evidence b ON a.sha256 = b.sha256 WHERE a.case_id = $1 AND b.case_id = o.id))
        AND ${scope}
      ORDER BY o.received_on DESC LIMIT 50`,
    params,
  );
  const mine = day(c.incident_on);
  return rows.map((r) => {
    const near = mine && r.incident_on ? Math.abs(Date.parse(mine) - Date.parse(day(r.incident_on)!)) <= 14 * 86_400_000 : false;
    return { id: r.id, title: r.title, status: r.status, caseNumber: r.case_number, incidentOn: day(r.incident_on), likelyDuplicate: r.same_file || near, reasons: [...(r.same_file ? ['same file (SHA-256)'] : []), ...(near ? ['same person within 14 days'] : []), ...(!r.same_file && !near ? ['same person'] : [])] };
  });
}

/** The steps whose letters name the linked employee, by document. */
const LETTER_STEPS: Partial<Record<DocumentKind, readonly string[]>> = {
  review: ['DECIDE'], forwarding: ['FORWARD', 'FORWARD_TO_PPK'], recommendation: ['RECOMMEND', 'FORWARD_TO_PPK'],
};
/** Events that issue a letter naming the linked employee: the event row keeps the employee as the registry held them then. */
const LETTER_EVENTS = new Set(Object.values(LETTER_STEPS).flat());
type ReportedOnLetter = { name: string; employmentType: string; nip: string | null; internalId: string | null; position: string | null; unitPath: string | null; agencyName: string };
async function reportedOnLetters(db: Queryable, employeeId: string): Promise<ReportedOnLetter | undefined> {
  const row = (await db.query<{ name: string; employment_type: string; nip: string | null; internal_id: string | null; position: string | null; unit_path: string | null; agency_name: string }>(
    `SELECT e.name, e.employment_type, e.nip, e.internal_id, e.position, u.path AS unit_path, a.name AS agency_name
       FROM employees e JOIN agencies a ON a.id = e.agency_id LEFT JOIN units u ON u.id = e.unit_id WHERE e.id = $1`, [employeeId])).rows[0];
  return row && { name: row.name, employmentType: row.employment_type, nip: row.nip, internalId: row.internal_id, position: row.position, unitPath: row.unit_path, agencyName: row.agency_name };
}

/** Issues one of the case's PDF documents (never containing the sealed reporter identity). */
export async function issueCaseDocument(deps: Deps, p: Principal, id: string, kind: DocumentKind, opts: { summons?: number } = {}): Promise<Uint8Array> {
  const c = await getCase(deps, p, id);
  if (!availableDocuments(c).includes(kind)) throw notFound(`Dokumen ${kind} / Document`, id);
  // the letters that reach BKN and the PPK name the linked employee as the registry held them when the letter's step was
  // taken (a transfer or promotion since does not change a reprint); older steps without that record read the registry now
  const step = LETTER_STEPS[kind] ? c.events.filter((e) => LETTER_STEPS[kind]!.includes(e.type)).at(-1) : undefined;
  const recorded = step?.payload.reportedEmployee as ReportedOnLetter | undefined;
  const reportedEmployee = c.reportedEmployeeId && LETTER_STEPS[kind] ? (recorded ?? (await reportedOnLetters(deps.db, c.reportedEmployeeId))) : undefined;
  const pdf = await renderCaseDocument(kind, c, deps.clock.now(), {
    rules: legalRules(deps.config),
    ...(opts.summons !== undefined ? { summonsIndex: opts.summons } : {}),
    ...(reportedEmployee ? { reportedEmployee } : {}),
  });
  await deps.db.transaction((tx) => appendAudit(tx, { actor: actorOf(p), action: 'case.document_issued', entityType: 'case', entityId: id, details: { kind, ...(opts.summons !== undefined ? { summons: opts.summons } : {}) }, at: deps.clock.now() }));
  return pdf;
}
