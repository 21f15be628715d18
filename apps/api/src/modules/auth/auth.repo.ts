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
