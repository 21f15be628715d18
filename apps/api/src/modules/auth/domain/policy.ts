/**
 * Roles, permissions and scopes (pure). Every grant is a role plus a scope: a region subtree
 * and/or an agency (and for unit admins a unit subtree; for employees their own record).
 * A user may hold several grants; a permission is granted on the union of the scopes of the
 * grants whose role carries it.
 */
import { ASSIGNABLE_ROLES, type Permission, type Role } from '@netra/contracts';

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  system_admin: ['registry.read', 'registry.write', 'registry.import', 'registry.export', 'registry.contact.read', 'agencies.manage', 'users.manage', 'audit.read', 'tips.read', 'tips.handle', 'cases.read', 'cases.handle'],
  // Kesbangpol / BKPSDM of one Pemda
  agency_admin: ['registry.read', 'registry.write', 'registry.import', 'registry.export', 'registry.contact.read', 'agencies.manage', 'users.manage'],
  unit_admin: ['registry.read', 'registry.write', 'registry.export', 'registry.contact.read'],
  // Bawaslu RI / provinsi / kabupaten-kota
  supervisor: ['registry.read', 'registry.export', 'tips.read', 'tips.handle', 'cases.read', 'cases.handle'],
  // BKN (formerly KASN)
  authority_officer: ['registry.read', 'registry.export', 'cases.read', 'cases.handle'],
  // PPK
  employing_official: ['registry.read', 'registry.export', 'registry.contact.read', 'cases.read', 'cases.handle'],
  // reads the handling and the trail; never the anonymous senders' words (tips) or a reporter's account
  auditor: ['registry.read', 'audit.read', 'cases.read'],
  employee: ['self.read', 'self.sign'],
};


export type ScopedGrant = {
  id: string;
  role: Role;
  regionCode: string | null;
  agencyId: string | null;
  unitId: string | null;
  /** id_path of unitId, resolved when the principal is loaded. */
  unitIdPath: string | null;
  /** For the employee role: the employee record the account belongs to. */
  employeeId: string | null;
};

export type Principal = {
  userId: string;
  username: string;
  displayName: string;
  grants: ScopedGrant[];
};

export function permissionsOf(p: Principal): Permission[] {
  return [...new Set(p.grants.flatMap((g) => ROLE_PERMISSIONS[g.role]))];
}

export const can = (p: Principal, perm: Permission) => p.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(perm));

export const grantsFor = (p: Principal, perm: Permission) => p.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(perm));

/** Is region `code` inside the subtree rooted at `root`? (32.75.01 is inside 32.75 and 32.) */
export const regionWithin = (code: string, root: string) => code === root || code.startsWith(`${root}.`);

/**
 * SQL condition restricting rows to what `perm` allows. Columns are passed in so one builder
 * serves employees, agencies and units; values are pushed to `params` (never interpolated).
 */
export type ScopeColumns = {
  region?: string;
  agency?: string;
  unitIdPath?: string;
  employeeId?: string;
  /** For containers (agencies): also match when the grant's region lies inside the row's region. */
  regionOverlap?: boolean;
  /** For containers (agencies): a unit-scoped grant sees its whole agency record. */
  ignoreUnit?: boolean;
};

export function scopeSql(p: Principal, perm: Permission, cols: ScopeColumns, params: unknown[]): string {
  const alternatives: string[] = [];
  for (const g of grantsFor(p, perm)) {
    // A grant whose scope cannot be expressed on these columns contributes nothing (fail closed);
    // its values are bound only once the whole grant applies.
    const pending: unknown[] = [];
    const bind = (v: unknown) => {
      pending.push(v);
      return `$${params.length + pending.length}`;
    };
    const parts: string[] = [];
    let applicable = true;
    if (g.role === 'employee') {
      if (g.employeeId && cols.employeeId) parts.push(`${cols.employeeId} = ${bind(g.employeeId)}`);
      else applicable = false;
    }
    if (applicable && g.regionCode) {
      if (!cols.region) applicable = false;
      else {
        const r = bind(g.regionCode);
        parts.push(
          cols.regionOverlap
            ? `(${cols.region} = ${r} OR ${cols.region} LIKE ${r} || '.%' OR ${r} LIKE ${cols.region} || '.%')`
            : `(${cols.region} = ${r} OR ${cols.region} LIKE ${r} || '.%')`,
        );
      }
    }
    if (applicable && g.agencyId) {
      if (!cols.agency) applicable = false;
      else parts.push(`${cols.agency} = ${bind(g.agencyId)}`);
    }
    if (applicable && g.unitIdPath && !cols.ignoreUnit) {
      if (!cols.unitIdPath) applicable = false;
      else parts.push(`${cols.unitIdPath} LIKE ${bind(g.unitIdPath)} || '%'`);
    }
    if (!applicable) continue;
    if (!parts.length) return 'TRUE';
    params.push(...pending);
    alternatives.push(`(${parts.join(' AND ')})`);
  }
  return alternatives.length ? `(${alternatives.join(' OR ')})` : 'FALSE';
}

export type GrantScope = { role: Role; regionCode: string | null; agencyId: string | null; unitIdPath: string | null; agencyRegion: string | null };

/** Is the scope of `wanted` inside the scope of grant `g`? */
export function scopeContains(g: ScopedGrant, wanted: Omit<GrantScope, 'role'>): boolean {
  if (g.agencyId && wanted.agencyId !== g.agencyId) return false;
  if (g.unitIdPath && !(wanted.unitIdPath ?? '').startsWith(g.unitIdPath)) return false;
  if (g.regionCode) {
    const region = wanted.regionCode ?? wanted.agencyRegion;
    if (!region || !regionWithin(region, g.regionCode)) return false;
  }
  return true;
}

/** May `manager` hand out `wanted`? The role must be assignable and the scope inside theirs. */
export function canAssign(manager: Principal, wanted: GrantScope): boolean {
  return grantsFor(manager, 'users.manage').some((g) => ASSIGNABLE_ROLES[g.role]?.includes(wanted.role) && scopeContains(g, wanted));
}

