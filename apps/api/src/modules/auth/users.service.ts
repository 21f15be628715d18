import { ROLE_NAMES, ROLE_NEEDS, type GrantInput, type Role, type User, type UserAction, type UserCreateInput, type UserPasswordReset } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { loadGrantScopes, regionNames, type GrantScopeRow } from './auth.repo.ts';
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

const grantOutOfScope = () => forbidden('GRANT_OUT_OF_SCOPE', { id: 'Anda tidak dapat memberikan peran atau cakupan ini.', en: 'You cannot grant this role or scope.' });

function assertMayAssign(manager: Manager, scope: GrantScope) {
  if (manager !== 'system' && !canAssign(manager, scope)) throw grantOutOfScope();
}

/** The scope a stored grant is checked against, as when it was granted: an employee grant lies where its employee works. */
function scopeOf(g: GrantScopeRow): GrantScope {
  return g.role === 'employee' && g.employee_agency_id
    ? { role: g.role, regionCode: null, agencyId: g.employee_agency_id, agencyRegion: g.employee_agency_region, unitIdPath: g.employee_unit_id_path }
    : { role: g.role, regionCode: g.region_code, agencyId: g.agency_id, agencyRegion: g.agency_region, unitIdPath: g.unit_id_path };
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
    // an employee grant is checked where its employee works
    assertMayAssign(manager, grant.assignAs ?? grant);
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
  const created = async (viewer: Principal | 'all') => (await manageableUsers(deps.db, viewer, deps.clock.now(), { ids: [id] })).items[0]?.user;
  // (a grant narrower than needed, e.g. an employee grant limited to a region, can leave the account outside the list scope)
  return (await created(manager === 'system' ? 'all' : manager)) ?? (await created('all'))!;
}

type UserListQuery = { q?: string; role?: User['grants'][number]['role']; active?: boolean; sort?: string; page?: number; pageSize?: number };
const USER_SORT: Record<string, string> = { username: 'u.username', '-username': 'u.username DESC', displayName: 'lower(u.display_name), u.username', '-displayName': 'lower(u.display_name) DESC, u.username' };

/** An account as its manager sees it, with the roles on it the manager could not grant (none: the manager has a say over all of it). */
type Managed = { user: User; beyond: Role[] };

/**
 * Accounts the manager may administer, in SQL: every grant of the account lies inside one of the
 * manager's users.manage grants (an account that also acts elsewhere belongs to whoever manages all
 * of it; an employee grant lies where its employee works); a manager without scope limits (system admin)
 * manages every account, an account without grants has no scope to tie it to a scoped manager.
 * Filtered, sorted and paged in the same query. Changing the account as a whole further needs a manager
 * who could grant every one of its roles (`beyond` is empty).
 */
async function manageableUsers(db: Queryable, manager: Principal | 'all', now: Date, q: UserListQuery & { ids?: string[] } = {}): Promise<{ items: Managed[]; total: number }> {
  const params: unknown[] = [];
  const inside = manager === 'all'
    ? 'TRUE'
    : scopeSql(manager, 'users.manage', { region: 'coalesce(g.region_code, a.region_code)', agency: 'coalesce(g.agency_id, ge.agency_id)', unitIdPath: "coalesce(un.id_path, '')" }, params);
  // (a grant with no agency or region makes the comparison NULL: coalesced to "not inside", failing closed)
  const where = [
    inside === 'TRUE'
      ? 'TRUE'
      : `EXISTS (SELECT 1 FROM grants g WHERE g.user_id = u.id)
         AND NOT EXISTS (SELECT 1 FROM grants g
                           LEFT JOIN employees ge ON g.role = 'employee' AND ge.id = u.employee_id
                           LEFT JOIN agencies a ON a.id = coalesce(g.agency_id, ge.agency_id)
                           LEFT JOIN units un ON un.id = coalesce(g.unit_id, ge.unit_id)
                          WHERE g.user_id = u.id AND NOT coalesce(${inside}, false))`,
  ];
  // the linked employee record is named only when it lies inside the manager's scope too
  const employeeInScope = manager === 'all' ? 'TRUE' : scopeSql(manager, 'users.manage', { region: 'e.region_code', agency: 'e.agency_id', unitIdPath: 'eu.id_path', employeeId: 'e.id' }, params);
  if (q.ids) where.push(`u.id = ANY($${params.push(q.ids)}::uuid[])`);
  if (q.q) where.push(`(u.username ILIKE '%' || $${params.push(q.q.replace(/[\\%_]/g, (c) => `\\${c}`))} || '%' OR u.display_name ILIKE '%' || $${params.length} || '%')`);
  if (q.role) where.push(`EXISTS (SELECT 1 FROM grants r WHERE r.user_id = u.id AND r.role = $${params.push(q.role)})`);
  if (q.active !== undefined) where.push(`u.active = $${params.push(q.active)}`);
  const pageSize = q.pageSize ?? 10_000;
  const offset = ((q.page ?? 1) - 1) * pageSize;
  const { rows } = await db.query<{
    id: string; username: string; display_name: string; active: boolean; totp_enabled: boolean; totp_pending: boolean; locked_until: Date | null;
    email: string | null; phone: string | null; employee_id: string | null; employee_name: string | null; employee_nip: string | null; total: number;
  }>(
    `SELECT u.id, u.username, u.display_name, u.active, u.totp_enabled, u.totp_secret IS NOT NULL AS totp_pending, u.locked_until, u.email, u.phone,
            e.id AS employee_id, e.name AS employee_name, e.nip AS employee_nip, count(*) OVER ()::int AS total
       FROM users u
       LEFT JOIN (employees e LEFT JOIN units eu ON eu.id = e.unit_id) ON e.id = u.employee_id AND coalesce(${employeeInScope}, false)
      WHERE ${where.join(' AND ')}
      ORDER BY ${USER_SORT[q.sort ?? 'username'] ?? 'u.username'} LIMIT ${pageSize} OFFSET ${offset}`,
    params,
  );
  const grants = await loadGrantScopes(db, rows.map((r) => r.id));
  const regions = await regionNames(db, [...grants.values()].flat().flatMap((g) => (g.region_code ? [g.region_code] : [])));
  const items = rows.map((r): Managed => {
    const own = grants.get(r.id) ?? [];
    const mayGrant = (g: GrantScopeRow) => manager === 'all' || canAssign(manager, scopeOf(g));
    const beyond = own.filter((g) => !mayGrant(g)).map((g) => g.role);
    const self = manager !== 'all' && manager.userId === r.id;
    const locked = r.locked_until !== null && new Date(r.locked_until) > now;
    const allowedActions: UserAction[] = [];
    if (!beyond.length) {
      allowedActions.push('editContacts', 'addGrant');
      if (!r.active) allowedActions.push('activate');
      else if (!self) allowedActions.push('deactivate');
      if (locked) allowedActions.push('unlock');
      if (!self) allowedActions.push('resetPassword');
      if (!self && (r.totp_enabled || r.totp_pending)) allowedActions.push('resetTotp');
    }
    return {
      beyond,
      user: {
        id: r.id, username: r.username, displayName: r.display_name, active: r.active, totpEnabled: r.totp_enabled,
        lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null, email: r.email, phone: r.phone,
        employee: r.employee_id ? { id: r.employee_id, name: r.employee_name!, nip: r.employee_nip } : null,
        grants: own.map((g) => ({
          id: g.id, role: g.role, regionCode: g.region_code, agencyId: g.agency_id, unitId: g.unit_id,
          regionName: g.region_code ? (regions.get(g.region_code) ?? null) : null, agencyName: g.agency_name, unitPath: g.unit_path, removable: mayGrant(g),
        })),
        allowedActions,
      },
    };
  });
  // a page past the end still says how many there are
  const total = rows[0]?.total ?? (offset > 0 ? (await manageableUsers(db, manager, now, { ...q, page: 1, pageSize: 1 })).total : 0);
  return { items, total };
}

export async function listUsers(deps: Deps, manager: Principal, q: UserListQuery & { page: number; pageSize: number }) {
  const { items, total } = await manageableUsers(deps.db, manager, deps.clock.now(), q);
  return { items: items.map((i) => i.user), page: q.page, pageSize: q.pageSize, total };
}

async function loadManageable(db: Queryable, now: Date, manager: Principal, userId: string): Promise<Managed> {
  const m = (await manageableUsers(db, manager, now, { ids: [userId] })).items[0];
  if (!m) throw notFound('Pengguna / User', userId);
  return m;
}

/**
 * Runs a change to an account as a whole (contacts, activation, unlock, resets, a new role) in one transaction, with the
 * account row locked: only a manager who could grant every role the account holds may make it, the rule that revoking
 * one of its roles follows (an account that also acts where the manager has no say is not theirs to switch off or take over).
 */
async function changeAccount<T>(deps: Deps, manager: Principal, userId: string, change: (tx: Queryable, before: User) => Promise<T>): Promise<T> {
  return deps.db.transaction(async (tx) => {
    await tx.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
    const { user, beyond } = await loadManageable(tx, deps.clock.now(), manager, userId);
    if (beyond.length) {
      const names = [...new Set(beyond)].map((r) => ROLE_NAMES[r]);
      throw forbidden('USER_OUT_OF_SCOPE', {
        id: `Akun ini juga memegang peran yang tidak dapat Anda berikan (${names.map((n) => n.id).join(', ')}); hanya pengelola yang berwenang atas semua perannya yang dapat mengubahnya.`,
        en: `This account also holds a role you cannot grant (${names.map((n) => n.en).join(', ')}); only a manager allowed to grant all its roles may change it.`,
      });
    }
    return change(tx, user);
  });
}

const actorOfManager = (manager: Principal) => ({ id: manager.userId, label: manager.username });

export async function addGrant(deps: Deps, manager: Principal, userId: string, input: GrantInput): Promise<User> {
  await changeAccount(deps, manager, userId, async (tx) => {
    const emp = (await tx.query<{ employee_id: string | null }>('SELECT employee_id FROM users WHERE id = $1', [userId])).rows[0];
    const grant = await resolveGrant(tx, manager, input, emp?.employee_id ?? undefined);
    assertMayAssign(manager, grant.assignAs ?? grant);
    const grantId = await insertGrant(tx, userId, grant);
    // a privilege change signs the account out: the next sign-in asks for what its roles need now (TOTP for admins)
    const sessionsEnded = await endSessions(tx, userId);
    await appendAudit(tx, { actor: actorOfManager(manager), action: 'user.grant_added', entityType: 'user', entityId: userId, after: { grantId, ...input }, details: { sessionsEnded }, at: deps.clock.now() });
  });
  return (await loadManageable(deps.db, deps.clock.now(), manager, userId)).user;
}

/** Revokes one role: a manager who could grant that role may take it away, even from an account they do not wholly manage. */
export async function removeGrant(deps: Deps, manager: Principal, userId: string, grantId: string): Promise<User> {
  await deps.db.transaction(async (tx) => {
    await tx.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
    const { user } = await loadManageable(tx, deps.clock.now(), manager, userId);
    const g = user.grants.find((x) => x.id === grantId);
    if (!g) throw notFound('Peran / Grant', grantId);
    if (!g.removable) throw grantOutOfScope();
    // an account without any grant belongs to no scope, so only a system admin could reach it again: deactivate instead
    if (user.grants.length === 1)
      throw conflict('LAST_GRANT', {
        id: 'Ini peran terakhir akun tersebut; nonaktifkan akunnya bila tidak dipakai lagi.',
        en: "This is the account's last role; deactivate the account if it is no longer used.",
      });
    await tx.query('DELETE FROM grants WHERE id = $1 AND user_id = $2', [grantId, userId]);
    const sessionsEnded = await endSessions(tx, userId);
    const { id, role, regionCode, agencyId, unitId } = g;
    await appendAudit(tx, { actor: actorOfManager(manager), action: 'user.grant_removed', entityType: 'user', entityId: userId, before: { id, role, regionCode, agencyId, unitId }, details: { sessionsEnded }, at: deps.clock.now() });
  });
  return (await loadManageable(deps.db, deps.clock.now(), manager, userId)).user;
}

export async function updateUserStatus(deps: Deps, manager: Principal, userId: string, change: { active?: boolean; unlock?: boolean; email?: string | null; phone?: string | null }): Promise<User> {
  if (userId === manager.userId && change.active === false)
    throw invalid('CANNOT_DEACTIVATE_SELF', { id: 'Anda tidak dapat menonaktifkan akun sendiri.', en: 'You cannot deactivate your own account.' });
  await changeAccount(deps, manager, userId, async (tx, before) => {
    if (change.active !== undefined) {
      await tx.query('UPDATE users SET active = $2 WHERE id = $1', [userId, change.active]);
      if (!change.active) await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    }
    if (change.unlock) await tx.query('UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE id = $1', [userId]);
    if (change.email !== undefined) await tx.query('UPDATE users SET email = $2 WHERE id = $1', [userId, change.email]);
    if (change.phone !== undefined) await tx.query('UPDATE users SET phone = $2 WHERE id = $1', [userId, change.phone]);
    await appendAudit(tx, {
      actor: actorOfManager(manager), action: change.unlock ? 'user.unlocked' : 'user.updated', entityType: 'user', entityId: userId,
      // contacts are personal data: the audit row says which changed, not to what
      before: { active: before.active, lockedUntil: before.lockedUntil },
      after: { ...(change.active !== undefined ? { active: change.active } : {}), ...(change.unlock ? { unlock: true } : {}), ...(change.email !== undefined ? { emailChanged: true } : {}), ...(change.phone !== undefined ? { phoneChanged: true } : {}) },
      at: deps.clock.now(),
    });
  });
  return (await loadManageable(deps.db, deps.clock.now(), manager, userId)).user;
}

/** A session's holder does not reset their own credentials here: another administrator does, so a stolen session cannot take the account over. */
function assertNotSelf(manager: Principal, userId: string) {
  if (userId === manager.userId)
    throw invalid('CANNOT_RESET_SELF', {
      id: 'Anda tidak dapat mengatur ulang kata sandi atau verifikasi dua langkah akun sendiri; mintalah administrator lain.',
      en: 'You cannot reset the password or two-step verification of your own account; ask another administrator.',
    });
}

/**
 * Sets a new password a manager gives the user (a forgotten one): the lockout is lifted and every session of the account
 * ends. (Accounts carry no "must change at next sign-in" flag: the manager hands the password over and the user keeps it.)
 */
export async function resetPassword(deps: Deps, manager: Principal, userId: string, input: UserPasswordReset): Promise<User> {
  assertNotSelf(manager, userId);
  const passwordHash = await hashPassword(input.password);
  await changeAccount(deps, manager, userId, async (tx, before) => {
    await tx.query('UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE id = $1', [userId, passwordHash]);
    const sessionsEnded = await endSessions(tx, userId);
    // never the password, nor its hash
    await appendAudit(tx, { actor: actorOfManager(manager), action: 'user.password_reset', entityType: 'user', entityId: userId, before: { lockedUntil: before.lockedUntil }, details: { sessionsEnded }, at: deps.clock.now() });
  });
  return (await loadManageable(deps.db, deps.clock.now(), manager, userId)).user;
}

/** Clears the second factor (a lost phone): the next sign-in enrols a new authenticator, as at first; every session ends. */
export async function resetTotp(deps: Deps, manager: Principal, userId: string): Promise<User> {
  assertNotSelf(manager, userId);
  await changeAccount(deps, manager, userId, async (tx, before) => {
    await tx.query('UPDATE users SET totp_secret = NULL, totp_enabled = false, totp_last_step = NULL WHERE id = $1', [userId]);
    const sessionsEnded = await endSessions(tx, userId);
    await appendAudit(tx, { actor: actorOfManager(manager), action: 'user.totp_reset', entityType: 'user', entityId: userId, before: { totpEnabled: before.totpEnabled }, details: { sessionsEnded }, at: deps.clock.now() });
  });
  return (await loadManageable(deps.db, deps.clock.now(), manager, userId)).user;
}
