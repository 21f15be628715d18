import { describe, expect, it } from 'vitest';
import { ELECTIONS } from './elections/registry.ts';
import { catalogueActs } from './catalogue/acts.ts';
import { MORAL_SANCTIONS, NON_ASN_CONTRACT_SANCTIONS, PP53_SANCTIONS, PP94_SANCTIONS, PTDH_SANCTIONS, PP94_EFFECTIVE_DATE } from './catalogue/sanctions.ts';
import { ELECTION_ARTICLES, OFFENCE_LINKS } from './catalogue/election-law.ts';
import { HOLIDAYS } from './calendar/holidays.ts';
import { DEFAULT_WORKING_WEEK } from './calendar/working-days.ts';
import { DEADLINE_RULES } from './deadlines/rules.ts';
import { ASN_AUTHORITIES } from './authority/asn-authority.ts';
import { UNCONFIRMED_DEFAULTS } from './options.ts';
import { TIME_ZONE_SOURCE } from './regions/time-zones.ts';

// Every legal fact must carry its source (STYLE.md "Legal facts are data").
const sourced: readonly [string, readonly { source: string }[]][] = [
  ['elections', ELECTIONS],
  ['stages', ELECTIONS.flatMap((election) => election.stages)],
  ['contests', ELECTIONS.flatMap((election) => election.contests)],
  ['contest exclusions', ELECTIONS.flatMap((election) => election.contests.flatMap((contest) => contest.excludedRegions))],
  ['acts (default options)', catalogueActs()],
  ['acts (merged D-9/D-10, D-8 berat)', catalogueActs({ d9d10: 'merged', d8SanctionLevel: 'berat' })],
  ['sanctions', [...MORAL_SANCTIONS, ...PP94_SANCTIONS, ...PP53_SANCTIONS, ...PTDH_SANCTIONS, ...NON_ASN_CONTRACT_SANCTIONS, PP94_EFFECTIVE_DATE]],
  ['election-law articles', ELECTION_ARTICLES],
  ['offence links', OFFENCE_LINKS],
  ['holidays', HOLIDAYS],
  ['working week', [DEFAULT_WORKING_WEEK]],
  ['deadline rules', DEADLINE_RULES],
  ['ASN authorities', ASN_AUTHORITIES],
  ['unconfirmed defaults', UNCONFIRMED_DEFAULTS],
  ['time zones', [{ source: TIME_ZONE_SOURCE }]],
];

describe('sources', () => {
  it.each(sourced)('every item of %s has a non-empty source', (_name, items) => {
    expect(items.length).toBeGreaterThan(0);
    const missing = items.filter((item) => typeof item.source !== 'string' || item.source.trim() === '');
    expect(missing).toEqual([]);
  });

  it('has a source on every region override (none are needed for 2024 yet)', () => {
    const overrides = ELECTIONS.flatMap((election) => election.regionOverrides);
    expect(overrides.filter((override) => override.source.trim() === '')).toEqual([]);
  });

  it('cites a domain.md source id or a regulation in every stage, act, holiday and deadline rule', () => {
    const items = [...ELECTIONS.flatMap((election) => election.stages), ...catalogueActs(), ...HOLIDAYS, ...DEADLINE_RULES];
    const uncited = items.filter((item) => !/\[S\d+|UU |PP |SKB|Perbawaslu|PKPU|Keppres|Peraturan/.test(item.source));
    expect(uncited).toEqual([]);
  });

  it('flags the UNCONFIRMED items of domain.md §11 in the data', () => {
    const acts = catalogueActs();
    for (const code of ['D-8', 'D-9', 'D-10']) expect(acts.find((act) => act.code === code)?.unconfirmed).toBe(true);
    expect(DEADLINE_RULES.find((rule) => rule.id === 'civil_service.ppk_follow_up')?.unconfirmed).toBe(true);
    expect(DEFAULT_WORKING_WEEK.unconfirmed).toBe(true);
    expect(ASN_AUTHORITIES.find((authority) => authority.id === 'KASN')?.unconfirmed).toBe(true);
    expect(UNCONFIRMED_DEFAULTS.every((item) => item.unconfirmed === true && item.option !== '')).toBe(true);
  });
});
