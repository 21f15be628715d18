import { z } from 'zod';
import { IsoDate, LocalizedText, Pagination, PlainText, RegionCode } from './common.ts';
import { CaseConflictFlag } from './conflicts.ts';


const CaseIntakeFields = z.object({
  electionId: z.string().min(1).max(64),
  regionCode: RegionCode,
  title: PlainText(5, 300),
  summary: PlainText(10, 20_000),
  incidentOn: IsoDate.optional(),
  knownOn: IsoDate.optional(),
  incidentPlace: PlainText(3, 500).optional().describe('Where it happened (tempat kejadian): a report\'s minimum content and a material requirement for registration (UU 7/2017 454(4), UU 10/2016 134(3))'),
  actCode: z.string().max(10).optional(),
  actorType: z.enum(['PNS', 'PPPK', 'NON_ASN', 'VILLAGE_HEAD']).optional(),
  reportedText: z.string().trim().max(500).optional(),
  reportedEmployeeId: z.uuid().optional(),
  tipId: z.uuid().optional(),
  fromCaseId: z.uuid().optional().describe("A report that was not registered (e.g. late) or was withdrawn: Bawaslu takes it up as initial information for its own finding; the reporter's identity and account stay with that report"),
});
export const FindingInput = CaseIntakeFields.refine((v) => !(v.tipId && v.fromCaseId), { message: 'a finding comes from a tip or from a report, not both', path: ['fromCaseId'] });
export type FindingInput = z.infer<typeof FindingInput>;

const realDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * NIK (domain.md §8.3): 16 digits PP KK CC DDMMYY SSSS, spaces, dots or dashes allowed as typed.
 * Checks the form the reporter's KTP must have (region parts not 00, a real birth date with 40 added
 * to the day for women, sequence from 0001); whether the province exists is the registry's concern.
 */
export function isPlausibleNik(raw: string): boolean {
  const digits = raw.replace(/[\s.-]/g, '');
  if (!/^\d{16}$/.test(digits)) return false;
  if (digits.startsWith('00') || digits.slice(2, 4) === '00' || digits.slice(4, 6) === '00' || digits.slice(12) === '0000') return false;
  const dd = Number(digits.slice(6, 8));
  const day = dd > 40 ? dd - 40 : dd;
  // a two-digit year: 29 February is real in a leap year of either century, so try a leap year
  const yy = Number(digits.slice(10, 12));
  return realDate(yy % 4 === 0 ? 2000 : 2001, Number(digits.slice(8, 10)), day);
}

/** A date written in "Tempat/tanggal lahir" as DD-MM-YYYY (or with / or .) must be a real date. */
const hasOnlyRealDates = (v: string) =>
  [...v.matchAll(/(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/g)].every((m) => realDate(Number(m[3]), Number(m[2]), Number(m[1])));

/** Form A.1 / B.1 reporter identity: sealed, stored apart from the case. */
export const ReporterIdentity = z.object({
  name: PlainText(2, 200),
  birthPlaceDate: z.string().trim().max(200).refine(hasOnlyRealDates, 'place and a real date of birth, e.g. Bekasi, 28-02-1990').optional(),
  sex: z.enum(['L', 'P']).optional(),
  occupation: z.string().trim().max(200).optional(),
  citizenship: z.string().trim().max(100).default('WNI'),
  address: z.string().trim().min(5).max(500),
  phone: z.string().trim().max(30).regex(/^\+?\d(?:[ -]?\d){7,14}$/, 'phone number of 8-15 digits, e.g. 0812-3456-7890 or +62 812 3456 7890').optional(),
  email: z.email().optional(),
  idNumber: z.string().trim().max(30).refine(isPlausibleNik, 'NIK of 16 digits as on the KTP (region, birth date DDMMYY with 40 added to the day for women, sequence)').optional(),
});

/**
 * A sealed identity as it is opened: what was recorded, checked only for its shape, so that one
 * sealed before a check was added (a KTP number that is no NIK, say) still opens.
 */
export const SealedReporterIdentity = ReporterIdentity.extend({
  birthPlaceDate: z.string().optional(),
  phone: z.string().optional(),
  idNumber: z.string().optional(),
});

export const ReportInput = CaseIntakeFields.omit({ tipId: true, fromCaseId: true }).extend({
  reporter: ReporterIdentity,
  witnesses: z.array(z.object({ name: z.string().trim().min(2).max(200), address: z.string().trim().max(500).optional(), phone: z.string().trim().max(30).optional() })).max(20).default([]),
  chronology: z.string().trim().min(10).max(20_000),
  tipId: z.uuid().optional().describe('A tip whose reporter consented to a formal report'),
});
export type ReportInput = z.infer<typeof ReportInput>;

export const CaseDeadline = z.object({
  ruleId: z.string(),
  name: LocalizedText,
  dueDate: z.string(),
  dueAt: z.string(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  label: LocalizedText,
  unconfirmed: z.boolean(),
  /** False when a working-day count crosses a year without holiday data (only weekends were skipped): check the date by hand. */
  calendarCovered: z.boolean(),
});

export const CaseSummary = z.object({
  id: z.uuid(),
  caseNumber: z.string().nullable(),
  source: z.enum(['tip', 'report', 'finding']),
  electionId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.string(),
  title: z.string(),
  receivedOn: z.string(),
  reportedText: z.string().nullable(),
  nextDeadline: CaseDeadline.nullable(),
  flags: z.array(z.string()),
  version: z.number().int(),
});

/** Review outcomes that find against the reported person: only after their right of reply (heard, or the summons day over). */
export const ACCUSING_OUTCOMES: readonly string[] = ['other_law', 'election_crime'];

/**
 * What stands in for the reporter in case data, in both languages ("Indonesian / English"): their label
 * in a summons or clarification, and their account outside Bawaslu. The page shows the UI language's half.
 */
export const REPORTER_LABEL = 'Pelapor (identitas dirahasiakan) / Reporter (identity sealed)';
export const REPORTER_ACCOUNT_WITHHELD = 'Keterangan pelapor dirahasiakan; tersedia pada Bawaslu. / The reporter\'s account is withheld; Bawaslu holds it.';

export const CaseDetail = CaseSummary.extend({
  summary: z.string(),
  incidentOn: z.string().nullable(),
  knownOn: z.string().nullable(),
  incidentPlace: z.string().nullable(),
  actCode: z.string().nullable(),
  actorType: z.string().nullable(),
  reportedEmployeeId: z.uuid().nullable(),
  authorityId: z.string().nullable(),
  deadlines: z.array(CaseDeadline),
  events: z.array(z.object({ seq: z.number().int(), type: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), actorLabel: z.string(), at: z.string(), payload: z.record(z.string(), z.unknown()) })),
  clarifications: z.array(z.object({ party: z.string(), personLabel: z.string(), heldOn: z.string().nullable(), statement: z.string().nullable() })),
  recommendation: z.record(z.string(), z.unknown()).nullable(),
  ppkDecision: z.record(z.string(), z.unknown()).nullable(),
  hasReporterIdentity: z.boolean(),
  /** Whether this user may open the sealed reporter identity (a handler assigned to the case, with a stated reason; each opening is logged). */
  // optional only so that hand-built CaseDetail fixtures keep compiling; the API always sends it
  mayOpenReporterIdentity: z.boolean().describe('The caller may open the sealed reporter identity (an assigned handler, and the case has one)'),
  assessment: z.record(z.string(), z.unknown()).nullable(),
  allowedActions: z.array(z.string()),
  /** Whether this user may link the reported person to a registry record at this step (Bawaslu's handlers). */
  mayLinkReportedPerson: z.boolean(),
  /** The right of reply is met today (a statement, or a summons whose day is over): ACCUSING_OUTCOMES may be decided. */
  reportedHeard: z.boolean(),
  summons: z.array(z.object({ party: z.string(), personLabel: z.string(), scheduledOn: z.string(), place: z.string(), issuedOn: z.string() })),
  /** Which PDFs exist at this step (receipt, registration, summons, review, gakkumdu_minutes, forwarding, recommendation). */
  documents: z.array(z.string()),
  /** The body ASN cases go to today (KASN, BKN, ...): what a FORWARD must name. */
  forwardTo: z.object({ id: z.string(), name: LocalizedText }).nullable(),
  /** Confirmed conflicts of interest touching the case: the reported person's, the PPK's (a PPK who is a candidate cannot decide), a handler's. */
  conflictFlags: z.array(CaseConflictFlag),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseQuery = Pagination.extend({
  status: z.string().max(40).optional(),
  regionCode: RegionCode.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

export const CaseEventInput = z.object({
  event: z.looseObject({ type: z.string().min(1).max(40) }),
  expectedVersion: z.number().int().min(1).optional().describe('Refuse with 409 if the case changed meanwhile'),
});

export const ReassignInput = z.object({ fromUserId: z.uuid(), toUserId: z.uuid(), caseIds: z.array(z.uuid()).max(10_000).optional() });
