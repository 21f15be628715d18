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
  unit: ['unit', 'unitpath', 'jalurunit', 'unitkerja', 'unor', 'unornama', 'namaunor', 'satuankerja', 'satker', 'unitorganisasi', 'workunit', 'department'],
  // the OPD (perangkat daerah) a work unit belongs to: agency lists often have both "OPD" and "Unit Kerja"
  unitParent: [
    'unorinduk', 'unorindukanama', 'unorindukname', 'unorinduknama', 'unitorganisasiinduk', 'unitinduk', 'opd', 'namaopd',
    'perangkatdaerah', 'organisasiperangkatdaerah', 'skpd', 'parentunit',
  ],
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

/**
 * Headers whose unit cell is a path from the agency root (the canonical template's `unit`, which the
 * export writes as "A / B"); every other unit column (SIASN's UNOR_NAMA, "Unit Kerja", ...) holds one
 * unit's name, which may itself contain "/" ("SD NEGERI 1/II CIRUAS").
 */
const UNIT_PATH_HEADERS = new Set(['unit', 'unitpath', 'jalurunit']);

/** `unitIsPath`: the unit column is the path-style one (split on the path separators). */
export type HeaderMapping = { columns: Map<Field, string>; missing: Field[]; duplicates: string[]; unitIsPath: boolean };

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
  const unit = columns.get('unit');
  return { columns, missing, duplicates, unitIsPath: unit !== undefined && UNIT_PATH_HEADERS.has(normalizeHeader(unit)) };
}

/** How many required columns a row would map if it were the header (finds the header below title rows). */
export const headerScore = (cells: string[]) => REQUIRED_FIELDS.length - mapHeaders(cells).missing.length;

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
 * The active flag from a legal status, SIASN's KEDUDUKAN_HUKUM_NAMA or an agency's own wording. The
 * first rule whose words occur in the status decides, so compound phrases come before the words they
 * contain ("Masa Persiapan Pensiun" before "pensiun", "Tidak Aktif" before "aktif"). `active` means
 * "still an ASN/employee of the agency, so bound by neutrality" - not "at the desk today". Values not
 * matched by any rule stay a row error: a status we cannot place is not guessed.
 * Basis: UU 5/2014 on ASN, replaced by UU 20/2023 (an ASN stays one until dismissed: pemberhentian;
 * the articles of UU 5/2014 are cited, their numbers in UU 20/2023 are UNCONFIRMED), PP 11/2017
 * as amended by PP 17/2020 on PNS management (CLTN, tugas belajar, pemberhentian sementara, MPP,
 * retirement age), and SIASN's reference list of kedudukan hukum (codes 01-16 and 20 are statuses of
 * a serving PNS; 66-99 end the service).
 */
const LEGAL_STATUS_RULES: { words: RegExp; active: boolean }[] = [
  // the words of not being active, before "aktif" which they contain
  { words: /\b(tidak aktif|non ?aktif|inaktif|inaktiv|inactive)\b/, active: false },
  // still a PNS while suspended (UU 5/2014 Pasal 88 and PP 11/2017: pemberhentian sementara, skorsing)
  // and in the pre-retirement period (MPP: a PNS until the pension date); before "pemberhentian"/"pensiun"
  { words: /\b(pemberhentian sementara|diberhentikan sementara|skorsing|masa persiapan pensiun|persiapan pensiun|mpp)\b/, active: true },
  {
    words: new RegExp('\\b(' + [
      'aktif', 'active', 'calon',
      // leave outside the state budget (CLTN, also its extension), other leave, study assignment: still PNS
      'cltn', 'cuti', 'tugas belajar',
      // seconded or placed elsewhere, or waiting for a post, still on this agency's books
      'diperbantukan', 'dipekerjakan', 'titipan', 'menunggu tugas', 'bebas tugas', 'pembebasan',
      // "uang tunggu": laid off with waiting pay, still a PNS who can be placed again
      'uang tunggu',
      // holding a state office (pejabat negara) or elected village head: the PNS post is suspended, the
      // status is kept (UU 5/2014 Pasal 88(1)a; PP 43/2014 Pasal 47 as amended: a PNS kepala desa keeps
      // the rights of a PNS), and neutrality rules bind both (UU 7/2017 Pasal 280-283)
      'pejabat negara', 'kepala desa',
      // compulsory military service and displacement by conflict or disaster do not end the service
      'prajurit wajib', 'wajib militer', 'pengungsi',
      // disciplined, appealing a dismissal (banding BAPEK) or objecting to a penalty, or demoted: a PNS
      // until a dismissal takes effect
      'hukuman disiplin', 'banding', 'keberatan', 'penurunan jabatan',
    ].join('|') + ')\\b'),
    active: true,
  },
  {
    words: new RegExp('\\b(' + [
      // retirement, also at the age limit (BUP: batas usia pensiun)
      'pensiun', 'purna', 'bup',
      // death; "punah" is SIASN's code 67 for a record that ended; a PNS missing for 12 months is
      // deemed dead (PP 11/2017), and meanwhile is not in service
      'meninggal', 'wafat', 'punah', 'hilang',
      // dismissal with or without pension, resignation, and an appointment that was void (TMS: did not
      // meet the requirements of the selection; pembatalan NIP)
      'diberhentikan', 'berhenti', 'pemberhentian', 'ptdh', 'phk', 'mengundurkan diri', 'tms', 'pembatalan',
      // moved to another agency (mutasi/pindah keluar): no longer this agency's employee
      'keluar',
    ].join('|') + ')\\b'),
    active: false,
  },
];

/** The active flag of a non-blank status cell; null when it is not recognised. */
export function parseActive(raw: string): boolean | null {
  const v = raw.trim().toLowerCase().replace(/[_\s]+/g, ' ');
  if (v === '') return null;
  if (['1', 'y', 'ya', 'yes', 'true'].includes(v)) return true;
  if (['0', 't', 'n', 'tidak', 'no', 'false'].includes(v)) return false;
  return LEGAL_STATUS_RULES.find((r) => r.words.test(v))?.active ?? null;
}

/**
 * "Dinas Kesehatan / Bidang P2P" or "Dinas Kesehatan > Bidang P2P" -> ['Dinas Kesehatan', 'Bidang P2P'].
 * ">", "\\" and "|" always separate; "/" only with a space beside it, as the export writes paths
 * (" / "): unit names use a bare "/" ("SD NEGERI 1/II CIRUAS", "Kelurahan/Desa").
 */
export function splitUnitPath(raw: string): string[] {
  return raw
    .split(/\s*[>\\|]\s*|\s+\/\s*|\s*\/\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** One unit name (a cell that is not a path). */
const unitName = (raw: string) => {
  const name = raw.replace(/\s+/g, ' ').trim();
  return name ? [name] : [];
};

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
  /** null: the file has no status column or the cell is blank, so a stored employee keeps the flag (a new one is active) */
  active: boolean | null;
  email: string | null;
  phone: string | null;
  nik: string | null;
};

/** `csv`: the row comes from a CSV file, where the export guards formula cells with a leading apostrophe. */
export type RowContext = { today: Ymd; provinceCodes: ReadonlySet<string>; csv?: boolean };

/**
 * Undoes the export's formula guard: in CSV a cell starting with = + - @ (or tab/CR) is written with
 * one leading apostrophe (export-writers safeCell), so one is removed where it precedes those, or
 * precedes more apostrophes that do. A NIP or NIK may carry Excel's text marker in any file.
 */
const FORMULA_GUARDED = /^'+[=+\-@\t\r]/;
const unguard = (v: string, csv: boolean) => (csv && FORMULA_GUARDED.test(v) ? v.slice(1) : v);
const withoutTextMarker = (v: string) => v.replace(/^'/, '');

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
    const v = col === undefined ? '' : unguard(raw[col] ?? '', ctx.csv ?? false).trim();
    return f === 'nip' || f === 'nik' ? withoutTextMarker(v) : v;
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

  const rawActive = get('active');
  const active = rawActive === '' ? null : parseActive(rawActive);
  if (active === null && rawActive !== '')
    err('active', 'ACTIVE_UNKNOWN',
      `aktif "${rawActive.slice(0, 30)}" is not recognised: use ya/tidak, or a SIASN legal status (Aktif, CLTN, Tugas Belajar, MPP, Pensiun, Meninggal, Diberhentikan)`,
      `aktif "${rawActive.slice(0, 30)}" tidak dikenali: gunakan ya/tidak, atau kedudukan hukum SIASN (Aktif, CLTN, Tugas Belajar, MPP, Pensiun, Meninggal, Diberhentikan)`);

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

  const unitPath = [...unitName(get('unitParent')), ...(mapping.unitIsPath ? splitUnitPath : unitName)(get('unit'))];
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
    value: { row, employmentType: type!, nip, internalId, name, position, echelon, rank, unitPath: dedupedPath, active, email, phone, nik },
  };
}
