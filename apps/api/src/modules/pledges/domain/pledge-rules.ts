/**
 * Pledge texts and signing rules (pure). The default surat pernyataan carries the four usual
 * commitments of regional ikrar texts (domain.md §2.6 [S38, S39, S59, S60]).
 */
export const DEFAULT_PLEDGE = {
  kind: 'surat_pernyataan' as const,
  title: 'Surat Pernyataan Netralitas Aparatur Sipil Negara',
  source: 'Regional ikrar texts (domain.md §2.6; S38, S39, S59, S60); SKB 2022 on ASN neutrality (S8, S9)',
  body: [
    'Saya yang bertanda tangan di bawah ini menyatakan dengan sesungguhnya bahwa saya akan:',
    '1. Menjaga dan menegakkan prinsip netralitas dalam melaksanakan tugas pelayanan publik sebelum, selama, dan sesudah pelaksanaan Pemilihan Umum dan Pemilihan.',
    '2. Menghindari konflik kepentingan, tidak melakukan intimidasi dan ancaman, serta tidak memihak kepada peserta Pemilihan Umum dan Pemilihan.',
    '3. Menggunakan media sosial secara bijak, tidak menyebarkan ujaran kebencian dan berita bohong (hoaks).',
    '4. Menolak politik uang dan segala bentuk pemberian yang berkaitan dengan peserta Pemilihan Umum dan Pemilihan.',
    'Apabila saya melanggar pernyataan ini, saya bersedia dikenai sanksi sesuai ketentuan peraturan perundang-undangan.',
  ].join('\n'),
};

export type SignRefusal = { code: string; message: { id: string; en: string } };

/** Is the campaign open for signing (and reminding) on `today` (local date)? */
export function checkPeriod(input: { today: string; opensOn: string; closesOn: string }): SignRefusal | null {
  if (input.today < input.opensOn || input.today > input.closesOn)
    return { code: 'PLEDGE_OUTSIDE_PERIOD', message: { id: `Penandatanganan hanya dibuka ${input.opensOn} s.d. ${input.closesOn}.`, en: `Signing is open only from ${input.opensOn} to ${input.closesOn}.` } };
  return null;
}

/** May this employee sign this campaign today? Checks period, scope, type and status. */
export function checkCanSign(input: {
  today: string;
  opensOn: string;
  closesOn: string;
  employee: { active: boolean; employmentType: string; inScope: boolean };
  employmentTypes: readonly string[];
  alreadySigned: boolean;
}): SignRefusal | null {
  const period = checkPeriod(input);
  if (period) return period;
  if (!input.employee.inScope || !input.employee.active)
    return { code: 'PLEDGE_OUT_OF_SCOPE', message: { id: 'Pegawai ini tidak termasuk dalam kampanye pernyataan ini.', en: 'This employee is not covered by this pledge campaign.' } };
  if (!input.employmentTypes.includes(input.employee.employmentType))
    return { code: 'PLEDGE_OUT_OF_SCOPE', message: { id: `Kampanye ini tidak untuk pegawai ${input.employee.employmentType}.`, en: `This campaign is not for ${input.employee.employmentType} staff.` } };
  if (input.alreadySigned)
    return { code: 'PLEDGE_ALREADY_SIGNED', message: { id: 'Pegawai ini sudah menandatangani pernyataan pada kampanye ini.', en: 'This employee has already signed in this campaign.' } };
  return null;
}

/** "Budi Santoso" -> "B*** S******": the public verification page never shows a full name. */
export const maskName = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]}${'*'.repeat(Math.max(2, w.length - 1))}`)
    .join(' ');

export const isEMeteraiSerial = (s: string) => /^[A-Za-z0-9]{22}$/.test(s);

/** Coverage figures from required and signed counts; percent has one decimal. */
export const countsOf = (c: { required: number; signed: number }) => ({
  required: c.required,
  signed: c.signed,
  missing: c.required - c.signed,
  percent: c.required ? Math.round((c.signed / c.required) * 1000) / 10 : 0,
});

/** The public verification page of a pledge, printed on its document and in its QR code. */
export const verifyUrl = (publicBase: string, code: string) => `${publicBase.replace(/\/+$/, '')}/verify/${encodeURIComponent(code)}`;

type CampaignText = { title: string; closesOn: string; agency: string; publicBase: string };

/** The reminder to an employee who has not signed: no name or NIP, so a misdirected message leaks nothing. */
export const employeeReminder = (c: CampaignText) => ({
  subject: 'Pengingat: pernyataan netralitas ASN',
  body: [
    `Anda tercatat belum menandatangani "${c.title}" (${c.agency}).`,
    `Penandatanganan ditutup ${c.closesOn}. Tanda tangani melalui ${c.publicBase} dengan NIP Anda; kode sekali pakai dikirim ke kontak terdaftar.`,
    'Abaikan pesan ini bila Anda sudah menandatangani hari ini.',
  ].join('\n'),
});

/** The daily summary to a unit's admin: counts only, the names are in the missing list. */
export const unitSummary = (c: CampaignText & { unitPath: string; missing: number; required: number }) => ({
  subject: `Rekap pernyataan netralitas: ${c.unitPath}`,
  body: [
    `"${c.title}" (${c.agency}): ${c.missing} dari ${c.required} pegawai di ${c.unitPath} belum menandatangani.`,
    `Penandatanganan ditutup ${c.closesOn}. Daftar lengkap ada di Netra (${c.publicBase}), menu pernyataan netralitas.`,
  ].join('\n'),
});
