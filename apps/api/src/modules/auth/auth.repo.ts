import type { Queryable } from '../../db/client.ts';
import type { Principal, ScopedGrant } from './domain/policy.ts';

export type UserRow = {
  id: string; username: string; display_name: string; password_hash: string; totp_secret: string | null;
  totp_enabled: boolean; totp_last_step: number | null; failed_logins: number; locked_until: Date | null;
  active: boolean; employee_id: string | null;
};

export async function findUserByUsername(db: Queryable, username: string, forUpdate = false): Promise<UserRow | undefined> {
  return (await db.query<UserRow>(`SELECT * FROM users WHERE username = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [username])).rows[0];
}

export async function findUserById(db: Queryable, id: string, forUpdate = false): Promise<UserRow | undefined> {
  return (await db.query<UserRow>(`SELECT * FROM users WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id])).rows[0];
}

type GrantRow = { id: string; role: ScopedGrant['role']; region_code: string | null; agency_id: string | null; unit_id: string | null; unit_id_path: string | null };

export async function loadGrants(db: Queryable, userIds: string[]): Promise<Map<string, GrantRow[]>> {
  const { rows } = await db.query<GrantRow & { user_id: string }>(
    `SELECT g.id, g.user_id, g.role, g.region_code, g.agency_id, g.unit_id, u.id_path AS unit_id_path
       FROM grants g LEFT JOIN units u ON u.id = g.unit_id
      WHERE g.user_id = ANY($1::uuid[]) ORDER BY g.created_at, g.id`,
    [userIds],
  );
  const byUser = new Map<string, GrantRow[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  return byUser;
}

/**
 * Grants with what their scope is checked against and named by: the agency's region, the unit's id_path and
 * names; for an employee grant also where its employee works (the account's employee record).
 */
export type GrantScopeRow = GrantRow & {
  user_id: string; agency_region: string | null; agency_name: string | null; unit_path: string | null;
  employee_agency_id: string | null; employee_agency_region: string | null; employee_unit_id_path: string | null;
};

export async function loadGrantScopes(db: Queryable, userIds: string[]): Promise<Map<string, GrantScopeRow[]>> {
  const { rows } = await db.query<GrantScopeRow>(
    `SELECT g.id, g.user_id, g.role, g.region_code, g.agency_id, g.unit_id, un.id_path AS unit_id_path, un.path AS unit_path,
            a.region_code AS agency_region, a.name AS agency_name,
            e.agency_id AS employee_agency_id, ea.region_code AS employee_agency_region, eu.id_path AS employee_unit_id_path
       FROM grants g JOIN users usr ON usr.id = g.user_id
       LEFT JOIN units un ON un.id = g.unit_id
       LEFT JOIN agencies a ON a.id = g.agency_id
       LEFT JOIN employees e ON g.role = 'employee' AND e.id = usr.employee_id
       LEFT JOIN agencies ea ON ea.id = e.agency_id
       LEFT JOIN units eu ON eu.id = e.unit_id
      WHERE g.user_id = ANY($1::uuid[]) ORDER BY g.created_at, g.id`,
    [userIds],
  );
  const byUser = new Map<string, GrantScopeRow[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  return byUser;
}

/** Names of regions by code, each with the regions above it ("Kota Bekasi, Jawa Barat"); unknown codes are left out. */
export async function regionNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  // '32.75.01' -> '32', '32.75', '32.75.01': one indexed lookup for every level of every code
  const levels = [...new Set(codes.flatMap((c) => c.split('.').map((_p, i, all) => all.slice(0, i + 1).join('.'))))];
  const { rows } = levels.length ? await db.query<{ code: string; name: string }>('SELECT code, name FROM regions WHERE code = ANY($1::text[])', [levels]) : { rows: [] };
  const name = new Map(rows.map((r) => [r.code, r.name]));
  const out = new Map<string, string>();
  for (const code of codes) {
    const own = name.get(code);
    if (!own) continue;
    const above = code.split('.').slice(0, -1).map((_p, i, all) => name.get(all.slice(0, i + 1).join('.'))).filter((n): n is string => Boolean(n)).reverse();
    out.set(code, [own, ...above].join(', '));
  }
  return out;
}

export function toPrincipal(user: UserRow, grants: GrantRow[]): Principal {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    grants: grants.map((g) => ({
      id: g.id, role: g.role, regionCode: g.region_code, agencyId: g.agency_id, unitId: g.unit_id,
      unitIdPath: g.unit_id_path, employeeId: g.role === 'employee' ? user.employee_id : null,
    })),
  };
}

export type SessionRow = { token_hash: string; user_id: string; csrf_token: string; mfa_passed: boolean; expires_at: Date };

export async function findSession(db: Queryable, tokenHash: string, now: Date) {
  return (
    await db.query<SessionRow>('SELECT token_hash, user_id, csrf_token, mfa_passed, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now])
  ).rows[0];
}
