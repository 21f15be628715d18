import { isOnOrAfter, isWithin } from '../shared/dates.ts';
import type { Bilingual, IsoDate } from '../shared/types.ts';
import { isWithinRegion } from '../regions/region-code.ts';
import type { Contest, Election, ParticipantKind, Stage, StageRole } from './types.ts';

export interface ScheduleOptions {
  /** Include stages scheduled only if a condition occurs (e.g. a presidential run-off). */
  readonly includeContingent?: boolean;
}

/** Contests of `election` held in the region (a province code is covered only by province/national contests). */
export function contestsIn(election: Election, regionCode: string): Contest[] {
  const isProvinceOnly = !regionCode.includes('.');
  return election.contests.filter((contest) => {
    if (contest.level === 'regency_city' && isProvinceOnly) return false;
    return !contest.excludedRegions.some((excluded) => isWithinRegion(regionCode, excluded.prefix));
  });
}

export function takesPart(election: Election, regionCode: string): boolean {
  return contestsIn(election, regionCode).length > 0;
}

/** Why the region holds none of the election's contests (empty when it takes part). */
export function absenceReasons(election: Election, regionCode: string): Bilingual[] {
  if (takesPart(election, regionCode)) return [];
  const reasons = election.contests.flatMap((contest) => contest.excludedRegions.filter((e) => isWithinRegion(regionCode, e.prefix)).map((e) => e.reason));
  // a province code with only regency/city contests: the contest is held in the regencies and cities below it
  return reasons.length ? reasons : [{ id: 'Pemilihan ini diselenggarakan di kabupaten/kota: pilih kabupaten/kotanya', en: 'This election is held in the regencies and cities: choose the regency or city' }];
}

/** First and last day of the election's (non-contingent) stages in the region: its tahapan. */
export function electionSpan(election: Election, regionCode: string): { start: IsoDate; end: IsoDate } {
  const stages = stagesForRegion(election, regionCode);
  return { start: stages.map((s) => s.start).sort()[0]!, end: stages.map((s) => s.end).sort().at(-1)! };
}

/** The election's stages with the region's overrides applied (longer prefixes win). */
export function stagesForRegion(election: Election, regionCode: string, options: ScheduleOptions = {}): Stage[] {
  const overrides = election.regionOverrides
    .filter((override) => isWithinRegion(regionCode, override.regionPrefix))
    .sort((a, b) => a.regionPrefix.length - b.regionPrefix.length);
  return election.stages
    .filter((stage) => options.includeContingent === true || stage.contingent !== true)
    .map((stage) =>
      overrides.reduce<Stage>((current, override) => {
        const change = override.stages[stage.id];
        if (!change) return current;
        return {
          ...current,
          start: change.start ?? current.start,
          end: change.end ?? current.end,
          source: `${current.source}; regional override ${override.regionPrefix}: ${override.source}`,
        };
      }, stage),
    );
}

/** Stages active on `date` in the region (empty when the region does not take part). */
export function stageOn(election: Election, regionCode: string, date: IsoDate, options: ScheduleOptions = {}): Stage[] {
  if (!takesPart(election, regionCode)) return [];
  return stagesForRegion(election, regionCode, options).filter((stage) => isWithin(date, stage.start, stage.end));
}

const ROLE_PRIORITY: Record<StageRole, number> = { voting: 0, quiet_period: 1, campaign: 2, participants: 3 };

/** The most specific of several active stages: legal roles first, then the shortest stage. */
export function primaryStage(stages: readonly Stage[]): Stage | null {
  const ranked = [...stages].sort((a, b) => {
    const roleA = a.role ? ROLE_PRIORITY[a.role] : 9;
    const roleB = b.role ? ROLE_PRIORITY[b.role] : 9;
    if (roleA !== roleB) return roleA - roleB;
    return a.end.localeCompare(b.end) || b.start.localeCompare(a.start);
  });
  return ranked[0] ?? null;
}

export interface ElectionStatus {
  readonly electionId: string;
  readonly regionCode: string;
  readonly date: IsoDate;
  readonly takesPart: boolean;
  readonly stages: readonly Stage[];
  /** Any participant (party, candidate, pair) has been determined by `date`. */
  readonly participantsDetermined: boolean;
  /** Per kind; `null` where the election has no such participants (e.g. parties in Pilkada). */
  readonly participants: Readonly<Record<ParticipantKind, boolean | null>>;
  /** The first determination milestone reached, if any. */
  readonly participantsSince: IsoDate | null;
  readonly campaignPeriod: boolean;
  readonly quietPeriod: boolean;
  readonly votingDay: boolean;
}

/** Answers the decision table of domain.md §6.3 for one election, region and date. */
export function electionStatusOn(election: Election, regionCode: string, date: IsoDate): ElectionStatus {
  const participating = takesPart(election, regionCode);
  const schedule = stagesForRegion(election, regionCode);
  const active = participating ? schedule.filter((stage) => isWithin(date, stage.start, stage.end)) : [];
  const hasRole = (role: StageRole) => active.some((stage) => stage.role === role);

  const participantKind = (kind: ParticipantKind): boolean | null => {
    const milestone = schedule.find((stage) => stage.role === 'participants' && stage.participantKind === kind);
    if (!milestone) return null;
    return participating && isOnOrAfter(date, milestone.start);
  };
  const reached = schedule
    .filter((stage) => stage.role === 'participants' && participating && isOnOrAfter(date, stage.start))
    .map((stage) => stage.start)
    .sort();

  return {
    electionId: election.id,
    regionCode,
    date,
    takesPart: participating,
    stages: active,
    participantsDetermined: reached.length > 0,
    participants: {
      parties: participantKind('parties'),
      legislative_candidates: participantKind('legislative_candidates'),
      pairs: participantKind('pairs'),
    },
    participantsSince: reached[0] ?? null,
    campaignPeriod: hasRole('campaign'),
    quietPeriod: hasRole('quiet_period'),
    votingDay: hasRole('voting'),
  };
}
