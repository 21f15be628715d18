import { LIMITS } from '@netra/contracts';

/** The files the server's importers read (registry and KPU candidate lists): CSV or XLSX up to the import limit. */
export const SHEET_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_MAX_MB = Math.round(LIMITS.importFileBytes / 1_048_576);
export const isSheetFile = (name: string) => /\.(csv|xlsx)$/i.test(name);
