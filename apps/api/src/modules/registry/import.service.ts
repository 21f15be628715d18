/**
 * Employee import: parse -> validate (pure) -> stage -> check -> merge, as one pipeline.
 * Phase 1 streams the file into a per-run staging table in short statements (so the server stays
 * responsive and progress is visible); phase 2 checks the staged rows against the registry and
 * merges them in ONE transaction with its audit row. Default is all-or-nothing.
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import type { ImportError, ImportRun, ImportSummary } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit, type Actor } from '../../platform/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { scopeSql, type Principal } from '../auth/domain/policy.ts';
import { provinceCodes } from '../regions/regions.service.ts';
import { agencyScope, insertUnit } from '../agencies/agencies.service.ts';
import { ymdOf } from './domain/identifiers.ts';
import { FIELD_LABELS, mapHeaders, unitKeyOf, validateRow, type ValidEmployeeRow } from './domain/import-rows.ts';
import { ByteCounter, fileError, openSheet, tooManyValues } from './file-readers.ts';

export type ImportOptions = { dryRun: boolean; skipInvalid: boolean };
export type ImportSource = { stream: Readable; fileName: string; size?: number };


type Progress = { bytesRead: number; rowsRead: number };
/** In-process progress of running imports (polled by the UI while phase 1 streams). */
const progress = new Map<string, Progress>();

export async function assertMayImport(db: Queryable, p: Principal | 'system', agencyId: string) {
  const params: unknown[] = [agencyId];
  const importScope = p === 'system' ? 'TRUE' : scopeSql(p, 'registry.import', { region: 'a.region_code', agency: 'a.id' }, params);
  const visible = p === 'system' ? 'TRUE' : agencyScope(p, params);
  const row = (await db.query<{ region_code: string; in_scope: boolean; visible: boolean }>(
    `SELECT a.region_code, (${importScope}) AS in_scope, (${visible}) AS visible FROM agencies a WHERE a.id = $1`,
    params,
  )).rows[0];
  // out-of-scope agencies answer 404 so their existence is not revealed
  if (!row || !row.visible) throw notFound('Instansi / Agency', agencyId);
  if (!row.in_scope) throw forbidden('IMPORT_FORBIDDEN', { id: 'Anda tidak berwenang mengimpor ke instansi ini.', en: 'You may not import into this agency.' });
  return row.region_code;
}

export async function startImportRun(db: Queryable, input: { agencyId: string; actor: Actor; fileName: string; options: ImportOptions; size?: number }) {
  const id = crypto.randomUUID();
  await db.query(
    `INSERT INTO import_runs (id, agency_id, actor_id, actor_label, file_name, dry_run, skip_invalid, status, bytes_total)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8)`,
    [id, input.agencyId, input.actor.id, input.actor.label, Array.from(input.fileName).slice(0, 255).join(''), input.options.dryRun, input.options.skipInvalid, input.size ?? 0],
  );
  progress.set(id, { bytesRead: 0, rowsRead: 0 });
  return id;
}

export type ImportResult = { runId: string; status: 'succeeded' | 'rejected' | 'failed'; summary: ImportSummary | null; failure: { code: string; message: string; messageId: string } | null };

/** Runs an import end to end, for the CLI and the API alike. */
export async function runImport(deps: Deps, input: { runId: string; agencyId: string; agencyRegion: string; actor: Actor; principal: Principal | 'system'; source: ImportSource; options: ImportOptions }): Promise<ImportResult> {
  const { runId } = input;
  const stage = `import_stage_${runId.replace(/-/g, '')}`;
  const p = progress.get(runId) ?? { bytesRead: 0, rowsRead: 0 };
  progress.set(runId, p);
  const hasher = crypto.createHash('sha256');
  const counter = new ByteCounter((n) => (p.bytesRead = n));
  const tee = new PassThrough();
  counter.on('data', (c: Buffer) => hasher.update(c));
  let result: ImportResult;
  try {
    await deps.db.query(
      `CREATE UNLOGGED TABLE ${stage} (row int NOT NULL, employment_type text NOT NULL, nip text, internal_id text, name text NOT NULL,
        position text, echelon text, rank text, unit_key text, active boolean NOT NULL, email text, phone text, nik text, unit_path text)`,
    );
    input.source.stream.on('error', (e) => tee.destroy(e));
    const piping = pipeline(input.source.stream, counter, tee).catch((e: unknown) => e);
    const errors: ImportError[] = [];
    const tStage = performance.now();
    const staged = await stageFile(deps, stage, tee, errors, p);
    deps.logger.debug({ runId, ms: Math.round(performance.now() - tStage), staged }, 'import staged');
    const pipeErr = await piping;
    if (pipeErr instanceof Error && !(pipeErr instanceof AppError)) throw pipeErr;
    const fileSha256 = hasher.digest('hex');
    const summary = await mergeStaged(deps, { ...input, stage, errors, staged, fileSha256 });
    result = {
      runId,
      status: summary.rejected && !summary.written && (!input.options.skipInvalid || summary.summary.inserted + summary.summary.updated + summary.summary.unchanged === 0) ? 'rejected' : 'succeeded',
      summary: summary.summary,
      failure: null,
    };
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) deps.logger.error({ err: e, runId }, 'import failed');
    const failure = e instanceof AppError && e.status < 500
      ? { code: e.code, message: e.msg.en, messageId: e.msg.id }
      : { code: 'IMPORT_FAILED', message: 'The import failed because of a server error; nothing was written.', messageId: 'Impor gagal karena kesalahan server; tidak ada data yang ditulis.' };
    result = { runId, status: 'failed', summary: null, failure };
  } finally {
    await deps.db.query(`DROP TABLE IF EXISTS ${stage}`).catch(() => undefined);
  }
  await deps.db.query(
    `UPDATE import_runs SET status = $2, summary = $3, failure = $4, bytes_read = $5, rows_read = $6, finished_at = now() WHERE id = $1`,
    [runId, result.status, result.summary ? JSON.stringify(result.summary) : null, result.failure ? JSON.stringify(result.failure) : null, p.bytesRead, p.rowsRead],
  );
  progress.delete(runId);
  return result;
}

const NUMBER_TOO_LONG = '\u0000NUMBER_TOO_LONG:';

async function stageFile(deps: Deps, stage: string, stream: Readable, errors: ImportError[], p: Progress): Promise<number> {
  const sheet = await openSheet(stream);
  const mapping = mapHeaders(sheet.headers);
  if (mapping.missing.length) {
    const names = mapping.missing.map((f) => FIELD_LABELS[f]).join(', ');
    throw fileError(
      'FILE_MISSING_COLUMNS',
      `Missing required column(s): ${names}. Found: ${sheet.headers.slice(0, 20).join(', ')}. Template: nip,nama,jenis,jabatan,unit`,
      `Kolom wajib tidak ada: ${names}. Ditemukan: ${sheet.headers.slice(0, 20).join(', ')}. Templat: nip,nama,jenis,jabatan,unit`,
    );
  }
  if (mapping.duplicates.length)
    throw fileError('FILE_DUPLICATE_COLUMNS', `Columns that mean the same field appear twice: ${mapping.duplicates.join(', ')}`, `Kolom dengan arti sama muncul dua kali: ${mapping.duplicates.join(', ')}`);
  const ctx = { today: ymdOf(deps.clock.now()), provinceCodes: await provinceCodes(deps.db) };
  let staged = 0;
  async function* validBatches(): AsyncGenerator<ValidEmployeeRow[]> {
    for await (const rows of sheet.rows) {
      const valid: ValidEmployeeRow[] = [];
      for (const r of rows) {
        p.rowsRead += 1;
        if (r.extra) {
          errors.push(tooManyValues(r.row, sheet.headers, r.extra));
          continue;
        }
        const tooLong = Object.entries(r.values).find(([, v]) => v.startsWith(NUMBER_TOO_LONG));
        if (tooLong) {
          errors.push({
            row: r.row, column: tooLong[0], code: 'EXCEL_NUMBER_ROUNDED',
            message: `Excel stored ${tooLong[0]} as a number and rounded it (${tooLong[1].slice(NUMBER_TOO_LONG.length)}); format the column as Text and type it again`,
            messageId: `Excel menyimpan ${tooLong[0]} sebagai angka dan membulatkannya (${tooLong[1].slice(NUMBER_TOO_LONG.length)}); format kolom sebagai Teks lalu ketik ulang`,
          });
          continue;
        }
        const v = validateRow(r.values, r.row, mapping, ctx);
        if (!v.ok) errors.push(...v.errors);
        // staged even when an earlier row was invalid and nothing will be written: the duplicate and
        // other-agency checks then run over every valid row, so the report lists every invalid row at once
        else valid.push(v.value);
      }
      staged += valid.length;
      if (valid.length) yield valid;
    }
  }
  if (deps.db.copyIn) {
    await deps.db.copyIn(`COPY ${stage} (${STAGE_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`, csvChunks(validBatches()));
  } else {
    for await (const batch of validBatches()) await insertStage(deps.db, stage, batch);
  }
  if (p.rowsRead === 0) throw fileError('FILE_EMPTY', 'The file has a header but no data rows.', 'Berkas memiliki judul kolom tetapi tidak ada baris data.');
  return staged;
}

const STAGE_COLUMNS = ['row', 'employment_type', 'nip', 'internal_id', 'name', 'position', 'echelon', 'rank', 'unit_key', 'active', 'email', 'phone', 'nik', 'unit_path'] as const;
const UNIT_SEP = '\u001f';

function stageValues(r: ValidEmployeeRow): (string | number | boolean | null)[] {
  return [
    r.row, r.employmentType, r.nip, r.internalId, r.name, r.position, r.echelon, r.rank,
    r.unitPath.length ? unitKeyOf(r.unitPath) : null, r.active, r.email, r.phone, r.nik, r.unitPath.length ? r.unitPath.join(UNIT_SEP) : null,
  ];
}

/** CSV for COPY: NULL is an unquoted empty field, every text value is quoted. */
async function* csvChunks(batches: AsyncIterable<ValidEmployeeRow[]>): AsyncGenerator<string> {
  for await (const batch of batches) {
    let buf = '';
    for (const r of batch)
      buf += stageValues(r).map((v) => (v === null ? '' : typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : String(v))).join(',') + '\n';
    yield buf;
  }
}

async function insertStage(db: Queryable, stage: string, rows: ValidEmployeeRow[]) {
  const values = rows.map(stageValues);
  const types = ['int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'bool', 'text', 'text', 'text', 'text'];
  await db.query(
    `INSERT INTO ${stage} (${STAGE_COLUMNS.join(', ')})
     SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
    types.map((_t, i) => values.map((v) => v[i])),
  );
}

class Rollback extends Error {
  constructor(readonly value: { summary: ImportSummary; written: boolean; rejected: number }, readonly audit: Parameters<typeof appendAudit>[1]) {
    super('rollback');
  }
}

async function mergeStaged(
  deps: Deps,
  input: { runId: string; agencyId: string; agencyRegion: string; actor: Actor; principal: Principal | 'system'; options: ImportOptions; stage: string; errors: ImportError[]; staged: number; fileSha256: string },
): Promise<{ summary: ImportSummary; written: boolean; rejected: number }> {
  const { stage, agencyId, options } = input;
  const work = async (tx: Queryable) => {
    const errors = input.errors;
    // Duplicates inside the file: the first occurrence wins, later ones are listed.
    const dups = await tx.query<{ row: number; key: string; first_row: number }>(
      `SELECT row, coalesce(nip, internal_id) AS key, first_row FROM (
         SELECT row, nip, internal_id, min(row) OVER (PARTITION BY coalesce(nip, 'i:' || internal_id)) AS first_row FROM ${stage}) d
        WHERE row <> first_row`,
    );
    for (const d of dups.rows)
      errors.push({ row: d.row, column: 'nip', code: 'DUPLICATE_IN_FILE', message: `${d.key} already appears in row ${d.first_row}`, messageId: `${d.key} sudah ada di baris ${d.first_row}` });
    // the other agency is named only to a caller who can see it: a file of NIPs must not map the national registry
    const elsewhereParams: unknown[] = [agencyId];
    const visible = input.principal === 'system' ? 'TRUE' : agencyScope(input.principal, elsewhereParams);
    const elsewhere = await tx.query<{ row: number; nip: string; agency: string | null }>(
      `SELECT s.row, s.nip, CASE WHEN ${visible} THEN a.name END AS agency FROM ${stage} s JOIN employees e ON e.nip = s.nip JOIN agencies a ON a.id = e.agency_id WHERE e.agency_id <> $1`,
      elsewhereParams,
    );
    for (const d of elsewhere.rows)
      errors.push({
        row: d.row, column: 'nip', code: 'NIP_OTHER_AGENCY',
        message: `${d.nip} is registered at another agency${d.agency ? ` (${d.agency})` : ''}; transfers are recorded by that agency or a system admin`,
        messageId: `${d.nip} terdaftar di instansi lain${d.agency ? ` (${d.agency})` : ''}; mutasi dicatat oleh instansi tersebut atau admin sistem`,
      });
    const badRows = [...new Set([...dups.rows.map((d) => d.row), ...elsewhere.rows.map((d) => d.row)])];
    if (badRows.length) await tx.query(`DELETE FROM ${stage} WHERE row = ANY($1::int[])`, [badRows]);
    errors.sort((a, b) => a.row - b.row);
    const rejected = new Set(errors.map((e) => e.row)).size;
    // with --skip-invalid a file of nothing but invalid rows writes nothing either: rejected, not succeeded
    if (rejected && (!options.skipInvalid || input.staged - badRows.length === 0)) {
      return { summary: { inserted: 0, updated: 0, unchanged: 0, rejected, errors }, written: false, rejected };
    }
    let t = performance.now();
    await ensureUnits(tx, input, stage);
    deps.logger.debug({ ms: Math.round(performance.now() - t) }, 'import units');
    t = performance.now();
    const counts = await mergeRows(tx, stage, agencyId, input.agencyRegion);
    deps.logger.debug({ ms: Math.round(performance.now() - t) }, 'import merged');
    const summary: ImportSummary = { ...counts, rejected, errors };
    const written = counts.inserted + counts.updated > 0;
    const entry = {
      actor: input.actor, action: options.dryRun ? 'employees.import_tested' : 'employees.imported', entityType: 'agency', entityId: agencyId, at: deps.clock.now(),
      details: { runId: input.runId, fileSha256: input.fileSha256, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, rejected },
    };
    // a dry run rolls its writes back; its audit entry (it read the registry for the file) is written after the rollback
    if (options.dryRun) throw new Rollback({ summary, written, rejected }, entry);
    await appendAudit(tx, entry);
    return { summary, written, rejected };
  };
  try {
    return await deps.db.transaction(work);
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    await deps.db.transaction((tx) => appendAudit(tx, e.audit));
    return e.value;
  }
}

/** Creates the units named in the file (whole paths) that the agency does not have yet. */
async function ensureUnits(tx: Queryable, input: { agencyId: string; principal: Principal | 'system' }, stage: string) {
  const { rows: found } = await tx.query<{ unit_path: string }>(
    `SELECT DISTINCT ON (s.unit_key) s.unit_path FROM ${stage} s
      WHERE s.unit_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units u WHERE u.agency_id = $1 AND u.name_key = s.unit_key)`,
    [input.agencyId],
  );
  if (!found.length) return;
  const rows = found.map((r) => ({ unit_path: r.unit_path.split(UNIT_SEP) }));
  const existing = new Map(
    (await tx.query<{ id: string; name_key: string }>('SELECT id, name_key FROM units WHERE agency_id = $1', [input.agencyId])).rows.map((r) => [r.name_key, r.id]),
  );
  for (const { unit_path } of rows.sort((a, b) => a.unit_path.length - b.unit_path.length)) {
    let parentId: string | null = null;
    for (let depth = 1; depth <= unit_path.length; depth++) {
      const key = unitKeyOf(unit_path.slice(0, depth));
      let id = existing.get(key);
      if (!id) {
        id = (await insertUnit(tx, input.agencyId, { name: unit_path[depth - 1]!, parentId, kind: guessUnitKind(unit_path[depth - 1]!, depth) })).id;
        existing.set(key, id);
      }
      parentId = id;
    }
  }
}

function guessUnitKind(name: string, depth: number): 'opd' | 'bidang' | 'kecamatan' | 'kelurahan' | 'desa' | 'other' {
  const n = name.toLowerCase();
  if (n.startsWith('kecamatan')) return 'kecamatan';
  if (n.startsWith('kelurahan')) return 'kelurahan';
  if (n.startsWith('desa')) return 'desa';
  if (/^(bidang|bagian|seksi|subbagian|sub bagian|uptd|upt)\b/.test(n)) return 'bidang';
  return depth === 1 ? 'opd' : 'other';
}

/** Upserts on the natural key (NIP / NI PPPK nationally; internal id within the agency). */
async function mergeRows(tx: Queryable, stage: string, agencyId: string, agencyRegion: string) {
  const cols = ['unit_id', 'region_code', 'employment_type', 'name', 'position', 'echelon', 'rank', 'active'];
  const set = cols.map((c) => `${c} = excluded.${c}`).join(', ');
  const distinct = `(${cols.map((c) => `e.${c}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `excluded.${c}`).join(', ')})`;
  const insertCols = 'agency_id, unit_id, region_code, employment_type, nip, internal_id, name, position, echelon, rank, active';
  const src = (where: string) => `
    SELECT $1::uuid, un.id, coalesce(un.region_code, $2), s.employment_type, s.nip, s.internal_id, s.name, s.position, s.echelon, s.rank, s.active
      FROM ${stage} s LEFT JOIN units un ON un.agency_id = $1 AND un.name_key = s.unit_key WHERE ${where}`;
  const { rows } = await tx.query<{ inserted: number; updated: number }>(
    `WITH by_nip AS (
       INSERT INTO employees AS e (${insertCols}) ${src('s.nip IS NOT NULL')}
       ON CONFLICT (nip) WHERE nip IS NOT NULL DO UPDATE SET ${set}, updated_at = now()
         WHERE e.agency_id = excluded.agency_id AND ${distinct}
       RETURNING (xmax = 0) AS inserted
     ),
     by_internal AS (
       INSERT INTO employees AS e (${insertCols}) ${src('s.internal_id IS NOT NULL')}
       ON CONFLICT (agency_id, internal_id) WHERE internal_id IS NOT NULL DO UPDATE SET ${set}, updated_at = now()
         WHERE ${distinct}
       RETURNING (xmax = 0) AS inserted
     ),
     changed AS (SELECT inserted FROM by_nip UNION ALL SELECT inserted FROM by_internal)
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM changed`,
    [agencyId, agencyRegion],
  );
  const total = (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${stage}`)).rows[0]!.n;
  const { inserted } = rows[0]!;
  let { updated } = rows[0]!;
  // Contact data (protected) only where the file has it; a row whose only change is its contact
  // counts as updated.
  const contacts = await tx.query<{ n: number }>(
    `WITH c AS (
       INSERT INTO employee_contacts AS ec (employee_id, email, phone, nik)
       SELECT coalesce(en.id, ei.id), s.email, s.phone, s.nik FROM ${stage} s
         LEFT JOIN employees en ON en.nip = s.nip
         LEFT JOIN employees ei ON ei.agency_id = $1 AND ei.internal_id = s.internal_id
        WHERE coalesce(s.email, s.phone, s.nik) IS NOT NULL AND coalesce(en.id, ei.id) IS NOT NULL
       ON CONFLICT (employee_id) DO UPDATE
         SET email = coalesce(excluded.email, ec.email), phone = coalesce(excluded.phone, ec.phone), nik = coalesce(excluded.nik, ec.nik), updated_at = now()
         WHERE (ec.email, ec.phone, ec.nik) IS DISTINCT FROM (coalesce(excluded.email, ec.email), coalesce(excluded.phone, ec.phone), coalesce(excluded.nik, ec.nik))
       RETURNING ec.employee_id
     )
     SELECT count(*)::int AS n FROM c JOIN employees e ON e.id = c.employee_id WHERE e.updated_at < now()`,
    [agencyId],
  );
  // employees written above carry updated_at = now() (the transaction's time); the rest changed only their contact
  updated += contacts.rows[0]!.n;
  return { inserted, updated, unchanged: total - inserted - updated };
}

type RunRow = {
  id: string; agency_id: string; file_name: string; status: ImportRun['status']; dry_run: boolean; skip_invalid: boolean;
  bytes_total: number; bytes_read: number; rows_read: number; summary: ImportSummary | null; failure: ImportRun['failure'];
  started_at: Date; finished_at: Date | null;
};

export async function getImportRun(deps: Deps, p: Principal, id: string): Promise<ImportRun> {
  const params: unknown[] = [id];
  const scope = scopeSql(p, 'registry.import', { region: 'a.region_code', agency: 'a.id' }, params);
  const r = (await deps.db.query<RunRow>(
    `SELECT r.* FROM import_runs r JOIN agencies a ON a.id = r.agency_id WHERE r.id = $1 AND (${scope} OR r.actor_id = $${params.push(p.userId)})`,
    params,
  )).rows[0];
  if (!r) throw notFound('Impor / Import', id);
  const live = progress.get(id);
  const parse = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    id: r.id, agencyId: r.agency_id, fileName: r.file_name, status: r.status, dryRun: r.dry_run, skipInvalid: r.skip_invalid,
    bytesTotal: Number(r.bytes_total), bytesRead: live?.bytesRead ?? Number(r.bytes_read), rowsRead: live?.rowsRead ?? Number(r.rows_read),
    summary: parse(r.summary), failure: parse(r.failure),
    startedAt: new Date(r.started_at).toISOString(), finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}
