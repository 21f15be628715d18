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
import { RELATIVE_NAME_MIN_LETTERS, normalizePersonName, visibleLetterCount, type CandidateMember, type ConflictAction, type ConflictReason } from '@netra/contracts';
import { ELECTIONS, findElection } from '@netra/rules';
import { scopeSql, type Principal } from '../auth/domain/policy.ts';
import { agencyScope } from '../agencies/agencies.service.ts';
import { mayImportCandidates } from '../elections/elections.service.ts';
import { COLS as EMPLOYEE_COLS } from '../registry/employee-scope.ts';
import { nameSearchKeys, suggestConflicts, type DeclaredRelation, type Relation, type Suggestion } from './domain/matcher.ts';
import { afterBasisWithdrawn, reconcile, type ConflictStatus, type PastDecision } from './domain/register.ts';

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
 * The declaration is dated by the server's clock: a later run of the matcher compares that date with
 * an officer's decision (a dismissal made before the declaration is reconsidered).
 */
export async function declareRelative(deps: Deps, p: Principal, employeeId: string, input: { kind: DeclaredRelation; name: string }) {
  const name = normalizePersonName(input.name);
  if (visibleLetterCount(name) < RELATIVE_NAME_MIN_LETTERS) {
    const msg = {
      id: `Nama harus memuat sedikitnya ${RELATIVE_NAME_MIN_LETTERS} huruf yang terlihat (spasi dan karakter tak terlihat tidak dihitung).`,
      en: `The name must contain at least ${RELATIVE_NAME_MIN_LETTERS} visible letters (spaces and invisible characters do not count).`,
    };
    throw invalid('RELATIVE_NAME_INVALID', msg, [{ path: 'body.name', message: msg.en, messageId: msg.id }]);
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
    const at = deps.clock.now();
    const id = (await tx.query<{ id: string }>('INSERT INTO employee_relatives (employee_id, kind, name, declared_by, declared_at) VALUES ($1, $2, $3, $4, $5) RETURNING id', [employeeId, input.kind, name, p.userId, at])).rows[0]!.id;
    // the relative's name is personal data: the audit row records that a declaration was made, not the name
    await appendAudit(tx, { actor: actorOf(p), action: 'employee.relative_declared', entityType: 'employee', entityId: employeeId, details: { kind: input.kind, relativeId: id }, at });
    return { id, employeeId, kind: input.kind, name, mayWithdraw: true };
  });
}

type EntryRow = {
  id: string; status: ConflictStatus; relation: Relation; source: string; score: number; reasons: unknown; relative_id: string | null; note: string | null;
  decided_by: string | null; decided_at: Date | string | null; basis_withdrawn_at: Date | string | null; history: unknown;
};
const ENTRY_COLS = 'k.id, k.status, k.relation, k.source, k.score, k.reasons, k.relative_id, k.note, k.decided_by, k.decided_at, k.basis_withdrawn_at, k.history';
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const dateOf = (v: Date | string | null) => (v === null ? null : new Date(v));

/** The stored reasons as codes: a reason stored as text (before codes, or written by hand) is shown as that text. */
const reasonsOf = (v: unknown): ConflictReason[] =>
  json<unknown[]>(v).map((r) => (typeof r === 'string' ? { code: 'TEXT' as const, params: { text: r } } : (r as ConflictReason)));

/** The decision an entry holds, as its history keeps it once reopened. */
function pastDecision(row: EntryRow, at: Date, by: string | null, because: PastDecision['reopenedBecause'], reason: string | null): PastDecision {
  return {
    status: row.status as PastDecision['status'], relation: row.relation, note: row.note, decidedBy: row.decided_by, decidedAt: dateOf(row.decided_at)?.toISOString() ?? null,
    reopenedAt: at.toISOString(), reopenedBy: by, reopenedBecause: because, reason,
    basis: { source: row.source, relativeId: row.relative_id, score: Number(row.score), reasons: reasonsOf(row.reasons) },
  };
}

/**
 * Withdraws a declaration (a wrong name, a divorce, a mistaken relation: a correction is a withdrawal
 * and a new declaration). Registry writers in scope may withdraw any declaration of the employee; the
 * employee only those made through their own account, so a relation their agency recorded cannot be
 * made to disappear by the person it concerns.
 * Each register entry resting on the declaration is checked against what else links the employee to that
 * candidate (another declaration, a patronymic, the own name): if something does, it becomes the entry's
 * basis; if not, an undecided suggestion goes (or the decision a later declaration had reopened comes
 * back), and a confirmed relation stays but is flagged "basis withdrawn" for an officer to review, never
 * silently kept as if nothing happened. The audit row records the relation and the declaration's id, not
 * the relative's name.
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
    const at = deps.clock.now();
    const entries = (await tx.query<EntryRow & { candidate_id: string; member: CandidateMember; person: string; region_code: string }>(
      `SELECT ${ENTRY_COLS}, k.candidate_id, k.member, CASE k.member WHEN 'running_mate' THEN c.running_mate_name ELSE c.name END AS person, c.region_code
         FROM conflicts k JOIN election_candidates c ON c.id = k.candidate_id WHERE k.relative_id = $1 ORDER BY k.id FOR UPDATE OF k`, [r.id])).rows;
    const self = (await tx.query<{ name: string; region_code: string }>('SELECT name, region_code FROM employees WHERE id = $1', [employeeId])).rows[0]!;
    const others = (await tx.query<{ id: string; kind: DeclaredRelation; name: string }>('SELECT id, kind, name FROM employee_relatives WHERE employee_id = $1 AND id <> $2', [employeeId, r.id])).rows;
    const outcome = { removed: 0, restored: 0, flagged: 0, rebased: 0 };
    for (const k of entries) {
      const history = json<PastDecision[]>(k.history);
      const action = afterBasisWithdrawn({ status: k.status, history });
      // a decision the withdrawn declaration had reopened comes back as it was, whatever it was weighed on then
      const still = action === 'restore' ? undefined
        : suggestConflicts([{ id: employeeId, name: self.name, regionCode: self.region_code, relatives: others }], [{ id: k.candidate_id, name: k.person, regionCode: k.region_code, member: k.member }])[0];
      if (still) {
        await tx.query('UPDATE conflicts SET relative_id = $2, source = $3, score = $4, reasons = $5::jsonb WHERE id = $1', [k.id, still.relativeId, still.source, still.score, JSON.stringify(still.reasons)]);
        outcome.rebased++;
        continue;
      }
      switch (action) {
        case 'remove':
          await tx.query('DELETE FROM conflicts WHERE id = $1', [k.id]);
          outcome.removed++;
          break;
        case 'restore': {
          const last = history.at(-1)!;
          await tx.query(
            `UPDATE conflicts SET status = $2, relation = $3, note = $4, decided_by = $5, decided_at = $6, source = $7, relative_id = $8, score = $9, reasons = $10::jsonb, history = $11::jsonb WHERE id = $1`,
            [k.id, last.status, last.relation, last.note, last.decidedBy, last.decidedAt, last.basis.source, last.basis.relativeId === r.id ? null : last.basis.relativeId, last.basis.score,
              JSON.stringify(last.basis.reasons), JSON.stringify(history.slice(0, -1))],
          );
          await appendAudit(tx, { actor: actorOf(p), action: 'conflict.decision_restored', entityType: 'conflict', entityId: k.id, details: { status: last.status, relativeId: r.id }, at });
          outcome.restored++;
          break;
        }
        case 'flag':
          await tx.query('UPDATE conflicts SET basis_withdrawn_at = $2 WHERE id = $1', [k.id, at]);
          await appendAudit(tx, { actor: actorOf(p), action: 'conflict.basis_withdrawn', entityType: 'conflict', entityId: k.id, details: { status: k.status, relativeId: r.id }, at });
          outcome.flagged++;
          break;
        case 'keep':
          break;
      }
    }
    await tx.query('DELETE FROM employee_relatives WHERE id = $1', [r.id]);
    await appendAudit(tx, {
      actor: actorOf(p), action: 'employee.relative_withdrawn', entityType: 'employee', entityId: employeeId,
      details: { kind: r.kind, relativeId: r.id, suggestionsRemoved: outcome.removed, decisionsRestored: outcome.restored, basisWithdrawn: outcome.flagged, rebased: outcome.rebased }, at,
    });
    return { id: r.id, employeeId, suggestionsRemoved: outcome.removed, basisWithdrawn: outcome.flagged };
  });
}

export async function listRelatives(deps: Deps, p: Principal, employeeId: string) {
  const employee = await writableEmployee(deps.db, p, employeeId);
  return (await deps.db.query<{ id: string; kind: DeclaredRelation; name: string; declared_by: string | null }>(
    'SELECT id, kind, name, declared_by FROM employee_relatives WHERE employee_id = $1 ORDER BY declared_at, id', [employeeId])).rows
    .map((r) => ({ id: r.id, employeeId, kind: r.kind, name: r.name, mayWithdraw: employee.writer || r.declared_by === p.userId }));
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
 * caller may do about it (import a list, run the matcher). Candidates replaced on a later list do not count.
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
       FROM election_candidates c WHERE c.withdrawn_at IS NULL AND ${overlapsAgencyRegion(1)} GROUP BY c.election_id`, [agency.region_code])).rows;
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

/** Word similarity (pg_trgm) a list entry's name needs with a declared relative's name to be read from outside the agency's region. */
const ELSEWHERE_WORD_SIMILARITY = 0.5;

/**
 * Runs the matcher for one agency and election: every active employee (with declared relatives)
 * against the candidates on the lists whose region overlaps the agency's, and, for declared relatives,
 * the entries elsewhere whose name resembles a declared name (a trigram pre-filter; the matcher decides):
 * a relative running in another region is suggested too (with a lower score), a mere namesake elsewhere
 * is not. New suggestions are added; an entry an officer already decided is left as decided unless a
 * declaration made after the decision calls for a new look (`reconcile`): then it is a suggestion again,
 * the decision kept in its history. The system (the demo loader) runs it for any agency.
 */
export async function runMatcher(deps: Deps, who: Principal | 'system', actor: Actor, input: { agencyId: string; electionId: string }) {
  if (!findElection(input.electionId)) throw invalid('ELECTION_UNKNOWN', { id: `Pemilihan tidak dikenal: ${input.electionId}`, en: `Unknown election: ${input.electionId}` });
  return deps.db.transaction(async (tx) => {
    const agency = await managedAgency(tx, who, input.agencyId);
    type Declared = { id: string; kind: DeclaredRelation; name: string; declared_at: string };
    const employees = (await tx.query<{ id: string; name: string; region_code: string; relatives: Declared[] | string }>(
      `SELECT e.id, e.name, e.region_code,
              coalesce((SELECT json_agg(json_build_object('id', r.id, 'kind', r.kind, 'name', r.name, 'declared_at', r.declared_at)) FROM employee_relatives r WHERE r.employee_id = e.id), '[]') AS relatives
         FROM employees e WHERE e.agency_id = $1 AND e.active`, [agency.id],
    )).rows.map((e) => ({ id: e.id, name: e.name, regionCode: e.region_code, relatives: json<Declared[]>(e.relatives) }));
    const declaredAt = new Map(employees.flatMap((e) => e.relatives.map((r) => [r.id, new Date(r.declared_at)] as const)));
    const keys = [...new Set(employees.flatMap((e) => e.relatives.flatMap((r) => nameSearchKeys(r.name))))];
    type CandidateRow = { id: string; name: string; running_mate_name: string | null; region_code: string };
    const nearby = (await tx.query<CandidateRow>(
      `SELECT c.id, c.name, c.running_mate_name, c.region_code FROM election_candidates c WHERE c.election_id = $1 AND c.withdrawn_at IS NULL AND ${overlapsAgencyRegion(2)}`,
      [input.electionId, agency.region_code],
    )).rows;
    let elsewhere: CandidateRow[] = [];
    if (keys.length) {
      await tx.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${ELSEWHERE_WORD_SIMILARITY}`);
      elsewhere = (await tx.query<CandidateRow>(
        `SELECT c.id, c.name, c.running_mate_name, c.region_code FROM election_candidates c
          WHERE c.election_id = $1 AND c.withdrawn_at IS NULL AND NOT ${overlapsAgencyRegion(2)}
            AND EXISTS (SELECT 1 FROM unnest($3::text[]) AS k (key) WHERE k.key <% c.name)
         UNION
         SELECT c.id, c.name, c.running_mate_name, c.region_code FROM election_candidates c
          WHERE c.election_id = $1 AND c.kind = 'pair' AND c.withdrawn_at IS NULL AND NOT ${overlapsAgencyRegion(2)}
            AND EXISTS (SELECT 1 FROM unnest($3::text[]) AS k (key) WHERE k.key <% c.running_mate_name)`,
        [input.electionId, agency.region_code, keys],
      )).rows;
    }
    // a pair's head and running mate are two people on the same list entry
    const people = [...nearby, ...elsewhere].flatMap((c) => [
      { id: c.id, name: c.name, regionCode: c.region_code, member: 'head' as const },
      ...(c.running_mate_name ? [{ id: c.id, name: c.running_mate_name, regionCode: c.region_code, member: 'running_mate' as const }] : []),
    ]);
    const found = suggestConflicts(employees, people);
    const existing = new Map((await tx.query<EntryRow & { employee_id: string; candidate_id: string; member: CandidateMember }>(
      `SELECT ${ENTRY_COLS}, k.employee_id, k.candidate_id, k.member FROM conflicts k JOIN employees e ON e.id = k.employee_id
        WHERE e.agency_id = $1 AND k.election_id = $2 ORDER BY k.id FOR UPDATE OF k`, [agency.id, input.electionId],
    )).rows.map((k) => [`${k.employee_id}:${k.candidate_id}:${k.member}`, k]));
    const at = deps.clock.now();
    const add: Suggestion[] = [];
    let reopened = 0;
    let rebased = 0;
    for (const s of found) {
      const k = existing.get(`${s.employeeId}:${s.candidateId}:${s.member}`);
      const entry = k && { status: k.status, relation: k.relation, relativeId: k.relative_id, decidedAt: dateOf(k.decided_at), basisWithdrawnAt: dateOf(k.basis_withdrawn_at) };
      const basis = [s.relativeId, s.source, s.score, JSON.stringify(s.reasons)];
      switch (reconcile(entry, s, s.relativeId ? (declaredAt.get(s.relativeId) ?? null) : null)) {
        case 'add':
          add.push(s);
          break;
        case 'reopen': {
          const history = [...json<PastDecision[]>(k!.history), pastDecision(k!, at, null, 'new_declaration', null)];
          await tx.query(
            `UPDATE conflicts SET status = 'suggested', relation = $2, note = NULL, decided_by = NULL, decided_at = NULL, basis_withdrawn_at = NULL,
                    relative_id = $3, source = $4, score = $5, reasons = $6::jsonb, history = $7::jsonb WHERE id = $1`,
            [k!.id, s.relation, ...basis, JSON.stringify(history)],
          );
          // the decision reopened, without the declared name (personal data)
          await appendAudit(tx, {
            actor, action: 'conflict.reopened', entityType: 'conflict', entityId: k!.id, before: { status: k!.status, relation: k!.relation }, after: { status: 'suggested', relation: s.relation },
            details: { because: 'new_declaration', relativeId: s.relativeId, previous: { status: k!.status, relation: k!.relation, decidedBy: k!.decided_by, decidedAt: dateOf(k!.decided_at)?.toISOString() ?? null } }, at,
          });
          reopened++;
          break;
        }
        case 'rebase':
          await tx.query('UPDATE conflicts SET basis_withdrawn_at = NULL, relative_id = $2, source = $3, score = $4, reasons = $5::jsonb WHERE id = $1', [k!.id, ...basis]);
          await appendAudit(tx, { actor, action: 'conflict.basis_restored', entityType: 'conflict', entityId: k!.id, details: { status: k!.status, relativeId: s.relativeId }, at });
          rebased++;
          break;
        case 'keep':
          break;
      }
    }
    const inserted = add.length
      ? (await tx.query(
        `INSERT INTO conflicts (election_id, employee_id, candidate_id, member, relation, source, score, reasons, relative_id)
         SELECT $1, x.employee_id, x.candidate_id, x.member, x.relation, x.source, x.score, x.reasons::jsonb, x.relative_id
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::real[], $8::text[], $9::uuid[]) AS x (employee_id, candidate_id, member, relation, source, score, reasons, relative_id)
         ON CONFLICT (employee_id, candidate_id, member) DO NOTHING`,
        [input.electionId, add.map((f) => f.employeeId), add.map((f) => f.candidateId), add.map((f) => f.member), add.map((f) => f.relation), add.map((f) => f.source),
          add.map((f) => f.score), add.map((f) => JSON.stringify(f.reasons)), add.map((f) => f.relativeId)],
      )).rowCount ?? 0
      : 0;
    const candidates = nearby.length + elsewhere.length;
    await appendAudit(tx, {
      actor, action: 'conflicts.matched', entityType: 'agency', entityId: agency.id,
      details: { electionId: input.electionId, employees: employees.length, candidates, candidatesElsewhere: elsewhere.length, suggested: found.length, added: inserted, reopened, rebased }, at,
    });
    return { employees: employees.length, candidates: nearby.length, suggested: found.length, added: inserted, reopened };
  });
}

type ConflictRow = EntryRow & {
  election_id: string; employee_id: string; employee_name: string; nip: string | null; position: string | null; unit_path: string | null; agency_name: string;
  candidate_id: string; candidate_name: string; running_mate_name: string | null; candidate_kind: string; party_number: number | null; chamber: string | null; electoral_district: string;
  member: CandidateMember; withdrawn: boolean; full: boolean;
};

/** A person on the lists, for the headline: a list entry's slot (without its optional chamber) and the person's name, so one candidate stored twice counts once. */
const PERSON_KEY = `concat_ws('|', c.election_id, c.kind, c.region_code, c.dapil_key, c.party_number, c.ballot_number, k.member,
  lower(btrim(regexp_replace(CASE k.member WHEN 'running_mate' THEN c.running_mate_name ELSE c.name END, '\\s+', ' ', 'g'))))`;

/**
 * The register for the caller's registry scope, one page of it, with the headline counts ("16 caleg
 * related to ASN": distinct persons on the lists, withdrawn candidates aside) counted in SQL over the
 * whole register for the election and agency asked. The status filter narrows the list and its total,
 * not the headline counts.
 * What a reader sees depends on the employee: registry writers in scope (who may read the declarations)
 * see every entry with its evidence, notes and history; other readers in scope (Bawaslu, PPK, BKN,
 * auditors) see confirmed relations only, without the declaration as written, notes or history.
 * A suggestion about a candidate withdrawn from the lists (replaced, PAW) is no longer work waiting:
 * it is not counted as suggested and is listed after the live ones; it stays, and can still be decided.
 */
export async function listConflicts(deps: Deps, p: Principal, q: { page: number; pageSize: number; electionId?: string; agencyId?: string; status?: string }) {
  const params: unknown[] = [];
  const full = scopeSql(p, 'registry.write', EMPLOYEE_COLS, params);
  const where = [scopeSql(p, 'registry.read', EMPLOYEE_COLS, params), `(${full} OR k.status = 'confirmed')`];
  if (q.electionId) where.push(`k.election_id = $${params.push(q.electionId)}`);
  if (q.agencyId) where.push(`e.agency_id = $${params.push(q.agencyId)}`);
  const register = where.join(' AND ');
  const status = q.status ? `k.status = $${params.push(q.status)}` : 'TRUE';
  const counts = (await deps.db.query<{ confirmed_candidates: number; confirmed_employees: number; suggested: number; dismissed: number; basis_withdrawn: number; total: number }>(
    `SELECT count(DISTINCT ${PERSON_KEY}) FILTER (WHERE k.status = 'confirmed' AND c.withdrawn_at IS NULL)::int AS confirmed_candidates,
            count(DISTINCT k.employee_id) FILTER (WHERE k.status = 'confirmed')::int AS confirmed_employees,
            count(*) FILTER (WHERE k.status = 'suggested' AND c.withdrawn_at IS NULL)::int AS suggested,
            count(*) FILTER (WHERE k.status = 'dismissed')::int AS dismissed,
            count(*) FILTER (WHERE k.status = 'confirmed' AND k.basis_withdrawn_at IS NOT NULL AND ${full})::int AS basis_withdrawn,
            count(*) FILTER (WHERE ${status})::int AS total
       FROM conflicts k JOIN employees e ON e.id = k.employee_id JOIN election_candidates c ON c.id = k.candidate_id
      WHERE ${register}`, params,
  )).rows[0]!;
  const rows = counts.total === 0 ? [] : (await deps.db.query<ConflictRow>(
    `SELECT ${ENTRY_COLS}, k.election_id, e.id AS employee_id, e.name AS employee_name, e.nip, e.position, u.path AS unit_path, a.name AS agency_name,
            c.id AS candidate_id, c.name AS candidate_name, c.running_mate_name, c.kind AS candidate_kind, c.party_number, c.chamber, c.electoral_district,
            k.member, c.withdrawn_at IS NOT NULL AS withdrawn, (${full}) AS full
       FROM conflicts k JOIN employees e ON e.id = k.employee_id JOIN agencies a ON a.id = e.agency_id LEFT JOIN units u ON u.id = e.unit_id
       JOIN election_candidates c ON c.id = k.candidate_id
      WHERE ${register} AND ${status}
      ORDER BY (k.status = 'suggested' AND c.withdrawn_at IS NULL) DESC, (k.basis_withdrawn_at IS NOT NULL) DESC, (c.withdrawn_at IS NOT NULL), k.score DESC, e.name, k.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`, params,
  )).rows;
  return {
    summary: { confirmedCandidates: counts.confirmed_candidates, confirmedEmployees: counts.confirmed_employees, suggested: counts.suggested, dismissed: counts.dismissed, basisWithdrawn: counts.basis_withdrawn },
    items: rows.map((r) => ({
      id: r.id, electionId: r.election_id, status: r.status, relation: r.relation, source: r.source, score: Number(r.score),
      reasons: r.full ? reasonsOf(r.reasons) : [], note: r.full ? r.note : null, basisWithdrawn: r.full && r.basis_withdrawn_at !== null,
      history: r.full ? json<PastDecision[]>(r.history).map((h) => ({ status: h.status, relation: h.relation, note: h.note, decidedAt: h.decidedAt, reopenedAt: h.reopenedAt, reopenedBecause: h.reopenedBecause, reason: h.reason })) : [],
      evidenceWithheld: !r.full,
      allowedActions: (!r.full ? [] : r.status === 'suggested' ? ['confirm', 'dismiss'] : ['reopen']) as ConflictAction[],
      employee: { id: r.employee_id, name: r.employee_name, nip: r.nip, position: r.position, unitPath: r.unit_path, agencyName: r.agency_name },
      candidate: {
        id: r.candidate_id, name: r.candidate_name, runningMateName: r.running_mate_name, kind: r.candidate_kind, partyNumber: r.party_number, chamber: r.chamber, electoralDistrict: r.electoral_district,
        member: r.member, personName: r.member === 'running_mate' ? (r.running_mate_name ?? r.candidate_name) : r.candidate_name, withdrawn: r.withdrawn,
      },
    })),
    page: q.page, pageSize: q.pageSize, total: counts.total,
  };
}

const STATUS_WORDS: Record<ConflictStatus, { id: string; en: string }> = {
  suggested: { id: 'masih usulan', en: 'still a suggestion' }, confirmed: { id: 'dikonfirmasi', en: 'confirmed' }, dismissed: { id: 'ditolak', en: 'dismissed' },
};

/** Entry $1 in the caller's registry write scope, locked until the transaction ends, else 404. */
async function writableEntry(tx: Queryable, p: Principal, id: string) {
  const params: unknown[] = [id];
  const row = (await tx.query<EntryRow>(
    `SELECT ${ENTRY_COLS} FROM conflicts k JOIN employees e ON e.id = k.employee_id WHERE k.id = $1 AND ${scopeSql(p, 'registry.write', EMPLOYEE_COLS, params)} FOR UPDATE OF k`, params,
  )).rows[0];
  if (!row) throw notFound('Konflik kepentingan / Conflict', id);
  return row;
}

/**
 * An officer confirms (possibly correcting the relation, with a note) or dismisses a suggestion. A decided
 * entry answers 409: an officer reopens it first (`reopenConflict`), with a reason. Deciding clears a
 * "basis withdrawn" flag: the officer has reviewed the entry.
 */
export async function decideConflict(deps: Deps, p: Principal, id: string, input: { decision: 'confirm' | 'dismiss'; relation?: Relation; note?: string }) {
  return deps.db.transaction(async (tx) => {
    const row = await writableEntry(tx, p, id);
    if (row.status !== 'suggested')
      throw conflict('CONFLICT_DECIDED', {
        id: `Sudah diputuskan (${STATUS_WORDS[row.status].id}). Buka kembali keputusan itu, dengan alasannya, untuk mengubahnya.`,
        en: `Already decided (${STATUS_WORDS[row.status].en}). Reopen the decision, with a reason, to change it.`,
      });
    const status: ConflictStatus = input.decision === 'confirm' ? 'confirmed' : 'dismissed';
    const relation = input.relation ?? row.relation;
    const at = deps.clock.now();
    await tx.query('UPDATE conflicts SET status = $2, relation = $3, note = $4, decided_by = $5, decided_at = $6, basis_withdrawn_at = NULL WHERE id = $1', [id, status, relation, input.note || null, p.userId, at]);
    await appendAudit(tx, { actor: actorOf(p), action: `conflict.${status}`, entityType: 'conflict', entityId: id, before: { status: row.status, relation: row.relation }, after: { status, relation }, at });
    return { id, status, relation };
  });
}

/**
 * Reopens a decision (a confirmation found wrong, a dismissal to reconsider): the entry is a suggestion
 * again, to be confirmed or dismissed anew; the decision it held stays in its history, and the audit row
 * records it with the officer's reason. An undecided entry answers 409.
 */
export async function reopenConflict(deps: Deps, p: Principal, id: string, input: { reason: string }) {
  return deps.db.transaction(async (tx) => {
    const row = await writableEntry(tx, p, id);
    if (row.status === 'suggested')
      throw conflict('CONFLICT_NOT_DECIDED', { id: 'Usulan ini belum diputuskan: tidak ada keputusan untuk dibuka kembali.', en: 'This suggestion has not been decided: there is no decision to reopen.' });
    const at = deps.clock.now();
    const history = [...json<PastDecision[]>(row.history), pastDecision(row, at, p.userId, 'officer', input.reason)];
    await tx.query("UPDATE conflicts SET status = 'suggested', note = NULL, decided_by = NULL, decided_at = NULL, history = $2::jsonb WHERE id = $1", [id, JSON.stringify(history)]);
    await appendAudit(tx, {
      actor: actorOf(p), action: 'conflict.reopened', entityType: 'conflict', entityId: id, before: { status: row.status, relation: row.relation }, after: { status: 'suggested', relation: row.relation },
      details: { because: 'officer', reason: input.reason, previous: { status: row.status, relation: row.relation, decidedBy: row.decided_by, decidedAt: dateOf(row.decided_at)?.toISOString() ?? null } }, at,
    });
    return { id, status: 'suggested' as const, relation: row.relation };
  });
}

export type CaseConflictFlag = {
  flag: 'PPK_IS_CANDIDATE' | 'PPK_RELATED_TO_CANDIDATE' | 'HANDLER_IS_CANDIDATE' | 'HANDLER_RELATED_TO_CANDIDATE' | 'REPORTED_IS_CANDIDATE' | 'REPORTED_RELATED_TO_CANDIDATE';
  detail: string; employeeName: string; relation: Relation; member: CandidateMember; personName: string;
};
const FLAG_PREFIX = { reported: 'REPORTED', ppk: 'PPK', handler: 'HANDLER' } as const;

/**
 * Whether the user's own registry record is a confirmed candidate in the election (relation `self`):
 * an incumbent running, who may not decide a case of that election as PPK.
 */
export async function isCandidateIn(db: Queryable, userId: string, electionId: string): Promise<boolean> {
  const r = await db.query(
    `SELECT 1 FROM users u JOIN conflicts k ON k.employee_id = u.employee_id JOIN election_candidates c ON c.id = k.candidate_id AND c.withdrawn_at IS NULL
      WHERE u.id = $1 AND k.status = 'confirmed' AND k.relation = 'self' AND k.election_id = $2 LIMIT 1`,
    [userId, electionId],
  );
  return (r.rowCount ?? 0) > 0;
}

/**
 * Confirmed conflicts touching a case: the reported employee's, those of the PPK accounts of the
 * reported employee's agency and of the case's handlers (accounts linked to an employee record), each
 * naming the person on the list (a pair's running mate by their own name) and saying whether the
 * employee IS the candidate (`*_IS_CANDIDATE`) or is related to them (`*_RELATED_TO_CANDIDATE`).
 * A PPK who is himself a candidate (an incumbent running) cannot decide: a higher authority must.
 */
export async function caseConflictFlags(db: Queryable, c: { id: string; electionId: string; reportedEmployeeId: string | null; reportedAgencyId: string | null }): Promise<CaseConflictFlag[]> {
  const person = "CASE k.member WHEN 'running_mate' THEN c.running_mate_name ELSE c.name END";
  const { rows } = await db.query<{ who: 'reported' | 'ppk' | 'handler'; employee_name: string; relation: Relation; member: CandidateMember; person: string }>(
    `SELECT 'reported' AS who, e.name AS employee_name, k.relation, k.member, ${person} AS person
       FROM conflicts k JOIN employees e ON e.id = k.employee_id JOIN election_candidates c ON c.id = k.candidate_id
      WHERE k.status = 'confirmed' AND k.election_id = $2 AND k.employee_id = $3
     UNION ALL
     SELECT 'ppk', e.name, k.relation, k.member, ${person} FROM grants g JOIN users u ON u.id = g.user_id AND u.active JOIN employees e ON e.id = u.employee_id
       JOIN conflicts k ON k.employee_id = u.employee_id JOIN election_candidates c ON c.id = k.candidate_id
      WHERE g.role = 'employing_official' AND g.agency_id = $4 AND k.status = 'confirmed' AND k.election_id = $2
     UNION ALL
     SELECT 'handler', e.name, k.relation, k.member, ${person} FROM case_handlers h JOIN users u ON u.id = h.user_id JOIN employees e ON e.id = u.employee_id
       JOIN conflicts k ON k.employee_id = u.employee_id JOIN election_candidates c ON c.id = k.candidate_id
      WHERE h.case_id = $1 AND k.status = 'confirmed' AND k.election_id = $2`,
    [c.id, c.electionId, c.reportedEmployeeId, c.reportedAgencyId],
  );
  return rows.map((r) => ({
    flag: `${FLAG_PREFIX[r.who]}_${r.relation === 'self' ? 'IS_CANDIDATE' : 'RELATED_TO_CANDIDATE'}` as const,
    detail: `${r.relation}: ${r.person}`, employeeName: r.employee_name, relation: r.relation, member: r.member, personName: r.person,
  }));
}
