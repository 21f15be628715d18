import type { Bilingual, IsoDate } from '../shared/types.ts';
import type { ElectionKind, ParticipantKind } from '../elections/types.ts';
import type { Act } from '../catalogue/types.ts';
import type { ElectionArticle, OffenceLink } from '../catalogue/election-law.ts';
import type { SanctionOption } from '../catalogue/sanction-options.ts';
import type { Deadline } from '../deadlines/compute.ts';
import type { Incident } from './incident.ts';

export type Route = 'asn_ethics' | 'asn_discipline' | 'non_asn_contract' | 'election_crime';

export interface ExplanationLine {
  readonly id: string;
  readonly en: string;
  /**
   * The public legal references behind the sentence, as a reader looks them up ("PP 94/2021 Pasal 5
   * huruf n", "Hasil kajian Bawaslu Kabupaten Bekasi (Pemilu 2024)"): see `publicCitations`.
   */
  readonly cites: readonly string[];
  /** True when a fact behind the sentence is not confirmed yet; a reader is told so in words ("belum terkonfirmasi"). */
  readonly unconfirmed: boolean;
  /** The rules data's own sources behind the sentence, research notes and ids included (for developers, never shown). */
  readonly provenance: readonly string[];
}

export interface OffenceCheck {
  readonly linkId: string;
  readonly prohibits: readonly ElectionArticle[];
  readonly penalisedBy: ElectionArticle;
  readonly liable: OffenceLink['liable'];
  readonly requires: OffenceLink['requires'];
  /** True when the legal elements that depend on the date are present. */
  readonly applies: boolean;
}

export interface Assessment {
  readonly input: Incident;
  readonly election: { readonly id: string; readonly kind: ElectionKind; readonly name: Bilingual };
  /** Whether the region holds a contest in this election. */
  readonly takesPart: boolean;
  readonly stage: { readonly id: string; readonly name: Bilingual } | null;
  readonly activeStages: readonly { readonly id: string; readonly name: Bilingual }[];
  readonly participantsDetermined: boolean;
  readonly participants: Readonly<Record<ParticipantKind, boolean | null>>;
  readonly campaignPeriod: boolean;
  readonly quietPeriod: boolean;
  readonly votingDay: boolean;
  /** Election-law offences can apply on the incident date (participants exist in a participating region). */
  readonly electoralDomain: boolean;
  readonly act: Act;
  readonly routes: readonly Route[];
  readonly offences: readonly OffenceCheck[];
  /** Body receiving ASN-track cases (null without an ASN route or when none is configured). */
  readonly asnAuthority: { readonly id: string; readonly name: Bilingual; readonly onDate: IsoDate; readonly source: string; readonly unconfirmed: boolean } | null;
  readonly reportDeadline: Deadline;
  /** Whether the report met the deadline; null without a report date. */
  readonly timely: boolean | null;
  /** The report deadline and, once reported, the handling steps with their due dates. */
  readonly deadlines: readonly Deadline[];
  readonly sanctionOptions: readonly SanctionOption[];
  readonly explanation: readonly ExplanationLine[];
}
