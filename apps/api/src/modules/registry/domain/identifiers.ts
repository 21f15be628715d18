/**
 * Validators for the identifiers of domain.md §8: NIP (PNS, Perka BKN 22/2007), NI PPPK and NIK
 * (PP 37/2007). Each failure says which part is wrong, in English and Bahasa Indonesia.
 * Pure: "today" comes in as an argument.
 */
export type IdCheck = { ok: true; value: string } | { ok: false; code: string; message: string; messageId: string };

const fail = (code: string, message: string, messageId: string): IdCheck => ({ ok: false, code, message, messageId });

/** Accepts the common written forms "19860926 201505 1 001" and "19860926.201505.1.001". */
export function normalizeDigits(raw: string): string {
  return raw.trim().replace(/[\s.-]/g, '');
}

/**
 * An employee id as typed on a form or a list: a NIP / NI PPPK in any written form becomes its digits;
 * anything else (a non-ASN internal id such as "THL-0012") stays as typed, trimmed.
 */
export function normalizeEmployeeId(typed: string): string {
  const digits = normalizeDigits(typed);
  return /^\d+$/.test(digits) ? digits : typed.trim();
}

export type Ymd = { y: number; m: number; d: number };

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const iso = (y: number, m: number, d?: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}${d === undefined ? '' : `-${String(d).padStart(2, '0')}`}`;

const MIN_BIRTH_YEAR = 1930;
/** Minimum age at first appointment as CPNS/PPPK (UU ASN: 18 years). */
const MIN_APPOINTMENT_AGE = 18;

/** "1.98503E+17": a spreadsheet held the number as a number and shows it rounded; the digits are lost. */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;

function checkLength(kind: string, raw: string, digits: string, length: number): IdCheck | null {
  if (SCIENTIFIC.test(raw.trim()))
    return fail(
      'EXCEL_NUMBER_ROUNDED',
      `${kind} "${raw.trim().slice(0, 30)}" was saved as a number in scientific notation, so its last digits are lost; format the column as Text and type it again`,
      `${kind} "${raw.trim().slice(0, 30)}" tersimpan sebagai angka dalam notasi ilmiah sehingga digit terakhirnya hilang; format kolom sebagai Teks lalu ketik ulang`,
    );
  if (!/^\d+$/.test(digits)) return fail('ID_NOT_DIGITS', `${kind} must contain digits only`, `${kind} hanya boleh berisi angka`);
  if (digits.length !== length)
    return fail('ID_LENGTH', `${kind} must be ${length} digits; found ${digits.length}`, `${kind} harus ${length} digit; ditemukan ${digits.length}`);
  return null;
}

function checkBirth(kind: string, digits: string, today: Ymd): IdCheck | Ymd {
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  if (!isRealDate(y, m, d) || y < MIN_BIRTH_YEAR || iso(y, m, d) > iso(today.y, today.m, today.d))
    return fail(
      'ID_BIRTH_DATE',
      `${kind} digits 1-8: birth date ${iso(y, m, d)} is not a real date of birth`,
      `${kind} digit 1-8: tanggal lahir ${iso(y, m, d)} bukan tanggal lahir yang valid`,
    );
  return { y, m, d };
}

function checkSexAndSequence(kind: string, digits: string): IdCheck | null {
  const sex = digits[14];
  if (sex !== '1' && sex !== '2')
    return fail('ID_SEX', `${kind} digit 15: sex code ${sex} must be 1 (male) or 2 (female)`, `${kind} digit 15: kode jenis kelamin ${sex} harus 1 (laki-laki) atau 2 (perempuan)`);
  const seq = digits.slice(15, 18);
  if (seq === '000')
    return fail('ID_SEQUENCE', `${kind} digits 16-18: sequence 000 must start at 001`, `${kind} digit 16-18: nomor urut 000 harus dimulai dari 001`);
  return null;
}

/** NIP: YYYYMMDD (birth) YYYYMM (TMT CPNS) G (sex) NNN (sequence). */
export function validateNip(raw: string, today: Ymd): IdCheck {
  const digits = normalizeDigits(raw);
  const len = checkLength('NIP', raw, digits, 18);
  if (len) return len;
  const birth = checkBirth('NIP', digits, today);
  if ('ok' in birth) return birth;
  const ty = Number(digits.slice(8, 12));
  const tm = Number(digits.slice(12, 14));
  if (tm < 1 || tm > 12)
    return fail('NIP_TMT', `NIP digits 9-14: TMT ${iso(ty, tm)} is not a month`, `NIP digit 9-14: TMT ${iso(ty, tm)} bukan bulan yang valid`);
  if (iso(ty, tm) > iso(today.y, today.m))
    return fail('NIP_TMT', `NIP digits 9-14: TMT ${iso(ty, tm)} is in the future`, `NIP digit 9-14: TMT ${iso(ty, tm)} ada di masa depan`);
  if (iso(ty, tm) < iso(birth.y + MIN_APPOINTMENT_AGE, birth.m))
    return fail(
      'NIP_TMT',
      `NIP digits 9-14: TMT ${iso(ty, tm)} is before age ${MIN_APPOINTMENT_AGE} (born ${iso(birth.y, birth.m, birth.d)})`,
      `NIP digit 9-14: TMT ${iso(ty, tm)} sebelum usia ${MIN_APPOINTMENT_AGE} tahun (lahir ${iso(birth.y, birth.m, birth.d)})`,
    );
  return checkSexAndSequence('NIP', digits) ?? { ok: true, value: digits };
}

/**
 * NI PPPK: YYYYMMDD (birth) YYYY (first appointment) NN (agreement/batch code, meaning
 * UNCONFIRMED, domain.md §8.2) G (sex) NNN (sequence). Only the confirmed parts are checked.
 */
export function validateNiPppk(raw: string, today: Ymd): IdCheck {
  const digits = normalizeDigits(raw);
  const len = checkLength('NI PPPK', raw, digits, 18);
  if (len) return len;
  const birth = checkBirth('NI PPPK', digits, today);
  if ('ok' in birth) return birth;
  const year = Number(digits.slice(8, 12));
  // PPPK were first appointed under PP 49/2018 (first intake 2019).
  if (year < 2019 || year > today.y)
    return fail('NI_PPPK_YEAR', `NI PPPK digits 9-12: appointment year ${year} must be between 2019 and ${today.y}`, `NI PPPK digit 9-12: tahun pengangkatan ${year} harus antara 2019 dan ${today.y}`);
  if (year < birth.y + MIN_APPOINTMENT_AGE)
    return fail('NI_PPPK_YEAR', `NI PPPK digits 9-12: appointment year ${year} is before age ${MIN_APPOINTMENT_AGE}`, `NI PPPK digit 9-12: tahun pengangkatan ${year} sebelum usia ${MIN_APPOINTMENT_AGE} tahun`);
  return checkSexAndSequence('NI PPPK', digits) ?? { ok: true, value: digits };
}

/**
 * NIK: PP KK CC (region where first registered) DDMMYY (birth; +40 on the day for women) SSSS.
 * `provinceCodes` is the master list of province codes.
 */
export function validateNik(raw: string, today: Ymd, provinceCodes: ReadonlySet<string>): IdCheck {
  const digits = normalizeDigits(raw);
  const len = checkLength('NIK', raw, digits, 16);
  if (len) return len;
  const prov = digits.slice(0, 2);
  if (!provinceCodes.has(prov))
    return fail('NIK_REGION', `NIK digits 1-2: ${prov} is not a province code`, `NIK digit 1-2: ${prov} bukan kode provinsi`);
  if (digits.slice(2, 4) === '00' || digits.slice(4, 6) === '00')
    return fail('NIK_REGION', `NIK digits 3-6: ${digits.slice(2, 6)} is not a regency and district code`, `NIK digit 3-6: ${digits.slice(2, 6)} bukan kode kabupaten/kota dan kecamatan`);
  let day = Number(digits.slice(6, 8));
  if (day > 40) day -= 40;
  const month = Number(digits.slice(8, 10));
  const yy = Number(digits.slice(10, 12));
  const year = 2000 + yy <= today.y ? 2000 + yy : 1900 + yy;
  if (!isRealDate(year, month, day))
    return fail('NIK_BIRTH_DATE', `NIK digits 7-12: ${digits.slice(6, 12)} is not a birth date (DDMMYY, day + 40 for women)`, `NIK digit 7-12: ${digits.slice(6, 12)} bukan tanggal lahir (DDMMYY, tanggal + 40 untuk perempuan)`);
  if (digits.slice(12) === '0000')
    return fail('ID_SEQUENCE', 'NIK digits 13-16: sequence 0000 must start at 0001', 'NIK digit 13-16: nomor urut 0000 harus dimulai dari 0001');
  return { ok: true, value: digits };
}

/** Agency-internal id for non-ASN staff (no national identifier exists for them). */
export function validateInternalId(raw: string): IdCheck {
  const v = raw.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/.test(v))
    return fail('INTERNAL_ID', `internal id "${v.slice(0, 50)}" must be 1-40 letters, digits, dot, dash, slash or underscore`, `id internal "${v.slice(0, 50)}" harus 1-40 huruf, angka, titik, strip, garis miring atau garis bawah`);
  return { ok: true, value: v };
}

export function ymdOf(date: Date, utcOffsetHours = 7): Ymd {
  const local = new Date(date.getTime() + utcOffsetHours * 3_600_000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}
