import { z } from 'zod';
import { LocalizedText, RegionCode } from './common.ts';

export const ACTOR_TYPES = ['PNS', 'PPPK', 'NON_ASN', 'VILLAGE_HEAD'] as const;

/** Documented shape of an incident; the legal engine validates it (and names any bad value). */
export const IncidentInput = z.looseObject({
  election: z.string().describe('pemilu-2024 | pilkada-2024'),
  regionCode: z.string().describe('Kemendagri code where the incident happened'),
  incidentDate: z.string().describe('YYYY-MM-DD'),
  knownDate: z.string().optional().describe('YYYY-MM-DD, the day it became known (default incidentDate)'),
  reportDate: z.string().optional().describe('YYYY-MM-DD, the day it was reported'),
  registrationDate: z.string().optional(),
  actorType: z.string().describe(ACTOR_TYPES.join(' | ')),
  act: z.string().describe('Catalogue code KE-1..KE-7, D-1..D-13'),
});

const Named = z.object({ id: z.string(), name: LocalizedText });
/** The source of a legal fact as users read it, the rules data's own kept beside it (`withPublicSource` of @netra/rules). */
const PublicSource = {
  source: z.string().describe('Public legal references of the fact ("PP 94/2021 Pasal 8(2)"); empty when the data cites none'),
  unconfirmed: z.boolean().describe('The fact is not confirmed yet'),
  provenance: z.string().describe("The rules data's own source, research notes and ids included (for developers)"),
};
const Deadline = z.looseObject({
  ruleId: z.string(),
  name: LocalizedText,
  from: z.string(),
  days: z.number(),
  basis: z.enum(['working', 'calendar']),
  dueDate: z.string(),
  dueAt: z.string().describe('23:59 local time of the office, with its UTC offset'),
  assumed: z.boolean(),
  calendarCovered: z.boolean(),
  ...PublicSource,
});

export const Assessment = z.looseObject({
  stage: Named.nullable(),
  participantsDetermined: z.boolean(),
  campaignPeriod: z.boolean(),
  quietPeriod: z.boolean(),
  votingDay: z.boolean(),
  electoralDomain: z.boolean(),
  routes: z.array(z.enum(['asn_ethics', 'asn_discipline', 'non_asn_contract', 'election_crime'])),
  asnAuthority: z.looseObject({ id: z.string(), name: LocalizedText, ...PublicSource }).nullable(),
  reportDeadline: Deadline,
  timely: z.boolean().nullable(),
  deadlines: z.array(Deadline),
  sanctionOptions: z.array(z.looseObject({ id: z.string(), kind: z.string(), level: z.string(), name: LocalizedText, ...PublicSource })),
  explanation: z.array(
    z.object({
      id: z.string(),
      en: z.string(),
      cites: z.array(z.string()).describe('Public legal references behind the sentence ("PP 94/2021 Pasal 5 huruf n")'),
      unconfirmed: z.boolean().describe('A fact behind the sentence is not confirmed yet'),
      provenance: z.array(z.string()).describe("The rules data's own sources, research notes and ids included (for developers)"),
    }),
  ),
});

export const ElectionSummary = z.object({
  id: z.string(),
  kind: z.enum(['general', 'national', 'local', 'regional_head']),
  regime: z.enum(['pemilu', 'pilkada']),
  name: LocalizedText,
  source: z.string(),
});

export const ElectionTimeline = z.object({
  election: ElectionSummary,
  regionCode: z.string(),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
  today: z.string(),
  takesPart: z.boolean(),
  stages: z.array(
    z.object({ id: z.string(), name: LocalizedText, start: z.string(), end: z.string(), role: z.string().nullable(), contingent: z.boolean(), ...PublicSource }),
  ),
});
export type ElectionTimeline = z.infer<typeof ElectionTimeline>;

export const TimelineQuery = z.object({ region: RegionCode });

/** An administrative sanction of the catalogue for an act, actor type and date (`GET /catalogue/sanctions`). */
export const SanctionChoice = z.object({ id: z.string(), name: LocalizedText, level: z.string(), kind: z.string(), ...PublicSource });

export const CatalogueAct = z.looseObject({
  code: z.string(),
  track: z.string(),
  conduct: LocalizedText,
  defaultSanction: z.string(),
  legalBasis: z.string().describe('The regulations, as a reader cites them'),
  counterpart: z.string().optional(),
  ...PublicSource,
});

export const Candidate = z.object({
  id: z.uuid(),
  kind: z.enum(['legislative', 'pair']),
  name: z.string(),
  runningMateName: z.string().nullable(),
  partyNumber: z.number().int().nullable(),
  chamber: z.string().nullable(),
  electoralDistrict: z.string().nullable(),
  regionCode: z.string().nullable(),
  ballotNumber: z.number().int(),
});

const ImportRowIssue = z.object({ row: z.number().int(), column: z.string(), code: z.string(), message: z.string(), messageId: z.string() });
export const CandidateImportResult = z.object({
  status: z.enum(['succeeded', 'rejected']),
  inserted: z.number().int(),
  updated: z.number().int().describe('Entries corrected: the same person in the slot (titles, spelling, district letters, a missing chamber)'),
  replaced: z.number().int().describe('Slots now naming another person (PAW): the former candidate is kept, withdrawn, with their conflict-of-interest records'),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(ImportRowIssue),
  /** What the import did that an officer should know, row by row (CANDIDATE_REPLACED: who was replaced by whom). */
  notices: z.array(ImportRowIssue),
});

/** The KPU lists the candidate import reads (`kind` of `POST /elections/:id/candidate-imports`). */
export const CANDIDATE_LIST_KINDS = ['party', 'legislative', 'pair'] as const;
export type CandidateListKind = (typeof CANDIDATE_LIST_KINDS)[number];

/**
 * The columns of a KPU candidate list as the import reads them (header, and the field of the legal
 * engine's parser it fills), with an example row: the template the web offers for download and the
 * header the demo data is written with. The importer also accepts other KPU and English spellings of
 * each column (`packages/rules` import-rows.ts). `Lembaga` is DPR, DPD, DPRD Provinsi, DPRD Kabupaten
 * or DPRD Kota; `Kode Wilayah` a Kemendagri code (empty: a national list).
 */
export const CANDIDATE_TEMPLATES = {
  legislative: {
    columns: [
      { header: 'Nama Calon', field: 'name' }, { header: 'Nomor Urut Partai', field: 'partyNumber' }, { header: 'Dapil', field: 'electoralDistrict' },
      { header: 'Kode Wilayah', field: 'regionCode' }, { header: 'Nomor Urut', field: 'ballotNumber' }, { header: 'Lembaga', field: 'chamber' },
    ],
    // the import refuses a row that still carries the example's name (TEMPLATE_EXAMPLE), so the template uploaded unchanged changes nothing
    example: [['Siti Contoh, S.Pd.', '1', 'Kota Bekasi 1', '32.75', '1', 'DPRD Kota']],
  },
  pair: {
    columns: [
      { header: 'Nomor Urut', field: 'ballotNumber' }, { header: 'Nama Calon', field: 'candidateName' }, { header: 'Nama Wakil', field: 'runningMateName' },
      { header: 'Kode Wilayah', field: 'regionCode' },
    ],
    example: [['1', 'H. Contoh Calon, S.E.', 'Contoh Wakil, M.Si.', '32.75']],
  },
} as const satisfies Record<Exclude<CandidateListKind, 'party'>, { columns: readonly { header: string; field: string }[]; example: readonly (readonly string[])[] }>;
export type CandidateTemplateKind = keyof typeof CANDIDATE_TEMPLATES;
/** The template as a CSV file: its header and example rows (or the rows given). */
export const candidateTemplateCsv = (kind: CandidateTemplateKind, rows: Iterable<readonly string[]> = CANDIDATE_TEMPLATES[kind].example) =>
  toCsv(CANDIDATE_TEMPLATES[kind].columns.map((c) => c.header), rows);

/** One CSV line: cells holding the separator, a quote or a line break are quoted. */
export function csvLine(cells: readonly string[], separator = ';'): string {
  return `${cells.map((c) => (c.includes(separator) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(separator)}\n`;
}
/** A CSV file: the header, then the rows (';' by default, as Indonesian Excel writes and reads it). */
export const toCsv = (columns: readonly string[], rows: Iterable<readonly string[]>, separator = ';') =>
  [columns, ...rows].map((cells) => csvLine(cells, separator)).join('');
