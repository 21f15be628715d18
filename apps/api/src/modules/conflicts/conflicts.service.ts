/**
 * Conflicts of interest: relatives employees declare, the matcher's suggestions against an
 * election's candidate lists, the officer's decision, and the register per agency ("16 caleg
 * related to ASN", seed 002). Cases read confirmed conflicts to flag a related PPK or handler.
 */
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { RELATIVE_NAME_MIN_LETTERS, normalizePersonName, visibleLetterCount } from '@netra/contracts';
import { ELECTIONS, findElection } from '@netra/rules';
import { scopeSql, type Principal } from '../auth/domain/policy.ts';
import { agencyScope } from '../agencies/agencies.service.ts';
import { mayImportCandidates } from '../elections/elections.service.ts';
import { COLS as EMPLOYEE_COLS } from '../registry/employee-scope.ts';
import { suggestConflicts, type DeclaredRelation, type Relation } from './domain/matcher.ts';

/**
 * Employee $1 if the caller may write it (registry scope) or it is the caller's own record. With
 * `lock`, the row is locked until the transaction ends, so changes to one employee's declarations
 * queue behind each other (FOR NO KEY UPDATE: it serialises writers of the declarations but, unlike
 * FOR UPDATE, does not hold up rows elsewhere that merely reference the employee, such as signatures).
 */
async function writableEmployee(db: Queryable, p: Principal, employeeId: string, lock = false) {
  const own = p.grants.some((g) => g.role === 'employee' && g.employeeId === employeeId);
  const params: unknown[] = [employeeId];
  const writer = scopeSql(p, 'registry.write', EMPLOYEE_COLS, params);
  const e = (await db.query<{ id: string; agency_id: string; writer: boolean }>(
    `SELECT e.id, e.agency_id, (${writer}) AS writer FROM employees e WHERE e.id = $1 AND (${own ? 'TRUE' : writer})${lock ? ' FOR NO KEY UPDATE OF e' : ''}`, params)).rows[0];
  if (!e) throw notFound('Pegawai / Employee', employeeId);
  return e;
}

/** Two declared names are the same person when they differ only in letter case, spacing or invisible characters. */
const relativeNameKey = (name: string) => normalizePersonName(name).normalize('NFKC').toLowerCase();

/**
 * Declares a relative of the employee. The name needs visible letters (a name of zero-width
 * characters is refused), and a declaration identical to one already made for the employee (same
 * relation, same name up to case and spacing) answers 409: the check runs under the employee's
 * row lock, so two identical declarations sent at once (the admin and the employee) store one.
 */
export async function declareRelative(deps: Deps, p: Principal, employeeId: string, input: { kind: DeclaredRelation; name: string }) {
  const name = normalizePersonName(input.name);
  if (visibleLetterCount(name) < RELATIVE_NAME_MIN_LETTERS) {
    const msg = {
      id: `Nama harus memuat sedikitnya ${RELATIVE_NAME_MIN_LETTERS} huruf yang terlihat (spasi dan karakter tak terlihat tidak dihitung).`,
      en: `The name must contain at least ${RELATIVE_NAME_MIN_LETTERS} visible letters (spaces and invisible characters do not count).`,
    };
    throw invalid('RELATIVE_NAME_INVALID', msg, [{ path: 'body.name', message: msg.en }]);
  }
  return deps.db.transaction(async (tx) => {
    await writableEmployee(tx, p, employeeId, true);
    const key = relativeNameKey(name);
    const same = (await tx.query<{ name: string }>('SELECT name FROM employee_relatives WHERE employee_id = $1 AND kind = $2', [employeeId, input.kind])).rows;
    if (same.some((r) => relativeNameKey(r.name) === key)) {
      throw conflict('RELATIVE_DUPLICATE', {
        id: 'Anggota keluarga ini sudah dilaporkan untuk pegawai ini (hubungan dan nama yang sama).',
        en: 'This relative has already been declared for this employee (same relation and name).',
      });
    }
    const id = (await tx.query<{ id: string }>('INSERT INTO employee_relatives (employee_id, kind, name, declared_by) VALUES ($1, $2, $3, $4) RETURNING id', [employeeId, input.kind, name, p.userId])).rows[0]!.id;
    // the relative's name is personal data: the audit row records that a declaration was made, not the name
    await appendAudit(tx, { actor: actorOf(p), action: 'employee.relative_declared', entityType: 'employee', entityId: employeeId, details: { kind: input.kind, relativeId: id }, at: deps.clock.now() });
    return { id, employeeId, kind: input.kind, name };
  });
}

/**
 * Withdraws a declaration (a wrong name, a divorce, a mistaken relation: a correction is a withdrawal
 * and a new declaration). Registry writers in scope may withdraw any declaration of the employee; the
 * employee only those made through their own account, so a relation their agency recorded cannot be
 * made to disappear by the person it concerns. Suggestions the matcher made from this declaration and
 * no officer has decided yet go with it; confirmed or dismissed ones stay as the officer's record.
 * The audit row records the relation and the declaration's id, not the relative's name.
 */
export async function withdrawRelative(deps: Deps, p: Principal, employeeId: string, relativeId: string) {
  return deps.db.transaction(async (tx) => {
    const employee = await writableEmployee(tx, p, employeeId, true);
    const r = (await tx.query<{ id: string; kind: DeclaredRelation; name: string; declared_by: string | null }>(
      'SELECT id, kind, name, declared_by FROM employee_relatives WHERE id = $1 AND employee_id = $2', [relativeId, employeeId])).rows[0];
    if (!r) throw notFound('Anggota keluarga yang dilaporkan / Declared relative', relativeId);
    if (!employee.writer && r.declared_by !== p.userId) {
      throw forbidden('RELATIVE_NOT_YOURS', {
        id: 'Hanya pengelola data kepegawaian yang dapat menarik pernyataan yang tidak Anda buat sendiri.',
        en: 'Only a registry officer can withdraw a declaration you did not make yourself.',
      });
    }
    await tx.query('DELETE FROM employee_relatives WHERE id = $1', [r.id]);
    const removed = (await tx.query(
      "DELETE FROM conflicts WHERE employee_id = $1 AND status = 'suggested' AND source = 'declared' AND reasons->>0 = $2", [employeeId, `declared ${r.kind}: ${r.name}`])).rowCount ?? 0;
    await appendAudit(tx, { actor: actorOf(p), action: 'employee.relative_withdrawn', entityType: 'employee', entityId: employeeId, details: { kind: r.kind, relativeId: r.id, suggestionsRemoved: removed }, at: deps.clock.now() });
    return { id: r.id, employeeId, suggestionsRemoved: removed };
  });
}

export async function listRelatives(deps: Deps, p: Principal, employeeId: string) {
  await writableEmployee(deps.db, p, employeeId);
  return (await deps.db.query<{ id: string; kind: DeclaredRelation; name: string }>('SELECT id, kind, name FROM employee_relatives WHERE employee_id = $1 ORDER BY declared_at, id', [employeeId])).rows
    .map((r) => ({ ...r, employeeId }));
}

const agencyScopeCols = { region: 'a.region_code', agency: 'a.id' };

/** The agency $1 if the caller manages it (agencies.manage scope; any agency for the system), else 404. */
async function managedAgency(db: Queryable, who: Principal | 'system', agencyId: string) {
  const params: unknown[] = [agencyId];
  const scope = who === 'system' ? 'TRUE' : scopeSql(who, 'agencies.manage', agencyScopeCols, params);
  const a = (await db.query<{ id: string; region_code: string }>(`SELECT a.id, a.region_code FROM agencies a WHERE a.id = $1 AND ${scope}`, params)).rows[0];
  if (!a) throw notFound('Instansi / Agency', agencyId);
  return a;
}

/**
 * The candidates an agency's matcher reads: national ones (no region), those of the agency's region,
 * of a region inside it, or of one containing it (a governor's pair for a city). `$n` is the agency's region.
 */
const overlapsAgencyRegion = (n: number) => `(c.region_code = '' OR c.region_code = $${n} OR c.region_code LIKE $${n} || '.%' OR $${n} LIKE c.region_code || '.%')`;

/**
 * How many candidates of each election the matcher would read for an agency the caller sees, so the
 * register can say "no KPU list loaded yet" instead of "matched against 0 candidates", and what the
 * caller may do about it (import a list, run the matcher).
 */
export async function candidateLists(deps: Deps, p: Principal, agencyId: string) {
  const params: unknown[] = [agencyId];
  const seen = agencyScope(p, params);
  const manages = scopeSql(p, 'agencies.manage', agencyScopeCols, params);
  const agency = (await deps.db.query<{ id: string; region_code: string; manages: boolean }>(
    `SELECT a.id, a.region_code, (${manages}) AS manages FROM agencies a WHERE a.id = $1 AND ${seen}`, params)).rows[0];
  if (!agency) throw notFound('Instansi / Agency', agencyId);
  const counts = (await deps.db.query<{ election_id: string; legislative: number; pairs: number }>(
    `SELECT c.election_id, count(*) FILTER (WHERE c.kind = 'legislative')::int AS legislative, count(*) FILTER (WHERE c.kind = 'pair')::int AS pairs
       FROM election_candidates c WHERE ${overlapsAgencyRegion(1)} GROUP BY c.election_id`, [agency.region_code])).rows;
  const byElection = new Map(counts.map((c) => [c.election_id, c]));
  return {
    agencyId: agency.id,
    regionCode: agency.region_code,
    items: ELECTIONS.map((e) => ({ electionId: e.id, legislative: byElection.get(e.id)?.legislative ?? 0, pairs: byElection.get(e.id)?.pairs ?? 0 })),
    allowedActions: [
      ...(mayImportCandidates(p, agency.region_code) ? (['candidates.import'] as const) : []),
      ...(agency.manages ? (['conflicts.match'] as const) : []),
    ],
  };
}

/**
 * Runs the matcher for one agency and election: every active employee (with declared relatives)
 * against the candidates whose region overlaps the agency's. New suggestions are added; a pair an
 * officer already confirmed or dismissed is left as decided. The system (the demo loader) runs it for any agency.
 */
export async function runMatcher(deps: Deps, who: Principal | 'system', actor: Actor, input: { agencyId: string; electionId: string }) {
  if (!findElection(input.electionId)) throw invalid('ELECTION_UNKNOWN', { id: `Pemilihan tidak dikenal: ${input.electionId}`, en: `Unknown election: ${input.electionId}` });
  return deps.db.transaction(async (tx) => {
    const agency = await managedAgency(tx, who, input.agencyId);
    const employees = (await tx.query<{ id: string; name: string; region_code: string; relatives: { kind: DeclaredRelation; name: string }[] | string }>(
      `SELECT e.id, e.name, e.region_code,
              coalesce((SELECT json_agg(json_build_object('kind', r.kind, 'name', r.name)) FROM employee_relatives r WHERE r.employee_id = e.id), '[]') AS relatives
         FROM employees e WHERE e.agency_id = $1 AND e.active`, [agency.id],
    )).rows.map((e) => ({ id: e.id, name: e.name, regionCode: e.region_code, relatives: typeof e.relatives === 'string' ? JSON.parse(e.relatives) : e.relatives }));
    const candidates = (await tx.query<{ id: string; name: string; running_mate_name: string | null; region_code: string }>(
      `SELECT c.id, c.name, c.running_mate_name, c.region_code FROM election_candidates c WHERE c.election_id = $1 AND ${overlapsAgencyRegion(2)}`, [input.electionId, agency.region_code],
    )).rows;
    // a pair's running mate is a candidate too (the same candidate row)
    const people = candidates.flatMap((c) => [{ id: c.id, name: c.name, regionCode: c.region_code }, ...(c.running_mate_name ? [{ id: c.id, name: c.running_mate_name, regionCode: c.region_code }] : [])]);
    const found = suggestConflicts(employees, people);
    const inserted = found.length
      ? (await tx.query(
        `INSERT INTO conflicts (election_id, employee_id, candidate_id, relation, source, score, reasons)
         SELECT $1, x.employee_id, x.candidate_id, x.relation, CASE WHEN x.declared THEN 'declared' ELSE 'matcher' END, x.score, x.reasons::jsonb
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::boolean[], $6::real[], $7::text[]) AS x (employee_id, candidate_id, relation, declared, score, reasons)
         ON CONFLICT (employee_id, candidate_id) DO NOTHING`,
        [input.electionId, found.map((f) => f.employeeId), found.map((f) => f.candidateId), found.map((f) => f.relation), found.map((f) => f.reasons[0]!.startsWith('declared')),
          found.map((f) => f.score), found.map((f) => JSON.stringify(f.reasons))],
      )).rowCount
      : 0;
    await appendAudit(tx, { actor, action: 'conflicts.matched', entityType: 'agency', entityId: agency.id, details: { electionId: input.electionId, employees: employees.length, candidates: candidates.length, suggested: found.length, added: inserted }, at: deps.clock.now() });
    return { employees: employees.length, candidates: candidates.length, suggested: found.length, added: inserted };
  });
}

type ConflictRow = {
  id: string; election_id: string; employee_id: string; employee_name: string; nip: string | null; position: string | null; unit_path: string | null; agency_name: string;
  candidate_id: string; candidate_name: string; running_mate_name: string | null; candidate_kind: string; party_number: number | null; chamber: string | null; electoral_district: string;
  relation: Relation; source: string; score: number; reasons: string[] | string; status: 'suggested' | 'confirmed' | 'dismissed'; note: string | null;
};

/**
 * The register for the caller's registry scope, one page of it, with the headline counts ("16 caleg
 * related to ASN") counted in SQL over the whole register for the election and agency asked. The
 * status filter narrows the list and its total, not the headline counts.
 */
export async function listConflicts(deps: Deps, p: Principal, q: { page: number; pageSize: number; electionId?: string; agencyId?: string; status?: string }) {
  const params: unknown[] = [];
  const where = [scopeSql(p, 'registry.read', EMPLOYEE_COLS, params)];
  if (q.electionId) where.push(`k.election_id = $${params.push(q.electionId)}`);
  if (q.agencyId) where.push(`e.agency_id = $${params.push(q.agencyId)}`);
  const register = where.join(' AND ');
  const status = q.status ? `k.status = $${params.push(q.status)}` : 'TRUE';
  const counts = (await deps.db.query<{ confirmed_candidates: number; confirmed_employees: number; suggested: number; dismissed: number; total: number }>(
    `SELECT count(DISTINCT k.candidate_id) FILTER (WHERE k.status = 'confirmed')::int AS confirmed_candidates,
            count(DISTINCT k.employee_id) FILTER (WHERE k.status = 'confirmed')::int AS confirmed_employees,
            count(*) FILTER (WHERE k.status = 'suggested')::int AS suggested,
            count(*) FILTER (WHERE k.status = 'dismissed')::int AS dismissed,
            count(*) FILTER (WHERE ${status})::int AS total
       FROM conflicts k JOIN employees e ON e.id = k.employee_id
      WHERE ${register}`, params,
  )).rows[0]!;
  const rows = counts.total === 0 ? [] : (await deps.db.query<ConflictRow>(
    `SELECT k.id, k.election_id, e.id AS employee_id, e.name AS employee_name, e.nip, e.position, u.path AS unit_path, a.name AS agency_name,
            c.id AS candidate_id, c.name AS candidate_name, c.running_mate_name, c.kind AS candidate_kind, c.party_number, c.chamber, c.electoral_district,
            k.relation, k.source, k.score, k.reasons, k.status, k.note
       FROM conflicts k JOIN employees e ON e.id = k.employee_id JOIN agencies a ON a.id = e.agency_id LEFT JOIN units u ON u.id = e.unit_id
       JOIN election_candidates c ON c.id = k.candidate_id
      WHERE ${register} AND ${status}
      ORDER BY (k.status = 'suggested') DESC, k.score DESC, e.name, k.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`, params,
  )).rows;
  return {
    summary: { confirmedCandidates: counts.confirmed_candidates, confirmedEmployees: counts.confirmed_employees, suggested: counts.suggested, dismissed: counts.dismissed },
    items: rows.map((r) => ({
      id: r.id, electionId: r.election_id, status: r.status, relation: r.relation, source: r.source, score: Number(r.score), reasons: typeof r.reasons === 'string' ? (JSON.parse(r.reasons) as string[]) : r.reasons, note: r.note,
      employee: { id: r.employee_id, name: r.employee_name, nip: r.nip, position: r.position, unitPath: r.unit_path, agencyName: r.agency_name },
      candidate: { id: r.candidate_id, name: r.candidate_name, runningMateName: r.running_mate_name, kind: r.candidate_kind, partyNumber: r.party_number, chamber: r.chamber, electoralDistrict: r.electoral_district },
    })),
    page: q.page, pageSize: q.pageSize, total: counts.total,
  };
}

/** An officer confirms (possibly correcting the relation) or dismisses a suggestion. */
export async function decideConflict(deps: Deps, p: Principal, id: string, input: { decision: 'confirm' | 'dismiss'; relation?: Relation; note?: string }) {
  return deps.db.transaction(async (tx) => {
    const params: unknown[] = [id];
    const row = (await tx.query<{ id: string; status: string; relation: Relation }>(
      `SELECT k.id, k.status, k.relation FROM conflicts k JOIN employees e ON e.id = k.employee_id WHERE k.id = $1 AND ${scopeSql(p, 'registry.write', EMPLOYEE_COLS, params)} FOR UPDATE OF k`, params,
    )).rows[0];
    if (!row) throw notFound('Konflik kepentingan / Conflict', id);
    if (row.status !== 'suggested') throw conflict('CONFLICT_DECIDED', { id: `Sudah diputuskan (${row.status}).`, en: `Already decided (${row.status}).` });
    const status = input.decision === 'confirm' ? 'confirmed' : 'dismissed';
    const relation = input.relation ?? row.relation;
    await tx.query('UPDATE conflicts SET status = $2, relation = $3, note = $4, decided_by = $5, decided_at = $6 WHERE id = $1', [id, status, relation, input.note ?? null, p.userId, deps.clock.now()]);
    await appendAudit(tx, { actor: actorOf(p), action: `conflict.${status}`, entityType: 'conflict', entityId: id, before: { status: row.status, relation: row.relation }, after: { status, relation }, at: deps.clock.now() });
    return { id, status, relation };
  });
}

export type CaseConflictFlag = { flag: 'PPK_IS_CANDIDATE' | 'PPK_RELATED_TO_CANDIDATE' | 'HANDLER_RELATED_TO_CANDIDATE' | 'REPORTED_RELATED_TO_CANDIDATE'; detail: string };

/**
 * Confirmed conflicts touching a case: the reported employee's, those of the PPK accounts of the
 * reported employee's agency and of the case's handlers (accounts linked to an employee record).
 * A PPK who is himself a candidate (an incumbent running) cannot decide: a higher authority must.
 */
export async function caseConflictFlags(db: Queryable, c: { id: string; electionId: string; reportedEmployeeId: string | null; reportedAgencyId: string | null }): Promise<CaseConflictFlag[]> {
  const { rows } = await db.query<{ who: 'reported' | 'ppk' | 'handler'; relation: Relation; candidate: string }>(
    `SELECT 'reported' AS who, k.relation, c.name AS candidate FROM conflicts k JOIN election_candidates c ON c.id = k.candidate_id
      WHERE k.status = 'confirmed' AND k.election_id = $2 AND k.employee_id = $3
     UNION ALL
     SELECT 'ppk', k.relation, c.name FROM grants g JOIN users u ON u.id = g.user_id AND u.active JOIN conflicts k ON k.employee_id = u.employee_id
       JOIN election_candidates c ON c.id = k.candidate_id
      WHERE g.role = 'employing_official' AND g.agency_id = $4 AND k.status = 'confirmed' AND k.election_id = $2
     UNION ALL
     SELECT 'handler', k.relation, c.name FROM case_handlers h JOIN users u ON u.id = h.user_id JOIN conflicts k ON k.employee_id = u.employee_id
       JOIN election_candidates c ON c.id = k.candidate_id
      WHERE h.case_id = $1 AND k.status = 'confirmed' AND k.election_id = $2`,
    [c.id, c.electionId, c.reportedEmployeeId, c.reportedAgencyId],
  );
  return rows.map((r) => ({
    flag: r.who === 'reported' ? 'REPORTED_RELATED_TO_CANDIDATE' : r.who === 'handler' ? 'HANDLER_RELATED_TO_CANDIDATE' : r.relation === 'self' ? 'PPK_IS_CANDIDATE' : 'PPK_RELATED_TO_CANDIDATE',
    detail: `${r.relation}: ${r.candidate}`,
  }));
}
