/**
 * Pure part of the employee import: map spreadsheet headers (Indonesian, English, SIASN export
 * columns) to fields, and turn one raw row into a validated employee or a list of row errors.
 */
import type { ImportError } from '@netra/contracts';
import { validateInternalId, validateNik, validateNiPppk, validateNip, type IdCheck, type Ymd } from './identifiers.ts';

export type Field =
  | 'nip' | 'name' | 'type' | 'position' | 'unit' | 'unitParent' | 'echelon' | 'rank'
  | 'email' | 'phone' | 'nik' | 'active' | 'frontTitle' | 'backTitle';

/** Header aliases, compared after lower-casing and removing everything but letters and digits. */
const ALIASES: Record<Field, string[]> = {
  nip: ['nip', 'nipbaru', 'nip18', 'nipnipppk', 'ninipppk', 'nipppk', 'nipni', 'nomorindukpegawai', 'nomorinduk', 'idpegawai', 'employeeid', 'employeenumber', 'id'],
  name: ['nama', 'namalengkap', 'namapegawai', 'name', 'fullname', 'employeename'],
  type: ['jenis', 'jenispegawai', 'jenispegawainama', 'jenisasn', 'statuspegawai', 'statuskepegawaian', 'employmenttype', 'type'],
  position: ['jabatan', 'namajabatan', 'jabatannama', 'position', 'jobtitle', 'title'],
  unit: ['unit', 'unitkerja', 'unor', 'unornama', 'namaunor', 'satuankerja', 'satker', 'opd', 'unitorganisasi', 'workunit', 'department'],
  unitParent: ['unorinduk', 'unorindukanama', 'unorindukname', 'unorinduknama', 'parentunit'],
  echelon: ['eselon', 'eselonnama', 'echelon', 'level', 'jenjang'],
  rank: ['golongan', 'gol', 'golakhir', 'golakhirnama', 'golongannama', 'pangkatgolongan', 'pangkat', 'rank', 'grade'],
  email: ['email', 'emailpegawai', 'surel'],
  phone: ['telepon', 'telp', 'nohp', 'nomorhp', 'hp', 'nomortelepon', 'phone', 'mobile', 'whatsapp', 'nowa'],
  nik: ['nik', 'nomorindukkependudukan', 'nationalid'],
  active: ['aktif', 'statusaktif', 'active', 'kedudukanhukum', 'kedudukanhukumnama'],
  frontTitle: ['gelardepan'],
  backTitle: ['gelarbelakang'],
};

export const REQUIRED_FIELDS: Field[] = ['nip', 'name', 'type'];

export const normalizeHeader = (h: string) => h.toLowerCase().replace(/^\ufeff/, '').replace(/[^a-z0-9]/g, '');

const ALIAS_INDEX = new Map<string, Field>(
  (Object.entries(ALIASES) as [Field, string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

export type HeaderMapping = { columns: Map<Field, string>; missing: Field[]; duplicates: string[] };

/** Maps each known field to the header it comes from. SIASN's NIP_BARU wins over a bare ID. */
export function mapHeaders(headers: string[]): HeaderMapping {
  const columns = new Map<Field, string>();
  const duplicates: string[] = [];
  for (const h of headers) {
    const field = ALIAS_INDEX.get(normalizeHeader(h));
    if (!field) continue;
    const existing = columns.get(field);
    if (existing === undefined) columns.set(field, h);
    else if (field === 'nip' && normalizeHeader(existing) === 'id') columns.set(field, h);
    else if (!(field === 'nip' && normalizeHeader(h) === 'id')) duplicates.push(h);
  }
  const missing = REQUIRED_FIELDS.filter((f) => !columns.has(f));
  return { columns, missing, duplicates };
}

export const FIELD_LABELS: Record<Field, string> = {
  nip: 'nip', name: 'nama', type: 'jenis', position: 'jabatan', unit: 'unit', unitParent: 'unit induk',
  echelon: 'eselon', rank: 'golongan', email: 'email', phone: 'telepon', nik: 'nik', active: 'aktif',
  frontTitle: 'gelar depan', backTitle: 'gelar belakang',
};

/** Employment type from the many spellings in agency spreadsheets and SIASN. */
export function parseEmploymentType(raw: string): 'PNS' | 'PPPK' | 'NON_ASN' | null {
  const v = raw.trim().toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!v) return null;
  if (/^(NONASN|HONORER|HONOR|PPNPN|THL|KONTRAK|TENAGAKONTRAK|OUTSOURCING|PTT|TKK)/.test(v)) return 'NON_ASN';
  if (/^(PPPK|P3K)/.test(v)) return 'PPPK';
  if (/^(PNS|CPNS)/.test(v)) return 'PNS';
  return null;
}

/**
 * Still employed (and bound by neutrality) per SIASN's legal status (KEDUDUKAN_HUKUM_NAMA): on leave
 * outside the state's budget (CLTN), on study assignment, seconded, in the pre-retirement period (MPP)
 * or temporarily suspended, a civil servant is still one. Checked before the words of leaving, as
 * "Masa Persiapan Pensiun" contains "pensiun".
 */
const STILL_EMPLOYED = /\b(aktif|active|cltn|cuti|tugas belajar|mpp|persiapan pensiun|diperbantukan|dipekerjakan|pemberhentian sementara|skorsing|calon)\b/;
const LEFT = /\b(pensiun|purna|meninggal|wafat|diberhentikan|berhenti|ptdh|phk|pemberhentian|keluar|nonaktif|tidak aktif|inactive|mengundurkan diri)\b/;

export function parseActive(raw: string): boolean | null {
  const v = raw.trim().toLowerCase().replace(/[_\s]+/g, ' ');
  if (v === '') return true;
  if (['1', 'y', 'ya', 'yes', 'true'].includes(v)) return true;
  if (['0', 't', 'n', 'tidak', 'no', 'false'].includes(v)) return false;
  if (LEFT.test(v) && !STILL_EMPLOYED.test(v.replace(/\b(tidak aktif|nonaktif)\b/g, ''))) return false;
  if (STILL_EMPLOYED.test(v)) return true;
  return null;
}

/** "Dinas Kesehatan / Bidang P2P" or "Dinas Kesehatan > Bidang P2P" -> ['Dinas Kesehatan', 'Bidang P2P']. */
export function splitUnitPath(raw: string): string[] {
  return raw
    .split(/\s*(?:\/|>|\\|\|)\s*/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export const unitKeyOf = (parts: string[]) => parts.map((p) => p.toLowerCase()).join(' / ');

export type ValidEmployeeRow = {
  row: number;
  employmentType: 'PNS' | 'PPPK' | 'NON_ASN';
  nip: string | null;
  internalId: string | null;
  name: string;
  position: string | null;
  echelon: string | null;
  rank: string | null;
  unitPath: string[];
  active: boolean;
  email: string | null;
  phone: string | null;
  nik: string | null;
};

export type RowContext = { today: Ymd; provinceCodes: ReadonlySet<string> };

const MAX_TEXT = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

export function validateRow(
  raw: Record<string, string>,
  row: number,
  mapping: HeaderMapping,
  ctx: RowContext,
): { ok: true; value: ValidEmployeeRow } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const get = (f: Field) => {
    const col = mapping.columns.get(f);
    return col === undefined ? '' : (raw[col] ?? '').trim();
  };
  const col = (f: Field) => mapping.columns.get(f) ?? FIELD_LABELS[f];
  const err = (f: Field, code: string, message: string, messageId: string) =>
    errors.push({ row, column: col(f), code, message, messageId });
  const text = (f: Field): string | null => {
    const v = get(f).replace(/\s+/g, ' ');
    if (v.length > MAX_TEXT) {
      err(f, 'TOO_LONG', `${FIELD_LABELS[f]} is longer than ${MAX_TEXT} characters`, `${FIELD_LABELS[f]} lebih dari ${MAX_TEXT} karakter`);
      return null;
    }
    return v || null;
  };

  const rawType = get('type');
  const type = parseEmploymentType(rawType);
  if (!type)
    err('type', rawType ? 'TYPE_UNKNOWN' : 'REQUIRED', rawType ? `jenis "${rawType.slice(0, 40)}" must be PNS, PPPK or NON_ASN` : 'jenis is empty (PNS, PPPK or NON_ASN)', rawType ? `jenis "${rawType.slice(0, 40)}" harus PNS, PPPK atau NON_ASN` : 'jenis kosong (PNS, PPPK atau NON_ASN)');

  const rawId = get('nip');
  let nip: string | null = null;
  let internalId: string | null = null;
  if (!rawId)
    err('nip', 'REQUIRED', ...((type === 'NON_ASN'
      ? ['nip is empty: for non-ASN staff write the agency\'s internal id (e.g. THL-0012) in this column', 'nip kosong: untuk pegawai non-ASN tulis id internal instansi (mis. THL-0012) di kolom ini']
      : ['nip is empty', 'nip kosong']) as [string, string]));
  else if (type) {
    const check: IdCheck =
      type === 'PNS' ? validateNip(rawId, ctx.today) : type === 'PPPK' ? validateNiPppk(rawId, ctx.today) : validateInternalId(rawId);
    if (!check.ok) err('nip', check.code, check.message, check.messageId);
    else if (type === 'NON_ASN') internalId = check.value;
    else nip = check.value;
  }

  const baseName = get('name').replace(/\s+/g, ' ');
  if (!baseName) err('name', 'REQUIRED', 'nama is empty', 'nama kosong');
  const name = [get('frontTitle'), baseName, ''].filter(Boolean).join(' ') + (get('backTitle') ? `, ${get('backTitle')}` : '');
  if (name.length > MAX_TEXT) err('name', 'TOO_LONG', `nama is longer than ${MAX_TEXT} characters`, `nama lebih dari ${MAX_TEXT} karakter`);

  const active = parseActive(get('active'));
  if (active === null)
    err('active', 'ACTIVE_UNKNOWN',
      `aktif "${get('active').slice(0, 30)}" is not recognised: use ya/tidak, or a SIASN legal status (Aktif, CLTN, Tugas Belajar, MPP, Pensiun, Meninggal, Diberhentikan)`,
      `aktif "${get('active').slice(0, 30)}" tidak dikenali: gunakan ya/tidak, atau kedudukan hukum SIASN (Aktif, CLTN, Tugas Belajar, MPP, Pensiun, Meninggal, Diberhentikan)`);

  const email = get('email') || null;
  if (email && !EMAIL.test(email)) err('email', 'EMAIL_INVALID', 'email is not an e-mail address', 'email bukan alamat surel yang valid');
  const phone = get('phone') || null;
  if (phone && !PHONE.test(phone)) err('phone', 'PHONE_INVALID', 'phone is not a phone number', 'telepon bukan nomor telepon yang valid');
  let nik: string | null = null;
  if (get('nik')) {
    const r = validateNik(get('nik'), ctx.today, ctx.provinceCodes);
    if (!r.ok) err('nik', r.code, r.message, r.messageId);
    else nik = r.value;
  }

  const unitPath = [...splitUnitPath(get('unitParent')), ...splitUnitPath(get('unit'))];
  // SIASN repeats the parent as the unit for staff placed directly in it.
  const dedupedPath = unitPath.filter((p, i) => i === 0 || p.toLowerCase() !== unitPath[i - 1]!.toLowerCase());
  if (dedupedPath.some((p) => p.length > MAX_TEXT))
    err('unit', 'TOO_LONG', `unit name is longer than ${MAX_TEXT} characters`, `nama unit lebih dari ${MAX_TEXT} karakter`);
  if (dedupedPath.length > 8) err('unit', 'UNIT_TOO_DEEP', 'unit path has more than 8 levels', 'jalur unit lebih dari 8 tingkat');

  const position = text('position');
  const echelon = text('echelon');
  const rank = text('rank');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { row, employmentType: type!, nip, internalId, name, position, echelon, rank, unitPath: dedupedPath, active: active!, email, phone, nik },
  };
}
