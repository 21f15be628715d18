import { ROLE_NAMES, ROLE_NEEDS, type GrantInput, type User, type UserCreateInput } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { loadGrants } from './auth.repo.ts';
import { endSessions, hashPassword } from './auth.service.ts';
import { canAssign, scopeSql, type GrantScope, type Principal } from './domain/policy.ts';

/** `system` = the operator on the server (CLI); otherwise an official bounded by their own scope. */
export type Manager = Principal | 'system';

type ResolvedGrant = GrantScope & { unitId: string | null };

/**
 * The SQL condition (bound into `params`) for records inside the manager's users.manage scope. Out-of-scope agencies
 * and employees answer exactly like unknown ones, so a manager cannot learn which ids exist elsewhere.
 */
function manageScope(manager: Manager, cols: Parameters<typeof scopeSql>[2], params: unknown[]): string {
  return manager === 'system' ? 'TRUE' : scopeSql(manager, 'users.manage', cols, params);
}

const employeeNotFound = () => invalid('GRANT_INVALID', { id: 'Pegawai tidak ditemukan', en: 'Employee not found' });

/** The employee an account is linked to must exist inside the manager's scope (for every role). */
async function assertEmployeeInScope(tx: Queryable, manager: Manager, employeeId: string) {
  const params: unknown[] = [employeeId];
  const scope = manageScope(manager, { region: 'e.region_code', agency: 'e.agency_id', unitIdPath: 'u.id_path', employeeId: 'e.id' }, params);
  const e = await tx.query(`SELECT 1 FROM employees e LEFT JOIN units u ON u.id = e.unit_id WHERE e.id = $1 AND ${scope}`, params);
  if (!e.rowCount) throw employeeNotFound();
}

/** Checks a requested grant against master data (within the manager's scope) and the role's scope rules. */
async function resolveGrant(tx: Queryable, manager: Manager, input: GrantInput, employeeId?: string): Promise<ResolvedGrant & { assignAs?: ResolvedGrant }> {
  const bad = (en: string, id: string) => invalid('GRANT_INVALID', { id, en });
  const g = input;
  // An employee account acts in its employee's name (reads the record, signs pledges), so whoever grants it
  // must manage where that employee works: the grant is checked as if scoped to the employee's agency and unit.
  let assignAs: ResolvedGrant | undefined;
  if (g.role === 'employee' && employeeId) {
    const e = (await tx.query<{ agency_id: string; region_code: string; unit_id: string | null; id_path: string | null }>(
      'SELECT e.agency_id, a.region_code, e.unit_id, u.id_path FROM employees e JOIN agencies a ON a.id = e.agency_id LEFT JOIN units u ON u.id = e.unit_id WHERE e.id = $1', [employeeId],
    )).rows[0];
    if (!e) throw employeeNotFound();
    if (g.agencyId && g.agencyId !== e.agency_id) throw bad('The employee does not work in that agency', 'Pegawai tidak bekerja di instansi tersebut');
    assignAs = { role: 'employee', regionCode: null, agencyId: e.agency_id, agencyRegion: e.region_code, unitId: e.unit_id, unitIdPath: e.id_path };
  }
  let agencyRegion: string | null = null;
  if (g.regionCode) {
    const r = await tx.query('SELECT 1 FROM regions WHERE code = $1', [g.regionCode]);
    if (!r.rowCount) throw bad(`Unknown region code ${g.regionCode}`, `Kode wilayah tidak dikenal: ${g.regionCode}`);
  }
  if (g.agencyId) {
    const params: unknown[] = [g.agencyId];
    const scope = manageScope(manager, { region: 'a.region_code', agency: 'a.id', ignoreUnit: true }, params);
    const a = (await tx.query<{ region_code: string }>(`SELECT a.region_code FROM agencies a WHERE a.id = $1 AND ${scope}`, params)).rows[0];
    if (!a) throw bad(`Unknown agency ${g.agencyId}`, `Instansi tidak dikenal: ${g.agencyId}`);
    agencyRegion = a.region_code;
  }
  let unitIdPath: string | null = null;
  if (g.unitId) {
    const u = (await tx.query<{ id_path: string; agency_id: string }>('SELECT id_path, agency_id FROM units WHERE id = $1', [g.unitId])).rows[0];
    if (!u || u.agency_id !== g.agencyId) throw bad('The unit does not belong to the agency', 'Unit tidak berada di bawah instansi tersebut');
    unitIdPath = u.id_path;
  }
  const need = ROLE_NEEDS[g.role];
  const name = ROLE_NAMES[g.role];
  if (need === 'agency' && !g.agencyId) throw bad(`The role ${name.en} needs an agency`, `Peran ${name.id} memerlukan instansi`);
  if (need === 'unit' && (!g.agencyId || !g.unitId)) throw bad(`The role ${name.en} needs an agency and a work unit`, `Peran ${name.id} memerlukan instansi dan unit kerja`);
  if (need === 'employee' && !employeeId) throw bad(`The role ${name.en} needs the employee record of the account`, `Peran ${name.id} memerlukan data pegawai pemilik akun`);
  return { role: g.role, regionCode: g.regionCode ?? null, agencyId: g.agencyId ?? null, unitId: g.unitId ?? null, unitIdPath, agencyRegion, assignAs };
}

function assertMayAssign(manager: Manager, g: ResolvedGrant & { assignAs?: ResolvedGrant }) {
  if (manager !== 'system' && (!canAssign(manager, g) || (g.assignAs && !canAssign(manager, g.assignAs))))
    throw forbidden('GRANT_OUT_OF_SCOPE', { id: 'Anda tidak dapat memberikan peran atau cakupan ini.', en: 'You cannot grant this role or scope.' });
}

async function insertGrant(tx: Queryable, userId: string, g: ResolvedGrant) {
  return (
    await tx.query<{ id: string }>('INSERT INTO grants (user_id, role, region_code, agency_id, unit_id) VALUES ($1, $2, $3, $4, $5) RETURNING id', [userId, g.role, g.regionCode, g.agencyId, g.unitId])
  ).rows[0]!.id;
}

export async function createUser(deps: Deps, manager: Manager, actor: Actor, input: UserCreateInput): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const id = await deps.db.transaction(async (tx) => {
    if (input.employeeId) await assertEmployeeInScope(tx, manager, input.employeeId);
    const grant = await resolveGrant(tx, manager, input, input.employeeId);
    assertMayAssign(manager, grant);
    const exists = await tx.query('SELECT 1 FROM users WHERE username = $1', [input.username]);
    if (exists.rowCount) throw conflict('USERNAME_TAKEN', { id: `Nama pengguna ${input.username} sudah dipakai.`, en: `Username ${input.username} is taken.` });
    const userId = (
      await tx.query<{ id: string }>('INSERT INTO users (username, display_name, password_hash, employee_id, email, phone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [input.username, input.displayName, passwordHash, input.employeeId ?? null, input.email ?? null, input.phone ?? null])
    ).rows[0]!.id;
    await insertGrant(tx, userId, grant);
    await appendAudit(tx, {
      actor, action: 'user.created', entityType: 'user', entityId: userId, at: deps.clock.now(),
      after: { username: input.username, role: grant.role, regionCode: grant.regionCode, agencyId: grant.agencyId, unitId: grant.unitId },
    });
    return userId;
  });
  return (await manageableUsers(deps.db, 'all', { ids: [id] })).items[0]!;
}

type UserListQuery = { q?: string; role?: User['grants'][number]['role']; active?: boolean; sort?: string; page?: number; pageSize?: number };
const USER_SORT: Record<string, string> = { username: 'u.username', '-username': 'u.username DESC', displayName: 'lower(u.display_name), u.username', '-displayName': 'lower(u.display_name) DESC, u.username' };

/**
 * Accounts the manager may administer, in SQL: every grant of the account lies inside one of the
 * manager's users.manage grants (an account that also acts elsewhere belongs to whoever manages all
 * of it); a manager without scope limits (system admin) manages every account, an account without
 * grants has no scope to tie it to a scoped manager. Filtered, sorted and paged in the same query.
 */
async function manageableUsers(db: Queryable, manager: Principal | 'all', q: UserListQuery & { ids?: string[] } = {}): Promise<{ items: User[]; total: number }> {
  const params: unknown[] = [];
  const inside = manager === 'all' ? 'TRUE' : scopeSql(manager, 'users.manage', { region: 'coalesce(g.region_code, a.region_code)', agency: 'g.agency_id', unitIdPath: "coalesce(un.id_path, '')" }, params);
  // (a grant with no agency or region makes the comparison NULL: coalesced to "not inside", failing closed)
  const where = [
    inside === 'TRUE'
      ? 'TRUE'
      : `EXISTS (SELECT 1 FROM grants g WHERE g.user_id = u.id)
         AND NOT EXISTS (SELECT 1 FROM grants g LEFT JOIN agencies a ON a.id = g.agency_id LEFT JOIN units un ON un.id = g.unit_id WHERE g.user_id = u.id AND NOT coalesce(${inside}, false))`,
  ];
  if (q.ids) where.push(`u.id = ANY($${params.push(q.ids)}::uuid[])`);
  if (q.q) where.push(`(u.username ILIKE '%' || $${params.push(q.q.replace(/[\\%_]/g, (c) => `\\${c}`))} || '%' OR u.display_name ILIKE '%' || $${params.length} || '%')`);
  if (q.role) where.push(`EXISTS (SELECT 1 FROM grants r WHERE r.user_id = u.id AND r.role = $${params.push(q.role)})`);
  if (q.active !== undefined) where.push(`u.active = $${params.push(q.active)}`);
  const pageSize = q.pageSize ?? 10_000;
  const offset = ((q.page ?? 1) - 1) * pageSize;
  const { rows } = await db.query<{ id: string; username: string; display_name: string; active: boolean; totp_enabled: boolean; locked_until: Date | null; total: number }>(
    `SELECT u.id, u.username, u.display_name, u.active, u.totp_enabled, u.locked_until, count(*) OVER ()::int AS total
       FROM users u WHERE ${where.join(' AND ')}
      ORDER BY ${USER_SORT[q.sort ?? 'username'] ?? 'u.username'} LIMIT ${pageSize} OFFSET ${offset}`,
    params,
  );
  const grants = await loadGrants(db, rows.map((r) => r.id));
  const items = rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, active: r.active, totpEnabled: r.totp_enabled,
    lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
    grants: (grants.get(r.id) ?? []).map((g) => ({ id: g.id, role: g.role, regionCode: g.region_code, agencyId: g.agency_id, unitId: g.unit_id })),
  }));
  // a page past the end still says how many there are
  const total = rows[0]?.total ?? (offset > 0 ? (await manageableUsers(db, manager, { ...q, page: 1, pageSize: 1 })).total : 0);
  return { items, total };
}

export async function listUsers(deps: Deps, manager: Principal, q: UserListQuery & { page: number; pageSize: number }) {
  const { items, total } = await manageableUsers(deps.db, manager, q);
  return { items, page: q.page, pageSize: q.pageSize, total };
}

async function loadManageable(deps: Deps, manager: Principal, userId: string): Promise<User> {
  const u = (await manageableUsers(deps.db, manager, { ids: [userId] })).items[0];
  if (!u) throw notFound('Pengguna / User', userId);
  return u;
}

export async function addGrant(deps: Deps, manager: Principal, userId: string, input: GrantInput): Promise<User> {
  await loadManageable(deps, manager, userId);
  await deps.db.transaction(async (tx) => {
    const emp = (await tx.query<{ employee_id: string | null }>('SELECT employee_id FROM users WHERE id = $1 FOR UPDATE', [userId])).rows[0];
    const grant = await resolveGrant(tx, manager, input, emp?.employee_id ?? undefined);
    assertMayAssign(manager, grant);
    const grantId = await insertGrant(tx, userId, grant);
    // a privilege change signs the account out: the next sign-in asks for what its roles need now (TOTP for admins)
    const sessionsEnded = await endSessions(tx, userId);
    await appendAudit(tx, { actor: { id: manager.userId, label: manager.username }, action: 'user.grant_added', entityType: 'user', entityId: userId, after: { grantId, ...input }, details: { sessionsEnded }, at: deps.clock.now() });
  });
  return loadManageable(deps, manager, userId);
}

export async function removeGrant(deps: Deps, manager: Principal, userId: string, grantId: string): Promise<User> {
  const user = await loadManageable(deps, manager, userId);
  const g = user.grants.find((x) => x.id === grantId);
  if (!g) throw notFound('Peran / Grant', grantId);
  await deps.db.transaction(async (tx) => {
    const agencyRegion = g.agencyId ? ((await tx.query<{ region_code: string }>('SELECT region_code FROM agencies WHERE id = $1', [g.agencyId])).rows[0]?.region_code ?? null) : null;
    const unitIdPath = g.unitId ? ((await tx.query<{ id_path: string }>('SELECT id_path FROM units WHERE id = $1', [g.unitId])).rows[0]?.id_path ?? null) : null;
    assertMayAssign(manager, { role: g.role, regionCode: g.regionCode, agencyId: g.agencyId, unitId: g.unitId, unitIdPath, agencyRegion });
    // an account without any grant belongs to no scope, so only a system admin could reach it again: deactivate instead
    const left = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM grants WHERE user_id = $1 AND id <> $2', [userId, grantId])).rows[0]!.n;
    if (left === 0)
      throw conflict('LAST_GRANT', {
        id: 'Ini peran terakhir akun tersebut; nonaktifkan akunnya bila tidak dipakai lagi.',
        en: "This is the account's last role; deactivate the account if it is no longer used.",
      });
    await tx.query('DELETE FROM grants WHERE id = $1 AND user_id = $2', [grantId, userId]);
    const sessionsEnded = await endSessions(tx, userId);
    await appendAudit(tx, { actor: { id: manager.userId, label: manager.username }, action: 'user.grant_removed', entityType: 'user', entityId: userId, before: g, details: { sessionsEnded }, at: deps.clock.now() });
  });
  return loadManageable(deps, manager, userId);
}

export async function updateUserStatus(deps: Deps, manager: Principal, userId: string, change: { active?: boolean; unlock?: boolean; email?: string | null; phone?: string | null }): Promise<User> {
  const before = await loadManageable(deps, manager, userId);
  if (userId === manager.userId && change.active === false)
    throw invalid('CANNOT_DEACTIVATE_SELF', { id: 'Anda tidak dapat menonaktifkan akun sendiri.', en: 'You cannot deactivate your own account.' });
  await deps.db.transaction(async (tx) => {
    if (change.active !== undefined) {
      await tx.query('UPDATE users SET active = $2 WHERE id = $1', [userId, change.active]);
      if (!change.active) await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    }
    if (change.unlock) await tx.query('UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE id = $1', [userId]);
    if (change.email !== undefined) await tx.query('UPDATE users SET email = $2 WHERE id = $1', [userId, change.email]);
    if (change.phone !== undefined) await tx.query('UPDATE users SET phone = $2 WHERE id = $1', [userId, change.phone]);
    await appendAudit(tx, {
      actor: { id: manager.userId, label: manager.username }, action: change.unlock ? 'user.unlocked' : 'user.updated', entityType: 'user', entityId: userId,
      // contacts are personal data: the audit row says which changed, not to what
      before: { active: before.active, lockedUntil: before.lockedUntil },
      after: { ...(change.active !== undefined ? { active: change.active } : {}), ...(change.unlock ? { unlock: true } : {}), ...(change.email !== undefined ? { emailChanged: true } : {}), ...(change.phone !== undefined ? { phoneChanged: true } : {}) },
      at: deps.clock.now(),
    });
  });
  return loadManageable(deps, manager, userId);
}
