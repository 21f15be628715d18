/**
 * Boundary checks shared by every route: text the databases cannot store (NUL characters) is refused
 * before validation, and schema validation messages are given in Bahasa Indonesia as well as English
 * (zod's own Indonesian locale for its standard messages).
 */
import { z } from 'zod';

const EN = z.locales.en().localeError;
const ID = z.locales.id().localeError;

/** Path of the first string (or object key) holding U+0000 in a parsed request part, or null. PostgreSQL text cannot hold it. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 20) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}.${i}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.includes('\u0000')) return `${path}.${k.split('\u0000').join('\\0')}`;
    const hit = findNul(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** The messages the contracts write themselves (packages/contracts), in Bahasa Indonesia. */
export const CUSTOM_ID: Record<string, string> = {
  'a date between 1900 and 2199': 'tanggal antara 1900 dan 2199',
  'Kemendagri region code such as 32, 32.75, 32.75.01 or 32.75.01.1001': 'kode wilayah Kemendagri seperti 32, 32.75, 32.75.01 atau 32.75.01.1001',
  'an http(s) address': 'alamat http(s)',
  'at least 10 characters': 'minimal 10 karakter',
  'phone number': 'nomor telepon',
  'phone number in international form, e.g. +6281234567890': 'nomor telepon dalam format internasional, mis. +6281234567890',
  'phone number of 8-15 digits, e.g. 0812-3456-7890 or +62 812 3456 7890': 'nomor telepon 8-15 angka, mis. 0812-3456-7890 atau +62 812 3456 7890',
  'NIK of 16 digits as on the KTP (region, birth date DDMMYY with 40 added to the day for women, sequence)':
    'NIK 16 angka seperti pada KTP (kode wilayah, tanggal lahir DDMMYY dengan tanggal + 40 untuk perempuan, nomor urut)',
  'place and a real date of birth, e.g. Bekasi, 28-02-1990': 'tempat dan tanggal lahir yang benar, mis. Bekasi, 28-02-1990',
  '22 characters': '22 karakter (huruf dan angka, nomor seri e-meterai)',
  '6 digits': '6 angka',
  'give a title or a closing date': 'isi judul atau tanggal tutup',
  '6-digit code': 'kode 6 angka',
  '3-64 characters: lower-case letters, digits, dot, dash, underscore': '3-64 karakter: huruf kecil, angka, titik, tanda hubung, garis bawah',
  'active, email or phone': 'active, email atau phone',
  'must not be empty': 'tidak boleh kosong',
  'an action such as case.register, or a prefix ending in a dot such as case.': 'tindakan seperti case.register, atau awalan yang diakhiri titik seperti case.',
  'an entity type such as case or employee': 'jenis objek seperti case atau employee',
  'at least 2 visible characters': 'minimal 2 karakter terlihat',
  'at least 3 visible characters': 'minimal 3 karakter terlihat',
  'at least 5 visible characters': 'minimal 5 karakter terlihat',
  'at least 10 visible characters': 'minimal 10 karakter terlihat',
  'contains control or text-direction characters': 'berisi karakter kendali atau pengubah arah teks',
  'cannot be changed here: NIP/NI, internal id, employment type and agency stay as registered':
    'tidak dapat diubah di sini: NIP/NI, nomor induk internal, jenis pegawai dan instansi tetap seperti saat didaftarkan',
};

type Issue = Parameters<typeof EN>[0] & { path?: PropertyKey[]; message?: string };

const text = (m: ReturnType<typeof EN>): string | null => (typeof m === 'string' ? m : (m?.message ?? null));
/** "..., received string" depends on the input, which the reported issue no longer carries. */
const stem = (m: string) => m.replace(/, received .*$/, '');

/**
 * The Indonesian message of one validation issue: zod's Indonesian locale where the English message
 * is zod's standard one, else (a message the schema itself wrote) the English message unchanged.
 */
export function issueMessageId(issue: Issue | undefined, english: string): string {
  if (!issue?.code) return CUSTOM_ID[english] ?? english;
  const standard = text(EN(issue));
  if (!standard || stem(standard) !== stem(english)) return CUSTOM_ID[english] ?? english;
  const id = text(ID(issue));
  if (!id) return english;
  const received = /, received (.*)$/.exec(english);
  return id.replace(/, diterima .*$/, received ? `, diterima ${received[1]}` : '');
}
