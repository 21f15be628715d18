/**
 * Evidence changing hands inside a change of another module (a tip turned into a case): the files
 * move and each gets its `handed_over` custody event in the caller's transaction. Imports nothing of
 * the cases module, so cases.service.ts can call it without an import cycle.
 */
import type { Queryable } from '../../db/client.ts';
import type { Actor } from '../../platform/audit.ts';

/**
 * Hands the files of tip `tipId` that are on no case yet over to case `caseId`. Files already on a
 * case are never moved from it here. Returns the ids moved.
 */
export async function handOverTipEvidence(tx: Queryable, tipId: string, caseId: string, actor: Actor, at: Date, label = caseId): Promise<string[]> {
  const moved = (await tx.query<{ id: string }>('UPDATE evidence SET case_id = $2 WHERE tip_id = $1 AND case_id IS NULL RETURNING id', [tipId, caseId])).rows.map((r) => r.id);
  if (moved.length)
    await tx.query(
      `INSERT INTO custody_events (evidence_id, action, actor_id, actor_label, reason, at)
       SELECT x, 'handed_over', $2::uuid, $3, $4, $5 FROM unnest($1::uuid[]) AS x`,
      [moved, actor.id, actor.label, `Informasi awal dijadikan kasus ${label} / tip turned into case ${label}`, at],
    );
  return moved;
}
