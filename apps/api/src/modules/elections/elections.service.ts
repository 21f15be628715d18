import {
  ACT_CODES, ELECTIONS, assess, catalogueActs, findElection, isAssessmentInputError, listKindRefusal, pairRegionRefusal, parseIncident, parseLegislativeCandidateRows,
  parsePairRows, parsePartyRows, stagesForRegion, takesPart, timeZoneOfRegion, localDateInRegion, administrativeSanctions, withPublicSource, publicAct, publicAssessment,
  type PublicAssessment, type RulesOptions, type SanctionActor,
} from '@netra/rules';
import { CANDIDATE_TEMPLATES, normalizePersonName, type CandidateListKind, type CandidateTemplateKind } from '@netra/contracts';
import type { Readable } from 'node:stream';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { regionWithin, type Principal } from '../auth/domain/policy.ts';
import { openSheet, tooManyValues } from '../registry/file-readers.ts';
import { sameWrittenName } from '../conflicts/domain/matcher.ts';

/** Maps the legal engine's input errors to a 400 that names the bad value. */
function toAppError(e: unknown, prefix = ''): never {
  if (isAssessmentInputError(e))
    throw new AppError(400, e.code, { id: `${prefix}${e.message.id}`, en: `${prefix}${e.message.en}` }, [{ path: e.field, message: e.message.en, messageId: e.message.id }]);
  throw e;
}

/** The region's name; a 400 naming the code when there is no such region. */
async function assertRegionExists(db: Queryable, code: string, prefix = ''): Promise<string> {
  const r = await db.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [code]);
  if (!r.rowCount)
    throw new AppError(400, 'REGION_UNKNOWN', { id: `${prefix}Kode wilayah tidak dikenal: "${code}"`, en: `${prefix}Unknown region code: "${code}"` }, [{ path: 'regionCode', message: `Unknown region code: "${code}"`, messageId: `Kode wilayah tidak dikenal: "${code}"` }]);
  return r.rows[0]!.name;
}


/**
 * One incident or an array of them -> assessments (same order). The whole batch is validated
 * first; an invalid item fails the call and names its position, field and value.
 */
export async function assessIncidents(db: Queryable, input: unknown, options: RulesOptions = {}): Promise<PublicAssessment | PublicAssessment[]> {
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
    const regionName = await assertRegionExists(db, incident.regionCode, prefix);
    incidents.push({ incident, regionName });
  }
  const results = incidents.map(({ incident, regionName }) => publicAssessment(assess(incident, options, { regionName })));
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
    // users read the stage's legal references; the data's own source (research notes and ids) stays beside them as provenance
    stages: stagesForRegion(election, regionCode, { includeContingent: true }).map((s) =>
      withPublicSource({ id: s.id, name: s.name, start: s.start, end: s.end, role: s.role ?? null, contingent: !!s.contingent, source: s.source, unconfirmed: s.unconfirmed }),
    ),
  };
}

export function listActs(options: RulesOptions = {}) {
  // the legal basis as the form shows it under the act picker: the regulations, in Indonesian legal wording
  return catalogueActs(options.catalogue).map(publicAct);
}

/** Administrative sanctions available for an act, actor type and incident date (the recommendation form). */
export function listSanctions(q: { act: string; actorType: SanctionActor; date: string }, options: RulesOptions = {}) {
  const act = catalogueActs(options.catalogue).find((a) => a.code === q.act);
  if (!act) throw notFound('Bentuk pelanggaran / Act', q.act);
  return administrativeSanctions(act, q.actorType, q.date).map((o) => withPublicSource({ id: o.id, name: o.name, level: o.level, kind: o.kind, source: o.source, unconfirmed: o.unconfirmed }));
}

export type CandidateKind = CandidateListKind;
type RowIssue = { row: number; column: string; code: string; message: string; messageId: string };
type ImportOutcome = { inserted: number; updated: number; replaced: number; unchanged: number; rejected: number; errors: RowIssue[]; notices: RowIssue[] };

/** A row the database state refuses (it lands on a list entry an earlier row of the file wrote; its slot needs the chamber). */
class RowRefused extends Error {
  constructor(readonly issue: RowIssue) {
    super(issue.message);
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

/** The template's example names (CANDIDATE_TEMPLATES): a row that still carries one is the example, uploaded unchanged, not a candidate. */
const exampleNames = (kind: CandidateTemplateKind) => {
  const at = CANDIDATE_TEMPLATES[kind].columns.findIndex((c) => c.field === 'name' || c.field === 'candidateName');
  return new Set(CANDIDATE_TEMPLATES[kind].example.map((row) => normalizePersonName(row[at]!).toLowerCase()));
};

type SlotRow = { id: string; name: string; running_mate_name: string | null; chamber: string | null; withdrawn: boolean };

/**
 * Imports a KPU list (parties, legislative candidates or pairs) for an election: all-or-nothing
 * unless skipInvalid; rows outside the importer's region scope are rejected, and so is a list the
 * election does not have (a DCT for a Pilkada, a city's pair for a general election whose pairs are
 * presidential) and the template's example row uploaded unchanged.
 * A list entry is its slot (region, chamber, district, party, number). A row for a slot that holds
 * the same person (titles and spellings aside) corrects that entry; a row naming another person is a
 * replacement (PAW, a corrected DCT): the candidate there is kept, withdrawn, with the register entries
 * that point to them, the new one is added, and the report says so (a notice per row). A row without the
 * optional chamber column lands on the entry of its slot whatever that entry's chamber.
 */
export async function importCandidates(
  deps: Deps,
  who: Principal | 'system',
  actor: Actor,
  input: { electionId: string; kind: CandidateKind; stream: Readable; dryRun: boolean; skipInvalid: boolean },
): Promise<ImportOutcome & { status: 'succeeded' | 'rejected' }> {
  if (who !== 'system' && !importGrants(who).length)
    throw new AppError(403, 'FORBIDDEN', { id: 'Hanya pengawas atau admin sistem yang dapat mengimpor daftar calon.', en: 'Only supervisors or system admins can import candidate lists.' });
  const election = findElection(input.electionId);
  if (!election) throw notFound('Pemilihan / Election', input.electionId);
  const sheet = await openSheet(input.stream);
  const raw: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  const errors: RowIssue[] = [];
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
  const empty = { inserted: 0, updated: 0, replaced: 0, unchanged: 0, notices: [] };
  // a list the election does not have is refused as a whole, whatever skipInvalid says
  const notForElection = listKindRefusal(election, input.kind);
  if (notForElection)
    return { status: 'rejected', ...empty, rejected: read, errors: [{ row: (firstRow ?? 2) - 1, column: '', code: 'LIST_NOT_FOR_ELECTION', message: notForElection.en, messageId: notForElection.id }] };
  const parse = input.kind === 'party' ? parsePartyRows : input.kind === 'legislative' ? parseLegislativeCandidateRows : parsePairRows;
  const parsed = parse(raw, { firstRowNumber: firstRow ?? 2, rowNumbers, headers: sheet.headers });
  errors.push(...parsed.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: e.message.en, messageId: e.message.id })));
  const regionCodes = new Set((await deps.db.query<{ code: string }>("SELECT code FROM regions WHERE level IN ('province', 'regency')")).rows.map((r) => r.code));
  if (input.kind === 'party' && !mayImportCandidates(who, undefined))
    throw new AppError(403, 'FORBIDDEN', { id: 'Hanya pengguna nasional yang dapat mengimpor partai.', en: 'Only national users can import parties.' });
  const examples = input.kind === 'party' ? new Set<string>() : exampleNames(input.kind);
  const records = parsed.records.filter(({ row, value }) => {
    const region = 'regionCode' in value ? (value.regionCode as string | undefined) : undefined;
    const name = 'name' in value ? value.name : 'candidateName' in value ? value.candidateName : undefined;
    if (name !== undefined && examples.has(normalizePersonName(name).toLowerCase())) {
      errors.push({
        row, column: '', code: 'TEMPLATE_EXAMPLE',
        message: 'This is the template\'s example row: replace it with a candidate of the KPU list or delete it',
        messageId: 'Ini baris contoh dari templat: ganti dengan calon dari daftar KPU atau hapus baris ini',
      });
      return false;
    }
    if (region && !regionCodes.has(region)) {
      errors.push({ row, column: 'regionCode', code: 'REGION_UNKNOWN', message: `Unknown region code ${region}`, messageId: `Kode wilayah tidak dikenal ${region}` });
      return false;
    }
    const notAContest = input.kind === 'pair' ? pairRegionRefusal(election, region) : null;
    if (notAContest) {
      errors.push({ row, column: 'regionCode', code: 'NOT_A_CONTEST_OF_ELECTION', message: notAContest.en, messageId: notAContest.id });
      return false;
    }
    if (!mayImportCandidates(who, region)) {
      errors.push({ row, column: 'regionCode', code: 'OUT_OF_SCOPE', message: `Region ${region ?? '(none)'} is outside your scope`, messageId: `Wilayah ${region ?? '(kosong)'} di luar cakupan Anda` });
      return false;
    }
    return true;
  });
  errors.sort((a, b) => a.row - b.row);
  const rejectedRows = () => new Set(errors.map((e) => e.row)).size;
  if (errors.length && !input.skipInvalid) return { status: 'rejected', ...empty, rejected: rejectedRows(), errors };
  const at = deps.clock.now();
  const run = async (tx: Queryable) => {
    const counts = { inserted: 0, updated: 0, replaced: 0, skipped: 0 };
    const notices: RowIssue[] = [];
    const replacements: { withdrawn: string; by: string }[] = [];
    // a row that would write the list entry an earlier row of the file wrote is refused (the file's own
    // duplicate check compares districts in JavaScript, the database with lower(): they may disagree)
    const written = new Map<string, number>();
    const refuse = (issue: RowIssue) => {
      if (!input.skipInvalid) throw new RowRefused(issue);
      errors.push(issue);
      counts.skipped += 1;
    };
    for (const { row, value } of records) {
      const v = value as Record<string, string | number | undefined>;
      if (input.kind === 'party') {
        const res = await tx.query<{ inserted: boolean }>(
          `INSERT INTO election_parties AS p (election_id, number, name, abbreviation) VALUES ($1, $2, $3, $4)
           ON CONFLICT (election_id, number) DO UPDATE SET name = excluded.name, abbreviation = excluded.abbreviation, updated_at = now()
             WHERE (p.name, p.abbreviation) IS DISTINCT FROM (excluded.name, excluded.abbreviation)
           RETURNING (xmax = 0) AS inserted`,
          [input.electionId, v.number, v.name, v.abbreviation],
        );
        if (res.rows[0]?.inserted) counts.inserted += 1;
        else if (res.rows[0]) counts.updated += 1;
        continue;
      }
      const name = String(v.name ?? v.candidateName);
      const mate = (v.runningMateName as string | undefined) ?? null;
      const chamber = (v.chamber as string | undefined) ?? null;
      const slotValues = [input.electionId, input.kind, v.regionCode ?? '', v.electoralDistrict ?? '', v.partyNumber ?? null, v.ballotNumber];
      const slot = (await tx.query<SlotRow>(
        `SELECT id, name, running_mate_name, chamber, withdrawn_at IS NOT NULL AS withdrawn FROM election_candidates
          WHERE election_id = $1 AND kind = $2 AND region_code = $3 AND dapil_key = lower(btrim(regexp_replace($4, '\\s+', ' ', 'g')))
            AND party_number IS NOT DISTINCT FROM $5::int AND ballot_number = $6 AND (chamber IS NOT DISTINCT FROM $7::text OR $7::text IS NULL OR chamber IS NULL)
          ORDER BY withdrawn_at DESC NULLS FIRST, id FOR UPDATE`,
        [...slotValues, chamber],
      )).rows;
      const active = slot.filter((c) => !c.withdrawn);
      const target = chamber ? (active.find((c) => c.chamber === chamber) ?? active.find((c) => c.chamber === null)) : active.length === 1 ? active[0] : undefined;
      if (!chamber && active.length > 1) {
        refuse({
          row, column: 'chamber', code: 'CHAMBER_NEEDED',
          message: `This district, party and number hold candidates of ${active.length} chambers: give the chamber (Lembaga) of this row`,
          messageId: `Dapil, partai dan nomor urut ini dipakai calon dari ${active.length} lembaga: isi kolom Lembaga untuk baris ini`,
        });
        continue;
      }
      const previous = target && written.get(target.id);
      if (previous !== undefined) {
        refuse({
          row, column: '', code: 'DUPLICATE',
          message: `This row is the same list entry as row ${previous} (region, chamber, district, party and number)`,
          messageId: `Baris ini entri daftar yang sama dengan baris ${previous} (wilayah, lembaga, dapil, partai dan nomor urut)`,
        });
        continue;
      }
      const samePeople = (c: SlotRow) => sameWrittenName(c.name, name) && (input.kind !== 'pair' || sameWrittenName(c.running_mate_name ?? '', mate ?? ''));
      let id: string;
      if (target && samePeople(target)) {
        // the same person: a correction of the entry (titles, spelling, the district's letters, a missing chamber filled in)
        const res = await tx.query(
          `UPDATE election_candidates SET name = $2, running_mate_name = $3, electoral_district = $4, chamber = coalesce($5, chamber), updated_at = $6
            WHERE id = $1 AND (name, running_mate_name, electoral_district, chamber) IS DISTINCT FROM ($2, $3, $4, coalesce($5, chamber))`,
          [target.id, name, mate, v.electoralDistrict ?? '', chamber, at],
        );
        if (res.rowCount) counts.updated += 1;
        id = target.id;
      } else {
        if (target) await tx.query('UPDATE election_candidates SET withdrawn_at = $2, updated_at = $2 WHERE id = $1', [target.id, at]);
        // the person of an entry withdrawn earlier in this slot comes back rather than being added twice
        const earlier = slot.find((c) => c.withdrawn && samePeople(c));
        if (earlier) {
          await tx.query(
            'UPDATE election_candidates SET withdrawn_at = NULL, replaced_by = NULL, name = $2, running_mate_name = $3, electoral_district = $4, chamber = coalesce($5, chamber), updated_at = $6 WHERE id = $1',
            [earlier.id, name, mate, v.electoralDistrict ?? '', chamber ?? target?.chamber ?? null, at],
          );
          id = earlier.id;
        } else {
          const res = await tx.query<{ id: string }>(
            `INSERT INTO election_candidates (election_id, kind, region_code, electoral_district, party_number, ballot_number, name, running_mate_name, chamber, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (election_id, kind, region_code, chamber, dapil_key, party_number, ballot_number) WHERE withdrawn_at IS NULL DO NOTHING RETURNING id::text AS id`,
            [...slotValues, name, mate, chamber ?? target?.chamber ?? null, at],
          );
          if (!res.rows[0])
            throw conflict('CANDIDATE_IMPORT_CONCURRENT', {
              id: 'Daftar calon ini sedang diubah oleh impor lain pada saat yang sama. Unggah ulang berkasnya.',
              en: 'Another import changed this candidate list at the same time. Upload the file again.',
            });
          id = res.rows[0].id;
        }
        if (target) {
          await tx.query('UPDATE election_candidates SET replaced_by = $2 WHERE id = $1', [target.id, id]);
          // in a pair, relations with the person who stays (the head with a new running mate) follow them
          const stays = [...(sameWrittenName(target.name, name) ? ['head'] : []), ...(input.kind === 'pair' && sameWrittenName(target.running_mate_name ?? '', mate ?? '') ? ['running_mate'] : [])];
          if (stays.length) await tx.query('UPDATE conflicts SET candidate_id = $2 WHERE candidate_id = $1 AND member = ANY($3::text[])', [target.id, id, stays]);
          const kept = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM conflicts WHERE candidate_id = $1', [target.id])).rows[0]!.n;
          const was = input.kind === 'pair' ? `${target.name} / ${target.running_mate_name ?? ''}` : target.name;
          notices.push({
            row, column: '', code: 'CANDIDATE_REPLACED',
            message: `This entry was ${was}: recorded as withdrawn (replaced)${kept ? `, with the ${kept} conflict-of-interest record(s) about them kept,` : ''} and ${name} added`,
            messageId: `Entri ini sebelumnya ${was}: dicatat ditarik (diganti)${kept ? `, ${kept} catatan konflik kepentingan tentangnya tetap disimpan,` : ''} dan ${name} ditambahkan`,
          });
          replacements.push({ withdrawn: target.id, by: id });
          counts.replaced += 1;
        } else counts.inserted += 1;
      }
      written.set(id, row);
    }
    await appendAudit(tx, {
      actor, action: input.dryRun ? 'election.candidates_import_tested' : 'election.candidates_imported', entityType: 'election', entityId: input.electionId,
      details: { kind: input.kind, inserted: counts.inserted, updated: counts.updated, replaced: counts.replaced, replacements, rejected: rejectedRows() }, at,
    });
    return { ...counts, notices };
  };
  class DryRun extends Error {
    constructor(readonly counts: Awaited<ReturnType<typeof run>>) {
      super('dry run');
    }
  }
  let counts: Awaited<ReturnType<typeof run>>;
  try {
    counts = await deps.db.transaction(async (tx) => {
      const c = await run(tx);
      if (input.dryRun) throw new DryRun(c);
      return c;
    });
  } catch (e) {
    if (e instanceof RowRefused) {
      const all = [...errors, e.issue].sort((a, b) => a.row - b.row);
      return { status: 'rejected', ...empty, rejected: new Set(all.map((x) => x.row)).size, errors: all };
    }
    if (!(e instanceof DryRun)) throw e;
    counts = e.counts;
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    status: 'succeeded', inserted: counts.inserted, updated: counts.updated, replaced: counts.replaced,
    unchanged: records.length - counts.inserted - counts.updated - counts.replaced - counts.skipped, rejected: rejectedRows(), errors, notices: counts.notices,
  };
}

export async function listCandidates(db: Queryable, electionId: string, q: { kind?: 'legislative' | 'pair'; regionCode?: string; q?: string; page: number; pageSize: number }) {
  if (!findElection(electionId)) throw notFound('Pemilihan / Election', electionId);
  const params: unknown[] = [electionId];
  const where = ['election_id = $1', 'withdrawn_at IS NULL'];
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
