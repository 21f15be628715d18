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
  unconfirmed: z.boolean(),
});

export const Assessment = z.looseObject({
  stage: Named.nullable(),
  participantsDetermined: z.boolean(),
  campaignPeriod: z.boolean(),
  quietPeriod: z.boolean(),
  votingDay: z.boolean(),
  electoralDomain: z.boolean(),
  routes: z.array(z.enum(['asn_ethics', 'asn_discipline', 'non_asn_contract', 'election_crime'])),
  asnAuthority: z.looseObject({ id: z.string(), name: LocalizedText }).nullable(),
  reportDeadline: Deadline,
  timely: z.boolean().nullable(),
  deadlines: z.array(Deadline),
  sanctionOptions: z.array(z.looseObject({ id: z.string(), kind: z.string(), level: z.string(), name: LocalizedText, source: z.string() })),
  explanation: z.array(z.object({ id: z.string(), en: z.string(), cites: z.array(z.string()) })),
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
    z.object({ id: z.string(), name: LocalizedText, start: z.string(), end: z.string(), role: z.string().nullable(), contingent: z.boolean(), source: z.string() }),
  ),
});
export type ElectionTimeline = z.infer<typeof ElectionTimeline>;

export const TimelineQuery = z.object({ region: RegionCode });

export const CatalogueAct = z.looseObject({
  code: z.string(),
  track: z.string(),
  conduct: LocalizedText,
  defaultSanction: z.string(),
  legalBasis: z.string(),
  counterpart: z.string().optional(),
  source: z.string(),
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

export const CandidateImportResult = z.object({
  status: z.enum(['succeeded', 'rejected']),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), code: z.string(), message: z.string(), messageId: z.string() })),
});
