import { z } from 'zod';
import { Pagination, PlainText, RegionCode, pageOf } from './common.ts';

export const ROLES = [
  'system_admin',
  'agency_admin',
  'unit_admin',
  'supervisor',
  'authority_officer',
  'employing_official',
  'auditor',
  'employee',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Which roles a holder of users.manage may hand out (always within their own scope; the server checks both). */
export const ASSIGNABLE_ROLES: Readonly<Partial<Record<Role, readonly Role[]>>> = {
  system_admin: ['system_admin', 'agency_admin', 'unit_admin', 'supervisor', 'authority_officer', 'employing_official', 'auditor', 'employee'],
  agency_admin: ['agency_admin', 'unit_admin', 'employing_official', 'employee'],
};

/** What a role needs besides the role itself: an agency, an agency and a unit, or the account's employee record. */
export const ROLE_NEEDS: Readonly<Partial<Record<Role, 'agency' | 'unit' | 'employee'>>> = {
  agency_admin: 'agency', employing_official: 'agency', unit_admin: 'unit', employee: 'employee',
};

/** Role names as officials know them, for messages. */
export const ROLE_NAMES: Readonly<Record<Role, { id: string; en: string }>> = {
  system_admin: { id: 'Administrator Sistem', en: 'System administrator' },
  agency_admin: { id: 'Admin Instansi', en: 'Agency admin' },
  unit_admin: { id: 'Admin Unit Kerja', en: 'Unit admin' },
  supervisor: { id: 'Pengawas Pemilu (Bawaslu)', en: 'Election supervisor (Bawaslu)' },
  authority_officer: { id: 'Petugas Otoritas Kepegawaian (BKN)', en: 'Civil-service authority officer (BKN)' },
  employing_official: { id: 'Pejabat Pembina Kepegawaian (PPK)', en: 'Employing official (PPK)' },
  auditor: { id: 'Auditor', en: 'Auditor' },
  employee: { id: 'Pegawai', en: 'Employee' },
};

/** Roles that must use TOTP two-factor authentication. */
export const ROLES_REQUIRING_2FA: readonly Role[] = ['system_admin', 'agency_admin', 'unit_admin'];

export const PERMISSIONS = [
  'registry.read',
  'registry.write',
  'registry.import',
  'registry.export',
  'registry.contact.read',
  'agencies.manage',
  'users.manage',
  'audit.read',
  'self.read',
  'self.sign',
  'tips.read',
  'tips.handle',
  'cases.read',
  'cases.handle',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const TotpInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, '6-digit code') });

export const LoginResult = z.object({
  status: z.enum(['ok', 'totp_required', 'totp_setup_required']),
  /** Only for totp_setup_required: the secret to add to an authenticator app. */
  totpSetup: z.object({ secret: z.string(), otpauthUrl: z.string() }).optional(),
  csrfToken: z.string(),
});

export const Grant = z.object({
  id: z.uuid(),
  role: Role,
  regionCode: z.string().nullable(),
  agencyId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
});
export type Grant = z.infer<typeof Grant>;

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(Grant),
  permissions: z.array(z.string()),
  totpEnabled: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const UserCreateInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{3,64}$/, '3-64 characters: lower-case letters, digits, dot, dash, underscore'),
  displayName: PlainText(1, 200),
  password: z.string().min(10, 'at least 10 characters').max(256),
  role: Role,
  regionCode: RegionCode.optional(),
  agencyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  employeeId: z.uuid().optional(),
  email: z.email().optional().describe('For case notices'),
  phone: z.string().trim().regex(/^\+?[0-9]{8,15}$/, 'phone number in international form, e.g. +6281234567890').optional().describe('For WhatsApp notices'),
});
export type UserCreateInput = z.infer<typeof UserCreateInput>;

/** A grant as the account list shows it: its scope in words, and whether the caller may revoke it. */
export const UserGrant = Grant.extend({
  regionName: z.string().nullable().describe('The region and the regions above it, e.g. "Kota Bekasi, Jawa Barat"'),
  agencyName: z.string().nullable(),
  unitPath: z.string().nullable().describe('The work unit with its parents, e.g. "Dinas Pendidikan / Bidang SD"'),
  removable: z.boolean().describe('The caller may revoke this role (they could grant it)'),
});
export type UserGrant = z.infer<typeof UserGrant>;

/**
 * What a manager may do with an account. Everything but revoking one role needs a manager who could grant every role
 * the account holds; deactivating and the resets are never offered on the caller's own account.
 */
export const USER_ACTIONS = ['editContacts', 'activate', 'deactivate', 'unlock', 'resetPassword', 'resetTotp', 'addGrant'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** The employee record the account belongs to (for the employee role: whose record it reads and signs for). */
  employee: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable() }).nullable(),
  grants: z.array(UserGrant),
  allowedActions: z.array(z.enum(USER_ACTIONS)),
});
export type User = z.infer<typeof User>;

/** A new password a manager sets for an account (a forgotten one): the account's sessions end. */
export const UserPasswordReset = z.object({
  password: z.string().min(10, 'at least 10 characters').max(256),
});
export type UserPasswordReset = z.infer<typeof UserPasswordReset>;

/** What a manager changes on an account: whether it is active, and the contacts notices go to (null clears one). */
export const UserPatch = z.object({
  active: z.boolean().optional(),
  email: z.email().nullable().optional().describe('For case notices and the daily pledge summary of a unit admin'),
  phone: z.string().trim().regex(/^\+?[0-9]{8,15}$/, 'phone number in international form, e.g. +6281234567890').nullable().optional().describe('For WhatsApp notices'),
}).refine((v) => v.active !== undefined || v.email !== undefined || v.phone !== undefined, 'active, email or phone');

/** The accounts a manager administers: search by username or name, filter by role and state, sort, one page. */
export const UserQuery = Pagination.extend({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(['username', '-username', 'displayName', '-displayName']).default('username'),
});
export const UserList = pageOf(User);

export const GrantInput = z.object({
  role: Role,
  regionCode: RegionCode.optional(),
  agencyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
});
export type GrantInput = z.infer<typeof GrantInput>;
