import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { loadMasterKey } from '../../platform/keys.ts';
import type { Principal } from '../auth/domain/policy.ts';
import { caseScopeSql, insideBawasluSql } from '../cases/cases.service.ts';
import { FINAL_STATUSES, STATUS_WORDS, type CaseStatus } from '../cases/domain/workflow.ts';
import { anonymousAuditTime } from '../tips/domain/anonymous-time.ts';
import { localDateInRegion } from '@netra/rules';
import { authenticateTip, loadTip } from '../tips/tips.service.ts';
import { discardEvidence, openSealed, receiveEvidence, remakePdfCopy, type SealInfo, type StoredEvidence } from './custody.store.ts';
import { copyKindOf, storedFileName } from './domain/upload-policy.ts';

const MAX_FILES_PER_TIP = 20;
/** All files of one anonymous tip together: a reporter's photos and a few videos, not a free file store. */
export const MAX_BYTES_PER_TIP = 500 * 2 ** 20;

/** The evidence row, its `received` and `sealed` custody events and its audit entry, all at `at`. */
async function record(tx: Queryable, e: StoredEvidence, owner: { tipId?: string; caseId?: string }, actor: Actor, at: Date, releaseAfter?: Date) {
  await tx.query(
    `INSERT INTO evidence (id, tip_id, case_id, file_name, mime, size, sha256, sealed, shareable_sha256, shareable_mime, metadata, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [e.id, owner.tipId ?? null, owner.caseId ?? null, e.fileName, e.mime, e.size, e.sha256, JSON.stringify(e.sealed), e.shareableSha256, e.shareableMime, JSON.stringify(e.metadata), at],
  );
  await tx.query("INSERT INTO custody_events (evidence_id, action, actor_id, actor_label, at) VALUES ($1, 'received', $2, $3, $4), ($1, 'sealed', NULL, 'system', $4)", [e.id, actor.id, actor.label, at]);
  await appendAudit(tx, { actor, action: 'evidence.received', entityType: 'evidence', entityId: e.id, details: { sha256: e.sha256, size: e.size, mime: e.mime, tipId: owner.tipId ?? null, caseId: owner.caseId ?? null }, at, ...(releaseAfter ? { releaseAfter } : {}) });
}

async function store(deps: Deps, stream: Readable, fileName: string, write: (e: StoredEvidence) => Promise<void>, coarseTime?: Date) {
  const e = await receiveEvidence({ root: deps.config.evidenceDir, masterKey: loadMasterKey(deps.config), stream, fileName, ...(coarseTime ? { coarseTime } : {}) });
  try {
    await write(e);
  } catch (err) {
    discardEvidence(e);
    throw err;
  }
  return { id: e.id, fileName: e.fileName, mime: e.mime, size: e.size, sha256: e.sha256 };
}

const isFinal = (status: string) => (FINAL_STATUSES as readonly string[]).includes(status);
const tipClosed = () => new AppError(409, 'TIP_CLOSED', { id: 'Informasi ini sudah ditutup.', en: 'This tip is closed.' });
const caseFinal = (status: string) => {
  const words = STATUS_WORDS[status as CaseStatus] ?? { id: status, en: status };
  return new AppError(409, 'CASE_FINAL', { id: `Kasus sudah selesai (${words.id}); bukti tidak dapat ditambahkan.`, en: `The case is final (${words.en}); evidence cannot be added.` });
};

type TipState = { status: string; case_id: string | null; case_status: string | null; files: number; bytes: number };
async function tipState(db: Queryable, tipId: string, lock: boolean): Promise<TipState> {
  if (lock) await db.query('SELECT 1 FROM tips WHERE id = $1 FOR UPDATE', [tipId]);
  return (await db.query<TipState>(
    `SELECT t.status, t.case_id, c.status AS case_status, (SELECT count(*)::int FROM evidence e WHERE e.tip_id = t.id) AS files,
            (SELECT coalesce(sum(e.size), 0)::bigint FROM evidence e WHERE e.tip_id = t.id) AS bytes
       FROM tips t LEFT JOIN cases c ON c.id = t.case_id WHERE t.id = $1`,
    [tipId],
  )).rows[0]!;
}
function checkTipOpen(t: TipState, adding = 0) {
  // a tip whose case is final takes no more files, like a closed tip
  if (t.status === 'closed' || (t.case_status && isFinal(t.case_status))) throw tipClosed();
  if (t.files >= MAX_FILES_PER_TIP) throw new AppError(400, 'EVIDENCE_TOO_MANY', { id: `Paling banyak ${MAX_FILES_PER_TIP} berkas.`, en: `At most ${MAX_FILES_PER_TIP} files.` });
  if (Number(t.bytes) + adding > MAX_BYTES_PER_TIP)
    throw new AppError(413, 'EVIDENCE_TIP_FULL', {
      id: `Berkas untuk satu laporan paling banyak ${MAX_BYTES_PER_TIP / 2 ** 20} MB bersama-sama; kirim potongan yang paling penting.`,
      en: `The files of one tip may total at most ${MAX_BYTES_PER_TIP / 2 ** 20} MB; send the parts that matter most.`,
    });
}

/**
 * The anonymous reporter adds a file to their tip through the receipt channel. Checked before the
 * file is read and again, under the tip's row lock, in the transaction that records it (a tip turned
 * into a case meanwhile gets the file on that case). Kept with its local date only: the row, its
 * custody events, its audit entry and the sealed files' times.
 */
export async function attachToTip(deps: Deps, creds: { receiptCode: string; secret: string }, stream: Readable, fileName: string) {
  const tip = await authenticateTip(deps, creds);
  checkTipOpen(await tipState(deps.db, tip.id, false));
  const { at, releaseAfter } = anonymousAuditTime(deps.clock.now(), tip.region_code);
  return store(deps, stream, fileName, (e) => deps.db.transaction(async (tx) => {
    const now = await tipState(tx, tip.id, true);
    checkTipOpen(now, e.size);
    // the sender's own file name ("IMG_20240210_Andi_Pratama.jpg") can name them: the file is kept as
    // "bukti" (its extension follows the real type when served); only the sender's answer repeats their name
    await record(tx, { ...e, fileName: `bukti${path.extname(e.fileName).slice(0, 12)}` }, { tipId: tip.id, ...(now.case_id ? { caseId: now.case_id } : {}) }, { id: null, label: 'public' }, at, releaseAfter);
  }), at);
}

/** A handler adds a file to a case in scope that is not final (closed, merged, withdrawn, not registered). */
export async function attachToCase(deps: Deps, p: Principal, caseId: string, stream: Readable, fileName: string) {
  const status = async (db: Queryable, lock: boolean) => {
    const params: unknown[] = [caseId];
    const r = (await db.query<{ status: string }>(`SELECT c.status FROM cases c WHERE c.id = $1 AND ${caseScopeSql(p, 'cases.handle', params)}${lock ? ' FOR SHARE OF c' : ''}`, params)).rows[0];
    if (!r) throw notFound('Kasus / Case', caseId);
    if (isFinal(r.status)) throw caseFinal(r.status);
  };
  await status(deps.db, false);
  return store(deps, stream, fileName, (e) => deps.db.transaction(async (tx) => {
    await status(tx, true);
    await record(tx, e, { caseId }, { id: p.userId, label: p.username }, deps.clock.now());
  }));
}

type EvidenceRow = { inside: boolean; region_code: string; id: string; tip_id: string | null; case_id: string | null; file_name: string; mime: string; size: number; sha256: string; sealed: { original: SealInfo; shared: SealInfo | null } | string; shareable_sha256: string | null; shareable_mime: string | null; metadata: unknown; received_at: Date };

/** Evidence the caller may handle: through the tip's region scope or the case scope. */
async function evidenceScope(db: Queryable, p: Principal, where: string, params: unknown[]): Promise<EvidenceRow[]> {
  const caseScope = caseScopeSql(p, 'cases.read', params);
  // tips are Bawaslu's alone; Bawaslu's side also sees where and on what a file was made and may open
  // the original, while the civil-service authority and the PPK (the reported person's employer) get the
  // stripped copy only: a photo's GPS, phone model or a PDF's author can name the reporter
  const tipScope = insideBawasluSql(p, 't.region_code', params);
  const insideScope = insideBawasluSql(p, 'coalesce(c.region_code, t.region_code)', params);
  return (await db.query<EvidenceRow>(
    `SELECT ev.*, ${insideScope} AS inside, coalesce(c.region_code, t.region_code) AS region_code FROM evidence ev LEFT JOIN cases c ON c.id = ev.case_id LEFT JOIN tips t ON t.id = ev.tip_id
      WHERE ${where} AND ((c.id IS NOT NULL AND ${caseScope}) OR (t.id IS NOT NULL AND ${tipScope})) ORDER BY ev.received_at, ev.id`,
    params,
  )).rows;
}

/** A file's name as the caller sees it: outside Bawaslu a neutral one ("Laporan_Siti_KTP.txt" can name the reporter). */
const shownName = (r: EvidenceRow, mime: string) => storedFileName(r.inside ? r.file_name : 'bukti', mime);

const view = (r: EvidenceRow, duplicates: number) => ({
  id: r.id, fileName: shownName(r, r.mime), mime: r.mime, size: Number(r.size), sha256: r.sha256, shareableSha256: r.shareable_sha256,
  copy: copyKindOf(r.mime, r.shareable_sha256 !== null),
  metadata: r.inside ? (typeof r.metadata === 'string' ? JSON.parse(r.metadata) : r.metadata) : {}, metadataWithheld: !r.inside,
  originalAvailable: r.inside, receivedAt: new Date(r.received_at).toISOString(),
  // the local day of the office's region (an anonymous upload keeps only that)
  receivedOn: localDateInRegion(new Date(r.received_at), r.region_code),
  // only the anonymous reporter adds files to a tip (attachToTip); their time is kept to the day
  receivedAtPrecision: r.tip_id ? ('day' as const) : ('exact' as const), sameFileElsewhere: duplicates,
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
 * A download, logged as custody: the copy for sharing (stripped of location and device metadata, or
 * the original of a format that has none), or the sealed original (with a reason). A file with no
 * such copy (video, audio, a PDF that could not be made clean) answers 409: only its original, with
 * a reason. Served as an attachment, never inline, under a name with the extension of its real type.
 */
export async function openEvidence(deps: Deps, p: Principal, id: string, which: 'original' | 'copy', reason?: string) {
  const row = (await evidenceScope(deps.db, p, 'ev.id = $1', [id]))[0];
  if (!row) throw notFound('Bukti / Evidence', id);
  const sealed = typeof row.sealed === 'string' ? (JSON.parse(row.sealed) as EvidenceRow['sealed'] & object) : row.sealed;
  if (which === 'copy' && copyKindOf(row.mime, sealed.shared !== null) === 'none')
    throw new AppError(409, 'EVIDENCE_NO_COPY', {
      id: 'Berkas ini tidak memiliki salinan tanpa metadata lokasi/perangkat; buka berkas asli dengan alasan.',
      en: 'This file has no copy free of location/device metadata; open the original with a reason.',
    });
  // (a format without metadata, plain text, is its own copy: that one outsiders may have)
  if (!row.inside && which === 'original')
    throw new AppError(403, 'EVIDENCE_ORIGINAL_BAWASLU_ONLY', {
      id: 'Berkas asli (dengan metadata lokasi/perangkat) hanya dibuka oleh Bawaslu; gunakan salinan tanpa metadata.',
      en: 'Originals (with location/device metadata) are opened only by Bawaslu; use the copy without metadata.',
    });
  const useOriginal = which === 'original' || !sealed.shared;
  const info = useOriginal ? sealed.original : sealed.shared!;
  if (which === 'original' && (!reason || reason.trim().length < 10))
    throw new AppError(400, 'REASON_REQUIRED', { id: 'Sebutkan alasan membuka berkas asli (min. 10 karakter).', en: 'Give a reason to open the original (at least 10 characters).' });
  await deps.db.transaction(async (tx) => {
    await tx.query('INSERT INTO custody_events (evidence_id, action, actor_id, actor_label, reason, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      id, which === 'original' ? 'downloaded_original' : 'downloaded_copy', p.userId, p.username, reason ?? null, deps.clock.now(),
    ]);
    await appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: `evidence.${which === 'original' ? 'original_opened' : 'copy_opened'}`, entityType: 'evidence', entityId: id, details: reason ? { reason } : {}, at: deps.clock.now() });
  });
  const mime = useOriginal ? row.mime : (row.shareable_mime ?? row.mime);
  return { stream: openSealed(info, loadMasterKey(deps.config), `${id}:${useOriginal ? 'original' : 'shared'}`), fileName: shownName(row, mime), mime };
}

export async function custodyLog(deps: Deps, p: Principal, id: string) {
  const row = (await evidenceScope(deps.db, p, 'ev.id = $1', [id]))[0];
  if (!row) throw notFound('Bukti / Evidence', id);
  const { rows } = await deps.db.query<{ action: string; actor_label: string; reason: string | null; at: Date }>('SELECT action, actor_label, reason, at FROM custody_events WHERE evidence_id = $1 ORDER BY seq', [id]);
  // the receipt and sealing of a file the anonymous reporter sent are kept to the day
  const dayOnly = (r: { action: string }) => row.tip_id !== null && (r.action === 'received' || r.action === 'sealed');
  return rows.map((r) => ({ action: r.action, actor: r.actor_label, reason: r.reason, at: new Date(r.at).toISOString(), atPrecision: dayOnly(r) ? ('day' as const) : ('exact' as const) }));
}

/**
 * One-off repair for PDFs received before their copies were rebuilt (pdf-copy.ts): the old "stripped"
 * copy kept the EXIF GPS and device of embedded photos. Each PDF copy is made again from the sealed
 * original, or withdrawn (no copy: the original with a reason) when the PDF cannot be made clean.
 * One transaction and audit row per file; the old copy's file is removed after commit. For the
 * `netra` CLI (see the report for the command to add).
 */
export async function remakePdfCopies(deps: Deps, actor: Actor): Promise<{ remade: number; withdrawn: number }> {
  const key = loadMasterKey(deps.config);
  const rows = (await deps.db.query<EvidenceRow>("SELECT * FROM evidence WHERE mime = 'application/pdf' AND shareable_sha256 IS NOT NULL ORDER BY id")).rows;
  let remade = 0;
  let withdrawn = 0;
  for (const r of rows) {
    const sealed = typeof r.sealed === 'string' ? (JSON.parse(r.sealed) as EvidenceRow['sealed'] & object) : r.sealed;
    const copy = await remakePdfCopy({ root: deps.config.evidenceDir, masterKey: key, id: r.id, original: sealed.original });
    try {
      await deps.db.transaction(async (tx) => {
        await tx.query('UPDATE evidence SET sealed = $2, shareable_sha256 = $3, shareable_mime = $4 WHERE id = $1', [
          r.id, JSON.stringify({ original: sealed.original, shared: copy?.shared ?? null }), copy?.sha256 ?? null, copy ? 'application/pdf' : null,
        ]);
        await appendAudit(tx, { actor, action: copy ? 'evidence.copy_remade' : 'evidence.copy_withdrawn', entityType: 'evidence', entityId: r.id, details: { before: r.shareable_sha256, after: copy?.sha256 ?? null }, at: deps.clock.now() });
      });
    } catch (err) {
      if (copy) fs.rmSync(copy.shared.path, { force: true });
      throw err;
    }
    if (sealed.shared) fs.rmSync(sealed.shared.path, { force: true });
    if (copy) remade += 1;
    else withdrawn += 1;
  }
  return { remade, withdrawn };
}
