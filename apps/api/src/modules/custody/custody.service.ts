import type { Readable } from 'node:stream';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { loadMasterKey } from '../../platform/keys.ts';
import type { Principal } from '../auth/domain/policy.ts';
import { caseScopeSql } from '../cases/cases.service.ts';
import { authenticateTip, loadTip } from '../tips/tips.service.ts';
import { discardEvidence, openSealed, receiveEvidence, type SealInfo, type StoredEvidence } from './custody.store.ts';

const MAX_FILES_PER_TIP = 20;

async function record(tx: Queryable, e: StoredEvidence, owner: { tipId?: string; caseId?: string }, actor: Actor, at: Date) {
  await tx.query(
    `INSERT INTO evidence (id, tip_id, case_id, file_name, mime, size, sha256, sealed, shareable_sha256, shareable_mime, metadata, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [e.id, owner.tipId ?? null, owner.caseId ?? null, e.fileName, e.mime, e.size, e.sha256, JSON.stringify(e.sealed), e.shareableSha256, e.shareableMime, JSON.stringify(e.metadata), at],
  );
  await tx.query("INSERT INTO custody_events (evidence_id, action, actor_id, actor_label, at) VALUES ($1, 'received', $2, $3, $4), ($1, 'sealed', NULL, 'system', $4)", [e.id, actor.id, actor.label, at]);
  await appendAudit(tx, { actor, action: 'evidence.received', entityType: 'evidence', entityId: e.id, details: { sha256: e.sha256, size: e.size, mime: e.mime, tipId: owner.tipId ?? null, caseId: owner.caseId ?? null }, at });
}

async function store(deps: Deps, stream: Readable, fileName: string, write: (e: StoredEvidence) => Promise<void>) {
  const e = await receiveEvidence({ root: deps.config.evidenceDir, masterKey: loadMasterKey(deps.config), stream, fileName });
  try {
    await write(e);
  } catch (err) {
    discardEvidence(e);
    throw err;
  }
  return { id: e.id, fileName: e.fileName, mime: e.mime, size: e.size, sha256: e.sha256 };
}

/** The anonymous reporter adds a file to their tip through the receipt channel. */
export async function attachToTip(deps: Deps, creds: { receiptCode: string; secret: string }, stream: Readable, fileName: string) {
  const tip = await authenticateTip(deps, creds);
  if (tip.status === 'closed') throw new AppError(409, 'TIP_CLOSED', { id: 'Informasi ini sudah ditutup.', en: 'This tip is closed.' });
  const n = (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence WHERE tip_id = $1', [tip.id])).rows[0]!.n;
  if (n >= MAX_FILES_PER_TIP) throw new AppError(400, 'EVIDENCE_TOO_MANY', { id: `Paling banyak ${MAX_FILES_PER_TIP} berkas.`, en: `At most ${MAX_FILES_PER_TIP} files.` });
  return store(deps, stream, fileName, (e) => deps.db.transaction((tx) => record(tx, e, { tipId: tip.id, ...(tip.case_id ? { caseId: tip.case_id } : {}) }, { id: null, label: 'public' }, deps.clock.now())));
}

export async function attachToCase(deps: Deps, p: Principal, caseId: string, stream: Readable, fileName: string) {
  const params: unknown[] = [caseId];
  const ok = await deps.db.query(`SELECT 1 FROM cases c WHERE c.id = $1 AND ${caseScopeSql(p, 'cases.handle', params)}`, params);
  if (!ok.rowCount) throw notFound('Kasus / Case', caseId);
  return store(deps, stream, fileName, (e) => deps.db.transaction((tx) => record(tx, e, { caseId }, { id: p.userId, label: p.username }, deps.clock.now())));
}

type EvidenceRow = { id: string; tip_id: string | null; case_id: string | null; file_name: string; mime: string; size: number; sha256: string; sealed: { original: SealInfo; shared: SealInfo | null } | string; shareable_sha256: string | null; shareable_mime: string | null; metadata: unknown; received_at: Date };

/** Evidence the caller may handle: through the tip's region scope or the case scope. */
async function evidenceScope(db: Queryable, p: Principal, where: string, params: unknown[]): Promise<EvidenceRow[]> {
  const caseScope = caseScopeSql(p, 'cases.read', params);
  const tipGrants = p.grants.filter((g) => ['supervisor', 'system_admin', 'auditor'].includes(g.role));
  const tipScope = tipGrants.length
    ? `(${tipGrants.map((g) => (g.regionCode ? `(t.region_code = $${params.push(g.regionCode)} OR t.region_code LIKE $${params.length} || '.%')` : g.agencyId || g.unitIdPath ? 'FALSE' : 'TRUE')).join(' OR ')})`
    : 'FALSE';
  return (await db.query<EvidenceRow>(
    `SELECT ev.* FROM evidence ev LEFT JOIN cases c ON c.id = ev.case_id LEFT JOIN tips t ON t.id = ev.tip_id
      WHERE ${where} AND ((c.id IS NOT NULL AND ${caseScope}) OR (t.id IS NOT NULL AND ${tipScope})) ORDER BY ev.received_at, ev.id`,
    params,
  )).rows;
}

const view = (r: EvidenceRow, duplicates: number) => ({
  id: r.id, fileName: r.file_name, mime: r.mime, size: Number(r.size), sha256: r.sha256, shareableSha256: r.shareable_sha256,
  metadata: typeof r.metadata === 'string' ? JSON.parse(r.metadata) : r.metadata, receivedAt: new Date(r.received_at).toISOString(), sameFileElsewhere: duplicates,
});

export async function listEvidence(deps: Deps, p: Principal, owner: { tipId?: string; caseId?: string }) {
  if (owner.tipId) await loadTip(deps.db, p, owner.tipId);
  const params: unknown[] = [owner.tipId ?? owner.caseId];
  const rows = await evidenceScope(deps.db, p, owner.tipId ? 'ev.tip_id = $1' : 'ev.case_id = $1', params);
  const dup = await deps.db.query<{ sha256: string; n: number }>('SELECT sha256, count(*)::int AS n FROM evidence WHERE sha256 = ANY($1::text[]) GROUP BY sha256', [rows.map((r) => r.sha256)]);
  const counts = new Map(dup.rows.map((d) => [d.sha256, d.n]));
  return rows.map((r) => view(r, (counts.get(r.sha256) ?? 1) - 1));
}

/**
 * A download, logged as custody: the stripped copy for sharing, or the sealed original (with a
 * reason). Served as an attachment, never inline.
 */
export async function openEvidence(deps: Deps, p: Principal, id: string, which: 'original' | 'copy', reason?: string) {
  const row = (await evidenceScope(deps.db, p, 'ev.id = $1', [id]))[0];
  if (!row) throw notFound('Bukti / Evidence', id);
  const sealed = typeof row.sealed === 'string' ? (JSON.parse(row.sealed) as EvidenceRow['sealed'] & object) : row.sealed;
  const info = which === 'original' ? sealed.original : (sealed.shared ?? sealed.original);
  const useOriginal = which === 'original' || !sealed.shared;
  if (which === 'original' && (!reason || reason.trim().length < 10))
    throw new AppError(400, 'REASON_REQUIRED', { id: 'Sebutkan alasan membuka berkas asli (min. 10 karakter).', en: 'Give a reason to open the original (at least 10 characters).' });
  await deps.db.transaction(async (tx) => {
    await tx.query('INSERT INTO custody_events (evidence_id, action, actor_id, actor_label, reason, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      id, which === 'original' ? 'downloaded_original' : 'downloaded_copy', p.userId, p.username, reason ?? null, deps.clock.now(),
    ]);
    await appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: `evidence.${which === 'original' ? 'original_opened' : 'copy_opened'}`, entityType: 'evidence', entityId: id, details: reason ? { reason } : {}, at: deps.clock.now() });
  });
  return { stream: openSealed(info, loadMasterKey(deps.config), `${id}:${useOriginal ? 'original' : 'shared'}`), fileName: row.file_name, mime: useOriginal ? row.mime : (row.shareable_mime ?? row.mime) };
}

export async function custodyLog(deps: Deps, p: Principal, id: string) {
  const row = (await evidenceScope(deps.db, p, 'ev.id = $1', [id]))[0];
  if (!row) throw notFound('Bukti / Evidence', id);
  const { rows } = await deps.db.query<{ action: string; actor_label: string; reason: string | null; at: Date }>('SELECT action, actor_label, reason, at FROM custody_events WHERE evidence_id = $1 ORDER BY seq', [id]);
  return rows.map((r) => ({ action: r.action, actor: r.actor_label, reason: r.reason, at: new Date(r.at).toISOString() }));
}
