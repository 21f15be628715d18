/**
 * Streaming readers for CSV and XLSX: the file is sniffed by content (never by its name), read
 * chunk by chunk and yielded row by row, so memory stays flat whatever the size.
 */
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';

/** `extra`: non-empty values beyond the header's last column (a CSV row whose separators shifted its values). */
export type SheetRow = { row: number; values: Record<string, string>; extra?: string[] };
/** Rows arrive in batches: one await per batch, not per row, keeps parsing fast. */
export type Sheet = { format: 'csv' | 'xlsx'; headers: string[]; rows: AsyncIterable<SheetRow[]> };

/**
 * How to recognise the header row below title rows ("DAFTAR PEGAWAI ...", a date line, a blank row):
 * the first of the first HEADER_SCAN_ROWS non-empty rows whose `score` reaches `complete`; in XLSX,
 * in the first worksheet that has one (a workbook may open with an instructions sheet). Without it,
 * the first non-empty row of the first sheet is the header. When no row qualifies, the best-scoring
 * row is returned as the header, so the caller names the columns that are missing.
 */
export type HeaderSearch = { score: (cells: string[]) => number; complete: number };

// small enough that a batch in flight is gone before V8 promotes it: 1,000 rows took a file of 1.2 million
// bad rows to 370 MB RSS, 250 rows to 245 MB (and faster)
const BATCH_ROWS = 250;
const HEADER_SCAN_ROWS = 10;

/** Picks the header among the non-empty rows offered one at a time (HeaderSearch). */
class HeaderPicker {
  private best: string[] | null = null;
  private bestScore = -Infinity;
  private scanned = 0;
  found: string[] | null = null;
  constructor(private readonly search: HeaderSearch | undefined) {}
  /** Offers a non-empty row; true once the header is found. */
  offer(cells: string[]): boolean {
    this.scanned += 1;
    const score = this.search ? this.search.score(cells) : Infinity;
    if (score >= (this.search?.complete ?? 0)) this.found = cells;
    else if (score > this.bestScore) {
      this.best = cells;
      this.bestScore = score;
    }
    return this.found !== null;
  }
  /** The scan of this sheet is over (too many rows looked at). */
  get exhausted() {
    return this.scanned >= HEADER_SCAN_ROWS;
  }
  /** A new worksheet: scan its first rows again. */
  nextSheet() {
    this.scanned = 0;
  }
  get fallback() {
    return this.best;
  }
}

export const fileError = (code: string, en: string, id: string) => new AppError(400, code, { id, en });

/** The row error for a CSV row with values past the last header (an unquoted separator shifted its values), for every import. */
export function tooManyValues(row: number, headers: readonly string[], extra: readonly string[]) {
  const shown = extra.slice(0, 3).map((v) => `"${v.slice(0, 30)}"`).join(', ');
  return {
    row, column: headers[headers.length - 1] ?? '', code: 'ROW_TOO_MANY_VALUES',
    message: `the row has ${extra.length} value(s) more than the header has columns (${shown}); a value containing the separator must be in double quotes`,
    messageId: `baris memiliki ${extra.length} nilai lebih banyak daripada jumlah kolom judul (${shown}); nilai yang memuat pemisah harus diapit tanda kutip ganda`,
  };
}

const SIGNATURES: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['old Excel (.xls)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['gzip archive', [0x1f, 0x8b]],
];

/** Reads the first bytes without consuming them: returns them and a stream of the whole file. */
async function peek(input: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const it = input[Symbol.asyncIterator]();
  let done = false;
  while (size < bytes) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    const buf = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
    chunks.push(buf);
    size += buf.length;
  }
  const head = Buffer.concat(chunks);
  async function* rest() {
    yield head;
    if (done) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { head, stream: Readable.from(rest(), { objectMode: false }) };
}

/** Fails the stream on the first invalid UTF-8 sequence, naming the line. */
/** Offset of the first byte in `buf` that cannot be UTF-8 (continuation bytes of a character begun in the previous chunk are skipped). */
function firstNonUtf8(buf: Buffer): number {
  let i = 0;
  while (i < 3 && i < buf.length && (buf[i]! & 0xc0) === 0x80) i++;
  while (i < buf.length) {
    const b = buf[i]!;
    const n = b < 0x80 ? 0 : b >> 5 === 6 ? 1 : b >> 4 === 14 ? 2 : b >> 3 === 30 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k < buf.length && (buf[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return buf.length;
}

class Utf8Guard extends Transform {
  private decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 1;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.line += 1;
      cb(null, chunk);
    } catch {
      // the line of the first byte that is not UTF-8 (a Windows-1252 "é" in a name, say)
      const at = firstNonUtf8(chunk);
      let line = this.line;
      for (let i = 0; i < at; i++) if (chunk[i] === 0x0a) line += 1;
      cb(
        fileError(
          'FILE_ENCODING',
          `The file is not UTF-8 text (line ${line}). Save it as "CSV UTF-8" or as .xlsx.`,
          `Berkas bukan teks UTF-8 (baris ${line}). Simpan sebagai "CSV UTF-8" atau .xlsx.`,
        ),
      );
    }
  }
  override _flush(cb: TransformCallback) {
    try {
      this.decoder.decode();
      cb();
    } catch {
      cb(fileError('FILE_ENCODING', 'The file ends in the middle of a UTF-8 character.', 'Berkas berakhir di tengah karakter UTF-8.'));
    }
  }
}

export async function openSheet(input: Readable, header?: HeaderSearch): Promise<Sheet> {
  const { head, stream } = await peek(input, 4096);
  if (head.length === 0) throw fileError('FILE_EMPTY', 'The file is empty.', 'Berkas kosong.');
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return openXlsx(stream, header);
  for (const [name, sig] of SIGNATURES)
    if (sig.every((b, i) => head[i] === b))
      throw fileError('FILE_NOT_SPREADSHEET', `This is a ${name}, not a CSV or XLSX file.`, `Berkas ini ${name}, bukan CSV atau XLSX.`);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw fileError('FILE_ENCODING', 'The file is UTF-16 text. Save it as "CSV UTF-8" or as .xlsx.', 'Berkas berformat UTF-16. Simpan sebagai "CSV UTF-8" atau .xlsx.');
  if (head.includes(0)) throw fileError('FILE_NOT_SPREADSHEET', 'This is a binary file, not a CSV or XLSX file.', 'Berkas biner, bukan CSV atau XLSX.');
  return openCsv(stream, detectDelimiter(head), header);
}

/**
 * Indonesian Excel writes ';' (the decimal separator is ','): pick the most frequent separator of the
 * first lines (not only the first: title lines above the header may have none).
 */
export function detectDelimiter(head: Buffer): string {
  const lines = head.toString('utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, HEADER_SCAN_ROWS + 1);
  const unquoted = lines.map((l) => l.replace(/"[^"]*"/g, '')).join('\n');
  const counts = [',', ';', '\t', '|'].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

async function openCsv(stream: Readable, delimiter: string, header: HeaderSearch | undefined): Promise<Sheet> {
  let headers: string[] | null = null;
  const picker = new HeaderPicker(header);
  // Records come as arrays and are keyed by the header here (cheaper than csv-parse's columns and
  // on_record): short rows are fine (trailing empty cells), while non-empty values past the last header
  // are kept to be reported, because they mean an unquoted separator shifted the row into wrong columns.
  const parser = parse({
    bom: true,
    delimiter,
    // empty lines are rows too (a spreadsheet shows them): counted, then skipped below
    skip_empty_lines: false,
    relax_column_count: true,
    // a quote inside an unquoted field is kept as written (Ahmad "Dede" Sutisna: nicknames are common)
    relax_quotes: true,
    max_record_size: 64 * 1024,
  });
  const records = stream.pipe(new Utf8Guard()).on('error', (e) => parser.destroy(e)).pipe(parser);
  const keyed = (fields: string[], names: string[]): Record<string, string> => {
    const values: Record<string, string> = {};
    for (let i = 0; i < fields.length && i < names.length; i++) values[names[i]!] = fields[i]!;
    return values;
  };
  // Row numbers as a spreadsheet shows them: each record one row, empty lines included.
  let recordNo = 0;
  let failed: unknown = null;
  let ended = false;
  records.on('error', (e) => (failed = e));
  records.on('end', () => (ended = true));
  const wait = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        records.off('readable', done).off('end', done).off('error', done);
        resolve();
      };
      records.once('readable', done).once('end', done).once('error', done);
    });
  async function* batches(): AsyncGenerator<SheetRow[]> {
    for (;;) {
      const batch: SheetRow[] = [];
      let fields: string[] | null;
      while (batch.length < BATCH_ROWS && (fields = records.read() as string[] | null) !== null) {
        recordNo += 1;
        if (!headers) {
          if (fields.some((v) => v.trim() !== '') && (picker.offer(fields.map((x) => x.trim())) || picker.exhausted)) headers = picker.found ?? picker.fallback;
          continue;
        }
        const extra = fields.length > headers.length ? fields.slice(headers.length).filter((v) => v.trim() !== '') : [];
        if (extra.length) batch.push({ row: recordNo, values: keyed(fields, headers), extra });
        else if (fields.some((v) => v.trim() !== '')) batch.push({ row: recordNo, values: keyed(fields, headers) });
      }
      if (failed) throw csvError(failed);
      if (batch.length) {
        yield batch;
        continue;
      }
      if (ended) return;
      await wait();
    }
  }
  const it = batches();
  const first = await it.next();
  // the file ended before a header was found: the best candidate names what is there
  headers ??= picker.fallback;
  if (!headers) throw fileError('FILE_EMPTY', 'The file has no header row.', 'Berkas tidak memiliki baris judul kolom.');
  async function* rows(): AsyncIterable<SheetRow[]> {
    if (first.done) return;
    yield first.value;
    yield* it;
  }
  return { format: 'csv', headers: headers as string[], rows: rows() };
}

/** Every csv-parse error (its codes do not all start with CSV_, e.g. INVALID_OPENING_QUOTE) is a malformed file. */
function csvError(e: unknown): Error {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; lines?: number; message?: string };
  if (e instanceof CsvError || err.code?.startsWith('CSV_'))
    return fileError('FILE_MALFORMED', `The CSV is malformed near line ${err.lines ?? '?'}: ${err.message ?? err.code}`, `CSV rusak di sekitar baris ${err.lines ?? '?'}: ${err.message ?? err.code}`);
  return e as Error;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Cell value as the text a person sees; refuses numbers Excel has already rounded. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Math.abs(v) > MAX_SAFE) return `\u0000NUMBER_TOO_LONG:${v}`;
    return Number.isInteger(v) ? String(v) : String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

async function openXlsx(stream: Readable, header: HeaderSearch | undefined): Promise<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  const wsIt = (reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>)[Symbol.asyncIterator]();
  const picker = new HeaderPicker(header);
  let rowIt: AsyncIterator<ExcelJS.Row> | null = null;
  let sheets = 0;
  try {
    // without a header search only the first sheet is read, as before
    while (!picker.found && (header || sheets === 0)) {
      const ws = await wsIt.next();
      if (ws.done) break;
      sheets += 1;
      picker.nextSheet();
      const it = ws.value[Symbol.asyncIterator]();
      for (;;) {
        const r = await it.next();
        if (r.done) break;
        const vals = (r.value.values as ExcelJS.CellValue[]).slice(1).map((c) => cellText(c).trim());
        if (vals.some(Boolean) && (picker.offer(vals) || picker.exhausted)) break;
      }
      if (picker.found) rowIt = it;
      // not this sheet: read past the rest of it to reach the next
      else for (let r = await it.next(); !r.done; r = await it.next());
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fileError('FILE_MALFORMED', `The XLSX file cannot be read: ${(e as Error).message}`, `Berkas XLSX tidak dapat dibaca: ${(e as Error).message}`);
  }
  if (sheets === 0) throw fileError('FILE_EMPTY', 'The workbook has no worksheet.', 'Buku kerja tidak memiliki lembar kerja.');
  const headers = picker.found ?? picker.fallback;
  if (!headers) throw fileError('FILE_EMPTY', 'The first worksheet is empty.', 'Lembar kerja pertama kosong.');
  const hs = headers;
  async function* rows(): AsyncIterable<SheetRow[]> {
    let batch: SheetRow[] = [];
    for (;;) {
      if (!rowIt) break;
      const r = await rowIt.next();
      if (r.done) break;
      const cells = (r.value.values as ExcelJS.CellValue[]).slice(1);
      const values: Record<string, string> = {};
      let any = false;
      hs.forEach((h, i) => {
        if (!h) return;
        const t = cellText(cells[i] ?? null);
        if (t.trim()) any = true;
        values[h] = t;
      });
      if (any) batch.push({ row: r.value.number, values });
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    // drain remaining worksheets so the reader finishes cleanly
    for (;;) {
      const next = await wsIt.next();
      if (next.done) break;
      for await (const _ of next.value) void _;
    }
  }
  return { format: 'xlsx', headers: hs, rows: rows() };
}

/** Counts bytes as they flow, for the progress bar. */
export class ByteCounter extends Transform {
  bytes = 0;
  constructor(private readonly onBytes?: (n: number) => void) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    this.bytes += chunk.length;
    this.onBytes?.(this.bytes);
    cb(null, chunk);
  }
}
