/**
 * The case workflow as data plus a pure `transition` (STYLE.md habit 1). Bawaslu handling
 * (Perbawaslu 7/2022, UU 7/2017 Pasal 454-455; UU 10/2016 Pasal 134), the Gakkumdu track
 * (domain.md §4.4) and the civil-service authority / PPK follow-up (§5). Clocks come from the
 * deadline rules of @netra/rules; nothing here reads the clock or the database.
 */
import {
  administrativeSanctions, asnAuthorityOn, computeDeadlines, dateInWords, DEADLINE_RULES, findAct, isSupportedDate, MORAL_SANCTIONS, NON_ASN_CONTRACT_SANCTIONS, PP53_SANCTIONS, PP94_SANCTIONS,
  PTDH_SANCTIONS, sanctionsInForce, type Act, type AuthorityOptions, type WorkCalendar, type Deadline, type DeadlineEvent, type DeadlineRule, type SanctionActor,
} from '@netra/rules';
import { ACCUSING_OUTCOMES, PlainText, REPORTER_ACCOUNT_WITHHELD, REPORTER_LABEL } from '@netra/contracts';

export type Regime = 'pemilu' | 'pilkada';

export const CASE_STATUSES = [
  'received', // intake: report / finding received (penerimaan)
  'initial_review', // kajian awal: formal and material requirements
  'incomplete', // reporter asked to complete the report
  'not_registered', // requirements not met or not completed in time (final)
  'withdrawn', // withdrawn before registration (final)
  'merged', // a duplicate joined to another case of the same person and event (final)
  'registered', // registered with a case number
  'under_review', // kajian: clarifications of reporter, reported person, witnesses
  'decided_no_violation', // not a violation / stopped
  'decided_election_admin', // election administrative violation (Bawaslu process)
  'decided_organiser_ethics', // organiser ethics -> DKPP
  'decided_other_law', // other-law violation (ASN neutrality), to be forwarded
  'gakkumdu_discussion', // election crime: Gakkumdu discussions
  'gakkumdu_investigation', // police investigation
  'gakkumdu_prosecution', // prosecutor
  'gakkumdu_trial', // district court
  'gakkumdu_judgment', // district court judgment given: 3 days to appeal
  'gakkumdu_appeal', // appeal before the High Court (final)
  'gakkumdu_concluded', // final verdict or stopped
  'forwarded', // with the civil-service authority (KASN/BKN)
  'recommended', // authority's sanction recommendation, PPK to act
  'ppk_decided', // PPK decree recorded
  'ppk_non_compliant', // PPK did not act in time
  'escalated', // request to block the employee's data in SIASN recorded
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const FINAL_STATUSES: readonly CaseStatus[] = ['not_registered', 'withdrawn', 'merged', 'closed'];

/** Each status in words, for letters, notices and the reporter's receipt thread (never the code). */
export const STATUS_WORDS: Readonly<Record<CaseStatus, Msg>> = {
  received: { id: 'Diterima', en: 'Received' },
  initial_review: { id: 'Kajian awal', en: 'Initial review' },
  incomplete: { id: 'Perlu dilengkapi', en: 'To be completed' },
  not_registered: { id: 'Tidak diregistrasi', en: 'Not registered' },
  withdrawn: { id: 'Dicabut', en: 'Withdrawn' },
  merged: { id: 'Digabung dengan penanganan lain', en: 'Merged with another case' },
  registered: { id: 'Diregistrasi', en: 'Registered' },
  under_review: { id: 'Kajian dan klarifikasi', en: 'Review and clarifications' },
  decided_no_violation: { id: 'Bukan pelanggaran / dihentikan', en: 'No violation / stopped' },
  decided_election_admin: { id: 'Pelanggaran administratif pemilu', en: 'Election administrative violation' },
  decided_organiser_ethics: { id: 'Pelanggaran kode etik penyelenggara (diteruskan ke DKPP)', en: "Breach of the organisers' code of ethics (to the DKPP)" },
  decided_other_law: { id: 'Pelanggaran peraturan perundang-undangan lainnya (netralitas ASN)', en: 'Breach of other laws (ASN neutrality)' },
  gakkumdu_discussion: { id: 'Pembahasan Sentra Gakkumdu', en: 'Gakkumdu discussion' },
  gakkumdu_investigation: { id: 'Penyidikan', en: 'Investigation' },
  gakkumdu_prosecution: { id: 'Penuntutan', en: 'Prosecution' },
  gakkumdu_trial: { id: 'Persidangan', en: 'Trial' },
  gakkumdu_judgment: { id: 'Putusan pengadilan negeri (masa banding)', en: 'District court judgment (time to appeal)' },
  gakkumdu_appeal: { id: 'Banding di pengadilan tinggi', en: 'Appeal before the High Court' },
  gakkumdu_concluded: { id: 'Proses Sentra Gakkumdu selesai', en: 'Gakkumdu process concluded' },
  forwarded: { id: 'Diteruskan kepada instansi berwenang', en: 'Forwarded to the competent authority' },
  recommended: { id: 'Rekomendasi sanksi diterbitkan, menunggu tindak lanjut PPK', en: "Sanction recommended, awaiting the PPK's follow-up" },
  ppk_decided: { id: 'Keputusan PPK ditetapkan', en: 'PPK decree issued' },
  ppk_non_compliant: { id: 'PPK belum menindaklanjuti rekomendasi', en: 'The PPK has not followed up the recommendation' },
  escalated: { id: 'Diusulkan pemblokiran data kepegawaian (SIASN)', en: 'Blocking of the personnel data (SIASN) requested' },
  closed: { id: 'Penanganan selesai', en: 'Handling completed' },
};

/** Each step in words, as the case page labels it (never the code). */
export const EVENT_WORDS: Readonly<Record<CaseEventType, Msg>> = {
  START_REVIEW: { id: 'Mulai kajian awal', en: 'Start initial review' },
  REQUEST_COMPLETION: { id: 'Minta kelengkapan', en: 'Ask for completion' },
  COMPLETE: { id: 'Laporan dilengkapi', en: 'Report completed' },
  AMEND_INTAKE: { id: 'Catat data laporan', en: 'Record report facts' },
  REGISTER: { id: 'Registrasi', en: 'Register' },
  REJECT: { id: 'Tidak diregistrasi', en: 'Do not register' },
  WITHDRAW: { id: 'Dicabut', en: 'Withdrawn' },
  MERGE: { id: 'Gabungkan ke kasus lain (ganda)', en: 'Merge into another case (duplicate)' },
  BEGIN_REVIEW: { id: 'Mulai kajian', en: 'Begin review' },
  EXTEND_REVIEW: { id: 'Perpanjang kajian', en: 'Extend review' },
  SUMMON: { id: 'Panggil klarifikasi', en: 'Summon for clarification' },
  RECORD_CLARIFICATION: { id: 'Catat klarifikasi', en: 'Record clarification' },
  DECIDE: { id: 'Putuskan hasil kajian', en: 'Decide the review' },
  FORWARD: { id: 'Teruskan ke instansi berwenang', en: 'Forward to the authority' },
  FORWARD_TO_PPK: { id: 'Teruskan ke PPK (pegawai non-ASN)', en: 'Forward to the PPK (non-ASN staff)' },
  GAKKUMDU_INVESTIGATE: { id: 'Teruskan ke penyidik', en: 'Forward to investigators' },
  GAKKUMDU_PROSECUTE: { id: 'Serahkan ke penuntut umum', en: 'Hand to the prosecutor' },
  GAKKUMDU_TRIAL: { id: 'Limpahkan ke pengadilan', en: 'Send to court' },
  GAKKUMDU_RETURN_FILE: { id: 'Berkas dikembalikan penuntut umum', en: 'File returned by the prosecutor' },
  GAKKUMDU_JUDGMENT: { id: 'Catat putusan pengadilan negeri', en: 'Record the district court judgment' },
  GAKKUMDU_APPEAL: { id: 'Catat pengajuan banding', en: 'Record an appeal' },
  GAKKUMDU_CONCLUDE: { id: 'Simpulkan Gakkumdu', en: 'Conclude Gakkumdu' },
  RECOMMEND: { id: 'Rekomendasikan sanksi', en: 'Recommend a sanction' },
  AUTHORITY_DISMISS: { id: 'Tidak terbukti (instansi berwenang)', en: 'Not proven (authority)' },
  PPK_DECIDE: { id: 'Catat keputusan PPK', en: "Record the PPK's decree" },
  PPK_FAIL: { id: 'Catat PPK tidak menindaklanjuti', en: 'Record PPK non-compliance' },
  ESCALATE: { id: 'Usulkan pemblokiran SIASN', en: 'Request SIASN block' },
  CLOSE: { id: 'Tutup kasus', en: 'Close the case' },
};

/** A date as a sentence says it, in both languages ("20 November 2026"). */
export const dateWords = (d: string): Msg => ({ id: dateInWords(d, 'id'), en: dateInWords(d, 'en') });

/** Steps that concern a reporter: a supervisor's own finding (from a tip or not) has none to complete or withdraw it. */
const REPORT_ONLY: readonly CaseEventType[] = ['REQUEST_COMPLETION', 'COMPLETE', 'WITHDRAW'];
const isFinding = (state: CaseState) => state.source === 'finding' || state.source === 'tip';

/**
 * Who was reported may be confirmed or corrected only until the review is decided: from DECIDE on,
 * the decision, the forwarding, the recommendation and the PPK's decree are about that person, and
 * the PPK's scope follows the person's agency. Final cases never change.
 */
export const REPORTED_PERSON_OPEN: readonly CaseStatus[] = ['received', 'initial_review', 'incomplete', 'registered', 'under_review'];
export const canChangeReportedPerson = (status: string) => (REPORTED_PERSON_OPEN as readonly string[]).includes(status);

/**
 * The Bawaslu office that handles a case: Bawaslu Kabupaten/Kota for a regency or city code (and for
 * anything below it, handled through its Panwaslu Kecamatan), Bawaslu Provinsi for a province code.
 * A merge joins duplicates of one office only (a Kota Bekasi case never goes into a Kab. Bekasi one).
 */
export const handlingOffice = (regionCode: string) => regionCode.split('.').slice(0, 2).join('.');

export type Outcome = 'no_violation' | 'election_admin' | 'organiser_ethics' | 'election_crime' | 'other_law';
export type SanctionLevel = 'moral' | 'ringan' | 'sedang' | 'berat' | 'ptdh' | 'contract' | 'none';
export type Party = 'reporter' | 'reported' | 'witness';
export type CaseRole = 'supervisor' | 'authority_officer' | 'employing_official' | 'system_admin' | 'system';

/**
 * Facts of the report the handler records before registration: what the reporter brought to complete
 * it (COMPLETE), or what the file already says and the intake form missed (AMEND_INTAKE). Only the
 * fields given change; the event row keeps them.
 */
export type IntakeAmendment = { incidentOn?: string; knownOn?: string; incidentPlace?: string; reportedText?: string };
export const INTAKE_FIELDS: readonly (keyof IntakeAmendment)[] = ['incidentOn', 'knownOn', 'incidentPlace', 'reportedText'];

export type CaseEvent =
  | { type: 'START_REVIEW' }
  | { type: 'REQUEST_COMPLETION'; missing: string[] }
  | ({ type: 'COMPLETE' } & IntakeAmendment)
  | ({ type: 'AMEND_INTAKE' } & IntakeAmendment)
  // lateReason: cases registered late before such registration was refused may still carry one
  | { type: 'REGISTER'; caseNumber: string; formal: boolean; material: boolean; lateReason?: string }
  | { type: 'REJECT'; reason: string }
  | { type: 'WITHDRAW'; reason: string }
  | { type: 'MERGE'; intoCaseId: string; reason: string }
  | { type: 'BEGIN_REVIEW' }
  | { type: 'EXTEND_REVIEW'; reason: string }
  | { type: 'SUMMON'; party: Party; personLabel: string; scheduledOn: string; place: string }
  | { type: 'RECORD_CLARIFICATION'; party: Party; personLabel: string; heldOn: string; statement: string }
  | { type: 'DECIDE'; outcome: Outcome; reasoning: string }
  | { type: 'FORWARD'; authorityId: string; letterNumber: string }
  | { type: 'FORWARD_TO_PPK'; actCode: string; sanctionId: string; level: SanctionLevel; letterNumber: string }
  | { type: 'GAKKUMDU_INVESTIGATE'; handedOverOn?: string }
  | { type: 'GAKKUMDU_PROSECUTE'; handedOverOn?: string }
  | { type: 'GAKKUMDU_TRIAL'; handedOverOn?: string }
  | { type: 'GAKKUMDU_RETURN_FILE'; returnedOn?: string }
  | { type: 'GAKKUMDU_JUDGMENT'; result: 'convicted' | 'acquitted'; judgedOn?: string }
  | { type: 'GAKKUMDU_APPEAL'; filedOn?: string }
  | { type: 'GAKKUMDU_CONCLUDE'; result: 'convicted' | 'acquitted' | 'stopped'; note: string }
  | { type: 'RECOMMEND'; actCode: string; sanctionId: string; level: SanctionLevel; letterNumber: string }
  | { type: 'AUTHORITY_DISMISS'; reasoning: string }
  | { type: 'PPK_DECIDE'; decreeNumber: string; sanctionId: string; level: SanctionLevel; decidedOn: string }
  | { type: 'PPK_FAIL' }
  | { type: 'ESCALATE'; letterNumber: string }
  | { type: 'CLOSE'; note: string };
export type CaseEventType = CaseEvent['type'];

/** The fields each event may carry (besides `type`): anything else is refused, not stored. */
const EVENT_KEYS: Readonly<Record<CaseEventType, readonly string[]>> = {
  START_REVIEW: [], REQUEST_COMPLETION: ['missing'], COMPLETE: INTAKE_FIELDS, AMEND_INTAKE: INTAKE_FIELDS, REGISTER: ['caseNumber', 'formal', 'material', 'lateReason'],
  REJECT: ['reason'], WITHDRAW: ['reason'], MERGE: ['intoCaseId', 'reason'], BEGIN_REVIEW: [], EXTEND_REVIEW: ['reason'],
  SUMMON: ['party', 'personLabel', 'scheduledOn', 'place'], RECORD_CLARIFICATION: ['party', 'personLabel', 'heldOn', 'statement'],
  DECIDE: ['outcome', 'reasoning'], FORWARD: ['authorityId', 'letterNumber'], FORWARD_TO_PPK: ['actCode', 'sanctionId', 'level', 'letterNumber'],
  GAKKUMDU_INVESTIGATE: ['handedOverOn'], GAKKUMDU_PROSECUTE: ['handedOverOn'], GAKKUMDU_TRIAL: ['handedOverOn'], GAKKUMDU_CONCLUDE: ['result', 'note'],
  GAKKUMDU_RETURN_FILE: ['returnedOn'], GAKKUMDU_JUDGMENT: ['result', 'judgedOn'], GAKKUMDU_APPEAL: ['filedOn'],
  RECOMMEND: ['actCode', 'sanctionId', 'level', 'letterNumber'], AUTHORITY_DISMISS: ['reasoning'],
  PPK_DECIDE: ['decreeNumber', 'sanctionId', 'level', 'decidedOn'], PPK_FAIL: [], ESCALATE: ['letterNumber'], CLOSE: ['note'],
};
const TEXT_MAX = 20_000;
const LIST_MAX = 30;

/** Fields the event does not have, texts past their length, a list of missing items that is not a short list of texts. */
function checkShape(e: Record<string, unknown>, type: CaseEventType): Refusal | null {
  const extra = Object.keys(e).filter((k) => k !== 'type' && !EVENT_KEYS[type].includes(k));
  if (extra.length)
    return { id: `Kolom tidak dikenal untuk ${type}: ${extra.slice(0, 5).join(', ')}`, en: `Unknown field(s) for ${type}: ${extra.slice(0, 5).join(', ')}` };
  for (const [k, v] of Object.entries(e))
    if (typeof v === 'string' && v.length > TEXT_MAX) {
      const field = Object.hasOwn(FIELD_WORDS, k) ? (k as TextField) : undefined;
      const words: Msg = field ? FIELD_WORDS[field] : { id: k, en: k };
      return { id: `${words.id} terlalu panjang (maks. ${TEXT_MAX} karakter)`, en: `${words.en} is too long (max ${TEXT_MAX} characters)`, ...(field ? { field } : {}) };
    }
  if ('missing' in e && !(Array.isArray(e.missing) && e.missing.length <= LIST_MAX && e.missing.every((m) => typeof m === 'string' && m.trim().length > 0 && m.length <= 300)))
    return { id: `Kekurangan laporan: daftar berisi paling banyak ${LIST_MAX} teks (maks. 300 karakter)`, en: `What is missing: a list of at most ${LIST_MAX} texts (300 characters each)` };
  return null;
}

/** Dates recorded on the case (local dates of the office, YYYY-MM-DD) that clocks count from. */
export type CaseDates = Partial<Record<DeadlineEvent, string>>;

export type CaseState = {
  status: CaseStatus;
  /** Bawaslu's own finding (also from a tip) or a formal report; stored states without it are reports. */
  source?: 'report' | 'finding' | 'tip';
  regime: Regime;
  regionCode: string;
  caseNumber: string | null;
  dates: CaseDates;
  reviewExtended: boolean;
  outcome: Outcome | null;
  authorityId: string | null;
  /** The sanction the PPK is to impose: the authority's (BKN) for ASN, Bawaslu's own for non-ASN staff (`issuedBy: 'supervisor'`). */
  recommendation: { actCode: string; sanctionId: string; level: SanctionLevel; letterNumber: string; issuedBy?: 'supervisor' } | null;
  ppkDecision: { decreeNumber: string; sanctionId: string; level: SanctionLevel; decidedOn: string } | null;
  clarifications: { party: Party; personLabel: string; heldOn: string }[];
  /** Summons (undangan klarifikasi) issued; older stored states may lack it. */
  summons?: { party: Party; personLabel: string; scheduledOn: string; place: string; issuedOn: string }[];
  /** The case a duplicate was merged into. */
  mergedInto?: string;
  flags: string[];
  deadlines: Deadline[];
};

export type TransitionContext = {
  /** Today in the office's time zone (YYYY-MM-DD). */
  today: string;
  roles: readonly CaseRole[];
  rules?: readonly DeadlineRule[];
  /** Working days and holidays (the deployment's legal settings); the built-in calendar when absent. */
  calendar?: WorkCalendar;
  /** The act catalogue with the deployment's settings (e.g. the D-8 level); the built-in one when absent. */
  acts?: readonly Act[];
  /** Which body receives ASN cases on which day (KASN until its end date, then BKN). */
  authorityOptions?: AuthorityOptions;
  /** Who was reported, to check a sanction against the catalogue for that actor and date. */
  subject?: { actorType: string | null; incidentOn: string | null; linked?: boolean };
  /** The election's stages in the case's region (its tahapan): an incident date outside them is flagged. */
  electionSpan?: { start: string; end: string };
  /** The PPK acting is himself a candidate in the case's election (an incumbent running): he may not decide it. */
  deciderIsCandidate?: boolean;
  /**
   * What registration checks beyond the handler's word (Perbawaslu 7/2022; domain.md §4.1): a reported
   * party, when it happened, and whether the report came in time (`reportDue`: the last day to report,
   * counted from the day it became known; absent when no date is known).
   */
  intake?: { hasReportedParty: boolean; hasDate: boolean; hasPlace: boolean; receivedOn: string; reportDue?: string };
};

/**
 * The reporter is never named in case data (ARCHITECTURE.md, domain.md §9): their identity lives only
 * in the sealed record (case_reporters), opened by assigned handlers with a logged reason. A summons or
 * clarification of the reporter therefore carries this neutral label instead of a name, in the state,
 * the event payload, the clarification row, the audit row, the case page, documents and notices; a
 * name typed into the form is dropped before anything is stored.
 */
export { REPORTER_LABEL };

/** Sets the person label of anything about the reporter party (an event, a payload, a stored row): no name is needed or kept. */
export function sealReporterLabel<T extends object>(x: T): T {
  const r = x as { party?: unknown; personLabel?: unknown };
  return r.party === 'reporter' && r.personLabel !== REPORTER_LABEL ? { ...x, personLabel: REPORTER_LABEL } : x;
}

/**
 * What stands in for the reporter's own words outside Bawaslu. A reporter's chronology and what they
 * said when heard can identify them as surely as a name ("as his secretary I saw..."), and the
 * civil-service authority and the PPK (the reported person's employer) receive the case only to act on
 * Bawaslu's conclusion: they get the allegation, the reported person's and witnesses' statements, the
 * review's conclusion and the recommendation, not the reporter's account (domain.md §9: identity known
 * only to Bawaslu). Bawaslu's own staff see the whole file; auditors see it as it leaves Bawaslu.
 */
export { REPORTER_ACCOUNT_WITHHELD };
export const CHRONOLOGY_MARK = '\n\nKronologi:';

type AccountView = { source: string; summary: string; clarifications: { party: string; statement: string | null }[]; events: { payload: Record<string, unknown> }[] };
/** The case as shown outside Bawaslu: the report's chronology and the reporter's statements replaced by `REPORTER_ACCOUNT_WITHHELD`. */
export function withholdReporterAccount<T extends AccountView>(c: T): T {
  const cut = c.source === 'report' ? c.summary.indexOf(CHRONOLOGY_MARK) : -1;
  return {
    ...c,
    summary: cut < 0 ? c.summary : `${c.summary.slice(0, cut)}${CHRONOLOGY_MARK} ${REPORTER_ACCOUNT_WITHHELD}`,
    clarifications: c.clarifications.map((cl) => (cl.party === 'reporter' ? { ...cl, statement: REPORTER_ACCOUNT_WITHHELD } : cl)),
    events: c.events.map((e) =>
      e.payload.party === 'reporter' && typeof e.payload.statement === 'string' ? { ...e, payload: { ...e.payload, statement: REPORTER_ACCOUNT_WITHHELD } }
      // why a late report was registered is about the reporter's circumstances: the LATE_REPORT flag says enough
      : typeof e.payload.lateReason === 'string' && e.payload.lateReason.trim() ? { ...e, payload: { ...e.payload, lateReason: REPORTER_ACCOUNT_WITHHELD } }
      : e),
  };
}

/** A stored state with any reporter label masked (older rows may still hold a name). */
export function sealReporterLabels(state: CaseState): CaseState {
  return {
    ...state,
    clarifications: (state.clarifications ?? []).map(sealReporterLabel),
    ...(state.summons ? { summons: state.summons.map(sealReporterLabel) } : {}),
  };
}

/** A real calendar date (YYYY-MM-DD) in the range the legal engine computes with: Date.parse would roll 2026-02-31 over to March. */
export const isCalendarDate = (v: unknown): v is string => isSupportedDate(v);

export type Msg = { id: string; en: string };
export type Effect =
  | { type: 'notify'; to: 'reporter' | 'handlers' | 'authority' | 'ppk'; template: string }
  | { type: 'flag'; flag: string };
export type TransitionResult =
  | { ok: true; next: CaseState; effects: Effect[] }
  | { ok: false; code: 'CASE_INVALID_TRANSITION' | 'CASE_FORBIDDEN' | 'CASE_INVALID_PAYLOAD' | 'PPK_IS_CANDIDATE'; message: Msg; field?: TextField; fields?: FieldRefusal[] };
/** One field at fault and what is wrong with it (the form marks each). */
export type FieldRefusal = { field: TextField; message: Msg };

/**
 * The texts an event requires, by the names the case page gives them (its workflow field labels): a
 * refusal says "Nomor surat wajib diisi", not the payload's key.
 */
export const FIELD_WORDS = {
  caseNumber: { id: 'Nomor registrasi', en: 'Case number' },
  reason: { id: 'Alasan', en: 'Reason' },
  intoCaseId: { id: 'Kasus tujuan', en: 'Case to merge into' },
  personLabel: { id: 'Nama / jabatan', en: 'Name / position' },
  place: { id: 'Tempat', en: 'Place' },
  statement: { id: 'Keterangan', en: 'Statement' },
  reasoning: { id: 'Pertimbangan', en: 'Reasoning' },
  authorityId: { id: 'Instansi berwenang', en: 'Authority' },
  letterNumber: { id: 'Nomor surat', en: 'Letter number' },
  actCode: { id: 'Bentuk pelanggaran', en: 'Act' },
  sanctionId: { id: 'Sanksi', en: 'Sanction' },
  decreeNumber: { id: 'Nomor keputusan', en: 'Decree number' },
  note: { id: 'Catatan', en: 'Note' },
  scheduledOn: { id: 'Tanggal panggilan', en: 'Summons date' },
  heldOn: { id: 'Tanggal klarifikasi', en: 'Clarification date' },
  decidedOn: { id: 'Tanggal keputusan', en: 'Decree date' },
} as const satisfies Record<string, Msg>;
export type TextField = keyof typeof FIELD_WORDS;

const SUPERVISOR: readonly CaseRole[] = ['supervisor', 'system_admin'];
const AUTHORITY: readonly CaseRole[] = ['authority_officer', 'system_admin'];
const PPK: readonly CaseRole[] = ['employing_official', 'system_admin'];

/** Which event moves which status where, and who may fire it: the machine as data. */
export const TRANSITIONS: Readonly<Record<CaseEventType, { from: readonly CaseStatus[]; roles: readonly CaseRole[] }>> = {
  START_REVIEW: { from: ['received'], roles: SUPERVISOR },
  REQUEST_COMPLETION: { from: ['initial_review'], roles: SUPERVISOR },
  COMPLETE: { from: ['incomplete'], roles: SUPERVISOR },
  AMEND_INTAKE: { from: ['received', 'initial_review', 'incomplete'], roles: SUPERVISOR },
  REGISTER: { from: ['initial_review'], roles: SUPERVISOR },
  REJECT: { from: ['initial_review', 'incomplete'], roles: SUPERVISOR },
  WITHDRAW: { from: ['received', 'initial_review', 'incomplete'], roles: SUPERVISOR },
  MERGE: { from: ['received', 'initial_review', 'incomplete', 'registered', 'under_review'], roles: SUPERVISOR },
  BEGIN_REVIEW: { from: ['registered'], roles: SUPERVISOR },
  EXTEND_REVIEW: { from: ['under_review'], roles: SUPERVISOR },
  SUMMON: { from: ['under_review'], roles: SUPERVISOR },
  RECORD_CLARIFICATION: { from: ['under_review'], roles: SUPERVISOR },
  DECIDE: { from: ['under_review'], roles: SUPERVISOR },
  // the ASN-neutrality track also follows the criminal one: Gakkumdu's result does not settle the
  // breach of ethics or discipline, which needs no election element (domain.md §3.2, §6.3)
  FORWARD: { from: ['decided_other_law', 'gakkumdu_concluded'], roles: SUPERVISOR },
  FORWARD_TO_PPK: { from: ['decided_other_law', 'gakkumdu_concluded'], roles: SUPERVISOR },
  GAKKUMDU_INVESTIGATE: { from: ['gakkumdu_discussion'], roles: SUPERVISOR },
  GAKKUMDU_PROSECUTE: { from: ['gakkumdu_investigation'], roles: SUPERVISOR },
  GAKKUMDU_TRIAL: { from: ['gakkumdu_prosecution'], roles: SUPERVISOR },
  // the prosecutor sends an incomplete file back to the investigator, who resubmits it (GAKKUMDU_PROSECUTE again)
  GAKKUMDU_RETURN_FILE: { from: ['gakkumdu_prosecution'], roles: SUPERVISOR },
  GAKKUMDU_JUDGMENT: { from: ['gakkumdu_trial'], roles: SUPERVISOR },
  GAKKUMDU_APPEAL: { from: ['gakkumdu_judgment'], roles: SUPERVISOR },
  // a judgment is final once the time to appeal is over, a High Court judgment at once (UU 7/2017 482)
  GAKKUMDU_CONCLUDE: { from: ['gakkumdu_discussion', 'gakkumdu_investigation', 'gakkumdu_prosecution', 'gakkumdu_trial', 'gakkumdu_judgment', 'gakkumdu_appeal'], roles: SUPERVISOR },
  RECOMMEND: { from: ['forwarded'], roles: AUTHORITY },
  AUTHORITY_DISMISS: { from: ['forwarded'], roles: AUTHORITY },
  PPK_DECIDE: { from: ['recommended', 'ppk_non_compliant', 'escalated'], roles: PPK },
  PPK_FAIL: { from: ['recommended'], roles: [...AUTHORITY, 'system'] },
  ESCALATE: { from: ['ppk_non_compliant'], roles: AUTHORITY },
  CLOSE: {
    from: ['decided_no_violation', 'decided_election_admin', 'decided_organiser_ethics', 'gakkumdu_concluded', 'ppk_decided'],
    roles: [...SUPERVISOR, 'authority_officer'],
  },
};

/** Status -> the deadline rules running while a case is in it (per regime). */
const CLOCKS: Readonly<Partial<Record<CaseStatus, Readonly<Record<Regime, readonly string[]>>>>> = {
  received: { pemilu: ['pemilu.initial_review'], pilkada: ['pilkada.review'] },
  initial_review: { pemilu: ['pemilu.initial_review'], pilkada: ['pilkada.review'] },
  incomplete: { pemilu: ['pemilu.completion'], pilkada: ['pilkada.review_extended'] },
  registered: { pemilu: ['pemilu.review'], pilkada: ['pilkada.review'] },
  under_review: { pemilu: ['pemilu.review'], pilkada: ['pilkada.review'] },
  decided_other_law: { pemilu: ['pemilu.review'], pilkada: ['pilkada.review'] },
  // Pilkada: Gakkumdu's initial review (2 days from the Form A.1 intake) runs alongside Bawaslu's own review
  // and is over by the time the review decides; the next statutory clock starts when the police receive it
  gakkumdu_discussion: { pemilu: ['pemilu.gakkumdu.police_forwarding'], pilkada: [] },
  gakkumdu_investigation: { pemilu: ['pemilu.gakkumdu.investigation'], pilkada: ['pilkada.gakkumdu.investigation'] },
  // Pilkada: the prosecutor has 3 working days to send an incomplete file back, alongside the 5 to go to court
  gakkumdu_prosecution: { pemilu: ['pemilu.gakkumdu.prosecution'], pilkada: ['pilkada.gakkumdu.prosecution', 'pilkada.gakkumdu.file_return'] },
  gakkumdu_trial: { pemilu: ['pemilu.gakkumdu.judgment'], pilkada: ['pilkada.gakkumdu.judgment'] },
  gakkumdu_judgment: { pemilu: ['pemilu.gakkumdu.appeal_filing'], pilkada: ['pilkada.gakkumdu.appeal_filing'] },
  gakkumdu_appeal: { pemilu: ['pemilu.gakkumdu.appeal_judgment'], pilkada: ['pilkada.gakkumdu.appeal_judgment'] },
  recommended: { pemilu: ['civil_service.ppk_follow_up'], pilkada: ['civil_service.ppk_follow_up'] },
  ppk_non_compliant: { pemilu: [], pilkada: [] },
};

/** Sanction severity, to flag a PPK decree lighter than (or different from) the recommendation. */
const SEVERITY: Readonly<Record<SanctionLevel, number>> = { none: 0, moral: 1, contract: 1, ringan: 2, sedang: 3, berat: 4, ptdh: 5 };

export function newCaseState(input: { regime: Regime; regionCode: string; receivedOn: string; knownOn?: string; source?: CaseState['source']; rules?: readonly DeadlineRule[]; calendar?: WorkCalendar }): CaseState {
  const state: CaseState = {
    status: 'received', ...(input.source ? { source: input.source } : {}), regime: input.regime, regionCode: input.regionCode, caseNumber: null,
    dates: { receipt: input.receivedOn, ...(input.knownOn ? { known: input.knownOn } : {}) }, reviewExtended: false, outcome: null,
    authorityId: null, recommendation: null, ppkDecision: null, clarifications: [], summons: [], flags: [], deadlines: [],
  };
  return { ...state, deadlines: clocksFor(state, input.rules, input.calendar) };
}

/** The last day to appeal the district court judgment the case awaits (none when no time to appeal is running). */
const lastDayToAppeal = (state: CaseState): string | undefined =>
  state.status === 'gakkumdu_judgment' ? state.deadlines.find((d) => d.ruleId.endsWith('.gakkumdu.appeal_filing'))?.dueDate : undefined;
/** The last day to appeal while it is still open on `day`, else null. */
const appealOpenUntil = (state: CaseState, day: string): string | null => {
  const last = lastDayToAppeal(state);
  return last && last >= day ? last : null;
};
const fileWasReturned = (state: CaseState) => !!state.dates.file_returned && state.dates.file_returned >= (state.dates.police_receipt ?? '');
export function clocksFor(state: CaseState, rules: readonly DeadlineRule[] = DEADLINE_RULES, calendar?: WorkCalendar): Deadline[] {
  // a Pemilu finding is set within 7 days of its discovery (UU 7/2017 454(5)) instead of a report's 2-day initial review
  const finding = state.regime === 'pemilu' && state.source !== undefined && state.source !== 'report' && (state.status === 'received' || state.status === 'initial_review');
  // Pilkada: an investigation whose file came back from the prosecutor runs on the 3 working days to resubmit it
  const resubmitting = state.status === 'gakkumdu_investigation' && state.regime === 'pilkada' && fileWasReturned(state);
  const ids = (finding ? ['pemilu.finding'] : resubmitting ? ['pilkada.gakkumdu.file_resubmission'] : (CLOCKS[state.status]?.[state.regime] ?? [])).map((id) =>
    // an extended review runs on the extension's clock (which counts on from the first one)
    state.reviewExtended && (id === 'pemilu.review' || id === 'pilkada.review') ? `${id}_extended` : id,
  );
  return computeDeadlines(rules, ids, state.dates, { regionCode: state.regionCode, ...(calendar ? { calendar } : {}) });
}

/** A refusal of the payload, naming the field at fault when there is one (the form marks it). */
type Refusal = Msg & { field?: TextField; fields?: FieldRefusal[] };
const fail = (code: Exclude<TransitionResult, { ok: true }>['code'], refusal: Refusal): TransitionResult =>
  ({ ok: false, code, message: { id: refusal.id, en: refusal.en }, ...(refusal.field ? { field: refusal.field } : {}), ...(refusal.fields?.length ? { fields: refusal.fields } : {}) });
/** Every problem of a form at once ("Nama / jabatan wajib diisi; Tempat wajib diisi"), each field named for the form to mark. */
const allOf = (...refusals: (Refusal | null)[]): Refusal | null => {
  const found = refusals.filter((r): r is Refusal => r !== null);
  if (!found.length) return null;
  const fields = found.flatMap((r) => r.fields ?? (r.field ? [{ field: r.field, message: { id: r.id, en: r.en } }] : []));
  return { id: found.map((r) => r.id).join('; '), en: found.map((r) => r.en).join('; '), ...(found[0]!.field ? { field: found[0]!.field } : {}), ...(fields.length ? { fields } : {}) };
};
const TEXT_MIN: Partial<Record<TextField, number>> = { reasoning: 10 };
/**
 * A required date of the form, named as the form labels it: present, a real date, and on the right side of
 * today ('past': not before today, as a summons; 'done': not after today, as a clarification held or a decree).
 */
const needDate = (v: unknown, field: TextField, today: string, when: 'past' | 'done'): Refusal | null => {
  const words = FIELD_WORDS[field];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return { id: `${words.id} wajib diisi`, en: `${words.en} is required`, field };
  if (!isDate(v)) return { id: `${words.id} tidak valid: ${String(v).slice(0, 40)} (format TTTT-BB-HH)`, en: `${words.en} is not a valid date: ${String(v).slice(0, 40)} (YYYY-MM-DD)`, field };
  const [d, t] = [dateWords(v), dateWords(today)];
  if (when === 'past' && v < today)
    return { id: `${words.id} ${d.id} sudah lewat: jadwalkan paling cepat hari ini (${t.id})`, en: `${words.en} ${d.en} is in the past: schedule it for today (${t.en}) or later`, field };
  if (when === 'done' && v > today)
    return { id: `${words.id} ${d.id} ada di masa depan (hari ini ${t.id})`, en: `${words.en} ${d.en} is in the future (today is ${t.en})`, field };
  return null;
};
const TEXT_FIELD_MAX = 5000;
/** A required text: present, not blank, not past its length; the message names the field as the case page labels it. */
const needText = (v: unknown, field: TextField): Refusal | null => {
  const words = FIELD_WORDS[field];
  if (typeof v !== 'string' || v.trim().length === 0) return { id: `${words.id} wajib diisi`, en: `${words.en} is required`, field };
  const min = TEXT_MIN[field];
  if (min && v.replace(/\s/gu, '').length < min)
    return { id: `${words.id} terlalu singkat: minimal ${min} karakter terlihat`, en: `${words.en} is too short: at least ${min} visible characters`, field };
  if (v.length > TEXT_FIELD_MAX) return { id: `${words.id} terlalu panjang (maks. ${TEXT_FIELD_MAX} karakter)`, en: `${words.en} is too long (max ${TEXT_FIELD_MAX} characters)`, field };
  return null;
};
const isDate = isCalendarDate;
/**
 * The earliest day anything recorded about the case can have happened: the incident (when known),
 * else the day it became known, else the day the case was received. A clarification or a PPK decree
 * dated before it is impossible: neither can precede what it is about. (The incident bounds them
 * rather than the receipt: receipt is the office's local date of data entry, which may lag the work,
 * and a form filled elsewhere may send the previous calendar day.)
 */
const earliestOn = (state: CaseState, ctx: TransitionContext): string | undefined =>
  [ctx.subject?.incidentOn, state.dates.known, state.dates.receipt].find((d): d is string => isCalendarDate(d));
const notBefore = (date: string, state: CaseState, ctx: TransitionContext, what: Msg, field?: TextField): Refusal | null => {
  const first = earliestOn(state, ctx);
  if (!first || date >= first) return null;
  const [d, f] = [dateWords(date), dateWords(first)];
  return { id: `${what.id} ${d.id} mendahului kejadian/penerimaan kasus (${f.id})`, en: `${what.en} ${d.en} is before the case's incident/receipt (${f.en})`, ...(field ? { field } : {}) };
};
const PLACE = PlainText(3, 500);
const REPORTED_TEXT = PlainText(2, 500);
/** Dates on or before today, the date known not before the incident (either may come from the record), texts with visible characters. */
function checkAmendment(e: IntakeAmendment, state: CaseState, ctx: TransitionContext): Msg | null {
  for (const [k, what] of [['incidentOn', { id: 'Tanggal kejadian', en: 'Incident date' }], ['knownOn', { id: 'Tanggal diketahui', en: 'Date known' }]] as const) {
    const v: unknown = e[k];
    if (v === undefined) continue;
    if (!isDate(v)) return { id: `${what.id} tidak valid: ${String(v).slice(0, 40)} (format TTTT-BB-HH)`, en: `${what.en} is not a valid date: ${String(v).slice(0, 40)} (YYYY-MM-DD)` };
    if (v > ctx.today) return { id: `${what.id} ${dateWords(v).id} ada di masa depan (hari ini ${dateWords(ctx.today).id})`, en: `${what.en} ${dateWords(v).en} is in the future (today is ${dateWords(ctx.today).en})` };
  }
  const incident = e.incidentOn ?? ctx.subject?.incidentOn ?? undefined;
  const known = e.knownOn ?? state.dates.known;
  if (incident && known && known < incident)
    return { id: `Tanggal diketahui ${dateWords(known).id} sebelum tanggal kejadian ${dateWords(incident).id}`, en: `The date known (${dateWords(known).en}) is before the incident date (${dateWords(incident).en})` };
  if (e.incidentPlace !== undefined && !PLACE.safeParse(e.incidentPlace).success)
    return { id: 'Tempat kejadian: 3-500 karakter terlihat, tanpa karakter kendali', en: 'Place of the incident: 3-500 visible characters, no control characters' };
  if (e.reportedText !== undefined && !REPORTED_TEXT.safeParse(e.reportedText).success)
    return { id: 'Terlapor: 2-500 karakter terlihat, tanpa karakter kendali', en: 'Reported party: 2-500 visible characters, no control characters' };
  return null;
}
/**
 * A corrected date: the clocks that count from the day it became known (the time to report, a finding's
 * 7 days) follow it (as at intake, the incident stands in when nothing else says), and so does the flag
 * of an incident outside the election's stages.
 */
const amendIncident = (next: CaseState, state: CaseState, e: IntakeAmendment, ctx: TransitionContext) => {
  const known = e.knownOn ?? (state.dates.known ? undefined : e.incidentOn);
  if (known) next.dates.known = known;
  if (e.incidentOn && ctx.electionSpan) next.flags = periodFlags(next.flags, ctx.electionSpan, e.incidentOn);
};

/**
 * An incident outside the election's stages (tahapan) is flagged OUTSIDE_ELECTION_PERIOD: the election
 * law's offences may not apply (the neutrality duties of the ASN codes do), and the handler sees it at once.
 */
export function periodFlags(flags: readonly string[], span: { start: string; end: string }, incidentOn: string | null | undefined): string[] {
  const outside = !!incidentOn && (incidentOn < span.start || incidentOn > span.end);
  return [...flags.filter((f) => f !== 'OUTSIDE_ELECTION_PERIOD'), ...(outside ? ['OUTSIDE_ELECTION_PERIOD'] : [])];
}
const isParty = (v: unknown) => v === 'reporter' || v === 'reported' || v === 'witness';
const isLevel = (v: unknown): v is SanctionLevel => typeof v === 'string' && Object.hasOwn(SEVERITY, v);
const unknownLevel = (v: unknown): Refusal => ({ id: `Tingkat sanksi tidak dikenal: "${String(v).slice(0, 40)}"`, en: `Unknown sanction level: "${String(v).slice(0, 40)}"`, field: 'sanctionId' });

const ALL_SANCTIONS = [...MORAL_SANCTIONS, ...PP94_SANCTIONS, ...PP53_SANCTIONS, ...PTDH_SANCTIONS, ...NON_ASN_CONTRACT_SANCTIONS];
const ACTORS: readonly SanctionActor[] = ['PNS', 'PPPK', 'NON_ASN', 'VILLAGE_HEAD'];
/** Outcomes that find against the reported person: only after they were heard or summoned. */
const ACCUSING = ACCUSING_OUTCOMES as readonly Outcome[];

/** Whose sanctions apply, and on which day: the reported worker type (both kinds when unknown) at the incident date. */
function sanctionSubject(ctx: TransitionContext) {
  const actor = ctx.subject?.actorType ?? null;
  const actors = actor && (ACTORS as readonly string[]).includes(actor) ? [actor as SanctionActor] : (['PNS', 'NON_ASN'] as const);
  return { actor, actors, date: ctx.subject?.incidentOn ?? ctx.today };
}

/** The sanction must exist for this act, actor type and incident date (catalogue of @netra/rules). */
function checkRecommendation(e: { actCode: string; sanctionId: string; level: SanctionLevel }, ctx: TransitionContext): Msg | null {
  const act = ctx.acts ? ctx.acts.find((a) => a.code === e.actCode) : findAct(e.actCode);
  if (!act) return { id: `Kode perbuatan tidak dikenal: ${e.actCode}`, en: `Unknown act code: ${e.actCode}` };
  const { actor, actors, date } = sanctionSubject(ctx);
  const options = actors.flatMap((a) => administrativeSanctions(act, a, date));
  const option = options.find((o) => o.id === e.sanctionId);
  if (!option)
    return {
      id: `Sanksi ${e.sanctionId} tidak tersedia untuk ${act.code}${actor ? ` (${actor})` : ''}; pilihan: ${options.map((o) => o.id).join(', ') || 'tidak ada'}`,
      en: `Sanction ${e.sanctionId} does not fit ${act.code}${actor ? ` (${actor})` : ''}; options: ${options.map((o) => o.id).join(', ') || 'none'}`,
    };
  if (option.level !== e.level)
    return { id: `Tingkat sanksi ${e.sanctionId} adalah ${option.level}, bukan ${e.level}`, en: `${e.sanctionId} is a ${option.level} sanction, not ${e.level}` };
  return null;
}

/**
 * A PPK decree imposes a sanction the law provides for that kind of worker on the incident date, or
 * none: no PP 53/2010 form after PP 94/2021 took effect, no PTDH of the repealed UU 5/2014 for a 2024
 * act, no PNS discipline for a contract worker. A lawful form other than the recommended one (lighter,
 * heavier, another level than the act's usual one) is the PPK's decision: recorded, and flagged.
 */
function checkDecree(e: Extract<CaseEvent, { type: 'PPK_DECIDE' }>, ctx: TransitionContext): Msg | null {
  if (e.level === 'none') return e.sanctionId === 'none' ? null : { id: 'Tanpa sanksi: sanctionId harus "none"', en: 'No sanction: sanctionId must be "none"' };
  const form = ALL_SANCTIONS.find((f) => f.id === e.sanctionId);
  if (!form) return { id: `Sanksi tidak dikenal: ${e.sanctionId}`, en: `Unknown sanction: ${e.sanctionId}` };
  if (form.level !== e.level) return { id: `Tingkat sanksi ${e.sanctionId} adalah ${form.level}, bukan ${e.level}`, en: `${e.sanctionId} is a ${form.level} sanction, not ${e.level}` };
  const { actor, actors, date } = sanctionSubject(ctx);
  const lawful = actors.flatMap((a) => sanctionsInForce(a, date));
  if (!lawful.some((f) => f.id === e.sanctionId))
    return {
      id: `Sanksi ${e.sanctionId} tidak berlaku untuk ${actor ?? 'terlapor'} pada ${date} (peraturan yang dicabut atau jenis pegawai lain)`,
      en: `Sanction ${e.sanctionId} is not in force for ${actor ?? 'the reported person'} on ${date} (a repealed regulation or another kind of worker)`,
    };
  return null;
}

/** A recommendation reaches the PPK through the reported employee's registry record (its agency): without it nobody would receive it. */
const NOT_LINKED: Msg = {
  id: 'Terlapor belum dikaitkan dengan data pegawai di registri, sehingga tidak ada PPK yang dapat menerimanya; Bawaslu mengonfirmasi terlapor terlebih dahulu',
  en: "The reported person is not linked to an employee record, so no PPK could receive it; Bawaslu confirms the reported employee first",
};

/**
 * The authority can only recommend about a linked employee (NOT_LINKED): a case forwarded before Bawaslu
 * links the reported person would leave it nothing to do but dismiss. Bawaslu links first, then forwards.
 */
const NOT_LINKED_FORWARD: Msg = {
  id: 'Terlapor belum dikaitkan dengan data pegawai di registri: kaitkan terlapor lebih dahulu (panel Terlapor, cari nama atau NIP), lalu teruskan. Tanpa itu instansi berwenang tidak dapat merekomendasikan sanksi dan tidak ada PPK yang menerimanya',
  en: 'The reported person is not linked to an employee record: link them first (Reported person panel, search by name or NIP), then forward. Without it the authority cannot recommend a sanction and no PPK would receive it',
};

/**
 * Civil servants (PNS, PPPK) go to the civil-service authority, non-ASN staff to their PPK (SE MenPANRB
 * 01/2023, domain.md §2.5): why `type` is the wrong route for this worker, or null. The one rule behind
 * both the payload check and the actions offered.
 */
function wrongRoute(type: CaseEventType, actorType: string | null | undefined): Msg | null {
  if (type === 'FORWARD' && actorType === 'NON_ASN')
    return {
      id: 'Terlapor pegawai non-ASN: tindak lanjut oleh PPK/pejabat yang berwenang di instansinya (SE MenPANRB 01/2023), bukan instansi kepegawaian ASN; gunakan "Teruskan ke PPK"',
      en: 'The reported person is non-ASN staff: their PPK or authorised official follows up (SE MenPANRB 01/2023), not the civil-service authority; use "Forward to the PPK"',
    };
  if (type === 'FORWARD_TO_PPK' && actorType !== 'NON_ASN')
    return {
      id: 'Hanya kasus pegawai non-ASN yang diteruskan langsung kepada PPK; kasus ASN (PNS/PPPK) diteruskan kepada instansi kepegawaian (BKN)',
      en: 'Only cases about non-ASN staff go straight to the PPK; ASN (PNS/PPPK) cases go to the civil-service authority (BKN)',
    };
  return null;
}

/** A Gakkumdu handover happened on a past or present day, not before the case's incident or receipt. */
function checkHandover(on: unknown, state: CaseState, ctx: TransitionContext, previous?: string): Msg | null {
  if (on === undefined || on === null || on === '') return null;
  if (!isDate(on)) return { id: `Tanggal penyerahan tidak valid: ${String(on).slice(0, 40)} (format TTTT-BB-HH)`, en: `Invalid handover date: ${String(on).slice(0, 40)} (YYYY-MM-DD)` };
  if (on > ctx.today) return { id: `Tanggal penyerahan ${dateWords(on).id} ada di masa depan (hari ini ${dateWords(ctx.today).id})`, en: `Handover date ${dateWords(on).en} is in the future (today is ${dateWords(ctx.today).en})` };
  // a file cannot change hands before the step it comes from
  if (previous && on < previous)
    return { id: `Tanggal penyerahan ${dateWords(on).id} mendahului langkah sebelumnya (${dateWords(previous).id})`, en: `Handover date ${dateWords(on).en} is before the previous step (${dateWords(previous).en})` };
  return notBefore(on, state, ctx, { id: 'Tanggal penyerahan', en: 'Handover date' });
}
const handoverOn = (e: { handedOverOn?: string }, ctx: TransitionContext) => dayOf(e.handedOverOn, ctx);
/** The day a Gakkumdu step happened: the date recorded, else today. */
const dayOf = (on: string | undefined, ctx: TransitionContext) => (on ? on : ctx.today);

/** A decree acts on the recommendation: it cannot be dated before it. */
const decreeAfterRecommendation = (decidedOn: string, state: CaseState): Refusal | null => {
  const rec = state.dates.recommendation;
  if (!rec || decidedOn >= rec) return null;
  return {
    id: `Tanggal keputusan PPK ${dateWords(decidedOn).id} mendahului rekomendasi yang ditindaklanjutinya (${dateWords(rec).id})`,
    en: `Decree date ${dateWords(decidedOn).en} is before the recommendation it acts on (${dateWords(rec).en})`,
    field: 'decidedOn',
  };
};

/** Right of reply: the reported person gave a statement, or was summoned and the summons day is over (they may still come that day). */
export const reportedWasHeard = (state: CaseState, today: string) =>
  state.clarifications.some((c) => c.party === 'reported') || (state.summons ?? []).some((s) => s.party === 'reported' && s.scheduledOn < today);

function validate(e: CaseEvent, state: CaseState, ctx: TransitionContext): Refusal | null {
  const today = ctx.today;
  switch (e.type) {
    case 'REQUEST_COMPLETION':
      return Array.isArray(e.missing) && e.missing.length > 0 ? null : { id: 'Sebutkan kekurangan laporan', en: 'List what the report is missing' };
    case 'COMPLETE':
      return checkAmendment(e, state, ctx);
    case 'AMEND_INTAKE':
      if (!INTAKE_FIELDS.some((k) => e[k] !== undefined))
        return { id: 'Isi paling sedikit satu data: tanggal kejadian, tanggal diketahui, tempat kejadian, atau terlapor', en: 'Give at least one fact: incident date, date known, place of the incident, or reported party' };
      return checkAmendment(e, state, ctx);
    case 'REGISTER': {
      if (!e.formal || !e.material)
        return { id: 'Laporan hanya dapat diregistrasi bila syarat formal dan materiel terpenuhi', en: 'A report can be registered only when formal and material requirements are met' };
      const intake = ctx.intake;
      // a report's formal and material requirements (a supervisor's own finding names what it found)
      const report = state.source === undefined || state.source === 'report';
      if (intake && report && !intake.hasReportedParty)
        return { id: 'Syarat formal: terlapor belum disebutkan (isi uraian terlapor atau pilih pegawai terlapor)', en: 'Formal requirement: no reported party is named (describe them or link the reported employee)' };
      if (intake && report && !intake.hasDate)
        return { id: 'Syarat materiel: waktu kejadian atau tanggal diketahui belum diisi', en: 'Material requirement: neither the incident date nor the date it became known is recorded' };
      if (intake && report && !intake.hasPlace)
        return { id: 'Syarat materiel: tempat kejadian belum diisi (catat data laporan)', en: 'Material requirement: the place of the incident is not recorded (record the report facts)' };
      // reporting within the time limit is a formal requirement (Perbawaslu 7/2022; UU 7/2017 454(6), UU 10/2016 134(4)); a
      // finding must be set within 7 days of its discovery (454(5)): past it neither can be registered
      if (intake?.reportDue && intake.receivedOn > intake.reportDue)
        return report
          ? {
              id: `Syarat formal tidak terpenuhi: laporan diterima ${dateWords(intake.receivedOn).id}, melewati batas penyampaian ${dateWords(intake.reportDue).id} (sejak diketahui). Laporan tidak dapat diregistrasi: nyatakan tidak diregistrasi, lalu bila perlu jadikan informasi awal untuk temuan pengawas`,
              en: `Formal requirement not met: the report came in on ${dateWords(intake.receivedOn).en}, after the last day to report (${dateWords(intake.reportDue).en}, counted from when it became known). It cannot be registered: mark it not registered, then if needed take it up as initial information for a supervisor's finding`,
            }
          : {
              id: `Temuan ditetapkan melewati 7 hari sejak diketahui (batas ${dateWords(intake.reportDue).id}); temuan tidak dapat diregistrasi`,
              en: `The finding is set more than 7 days after its discovery (last day ${dateWords(intake.reportDue).en}); it cannot be registered`,
            };
      return needText(e.caseNumber, 'caseNumber');
    }
    case 'REJECT':
    case 'WITHDRAW':
      return needText(e.reason, 'reason');
    case 'MERGE':
      return needText(e.intoCaseId, 'intoCaseId') ?? needText(e.reason, 'reason');
    case 'EXTEND_REVIEW':
      if (state.reviewExtended) return { id: 'Masa kajian sudah diperpanjang', en: 'The review was already extended' };
      return needText(e.reason, 'reason');
    case 'SUMMON':
      if (!isParty(e.party)) return { id: `Pihak tidak dikenal: ${String(e.party)}`, en: `Unknown party: ${String(e.party)}` };
      return allOf(needText(e.personLabel, 'personLabel'), needDate(e.scheduledOn, 'scheduledOn', today, 'past'), needText(e.place, 'place'));
    case 'RECORD_CLARIFICATION':
      if (!isParty(e.party)) return { id: `Pihak tidak dikenal: ${String(e.party)}`, en: `Unknown party: ${String(e.party)}` };
      return allOf(
        needText(e.personLabel, 'personLabel'),
        needDate(e.heldOn, 'heldOn', today, 'done') ?? notBefore(e.heldOn, state, ctx, FIELD_WORDS.heldOn, 'heldOn'),
        needText(e.statement, 'statement'),
      );
    case 'DECIDE':
      if (typeof e.outcome !== 'string' || !Object.hasOwn(DECISION_STATUS, e.outcome))
        return { id: `Putusan tidak dikenal: ${String(e.outcome)}`, en: `Unknown outcome: ${String(e.outcome)}` };
      if (ACCUSING.includes(e.outcome) && !reportedWasHeard(state, today))
        return {
          id: 'Terlapor belum didengar (hak jawab): catat klarifikasi terlapor, atau panggil terlapor dan putuskan setelah hari panggilan berakhir',
          en: 'The reported person has not been heard (right of reply): record their statement, or summon them and decide after the summons day is over',
        };
      return needText(e.reasoning, 'reasoning');
    case 'FORWARD': {
      const route = wrongRoute(e.type, ctx.subject?.actorType);
      if (route) return route;
      if (ctx.subject?.linked === false) return NOT_LINKED_FORWARD;
      const missing = needText(e.authorityId, 'authorityId') ?? needText(e.letterNumber, 'letterNumber');
      if (missing) return missing;
      const body = asnAuthorityOn(today, ctx.authorityOptions);
      if (!body) return { id: `Tidak ada instansi berwenang yang terkonfigurasi pada ${dateWords(today).id}`, en: `No authority is configured for ${dateWords(today).en}` };
      if (body.id !== e.authorityId)
        return { id: `Pada ${dateWords(today).id} kasus ASN diteruskan kepada ${body.name.id} (${body.id}), bukan ${e.authorityId}`, en: `On ${dateWords(today).en} ASN cases go to ${body.name.en} (${body.id}), not ${e.authorityId}`, field: 'authorityId' };
      return null;
    }
    case 'FORWARD_TO_PPK': {
      const route = wrongRoute(e.type, ctx.subject?.actorType);
      if (route) return route;
      if (ctx.subject?.linked === false) return NOT_LINKED;
      if (!isLevel(e.level)) return needText(e.sanctionId, 'sanctionId') ?? unknownLevel(e.level);
      return needText(e.actCode, 'actCode') ?? needText(e.sanctionId, 'sanctionId') ?? needText(e.letterNumber, 'letterNumber') ?? checkRecommendation(e, ctx);
    }
    case 'GAKKUMDU_INVESTIGATE':
      return checkHandover(e.handedOverOn, state, ctx, state.dates.gakkumdu_declaration);
    case 'GAKKUMDU_PROSECUTE':
      // a resubmitted file goes back after it was returned
      return checkHandover(e.handedOverOn, state, ctx, fileWasReturned(state) ? state.dates.file_returned : state.dates.police_receipt);
    case 'GAKKUMDU_TRIAL':
      return checkHandover(e.handedOverOn, state, ctx, state.dates.prosecutor_receipt ?? state.dates.police_receipt);
    case 'GAKKUMDU_RETURN_FILE':
      return checkHandover(e.returnedOn, state, ctx, state.dates.prosecutor_receipt);
    case 'GAKKUMDU_JUDGMENT':
      if (!(['convicted', 'acquitted'] as unknown[]).includes(e.result)) return { id: `Amar putusan tidak dikenal: ${String(e.result)}`, en: `Unknown judgment: ${String(e.result)}` };
      return checkHandover(e.judgedOn, state, ctx, state.dates.court_transfer);
    case 'GAKKUMDU_APPEAL': {
      const bad = checkHandover(e.filedOn, state, ctx, state.dates.judgment);
      if (bad) return bad;
      // filed after the 3 days the judgment is final: there is nothing left to appeal
      const filed = dayOf(e.filedOn, ctx);
      const last = lastDayToAppeal(state);
      return last && filed > last
        ? { id: `Banding diajukan ${dateWords(filed).id}, melewati batas ${dateWords(last).id}: putusan telah berkekuatan hukum tetap`, en: `Appeal filed ${dateWords(filed).en}, after the last day to appeal (${dateWords(last).en}): the judgment is final` }
        : null;
    }
    case 'GAKKUMDU_CONCLUDE': {
      if (!(['convicted', 'acquitted', 'stopped'] as unknown[]).includes(e.result)) return { id: `Hasil tidak dikenal: ${String(e.result)}`, en: `Unknown result: ${String(e.result)}` };
      // a district court judgment is final only when nobody appealed in time
      const open = appealOpenUntil(state, ctx.today);
      if (open) return { id: `Putusan belum berkekuatan hukum tetap: banding masih dapat diajukan hingga ${dateWords(open).id}`, en: `The judgment is not final yet: an appeal may be filed until ${dateWords(open).en}` };
      return needText(e.note, 'note');
    }
    case 'RECOMMEND':
      if (ctx.subject?.linked === false) return NOT_LINKED;
      if (!isLevel(e.level)) return needText(e.sanctionId, 'sanctionId') ?? unknownLevel(e.level);
      return needText(e.actCode, 'actCode') ?? needText(e.sanctionId, 'sanctionId') ?? needText(e.letterNumber, 'letterNumber') ?? checkRecommendation(e, ctx);
    case 'AUTHORITY_DISMISS':
      return needText(e.reasoning, 'reasoning');
    case 'PPK_DECIDE':
      if (!isLevel(e.level)) return needText(e.sanctionId, 'sanctionId') ?? unknownLevel(e.level);
      return allOf(needText(e.decreeNumber, 'decreeNumber'), needText(e.sanctionId, 'sanctionId'), needDate(e.decidedOn, 'decidedOn', today, 'done') ?? decreeAfterRecommendation(e.decidedOn, state) ?? notBefore(e.decidedOn, state, ctx, { id: 'Tanggal keputusan PPK', en: 'Decree date' }, 'decidedOn'))
        ?? checkDecree(e, ctx);
    case 'PPK_FAIL': {
      // non-compliance can be recorded only once the PPK's follow-up period has run out
      const clock = state.deadlines.find((d) => d.ruleId === 'civil_service.ppk_follow_up');
      if (clock && clock.dueDate >= today)
        return { id: `PPK masih dalam tenggat tindak lanjut hingga ${dateWords(clock.dueDate).id}`, en: `The PPK's follow-up period runs until ${dateWords(clock.dueDate).en}` };
      return null;
    }
    case 'ESCALATE':
      return needText(e.letterNumber, 'letterNumber');
    case 'CLOSE':
      return needText(e.note, 'note');
    default:
      return null;
  }
}

const DECISION_STATUS: Readonly<Record<Outcome, CaseStatus>> = {
  no_violation: 'decided_no_violation',
  election_admin: 'decided_election_admin',
  organiser_ethics: 'decided_organiser_ethics',
  election_crime: 'gakkumdu_discussion',
  other_law: 'decided_other_law',
};

/** Applies one event. Pure: the caller loads the state FOR UPDATE, then persists `next`. */
export function transition(state: CaseState, input: CaseEvent, ctx: TransitionContext): TransitionResult {
  // own properties only: "constructor", "toString" or "__proto__" are not events
  const type: unknown = input?.type;
  const spec = typeof type === 'string' && Object.hasOwn(TRANSITIONS, type) ? TRANSITIONS[type as CaseEventType] : undefined;
  if (!spec) return fail('CASE_INVALID_PAYLOAD', { id: `Peristiwa tidak dikenal: ${String(type).slice(0, 40)}`, en: `Unknown event: ${String(type).slice(0, 40)}` });
  const event = sealReporterLabel(input);
  if (!spec.from.includes(state.status))
    return fail('CASE_INVALID_TRANSITION', {
      id: `Tindakan "${EVENT_WORDS[event.type].id}" tidak dapat dilakukan pada status "${STATUS_WORDS[state.status].id}"`,
      en: `"${EVENT_WORDS[event.type].en}" is not possible in status "${STATUS_WORDS[state.status].en}"`,
    });
  if (!ctx.roles.some((r) => spec.roles.includes(r)))
    return fail('CASE_FORBIDDEN', { id: `Peran Anda tidak dapat melakukan "${EVENT_WORDS[event.type].id}"`, en: `Your role cannot do "${EVENT_WORDS[event.type].en}"` });
  // an incumbent running in this election: the acting PPK (Plt/Pj, during his campaign leave) or his superior decides
  if (event.type === 'PPK_DECIDE' && ctx.deciderIsCandidate)
    return fail('PPK_IS_CANDIDATE', {
      id: 'Anda sendiri calon dalam pemilihan ini: keputusan atas kasus ini tidak dapat Anda ambil. Keputusan dicatat oleh pejabat yang melaksanakan tugas PPK selama Anda cuti (Plt/Pj) atau oleh atasan PPK.',
      en: 'You are yourself a candidate in this election: you cannot decide this case. The official acting as PPK during your leave (Plt/Pj) or the PPK\'s superior records the decision.',
    });
  const shape = checkShape(event as Record<string, unknown>, event.type);
  if (shape) return fail('CASE_INVALID_PAYLOAD', shape);
  if (REPORT_ONLY.includes(event.type) && isFinding(state))
    return fail('CASE_INVALID_TRANSITION', {
      id: `Temuan pengawas tidak memiliki pelapor yang melengkapi atau mencabutnya: "${EVENT_WORDS[event.type].id}" hanya untuk laporan`,
      en: `A supervisor's finding has no reporter to complete or withdraw it: "${EVENT_WORDS[event.type].en}" applies to reports only`,
    });
  const invalid = validate(event, state, ctx);
  if (invalid) return fail('CASE_INVALID_PAYLOAD', invalid);

  const effects: Effect[] = [];
  let next: CaseState = { ...state, dates: { ...state.dates }, flags: [...state.flags] };
  const to = (status: CaseStatus) => (next = { ...next, status });
  switch (event.type) {
    case 'START_REVIEW':
      to('initial_review');
      break;
    case 'REQUEST_COMPLETION':
      to('incomplete');
      next.dates.completion_requested = ctx.today;
      effects.push({ type: 'notify', to: 'reporter', template: 'completion_requested' });
      break;
    case 'COMPLETE':
      to('initial_review');
      amendIncident(next, state, event, ctx);
      break;
    case 'AMEND_INTAKE':
      amendIncident(next, state, event, ctx);
      break;
    case 'REGISTER':
      to('registered');
      next.caseNumber = event.caseNumber.trim();
      next.dates.registration = ctx.today;
      effects.push({ type: 'notify', to: 'reporter', template: 'registered' });
      break;
    case 'REJECT':
      to('not_registered');
      effects.push({ type: 'notify', to: 'reporter', template: 'not_registered' });
      break;
    case 'WITHDRAW':
      to('withdrawn');
      // the reporter who followed it learns that their withdrawal was recorded
      effects.push({ type: 'notify', to: 'reporter', template: 'withdrawn' });
      break;
    case 'MERGE':
      to('merged');
      next.mergedInto = event.intoCaseId;
      effects.push({ type: 'notify', to: 'reporter', template: 'merged' });
      break;
    case 'BEGIN_REVIEW':
      to('under_review');
      break;
    case 'EXTEND_REVIEW':
      next.reviewExtended = true;
      break;
    case 'SUMMON':
      next.summons = [...(state.summons ?? []), { party: event.party, personLabel: event.personLabel.trim(), scheduledOn: event.scheduledOn, place: event.place.trim(), issuedOn: ctx.today }];
      break;
    case 'RECORD_CLARIFICATION':
      next.clarifications = [...state.clarifications, { party: event.party, personLabel: event.personLabel.trim(), heldOn: event.heldOn }];
      break;
    case 'DECIDE':
      to(DECISION_STATUS[event.outcome]);
      next.outcome = event.outcome;
      if (event.outcome === 'election_crime') next.dates.gakkumdu_declaration = ctx.today;
      // summoned but never gave a statement: the decision stands, and the file shows it
      if (ACCUSING.includes(event.outcome) && !state.clarifications.some((c) => c.party === 'reported'))
        effects.push({ type: 'flag', flag: 'REPORTED_DID_NOT_ATTEND' });
      effects.push({ type: 'notify', to: 'reporter', template: `decided_${event.outcome}` });
      break;
    case 'FORWARD':
      to('forwarded');
      next.authorityId = event.authorityId;
      effects.push({ type: 'notify', to: 'authority', template: 'forwarded' }, { type: 'notify', to: 'reporter', template: 'forwarded' });
      break;
    case 'FORWARD_TO_PPK':
      // Bawaslu's own recommendation to the non-ASN worker's PPK: the PPK's follow-up clock runs from it
      to('recommended');
      next.recommendation = { actCode: event.actCode, sanctionId: event.sanctionId, level: event.level, letterNumber: event.letterNumber, issuedBy: 'supervisor' };
      next.dates.recommendation = ctx.today;
      effects.push({ type: 'notify', to: 'ppk', template: 'recommended' }, { type: 'notify', to: 'reporter', template: 'forwarded' });
      break;
    // each Gakkumdu clock counts from the day the file actually changed hands (today unless given)
    case 'GAKKUMDU_INVESTIGATE':
      to('gakkumdu_investigation');
      next.dates.police_receipt = handoverOn(event, ctx);
      break;
    case 'GAKKUMDU_PROSECUTE':
      to('gakkumdu_prosecution');
      next.dates.prosecutor_receipt = handoverOn(event, ctx);
      break;
    case 'GAKKUMDU_TRIAL':
      to('gakkumdu_trial');
      next.dates.court_transfer = handoverOn(event, ctx);
      break;
    case 'GAKKUMDU_RETURN_FILE':
      to('gakkumdu_investigation');
      next.dates.file_returned = dayOf(event.returnedOn, ctx);
      break;
    case 'GAKKUMDU_JUDGMENT':
      to('gakkumdu_judgment');
      next.dates.judgment = dayOf(event.judgedOn, ctx);
      break;
    case 'GAKKUMDU_APPEAL':
      to('gakkumdu_appeal');
      next.dates.appeal_filed = dayOf(event.filedOn, ctx);
      break;
    case 'GAKKUMDU_CONCLUDE':
      to('gakkumdu_concluded');
      break;
    case 'RECOMMEND':
      to('recommended');
      next.recommendation = { actCode: event.actCode, sanctionId: event.sanctionId, level: event.level, letterNumber: event.letterNumber };
      next.dates.recommendation = ctx.today;
      effects.push({ type: 'notify', to: 'ppk', template: 'recommended' });
      break;
    case 'AUTHORITY_DISMISS':
      to('closed');
      effects.push({ type: 'notify', to: 'reporter', template: 'closed' });
      break;
    case 'PPK_DECIDE': {
      to('ppk_decided');
      next.ppkDecision = { decreeNumber: event.decreeNumber, sanctionId: event.sanctionId, level: event.level, decidedOn: event.decidedOn };
      const rec = state.recommendation;
      // lighter, heavier or another form than recommended: the file shows it
      if (rec && event.sanctionId !== rec.sanctionId) effects.push({ type: 'flag', flag: 'SANCTION_MISMATCH' });
      // whoever recommended follows up: the authority, or Bawaslu for a non-ASN worker it sent straight to the PPK
      effects.push({ type: 'notify', to: rec?.issuedBy === 'supervisor' ? 'handlers' : 'authority', template: 'ppk_decided' });
      break;
    }
    case 'PPK_FAIL':
      to('ppk_non_compliant');
      effects.push({ type: 'notify', to: state.recommendation?.issuedBy === 'supervisor' ? 'handlers' : 'authority', template: 'ppk_non_compliant' });
      break;
    case 'ESCALATE':
      to('escalated');
      effects.push({ type: 'flag', flag: 'SIASN_BLOCK_REQUESTED' });
      break;
    case 'CLOSE':
      to('closed');
      effects.push({ type: 'notify', to: 'reporter', template: 'closed' });
      break;
  }
  for (const e of effects) if (e.type === 'flag' && !next.flags.includes(e.flag)) next.flags.push(e.flag);
  next.deadlines = clocksFor(next, ctx.rules, ctx.calendar);
  return { ok: true, next, effects };
}

/** The events a holder of `roles` may fire now (for `allowedActions` in responses). */
export function allowedEvents(state: CaseState, roles: readonly CaseRole[], today?: string, subject?: { actorType: string | null; linked?: boolean; deciderIsCandidate?: boolean }): CaseEventType[] {
  return (Object.keys(TRANSITIONS) as CaseEventType[]).filter((t) => {
    const spec = TRANSITIONS[t];
    if (!spec.from.includes(state.status) || !roles.some((r) => spec.roles.includes(r))) return false;
    if (t === 'PPK_DECIDE' && subject?.deciderIsCandidate) return false;
    // the route follows the worker type: BKN for civil servants, the PPK for non-ASN staff
    if (subject && wrongRoute(t, subject.actorType)) return false;
    if (REPORT_ONLY.includes(t) && isFinding(state)) return false;
    // a recommendation reaches a PPK only through a linked record: not offered until Bawaslu links it
    if ((t === 'RECOMMEND' || t === 'FORWARD_TO_PPK' || t === 'FORWARD') && subject?.linked === false) return false;
    if (t === 'PPK_FAIL' && today) return validate({ type: 'PPK_FAIL' }, state, { today, roles }) === null;
    // a judgment is concluded once final, appealed only while the time to appeal runs
    if (today && lastDayToAppeal(state) && (t === 'GAKKUMDU_CONCLUDE' || t === 'GAKKUMDU_APPEAL')) return (appealOpenUntil(state, today) !== null) === (t === 'GAKKUMDU_APPEAL');
    return !(t === 'EXTEND_REVIEW' && state.reviewExtended);
  });
}

/** "sisa N hari" / "terlambat N hari" / "hari ini", in calendar days of the office's local time. */
export function describeDue(dueDate: string, today: string): { daysLeft: number; overdue: boolean; label: Msg } {
  const days = Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days === 0) return { daysLeft: 0, overdue: false, label: { id: 'hari ini', en: 'due today' } };
  if (days > 0) return { daysLeft: days, overdue: false, label: { id: `sisa ${days} hari`, en: `${days} days left` } };
  return { daysLeft: days, overdue: true, label: { id: `terlambat ${-days} hari`, en: `${-days} days overdue` } };
}

/**
 * What the deadline sweep should do now: warn once before each running deadline, escalate once
 * after it. Keys identify each action so a repeated sweep produces nothing new.
 */
export function sweepActions(caseId: string, state: CaseState, today: string, warnDaysBefore = 1): { key: string; kind: 'warn' | 'escalate'; deadline: Deadline }[] {
  if (FINAL_STATUSES.includes(state.status)) return [];
  const out: { key: string; kind: 'warn' | 'escalate'; deadline: Deadline }[] = [];
  for (const d of state.deadlines) {
    const { daysLeft, overdue } = describeDue(d.dueDate, today);
    if (overdue) out.push({ key: `${caseId}:${state.status}:${d.ruleId}:${d.dueDate}:escalate`, kind: 'escalate', deadline: d });
    else if (daysLeft <= warnDaysBefore) out.push({ key: `${caseId}:${state.status}:${d.ruleId}:${d.dueDate}:warn`, kind: 'warn', deadline: d });
  }
  return out;
}
