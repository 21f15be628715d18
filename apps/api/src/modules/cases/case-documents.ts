/**
 * Case documents as PDFs: receipt, registration notice, summons, review summary, Gakkumdu minutes,
 * forwarding letter and recommendation. They are official letters in Indonesian: codes are printed as
 * the words the law and the office use, dates and times as the case office's local time, and the legal
 * basis as the instruments alone (the rules data keeps research notes beside its citations; those stay
 * out). They are built from the case record only: the sealed reporter identity is never read here, so
 * no forwarded package can carry it.
 *
 * `caseDocumentLines` decides every line (pure, tested); `renderCaseDocument` only lays them out.
 */
import type { CaseDetail } from '@netra/contracts';
import {
  DEADLINE_RULES, MORAL_SANCTIONS, NON_ASN_CONTRACT_SANCTIONS, PP53_SANCTIONS, PP94_EFFECTIVE_DATE, PP94_SANCTIONS, PTDH_SANCTIONS, TIME_ZONES, UNCONFIRMED_WORDS, asnAuthorities, catalogueActs, dateInWords, findElection,
  legalBasisCitations, localDateInRegion, localTimeInWords, timeInWords, timeZoneOfRegion, weekdayOf, type Election, type Rules,
} from '@netra/rules';
import { notFound } from '../../platform/errors.ts';
import { PdfWriter, type TextOptions } from '../../platform/pdf.ts';
import { CHRONOLOGY_MARK, REPORTER_ACCOUNT_WITHHELD, STATUS_WORDS, withholdReporterAccount } from './domain/workflow.ts';

export const DOCUMENT_KINDS = ['receipt', 'registration', 'summons', 'review', 'gakkumdu_minutes', 'forwarding', 'recommendation'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const TITLES: Record<DocumentKind, string> = {
  receipt: 'TANDA TERIMA PENYAMPAIAN LAPORAN / TEMUAN',
  registration: 'PEMBERITAHUAN REGISTRASI',
  summons: 'UNDANGAN KLARIFIKASI',
  gakkumdu_minutes: 'BERITA ACARA PEMBAHASAN SENTRA GAKKUMDU',
  review: 'RINGKASAN KAJIAN DUGAAN PELANGGARAN',
  forwarding: 'PENERUSAN DUGAAN PELANGGARAN PERATURAN PERUNDANG-UNDANGAN LAINNYA (NETRALITAS ASN)',
  recommendation: 'REKOMENDASI SANKSI',
};

/** Which documents exist once the case has reached a step. */
export function availableDocuments(c: Pick<CaseDetail, 'status' | 'caseNumber' | 'events' | 'recommendation'>): DocumentKind[] {
  const seen = new Set(c.events.map((e) => e.type));
  const gakkumdu = c.events.some((e) => e.type === 'DECIDE' && (e.payload as { outcome?: string }).outcome === 'election_crime');
  const exists: Record<DocumentKind, boolean> = {
    receipt: true, registration: !!c.caseNumber, summons: seen.has('SUMMON'), review: seen.has('DECIDE'), gakkumdu_minutes: gakkumdu,
    forwarding: seen.has('FORWARD'), recommendation: !!c.recommendation,
  };
  return DOCUMENT_KINDS.filter((k) => exists[k]);
}

/** The reported person's registry record, for the letters the civil-service authority and the PPK act on. */
export type ReportedEmployee = {
  name: string;
  employmentType: string;
  /** NIP (PNS) or NI PPPK; null for non-ASN staff. */
  nip: string | null;
  /** The agency's own number of a non-ASN worker. */
  internalId?: string | null;
  position: string | null;
  unitPath: string | null;
  agencyName: string;
};

export type DocumentOptions = {
  /** The linked registry record of the reported person (printed on the review, forwarding and recommendation). */
  reportedEmployee?: ReportedEmployee | null;
  /** Which summons to print, 0-based in the order issued; the latest when absent. */
  summonsIndex?: number;
  /** The deployment's legal settings (elections, act catalogue, authorities); the built-in data when absent. */
  rules?: Partial<Pick<Rules, 'elections' | 'acts' | 'authority'>>;
};

// --- Words -------------------------------------------------------------------------------------

const OUTCOME_WORDS: Record<string, string> = {
  no_violation: 'Bukan pelanggaran / dihentikan', election_admin: 'Pelanggaran administratif pemilu', organiser_ethics: 'Pelanggaran kode etik penyelenggara (DKPP)',
  election_crime: 'Dugaan tindak pidana pemilihan (Sentra Gakkumdu)', other_law: 'Pelanggaran peraturan perundang-undangan lainnya (netralitas ASN)',
};
const GAKKUMDU_RESULT_WORDS: Record<string, string> = { convicted: 'terbukti / diputus bersalah', acquitted: 'dibebaskan', stopped: 'dihentikan' };
/** Sanction levels: PP 42/2004 moral sanctions, PP 94/2021 discipline levels, dismissal, non-ASN contract sanctions. */
const LEVEL_WORDS: Record<string, string> = {
  moral: 'Sanksi moral', ringan: 'Hukuman disiplin ringan', sedang: 'Hukuman disiplin sedang', berat: 'Hukuman disiplin berat',
  ptdh: 'Pemberhentian tidak dengan hormat', contract: 'Sanksi sesuai perjanjian kerja (pegawai non-ASN)', none: 'Tanpa sanksi',
};
const PARTY: Record<string, string> = { reporter: 'Pelapor', reported: 'Terlapor', witness: 'Saksi' };
const WEEKDAYS = ['', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const GAKKUMDU_STEPS: Record<string, string> = {
  DECIDE: 'Pembahasan pertama: dugaan tindak pidana pemilihan diteruskan ke Sentra Gakkumdu',
  GAKKUMDU_INVESTIGATE: 'Pembahasan kedua: diteruskan kepada penyidik Kepolisian',
  GAKKUMDU_PROSECUTE: 'Pembahasan ketiga: berkas penyidikan diserahkan kepada penuntut umum',
  GAKKUMDU_TRIAL: 'Pelimpahan berkas perkara ke Pengadilan Negeri',
  GAKKUMDU_RETURN_FILE: 'Berkas perkara dikembalikan penuntut umum kepada penyidik untuk dilengkapi',
  GAKKUMDU_JUDGMENT: 'Putusan Pengadilan Negeri',
  GAKKUMDU_APPEAL: 'Banding diajukan ke Pengadilan Tinggi',
  GAKKUMDU_CONCLUDE: 'Kesimpulan',
};

const wordOr = (words: Record<string, string>, code: string | null | undefined) => (code ? (Object.hasOwn(words, code) ? words[code]! : code) : '-');
const statusWords = (status: string) => (Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status as keyof typeof STATUS_WORDS].id : status);
const isDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);
/** "2026-12-16" -> "16 Desember 2026"; nothing -> "-". */
const dateWords = (d: string | null | undefined) => (d ? dateInWords(d, 'id') : '-');
/** "2026-12-14" -> "Senin, 14 Desember 2026". */
const dayAndDate = (d: string | null | undefined) => (isDate(d) ? `${WEEKDAYS[weekdayOf(d)]}, ${dateInWords(d, 'id')}` : dateWords(d));

/** The zone of a region's office (WIB/WITA/WIT, Keppres 41/1987), WIB for an unknown province. */
function zoneOf(regionCode: string) {
  const name = timeZoneOfRegion(regionCode) ?? 'WIB';
  return { name, offsetHours: TIME_ZONES[name].utcOffsetHours };
}

/** An instant as the office's local time: "16 Desember 2026 pukul 09.05 WIB". */
export const localTimeWords = (at: Date, regionCode: string) => timeInWords(at, zoneOf(regionCode));

/**
 * A deadline's local timestamp as a letter writes it: "2026-12-16T23:59:00+07:00" -> "16 Desember 2026
 * pukul 23.59 WIB". The offset names the zone (+07 WIB, +08 WITA, +09 WIT); the clock time is the one
 * written, not converted.
 */
export const deadlineWords = (dueAt: string) => localTimeInWords(dueAt, 'id');

/** A case deadline as a letter states it, flagged when its rule is not confirmed: "... pukul 23.59 WIT (perkiraan; belum terkonfirmasi)". */
export const deadlineText = (d: { dueAt: string; unconfirmed: boolean }) => (d.unconfirmed ? `${deadlineWords(d.dueAt)} (perkiraan; ${UNCONFIRMED_WORDS.id})` : deadlineWords(d.dueAt));

/** The civil-service authority's letterhead: "BADAN KEPEGAWAIAN NEGARA" over its unit, an acronym in brackets left out. */
function authorityLetterhead(name: string): string[] {
  const m = /^(.*?) \((.*)\)$/.exec(name);
  if (!m) return [name.toUpperCase()];
  return /^[A-Z]+$/.test(m[2]!) ? [m[1]!.toUpperCase()] : [m[1]!.toUpperCase(), m[2]!.toUpperCase()];
}

// --- Legal basis -------------------------------------------------------------------------------
// A letter prints the legislation alone (`legalBasisCitations`): no research ids, developer notes or
// English remarks, and none of the decisions and rulings the web shows (the Bekasi seed-004 review).

type AssessmentView = {
  input?: { incidentDate?: string };
  election?: { id?: string };
  explanation?: { cites?: string[]; provenance?: string[] }[];
  offences?: { applies?: boolean; prohibits?: { source?: string }[]; penalisedBy?: { source?: string } }[];
  reportDeadline?: { source?: string; provenance?: string };
  deadlines?: { source?: string; provenance?: string }[];
};

/**
 * The sources an assessment states that do not ground a letter: the election's schedule (its stages,
 * contests and participants: PKPU and the general election law, which only date the facts) and the
 * handling deadlines (how long the reporter and Bawaslu had, UU 7/2017 454(6), Perbawaslu 7/2022 8(3)).
 */
function contextSources(a: AssessmentView, elections: readonly Election[] | undefined): Set<string> {
  const election = a.election?.id ? findElection(a.election.id, elections) : undefined;
  const schedule = election
    ? [election.source, ...election.stages.map((s) => s.source), ...election.contests.flatMap((c) => [c.source, ...c.excludedRegions.map((x) => x.source)])]
    : [];
  const deadlines = [a.reportDeadline, ...(a.deadlines ?? [])].flatMap((d) => [d?.provenance, d?.source]);
  return new Set([...schedule, ...deadlines, ...DEADLINE_RULES.map((r) => r.source)].filter((s): s is string => !!s));
}

/**
 * The legal basis of the review behind a case ("Dasar hukum"): the instruments that ground it - the
 * ASN rules of the act and its sanction, the authority's basis, the election-law articles that apply.
 * Left out: the articles it found not to apply (examined, not relied on), the election schedule and
 * the handling deadlines it states as context, and the discipline regulation the incident date
 * rules out (PP 53/2010 for an incident from 31 August 2021, PP 94/2021 before).
 */
export function assessmentBasis(assessment: CaseDetail['assessment'], elections?: readonly Election[]): string[] {
  const a = (assessment ?? {}) as AssessmentView;
  const sourcesOf = (applies: boolean) =>
    new Set((a.offences ?? []).filter((o) => !!o.applies === applies).flatMap((o) => [...(o.prohibits ?? []).map((p) => p.source), o.penalisedBy?.source]));
  const applied = sourcesOf(true);
  const notApplied = [...sourcesOf(false)].filter((s) => !applied.has(s));
  const context = contextSources(a, elections);
  // the data's own sources (a line's `cites` are already public references): they match the offences' article sources
  const cites = (a.explanation ?? []).flatMap((line) => line.provenance ?? line.cites ?? []).filter((c) => !notApplied.includes(c) && (applied.has(c) || !context.has(c)));
  const incident = a.input?.incidentDate;
  const superseded = !incident ? null : incident >= PP94_EFFECTIVE_DATE.date ? 'PP 53/2010' : 'PP 94/2021';
  return legalBasisCitations(cites).filter((c) => !superseded || (c !== superseded && !c.startsWith(`${superseded} `)));
}

const SANCTIONS = [...MORAL_SANCTIONS, ...PP94_SANCTIONS, ...PP53_SANCTIONS, ...PTDH_SANCTIONS, ...NON_ASN_CONTRACT_SANCTIONS];
/** "Teguran lisan (PP 94/2021 Pasal 8(2))". */
export function sanctionWords(id: string | undefined): string {
  const form = id ? SANCTIONS.find((f) => f.id === id) : undefined;
  if (!form) return id ?? '-';
  const basis = legalBasisCitations([form.source]);
  return basis.length ? `${form.name.id} (${basis.join('; ')})` : form.name.id;
}

// --- Lines -------------------------------------------------------------------------------------

export type DocumentLine = { text: string } & TextOptions;

/** "Pelapor (identitas dirahasiakan)" for the reporter whatever a record holds; the reported person and witnesses by name (domain.md §9). */
function personLine(party: string | undefined, label: string | undefined): string {
  if (party === 'reporter') return 'Pelapor (identitas dirahasiakan)';
  const role = party && Object.hasOwn(PARTY, party) ? PARTY[party] : (party ?? '-');
  return `${role}: ${label ?? '-'}`;
}

/** A PNS's NIP grouped as BKN writes it (domain.md §8.1): "19860926 201505 1 001"; an NI PPPK, whose layout is not settled (§8.2), as stored. */
const nipWords = (nip: string, employmentType: string) =>
  employmentType === 'PNS' && /^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;

/** The reporter's account withheld, as the letter's language says it (the stored marker is bilingual). */
const WITHHELD_ID = REPORTER_ACCOUNT_WITHHELD.split(' / ')[0]!;
const indonesianOnly = (s: string) => s.replaceAll(REPORTER_ACCOUNT_WITHHELD, WITHHELD_ID);

type Summons = { party?: string; personLabel?: string; scheduledOn?: string; place?: string; issuedOn?: string; scheduledTime?: string; time?: string; scheduledAt?: string };

// --- Letter parts ------------------------------------------------------------------------------
// An Indonesian official letter names its issuing office (the letterhead, "kop"), its addressee
// ("Kepada Yth.") and closes with the place, the date and the signatory; the signature is wet ink,
// so the letter leaves its space and a line for the name, and says which officer recorded the step.

const isProvince = (regionCode: string, regionName: string) => !regionCode.includes('.') && !/^provinsi\b/i.test(regionName);
/** The Bawaslu office of the case's region: "Bawaslu Kota Jayapura", "Bawaslu Provinsi Papua". */
export const officeName = (regionCode: string, regionName: string) => `Bawaslu ${isProvince(regionCode, regionName) ? 'Provinsi ' : ''}${regionName}`;
/** Its letterhead: "BADAN PENGAWAS PEMILIHAN UMUM KOTA JAYAPURA". */
export const officeLetterhead = (regionCode: string, regionName: string) =>
  `BADAN PENGAWAS PEMILIHAN UMUM ${isProvince(regionCode, regionName) ? 'PROVINSI ' : ''}${regionName}`.toUpperCase();
/** Where the office signs: the region without its kind ("Kota Jayapura" -> "Jayapura"). */
const placeOfSigning = (regionName: string) => regionName.replace(/^(Kota|Kabupaten|Kab\.|Provinsi)\s+(Adm(inistrasi|\.)\s+)?/i, '');
/** An event's actor when a person recorded it (a username), not the public form, a job or a self-service flow ("public", "system:sweep"). */
const officerOf = (label: string | undefined) => (label && !/[:\s]/.test(label) && label !== 'public' && label !== 'system' ? label : null);
/** A summons' time of day as the office wrote it ("09.00", "09:00") or its instant, in the office's zone; null when none was recorded. */
function summonsTime(sm: Summons, regionCode: string): string | null {
  const clock = [sm.scheduledTime, sm.time].map((t) => (typeof t === 'string' ? /^([01]\d|2[0-3])[.:]([0-5]\d)$/.exec(t.trim()) : null)).find(Boolean);
  if (clock) return `pukul ${clock[1]}.${clock[2]} ${zoneOf(regionCode).name}`;
  if (typeof sm.scheduledAt === 'string' && !Number.isNaN(Date.parse(sm.scheduledAt))) return localTimeWords(new Date(sm.scheduledAt), regionCode).replace(/^.* pukul /, 'pukul ');
  return null;
}
const WET_SIGNATURE = '(....................................)';

type Letter = {
  /** The letterhead lines: the issuing office. */
  letterhead: string[];
  /** "Kepada Yth." and who; none on the internal review and minutes. */
  addressee?: string[];
  /** The closing: place and date, the signatory's office or role, and the officer who recorded the step. */
  signature?: { on: string | null | undefined; role: string; officer: string | null };
};


/**
 * Every line of a document, in order. Dates are the case office's (its region's WIB/WITA/WIT); the
 * generation stamp is `issuedAt` in that zone.
 */
export function caseDocumentLines(kind: DocumentKind, detail: CaseDetail, issuedAt: Date, options: DocumentOptions = {}): DocumentLine[] {
  // the forwarding letter leaves Bawaslu: it carries the reporter's statements withheld, whoever prints it
  const c = kind === 'forwarding' ? withholdReporterAccount(detail) : detail;
  const lines: DocumentLine[] = [];
  const write = (text: string, opts: TextOptions = {}) => lines.push({ text: indonesianOnly(text), ...opts });
  const field = (label: string, value: string | null | undefined) => write(`${label}: ${value ?? '-'}`);
  const localDate = (at: string) => localDateInRegion(new Date(at), c.regionCode);
  const lastEvent = (type: string) => c.events.filter((e) => e.type === type).at(-1);
  const acts = options.rules?.acts ?? catalogueActs();
  const actWords = (code: string | null | undefined) => {
    if (!code) return '-';
    const recorded = acts.find((a) => a.code === code);
    const act = recorded?.mergedInto ? acts.find((a) => a.code === recorded.mergedInto) : recorded;
    return act ? `${act.conduct.id} (${code}, jalur ${act.track === 'asn_ethics' ? 'kode etik' : 'disiplin'})` : code;
  };
  const authorityWords = (id: string | null | undefined) =>
    id ? (asnAuthorities(options.rules?.authority ?? {}).find((a) => a.id === id)?.name.id ?? id) : '-';

  const register = lastEvent('REGISTER');
  const created = c.events.find((e) => e.type === 'CREATED');
  const fwd = lastEvent('FORWARD');
  const rec = c.events.filter((e) => e.type === 'RECOMMEND' || e.type === 'FORWARD_TO_PPK').at(-1);
  const office = officeName(c.regionCode, c.regionName);
  const authority = authorityWords(c.authorityId ?? (fwd?.payload as { authorityId?: string } | undefined)?.authorityId);
  // the summons of the case state (each with its issue date); older states kept them only as events
  const summonsEvents = c.events.filter((e) => e.type === 'SUMMON');
  const allSummons: Summons[] = c.summons.length ? c.summons : summonsEvents.map((e) => ({ ...(e.payload as Summons), issuedOn: localDate(e.at) }));
  const summonsIndex = options.summonsIndex ?? allSummons.length - 1;
  const sm = kind === 'summons' && Number.isInteger(summonsIndex) ? allSummons[summonsIndex] : undefined;
  if (kind === 'summons' && !sm) throw notFound('Undangan klarifikasi / Summons', String(options.summonsIndex ?? ''));
  const bawasluSigns = (on: string | null | undefined, officer: string | undefined) => ({ on, role: `Ketua/Anggota ${office},`, officer: officerOf(officer) });
  const onDay = (e: { at: string } | undefined) => (e ? localDate(e.at) : null);
  const byAuthority = kind === 'recommendation' && (c.recommendation as { issuedBy?: string } | null)?.issuedBy !== 'supervisor';
  // the reporter is written as "Pelapor" wherever a letter goes to them: the sealed identity is never read here
  const toReporter = c.source === 'report' ? ['Kepada Yth.', 'Sdr. Pelapor', 'di tempat'] : c.source === 'tip' ? ['Kepada Yth.', 'Sdr. Pemberi informasi awal', 'di tempat'] : undefined;
  const employeeAgency = options.reportedEmployee?.agencyName;
  const letters: Record<DocumentKind, Letter> = {
    receipt: { letterhead: [officeLetterhead(c.regionCode, c.regionName)], addressee: toReporter, signature: { on: c.receivedOn, role: 'Petugas penerima,', officer: null } }, // named in the body
    registration: { letterhead: [officeLetterhead(c.regionCode, c.regionName)], addressee: toReporter, signature: bawasluSigns(onDay(register), register?.actorLabel) },
    summons: {
      letterhead: [officeLetterhead(c.regionCode, c.regionName)],
      addressee: ['Kepada Yth.', sm?.party === 'reporter' ? 'Sdr. Pelapor (identitas dirahasiakan)' : `Sdr. ${sm?.personLabel ?? '-'} (${wordOr(PARTY, sm?.party)})`, 'di tempat'],
      signature: bawasluSigns(sm?.issuedOn, summonsEvents[summonsIndex]?.actorLabel),
    },
    review: { letterhead: [officeLetterhead(c.regionCode, c.regionName)] },
    gakkumdu_minutes: { letterhead: [officeLetterhead(c.regionCode, c.regionName)] },
    forwarding: { letterhead: [officeLetterhead(c.regionCode, c.regionName)], addressee: ['Kepada Yth.', `Pimpinan ${authority}`, 'di tempat'], signature: bawasluSigns(onDay(fwd), fwd?.actorLabel) },
    recommendation: {
      // a recommendation of the civil-service authority is its letter; a sanction Bawaslu recommends for non-ASN staff is the office's
      letterhead: byAuthority ? authorityLetterhead(authority) : [officeLetterhead(c.regionCode, c.regionName)],
      addressee: ['Kepada Yth.', employeeAgency ? `Pejabat Pembina Kepegawaian ${employeeAgency}` : 'Pejabat Pembina Kepegawaian instansi Terlapor', 'di tempat'],
      signature: byAuthority ? { on: onDay(rec), role: `Pejabat yang berwenang, ${authority},`, officer: officerOf(rec?.actorLabel) } : bawasluSigns(onDay(rec), rec?.actorLabel),
    },
  };
  const letter = letters[kind];
  letter.letterhead.forEach((line, i) => write(line, { bold: true, size: i === 0 ? 11 : 10, gap: i === letter.letterhead.length - 1 ? 12 : 2 }));
  write(TITLES[kind], { bold: true, size: 12, gap: 10 });
  if (letter.addressee) letter.addressee.forEach((line, i) => write(line, { gap: i === letter.addressee!.length - 1 ? 10 : 2 }));
  field('Nomor registrasi', (kind === 'registration' ? (register?.payload as { caseNumber?: string } | undefined)?.caseNumber : undefined) ?? c.caseNumber ?? '(belum diregistrasi)');
  // the notice says what was registered and when, whatever the case has become since
  if (kind === 'registration') field('Tanggal registrasi', register ? dateWords(localDate(register.at)) : '-');
  field('Wilayah', `${c.regionName} (${c.regionCode})`);
  field('Pemilihan', findElection(c.electionId, options.rules?.elections)?.name.id ?? c.electionId);
  field('Diterima', dateWords(c.receivedOn));
  if (kind === 'receipt') {
    // Form A.1 / B.1 item 7 (domain.md §4.3): the time of reporting and the officer who received it, as the intake recorded them
    const receivedAt = created && localDate(created.at) === c.receivedOn ? localTimeWords(new Date(created.at), c.regionCode) : `${dateWords(c.receivedOn)} (jam tidak tercatat)`;
    field('Waktu penerimaan', receivedAt);
    field('Petugas penerima', officerOf(created?.actorLabel) ?? '(diisi petugas yang menerima)');
  }
  field('Sumber', c.source === 'report' ? 'Laporan' : c.source === 'tip' ? 'Informasi awal (temuan)' : 'Temuan');
  write('');
  field('Perihal', c.title);
  const employee = kind === 'review' || kind === 'forwarding' || kind === 'recommendation' ? options.reportedEmployee : null;
  if (employee) {
    write('Terlapor:', { bold: true });
    field('Nama', employee.name);
    if (employee.nip) field(employee.employmentType === 'PPPK' ? 'NI PPPK' : 'NIP', nipWords(employee.nip, employee.employmentType));
    else if (employee.internalId) field('Nomor pegawai (non-ASN)', employee.internalId);
    field('Jenis kepegawaian', employee.employmentType === 'NON_ASN' ? 'Non-ASN' : employee.employmentType);
    field('Jabatan', employee.position);
    field('Unit kerja', employee.unitPath);
    field('Instansi', employee.agencyName);
    if (c.reportedText) field('Uraian terlapor dalam laporan', c.reportedText);
  } else field('Terlapor', c.reportedText);
  field('Tanggal kejadian', dateWords(c.incidentOn));
  field('Tanggal diketahui', dateWords(c.knownOn));
  field('Tempat kejadian', c.incidentPlace);
  if (kind !== 'receipt' && kind !== 'registration') field('Status', statusWords(c.status));

  if (kind === 'review' || kind === 'forwarding') {
    if (c.actCode) field('Dugaan bentuk pelanggaran', actWords(c.actCode));
    write('Uraian singkat:', { bold: true });
    write(c.summary.split(CHRONOLOGY_MARK)[0]!);
    for (const cl of c.clarifications) write(`Klarifikasi ${personLine(cl.party, cl.personLabel)} (${dateWords(cl.heldOn)}): ${cl.statement ?? ''}`);
    const decide = lastEvent('DECIDE');
    if (decide) {
      const pl = decide.payload as { outcome?: string; reasoning?: string };
      field('Hasil kajian', wordOr(OUTCOME_WORDS, pl.outcome));
      field('Kesimpulan kajian', pl.reasoning ?? statusWords(decide.toStatus));
    }
    const basis = assessmentBasis(c.assessment, options.rules?.elections);
    if (basis.length) {
      write('Dasar hukum:', { bold: true });
      for (const b of basis) write(`- ${b}`);
    }
  }
  if (kind === 'forwarding') {
    field('Diteruskan kepada', authority);
    field('Tanggal penerusan', fwd ? dateWords(localDate(fwd.at)) : '-');
    field('Nomor surat', String((fwd?.payload as { letterNumber?: string } | undefined)?.letterNumber ?? '-'));
    write('Identitas pelapor dirahasiakan dan tidak disertakan dalam penerusan ini.', { gap: 8 });
  }
  if (kind === 'summons' && sm) {
    field('Tanggal undangan', dateWords(sm.issuedOn));
    field('Hari/tanggal', dayAndDate(sm.scheduledOn));
    // the time the office set, when it recorded one; never a made-up hour
    field('Waktu', summonsTime(sm, c.regionCode) ?? 'sesuai pemberitahuan');
    field('Tempat', sm.place);
    write(
      sm.party === 'reported'
        ? 'Saudara diundang untuk memberikan keterangan/klarifikasi atas dugaan pelanggaran tersebut. Kehadiran Saudara merupakan kesempatan untuk menggunakan hak jawab; bila tidak hadir, kajian dilanjutkan berdasarkan keterangan dan bukti yang ada.'
        : 'Saudara diundang untuk memberikan keterangan/klarifikasi terkait dugaan pelanggaran tersebut.',
      { gap: 8 },
    );
  }
  if (kind === 'gakkumdu_minutes') {
    write('Tahapan pembahasan:', { bold: true });
    for (const e of c.events.filter((ev) => ev.type in GAKKUMDU_STEPS && (ev.type !== 'DECIDE' || ev.toStatus === 'gakkumdu_discussion'))) {
      const pl = e.payload as { result?: string; note?: string; reasoning?: string; handedOverOn?: string; returnedOn?: string; judgedOn?: string; filedOn?: string };
      // the day the step happened when recorded, else the office's date of the entry
      const on = [pl.handedOverOn, pl.returnedOn, pl.judgedOn, pl.filedOn].find(isDate) ?? localDate(e.at);
      const extra = e.type === 'GAKKUMDU_JUDGMENT' ? ` - amar: ${wordOr(GAKKUMDU_RESULT_WORDS, pl.result)}` : e.type === 'GAKKUMDU_CONCLUDE' ? ` - hasil: ${wordOr(GAKKUMDU_RESULT_WORDS, pl.result)}${pl.note ? `; ${pl.note}` : ''}` : e.type === 'DECIDE' ? ` - ${pl.reasoning ?? ''}` : '';
      write(`- ${dateWords(on)}: ${GAKKUMDU_STEPS[e.type]} (${e.actorLabel})${extra}`);
    }
    for (const d of c.deadlines) field(`Batas waktu ${d.name.id}`, deadlineText(d));
    write('Dibahas bersama unsur Bawaslu, Kepolisian dan Kejaksaan dalam Sentra Gakkumdu.', { gap: 8 });
  }
  if (kind === 'recommendation' && c.recommendation) {
    const r = c.recommendation as { actCode?: string; sanctionId?: string; level?: string; letterNumber?: string; issuedBy?: string };
    field('Pemberi rekomendasi', r.issuedBy === 'supervisor' ? `Bawaslu ${c.regionName}` : authorityWords(c.authorityId));
    field('Bentuk pelanggaran', actWords(r.actCode));
    field('Jenis sanksi', wordOr(LEVEL_WORDS, r.level));
    field('Rekomendasi sanksi', sanctionWords(r.sanctionId));
    field('Nomor surat rekomendasi', r.letterNumber);
    if (rec) field('Tanggal rekomendasi', dateWords(localDate(rec.at)));
    const ppkDeadline = c.deadlines.find((d) => d.ruleId === 'civil_service.ppk_follow_up');
    if (ppkDeadline) field('Batas tindak lanjut PPK', deadlineText(ppkDeadline));
  }
  if (kind === 'receipt') write('Simpan tanda terima ini. Perkembangan penanganan disampaikan sesuai ketentuan.', { gap: 8 });
  if (letter.signature) {
    const { on, role, officer } = letter.signature;
    write('');
    write(byAuthority ? dateWords(on) : `${placeOfSigning(c.regionName)}, ${dateWords(on)}`);
    write(role, { gap: 40 }); // the space of the wet signature
    write(WET_SIGNATURE);
    if (officer) write(`Dicatat dalam Netra oleh petugas: ${officer}`, { size: 8 });
  }
  write('');
  write(`Dibuat oleh Netra pada ${localTimeWords(issuedAt, c.regionCode)}.`, { size: 8 });
  return lines;
}

export async function renderCaseDocument(kind: DocumentKind, detail: CaseDetail, issuedAt: Date, options: DocumentOptions = {}): Promise<Uint8Array> {
  const lines = caseDocumentLines(kind, detail, issuedAt, options);
  const pdf = await PdfWriter.create({ title: `${TITLES[kind]} ${detail.caseNumber ?? detail.id}` });
  for (const { text, ...opts } of lines) pdf.text(text, opts);
  return pdf.save();
}
