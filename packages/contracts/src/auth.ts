import { z } from 'zod';

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
  displayName: z.string().trim().min(1).max(200),
  password: z.string().min(10, 'at least 10 characters').max(256),
  role: Role,
  regionCode: z.string().optional(),
  agencyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  employeeId: z.uuid().optional(),
  email: z.email().optional().describe('For case notices'),
  phone: z.string().trim().regex(/^\+?[0-9]{8,15}$/, 'phone number in international form, e.g. +6281234567890').optional().describe('For WhatsApp notices'),
});
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  grants: z.array(Grant),
});
export type User = z.infer<typeof User>;

export const GrantInput = z.object({
  role: Role,
  regionCode: z.string().optional(),
  agencyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
});
export type GrantInput = z.infer<typeof GrantInput>;
