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
import { ByteCounter, fileError, openSheet } from './file-readers.ts';

export type ImportOptions = { dryRun: boolean; skipInvalid: boolean };
export type ImportSource = { stream: Readable; fileName: string; size?: number };

const BATCH = 5000;

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
    [id, input.agencyId, input.actor.id, input.actor.label, input.fileName.slice(0, 255), input.options.dryRun, input.options.skipInvalid, input.size ?? 0],
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
        position text, echelon text, rank text, unit_key text, unit_path text[], active boolean NOT NULL, email text, phone text, nik text)`,
    );
    input.source.stream.on('error', (e) => tee.destroy(e));
    const piping = pipeline(input.source.stream, counter, tee).catch((e: unknown) => e);
    const errors: ImportError[] = [];
    const staged = await stageFile(deps, stage, tee, errors, p, input.options);
    const pipeErr = await piping;
    if (pipeErr instanceof Error && !(pipeErr instanceof AppError)) throw pipeErr;
    const fileSha256 = hasher.digest('hex');
    const summary = await mergeStaged(deps, { ...input, stage, errors, staged, fileSha256 });
    result = {
      runId,
      status: summary.rejected && !input.options.skipInvalid ? 'rejected' : 'succeeded',
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

async function stageFile(deps: Deps, stage: string, stream: Readable, errors: ImportError[], p: Progress, options: ImportOptions): Promise<number> {
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
  let batch: ValidEmployeeRow[] = [];
  let staged = 0;
  const flush = async () => {
    if (!batch.length) return;
    await insertStage(deps.db, stage, batch);
    staged += batch.length;
    batch = [];
  };
  for await (const r of sheet.rows) {
    p.rowsRead += 1;
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
    if (!v.ok) {
      errors.push(...v.errors);
      continue;
    }
    // all-or-nothing: after the first invalid row nothing will be written; keep validating only
    if (errors.length && !options.skipInvalid) continue;
    batch.push(v.value);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  if (p.rowsRead === 0) throw fileError('FILE_EMPTY', 'The file has a header but no data rows.', 'Berkas memiliki judul kolom tetapi tidak ada baris data.');
  return staged;
}

async function insertStage(db: Queryable, stage: string, rows: ValidEmployeeRow[]) {
  const col = <K extends keyof ValidEmployeeRow>(k: K) => rows.map((r) => r[k]);
  await db.query(
    `INSERT INTO ${stage} (row, employment_type, nip, internal_id, name, position, echelon, rank, unit_key, active, email, phone, nik, unit_path)
     SELECT row, employment_type, nip, internal_id, name, position, echelon, rank, unit_key, active, email, phone, nik,
            CASE WHEN up = '' THEN NULL ELSE string_to_array(up, chr(31)) END
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::bool[], $11::text[], $12::text[], $13::text[], $14::text[])
            AS t(row, employment_type, nip, internal_id, name, position, echelon, rank, unit_key, active, email, phone, nik, up)`,
    [
      col('row'), col('employmentType'), col('nip'), col('internalId'), col('name'), col('position'), col('echelon'), col('rank'),
      rows.map((r) => (r.unitPath.length ? unitKeyOf(r.unitPath) : null)), col('active'), col('email'), col('phone'), col('nik'),
      rows.map((r) => r.unitPath.join('\u001f')),
    ],
  );
}

class Rollback extends Error {
  constructor(readonly value: { summary: ImportSummary; written: boolean; rejected: number }) {
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
    const elsewhere = await tx.query<{ row: number; nip: string; agency: string }>(
      `SELECT s.row, s.nip, a.name AS agency FROM ${stage} s JOIN employees e ON e.nip = s.nip JOIN agencies a ON a.id = e.agency_id WHERE e.agency_id <> $1`,
      [agencyId],
    );
    for (const d of elsewhere.rows)
      errors.push({
        row: d.row, column: 'nip', code: 'NIP_OTHER_AGENCY',
        message: `${d.nip} is registered at another agency (${d.agency}); transfers are recorded by that agency or a system admin`,
        messageId: `${d.nip} terdaftar di instansi lain (${d.agency}); mutasi dicatat oleh instansi tersebut atau admin sistem`,
      });
    const badRows = [...new Set([...dups.rows.map((d) => d.row), ...elsewhere.rows.map((d) => d.row)])];
    if (badRows.length) await tx.query(`DELETE FROM ${stage} WHERE row = ANY($1::int[])`, [badRows]);
    errors.sort((a, b) => a.row - b.row);
    const rejected = new Set(errors.map((e) => e.row)).size;
    if (rejected && !options.skipInvalid) {
      return { summary: { inserted: 0, updated: 0, unchanged: 0, rejected, errors }, written: false, rejected };
    }
    await ensureUnits(tx, input, stage);
    const counts = await mergeRows(tx, stage, agencyId, input.agencyRegion);
    const summary: ImportSummary = { ...counts, rejected, errors };
    const written = counts.inserted + counts.updated > 0;
    await appendAudit(tx, {
      actor: input.actor, action: options.dryRun ? 'employees.import_tested' : 'employees.imported', entityType: 'agency', entityId: agencyId, at: deps.clock.now(),
      details: { runId: input.runId, fileSha256: input.fileSha256, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, rejected },
    });
    if (options.dryRun) throw new Rollback({ summary, written, rejected });
    return { summary, written, rejected };
  };
  try {
    return await deps.db.transaction(work);
  } catch (e) {
    if (e instanceof Rollback) return e.value;
    throw e;
  }
}

/** Creates the units named in the file (whole paths) that the agency does not have yet. */
async function ensureUnits(tx: Queryable, input: { agencyId: string; principal: Principal | 'system' }, stage: string) {
  const { rows } = await tx.query<{ unit_path: string[] }>(
    `SELECT DISTINCT ON (s.unit_key) s.unit_path FROM ${stage} s
      WHERE s.unit_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units u WHERE u.agency_id = $1 AND u.name_key = s.unit_key)`,
    [input.agencyId],
  );
  if (!rows.length) return;
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
  const insertCols = `agency_id, unit_id, region_code, employment_type, nip, internal_id, name, position, echelon, rank, active`;
  const { rows } = await tx.query<{ inserted: number; updated: number; total: number }>(
    `WITH src AS (
       SELECT s.*, un.id AS unit_id, coalesce(un.region_code, $2) AS region_code
         FROM ${stage} s LEFT JOIN units un ON un.agency_id = $1 AND un.name_key = s.unit_key
     ),
     by_nip AS (
       INSERT INTO employees AS e (${insertCols})
       SELECT $1::uuid, unit_id, region_code, employment_type, nip, NULL, name, position, echelon, rank, active FROM src WHERE nip IS NOT NULL
       ON CONFLICT (nip) WHERE nip IS NOT NULL DO UPDATE SET ${set}, updated_at = now()
         WHERE e.agency_id = excluded.agency_id AND ${distinct}
       RETURNING e.id, e.nip AS key, (xmax = 0) AS inserted
     ),
     by_internal AS (
       INSERT INTO employees AS e (${insertCols})
       SELECT $1::uuid, unit_id, region_code, employment_type, NULL, internal_id, name, position, echelon, rank, active FROM src WHERE internal_id IS NOT NULL
       ON CONFLICT (agency_id, internal_id) WHERE internal_id IS NOT NULL DO UPDATE SET ${set}, updated_at = now()
         WHERE ${distinct}
       RETURNING e.id, 'i:' || e.internal_id AS key, (xmax = 0) AS inserted
     ),
     changed AS (SELECT * FROM by_nip UNION ALL SELECT * FROM by_internal),
     ids AS (
       SELECT coalesce(c.id, en.id, ei.id) AS employee_id, c.inserted, src.email, src.phone, src.nik
         FROM src
         LEFT JOIN changed c ON c.key = coalesce(src.nip, 'i:' || src.internal_id)
         LEFT JOIN employees en ON src.nip IS NOT NULL AND en.nip = src.nip
         LEFT JOIN employees ei ON src.internal_id IS NOT NULL AND ei.agency_id = $1 AND ei.internal_id = src.internal_id
     ),
     contacts AS (
       INSERT INTO employee_contacts AS ec (employee_id, email, phone, nik)
       SELECT employee_id, email, phone, nik FROM ids WHERE coalesce(email, phone, nik) IS NOT NULL
       ON CONFLICT (employee_id) DO UPDATE
         SET email = coalesce(excluded.email, ec.email), phone = coalesce(excluded.phone, ec.phone), nik = coalesce(excluded.nik, ec.nik), updated_at = now()
         WHERE (ec.email, ec.phone, ec.nik) IS DISTINCT FROM (coalesce(excluded.email, ec.email), coalesce(excluded.phone, ec.phone), coalesce(excluded.nik, ec.nik))
       RETURNING employee_id
     )
     SELECT count(*) FILTER (WHERE ids.inserted)::int AS inserted,
            count(*) FILTER (WHERE ids.inserted IS FALSE OR (ids.inserted IS NULL AND ct.employee_id IS NOT NULL))::int AS updated,
            count(*)::int AS total
       FROM ids LEFT JOIN contacts ct ON ct.employee_id = ids.employee_id`,
    [agencyId, agencyRegion],
  );
  const r = rows[0]!;
  return { inserted: r.inserted, updated: r.updated, unchanged: r.total - r.inserted - r.updated };
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
