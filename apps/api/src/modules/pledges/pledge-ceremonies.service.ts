/**
 * Signing ceremonies: the list per campaign and the scanned signed sheet (attendance list with the
 * signatures and, where used, meterai), sealed at rest like evidence. Recording the ceremony itself
 * (the attendance list signing in bulk) is `recordCeremony` in pledges.service.
 */
import type { Readable } from 'node:stream';
import type { Permission, PledgeCeremony } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { loadMasterKey } from '../../platform/keys.ts';
import { scopeSql, type Principal } from '../auth/domain/policy.ts';
import { discardEvidence, openSealed, receiveEvidence, type StoredEvidence } from '../custody/custody.store.ts';
import { loadCampaign } from './pledges.service.ts';

/** Where a ceremony is visible: its agency, and for a unit-scoped grant only ceremonies recorded within its unit subtree. */
const CEREMONY_COLS = { region: 'a.region_code', agency: 'a.id', unitIdPath: '(SELECT uu.id_path FROM units uu WHERE uu.id = pc.unit_id)' };
/** A signed sheet is a scan or a photo of paper: PDF or an image, not any evidence type. */
const SHEET_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);

type Sheet = { id: string; fileName: string; mime: string; size: number; sha256: string; sealed: StoredEvidence['sealed'] };

/** The ceremony, if the caller's `perm` reaches its campaign's agency (else 404). */
async function ceremonyInScope(db: Queryable, p: Principal, perm: Permission, campaignId: string, ceremonyId: string, lock = false) {
  const params: unknown[] = [campaignId, ceremonyId];
  const row = (await db.query<{ id: string; sheet: Sheet | null }>(
    `SELECT pc.id, pc.sheet FROM pledge_ceremonies pc JOIN pledge_campaigns c ON c.id = pc.campaign_id JOIN agencies a ON a.id = c.agency_id
      WHERE pc.campaign_id = $1 AND pc.id = $2 AND ${scopeSql(p, perm, CEREMONY_COLS, params)}${lock ? ' FOR UPDATE OF pc' : ''}`, params,
  )).rows[0];
  if (!row) throw notFound('Upacara penandatanganan / Ceremony', ceremonyId);
  return row;
}

/** The campaign's ceremonies the caller may see; a campaign outside the caller's scope answers 404 like an unknown one. */
export async function listCeremonies(deps: Deps, p: Principal, campaignId: string): Promise<PledgeCeremony[]> {
  await loadCampaign(deps.db, campaignId, { p, perm: 'registry.read' });
  const params: unknown[] = [campaignId];
  const rows = (await deps.db.query<{ id: string; held_on: string | Date; place: string | null; witnesses: string | null; listed: number; signed: number; recorded_by: string | null; recorded_at: Date; sheet: Sheet | null }>(
    `SELECT pc.id, pc.held_on, pc.place, pc.witnesses, pc.listed, pc.signed, u.display_name AS recorded_by, pc.recorded_at, pc.sheet
       FROM pledge_ceremonies pc JOIN pledge_campaigns c ON c.id = pc.campaign_id JOIN agencies a ON a.id = c.agency_id LEFT JOIN users u ON u.id = pc.recorded_by
      WHERE pc.campaign_id = $1 AND ${scopeSql(p, 'registry.read', CEREMONY_COLS, params)}
      ORDER BY pc.held_on DESC, pc.recorded_at DESC`, params,
  )).rows;
  return rows.map((r) => ({
    id: r.id, heldOn: typeof r.held_on === 'string' ? r.held_on.slice(0, 10) : r.held_on.toISOString().slice(0, 10), place: r.place, witnesses: r.witnesses,
    listed: r.listed, signed: r.signed, recordedBy: r.recorded_by, recordedAt: new Date(r.recorded_at).toISOString(),
    sheet: r.sheet && { fileName: r.sheet.fileName, mime: r.sheet.mime, size: r.sheet.size, sha256: r.sheet.sha256 },
  }));
}

/** The one refusal of a file that is not a PDF or an image, whatever else evidence would accept. */
const sheetTypeRefused = (what: string) => invalid('CEREMONY_SHEET_TYPE', {
  id: `Lembar bertanda tangan harus berupa PDF atau gambar (JPEG, PNG atau WebP); ${what} tidak diterima.`,
  en: `The signed sheet must be a PDF or an image (JPEG, PNG or WebP); ${what} is not accepted.`,
});

/** Attaches the scanned signed sheet (PDF or image, checked and sealed like evidence); one per ceremony. */
export async function attachCeremonySheet(deps: Deps, p: Principal, campaignId: string, ceremonyId: string, stream: Readable, fileName: string) {
  await ceremonyInScope(deps.db, p, 'registry.write', campaignId, ceremonyId); // before reading the upload
  const stored = await receiveEvidence({ root: deps.config.evidenceDir, masterKey: loadMasterKey(deps.config), stream, fileName }).catch((err: unknown) => {
    // evidence refuses a type it does not take by listing the types evidence takes (video, audio, text): not the sheet's
    throw err instanceof AppError && err.code === 'EVIDENCE_TYPE_NOT_ALLOWED' ? sheetTypeRefused(fileName.slice(0, 120)) : err;
  });
  try {
    if (!SHEET_TYPES.has(stored.mime)) throw sheetTypeRefused(`${stored.fileName} (${stored.mime})`);
    await deps.db.transaction(async (tx) => {
      const row = await ceremonyInScope(tx, p, 'registry.write', campaignId, ceremonyId, true);
      if (row.sheet) throw conflict('CEREMONY_SHEET_EXISTS', { id: `Lembar bertanda tangan sudah dilampirkan (SHA-256 ${row.sheet.sha256.slice(0, 12)}…).`, en: `A signed sheet is already attached (SHA-256 ${row.sheet.sha256.slice(0, 12)}…).` });
      const sheet: Sheet = { id: stored.id, fileName: stored.fileName, mime: stored.mime, size: stored.size, sha256: stored.sha256, sealed: stored.sealed };
      await tx.query('UPDATE pledge_ceremonies SET sheet = $2 WHERE id = $1', [ceremonyId, JSON.stringify(sheet)]);
      await appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: 'pledge.ceremony_sheet_attached', entityType: 'pledge_ceremony', entityId: ceremonyId, details: { sha256: stored.sha256, size: stored.size, mime: stored.mime }, at: deps.clock.now() });
    });
  } catch (err) {
    discardEvidence(stored);
    throw err;
  }
  return { fileName: stored.fileName, mime: stored.mime, size: stored.size, sha256: stored.sha256 };
}

/** The sealed sheet as it was uploaded (names and signatures: the read is audited). */
export async function openCeremonySheet(deps: Deps, p: Principal, campaignId: string, ceremonyId: string) {
  const row = await ceremonyInScope(deps.db, p, 'registry.read', campaignId, ceremonyId);
  if (!row.sheet) throw notFound('Lembar bertanda tangan / Signed sheet', ceremonyId);
  const sheet = row.sheet;
  await deps.db.transaction((tx) => appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: 'pledge.ceremony_sheet_opened', entityType: 'pledge_ceremony', entityId: ceremonyId, details: { sha256: sheet.sha256 }, at: deps.clock.now() }));
  return { stream: openSealed(sheet.sealed.original, loadMasterKey(deps.config), `${sheet.id}:original`), fileName: sheet.fileName, mime: sheet.mime };
}
