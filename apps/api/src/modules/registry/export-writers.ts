import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Employee } from '@netra/contracts';

/** A column of a tabular export: its header and how a row fills it. */
export type ExportColumn<T> = { header: string; get: (row: T) => string; wide?: boolean };
/** What a tabular export writes: the sheet name (XLSX) and the columns. */
export type ExportTable<T> = { sheet: string; columns: ExportColumn<T>[] };

/** Columns of the registry export; the first five are the import template, so exports re-import. */
export const EXPORT_COLUMNS: ExportColumn<Employee>[] = [
  { header: 'nip', get: (e) => e.nip ?? e.internalId ?? '' },
  { header: 'nama', get: (e) => e.name, wide: true },
  { header: 'jenis', get: (e) => e.employmentType },
  { header: 'jabatan', get: (e) => e.position ?? '' },
  { header: 'unit', get: (e) => e.unitPath ?? '', wide: true },
  { header: 'eselon', get: (e) => e.echelon ?? '' },
  { header: 'golongan', get: (e) => e.rank ?? '' },
  { header: 'aktif', get: (e) => (e.active ? 'ya' : 'tidak') },
  { header: 'instansi', get: (e) => e.agencyName },
  { header: 'kode_wilayah', get: (e) => e.regionCode },
];

/**
 * A CSV cell starting with = + - @ (or tab/CR) is run as a formula by spreadsheet programs: one
 * apostrophe in front neutralises it. The import removes exactly one from such a cell, so a value that
 * already starts with apostrophes before those characters gets one more, and every export re-imports
 * unchanged. XLSX cells are typed strings, never formulas: they are written as they are.
 */
export const safeCell = (v: string) => (/^'*[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const EMPLOYEES: ExportTable<Employee> = { sheet: 'Pegawai', columns: EXPORT_COLUMNS };

export const writeCsv = (rows: AsyncIterable<Employee>, out: Writable) => writeCsvTable(rows, EMPLOYEES, out);
export const writeXlsx = (rows: AsyncIterable<Employee>, out: Writable) => writeXlsxTable(rows, EMPLOYEES, out);

export async function writeCsvTable<T>(rows: AsyncIterable<T>, table: ExportTable<T>, out: Writable): Promise<number> {
  const csv = stringify({ header: true, columns: table.columns.map((c) => c.header), bom: true });
  csv.pipe(out);
  let n = 0;
  for await (const e of rows) {
    if (!csv.write(table.columns.map((c) => safeCell(c.get(e))))) await new Promise((r) => csv.once('drain', r));
    n += 1;
  }
  csv.end();
  await new Promise((r) => out.once('finish', r));
  return n;
}

export async function writeXlsxTable<T>(rows: AsyncIterable<T>, table: ExportTable<T>, out: Writable): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet(table.sheet);
  ws.columns = table.columns.map((c) => ({ header: c.header, key: c.header, width: c.wide ? 40 : 20 }));
  let n = 0;
  for await (const e of rows) {
    // NIPs stay text: 18 digits do not fit a spreadsheet number; strings are never run as formulas
    ws.addRow(table.columns.map((c) => c.get(e))).commit();
    n += 1;
  }
  ws.commit();
  await wb.commit();
  return n;
}
