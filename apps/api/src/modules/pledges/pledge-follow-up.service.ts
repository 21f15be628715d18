/**
 * Following a pledge campaign up: coverage broken down by unit (with drill-down), region and
 * employment type; the list of employees who have not signed (paged and exported); daily reminders;
 * and the signed-pledge PDF with its verification QR code.
 */
import { PassThrough, type Readable } from 'node:stream';
import { EMPLOYMENT_TYPES, type EmploymentType, type Permission, type PledgeCampaignSummary, type PledgePublicCampaign, type PledgeCoverage, type PledgeMissingEmployee, type PledgeMissingExportQuery, type PledgeMissingQuery, type PledgeReminderQuery, type PledgeReminderResult, type PledgeListItem, type PledgeListPage, type PledgeListQuery, type PledgeTimeline } from '@netra/contracts';
import { dateInWords, localDateInRegion, utcOffsetHoursOfRegion } from '@netra/rules';
import type { Deps } from '../../deps.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { appendAudit, sha256 } from '../../platform/audit.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { drainOutbox, enqueue, type Channel, type Notice } from '../../platform/notify.ts';
import { can, scopeSql, type Principal } from '../auth/domain/policy.ts';
import { COLS as EMPLOYEE_COLS } from '../registry/employee-scope.ts';
import { filterSql } from '../registry/employees.service.ts';
import { writeCsvTable, writeXlsxTable, type ExportTable } from '../registry/export-writers.ts';
import { EMPLOYMENT_TYPE_WORDS, IDENTITY_LABELS, checkPeriod, countsOf, dailySeries, employeeReminder, unitSummary } from './domain/pledge-rules.ts';
import { renderMissingList, renderPledgeDocument, type PledgeDocumentData } from './pledge-documents.ts';
import { SELF_SERVICE, coveredSql, day, deliverableTo, loadCampaign, usableChannels, type Campaign } from './pledges.service.ts';

/** Covered employees of campaign $1 (alias e), their unit (u) and standing pledge (p), limited by `scope`. */
const coveredFrom = (scope: string, joins = '') =>
  `FROM pledge_campaigns c JOIN employees e ON ${coveredSql('e')}
     LEFT JOIN units u ON u.id = e.unit_id
     LEFT JOIN pledges p ON p.campaign_id = c.id AND p.employee_id = e.id AND p.revoked_at IS NULL ${joins}
    WHERE c.id = $1 AND ${scope}`;

type UnitRow = { id: string; name: string; path: string; id_path: string };

/**
 * A unit of the campaign's agency inside the campaign's unit subtree that the caller's `perm` reaches,
 * else 404 (like an unknown unit). A unit-scoped grant reaches its own subtree and the units above it
 * (their figures shrink to the grant's subtree, so a unit admin can drill down from the agency's top);
 * a unit beside it is out of scope. The campaign's own unit is the view of the campaign itself, which
 * everyone who sees the campaign may open (with only the figures of their scope in it).
 */
async function unitOfCampaign(db: Queryable, p: Principal, perm: Permission, c: Campaign, unitId: string): Promise<UnitRow> {
  const params: unknown[] = [unitId, c.agency_id, c.unit_id_path ?? '/'];
  const reach = unitId === c.unit_id ? 'TRUE'
    : `EXISTS (SELECT 1 FROM units d JOIN agencies a ON a.id = d.agency_id
                WHERE d.agency_id = x.agency_id AND d.id_path LIKE x.id_path || '%'
                  AND ${scopeSql(p, perm, { region: 'a.region_code', agency: 'a.id', regionOverlap: true, unitIdPath: 'd.id_path' }, params)})`;
  const u = (await db.query<UnitRow>(
    `SELECT x.id, x.name, x.path, x.id_path FROM units x WHERE x.id = $1 AND x.agency_id = $2 AND x.id_path LIKE $3 || '%' AND ${reach}`, params,
  )).rows[0];
  if (!u) throw notFound('Unit', unitId);
  return u;
}

const byPath = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a.localeCompare(b));

// GROUPING(unit_path, type, child_id, region_code): a bit is set for each column a row is NOT grouped by
const GROUPED = { unitAndType: 0b0011, child: 0b1101, region: 0b1110, type: 0b1011, total: 0b1111 } as const;

/**
 * Brings a campaign's coverage cells (migration 0009) up to the agency's registry generation: when
 * the registry changed since they were built, they are rebuilt once from the raw tables under a lock
 * on the campaign row (signatures wait for it through their foreign key, so none is lost).
 */
export async function ensureCoverageCells(db: Db, campaignId: string): Promise<void> {
  const state = `SELECT c.cells_generation, coalesce(g.generation, 0)::bigint AS generation
                   FROM pledge_campaigns c LEFT JOIN registry_generations g ON g.agency_id = c.agency_id WHERE c.id = $1`;
  type State = { cells_generation: number | string | null; generation: number | string };
  const fresh = (r: State | undefined) => !r || (r.cells_generation !== null && Number(r.cells_generation) === Number(r.generation));
  if (fresh((await db.query<State>(state, [campaignId])).rows[0])) return;
  await db.transaction(async (tx) => {
    const r = (await tx.query<State>(`${state} FOR UPDATE OF c`, [campaignId])).rows[0];
    if (fresh(r)) return;
    await tx.query('DELETE FROM pledge_coverage_cells WHERE campaign_id = $1', [campaignId]);
    await tx.query(
      `INSERT INTO pledge_coverage_cells (campaign_id, unit_id, region_code, employment_type, required, signed)
       SELECT c.id, e.unit_id, e.region_code, e.employment_type, count(*)::int, count(p.id)::int
         FROM pledge_campaigns c JOIN employees e ON ${coveredSql('e')}
         LEFT JOIN pledges p ON p.campaign_id = c.id AND p.employee_id = e.id AND p.revoked_at IS NULL
        WHERE c.id = $1 GROUP BY c.id, e.unit_id, e.region_code, e.employment_type`,
      [campaignId],
    );
    await tx.query('UPDATE pledge_campaigns SET cells_generation = $2 WHERE id = $1', [campaignId, r!.generation]);
  });
}

/** The campaign's coverage cells (alias cell, unit cu) within the caller's registry scope. */
const cellsFrom = (scope: string) =>
  `FROM pledge_coverage_cells cell JOIN pledge_campaigns c ON c.id = cell.campaign_id LEFT JOIN units cu ON cu.id = cell.unit_id
    WHERE cell.campaign_id = $1 AND ${scope}`;
const CELL_COLS = { region: 'cell.region_code', agency: 'c.agency_id', unitIdPath: 'cu.id_path' };

/** The campaign in the caller's read scope, the unit its figures are rooted at (`unitId`, else the campaign's), its cells up to date. */
async function coverageRoot(deps: Deps, p: Principal, campaignId: string, unitId: string | undefined) {
  const c = await loadCampaign(deps.db, campaignId, { p, perm: 'registry.read' });
  const rootId = unitId ?? c.unit_id;
  const root = rootId ? await unitOfCampaign(deps.db, p, 'registry.read', c, rootId) : null;
  await ensureCoverageCells(deps.db, campaignId);
  return { c, root };
}

/**
 * Coverage within the caller's registry scope: totals and breakdowns by unit, region and employment
 * type, read from the coverage cells (a few hundred rows per campaign, whatever the registry's size).
 * The unit breakdown lists the direct children of the root (`unitId` to drill down, else the
 * campaign's unit, else the agency's top-level units) plus a `direct` row for the root's own staff.
 */
export async function coverage(deps: Deps, p: Principal, campaignId: string, q: { unitId?: string } = {}): Promise<PledgeCoverage> {
  const { c, root } = await coverageRoot(deps, p, campaignId, q.unitId);
  const params: unknown[] = [campaignId, root?.id_path ?? '/'];
  const scope = scopeSql(p, 'registry.read', CELL_COLS, params);
  const { rows } = await deps.db.query<{ g: number; unit_path: string | null; type: EmploymentType | null; child_id: string | null; region_code: string | null; required: number; signed: number }>(
    `WITH cov AS (
       SELECT cu.path AS unit_path, cell.employment_type AS type, cell.region_code, cell.required, cell.signed,
              NULLIF(split_part(substr(cu.id_path, length($2) + 1), '/', 1), '') AS child_id
       ${cellsFrom(scope)} ${root ? `AND cu.id_path LIKE $2 || '%'` : ''})
     SELECT GROUPING(unit_path, type, child_id, region_code)::int AS g, unit_path, type, child_id, region_code,
            coalesce(sum(required), 0)::int AS required, coalesce(sum(signed), 0)::int AS signed
       FROM cov GROUP BY GROUPING SETS ((unit_path, type), (child_id), (region_code), (type), ())`, params,
  );
  const of = (g: number) => rows.filter((r) => r.g === g);
  const childIds = of(GROUPED.child).flatMap((r) => (r.child_id ? [r.child_id] : []));
  const units = new Map((await deps.db.query<{ id: string; name: string; path: string; has_children: boolean }>(
    'SELECT x.id, x.name, x.path, EXISTS (SELECT 1 FROM units k WHERE k.parent_id = x.id) AS has_children FROM units x WHERE x.id = ANY($1::uuid[])', [childIds],
  )).rows.map((u) => [u.id, u]));
  const regionCodes = of(GROUPED.region).map((r) => r.region_code!);
  const regions = new Map((await deps.db.query<{ code: string; name: string }>('SELECT code, name FROM regions WHERE code = ANY($1::text[])', [regionCodes])).rows.map((r) => [r.code, r.name]));
  const total = of(GROUPED.total)[0] ?? { required: 0, signed: 0 };
  return {
    campaign: { id: c.id, title: c.title, opensOn: day(c.opens_on), closesOn: day(c.closes_on) },
    unit: root && { id: root.id, name: root.name, path: root.path },
    total: countsOf(total),
    rows: of(GROUPED.unitAndType)
      .sort((a, b) => byPath(a.unit_path, b.unit_path) || a.type!.localeCompare(b.type!))
      .map((r) => ({ unit: r.unit_path, type: r.type!, ...countsOf(r) })),
    byUnit: of(GROUPED.child)
      .map((r) => {
        const u = r.child_id ? units.get(r.child_id) : undefined;
        const shown = r.child_id ? u : root;
        return { unitId: r.child_id ?? root?.id ?? null, name: shown?.name ?? null, path: shown?.path ?? null, direct: !r.child_id, hasChildren: u?.has_children ?? false, ...countsOf(r) };
      })
      .sort((a, b) => Number(b.direct) - Number(a.direct) || byPath(a.path, b.path)),
    byRegion: of(GROUPED.region)
      .map((r) => ({ regionCode: r.region_code!, regionName: regions.get(r.region_code!) ?? null, ...countsOf(r) }))
      .sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
    byEmploymentType: of(GROUPED.type)
      .map((r) => ({ type: r.type!, ...countsOf(r) }))
      .sort((a, b) => EMPLOYMENT_TYPES.indexOf(a.type) - EMPLOYMENT_TYPES.indexOf(b.type)),
  };
}

/** Campaigns whose agency the caller can read, newest first, each with its coverage in the caller's scope. */
export async function listCampaigns(deps: Deps, p: Principal): Promise<PledgeCampaignSummary[]> {
  const params: unknown[] = [];
  const visible = scopeSql(p, 'registry.read', { region: 'a.region_code', agency: 'a.id', regionOverlap: true, ignoreUnit: true }, params);
  const { rows } = await deps.db.query<{ id: string; title: string; agency_id: string; agency_name: string; region_code: string; election_id: string; unit_id: string | null; unit_name: string | null; employment_types: EmploymentType[]; opens_on: string | Date; closes_on: string | Date }>(
    `SELECT c.id, c.title, c.agency_id, a.name AS agency_name, a.region_code, c.election_id, c.unit_id, u.name AS unit_name, c.employment_types, c.opens_on, c.closes_on
       FROM pledge_campaigns c JOIN agencies a ON a.id = c.agency_id LEFT JOIN units u ON u.id = c.unit_id
      WHERE ${visible} ORDER BY c.opens_on DESC, c.created_at DESC LIMIT 200`, params,
  );
  const now = deps.clock.now();
  for (const c of rows) await ensureCoverageCells(deps.db, c.id);
  // one aggregate over the cells of every listed campaign, in the caller's scope
  const cp: unknown[] = [rows.map((c) => c.id)];
  const counts = new Map((await deps.db.query<{ campaign_id: string; required: number; signed: number }>(
    `SELECT cell.campaign_id, sum(cell.required)::int AS required, sum(cell.signed)::int AS signed
       FROM pledge_coverage_cells cell JOIN pledge_campaigns c ON c.id = cell.campaign_id LEFT JOIN units cu ON cu.id = cell.unit_id
      WHERE cell.campaign_id = ANY($1::uuid[]) AND ${scopeSql(p, 'registry.read', CELL_COLS, cp)} GROUP BY cell.campaign_id`, cp,
  )).rows.map((r) => [r.campaign_id, r]));
  return rows.map((c) => ({
    id: c.id, title: c.title, agencyId: c.agency_id, agencyName: c.agency_name, electionId: c.election_id, unitId: c.unit_id, unitName: c.unit_name,
    employmentTypes: c.employment_types, opensOn: day(c.opens_on), closesOn: day(c.closes_on), open: isOpen(c, now),
    ...countsOf(counts.get(c.id) ?? { required: 0, signed: 0 }),
  }));
}

/** Signing is possible today in the agency's local time (the same rule the signing refuses by). */
const isOpen = (c: { region_code: string; opens_on: string | Date; closes_on: string | Date }, now: Date) =>
  !checkPeriod({ today: localDateInRegion(now, c.region_code), opensOn: day(c.opens_on), closesOn: day(c.closes_on) });

/**
 * Coverage over time: standing signatures of covered employees in the caller's scope (and unit
 * subtree) per local signing day, every day of the period up to today, with the running total.
 */
export async function timeline(deps: Deps, p: Principal, campaignId: string, q: { unitId?: string } = {}): Promise<PledgeTimeline> {
  const { c, root } = await coverageRoot(deps, p, campaignId, q.unitId);
  const rp: unknown[] = [campaignId];
  const cellScope = scopeSql(p, 'registry.read', CELL_COLS, rp);
  if (root) rp.push(root.id_path);
  const required = (await deps.db.query<{ n: number }>(
    `SELECT coalesce(sum(cell.required), 0)::int AS n ${cellsFrom(cellScope)} ${root ? `AND cu.id_path LIKE $${rp.length} || '%'` : ''}`, rp,
  )).rows[0]!.n;
  const params: unknown[] = [campaignId, utcOffsetHoursOfRegion(c.region_code)];
  const scope = scopeSql(p, 'registry.read', EMPLOYEE_COLS, params);
  if (root) params.push(root.id_path);
  const counts = (await deps.db.query<{ date: string; n: number }>(
    `SELECT to_char((p.signed_at AT TIME ZONE 'UTC') + $2 * interval '1 hour', 'YYYY-MM-DD') AS date, count(*)::int AS n
       FROM pledges p JOIN pledge_campaigns c ON c.id = p.campaign_id JOIN employees e ON e.id = p.employee_id LEFT JOIN units eu ON eu.id = e.unit_id
      WHERE p.campaign_id = $1 AND p.revoked_at IS NULL AND ${coveredSql('e')} AND ${scope} ${root ? `AND eu.id_path LIKE $${params.length} || '%'` : ''}
      GROUP BY 1`, params,
  )).rows;
  const today = localDateInRegion(deps.clock.now(), c.region_code);
  const closes = day(c.closes_on);
  return { required, days: dailySeries(counts, day(c.opens_on), today < closes ? today : closes) };
}

/** What anyone opening the signing link sees: the text to be signed, its hash, the agency and the period. */
export async function publicCampaign(deps: Deps, id: string): Promise<PledgePublicCampaign> {
  const c = await loadCampaign(deps.db, id);
  return { id: c.id, title: c.title, agency: c.agency_name, opensOn: day(c.opens_on), closesOn: day(c.closes_on), open: isOpen(c, deps.clock.now()), body: c.body, contentHash: c.content_hash };
}

type MissingRow = { id: string; nip: string; name: string; employment_type: EmploymentType; position: string | null; unit_id: string | null; unit_path: string | null; region_code: string; has_contact: boolean; sort_path: string };

const MISSING_SELECT = `SELECT e.id, coalesce(e.nip, e.internal_id) AS nip, e.name, e.employment_type, e.position, e.unit_id, u.path AS unit_path, e.region_code,
  coalesce(u.path, '') AS sort_path,
  EXISTS (SELECT 1 FROM employee_contacts ct WHERE ct.employee_id = e.id AND (ct.email IS NOT NULL OR ct.phone IS NOT NULL)) AS has_contact`;
const MISSING_ORDER = `ORDER BY coalesce(u.path, ''), e.name, e.id`;

const toMissing = (r: MissingRow): PledgeMissingEmployee => ({
  employeeId: r.id, nip: r.nip, name: r.name, employmentType: r.employment_type, position: r.position, unitId: r.unit_id, unitPath: r.unit_path, regionCode: r.region_code, hasContact: r.has_contact,
});

/** WHERE of the missing list: campaign $1, the caller's `perm` scope, no standing pledge, filters. */
function missingWhere(p: Principal, perm: 'registry.read' | 'registry.export', q: { unitId?: string; q?: string }, params: unknown[]) {
  const scope = scopeSql(p, perm, EMPLOYEE_COLS, params);
  return [coveredFrom(scope), 'AND p.id IS NULL', ...filterSql({ unitId: q.unitId, q: q.q }, params).map((f) => `AND ${f}`)].join(' ');
}

async function checkMissingQuery(deps: Deps, p: Principal, campaignId: string, perm: 'registry.read' | 'registry.export', unitId: string | undefined) {
  const c = await loadCampaign(deps.db, campaignId, { p, perm });
  if (unitId) await unitOfCampaign(deps.db, p, perm, c, unitId);
  return c;
}

/** Covered employees in the caller's scope who have not signed, a page at a time. */
export async function listMissing(deps: Deps, p: Principal, campaignId: string, q: PledgeMissingQuery) {
  await checkMissingQuery(deps, p, campaignId, 'registry.read', q.unitId);
  const params: unknown[] = [campaignId];
  const from = missingWhere(p, 'registry.read', q, params);
  const total = (await deps.db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params)).rows[0]!.n;
  const rows = (await deps.db.query<MissingRow>(`${MISSING_SELECT} ${from} ${MISSING_ORDER} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`, params)).rows;
  return { items: rows.map(toMissing), page: q.page, pageSize: q.pageSize, total };
}

/**
 * The campaign's pledges in the caller's scope, newest first: standing and revoked ones, also of
 * employees the campaign no longer covers (a pledge signed before a move can still be revoked or
 * reprinted), each marked `covered`; with the summary of the whole view, so the list's figures can
 * be read against the coverage (which counts only the covered).
 */
export async function listSigned(deps: Deps, p: Principal, campaignId: string, q: PledgeListQuery): Promise<PledgeListPage> {
  await checkMissingQuery(deps, p, campaignId, 'registry.read', q.unitId);
  const params: unknown[] = [campaignId];
  const view = ['p.campaign_id = $1', scopeSql(p, 'registry.read', EMPLOYEE_COLS, params), ...filterSql({ unitId: q.unitId }, params)];
  const where = [...view, ...filterSql({ q: q.q }, params)];
  if (q.status) where.push(q.status === 'revoked' ? 'p.revoked_at IS NOT NULL' : 'p.revoked_at IS NULL');
  const joins = 'FROM pledges p JOIN pledge_campaigns c ON c.id = p.campaign_id JOIN employees e ON e.id = p.employee_id LEFT JOIN units u ON u.id = e.unit_id';
  const from = `${joins} WHERE ${where.join(' AND ')}`;
  const covered = `(${coveredSql('e')})`;
  const counts = (await deps.db.query<{ total: number; standing: number; standing_not_covered: number; revoked: number }>(
    `SELECT (count(*) FILTER (WHERE ${where.slice(view.length).join(' AND ') || 'TRUE'}))::int AS total,
            (count(*) FILTER (WHERE p.revoked_at IS NULL))::int AS standing,
            (count(*) FILTER (WHERE p.revoked_at IS NULL AND NOT ${covered}))::int AS standing_not_covered,
            (count(*) FILTER (WHERE p.revoked_at IS NOT NULL))::int AS revoked
       ${joins} WHERE ${view.join(' AND ')}`, params)).rows[0]!;
  const rows = (await deps.db.query<{ id: string; employee_id: string; nip: string; name: string; employment_type: PledgeListItem['employmentType']; unit_path: string | null; signed_at: Date; method: PledgeListItem['method']; verify_code: string; revoked_at: Date | null; revoke_reason: string | null; covered: boolean }>(
    `SELECT p.id, e.id AS employee_id, coalesce(e.nip, e.internal_id) AS nip, e.name, e.employment_type, u.path AS unit_path, p.signed_at, p.method, p.verify_code, p.revoked_at, p.revoke_reason,
            ${covered} AS covered
       ${from} ORDER BY p.signed_at DESC, p.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`, params)).rows;
  return {
    items: rows.map((r) => ({
      id: r.id, employeeId: r.employee_id, nip: r.nip, name: r.name, employmentType: r.employment_type, unitPath: r.unit_path, signedAt: new Date(r.signed_at).toISOString(),
      method: r.method, verifyCode: r.verify_code, revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null, revokeReason: r.revoke_reason, covered: r.covered,
    })),
    page: q.page, pageSize: q.pageSize, total: counts.total,
    summary: { standing: counts.standing, standingNotCovered: counts.standing_not_covered, revoked: counts.revoked },
  };
}

/** The whole missing list in keyset pages (unit path, name, id), so memory stays flat. */
async function* missingRows(deps: Deps, p: Principal, campaignId: string, q: { unitId?: string; q?: string }): AsyncGenerator<PledgeMissingEmployee> {
  let after: [string, string, string] | null = null;
  for (;;) {
    const params: unknown[] = [campaignId];
    let from = missingWhere(p, 'registry.export', q, params);
    if (after) from += ` AND (coalesce(u.path, ''), e.name, e.id) > ($${params.push(after[0])}, $${params.push(after[1])}, $${params.push(after[2])}::uuid)`;
    const rows = (await deps.db.query<MissingRow>(`${MISSING_SELECT} ${from} ${MISSING_ORDER} LIMIT 2000`, params)).rows;
    for (const r of rows) yield toMissing(r);
    const last = rows.at(-1);
    if (!last || rows.length < 2000) return;
    after = [last.sort_path, last.name, last.id];
  }
}

/** Export columns: identification and placement only; contact data is never exported. */
const MISSING_TABLE: ExportTable<PledgeMissingEmployee> = {
  sheet: 'Belum menandatangani',
  columns: [
    { header: 'nip', get: (e) => e.nip },
    { header: 'nama', get: (e) => e.name, wide: true },
    { header: 'jenis', get: (e) => EMPLOYMENT_TYPE_WORDS[e.employmentType] },
    { header: 'jabatan', get: (e) => e.position ?? '' },
    { header: 'unit', get: (e) => e.unitPath ?? '', wide: true },
    { header: 'kode_wilayah', get: (e) => e.regionCode },
  ],
};

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/** Exports the missing list (audited); CSV and XLSX stream, the PDF is a printable table. */
export async function exportMissing(deps: Deps, p: Principal, campaignId: string, q: PledgeMissingExportQuery): Promise<{ fileName: string; contentType: string; body: Readable | Buffer }> {
  if (!can(p, 'registry.export')) throw forbidden();
  const c = await checkMissingQuery(deps, p, campaignId, 'registry.export', q.unitId);
  const now = deps.clock.now();
  await deps.db.transaction((tx) => appendAudit(tx, { actor: actorOf(p), action: 'pledge.missing_exported', entityType: 'pledge_campaign', entityId: c.id, details: { format: q.format, unitId: q.unitId ?? null, q: q.q ?? null }, at: now }));
  const fileName = `belum-menandatangani-${c.id.slice(0, 8)}-${now.toISOString().slice(0, 10)}.${q.format}`;
  const rows = missingRows(deps, p, c.id, q);
  if (q.format === 'pdf')
    return { fileName, contentType: CONTENT_TYPES.pdf, body: Buffer.from(await renderMissingList({ campaignTitle: c.title, agency: c.agency_name, regionCode: c.region_code, generatedAt: now, rows })) };
  const out = new PassThrough();
  void (q.format === 'csv' ? writeCsvTable(rows, MISSING_TABLE, out) : writeXlsxTable(rows, MISSING_TABLE, out)).catch((err: unknown) => {
    deps.logger.error({ err, campaignId: c.id }, 'missing-list export failed');
    out.destroy(err as Error);
  });
  return { fileName, contentType: CONTENT_TYPES[q.format], body: out };
}

type ReminderCounts = Omit<PledgeReminderResult, 'alreadySent' | 'localDate' | 'message'>;

/**
 * What a reminder run did, in both languages: notices are queued (the background sender delivers
 * them); who could not be reached on a channel this server delivers on; and when some units get no
 * summary, why: summaries go only to unit_admin accounts with a deliverable e-mail or phone number.
 */
function reminderMessage(r: ReminderCounts, unit: { path: string } | null) {
  const at = unit ? ` (${unit.path})` : '';
  const id = [`${r.employeesReminded} pengingat dan ${r.summaries} rekap unit diantrekan untuk dikirim${at}; ${r.withoutContact} pegawai tanpa kontak terdaftar.`];
  const en = [`${r.employeesReminded} reminders and ${r.summaries} unit summaries queued for sending${at}; ${r.withoutContact} employees have no registered contact.`];
  const channel = r.unavailableChannel === 'whatsapp' ? 'WhatsApp' : 'email';
  if (r.unreachable > 0) {
    id.push(`${r.unreachable} pegawai tidak diingatkan: kontak terdaftarnya hanya ${channel}, dan pengiriman ${channel} belum diaktifkan di server ini.`);
    en.push(`${r.unreachable} employees were not reminded: their only registered contact is ${channel}, and ${channel} delivery is not set up on this server.`);
  }
  if (r.unitsWithoutContact > 0) {
    id.push(`Rekap unit hanya dikirim ke akun admin unit yang memiliki email atau nomor WhatsApp; ${r.unitsWithoutContact} unit dengan pegawai yang belum menandatangani tidak memiliki akun seperti itu${r.unitAdminsWithoutContact ? ` (${r.unitAdminsWithoutContact} akun admin unit belum mencantumkan kontak)` : ''}.`);
    en.push(`Unit summaries go only to unit admin accounts with an e-mail or WhatsApp number; ${r.unitsWithoutContact} units with staff who have not signed have no such account${r.unitAdminsWithoutContact ? ` (${r.unitAdminsWithoutContact} unit admin accounts have no contact)` : ''}.`);
  }
  if (r.unitAdminsUnreachable > 0) {
    id.push(`${r.unitAdminsUnreachable} akun admin unit tidak menerima rekap: kontaknya hanya ${channel}, yang belum dapat dikirimi oleh server ini.`);
    en.push(`${r.unitAdminsUnreachable} unit admin accounts get no summary: their only contact is ${channel}, which this server cannot deliver on.`);
  }
  return { id: id.join(' '), en: en.join(' ') };
}

/** One notice per person, on a channel this server delivers on (e-mail first, else WhatsApp); null when none reaches them. */
const noticeTo = (channels: Record<Channel, boolean>, to: { email: string | null; phone: string | null }, text: { subject: string; body: string }): Notice | null => {
  const on = deliverableTo(channels, to);
  return on && { ...on, ...text };
};

const NOTHING_SENT = { employeesReminded: 0, withoutContact: 0, unreachable: 0, summaries: 0, unitsWithoutContact: 0, unitAdminsWithoutContact: 0, unitAdminsUnreachable: 0 };

/**
 * Reminds every covered employee who has not signed (in the caller's scope; with `unitId`, only the
 * staff of that unit subtree, as the campaign page drilled into it shows) and has a contact this
 * server can deliver on (e-mail first, else WhatsApp), and sends each unit admin a count for their
 * unit. The registry has no "head of unit" field (the demo only gives heads a position title), so unit
 * summaries go to the accounts holding a unit_admin grant on that unit. Once a day per campaign: a run
 * is refused as already sent when a run that local day covered the whole campaign or a unit above, and
 * the staff of units inside it that a run covered already are not reminded twice. The campaign row is
 * held while this is decided, so concurrent runs see each other.
 */
export async function sendReminders(deps: Deps, p: Principal, campaignId: string, q: PledgeReminderQuery = {}): Promise<PledgeReminderResult> {
  const now = deps.clock.now();
  const channels = usableChannels(deps);
  const unavailableChannel = !channels.email ? 'email' : !channels.whatsapp ? 'whatsapp' : null;
  const result = await deps.db.transaction(async (tx): Promise<PledgeReminderResult> => {
    const c = await loadCampaign(tx, campaignId, { p, perm: 'agencies.manage' });
    const root = q.unitId && q.unitId !== c.unit_id ? await unitOfCampaign(tx, p, 'agencies.manage', c, q.unitId) : null;
    const localDate = localDateInRegion(now, c.region_code);
    const closed = checkPeriod({ today: localDate, opensOn: day(c.opens_on), closesOn: day(c.closes_on) });
    if (closed) throw new AppError(400, closed.code, closed.message);
    if (!channels.email && !channels.whatsapp)
      throw conflict('PLEDGE_REMINDER_CHANNEL_UNAVAILABLE', {
        id: 'Pengingat tidak dapat dikirim: pengiriman email dan WhatsApp belum diaktifkan di server ini. Tidak ada yang diantrekan.',
        en: 'Reminders cannot be sent: neither e-mail nor WhatsApp delivery is set up on this server. Nothing was queued.',
      });
    // NO KEY UPDATE: runs of this campaign wait for each other; signatures (a key share through their foreign key) do not
    await tx.query('SELECT 1 FROM pledge_campaigns WHERE id = $1 FOR NO KEY UPDATE', [c.id]);
    const earlier = (await tx.query<{ unit_id: string | null; id_path: string | null }>(
      'SELECT r.unit_id, u.id_path FROM pledge_reminder_runs r LEFT JOIN units u ON u.id = r.unit_id WHERE r.campaign_id = $1 AND r.local_date = $2', [c.id, localDate],
    )).rows;
    const covered = earlier.some((r) => r.unit_id === null || (root !== null && root.id_path.startsWith(r.id_path!)));
    const run = covered ? undefined : (await tx.query<{ id: string }>(
      'INSERT INTO pledge_reminder_runs (campaign_id, local_date, sent_by, unit_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id', [c.id, localDate, p.userId, root?.id ?? null],
    )).rows[0];
    if (!run)
      return { alreadySent: true, localDate, ...NOTHING_SENT, unavailableChannel,
        message: {
          id: `Pengingat ${root ? `untuk ${root.path}` : 'kampanye ini'} sudah diantrekan hari ini (${dateInWords(localDate, 'id')}); tidak ada yang diantrekan ulang.`,
          en: `Reminders ${root ? `for ${root.path}` : 'for this campaign'} were already queued today (${dateInWords(localDate, 'en')}); nothing was queued again.`,
        } };
    const text = { title: c.title, closesOn: day(c.closes_on), agency: c.agency_name, publicBase: `${deps.config.publicUrl}/tandatangan/${c.id}` };
    const params: unknown[] = [c.id];
    // the view: the caller's scope, within the unit asked for
    let within = scopeSql(p, 'agencies.manage', EMPLOYEE_COLS, params);
    const rootPath = root ? `$${params.push(root.id_path)}` : '';
    if (root) within += ` AND u.id_path LIKE ${rootPath} || '%'`;
    // the units (inside this one) a run covered earlier today: their staff were reminded and their admins summarised already
    const done = earlier.length ? `$${params.push(earlier.map((r) => `${r.id_path}%`))}::text[]` : null;
    const toRemind = done ? `${within} AND NOT (coalesce(u.id_path, '') LIKE ANY(${done}))` : within;
    const missing = (await tx.query<{ email: string | null; phone: string | null }>(
      `SELECT ct.email, ct.phone ${coveredFrom(toRemind, 'LEFT JOIN employee_contacts ct ON ct.employee_id = e.id')} AND p.id IS NULL`, params,
    )).rows;
    const reminder = employeeReminder(text);
    const toEmployees = missing.flatMap((m) => noticeTo(channels, m, reminder) ?? []);
    const withoutContact = missing.filter((m) => !m.email && !m.phone).length;
    // summaries: a unit admin's unit (within the unit asked for), or the unit asked for when the admin's lies above it
    const unitAdmins = 'grants g JOIN users us ON us.id = g.user_id AND us.active JOIN units gu ON gu.id = g.unit_id';
    const isUnitAdmin = `g.role = 'unit_admin' AND gu.agency_id = $${params.push(c.agency_id)}`;
    const deliverable = `(${[channels.email && 'us.email IS NOT NULL', channels.whatsapp && 'us.phone IS NOT NULL'].filter(Boolean).join(' OR ')})`;
    const hasContact = '(us.email IS NOT NULL OR us.phone IS NOT NULL)';
    // why summaries may be few or none: units with staff to remind that no unit admin with a deliverable contact covers, and the
    // admins over them without one (asked before the summaries' own parameters are added: a statement must use all it is given)
    const unreached = (await tx.query<{ units: number; admins: number; unreachable: number }>(
      `WITH gap AS (SELECT DISTINCT u.id, u.id_path ${coveredFrom(toRemind)} AND p.id IS NULL AND u.id IS NOT NULL),
            over AS (SELECT DISTINCT us.id, ${hasContact} AS has_contact FROM ${unitAdmins}
                      WHERE ${isUnitAdmin} AND NOT ${deliverable} AND EXISTS (SELECT 1 FROM gap WHERE gap.id_path LIKE gu.id_path || '%'))
       SELECT (SELECT count(*) FROM gap WHERE NOT EXISTS (SELECT 1 FROM ${unitAdmins} WHERE ${isUnitAdmin} AND ${deliverable} AND gap.id_path LIKE gu.id_path || '%'))::int AS units,
              (SELECT count(*) FROM over WHERE NOT has_contact)::int AS admins,
              (SELECT count(*) FROM over WHERE has_contact)::int AS unreachable`, params,
    )).rows[0]!;
    const notSummarised = done ? `AND NOT (gu.id_path LIKE ANY(${done}))` : '';
    const below = `length(gu.id_path) >= length(${rootPath})`;
    const summaryUnit = root
      ? `CASE WHEN ${below} THEN gu.id ELSE $${params.push(root.id)}::uuid END AS unit_id, CASE WHEN ${below} THEN gu.path ELSE $${params.push(root.path)} END AS unit_path`
      : 'gu.id AS unit_id, gu.path AS unit_path';
    const admins = (await tx.query<{ email: string | null; phone: string | null; unit_id: string; unit_path: string; missing: number; required: number }>(
      `WITH cov AS (SELECT u.id_path, p.id IS NULL AS missing ${coveredFrom(within)})
       SELECT us.email, us.phone, ${summaryUnit}, (count(*) FILTER (WHERE cov.missing))::int AS missing, count(*)::int AS required
         FROM ${unitAdmins} JOIN cov ON cov.id_path LIKE gu.id_path || '%'
        WHERE ${isUnitAdmin} AND ${deliverable} ${notSummarised}
        GROUP BY g.id, us.email, us.phone, gu.id, gu.path, gu.id_path HAVING count(*) FILTER (WHERE cov.missing) > 0`, params,
    )).rows;
    const toAdmins = admins.flatMap((a) => noticeTo(channels, a, unitSummary({
      ...text, unitPath: a.unit_path, missing: a.missing, required: a.required, missingUrl: `${deps.config.publicUrl}/pledges/${c.id}?unit=${a.unit_id}`,
    })) ?? []);
    await enqueue(tx, [...toEmployees, ...toAdmins]);
    const counts: ReminderCounts = {
      employeesReminded: toEmployees.length, withoutContact, unreachable: missing.length - toEmployees.length - withoutContact, summaries: toAdmins.length,
      unitsWithoutContact: unreached.units, unitAdminsWithoutContact: unreached.admins, unitAdminsUnreachable: unreached.unreachable, unavailableChannel,
    };
    await tx.query('UPDATE pledge_reminder_runs SET employees_reminded = $2, without_contact = $3, summaries = $4, unreachable = $5 WHERE id = $1',
      [run.id, counts.employeesReminded, counts.withoutContact, counts.summaries, counts.unreachable]);
    await appendAudit(tx, { actor: actorOf(p), action: 'pledge.reminders_sent', entityType: 'pledge_campaign', entityId: c.id, details: { localDate, unitId: root?.id ?? null, ...counts }, at: now });
    return { alreadySent: false, localDate, ...counts, message: reminderMessage(counts, root) };
  });
  if (!result.alreadySent) void drainOutbox(deps.db, deps.notifier, (err) => deps.logger.error({ err }, 'reminder delivery failed'));
  return result;
}

type DocumentRow = {
  id: string; signed_at: Date; method: PledgeDocumentData['method']; content_hash: string; emeterai_serial: string | null; verify_code: string; revoked_at: Date | null;
  name: string; nip: string; employment_type: EmploymentType; position: string | null; unit_path: string | null; agency: string; region_code: string; campaign_title: string; title: string; body: string;
};

const DOCUMENT_SELECT = `SELECT p.id, p.signed_at, p.method, p.content_hash, p.emeterai_serial, p.verify_code, p.revoked_at, e.name,
    coalesce(e.nip, e.internal_id) AS nip, e.employment_type, e.position, u.path AS unit_path, a.name AS agency, a.region_code, c.title AS campaign_title, t.title, t.body
  FROM pledges p JOIN employees e ON e.id = p.employee_id JOIN pledge_campaigns c ON c.id = p.campaign_id
  JOIN pledge_templates t ON t.id = c.template_id JOIN agencies a ON a.id = c.agency_id LEFT JOIN units u ON u.id = e.unit_id`;

const toDocument = (r: DocumentRow): PledgeDocumentData => ({
  title: r.title, body: r.body, agency: r.agency, regionCode: r.region_code, campaignTitle: r.campaign_title, employeeName: r.name, employeeId: r.nip, employeeIdLabel: IDENTITY_LABELS[r.employment_type], position: r.position, unitPath: r.unit_path,
  signedAt: new Date(r.signed_at), method: r.method, contentHash: r.content_hash, emeteraiSerial: r.emeterai_serial, verifyCode: r.verify_code, revokedAt: r.revoked_at && new Date(r.revoked_at),
});

/** The signed pledge as a PDF, for admins whose registry write scope holds the employee, and the employee themself. */
export async function issuePledgeDocument(deps: Deps, p: Principal, pledgeId: string): Promise<Uint8Array> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const params: unknown[] = [pledgeId];
    const scope = `(${scopeSql(p, 'registry.write', EMPLOYEE_COLS, params)} OR ${scopeSql(p, 'self.read', EMPLOYEE_COLS, params)})`;
    const r = (await tx.query<DocumentRow>(`${DOCUMENT_SELECT} WHERE p.id = $1 AND ${scope}`, params)).rows[0];
    if (!r) throw notFound('Pernyataan / Pledge', pledgeId);
    const pdf = await renderPledgeDocument(toDocument(r), deps.config.publicUrl, now);
    await appendAudit(tx, { actor: actorOf(p), action: 'pledge.document_issued', entityType: 'pledge', entityId: r.id, at: now });
    return pdf;
  });
}

/** The self-service signer's one download of the signed PDF, with the token from the signing response. */
export async function downloadSignedPledge(deps: Deps, token: string): Promise<{ pdf: Uint8Array; verifyCode: string }> {
  const now = deps.clock.now();
  const out = await deps.db.transaction(async (tx) => {
    const used = (await tx.query<{ pledge_id: string }>(
      'UPDATE pledge_download_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING pledge_id', [sha256(token.trim()), now],
    )).rows[0];
    if (!used) return null;
    const r = (await tx.query<DocumentRow>(`${DOCUMENT_SELECT} WHERE p.id = $1`, [used.pledge_id])).rows[0]!;
    const pdf = await renderPledgeDocument(toDocument(r), deps.config.publicUrl, now);
    await appendAudit(tx, { actor: SELF_SERVICE, action: 'pledge.document_downloaded', entityType: 'pledge', entityId: r.id, at: now });
    return { pdf, verifyCode: r.verify_code };
  });
  if (!out)
    throw invalid('PLEDGE_DOWNLOAD_TOKEN_INVALID', {
      id: 'Tautan unduhan tidak berlaku (sudah dipakai atau kedaluwarsa). Periksa pernyataan dengan kode verifikasinya, atau minta dokumen kepada admin unit.',
      en: 'The download token is not valid (already used or expired). Check the pledge with its verification code, or ask the unit admin for the document.',
    });
  return out;
}
