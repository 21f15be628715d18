import { z } from 'zod';
import { Pagination } from './common.ts';

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
