import { z } from 'zod';
import { IsoDate, PlainText } from './common.ts';

/**
 * Socialization (sosialisasi netralitas): events, attendance (QR check-in or imported list), the
 * briefing cascade and reminder activities, with "briefed" coverage per employee.
 */
const Nip = z.string().trim().min(3).max(30);
const Nips = z.array(Nip).min(1).max(50_000);

export const ATTENDANCE_METHODS = ['qr', 'list', 'manual'] as const;
export const AttendanceMethod = z.enum(ATTENDANCE_METHODS);
export type AttendanceMethod = z.infer<typeof AttendanceMethod>;
export const REMINDER_KINDS = ['banner', 'social_post', 'notification', 'other'] as const;
export const ReminderKind = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof ReminderKind>;
export const SOCIALIZATION_ACTIONS = ['import_attendance', 'record_briefing', 'rotate_token', 'edit'] as const;
/** What the caller may do with one recorded entry (attendance, briefing, reminder activity). */
export const ENTRY_ACTIONS = ['void'] as const;
const EntryActions = z.array(z.enum(ENTRY_ACTIONS));

/**
 * A wrongly recorded entry is withdrawn (voided), never deleted: it stays for the audit trail, shown as
 * withdrawn, and stops counting in coverage. The reason is required.
 */
export const VoidInput = z.object({ reason: PlainText(5, 1000) });
export type VoidInput = z.infer<typeof VoidInput>;
/** Set on a withdrawn entry: when, by whom (display name) and why. */
export const Voided = z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() }).nullable();
export const VoidResult = z.object({ id: z.uuid(), voided: Voided.unwrap() });

export const SocializationEventInput = z.object({
  agencyId: z.uuid(),
  electionId: z.string().min(1).max(64).optional(),
  title: PlainText(3, 200),
  heldOn: IsoDate,
  place: PlainText(2, 300),
  organiser: PlainText(2, 200),
  materials: z.array(PlainText(1, 1000)).max(50).default([]),
  audienceUnitIds: z.array(z.uuid()).max(2000).default([]),
});
export type SocializationEventInput = z.infer<typeof SocializationEventInput>;
/**
 * Corrects an event's details. A new date may not leave attendance or briefings recorded before it
 * (EVENT_DATE_ORPHANS_RECORDS); the audience and the election stay as created.
 */
export const SocializationEventUpdate = z.object({
  title: PlainText(3, 200).optional(),
  heldOn: IsoDate.optional(),
  place: PlainText(2, 300).optional(),
  organiser: PlainText(2, 200).optional(),
  materials: z.array(PlainText(1, 1000)).max(50).optional(),
});
export type SocializationEventUpdate = z.infer<typeof SocializationEventUpdate>;
export const SocializationEventCreated = z.object({ id: z.uuid(), checkinToken: z.string() });

export const SocializationEventSummary = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  electionId: z.string().nullable(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  organiser: z.string(),
  attendees: z.number().int(),
  briefings: z.number().int(),
});
export type SocializationEventSummary = z.infer<typeof SocializationEventSummary>;

export const SocializationEvent = SocializationEventSummary.extend({
  materials: z.array(z.string()),
  audienceUnits: z.array(z.object({ id: z.uuid(), name: z.string(), path: z.string() })),
  /** Check-in is possible today (the agency's local date is the event date). */
  checkinOpen: z.boolean(),
  /** Only for callers who may manage the event (they show the QR code); null otherwise. */
  checkinToken: z.string().nullable(),
  allowedActions: z.array(z.enum(SOCIALIZATION_ACTIONS)),
});
export type SocializationEvent = z.infer<typeof SocializationEvent>;

export const SocializationAttendee = z.object({
  /** The attendance entry (an employee has at most one that is not withdrawn). */
  id: z.uuid(),
  employeeId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  unitPath: z.string().nullable(),
  method: AttendanceMethod,
  checkedInAt: z.string(),
  /** Briefings this attendee has confirmed for this event (the cascade below them). */
  briefings: z.number().int(),
  /** Distinct staff named in those briefings. */
  briefedStaff: z.number().int(),
  voided: Voided,
  allowedActions: EntryActions,
});
export type SocializationAttendee = z.infer<typeof SocializationAttendee>;

export const AttendanceImportInput = z.object({ nips: Nips, method: z.enum(['list', 'manual']).default('list') });
export const AttendanceImportResult = z.object({ recorded: z.number().int(), alreadyPresent: z.number().int() });

export const PublicCheckinQuery = z.object({ token: z.string().trim().min(16).max(100) });
export const PublicCheckinEvent = z.object({ title: z.string(), agency: z.string(), heldOn: z.string(), place: z.string(), organiser: z.string(), open: z.boolean() });
export const CheckinInput = z.object({ token: z.string().trim().min(16).max(100), nip: Nip });
export const CheckinResult = z.object({
  status: z.enum(['checked_in', 'already_checked_in']),
  /** Masked ("B*** S******"): the page confirms who checked in without showing a full name. */
  name: z.string(),
  event: z.string(),
});

export const BriefingInput = z.object({
  brieferNip: Nip,
  unitId: z.uuid(),
  briefedOn: IsoDate,
  /** `list`: the named staff; `unit_staff`: every active employee of the unit and its sub-units, minus `absentNips`. */
  staff: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('list'), nips: Nips }),
    z.object({ mode: z.literal('unit_staff'), absentNips: z.array(Nip).max(50_000).default([]) }),
  ]),
  /** The headcount on the minutes, when it differs from the named staff (guests, staff of other units); never fewer than the named staff. */
  attendanceCount: z.number().int().min(0).max(1_000_000).optional(),
  notes: PlainText(1, 2000).optional(),
});
export type BriefingInput = z.infer<typeof BriefingInput>;
export const BriefingCreated = z.object({ id: z.uuid(), briefed: z.number().int(), attendanceCount: z.number().int() });

export const SocializationBriefing = z.object({
  id: z.uuid(),
  brieferName: z.string(),
  brieferNip: z.string(),
  unitId: z.uuid(),
  unitPath: z.string(),
  briefedOn: z.string(),
  staffMode: z.enum(['list', 'unit_staff']),
  attendanceCount: z.number().int(),
  briefed: z.number().int(),
  notes: z.string().nullable(),
  voided: Voided,
  allowedActions: EntryActions,
});
export type SocializationBriefing = z.infer<typeof SocializationBriefing>;

/** Staff = active employees; briefed = attended an event or named in a briefing of one; attended ⊆ briefed. */
export const BriefedCounts = z.object({ staff: z.number().int(), attended: z.number().int(), briefed: z.number().int(), missing: z.number().int(), percent: z.number() });
export type BriefedCounts = z.infer<typeof BriefedCounts>;
export const BriefedCoverageQuery = z.object({
  agencyId: z.uuid(),
  electionId: z.string().min(1).max(64).optional().describe('Only events of this election'),
  unitId: z.uuid().optional().describe('Drill down: break down by the direct children of this unit'),
});
export type BriefedCoverageQuery = z.infer<typeof BriefedCoverageQuery>;
export const BriefedCoverage = z.object({
  agency: z.object({ id: z.uuid(), name: z.string() }),
  unit: z.object({ id: z.uuid(), name: z.string(), path: z.string() }).nullable(),
  total: BriefedCounts,
  /** Per direct child unit of the root; `direct` is the root's own staff (or staff without a unit). */
  byUnit: z.array(BriefedCounts.extend({ unitId: z.uuid().nullable(), name: z.string().nullable(), path: z.string().nullable(), direct: z.boolean(), hasChildren: z.boolean() })),
});
export type BriefedCoverage = z.infer<typeof BriefedCoverage>;

export const ReminderActivityInput = z.object({
  agencyId: z.uuid(),
  unitId: z.uuid().optional().describe('Omit for an agency-wide activity'),
  electionId: z.string().min(1).max(64).optional(),
  kind: ReminderKind,
  doneOn: IsoDate,
  description: PlainText(3, 2000),
  link: z.url({ protocol: /^https?$/, error: 'an http(s) address' }).max(2000).optional(),
  evidenceNote: PlainText(1, 2000).optional(),
});
export type ReminderActivityInput = z.infer<typeof ReminderActivityInput>;
export const ReminderActivity = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  unitId: z.uuid().nullable(),
  unitPath: z.string().nullable(),
  electionId: z.string().nullable(),
  kind: ReminderKind,
  doneOn: z.string(),
  description: z.string(),
  link: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  recordedBy: z.string().nullable(),
  voided: Voided,
  allowedActions: EntryActions,
});
export type ReminderActivity = z.infer<typeof ReminderActivity>;
export const ReminderActivityQuery = z.object({ agencyId: z.uuid(), unitId: z.uuid().optional(), electionId: z.string().min(1).max(64).optional() });

/**
 * Where the caller may record (briefings, reminder activities, event audiences) in an agency: the
 * units in their write scope, and whether they may also record for the whole agency.
 */
export const SocializationScopeQuery = z.object({ agencyId: z.uuid() });
export const SocializationScope = z.object({ agencyWide: z.boolean(), unitIds: z.array(z.uuid()) });
export type SocializationScope = z.infer<typeof SocializationScope>;
