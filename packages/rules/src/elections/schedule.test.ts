import { describe, expect, it } from 'vitest';
import { shiftDate } from '../shared/dates.ts';
import { PEMILU_2024 } from './pemilu-2024.ts';
import { PILKADA_2024 } from './pilkada-2024.ts';
import { findElection } from './registry.ts';
import { absenceReasons, contestsIn, electionSpan, electionStatusOn, primaryStage, stageOn, stagesForRegion, takesPart } from './schedule.ts';
import type { Election } from './types.ts';

// Transcribed independently from domain.md §6.1 / §6.2, so a data typo fails here.
const STAGES: readonly [Election, string, string, string][] = [
  [PEMILU_2024, 'planning', '2022-06-14', '2024-06-14'],
  [PEMILU_2024, 'voter_data_updating', '2022-10-14', '2023-06-21'],
  [PEMILU_2024, 'party_registration_verification', '2022-07-29', '2022-12-13'],
  [PEMILU_2024, 'parties_determined', '2022-12-14', '2022-12-14'],
  [PEMILU_2024, 'seats_and_districts', '2022-10-14', '2023-02-09'],
  [PEMILU_2024, 'dpd_candidacy', '2022-12-06', '2023-11-25'],
  [PEMILU_2024, 'legislative_candidacy', '2023-04-24', '2023-11-25'],
  [PEMILU_2024, 'dct_determined', '2023-11-03', '2023-11-03'],
  [PEMILU_2024, 'presidential_candidacy', '2023-10-19', '2023-11-25'],
  [PEMILU_2024, 'presidential_registration', '2023-10-19', '2023-10-25'],
  [PEMILU_2024, 'presidential_pairs_determined', '2023-11-13', '2023-11-13'],
  [PEMILU_2024, 'presidential_number_draw', '2023-11-14', '2023-11-14'],
  [PEMILU_2024, 'campaign', '2023-11-28', '2024-02-10'],
  [PEMILU_2024, 'quiet_period', '2024-02-11', '2024-02-13'],
  [PEMILU_2024, 'voting', '2024-02-14', '2024-02-14'],
  [PEMILU_2024, 'counting', '2024-02-14', '2024-02-15'],
  [PEMILU_2024, 'recapitulation', '2024-02-15', '2024-03-20'],
  [PEMILU_2024, 'oath_dpr_dpd', '2024-10-01', '2024-10-01'],
  [PEMILU_2024, 'oath_president', '2024-10-20', '2024-10-20'],
  [PILKADA_2024, 'monitor_registration', '2024-02-27', '2024-11-16'],
  [PILKADA_2024, 'dp4_handover', '2024-04-24', '2024-05-31'],
  [PILKADA_2024, 'independent_support', '2024-05-05', '2024-08-19'],
  [PILKADA_2024, 'voter_list_updating', '2024-05-31', '2024-09-23'],
  [PILKADA_2024, 'registration_announcement', '2024-08-24', '2024-08-26'],
  [PILKADA_2024, 'pair_registration', '2024-08-27', '2024-08-29'],
  [PILKADA_2024, 'requirements_verification', '2024-08-27', '2024-09-21'],
  [PILKADA_2024, 'pairs_determined', '2024-09-22', '2024-09-22'],
  [PILKADA_2024, 'number_draw', '2024-09-23', '2024-09-23'],
  [PILKADA_2024, 'campaign', '2024-09-25', '2024-11-23'],
  [PILKADA_2024, 'quiet_period', '2024-11-24', '2024-11-26'],
  [PILKADA_2024, 'voting', '2024-11-27', '2024-11-27'],
  [PILKADA_2024, 'counting_recapitulation', '2024-11-27', '2024-12-16'],
];

const ids = (election: Election, date: string, region = '32.16') => stageOn(election, region, date).map((stage) => stage.id);

describe('stage boundaries', () => {
  it('covers every stage of both elections', () => {
    const listed = new Set(STAGES.map(([election, id]) => `${election.id}/${id}`));
    const data = [PEMILU_2024, PILKADA_2024].flatMap((election) =>
      election.stages.filter((stage) => !stage.contingent).map((stage) => `${election.id}/${stage.id}`),
    );
    expect(new Set(data)).toEqual(listed);
  });

  it.each(STAGES)('%s / %s runs from %s to %s', (election, id, start, end) => {
    expect(ids(election, shiftDate(start, -1))).not.toContain(id);
    expect(ids(election, start)).toContain(id);
    expect(ids(election, end)).toContain(id);
    expect(ids(election, shiftDate(end, 1))).not.toContain(id);
  });
});

type Flags = { participantsDetermined: boolean; campaignPeriod: boolean; quietPeriod: boolean; votingDay: boolean };
const F = (p: number, c: number, q: number, v: number): Flags => ({
  participantsDetermined: p === 1, campaignPeriod: c === 1, quietPeriod: q === 1, votingDay: v === 1,
});

describe('electionStatusOn: the decision table of domain.md §6.3', () => {
  const cases: readonly [Election, string, Flags][] = [
    [PEMILU_2024, '2022-11-20', F(0, 0, 0, 0)], // seed 004: factual verification
    [PEMILU_2024, '2022-12-13', F(0, 0, 0, 0)],
    [PEMILU_2024, '2022-12-14', F(1, 0, 0, 0)],
    [PEMILU_2024, '2022-12-15', F(1, 0, 0, 0)],
    [PEMILU_2024, '2023-11-27', F(1, 0, 0, 0)],
    [PEMILU_2024, '2023-11-28', F(1, 1, 0, 0)],
    [PEMILU_2024, '2024-02-10', F(1, 1, 0, 0)],
    [PEMILU_2024, '2024-02-11', F(1, 0, 1, 0)],
    [PEMILU_2024, '2024-02-13', F(1, 0, 1, 0)],
    [PEMILU_2024, '2024-02-14', F(1, 0, 0, 1)],
    [PEMILU_2024, '2024-02-15', F(1, 0, 0, 0)],
    [PILKADA_2024, '2024-08-28', F(0, 0, 0, 0)],
    [PILKADA_2024, '2024-09-21', F(0, 0, 0, 0)],
    [PILKADA_2024, '2024-09-22', F(1, 0, 0, 0)],
    [PILKADA_2024, '2024-09-23', F(1, 0, 0, 0)],
    [PILKADA_2024, '2024-09-24', F(1, 0, 0, 0)],
    [PILKADA_2024, '2024-09-25', F(1, 1, 0, 0)],
    [PILKADA_2024, '2024-11-23', F(1, 1, 0, 0)],
    [PILKADA_2024, '2024-11-24', F(1, 0, 1, 0)],
    [PILKADA_2024, '2024-11-26', F(1, 0, 1, 0)],
    [PILKADA_2024, '2024-11-27', F(1, 0, 0, 1)],
    [PILKADA_2024, '2024-11-28', F(1, 0, 0, 0)],
  ];
  it.each(cases)('%s on %s', (election, date, flags) => {
    const status = electionStatusOn(election, '32.16', date);
    expect({
      participantsDetermined: status.participantsDetermined,
      campaignPeriod: status.campaignPeriod,
      quietPeriod: status.quietPeriod,
      votingDay: status.votingDay,
    }).toEqual(flags);
  });

  it.each([
    ['2023-11-02', { parties: true, legislative_candidates: false, pairs: false }],
    ['2023-11-03', { parties: true, legislative_candidates: true, pairs: false }],
    ['2023-11-12', { parties: true, legislative_candidates: true, pairs: false }],
    ['2023-11-13', { parties: true, legislative_candidates: true, pairs: true }],
  ])('Pemilu participants by kind on %s', (date, expected) => {
    expect(electionStatusOn(PEMILU_2024, '32', date).participants).toEqual(expected);
  });

  it('has no parties in Pilkada and dates participants from pair determination', () => {
    const status = electionStatusOn(PILKADA_2024, '36.04', '2024-10-01');
    expect(status.participants.parties).toBeNull();
    expect(status.participantsSince).toBe('2024-09-22');
  });

  it('picks the most specific stage when several overlap', () => {
    expect(primaryStage(stageOn(PEMILU_2024, '32', '2024-02-14'))?.id).toBe('voting');
    expect(primaryStage(stageOn(PEMILU_2024, '32', '2022-11-20'))?.id).toBe('party_registration_verification');
    expect(primaryStage([])).toBeNull();
  });
});

describe('participating regions', () => {
  it.each([
    [PEMILU_2024, '34', true],
    [PEMILU_2024, '31.71', true],
    [PILKADA_2024, '34', false], // DIY governor not elected
    [PILKADA_2024, '34.04', true], // DIY regencies elect regents
    [PILKADA_2024, '31', true], // Jakarta elects its governor
    [PILKADA_2024, '31.71.01', true], // covered by the governor contest
    [PILKADA_2024, '32.16.01.2001', true],
  ])('%s takes part in %s: %s', (election, region, expected) => {
    expect(takesPart(election as Election, region as string)).toBe(expected);
  });

  it('says why a region holds none of the contests, and spans the tahapan', () => {
    expect(absenceReasons(PILKADA_2024, '34')[0]?.en).toContain('DIY governor');
    expect(absenceReasons(PILKADA_2024, '34.71')).toEqual([]);
    expect(absenceReasons(PEMILU_2024, '34')).toEqual([]);
    const span = electionSpan(PEMILU_2024, '32.75');
    expect(span.start < '2023-01-01' && span.end > '2024-02-14').toBe(true);
    expect(electionSpan(PILKADA_2024, '32.75').end > '2024-11-27').toBe(true);
  });
  it('holds no mayoral contest in Jakarta administrative cities', () => {
    expect(contestsIn(PILKADA_2024, '31.71').map((contest) => contest.level)).toEqual(['province']);
    expect(contestsIn(PILKADA_2024, '34.71').map((contest) => contest.level)).toEqual(['regency_city']);
    expect(contestsIn(PILKADA_2024, '32.75').map((contest) => contest.level)).toEqual(['province', 'regency_city']);
  });

  it('reports no stages and no participants where the region holds no contest', () => {
    expect(stageOn(PILKADA_2024, '34', '2024-10-01')).toEqual([]);
    const status = electionStatusOn(PILKADA_2024, '34', '2024-10-01');
    expect(status.takesPart).toBe(false);
    expect(status.participantsDetermined).toBe(false);
    expect(status.campaignPeriod).toBe(false);
  });
});

describe('region overrides and contingent stages', () => {
  const postponed: Election = {
    ...PILKADA_2024,
    regionOverrides: [
      { regionPrefix: '91', stages: { campaign: { end: '2024-11-20' } }, source: 'test override A' },
      { regionPrefix: '91.01', stages: { campaign: { start: '2024-10-01' } }, source: 'test override B' },
    ],
  };

  it('applies overrides by prefix, longer prefixes on top', () => {
    const campaign = stagesForRegion(postponed, '91.01.02').find((stage) => stage.id === 'campaign');
    expect(campaign).toMatchObject({ start: '2024-10-01', end: '2024-11-20' });
    expect(campaign?.source).toContain('test override B');
    expect(stagesForRegion(postponed, '91.02').find((stage) => stage.id === 'campaign')).toMatchObject({ start: '2024-09-25', end: '2024-11-20' });
    expect(stagesForRegion(postponed, '92').find((stage) => stage.id === 'campaign')).toMatchObject({ start: '2024-09-25', end: '2024-11-23' });
    expect(electionStatusOn(postponed, '91.01', '2024-09-28').campaignPeriod).toBe(false);
    expect(electionStatusOn(postponed, '91.02', '2024-09-28').campaignPeriod).toBe(true);
  });

  it('ignores the presidential run-off unless asked', () => {
    expect(ids(PEMILU_2024, '2024-06-26')).not.toContain('runoff_voting');
    expect(stageOn(PEMILU_2024, '32', '2024-06-26', { includeContingent: true }).map((stage) => stage.id)).toContain('runoff_voting');
    expect(electionStatusOn(PEMILU_2024, '32', '2024-06-26').votingDay).toBe(false);
  });

  it('only refers to existing stages in overrides and finds elections by id', () => {
    for (const election of [PEMILU_2024, PILKADA_2024]) {
      const stageIds = new Set(election.stages.map((stage) => stage.id));
      for (const override of election.regionOverrides) {
        for (const id of Object.keys(override.stages)) expect(stageIds).toContain(id);
      }
    }
    expect(findElection('pilkada-2024')?.kind).toBe('regional_head');
    expect(findElection('pemilu-2024')?.kind).toBe('general');
    expect(findElection('pemilu-2029')).toBeUndefined();
  });
});
