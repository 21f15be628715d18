import type { Bilingual, IsoDate, Sourced } from '../shared/types.ts';

/**
 * 'general' = national and local contests on one day (Pemilu 2024); 'regional_head' = Pilkada;
 * 'national' / 'local' = the split elections from 2029 (MK 135/PUU-XXII/2024, domain.md §6.4).
 */
export type ElectionKind = 'general' | 'national' | 'local' | 'regional_head';

/** Which election law governs handling and offences: UU 7/2017 (Pemilu) or UU 10/2016 (Pilkada). */
export type ElectionRegime = 'pemilu' | 'pilkada';

/** Who becomes a participant (peserta / calon / pasangan calon) at a milestone. */
export type ParticipantKind = 'parties' | 'legislative_candidates' | 'pairs';

/**
 * What a stage means for the rules. `participants` marks the day participants are determined
 * (they exist from its start onward); the others mark the periods the election law names.
 */
export type StageRole = 'participants' | 'campaign' | 'quiet_period' | 'voting';

export interface Stage extends Sourced {
  readonly id: string;
  readonly name: Bilingual;
  readonly start: IsoDate;
  /** Inclusive. */
  readonly end: IsoDate;
  readonly role?: StageRole;
  readonly participantKind?: ParticipantKind;
  /** Scheduled only in case a condition occurs (e.g. a presidential run-off); ignored by default. */
  readonly contingent?: boolean;
}

/** Levels of contest held; the region participates where at least one contest covers it. */
export type ContestLevel = 'national' | 'province' | 'regency_city';

export interface Contest extends Sourced {
  readonly level: ContestLevel;
  readonly name: Bilingual;
  /** Region-code prefixes where this contest is not held. */
  readonly excludedRegions: readonly { readonly prefix: string; readonly reason: Bilingual; readonly source: string }[];
}

/** Per-region change of stage dates, applied to every region code inside `regionPrefix`. */
export interface RegionOverride extends Sourced {
  readonly regionPrefix: string;
  readonly stages: Readonly<Record<string, { readonly start?: IsoDate; readonly end?: IsoDate }>>;
}

export interface Election extends Sourced {
  readonly id: string;
  readonly kind: ElectionKind;
  readonly regime: ElectionRegime;
  readonly name: Bilingual;
  readonly stages: readonly Stage[];
  readonly contests: readonly Contest[];
  readonly regionOverrides: readonly RegionOverride[];
}
