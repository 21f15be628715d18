import {
  ACT_CODES, ELECTIONS, assess, catalogueActs, findElection, isAssessmentInputError, parseIncident, parseLegislativeCandidateRows,
  parsePairRows, parsePartyRows, stagesForRegion, takesPart, timeZoneOfRegion, localDateInRegion, administrativeSanctions, type Assessment, type RulesOptions, type SanctionActor,
} from '@netra/rules';
import type { CandidateListKind } from '@netra/contracts';
import type { Readable } from 'node:stream';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { regionWithin, type Principal } from '../auth/domain/policy.ts';
import { openSheet, tooManyValues } from '../registry/file-readers.ts';

/** Maps the legal engine's input errors to a 400 that names the bad value. */
function toAppError(e: unknown, prefix = ''): never {
  if (isAssessmentInputError(e))
    throw new AppError(400, e.code, { id: `${prefix}${e.message.id}`, en: `${prefix}${e.message.en}` }, [{ path: e.field, message: e.message.en }]);
  throw e;
}

async function assertRegionExists(db: Queryable, code: string, prefix = '') {
  const r = await db.query('SELECT 1 FROM regions WHERE code = $1', [code]);
  if (!r.rowCount)
    throw new AppError(400, 'REGION_UNKNOWN', { id: `${prefix}Kode wilayah tidak dikenal: "${code}"`, en: `${prefix}Unknown region code: "${code}"` }, [{ path: 'regionCode', message: `Unknown region code: "${code}"` }]);
}

/**
 * One incident or an array of them -> assessments (same order). The whole batch is validated
 * first; an invalid item fails the call and names its position, field and value.
 */
export async function assessIncidents(db: Queryable, input: unknown, options: RulesOptions = {}): Promise<Assessment | Assessment[]> {
  const many = Array.isArray(input);
  const items = many ? (input as unknown[]) : [input];
  if (many && items.length > 1000) throw invalid('TOO_MANY_ITEMS', { id: 'Paling banyak 1000 kejadian per permintaan.', en: 'At most 1000 incidents per request.' });
  const incidents = [];
  for (const [i, item] of items.entries()) {
    const prefix = many ? `[${i}] ` : '';
    let incident;
    try {
      incident = parseIncident(item, options);
    } catch (e) {
      toAppError(e, prefix);
    }
    await assertRegionExists(db, incident.regionCode, prefix);
    incidents.push(incident);
  }
  const results = incidents.map((i) => assess(i, options));
  return many ? results : results[0]!;
}

export function listElections() {
  return ELECTIONS.map((e) => ({ id: e.id, kind: e.kind, regime: e.regime, name: e.name, source: e.source }));
}

/** The stages of an election as they apply in a region (per-region overrides), with "today" there. */
export async function electionTimeline(db: Queryable, electionId: string, regionCode: string, now: Date) {
  const election = findElection(electionId);
  if (!election) throw notFound('Pemilihan / Election', electionId);
  await assertRegionExists(db, regionCode);
  const tz = timeZoneOfRegion(regionCode) ?? 'WIB';
  const today = localDateInRegion(now, regionCode);
  return {
    election: { id: election.id, kind: election.kind, regime: election.regime, name: election.name, source: election.source },
    regionCode,
    timeZone: tz,
    today,
    takesPart: takesPart(election, regionCode),
    stages: stagesForRegion(election, regionCode, { includeContingent: true }).map((s) => ({
      id: s.id, name: s.name, start: s.start, end: s.end, role: s.role ?? null, contingent: !!s.contingent, source: s.source,
    })),
  };
}

export function listActs(options: RulesOptions = {}) {
  return catalogueActs(options.catalogue).map((a) => ({ ...a }));
}

/** Administrative sanctions available for an act, actor type and incident date (the recommendation form). */
export function listSanctions(q: { act: string; actorType: SanctionActor; date: string }, options: RulesOptions = {}) {
  const act = catalogueActs(options.catalogue).find((a) => a.code === q.act);
  if (!act) throw notFound('Bentuk pelanggaran / Act', q.act);
  return administrativeSanctions(act, q.actorType, q.date).map((o) => ({ id: o.id, name: o.name, level: o.level, kind: o.kind, source: o.source, unconfirmed: !!o.unconfirmed }));
}

export type CandidateKind = CandidateListKind;
type ImportOutcome = { inserted: number; updated: number; unchanged: number; rejected: number; errors: { row: number; column: string; code: string; message: string; messageId: string }[] };

/** A row that would write the list entry an earlier row of the same file wrote. */
class SameSlot extends Error {
  constructor(readonly row: number, readonly previous: number) {
    super('same list entry twice in one file');
  }
}

/** The grants that let a user import KPU lists: Bawaslu (supervisors) and system admins. */
const importGrants = (p: Principal) => p.grants.filter((g) => g.role === 'system_admin' || g.role === 'supervisor');

/**
 * Whether `who` may import list rows of a region: national importers any region (and rows without one,
 * i.e. national lists), others the rows inside their region.
 */
export function mayImportCandidates(who: Principal | 'system', regionCode: string | undefined): boolean {
  if (who === 'system') return true;
  return importGrants(who).some((g) => (!g.regionCode && !g.agencyId) || (g.regionCode !== null && regionCode !== undefined && regionWithin(regionCode, g.regionCode)));
}

/**
 * Imports a KPU list (parties, legislative candidates or pairs) for an election: all-or-nothing
 * unless skipInvalid; rows outside the importer's region scope are rejected.
 */
export async function importCandidates(
  deps: Deps,
  who: Principal | 'system',
  actor: Actor,
  input: { electionId: string; kind: CandidateKind; stream: Readable; dryRun: boolean; skipInvalid: boolean },
): Promise<ImportOutcome & { status: 'succeeded' | 'rejected' }> {
  if (who !== 'system' && !importGrants(who).length)
    throw new AppError(403, 'FORBIDDEN', { id: 'Hanya pengawas atau admin sistem yang dapat mengimpor daftar calon.', en: 'Only supervisors or system admins can import candidate lists.' });
  if (!findElection(input.electionId)) throw notFound('Pemilihan / Election', input.electionId);
  const sheet = await openSheet(input.stream);
  const raw: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  const errors: ImportOutcome['errors'] = [];
  let firstRow: number | null = null;
  let read = 0;
  for await (const batch of sheet.rows) {
    for (const r of batch) {
      firstRow ??= r.row;
      // the shared reader keeps values past the header's last column: an unquoted separator shifted this row
      if (r.extra) errors.push(tooManyValues(r.row, sheet.headers, r.extra));
      else {
        raw.push(r.values);
        rowNumbers.push(r.row);
      }
    }
    read += batch.length;
    if (read > 200_000) throw invalid('FILE_TOO_MANY_ROWS', { id: 'Paling banyak 200.000 baris.', en: 'At most 200,000 rows.' });
  }
  const parse = input.kind === 'party' ? parsePartyRows : input.kind === 'legislative' ? parseLegislativeCandidateRows : parsePairRows;
  const parsed = parse(raw, { firstRowNumber: firstRow ?? 2, rowNumbers, headers: sheet.headers });
  errors.push(...parsed.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: e.message.en, messageId: e.message.id })));
  const regionCodes = new Set((await deps.db.query<{ code: string }>("SELECT code FROM regions WHERE level IN ('province', 'regency')")).rows.map((r) => r.code));
  if (input.kind === 'party' && !mayImportCandidates(who, undefined))
    throw new AppError(403, 'FORBIDDEN', { id: 'Hanya pengguna nasional yang dapat mengimpor partai.', en: 'Only national users can import parties.' });
  const records = parsed.records.filter(({ row, value }) => {
    const region = 'regionCode' in value ? (value.regionCode as string | undefined) : undefined;
    if (region && !regionCodes.has(region)) {
      errors.push({ row, column: 'regionCode', code: 'REGION_UNKNOWN', message: `Unknown region code ${region}`, messageId: `Kode wilayah tidak dikenal ${region}` });
      return false;
    }
    if (!mayImportCandidates(who, region)) {
      errors.push({ row, column: 'regionCode', code: 'OUT_OF_SCOPE', message: `Region ${region ?? '(none)'} is outside your scope`, messageId: `Wilayah ${region ?? '(kosong)'} di luar cakupan Anda` });
      return false;
    }
    return true;
  });
  errors.sort((a, b) => a.row - b.row);
  const rejected = new Set(errors.map((e) => e.row)).size;
  if (rejected && !input.skipInvalid) return { status: 'rejected', inserted: 0, updated: 0, unchanged: 0, rejected, errors };
  const run = async (tx: Queryable) => {
    let inserted = 0;
    let updated = 0;
    // the file's duplicate check and the table's key are the same (region, chamber, district compared by
    // `districtKey` = dapil_key, party, number); should they ever drift apart, a row that lands on a candidate
    // this file already wrote is refused rather than silently replacing it
    const written = new Map<string, number>();
    for (const { row, value } of records) {
      const v = value as Record<string, string | number | undefined>;
      const res =
        input.kind === 'party'
          ? await tx.query<{ id: string; inserted: boolean }>(
              `INSERT INTO election_parties AS p (election_id, number, name, abbreviation) VALUES ($1, $2, $3, $4)
               ON CONFLICT (election_id, number) DO UPDATE SET name = excluded.name, abbreviation = excluded.abbreviation, updated_at = now()
                 WHERE (p.name, p.abbreviation) IS DISTINCT FROM (excluded.name, excluded.abbreviation)
               RETURNING number::text AS id, (xmax = 0) AS inserted`,
              [input.electionId, v.number, v.name, v.abbreviation],
            )
          : await tx.query<{ id: string; inserted: boolean }>(
              `INSERT INTO election_candidates AS c (election_id, kind, name, running_mate_name, party_number, chamber, electoral_district, region_code, ballot_number)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
               ON CONFLICT (election_id, kind, region_code, chamber, dapil_key, party_number, ballot_number) DO UPDATE
                 SET name = excluded.name, running_mate_name = excluded.running_mate_name, electoral_district = excluded.electoral_district, updated_at = now()
                 WHERE (c.name, c.running_mate_name, c.electoral_district) IS DISTINCT FROM (excluded.name, excluded.running_mate_name, excluded.electoral_district)
               RETURNING id::text AS id, (xmax = 0) AS inserted`,
              [
                input.electionId, input.kind, v.name ?? v.candidateName, v.runningMateName ?? null, v.partyNumber ?? null,
                v.chamber ?? null, v.electoralDistrict ?? '', v.regionCode ?? '', v.ballotNumber,
              ],
            );
      const r = res.rows[0];
      if (r) {
        const previous = written.get(r.id);
        if (previous !== undefined) throw new SameSlot(row, previous);
        written.set(r.id, row);
      }
      if (r?.inserted) inserted += 1;
      else if (r) updated += 1;
    }
    await appendAudit(tx, {
      actor, action: input.dryRun ? 'election.candidates_import_tested' : 'election.candidates_imported', entityType: 'election', entityId: input.electionId,
      details: { kind: input.kind, inserted, updated, rejected }, at: deps.clock.now(),
    });
    return { inserted, updated };
  };
  class DryRun extends Error {
    constructor(readonly counts: { inserted: number; updated: number }) {
      super('dry run');
    }
  }
  let counts: { inserted: number; updated: number };
  try {
    counts = await deps.db.transaction(async (tx) => {
      const c = await run(tx);
      if (input.dryRun) throw new DryRun(c);
      return c;
    });
  } catch (e) {
    if (e instanceof SameSlot) {
      const error = {
        row: e.row, column: '', code: 'DUPLICATE',
        message: `This row is the same list entry as row ${e.previous} (region, chamber, district, party and number)`,
        messageId: `Baris ini entri daftar yang sama dengan baris ${e.previous} (wilayah, lembaga, dapil, partai dan nomor urut)`,
      };
      const all = [...errors, error].sort((a, b) => a.row - b.row);
      return { status: 'rejected', inserted: 0, updated: 0, unchanged: 0, rejected: new Set(all.map((x) => x.row)).size, errors: all };
    }
    if (!(e instanceof DryRun)) throw e;
    counts = e.counts;
  }
  return { status: 'succeeded', ...counts, unchanged: records.length - counts.inserted - counts.updated, rejected, errors };
}

export async function listCandidates(db: Queryable, electionId: string, q: { kind?: 'legislative' | 'pair'; regionCode?: string; q?: string; page: number; pageSize: number }) {
  if (!findElection(electionId)) throw notFound('Pemilihan / Election', electionId);
  const params: unknown[] = [electionId];
  const where = ['election_id = $1'];
  if (q.kind) where.push(`kind = $${params.push(q.kind)}`);
  if (q.regionCode) where.push(`(region_code = $${params.push(q.regionCode)} OR region_code LIKE $${params.length} || '.%')`);
  if (q.q) where.push(`name ILIKE '%' || $${params.push(q.q.replace(/[%_\\]/g, '\\$&'))} || '%'`);
  const cond = where.join(' AND ');
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM election_candidates WHERE ${cond}`, params)).rows[0]!.n;
  const { rows } = await db.query<{ id: string; kind: 'legislative' | 'pair'; name: string; running_mate_name: string | null; party_number: number | null; chamber: string | null; electoral_district: string; region_code: string; ballot_number: number }>(
    `SELECT id, kind, name, running_mate_name, party_number, chamber, electoral_district, region_code, ballot_number
       FROM election_candidates WHERE ${cond} ORDER BY region_code, electoral_district, party_number NULLS FIRST, ballot_number LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return {
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, name: r.name, runningMateName: r.running_mate_name, partyNumber: r.party_number, chamber: r.chamber,
      electoralDistrict: r.electoral_district || null, regionCode: r.region_code || null, ballotNumber: r.ballot_number,
    })),
    page: q.page, pageSize: q.pageSize, total,
  };
}

export { ACT_CODES };
