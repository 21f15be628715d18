import type { EmploymentType } from '@netra/contracts';
import { normalizeDigits } from '../../registry/domain/identifiers.ts';
import { dateInWords } from '@netra/rules';

const COMMITMENTS = [
  'Menjaga dan menegakkan prinsip netralitas dalam melaksanakan tugas pelayanan publik sebelum, selama, dan sesudah pelaksanaan Pemilihan Umum dan Pemilihan.',
  'Menghindari konflik kepentingan, tidak melakukan intimidasi dan ancaman, serta tidak memihak kepada peserta Pemilihan Umum dan Pemilihan.',
  'Menggunakan media sosial secara bijak, tidak menyebarkan ujaran kebencian dan berita bohong (hoaks).',
  'Menolak politik uang dan segala bentuk pemberian yang berkaitan dengan peserta Pemilihan Umum dan Pemilihan.',
];
const numbered = (items: readonly string[]) => items.map((c, i) => `${i + 1}. ${c}`);

/**
 * Pledge texts and signing rules (pure). The default surat pernyataan carries the four usual
 * commitments of regional ikrar texts (domain.md §2.6 [S38, S39, S59, S60]).
 */
export const DEFAULT_PLEDGE = {
  kind: 'surat_pernyataan' as const,
  title: 'Surat Pernyataan Netralitas Aparatur Sipil Negara',
  source: 'SKB Netralitas ASN 2022 (22 Sep 2022); empat komitmen teks ikrar daerah / 2022 Joint Decree on ASN neutrality; the four commitments of regional pledge texts',
  body: [
    'Saya yang bertanda tangan di bawah ini menyatakan dengan sesungguhnya bahwa saya akan:',
    ...numbered(COMMITMENTS),
    'Apabila saya melanggar pernyataan ini, saya bersedia dikenai sanksi sesuai ketentuan peraturan perundang-undangan.',
  ].join('\n'),
};

/**
 * The national standard texts, one per form: the surat pernyataan above, the pakta integritas the SKB
 * is cited for (PPKs signed one at Bawaslu's meeting, Bali, 27 Sep 2022) and the ikrar recited at
 * apel, each with the same four commitments (domain.md §2.1, §2.6 [S38, S39, S59, S60]). Agencies add
 * their own versions of any form; these stay as version 1 of the standard.
 */
export const STANDARD_PLEDGES = [
  DEFAULT_PLEDGE,
  {
    kind: 'pakta_integritas' as const,
    title: 'Pakta Integritas Netralitas Aparatur Sipil Negara',
    source: 'SKB Netralitas ASN 2022 sebagai dasar pakta integritas; empat komitmen teks ikrar daerah / The 2022 Joint Decree as the basis of the integrity pact; the four commitments of regional pledge texts',
    body: [
      'Dalam rangka mewujudkan Aparatur Sipil Negara yang netral pada Pemilihan Umum dan Pemilihan, saya yang bertanda tangan di bawah ini berjanji untuk:',
      ...numbered(COMMITMENTS),
      'Pakta integritas ini saya tanda tangani dengan penuh kesadaran dan tanggung jawab. Apabila saya melanggarnya, saya bersedia dikenai sanksi sesuai ketentuan peraturan perundang-undangan.',
    ].join('\n'),
  },
  {
    kind: 'ikrar' as const,
    title: 'Ikrar Netralitas Aparatur Sipil Negara',
    source: 'Teks ikrar daerah dengan empat komitmen / Regional pledge texts with the four commitments',
    body: ['Kami, Aparatur Sipil Negara, dengan ini berikrar:', ...numbered(COMMITMENTS)].join('\n'),
  },
] as const;

export type SignRefusal = { code: string; message: { id: string; en: string } };

/** Employment types as words, for people and documents (the codes stay in the data and the API). */
export const EMPLOYMENT_TYPE_WORDS: Record<EmploymentType, string> = { PNS: 'PNS', PPPK: 'PPPK', NON_ASN: 'Non-ASN' };
const typeWords = (type: string) => EMPLOYMENT_TYPE_WORDS[type as EmploymentType] ?? type;

/** What a signer's number is called on a document: the NIP of a PNS, the NI PPPK, a non-ASN's agency-issued number. */
export const IDENTITY_LABELS: Record<EmploymentType, string> = { PNS: 'NIP', PPPK: 'NI PPPK', NON_ASN: 'Nomor pegawai' };

/** Is the campaign open for signing (and reminding) on `today` (local date)? */
export function checkPeriod(input: { today: string; opensOn: string; closesOn: string }): SignRefusal | null {
  if (input.today < input.opensOn || input.today > input.closesOn)
    return {
      code: 'PLEDGE_OUTSIDE_PERIOD',
      message: {
        id: `Penandatanganan hanya dibuka ${dateInWords(input.opensOn, 'id')} s.d. ${dateInWords(input.closesOn, 'id')}.`,
        en: `Signing is open only from ${dateInWords(input.opensOn, 'en')} to ${dateInWords(input.closesOn, 'en')}.`,
      },
    };
  return null;
}

/** May a ceremony held on `heldOn` be recorded today? Never in the future, always within the campaign's period. */
export function checkCeremonyDate(input: { heldOn: string; today: string; opensOn: string; closesOn: string }): SignRefusal | null {
  if (input.heldOn > input.today) return { code: 'CEREMONY_IN_FUTURE', message: { id: 'Tanggal penandatanganan belum terjadi.', en: 'The ceremony date is in the future.' } };
  return checkPeriod({ today: input.heldOn, opensOn: input.opensOn, closesOn: input.closesOn });
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
    return { code: 'PLEDGE_OUT_OF_SCOPE', message: { id: `Kampanye ini tidak untuk pegawai ${typeWords(input.employee.employmentType)}.`, en: `This campaign is not for ${typeWords(input.employee.employmentType)} staff.` } };
  if (input.alreadySigned)
    return { code: 'PLEDGE_ALREADY_SIGNED', message: { id: 'Pegawai ini sudah menandatangani pernyataan pada kampanye ini.', en: 'This employee has already signed in this campaign.' } };
  return null;
}

/**
 * The one answer the public signing endpoints give to every NIP a campaign does not cover: unknown,
 * another agency's, outside the campaign's units or types, no longer active. They must not tell anyone
 * whether a NIP exists in the registry, so the message leads both the mistyped and the uncovered to
 * what they can do.
 */
export const NIP_NOT_COVERED: SignRefusal = {
  code: 'PLEDGE_OUT_OF_SCOPE',
  message: {
    id: 'NIP tidak terdaftar dalam kampanye ini. Periksa kembali NIP yang Anda ketik; bila sudah benar, hubungi admin kepegawaian unit Anda.',
    en: 'This NIP is not covered by this campaign. Check the NIP you typed; if it is correct, contact the staff administrator of your unit.',
  },
};

/** An attendance-list entry as typed: a NIP in any written form ("19860926 201505 1 001", dots, dashes), or a non-ASN internal id. */
export type ListedId = { nip: string; internalId: string };

/** A NIP with its spaces, dots and dashes taken out; an internal id as typed, trimmed. */
export const listedId = (typed: string): ListedId => ({ nip: normalizeDigits(typed), internalId: typed.trim() });

/** The name an entry is counted and reported under: the NIP's digits, else the id as typed (trimmed). */
const listedKey = (id: ListedId) => (/^\d+$/.test(id.nip) ? id.nip : id.internalId);

/** An employee an attendance list named whom the recorder may sign for (covered by the campaign, in the recorder's scope). */
export type ListedEmployee = { id: string; nip: string | null; internal_id: string | null };

/**
 * Tallies an attendance list against the employees it named whom the recorder may sign for (`found`):
 * `listed` counts each person once however often or however written; every other entry is
 * `notCovered`, each once, as its NIP digits or its id as typed, in the order first seen. An entry
 * naming an employee outside the recorder's units is told apart from an unknown one in nothing: the
 * answer must not reveal which NIPs belong to the agency, nor who of them has signed.
 */
export function tallyAttendance(typed: readonly string[], found: readonly ListedEmployee[]) {
  const byNip = new Map(found.flatMap((e) => (e.nip ? [[e.nip, e] as const] : [])));
  const byInternalId = new Map(found.flatMap((e) => (e.internal_id ? [[e.internal_id, e] as const] : [])));
  const people = new Set<string>();
  const notCovered = new Set<string>();
  for (const t of typed) {
    const id = listedId(t);
    const key = listedKey(id);
    if (!key) continue;
    const employee = byNip.get(id.nip) ?? byInternalId.get(id.internalId);
    if (employee) people.add(employee.id);
    else notCovered.add(key);
  }
  return { listed: people.size + notCovered.size, notCovered: [...notCovered] };
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
    `Penandatanganan ditutup ${dateInWords(c.closesOn, 'id')}. Tanda tangani melalui ${c.publicBase} dengan NIP Anda; kode sekali pakai dikirim ke kontak terdaftar.`,
    'Abaikan pesan ini bila Anda sudah menandatangani hari ini.',
  ].join('\n'),
});

/** The daily summary to a unit's admin: counts only, the names are in the missing list. */
export const unitSummary = (c: CampaignText & { unitPath: string; missing: number; required: number; missingUrl: string }) => ({
  subject: `Rekap pernyataan netralitas: ${c.unitPath}`,
  body: [
    `"${c.title}" (${c.agency}): ${c.missing} dari ${c.required} pegawai di ${c.unitPath} belum menandatangani.`,
    `Penandatanganan ditutup ${dateInWords(c.closesOn, 'id')}. Daftar nama yang belum menandatangani: ${c.missingUrl} (masuk dengan akun Netra Anda).`,
  ].join('\n'),
});

/**
 * Signatures per day as a continuous series from `from` to `to` (ISO dates, inclusive; widened to
 * take in any day that has signatures), with the running total.
 */
export function dailySeries(counts: readonly { date: string; n: number }[], from: string, to: string): { date: string; signed: number; cumulative: number }[] {
  const byDay = new Map(counts.map((c) => [c.date, c.n]));
  const days = [...byDay.keys()].sort();
  const first = days[0] && days[0] < from ? days[0] : from;
  const last = days.at(-1) && days.at(-1)! > to ? days.at(-1)! : to;
  const out: { date: string; signed: number; cumulative: number }[] = [];
  let cumulative = 0;
  for (let t = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`); t <= end; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const signed = byDay.get(date) ?? 0;
    cumulative += signed;
    out.push({ date, signed, cumulative });
  }
  return out;
}
