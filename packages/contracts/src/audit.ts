import { z } from 'zod';

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

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  pending: z.number().int(),
  firstBroken: z.object({ seq: z.number().int().nullable(), position: z.number().int(), reason: z.string() }).nullable(),
});
