/**
 * Pledge texts: the national standard surat pernyataan, pakta integritas and ikrar (version 1 of
 * each, with their source), and an agency's own versions of any of them. A campaign signs one text;
 * its hash goes into every signature.
 */
import type { PledgeKind, PledgeTemplate, PledgeTemplateInput } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, sha256 } from '../../platform/audit.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import type { Principal } from '../auth/domain/policy.ts';
import { assertAgencyInScope } from '../agencies/agencies.service.ts';
import { STANDARD_PLEDGES } from './domain/pledge-rules.ts';

type TemplateRow = { id: string; kind: PledgeKind; version: number; title: string; body: string; content_hash: string; agency_id: string | null; source: string | null; created_at: Date };

/**
 * The standard texts, master data loaded by `prepareDatabase` at every start (idempotent, safe when two
 * processes start together on a new database: the loser's insert does nothing and it reads the
 * winner's row): their ids by kind.
 */
export async function standardTemplates(tx: Queryable): Promise<Record<PledgeKind, string>> {
  const ids = {} as Record<PledgeKind, string>;
  for (const t of STANDARD_PLEDGES) {
    const hash = sha256(t.body);
    const find = async () => (await tx.query<{ id: string; source: string | null }>('SELECT id, source FROM pledge_templates WHERE agency_id IS NULL AND kind = $1 AND content_hash = $2', [t.kind, hash])).rows[0];
    let row = await find();
    if (!row) {
      await tx.query(
        `INSERT INTO pledge_templates (kind, version, title, body, content_hash, source)
         VALUES ($1, COALESCE((SELECT max(version) FROM pledge_templates WHERE agency_id IS NULL AND kind = $1), 0) + 1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [t.kind, t.title, t.body, hash, t.source],
      );
      row = await find();
      if (!row) throw conflict('TEMPLATE_RACE', { id: 'Teks standar sedang disiapkan; coba lagi.', en: 'The standard texts are being set up; try again.' });
    }
    // the standard texts' basis is our data: kept as written here (the text and its hash never change)
    if (row.source !== t.source) await tx.query('UPDATE pledge_templates SET source = $2 WHERE id = $1', [row.id, t.source]);
    ids[t.kind] = row.id;
  }
  return ids;
}

const toTemplate = (r: TemplateRow): PledgeTemplate => ({
  id: r.id, kind: r.kind, version: r.version, title: r.title, body: r.body, contentHash: r.content_hash, agencyId: r.agency_id, source: r.source, createdAt: new Date(r.created_at).toISOString(),
});

/** The texts an agency's campaign can use: the standard ones and the agency's own, newest first per kind. */
export async function listTemplates(deps: Deps, p: Principal, agencyId: string): Promise<PledgeTemplate[]> {
  await assertAgencyInScope(deps.db, p, 'agencies.manage', agencyId);
  const rows = (await deps.db.query<TemplateRow>(
    `SELECT id, kind, version, title, body, content_hash, agency_id, source, created_at FROM pledge_templates
      WHERE agency_id IS NULL OR agency_id = $1 ORDER BY kind, agency_id NULLS FIRST, version DESC`, [agencyId],
  )).rows;
  return rows.map(toTemplate);
}

/** A new version of the agency's own text of a kind; the same text as an existing version is refused. */
export async function createTemplate(deps: Deps, p: Principal, input: PledgeTemplateInput) {
  const hash = sha256(input.body);
  return deps.db.transaction(async (tx) => {
    await assertAgencyInScope(tx, p, 'agencies.manage', input.agencyId, { lock: true }); // the agency row lock numbers its versions one at a time
    const same = (await tx.query<{ version: number }>('SELECT version FROM pledge_templates WHERE agency_id = $1 AND kind = $2 AND content_hash = $3', [input.agencyId, input.kind, hash])).rows[0];
    if (same) throw conflict('TEMPLATE_UNCHANGED', { id: `Teks ini sama dengan versi ${same.version}.`, en: `This text is the same as version ${same.version}.` });
    const row = (await tx.query<{ id: string; version: number }>(
      `INSERT INTO pledge_templates (agency_id, kind, version, title, body, content_hash, created_by)
       VALUES ($1, $2, COALESCE((SELECT max(version) FROM pledge_templates WHERE agency_id = $1 AND kind = $2), 0) + 1, $3, $4, $5, $6) RETURNING id, version`,
      [input.agencyId, input.kind, input.title, input.body, hash, p.userId],
    )).rows[0]!;
    await appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: 'pledge.template_created', entityType: 'pledge_template', entityId: row.id, after: { ...input, contentHash: hash, version: row.version }, at: deps.clock.now() });
    return { id: row.id, version: row.version, contentHash: hash };
  });
}

/** The template a new campaign of `agencyId` signs: the one asked for (standard or the agency's own), else the standard surat pernyataan. */
export async function templateForCampaign(tx: Queryable, agencyId: string, templateId: string | undefined): Promise<{ id: string; title: string }> {
  const standard = await standardTemplates(tx);
  const id = templateId ?? standard.surat_pernyataan;
  const t = (await tx.query<{ id: string; title: string }>('SELECT id, title FROM pledge_templates WHERE id = $1 AND (agency_id IS NULL OR agency_id = $2)', [id, agencyId])).rows[0];
  if (!t) throw invalid('TEMPLATE_UNKNOWN', { id: 'Teks pernyataan tidak ditemukan untuk instansi ini.', en: 'Pledge text not found for this agency.' });
  return t;
}
