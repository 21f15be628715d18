import type { Sourced } from './shared/types.ts';
import { catalogueActs, type CatalogueOptions } from './catalogue/acts.ts';
import type { Act } from './catalogue/types.ts';
import { OFFENCE_LINKS, type OffenceLink } from './catalogue/election-law.ts';
import { createCalendar, DEFAULT_WORKING_WEEK, type CalendarOptions, type WorkCalendar } from './calendar/working-days.ts';
import { deadlineRules, type DeadlineOverrides, type DeadlineRule } from './deadlines/rules.ts';
import { DEFAULT_KASN_END_DATE, type AuthorityOptions } from './authority/asn-authority.ts';
import { ELECTIONS } from './elections/registry.ts';
import type { Election } from './elections/types.ts';

export interface ElectionLawOptions {
  /** Whether UU 10/2016 Pasal 71(1) applies only in the campaign period (UNCONFIRMED). Default false. */
  readonly pilkada71CampaignOnly?: boolean;
}

/** Everything configurable in the engine; every field is optional and has a default. */
export interface RulesOptions {
  readonly elections?: readonly Election[];
  readonly catalogue?: CatalogueOptions;
  readonly calendar?: CalendarOptions;
  readonly deadlines?: DeadlineOverrides;
  readonly authority?: AuthorityOptions;
  readonly electionLaw?: ElectionLawOptions;
}

/** Options resolved once into the data the engine uses. */
export interface Rules {
  readonly elections: readonly Election[];
  readonly acts: readonly Act[];
  readonly calendar: WorkCalendar;
  readonly deadlines: readonly DeadlineRule[];
  readonly authority: AuthorityOptions;
  readonly offenceLinks: readonly OffenceLink[];
  readonly catalogueOptions: CatalogueOptions;
}

export function resolveRules(options: RulesOptions = {}): Rules {
  const campaignOnly71 = options.electionLaw?.pilkada71CampaignOnly ?? false;
  return {
    elections: options.elections ?? ELECTIONS,
    acts: catalogueActs(options.catalogue),
    calendar: createCalendar(options.calendar),
    deadlines: deadlineRules(options.deadlines),
    authority: options.authority ?? {},
    catalogueOptions: options.catalogue ?? {},
    offenceLinks: OFFENCE_LINKS.map((link) =>
      link.id === 'pilkada_decisions' && campaignOnly71 ? { ...link, requires: 'campaign_period' as const } : link,
    ),
  };
}

export interface UnconfirmedDefault extends Sourced {
  /** The option path that changes it. */
  readonly option: string;
  readonly description: string;
  readonly defaultValue: string;
}

/** UNCONFIRMED items of domain.md encoded as options with defaults (also listed in README). */
export const UNCONFIRMED_DEFAULTS: readonly UnconfirmedDefault[] = [
  { option: 'catalogue.d8SanctionLevel', description: 'Sanction level of D-8 (partisan activities)', defaultValue: 'sedang', source: 'domain.md §2.4, §11 item 2 [S46, S52, S48]', unconfirmed: true },
  { option: 'catalogue.d9d10', description: 'D-9/D-10 split (expert/winning team before vs after determination)', defaultValue: 'split', source: 'domain.md §2.4, §11 item 2 [S46, S52]', unconfirmed: true },
  { option: 'deadlines["pemilu.report"].basis', description: 'Counting basis of the Pemilu 7-day report deadline', defaultValue: 'working', source: 'UU 7/2017 Pasal 454(6); Perbawaslu 7/2022 Pasal 8(3) (domain.md §11 item 7) [S13, S19]', unconfirmed: true },
  { option: 'deadlines[<rule>].basis', description: 'Counting basis of other "hari" periods (Pemilu review 2/7 days: working; Pilkada 7/3/2 days and court steps: calendar)', defaultValue: 'see DEADLINE_RULES.basisUnconfirmed', source: 'domain.md §4.1, §4.2, §4.4 [S13, S27, S91]', unconfirmed: true },
  { option: 'deadlines["pemilu.gakkumdu.investigation"].days', description: 'UU 7/2017 Pasal 480 investigation period', defaultValue: '14', source: 'domain.md §4.4, §11 item 7 [S14, S91]', unconfirmed: true },
  { option: 'deadlines["civil_service.ppk_follow_up"].days', description: 'PPK deadline to act on a KASN/BKN recommendation', defaultValue: '14 calendar days', source: 'domain.md §5.1, §11 item 6', unconfirmed: true },
  { option: 'calendar.workingWeekdays', description: 'Government working week', defaultValue: DEFAULT_WORKING_WEEK.weekdays.join(','), source: DEFAULT_WORKING_WEEK.source, unconfirmed: true },
  { option: 'calendar.collectiveLeaveIsDayOff', description: 'Cuti bersama closes offices for deadline counting', defaultValue: 'true', source: 'domain.md §8.7 [S170, S175, S192]', unconfirmed: true },
  { option: 'calendar.holidays', description: '2023 holidays and cuti bersama; 2024 cuti bersama 18 Jun and 26 Dec', defaultValue: 'built-in list (flagged unconfirmed)', source: 'domain.md §8.7, §11 item 14', unconfirmed: true },
  { option: 'authority.kasnEndDate', description: 'Last day KASN receives ASN cases (BKN from the next day)', defaultValue: DEFAULT_KASN_END_DATE, source: 'domain.md §3.1, §11 item 4 [S32, S64]', unconfirmed: true },
  { option: 'authority.independentBodyStartDate', description: 'Start of the independent body required by MK 121/PUU-XXII/2024', defaultValue: 'none (not active)', source: 'domain.md §3.1 [S34, S35]', unconfirmed: true },
  { option: 'electionLaw.pilkada71CampaignOnly', description: 'Whether UU 10/2016 Pasal 71(1) is limited to the campaign period', defaultValue: 'false', source: 'domain.md §3.3, §11 item 5 [S16, S18, S75]', unconfirmed: true },
];
