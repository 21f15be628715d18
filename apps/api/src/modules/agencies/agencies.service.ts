import crypto from 'node:crypto';
import type { Agency, Permission, Unit } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { can, scopeSql, type Principal } from '../auth/domain/policy.ts';
import { readScope as employeeReadScope } from '../registry/employee-scope.ts';

type AgencyKind = Agency['kind'];
type AgencyRow = { id: string; name: string; kind: AgencyKind; region_code: string; region_name: string; employee_count: number };
const toAgency = (r: AgencyRow): Agency => ({ id: r.id, name: r.name, kind: r.kind, regionCode: r.region_code, regionName: r.region_name, employeeCount: r.employee_count });

/** Kind of a regional government from its Kemendagri code: cities have codes 71 and above. */
export function inferAgencyKind(regionCode: string): AgencyKind {
  const parts = regionCode.split('.');
  if (parts.length === 1) return 'provincial_government';
  return Number(parts[1]) >= 71 ? 'city_government' : 'regency_government';
}

const REGIONAL_GOVERNMENTS: readonly AgencyKind[] = ['provincial_government', 'regency_government', 'city_government'];

/** A regional government's units lie in its own region or below it; a ministry or national agency has offices anywhere. */
export function unitRegionAllowed(kind: AgencyKind, agencyRegion: string, unitRegion: string): boolean {
  return !REGIONAL_GOVERNMENTS.includes(kind) || unitRegion === agencyRegion || unitRegion.startsWith(`${agencyRegion}.`);
}

/** `counted`: which employees the count includes, i.e. those the caller may read (a unit admin sees their unit's headcount, not the Pemda's). */
const agencySelect = (counted: string) => `SELECT a.id, a.name, a.kind, a.region_code, r.name AS region_name,
  (SELECT count(*)::int FROM employees e WHERE e.agency_id = a.id AND ${counted}) AS employee_count
  FROM agencies a JOIN regions r ON r.code = a.region_code`;

/** The caller sees agencies overlapping any of their registry.read scopes (a Pemda for a kecamatan supervisor too). */
export function agencyScope(p: Principal, params: unknown[]) {
  const perm = can(p, 'registry.read') ? 'registry.read' : 'self.read';
  return scopeSql(p, perm, { region: 'a.region_code', agency: 'a.id', regionOverlap: true, ignoreUnit: true }, params);
}

export async function listAgencies(deps: Deps, p: Principal, page: { page: number; pageSize: number }) {
  const params: unknown[] = [];
  const scope = agencyScope(p, params);
  const total = (await deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM agencies a WHERE ${scope}`, params)).rows[0]!.n;
  const counted = employeeReadScope(p, params);
  const rows = (await deps.db.query<AgencyRow>(`${agencySelect(counted)} WHERE ${scope} ORDER BY a.name LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`, params)).rows;
  return { items: rows.map(toAgency), page: page.page, pageSize: page.pageSize, total };
}

export async function getAgency(db: Queryable, p: Principal | 'system', id: string): Promise<Agency> {
  const params: unknown[] = [id];
  const scope = p === 'system' ? 'TRUE' : agencyScope(p, params);
  const counted = p === 'system' ? 'TRUE' : employeeReadScope(p, params);
  const row = (await db.query<AgencyRow>(`${agencySelect(counted)} WHERE a.id = $1 AND ${scope}`, params)).rows[0];
  if (!row) throw notFound('Instansi / Agency', id);
  return toAgency(row);
}

export async function createAgency(deps: Deps, p: Principal | 'system', actor: Actor, input: { name: string; kind?: AgencyKind; regionCode: string }): Promise<Agency> {
  if (p !== 'system' && !(can(p, 'agencies.manage') && p.grants.some((g) => g.role === 'system_admin')))
    throw forbidden('AGENCY_CREATE_FORBIDDEN', { id: 'Hanya admin sistem yang dapat membuat instansi.', en: 'Only a system admin can create agencies.' });
  const id = await deps.db.transaction(async (tx) => {
    const region = (await tx.query<{ level: string }>('SELECT level FROM regions WHERE code = $1', [input.regionCode])).rows[0];
    if (!region) throw invalid('REGION_UNKNOWN', { id: `Kode wilayah tidak dikenal: ${input.regionCode}`, en: `Unknown region code: ${input.regionCode}` });
    if (!['province', 'regency'].includes(region.level) && !input.kind)
      throw invalid('REGION_LEVEL', { id: 'Instansi pemerintah daerah berada di provinsi atau kabupaten/kota.', en: 'A regional government sits in a province or regency/city.' });
    const kind = input.kind ?? inferAgencyKind(input.regionCode);
    const dup = await tx.query('SELECT 1 FROM agencies WHERE name = $1 AND region_code = $2', [input.name, input.regionCode]);
    if (dup.rowCount) throw conflict('AGENCY_EXISTS', { id: `Instansi "${input.name}" sudah ada di wilayah ini.`, en: `Agency "${input.name}" already exists in this region.` });
    const newId = (await tx.query<{ id: string }>('INSERT INTO agencies (name, kind, region_code) VALUES ($1, $2, $3) RETURNING id', [input.name, kind, input.regionCode])).rows[0]!.id;
    await appendAudit(tx, { actor, action: 'agency.created', entityType: 'agency', entityId: newId, after: { ...input, kind }, at: deps.clock.now() });
    return newId;
  });
  return getAgency(deps.db, 'system', id);
}

type UnitRow = { id: string; agency_id: string; parent_id: string | null; name: string; path: string; kind: Unit['kind']; region_code: string | null; employee_count: number };
const toUnit = (r: UnitRow): Unit => ({ id: r.id, agencyId: r.agency_id, parentId: r.parent_id, name: r.name, path: r.path, kind: r.kind, regionCode: r.region_code, employeeCount: r.employee_count });

export async function listUnits(deps: Deps, p: Principal, agencyId: string): Promise<Unit[]> {
  await getAgency(deps.db, p, agencyId);
  const params: unknown[] = [agencyId];
  const counted = employeeReadScope(p, params);
  const { rows } = await deps.db.query<UnitRow>(
    `SELECT u.id, u.agency_id, u.parent_id, u.name, u.path, u.kind, u.region_code,
            (SELECT count(*)::int FROM employees e WHERE e.unit_id = u.id AND ${counted}) AS employee_count
       FROM units u WHERE u.agency_id = $1 ORDER BY u.path`,
    params,
  );
  return rows.map(toUnit);
}

export type NewUnit = { name: string; parentId?: string | null; kind: Unit['kind']; regionCode?: string | null };

/** Inserts a unit under its parent (or the agency root), computing its paths. */
export async function insertUnit(tx: Queryable, agencyId: string, u: NewUnit): Promise<UnitRow> {
  let parent: { id_path: string; path: string; name_key: string } | undefined;
  if (u.parentId) {
    parent = (await tx.query<{ id_path: string; path: string; name_key: string }>('SELECT id_path, path, name_key FROM units WHERE id = $1 AND agency_id = $2', [u.parentId, agencyId])).rows[0];
    if (!parent) throw invalid('UNIT_PARENT_UNKNOWN', { id: 'Unit induk tidak ditemukan di instansi ini.', en: 'Parent unit not found in this agency.' });
  }
  const id = crypto.randomUUID();
  const name = u.name.replace(/\s+/g, ' ').trim();
  const path = parent ? `${parent.path} / ${name}` : name;
  const nameKey = parent ? `${parent.name_key} / ${name.toLowerCase()}` : name.toLowerCase();
  const idPath = `${parent?.id_path ?? '/'}${id}/`;
  const dup = await tx.query('SELECT 1 FROM units WHERE agency_id = $1 AND name_key = $2', [agencyId, nameKey]);
  if (dup.rowCount) throw conflict('UNIT_EXISTS', { id: `Unit "${path}" sudah ada.`, en: `Unit "${path}" already exists.` });
  await tx.query(
    'INSERT INTO units (id, agency_id, parent_id, name, path, name_key, kind, region_code, id_path) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [id, agencyId, u.parentId ?? null, name, path, nameKey, u.kind, u.regionCode ?? null, idPath],
  );
  return { id, agency_id: agencyId, parent_id: u.parentId ?? null, name, path, kind: u.kind, region_code: u.regionCode ?? null, employee_count: 0 };
}

/**
 * Throws 403 unless the caller's `perm` reaches this agency. With `unitGrants`, a unit-scoped grant
 * counts too (it acts inside the agency, e.g. a unit admin recording a ceremony); with `lock`, the
 * agency row is locked (FOR NO KEY UPDATE: registry writes referencing it are not blocked).
 */
export async function assertAgencyInScope(db: Queryable, p: Principal, perm: Permission, agencyId: string, opts: { unitGrants?: boolean; lock?: boolean } = {}) {
  const params: unknown[] = [agencyId];
  const scope = scopeSql(p, perm, { region: 'a.region_code', agency: 'a.id', ignoreUnit: opts.unitGrants ?? false }, params);
  if (!(await db.query(`SELECT 1 FROM agencies a WHERE a.id = $1 AND ${scope}${opts.lock ? ' FOR NO KEY UPDATE' : ''}`, params)).rowCount) throw forbidden();
}

export async function createUnit(deps: Deps, p: Principal, actor: Actor, agencyId: string, input: NewUnit): Promise<Unit> {
  await getAgency(deps.db, p, agencyId);
  await assertAgencyInScope(deps.db, p, 'agencies.manage', agencyId);
  const row = await deps.db.transaction(async (tx) => {
    if (input.regionCode) {
      if (!(await tx.query('SELECT 1 FROM regions WHERE code = $1', [input.regionCode])).rowCount)
        throw invalid('REGION_UNKNOWN', { id: `Kode wilayah tidak dikenal: ${input.regionCode}`, en: `Unknown region code: ${input.regionCode}` });
      // a unit's region is where its staff count (and which supervisors see them): a Pemda's units lie within its own region
      const agency = (await tx.query<{ kind: AgencyKind; region_code: string; region_name: string }>(
        'SELECT a.kind, a.region_code, r.name AS region_name FROM agencies a JOIN regions r ON r.code = a.region_code WHERE a.id = $1', [agencyId],
      )).rows[0]!;
      if (!unitRegionAllowed(agency.kind, agency.region_code, input.regionCode))
        throw invalid('UNIT_REGION_OUTSIDE_AGENCY', {
          id: `Wilayah unit (${input.regionCode}) berada di luar wilayah instansi (${agency.region_code} ${agency.region_name}).`,
          en: `The unit's region (${input.regionCode}) lies outside the agency's region (${agency.region_code} ${agency.region_name}).`,
        });
    }
    const r = await insertUnit(tx, agencyId, input);
    await appendAudit(tx, { actor, action: 'unit.created', entityType: 'unit', entityId: r.id, after: input, at: deps.clock.now() });
    return r;
  });
  return toUnit(row);
}
