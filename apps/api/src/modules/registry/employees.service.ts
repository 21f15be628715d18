import type { Employee, EmployeeContact, EmployeeInput, EmployeeQuery } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { can, scopeSql, type Principal } from '../auth/domain/policy.ts';
import { provinceCodes } from '../regions/regions.service.ts';
import { agencyScope } from '../agencies/agencies.service.ts';
import { COLS, readScope } from './employee-scope.ts';
import { validateInternalId, validateNik, validateNiPppk, validateNip, ymdOf } from './domain/identifiers.ts';


const BASE = `FROM employees e JOIN agencies a ON a.id = e.agency_id LEFT JOIN units u ON u.id = e.unit_id`;

type Row = {
  id: string; agency_id: string; agency_name: string; unit_id: string | null; unit_path: string | null; region_code: string;
  employment_type: Employee['employmentType']; nip: string | null; internal_id: string | null; name: string; position: string | null;
  echelon: string | null; rank: string | null; active: boolean; updated_at: Date; can_write: boolean; can_contact: boolean;
};

function selectCols(p: Principal, params: unknown[]) {
  return `SELECT e.id, e.agency_id, a.name AS agency_name, e.unit_id, u.path AS unit_path, e.region_code, e.employment_type, e.nip,
    e.internal_id, e.name, e.position, e.echelon, e.rank, e.active, e.updated_at,
    ${scopeSql(p, 'registry.write', COLS, params)} AS can_write, ${scopeSql(p, 'registry.contact.read', COLS, params)} AS can_contact`;
}

const toEmployee = (r: Row): Employee => ({
  id: r.id, agencyId: r.agency_id, agencyName: r.agency_name, unitId: r.unit_id, unitPath: r.unit_path, regionCode: r.region_code,
  employmentType: r.employment_type, nip: r.nip, internalId: r.internal_id, name: r.name, position: r.position, echelon: r.echelon,
  rank: r.rank, active: r.active, updatedAt: new Date(r.updated_at).toISOString(),
  allowedActions: [...(r.can_write ? ['edit'] : []), ...(r.can_contact ? ['view_contact'] : [])],
});

const SORTS: Record<EmployeeQuery['sort'], string> = {
  name: 'e.name ASC, e.id ASC', '-name': 'e.name DESC, e.id DESC', nip: 'e.nip ASC NULLS LAST, e.id ASC', '-nip': 'e.nip DESC NULLS LAST, e.id DESC',
  updatedAt: 'e.updated_at ASC, e.id ASC', '-updatedAt': 'e.updated_at DESC, e.id DESC',
};

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/** Filters shared by the list and the export; every one is bound, never interpolated. */
export function filterSql(q: Partial<EmployeeQuery>, params: unknown[]): string[] {
  const where: string[] = [];
  if (q.q) {
    const digits = q.q.replace(/[\s.]/g, '');
    if (/^\d{3,}$/.test(digits)) where.push(`e.nip LIKE $${params.push(escapeLike(digits))} || '%'`);
    else where.push(`(e.name ILIKE '%' || $${params.push(escapeLike(q.q))} || '%' OR e.internal_id = $${params.push(q.q)})`);
  }
  if (q.agencyId) where.push(`e.agency_id = $${params.push(q.agencyId)}`);
  if (q.unitId)
    where.push(`e.unit_id IN (SELECT sub.id FROM units sub, units root WHERE root.id = $${params.push(q.unitId)} AND sub.agency_id = root.agency_id AND sub.id_path LIKE root.id_path || '%')`);
  if (q.regionCode) where.push(`(e.region_code = $${params.push(q.regionCode)} OR e.region_code LIKE $${params.length} || '.%')`);
  if (q.type) where.push(`e.employment_type = $${params.push(q.type)}`);
  if (q.active) where.push(`e.active = $${params.push(q.active === 'true')}`);
  return where;
}

export async function listEmployees(deps: Deps, p: Principal, q: EmployeeQuery) {
  const params: unknown[] = [];
  const where = [readScope(p, params), ...filterSql(q, params)].join(' AND ');
  const total = (await deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM employees e WHERE ${where}`, params)).rows[0]!.n;
  const listParams = [...params];
  // page first on employees alone (index order), then join names for the page's rows only
  const rows = (
    await deps.db.query<Row>(
      `${selectCols(p, listParams)} FROM (SELECT e.* FROM employees e WHERE ${where} ORDER BY ${SORTS[q.sort]} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}) e
         JOIN agencies a ON a.id = e.agency_id LEFT JOIN units u ON u.id = e.unit_id ORDER BY ${SORTS[q.sort]}`,
      listParams,
    )
  ).rows;
  return { items: rows.map(toEmployee), page: q.page, pageSize: q.pageSize, total };
}

async function loadEmployee(db: Queryable, p: Principal, id: string, forUpdate = false): Promise<Employee> {
  const params: unknown[] = [id];
  const cols = selectCols(p, params);
  const r = (await db.query<Row>(`${cols} ${BASE} WHERE e.id = $1 AND ${readScope(p, params)} ${forUpdate ? 'FOR UPDATE OF e' : ''}`, params)).rows[0];
  if (!r) throw notFound('Pegawai / Employee', id);
  return toEmployee(r);
}

export const getEmployee = (deps: Deps, p: Principal, id: string) => loadEmployee(deps.db, p, id);

/** Protected personal data: every read is written to the audit trail in the same transaction. */
export async function getEmployeeContact(deps: Deps, p: Principal, id: string): Promise<EmployeeContact> {
  return deps.db.transaction(async (tx) => {
    const e = await loadEmployee(tx, p, id);
    if (!e.allowedActions.includes('view_contact')) throw forbidden();
    const c = (await tx.query<{ email: string | null; phone: string | null; nik: string | null }>('SELECT email, phone, nik FROM employee_contacts WHERE employee_id = $1', [id])).rows[0];
    await appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: 'employee.contact_viewed', entityType: 'employee', entityId: id, at: deps.clock.now() });
    return { employeeId: id, email: c?.email ?? null, phone: c?.phone ?? null, nik: c?.nik ?? null };
  });
}

/** Region and unit-path of a prospective row, to evaluate the write scope before writing. */
async function placement(tx: Queryable, p: Principal, agencyId: string, unitId: string | null | undefined) {
  const params: unknown[] = [agencyId];
  const visible = agencyScope(p, params);
  const a = (await tx.query<{ region_code: string }>(`SELECT a.region_code FROM agencies a WHERE a.id = $1 AND ${visible}`, params)).rows[0];
  // an agency the caller cannot see answers like one that does not exist (its existence is not revealed)
  if (!a) throw invalid('AGENCY_UNKNOWN', { id: `Instansi tidak dikenal: ${agencyId}`, en: `Unknown agency: ${agencyId}` });
  if (!unitId) return { region: a.region_code, idPath: null as string | null };
  const u = (await tx.query<{ region_code: string | null; id_path: string; agency_id: string }>('SELECT region_code, id_path, agency_id FROM units WHERE id = $1', [unitId])).rows[0];
  if (!u || u.agency_id !== agencyId) throw invalid('UNIT_UNKNOWN', { id: 'Unit tidak ditemukan di instansi ini.', en: 'Unit not found in this agency.' });
  return { region: u.region_code ?? a.region_code, idPath: u.id_path };
}

async function assertWritable(tx: Queryable, p: Principal, agencyId: string, region: string, idPath: string | null) {
  const params: unknown[] = [agencyId, region, idPath ?? ''];
  const scope = scopeSql(p, 'registry.write', { agency: 't.agency', region: 't.region', unitIdPath: 't.id_path' }, params);
  const ok = (await tx.query<{ ok: boolean }>(`SELECT ${scope} AS ok FROM (SELECT $1::uuid AS agency, $2::text AS region, $3::text AS id_path) t`, params)).rows[0]!.ok;
  if (!ok) throw forbidden();
}

async function checkIdentity(deps: Deps, input: Pick<EmployeeInput, 'employmentType' | 'nip' | 'internalId'>) {
  const today = ymdOf(deps.clock.now());
  if (input.employmentType === 'NON_ASN') {
    const r = validateInternalId(input.internalId ?? '');
    if (!r.ok) throw invalid(r.code, { id: r.messageId, en: r.message }, [{ path: 'internalId', message: r.message, messageId: r.messageId }]);
    return { nip: null, internalId: r.value };
  }
  const r = input.employmentType === 'PNS' ? validateNip(input.nip ?? '', today) : validateNiPppk(input.nip ?? '', today);
  if (!r.ok) throw invalid(r.code, { id: r.messageId, en: r.message }, [{ path: 'nip', message: r.message, messageId: r.messageId }]);
  return { nip: r.value, internalId: null };
}

async function checkNik(deps: Deps, nik: string | undefined) {
  if (!nik) return null;
  const r = validateNik(nik, ymdOf(deps.clock.now()), await provinceCodes(deps.db));
  if (!r.ok) throw invalid(r.code, { id: r.messageId, en: r.message }, [{ path: 'contact.nik', message: r.message, messageId: r.messageId }]);
  return r.value;
}

export async function createEmployee(deps: Deps, p: Principal, actor: Actor, input: EmployeeInput): Promise<Employee> {
  const ids = await checkIdentity(deps, input);
  const nik = await checkNik(deps, input.contact?.nik);
  const id = await deps.db.transaction(async (tx) => {
    const place = await placement(tx, p, input.agencyId, input.unitId);
    await assertWritable(tx, p, input.agencyId, place.region, place.idPath);
    const dup = ids.nip
      ? await tx.query('SELECT 1 FROM employees WHERE nip = $1', [ids.nip])
      : await tx.query('SELECT 1 FROM employees WHERE agency_id = $1 AND internal_id = $2', [input.agencyId, ids.internalId]);
    if (dup.rowCount) throw conflict('EMPLOYEE_EXISTS', { id: `Pegawai ${ids.nip ?? ids.internalId} sudah terdaftar.`, en: `Employee ${ids.nip ?? ids.internalId} is already registered.` });
    const newId = (
      await tx.query<{ id: string }>(
        `INSERT INTO employees (agency_id, unit_id, region_code, employment_type, nip, internal_id, name, position, echelon, rank, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [input.agencyId, input.unitId ?? null, place.region, input.employmentType, ids.nip, ids.internalId, input.name, input.position ?? null, input.echelon ?? null, input.rank ?? null, input.active],
      )
    ).rows[0]!.id;
    if (input.contact && (input.contact.email || input.contact.phone || nik))
      await tx.query('INSERT INTO employee_contacts (employee_id, email, phone, nik) VALUES ($1, $2, $3, $4)', [newId, input.contact.email ?? null, input.contact.phone ?? null, nik]);
    const { contact: _c, ...registryFields } = input;
    await appendAudit(tx, { actor, action: 'employee.created', entityType: 'employee', entityId: newId, after: { ...registryFields, ...ids, contact: input.contact ? 'set' : null }, at: deps.clock.now() });
    return newId;
  });
  return loadEmployee(deps.db, p, id);
}

export async function updateEmployee(deps: Deps, p: Principal, actor: Actor, id: string, patch: Partial<Omit<EmployeeInput, 'agencyId' | 'employmentType' | 'nip' | 'internalId'>>): Promise<Employee> {
  const nik = await checkNik(deps, patch.contact?.nik);
  await deps.db.transaction(async (tx) => {
    const before = await loadEmployee(tx, p, id, true);
    if (!before.allowedActions.includes('edit')) throw forbidden();
    const unitId = patch.unitId === undefined ? before.unitId : patch.unitId;
    const place = await placement(tx, p, before.agencyId, unitId);
    await assertWritable(tx, p, before.agencyId, place.region, place.idPath);
    // an empty string clears an optional field; an absent one keeps it
    const field = (v: string | undefined, old: string | null) => (v === undefined ? old : v.trim() === '' ? null : v.trim());
    const next = {
      unitId, regionCode: place.region, name: patch.name ?? before.name, position: field(patch.position, before.position),
      echelon: field(patch.echelon, before.echelon), rank: field(patch.rank, before.rank), active: patch.active ?? before.active,
    };
    await tx.query(
      `UPDATE employees SET unit_id = $2, region_code = $3, name = $4, position = $5, echelon = $6, rank = $7, active = $8, updated_at = now() WHERE id = $1`,
      [id, next.unitId, next.regionCode, next.name, next.position, next.echelon, next.rank, next.active],
    );
    if (patch.contact)
      await tx.query(
        `INSERT INTO employee_contacts (employee_id, email, phone, nik) VALUES ($1, $2, $3, $4)
         ON CONFLICT (employee_id) DO UPDATE SET email = coalesce(excluded.email, employee_contacts.email), phone = coalesce(excluded.phone, employee_contacts.phone), nik = coalesce(excluded.nik, employee_contacts.nik), updated_at = now()`,
        [id, patch.contact.email ?? null, patch.contact.phone ?? null, nik],
      );
    const { allowedActions: _a, updatedAt: _u, ...beforeFields } = before;
    await appendAudit(tx, { actor, action: 'employee.updated', entityType: 'employee', entityId: id, before: beforeFields, after: { ...beforeFields, ...next, contact: patch.contact ? 'changed' : undefined }, at: deps.clock.now() });
  });
  return loadEmployee(deps.db, p, id);
}

/**
 * How the export walks the list's order (SORTS) in keyset pages: a row comparison on the sort column and the
 * id, in one direction. NIPs sort with NULLs last, so those sorts walk the rows with a NIP, then those without.
 */
const EXPORT_WALKS: Record<EmployeeQuery['sort'], { where?: string; key: 'name' | 'nip' | 'updated_at' | null; desc: boolean }[]> = {
  name: [{ key: 'name', desc: false }],
  '-name': [{ key: 'name', desc: true }],
  nip: [{ where: 'e.nip IS NOT NULL', key: 'nip', desc: false }, { where: 'e.nip IS NULL', key: null, desc: false }],
  '-nip': [{ where: 'e.nip IS NOT NULL', key: 'nip', desc: true }, { where: 'e.nip IS NULL', key: null, desc: true }],
  updatedAt: [{ key: 'updated_at', desc: false }],
  '-updatedAt': [{ key: 'updated_at', desc: true }],
};

/**
 * Streams the caller's scoped registry with the list's filters, in the list's order (`sort`, by name when
 * absent), in keyset pages (memory stays flat for any size).
 */
export async function* exportEmployees(deps: Deps, p: Principal, q: Partial<EmployeeQuery>, pageRows = 2000): AsyncGenerator<Employee> {
  if (!can(p, 'registry.export')) throw forbidden();
  for (const walk of EXPORT_WALKS[q.sort ?? 'name']) {
    const cols = [...(walk.key ? [`e.${walk.key}`] : []), 'e.id'];
    // the sort value goes back as text: a timestamp keeps its microseconds (a JS Date would drop them)
    let after: string[] | null = null;
    for (;;) {
      const params: unknown[] = [];
      const scope = scopeSql(p, 'registry.export', COLS, params);
      const where = [scope, ...filterSql(q, params), ...(walk.where ? [walk.where] : [])];
      if (after) where.push(`(${cols.join(', ')}) ${walk.desc ? '<' : '>'} (${after.map((v) => `$${params.push(v)}`).join(', ')})`);
      const order = cols.map((c) => `${c} ${walk.desc ? 'DESC' : 'ASC'}`).join(', ');
      const rows = (
        await deps.db.query<Row & { k: string | null }>(
          `${selectCols(p, params)}, ${walk.key ? `e.${walk.key}::text` : 'NULL'} AS k ${BASE} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${pageRows}`,
          params,
        )
      ).rows;
      for (const r of rows) yield toEmployee(r);
      if (rows.length < pageRows) break;
      const last = rows[rows.length - 1]!;
      after = walk.key ? [last.k!, last.id] : [last.id];
    }
  }
}

export async function auditExport(deps: Deps, actor: Actor, details: Record<string, unknown>) {
  await deps.db.transaction((tx) => appendAudit(tx, { actor, action: 'employees.exported', entityType: 'employee', entityId: null, details, at: deps.clock.now() }));
}
