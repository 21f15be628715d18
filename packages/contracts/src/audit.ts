import { z } from 'zod';
import { Pagination } from './common.ts';

/**
 * Every action the trail records besides a case's workflow steps, as `kind.verb_past`. The API can
 * write no other (AuditEntry.action is typed by this list) and the web has a label for each in both
 * languages (checked by a test), so the trail never shows a bare code.
 */
export const AUDIT_ACTIONS = [
  'agency.created',
  'auth.locked_out', 'auth.sign_in_failed', 'auth.signed_in', 'auth.signed_out', 'auth.totp_enabled',
  'case.deadline_escalated', 'case.deadline_warned', 'case.document_issued', 'case.handlers_reassigned', 'case.opened', 'case.report_received', 'case.reported_person_confirmed', 'case.reporter_identity_viewed',
  'conflict.basis_restored', 'conflict.basis_withdrawn', 'conflict.confirmed', 'conflict.decision_restored', 'conflict.dismissed', 'conflict.reopened',
  'conflicts.matched',
  'demo.relatives_declared', 'demo.units_created',
  'election.candidates_import_tested', 'election.candidates_imported',
  'employee.contact_viewed', 'employee.created', 'employee.relative_declared', 'employee.relative_withdrawn', 'employee.updated',
  'employees.exported', 'employees.import_tested', 'employees.imported',
  'evidence.copy_opened', 'evidence.copy_remade', 'evidence.copy_withdrawn', 'evidence.original_opened', 'evidence.received',
  'pledge.campaign_changed', 'pledge.campaign_opened', 'pledge.ceremony_recorded', 'pledge.ceremony_sheet_attached', 'pledge.ceremony_sheet_opened', 'pledge.document_downloaded', 'pledge.document_issued', 'pledge.missing_exported', 'pledge.reminders_sent', 'pledge.revoked', 'pledge.signed', 'pledge.template_created',
  'socialization.attendance_imported', 'socialization.attendance_voided', 'socialization.briefing_confirmed', 'socialization.briefing_voided', 'socialization.checked_in', 'socialization.checkin_token_rotated', 'socialization.event_created', 'socialization.event_updated', 'socialization.reminder_logged', 'socialization.reminder_voided',
  'tip.closed', 'tip.consented_to_report', 'tip.question_sent', 'tip.received', 'tip.reporter_replied', 'tip.review_started',
  'unit.created',
  'user.created', 'user.grant_added', 'user.grant_removed', 'user.password_reset', 'user.totp_reset', 'user.unlocked', 'user.updated',
] as const;
export type NamedAuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEvent = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  beforeDigest: z.string().nullable(),
  afterDigest: z.string().nullable(),
  /** null until the sealer links the entry into the chain (within a second or two of its commit) */
  hash: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Filters on the trail: who, what, which record, when (instants with their offset; `to` exclusive). */
export const AuditQuery = Pagination.extend({
  actor: z.string().trim().min(1).max(100).optional().describe('The actor as recorded: a username, or e.g. employee:self-service'),
  action: z.string().trim().max(60).regex(/^[a-z_]+(\.[a-z_]*)?$/, 'an action such as case.register, or a prefix ending in a dot such as case.').optional()
    .describe('An action (pledge.signed), or every action of one kind with a prefix ending in a dot (pledge.)'),
  entityType: z.string().trim().max(40).regex(/^[a-z_]+$/, 'an entity type such as case or employee').optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('From this instant (inclusive), e.g. 2024-02-01T00:00:00+07:00'),
  to: z.iso.datetime({ offset: true }).optional().describe('Up to this instant (exclusive)'),
  sort: z.enum(['-seq', 'seq']).default('-seq').describe('Newest first (-seq) or oldest first (seq)'),
}).refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: '`from` must be before `to`', path: ['to'] });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  pending: z.number().int(),
  firstBroken: z.object({ seq: z.number().int().nullable(), position: z.number().int(), reason: z.string() }).nullable(),
});
