import { describe, expect, it } from 'vitest';
import { canAssign, permissionsOf, scopeSql, type Principal, type ScopedGrant } from './policy.ts';

const grant = (g: Partial<ScopedGrant> & Pick<ScopedGrant, 'role'>): ScopedGrant => ({
  id: 'g', regionCode: null, agencyId: null, unitId: null, unitIdPath: null, employeeId: null, ...g,
});
const principal = (...grants: ScopedGrant[]): Principal => ({ userId: 'u', username: 'u', displayName: 'U', grants });
const cols = { region: 'e.region_code', agency: 'e.agency_id', unitIdPath: 'u.id_path', employeeId: 'e.id' };

describe('scopeSql', () => {
  it('is TRUE for a national grant and FALSE without the permission', () => {
    expect(scopeSql(principal(grant({ role: 'system_admin' })), 'registry.read', cols, [])).toBe('TRUE');
    expect(scopeSql(principal(grant({ role: 'supervisor', regionCode: '32' })), 'registry.write', cols, [])).toBe('FALSE');
  });
  it('binds a region subtree and an agency as parameters', () => {
    const params: unknown[] = [];
    const sql = scopeSql(principal(grant({ role: 'supervisor', regionCode: '32.75' }), grant({ role: 'employing_official', agencyId: 'a1' })), 'registry.read', cols, params);
    expect(sql).toBe("(((e.region_code = $1 OR e.region_code LIKE $1 || '.%')) OR (e.agency_id = $2))");
    expect(params).toEqual(['32.75', 'a1']);
  });
  it('limits an employee to their own record and a unit admin to the unit subtree', () => {
    const p: unknown[] = [];
    expect(scopeSql(principal(grant({ role: 'employee', employeeId: 'e1' })), 'self.read', cols, p)).toBe('((e.id = $1))');
    const q: unknown[] = [];
    expect(scopeSql(principal(grant({ role: 'unit_admin', agencyId: 'a', unitIdPath: '/x/' })), 'registry.read', cols, q)).toBe("((e.agency_id = $1 AND u.id_path LIKE $2 || '%'))");
  });
  it('never leaks a grant whose scope column is unavailable', () => {
    expect(scopeSql(principal(grant({ role: 'unit_admin', agencyId: 'a', unitIdPath: '/x/' })), 'registry.read', { agency: 'a.id' }, [])).toBe('FALSE');
  });
});

describe('canAssign', () => {
  const kesbangpol = principal(grant({ role: 'agency_admin', agencyId: 'bekasi' }));
  it('lets an agency admin create unit admins in its own agency only', () => {
    expect(canAssign(kesbangpol, { role: 'unit_admin', agencyId: 'bekasi', regionCode: null, unitIdPath: '/u/', agencyRegion: '32.75' })).toBe(true);
    expect(canAssign(kesbangpol, { role: 'unit_admin', agencyId: 'serang', regionCode: null, unitIdPath: null, agencyRegion: '36.04' })).toBe(false);
    expect(canAssign(kesbangpol, { role: 'system_admin', agencyId: 'bekasi', regionCode: null, unitIdPath: null, agencyRegion: '32.75' })).toBe(false);
    expect(canAssign(kesbangpol, { role: 'supervisor', agencyId: 'bekasi', regionCode: null, unitIdPath: null, agencyRegion: '32.75' })).toBe(false);
  });
  it('lets a system admin assign anything', () => {
    expect(canAssign(principal(grant({ role: 'system_admin' })), { role: 'auditor', agencyId: null, regionCode: null, unitIdPath: null, agencyRegion: null })).toBe(true);
  });
  it('lists the union of permissions', () => {
    expect(permissionsOf(principal(grant({ role: 'auditor' }), grant({ role: 'supervisor' }))).sort()).toEqual(['audit.read', 'cases.handle', 'cases.read', 'registry.export', 'registry.read', 'tips.handle', 'tips.read']); // tips from the supervisor grant
  });
});

