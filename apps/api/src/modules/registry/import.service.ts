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
import { once } from 'node:events';
import { IMPORT_LISTED_ERRORS, IMPORT_LISTED_UNITS, type ImportError, type ImportRun, type ImportSummary } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { appendAudit, type Actor, type AuditEntry } from '../../platform/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { scopeSql, type Principal } from '../auth/domain/policy.ts';
import { provinceCodes } from '../regions/regions.service.ts';
import { agencyScope, insertUnit } from '../agencies/agencies.service.ts';
import { ymdOf } from './domain/identifiers.ts';
import { FIELD_LABELS, headerScore, mapHeaders, REQUIRED_FIELDS, unitKeyOf, validateRow, type ValidEmployeeRow } from './domain/import-rows.ts';
import { planNewUnits, type PlannedUnit } from './domain/new-units.ts';
import { writeCsvTable, type ExportTable } from './export-writers.ts';
import { ByteCounter, fileError, openSheet, tooManyValues } from './file-readers.ts';

export type ImportOptions = { dryRun: boolean; skipInvalid: boolean };
export type ImportSource = { stream: Readable; fileName: string; size?: number };

/*
 * Row errors go to a per-run table while the file streams, not to memory. A summary (and --json) lists
 * the first IMPORT_LISTED_ERRORS by row: a file of 200,000 bad rows would otherwise hold every error in
 * memory and in one JSON value. The rest are counted (moreErrors, errorCount, errorCodes), and every
 * one is in the run's CSV error report (imports from the web).
 */

/** How long a run's full error report is kept (the run's summary, with the first errors, stays). */
const REPORT_KEEP_DAYS = 30;

const ERROR_REPORT: ExportTable<{ row: number; column_name: string | null; code: string; message: string; message_id: string }> = {
  sheet: 'Kesalahan',
  columns: [
    { header: 'baris', get: (e) => String(e.row) },
    { header: 'kolom', get: (e) => e.column_name ?? '' },
    // the message in both languages before the code, which is for support and scripts
    { header: 'pesan', get: (e) => e.message_id },
    { header: 'message', get: (e) => e.message },
    { header: 'kode', get: (e) => e.code },
  ],
};

/** Keeps every row error of the run with the run (any API server can then serve the report), and drops reports past their time. */
async function keepErrorReport(db: Queryable, runId: string, errs: string) {
  // runs are dated by the database (import_runs.started_at defaults to now()): so is their age
  await db.query(`DELETE FROM import_run_errors WHERE run_id IN (SELECT id FROM import_runs WHERE started_at < now() - make_interval(days => $1))`, [REPORT_KEEP_DAYS]);
  await db.query(`INSERT INTO import_run_errors (run_id, row, ord, column_name, code, message, message_id)
    SELECT $1, row, ord, column_name, code, message, message_id FROM ${errs}`, [runId]);
}

/** Every row error of a run (its working table, or the report kept with it), by row, a page at a time (memory stays flat). */
async function* errorRows(db: Queryable, source: { errs: string } | { runId: string }) {
  if ('errs' in source) await db.query(`CREATE INDEX IF NOT EXISTS ${source.errs}_row_ord ON ${source.errs} (row, ord)`);
  const from = 'errs' in source ? `${source.errs} WHERE` : 'import_run_errors WHERE run_id = $3 AND';
  let after: unknown[] = [0, -1];
  for (;;) {
    const page = (await db.query<{ row: number; ord: number; column_name: string | null; code: string; message: string; message_id: string }>(
      `SELECT row, ord, column_name, code, message, message_id FROM ${from} (row, ord) > ($1, $2) ORDER BY row, ord LIMIT 5000`,
      'errs' in source ? after : [...after, source.runId],
    )).rows;
    yield* page;
    if (page.length < 5000) return;
    after = [page[page.length - 1]!.row, page[page.length - 1]!.ord];
  }
}

/** The CSV error report of a run the caller may see, streamed (404 otherwise, or when it is no longer kept). */
export async function errorReportOf(deps: Deps, p: Principal, runId: string): Promise<Readable> {
  const run = await getImportRun(deps, p, runId);
  if (!run.errorReport)
    throw new AppError(404, 'IMPORT_REPORT_GONE', {
      id: `Laporan kesalahan impor ini tidak tersedia (laporan disimpan ${REPORT_KEEP_DAYS} hari setelah impor dari aplikasi web). Impor ulang berkasnya untuk membuatnya lagi.`,
      en: `This import's error report is not available (reports are kept for ${REPORT_KEEP_DAYS} days after an import from the web app). Import the file again to get it.`,
    });
  const out = new PassThrough();
  writeCsvTable(errorRows(deps.db, { runId }), ERROR_REPORT, out).catch((err: unknown) => out.destroy(err as Error));
  return out;
}

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

/**
 * Runs an import end to end, for the CLI and the API alike. `errorReport`: keep every row error as a
 * CSV file to download (GET /imports/{id}/errors.csv).
 */
export async function runImport(deps: Deps, input: { runId: string; agencyId: string; agencyRegion: string; actor: Actor; principal: Principal | 'system'; source: ImportSource; options: ImportOptions; errorReport?: boolean; errorSink?: (errors: AsyncIterable<ImportError>) => Promise<void> }): Promise<ImportResult> {
  const { runId } = input;
  const stage = `import_stage_${runId.replace(/-/g, '')}`;
  const errs = `import_errors_${runId.replace(/-/g, '')}`;
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
        position text, echelon text, rank text, unit_key text, active boolean, email text, phone text, nik text, unit_path text)`,
    );
    // ord: an error's place among its row's errors (file checks first, then the in-database checks)
    await deps.db.query(
      `CREATE UNLOGGED TABLE ${errs} (row int NOT NULL, ord int NOT NULL, column_name text, code text NOT NULL, message text NOT NULL, message_id text NOT NULL)`,
    );
    input.source.stream.on('error', (e) => tee.destroy(e));
    const piping = pipeline(input.source.stream, counter, tee).catch((e: unknown) => e);
    const tStage = performance.now();
    const staged = await stageFile(deps, { stage, errs }, tee, p);
    deps.logger.debug({ runId, ms: Math.round(performance.now() - tStage), staged }, 'import staged');
    const pipeErr = await piping;
    if (pipeErr instanceof Error && !(pipeErr instanceof AppError)) throw pipeErr;
    const fileSha256 = hasher.digest('hex');
    const summary = await mergeStaged(deps, { ...input, stage, errs, fileSha256 });
    // the import is done (and may be committed): a report that cannot be written only goes missing
    if (input.errorReport && summary.rejected)
      await keepErrorReport(deps.db, runId, errs).catch((err: unknown) => deps.logger.warn({ err, runId }, 'import error report not kept'));
    // the CLI lists every error (issue 2: "every invalid row is listed"), streamed, when the summary's list is cut short
    if (input.errorSink && 'moreErrors' in summary.summary)
      await input.errorSink((async function* () {
        for await (const e of errorRows(deps.db, { errs })) yield { row: e.row, column: e.column_name, code: e.code, message: e.message, messageId: e.message_id };
      })());
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
    await deps.db.query(`DROP TABLE IF EXISTS ${stage}, ${errs}`).catch(() => undefined);
  }
  await deps.db.query(
    `UPDATE import_runs SET status = $2, summary = $3, failure = $4, bytes_read = $5, rows_read = $6, finished_at = now() WHERE id = $1`,
    [runId, result.status, result.summary ? JSON.stringify(result.summary) : null, result.failure ? JSON.stringify(result.failure) : null, p.bytesRead, p.rowsRead],
  );
  progress.delete(runId);
  return result;
}

const NUMBER_TOO_LONG = '\u0000NUMBER_TOO_LONG:';

type ErrorSink = {
  /** Takes a row's errors (`ord`: the place of the first among the row's errors). */
  add(errors: readonly ImportError[], ord?: number): void;
  /** Hands over what was added since the last call. */
  flush(): Promise<void>;
  /** All added: waits until the table has them. */
  close(): Promise<void>;
  /** Staging failed: lets go of the connection. */
  abort(): Promise<void>;
};

const ERROR_COLUMNS = '(row, ord, column_name, code, message, message_id)';
type ErrorValues = [number, number, string | null, string, string, string];
const errorValues = (e: ImportError, ord: number): ErrorValues => [e.row, ord, e.column, e.code, e.message, e.messageId];

/**
 * Where row errors go while the file streams. On PostgreSQL a COPY of its own, fed as rows are checked:
 * an INSERT per batch would keep each batch's errors alive across a round trip, and a file of a
 * million bad rows would then grow the heap (measured: 300+ MB RSS against 230 MB). The embedded
 * database takes one INSERT per batch.
 */
function errorSink(db: Db, errs: string): ErrorSink {
  if (db.copyIn) {
    const out = new PassThrough();
    // a failed COPY destroys the stream; its error is the COPY's, reported by close()
    out.on('error', () => undefined);
    const copying = db.copyIn(`COPY ${errs} ${ERROR_COLUMNS} FROM STDIN WITH (FORMAT csv)`, out).then(() => null, (e: unknown) => e as Error);
    let pending = '';
    return {
      add: (errors, ord = 0) => errors.forEach((e, i) => (pending += csvLine(errorValues(e, ord + i)))),
      async flush() {
        if (!pending) return;
        const ok = out.write(pending);
        pending = '';
        if (!ok) await Promise.race([once(out, 'drain'), copying]);
      },
      async close() {
        await this.flush();
        out.end();
        const err = await copying;
        if (err) throw err;
      },
      async abort() {
        out.destroy();
        await copying;
      },
    };
  }
  let rows: ErrorValues[] = [];
  return {
    add: (errors, ord = 0) => errors.forEach((e, i) => rows.push(errorValues(e, ord + i))),
    async flush() {
      if (!rows.length) return;
      const types = ['int', 'int', 'text', 'text', 'text', 'text'];
      const batch = rows;
      rows = [];
      await db.query(
        `INSERT INTO ${errs} ${ERROR_COLUMNS} SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
        types.map((_t, i) => batch.map((r) => r[i])),
      );
    },
    close() {
      return this.flush();
    },
    abort: async () => undefined,
  };
}

/** One line of CSV for COPY: NULL is an unquoted empty field, every text value is quoted. */
const csvLine = (values: readonly (string | number | boolean | null)[]) =>
  values.map((v) => (v === null ? '' : typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : String(v))).join(',') + '\n';

async function stageFile(deps: Deps, tables: { stage: string; errs: string }, stream: Readable, p: Progress): Promise<number> {
  const errors = errorSink(deps.db, tables.errs);
  try {
    const staged = await stageRows(deps, tables.stage, errors, stream, p);
    await errors.close();
    return staged;
  } catch (e) {
    await errors.abort();
    throw e;
  }
}

async function stageRows(deps: Deps, stage: string, errors: ErrorSink, stream: Readable, p: Progress): Promise<number> {
  const sheet = await openSheet(stream, { score: headerScore, complete: REQUIRED_FIELDS.length });
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
  const ctx = { today: ymdOf(deps.clock.now()), provinceCodes: await provinceCodes(deps.db), csv: sheet.format === 'csv' };
  let staged = 0;
  async function* validBatches(): AsyncGenerator<ValidEmployeeRow[]> {
    for await (const rows of sheet.rows) {
      const valid: ValidEmployeeRow[] = [];
      for (const r of rows) {
        p.rowsRead += 1;
        if (r.extra) {
          errors.add([tooManyValues(r.row, sheet.headers, r.extra)]);
          continue;
        }
        const tooLong = Object.entries(r.values).find(([, v]) => v.startsWith(NUMBER_TOO_LONG));
        if (tooLong) {
          errors.add([{
            row: r.row, column: tooLong[0], code: 'EXCEL_NUMBER_ROUNDED',
            message: `Excel stored ${tooLong[0]} as a number and rounded it (${tooLong[1].slice(NUMBER_TOO_LONG.length)}); format the column as Text and type it again`,
            messageId: `Excel menyimpan ${tooLong[0]} sebagai angka dan membulatkannya (${tooLong[1].slice(NUMBER_TOO_LONG.length)}); format kolom sebagai Teks lalu ketik ulang`,
          }]);
          continue;
        }
        const v = validateRow(r.values, r.row, mapping, ctx);
        if (!v.ok) errors.add(v.errors);
        // staged even when an earlier row was invalid and nothing will be written: the duplicate and
        // other-agency checks then run over every valid row, so the report lists every invalid row at once
        else valid.push(v.value);
      }
      await errors.flush();
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

async function* csvChunks(batches: AsyncIterable<ValidEmployeeRow[]>): AsyncGenerator<string> {
  for await (const batch of batches) {
    let buf = '';
    for (const r of batch) buf += csvLine(stageValues(r));
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

/** The in-database checks' errors come after a row's own (ErrorSink ord 0, 1, ...). */
const ORD_DUPLICATE = 100;
const ORD_OTHER_AGENCY = 101;

/** Checks the staged rows against each other and the registry; their errors join the run's error table. */
async function checkStaged(db: Queryable, input: { agencyId: string; principal: Principal | 'system'; stage: string; errs: string }) {
  const { stage, errs } = input;
  // Duplicates inside the file: the first occurrence wins, later ones are listed.
  await db.query(
    `INSERT INTO ${errs} (row, ord, column_name, code, message, message_id)
     SELECT row, ${ORD_DUPLICATE}, 'nip', 'DUPLICATE_IN_FILE', key || ' already appears in row ' || first_row, key || ' sudah ada di baris ' || first_row
       FROM (SELECT row, coalesce(nip, internal_id) AS key, min(row) OVER (PARTITION BY coalesce(nip, 'i:' || internal_id)) AS first_row FROM ${stage}) d
      WHERE row <> first_row`,
  );
  // the other agency is named only to a caller who can see it: a file of NIPs must not map the national registry
  const params: unknown[] = [input.agencyId];
  const visible = input.principal === 'system' ? 'TRUE' : agencyScope(input.principal, params);
  await db.query(
    `WITH d AS (
       SELECT s.row, s.nip, coalesce(' (' || CASE WHEN ${visible} THEN a.name END || ')', '') AS agency
         FROM ${stage} s JOIN employees e ON e.nip = s.nip JOIN agencies a ON a.id = e.agency_id WHERE e.agency_id <> $1)
     INSERT INTO ${errs} (row, ord, column_name, code, message, message_id)
     SELECT row, ${ORD_OTHER_AGENCY}, 'nip', 'NIP_OTHER_AGENCY',
            nip || ' is registered at another agency' || agency || '; transfers are recorded by that agency or a system admin',
            nip || ' terdaftar di instansi lain' || agency || '; mutasi dicatat oleh instansi tersebut atau admin sistem'
       FROM d`,
    params,
  );
  await db.query(`DELETE FROM ${stage} WHERE row IN (SELECT row FROM ${errs} WHERE ord >= ${ORD_DUPLICATE})`);
}

/** The run's row errors as the summary holds them: the first IMPORT_LISTED_ERRORS by row, and counts of all. */
async function summarizeErrors(db: Queryable, errs: string) {
  const { rows: codes } = await db.query<{ code: string; n: number }>(`SELECT code, count(*)::int AS n FROM ${errs} GROUP BY code ORDER BY code`);
  const rejected = (await db.query<{ n: number }>(`SELECT count(DISTINCT row)::int AS n FROM ${errs}`)).rows[0]!.n;
  const { rows: errors } = await db.query<ImportError>(
    `SELECT row, column_name AS "column", code, message, message_id AS "messageId" FROM ${errs} ORDER BY row, ord LIMIT ${IMPORT_LISTED_ERRORS}`,
  );
  const errorCount = codes.reduce((n, c) => n + c.n, 0);
  // the counts are added only when the list is cut short: otherwise the summary keeps the documented shape
  const more = errorCount > errors.length ? { errorCount, moreErrors: errorCount - errors.length, errorCodes: Object.fromEntries(codes.map((c) => [c.code, c.n])) } : {};
  return { rejected, errors, more };
}

async function mergeStaged(
  deps: Deps,
  input: { runId: string; agencyId: string; agencyRegion: string; actor: Actor; principal: Principal | 'system'; options: ImportOptions; stage: string; errs: string; fileSha256: string },
): Promise<{ summary: ImportSummary; written: boolean; rejected: number }> {
  const { stage, agencyId, options } = input;
  await checkStaged(deps.db, input);
  const { rejected, errors, more } = await summarizeErrors(deps.db, input.errs);
  const total = (await deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${stage}`)).rows[0]!.n;
  // with --skip-invalid a file of nothing but invalid rows writes nothing either: rejected, not succeeded
  if (rejected && (!options.skipInvalid || total === 0)) {
    // the units the valid rows would create are listed too: a misspelt one is corrected in the same round
    const units = newUnitsOf(await planUnits(deps.db, agencyId, stage));
    return { summary: { inserted: 0, updated: 0, unchanged: 0, rejected, errors, ...more, ...units }, written: false, rejected };
  }
  const work = async (tx: Queryable) => {
    let t = performance.now();
    const plan = await planUnits(tx, agencyId, stage);
    await createUnits(tx, agencyId, plan);
    deps.logger.debug({ ms: Math.round(performance.now() - t), units: plan.length }, 'import units');
    t = performance.now();
    const counts = await mergeRows(tx, stage, agencyId, input.agencyRegion, total);
    deps.logger.debug({ ms: Math.round(performance.now() - t) }, 'import merged');
    const summary: ImportSummary = { ...counts, rejected, errors, ...more, ...newUnitsOf(plan) };
    const written = counts.inserted + counts.updated > 0;
    const entry: AuditEntry = {
      actor: input.actor, action: options.dryRun ? 'employees.import_tested' : 'employees.imported', entityType: 'agency', entityId: agencyId, at: deps.clock.now(),
      details: { runId: input.runId, fileSha256: input.fileSha256, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, rejected, newUnits: plan.length },
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

/** The units the staged rows name that the agency does not have, each with the unit it is probably meant to be. */
async function planUnits(db: Queryable, agencyId: string, stage: string): Promise<PlannedUnit[]> {
  // a path whose whole key exists has every unit above it too
  const { rows: named } = await db.query<{ unit_path: string; first_row: number; n: number }>(
    `SELECT (array_agg(s.unit_path ORDER BY s.row))[1] AS unit_path, min(s.row) AS first_row, count(*)::int AS n FROM ${stage} s
      WHERE s.unit_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units u WHERE u.agency_id = $1 AND u.name_key = s.unit_key)
      GROUP BY s.unit_key`,
    [agencyId],
  );
  if (!named.length) return [];
  const { rows: known } = await db.query<{ key: string; path: string; name: string; parent_key: string | null }>(
    'SELECT u.name_key AS key, u.path, u.name, p.name_key AS parent_key FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.agency_id = $1',
    [agencyId],
  );
  return planNewUnits(
    named.map((r) => ({ parts: r.unit_path.split(UNIT_SEP), firstRow: r.first_row, rows: r.n })),
    known.map((r) => ({ key: r.key, path: r.path, name: r.name, parentKey: r.parent_key })),
  );
}

/** The summary's list of new units (absent when there are none, so a usual summary keeps its documented shape). */
function newUnitsOf(plan: readonly PlannedUnit[]): Pick<ImportSummary, 'newUnits' | 'moreNewUnits'> {
  if (!plan.length) return {};
  const newUnits = plan.slice(0, IMPORT_LISTED_UNITS).map(({ path, firstRow, rows, suggestion }) => ({ path, firstRow, rows, suggestion }));
  return plan.length > newUnits.length ? { newUnits, moreNewUnits: plan.length - newUnits.length } : { newUnits };
}

/** Creates the planned units (parents come before their children in the plan). */
async function createUnits(tx: Queryable, agencyId: string, plan: readonly PlannedUnit[]) {
  if (!plan.length) return;
  const ids = new Map(
    (await tx.query<{ id: string; name_key: string }>('SELECT id, name_key FROM units WHERE agency_id = $1', [agencyId])).rows.map((r) => [r.name_key, r.id]),
  );
  for (const u of plan) {
    const parentId = u.parts.length > 1 ? ids.get(unitKeyOf(u.parts.slice(0, -1)))! : null;
    const name = u.parts[u.parts.length - 1]!;
    ids.set(u.key, (await insertUnit(tx, agencyId, { name, parentId, kind: guessUnitKind(name, u.parts.length) })).id);
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

/**
 * Upserts on the natural key (NIP / NI PPPK nationally; internal id within the agency). A value the
 * file does not give - its column is absent or the cell blank (NULL in the stage) - keeps what is
 * stored: a file of nip,nama,jenis must not wipe positions, units or the active flag of people who
 * left. Only rows whose stored values really change are written and counted as updated.
 */
async function mergeRows(tx: Queryable, stage: string, agencyId: string, agencyRegion: string, total: number) {
  const next: Record<string, string> = {
    unit_id: 'coalesce(un.id, e.unit_id)',
    region_code: 'CASE WHEN s.unit_key IS NULL THEN e.region_code ELSE coalesce(un.region_code, $2) END',
    employment_type: 's.employment_type',
    name: 's.name',
    position: 'coalesce(s.position, e.position)',
    echelon: 'coalesce(s.echelon, e.echelon)',
    rank: 'coalesce(s.rank, e.rank)',
    active: 'coalesce(s.active, e.active)',
  };
  const cols = Object.keys(next);
  const matched = (join: string, where: string) => `
    SELECT e.id, ${cols.map((c) => `${next[c]} AS ${c}`).join(', ')}
      FROM ${stage} s JOIN employees e ON ${join} LEFT JOIN units un ON un.agency_id = $1 AND un.name_key = s.unit_key WHERE ${where}`;
  const { rows: [upd] } = await tx.query<{ n: number }>(
    `WITH n AS (${matched('e.nip = s.nip', 's.nip IS NOT NULL AND e.agency_id = $1')}
                UNION ALL ${matched('e.agency_id = $1 AND e.internal_id = s.internal_id', 's.internal_id IS NOT NULL')}),
          u AS (UPDATE employees e SET ${cols.map((c) => `${c} = n.${c}`).join(', ')}, updated_at = now() FROM n
                 WHERE e.id = n.id AND (${cols.map((c) => `e.${c}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `n.${c}`).join(', ')})
                RETURNING 1)
     SELECT count(*)::int AS n FROM u`,
    [agencyId, agencyRegion],
  );
  // new employees: what the file has, active unless it says otherwise; rows matched above conflict and are skipped
  const { rows: [ins] } = await tx.query<{ n: number }>(
    `WITH i AS (
       INSERT INTO employees (agency_id, unit_id, region_code, employment_type, nip, internal_id, name, position, echelon, rank, active)
       SELECT $1::uuid, un.id, coalesce(un.region_code, $2), s.employment_type, s.nip, s.internal_id, s.name, s.position, s.echelon, s.rank, coalesce(s.active, true)
         FROM ${stage} s LEFT JOIN units un ON un.agency_id = $1 AND un.name_key = s.unit_key
       ON CONFLICT DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS n FROM i`,
    [agencyId, agencyRegion],
  );
  const inserted = ins!.n;
  let updated = upd!.n;
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
  const r = (await deps.db.query<RunRow & { has_report: boolean }>(
    `SELECT r.*, EXISTS (SELECT 1 FROM import_run_errors x WHERE x.run_id = r.id) AS has_report FROM import_runs r JOIN agencies a ON a.id = r.agency_id WHERE r.id = $1 AND (${scope} OR r.actor_id = $${params.push(p.userId)})`,
    params,
  )).rows[0];
  if (!r) throw notFound('Impor / Import', id);
  const live = progress.get(id);
  const parse = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    id: r.id, agencyId: r.agency_id, fileName: r.file_name, status: r.status, dryRun: r.dry_run, skipInvalid: r.skip_invalid,
    bytesTotal: Number(r.bytes_total), bytesRead: live?.bytesRead ?? Number(r.bytes_read), rowsRead: live?.rowsRead ?? Number(r.rows_read),
    summary: parse(r.summary), failure: parse(r.failure), errorReport: r.has_report,
    startedAt: new Date(r.started_at).toISOString(), finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}
