import { z } from 'zod';
import { LIMITS, Pagination, PlainText, RegionCode } from './common.ts';

export const EMPLOYMENT_TYPES = ['PNS', 'PPPK', 'NON_ASN'] as const;
export const EmploymentType = z.enum(EMPLOYMENT_TYPES);
export type EmploymentType = z.infer<typeof EmploymentType>;

export const AGENCY_KINDS = [
  'provincial_government',
  'regency_government',
  'city_government',
  'ministry',
  'agency',
] as const;
export const AgencyKind = z.enum(AGENCY_KINDS);

export const UNIT_KINDS = ['opd', 'bidang', 'kecamatan', 'kelurahan', 'desa', 'other'] as const;
export const UnitKind = z.enum(UNIT_KINDS);

export const Agency = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: AgencyKind,
  regionCode: z.string(),
  regionName: z.string(),
  employeeCount: z.number().int(),
});
export type Agency = z.infer<typeof Agency>;

export const AgencyCreateInput = z.object({
  name: PlainText(3, LIMITS.nameMax),
  kind: AgencyKind.optional(),
  regionCode: RegionCode,
});

export const Unit = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  path: z.string().describe('Names from the agency root, joined by " / "'),
  kind: UnitKind,
  regionCode: z.string().nullable(),
  employeeCount: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitCreateInput = z.object({
  name: PlainText(1, LIMITS.nameMax),
  parentId: z.uuid().optional(),
  kind: UnitKind.default('other'),
  regionCode: RegionCode.optional(),
});

export const Employee = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  unitId: z.uuid().nullable(),
  unitPath: z.string().nullable(),
  regionCode: z.string(),
  employmentType: EmploymentType,
  nip: z.string().nullable().describe('NIP (PNS) or NI PPPK'),
  internalId: z.string().nullable().describe('Agency-internal id for non-ASN staff'),
  name: z.string(),
  position: z.string().nullable(),
  echelon: z.string().nullable(),
  rank: z.string().nullable(),
  active: z.boolean(),
  updatedAt: z.string(),
  allowedActions: z.array(z.string()),
});
export type Employee = z.infer<typeof Employee>;

export const EmployeeContact = z.object({
  employeeId: z.uuid(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  nik: z.string().nullable(),
});
export type EmployeeContact = z.infer<typeof EmployeeContact>;

export const EMPLOYEE_SORTS = ['name', '-name', 'nip', '-nip', 'updatedAt', '-updatedAt'] as const;

export const EmployeeQuery = Pagination.extend({
  q: z.string().trim().min(1).max(LIMITS.searchMax).optional(),
  agencyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  regionCode: RegionCode.optional(),
  type: EmploymentType.optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(EMPLOYEE_SORTS).default('name'),
});
export type EmployeeQuery = z.infer<typeof EmployeeQuery>;

export const EmployeeInput = z.object({
  agencyId: z.uuid(),
  unitId: z.uuid().nullable().optional(),
  employmentType: EmploymentType,
  nip: z.string().trim().optional(),
  internalId: z.string().trim().optional(),
  name: PlainText(1, LIMITS.nameMax),
  position: z.string().trim().max(LIMITS.nameMax).optional(),
  echelon: z.string().trim().max(50).optional(),
  rank: z.string().trim().max(50).optional(),
  active: z.boolean().default(true),
  contact: z
    .object({
      email: z.email().optional(),
      phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'phone number').optional(),
      nik: z.string().trim().optional(),
    })
    .optional(),
});
export type EmployeeInput = z.infer<typeof EmployeeInput>;

/** A field a PATCH does not change, named in its 400 (the API's input-checks CUSTOM_ID has the message in Indonesian). */
const FixedField = z
  .never({ error: 'cannot be changed here: NIP/NI, internal id, employment type and agency stay as registered' })
  .optional()
  .describe('Fixed at registration: sending it answers 400');

/**
 * Only the fields sent change: `active` has no default here (a partial of EmployeeInput would keep its default of true).
 * Strict: a field it does not change is refused (400 naming it), never silently ignored; the identity fields by name.
 */
export const EmployeePatch = z.strictObject({
  ...EmployeeInput.omit({ agencyId: true, employmentType: true, nip: true, internalId: true, active: true }).partial().shape,
  active: z.boolean().optional(),
  agencyId: FixedField,
  employmentType: FixedField,
  nip: FixedField,
  internalId: FixedField,
});

export const ImportError = z.object({
  row: z.number().int().describe('Row number as shown in a spreadsheet (header = 1)'),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string().describe('English'),
  messageId: z.string().describe('Bahasa Indonesia'),
});
export type ImportError = z.infer<typeof ImportError>;

/** A unit an import creates because the file names it and the agency does not have it (a misspelling creates one too). */
export const NewUnit = z.object({
  path: z.string().describe('Names from the agency root, joined by " / "'),
  firstRow: z.number().int().describe('First row of the file that names it (itself or a unit below it)'),
  rows: z.number().int().describe('Rows of the file placed in it (not counting units below it)'),
  suggestion: z.string().nullable().describe('A unit this one is probably meant to be: a near spelling of a unit of the agency (or of the file), or the path its "/" without spaces would make; null if none'),
});
export type NewUnit = z.infer<typeof NewUnit>;

export const ImportSummary = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(ImportError).describe('Row errors by row; at most IMPORT_LISTED_ERRORS of them (see moreErrors)'),
  // present only when `errors` is cut short, so a usual summary keeps the five documented fields
  moreErrors: z.number().int().optional().describe('Errors not listed in `errors`; every error is in the CSV error report'),
  errorCount: z.number().int().optional().describe('All row errors, listed or not'),
  errorCodes: z.record(z.string(), z.number().int()).optional().describe('All row errors counted by code'),
  // present only when the file names units the agency does not have, so a usual summary keeps the five documented fields
  newUnits: z.array(NewUnit).optional()
    .describe('Units the file names that the agency does not have: created by the import, or (a dry run, a rejected file) that it would create. At most IMPORT_LISTED_UNITS, by path'),
  moreNewUnits: z.number().int().optional().describe('New units not listed in `newUnits`'),
});
/** How many row errors an import summary lists (the first ones by row). */
export const IMPORT_LISTED_ERRORS = 1000;
/** How many new units an import summary lists. */
export const IMPORT_LISTED_UNITS = 1000;
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportRun = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  fileName: z.string(),
  status: z.enum(['running', 'succeeded', 'failed', 'rejected']),
  dryRun: z.boolean(),
  skipInvalid: z.boolean(),
  bytesTotal: z.number().int(),
  bytesRead: z.number().int(),
  rowsRead: z.number().int(),
  summary: ImportSummary.nullable(),
  failure: z.object({ code: z.string(), message: z.string(), messageId: z.string() }).nullable(),
  errorReport: z.boolean().describe('Every row error can be downloaded as CSV from GET /imports/{id}/errors.csv'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRun = z.infer<typeof ImportRun>;

/** Canonical import template header. */
export const EMPLOYEE_TEMPLATE_COLUMNS = ['nip', 'nama', 'jenis', 'jabatan', 'unit'] as const;
