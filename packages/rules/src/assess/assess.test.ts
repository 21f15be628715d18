import { describe, expect, it } from 'vitest';
import { ACT_CODES } from '../catalogue/acts.ts';
import { assess } from './assess.ts';
import { AssessmentInputError, isAssessmentInputError } from './errors.ts';
import { ACTOR_TYPES, parseIncident, type ActorType, type Incident } from './incident.ts';

const base: Incident = { election: 'pemilu-2024', regionCode: '32.16', incidentDate: '2024-01-10', actorType: 'PNS', act: 'KE-6' };

describe('seed 004: Bawaslu Kabupaten Bekasi ruling', () => {
  it.each(['KE-6', 'KE-3'])('eselon-II PNS at a party agenda during factual verification (%s) is not yet electoral', (act) => {
    const result = assess({ election: 'pemilu-2024', regionCode: '32.16', incidentDate: '2022-11-20', actorType: 'PNS', act });
    expect(result.participantsDetermined).toBe(false);
    expect(result.campaignPeriod).toBe(false);
    expect(result.electoralDomain).toBe(false);
    expect(result.routes).toContain('asn_ethics');
    expect(result.routes).not.toContain('election_crime');
    expect(result.stage?.id).toBe('party_registration_verification');
    expect(result.asnAuthority?.id).toBe('KASN');
    expect(result.sanctionOptions.map((option) => option.id)).toEqual(['moral_closed', 'moral_open']);
    const text = result.explanation.map((line) => line.en).join(' ');
    expect(text).toContain('Not yet within the electoral domain');
    expect(text).toContain('the first determination is on 14 December 2022');
    expect(result.explanation.map((line) => line.id).join(' ')).toContain('penetapan pertama pada 14 Desember 2022');
    // the ruling is cited by its public description, its seed file kept as provenance
    const domain = result.explanation.find((line) => line.en.startsWith('Not yet within the electoral domain'));
    expect(domain?.cites).toContain('Hasil kajian Bawaslu Kabupaten Bekasi (Pemilu 2024)');
    expect(domain?.provenance.join(' ')).toContain('seed 004');
  });

  it('would be electoral the day parties are determined', () => {
    // joining a campaign team (280(3) -> 494) needs only participants to exist
    const result = assess({ ...base, incidentDate: '2022-12-14', act: 'D-10' });
    expect(result.electoralDomain).toBe(true);
    expect(result.routes).toEqual(['asn_discipline', 'election_crime']);
  });

  it('Pasal 71(1)/188 concern ASN officials: the explanation asks whether the reported person holds a position', () => {
    const r = assess({ election: 'pilkada-2024', regionCode: '32.75', incidentDate: '2024-10-10', actorType: 'PPPK', act: 'D-12' });
    expect(r.offences.some((o) => o.linkId === 'pilkada_decisions' && o.applies)).toBe(true);
    expect(r.explanation.map((l) => l.en).join(' ')).toContain('concern ASN officials (pejabat ASN)');
    expect(assess({ election: 'pemilu-2024', regionCode: '32.75', incidentDate: '2024-01-10', actorType: 'PPPK', act: 'D-12' }).explanation.map((l) => l.en).join(' ')).not.toContain('pejabat ASN');
  });

  it('494 punishes an ASN in a campaign team; involvement in a campaign is the organiser\'s offence (280(2) -> 493)', () => {
    const team = assess({ ...base, incidentDate: '2024-01-10', act: 'D-10' });
    expect(team.offences.map((o) => [o.penalisedBy.id, o.liable, o.applies])).toEqual([['UU 7/2017 Pasal 494', 'actor', true]]);
    expect(team.sanctionOptions.map((o) => o.id)).toContain('UU 7/2017 Pasal 494');
    const attended = assess({ ...base, incidentDate: '2024-01-10', act: 'KE-6' });
    expect(attended.offences.map((o) => [o.penalisedBy.id, o.liable, o.applies])).toEqual([['UU 7/2017 Pasal 493', 'campaign_organiser', true]]);
    // no criminal sanction for the ASN: their own conduct is an ethics breach
    expect(attended.sanctionOptions.map((o) => o.id)).not.toContain('UU 7/2017 Pasal 494');
    expect(attended.sanctionOptions.every((o) => o.kind !== 'criminal')).toBe(true);
    expect(attended.explanation.map((l) => l.id).join(' ')).toContain('pelaksana/tim kampanye');
    // a D-9/D-10 code that contradicts the date is pointed out
    expect(assess({ ...base, incidentDate: '2024-01-10', act: 'D-9' }).explanation.map((l) => l.en).join(' ')).toContain('check the code (D-10');
    expect(assess({ ...base, incidentDate: '2022-06-01', act: 'D-10' }).explanation.map((l) => l.en).join(' ')).toContain('check the code (D-9)');
    expect(team.explanation.map((l) => l.en).join(' ')).not.toContain('check the code');
    // before the campaign, being at a candidate's event is no 280(2) offence at all
    expect(assess({ ...base, incidentDate: '2022-12-14', act: 'KE-6' }).routes).toEqual(['asn_ethics']);
  });
});

// Expected routes per act and actor, written out rather than derived from the catalogue.
const CAMPAIGN = new Set(['KE-3', 'KE-6', 'D-4', 'D-10']);
const expectedRoutes = (act: string, actor: ActorType, scenario: 'pre' | 'pemilu_campaign' | 'pilkada_campaign'): string[] => {
  const electoral = scenario !== 'pre';
  const crime = electoral && (CAMPAIGN.has(act) || (act === 'D-12' && (actor === 'VILLAGE_HEAD' || scenario === 'pilkada_campaign')));
  const routes: string[] = [];
  if (actor === 'PNS' || actor === 'PPPK') routes.push(act.startsWith('KE') ? 'asn_ethics' : 'asn_discipline');
  if (actor === 'NON_ASN') routes.push('non_asn_contract');
  if (crime && actor !== 'NON_ASN') routes.push('election_crime');
  return routes;
};

const SCENARIOS = {
  pre: { election: 'pemilu-2024', incidentDate: '2022-11-20' },
  pemilu_campaign: { election: 'pemilu-2024', incidentDate: '2024-01-10' },
  pilkada_campaign: { election: 'pilkada-2024', incidentDate: '2024-10-15' },
} as const;

const matrix = (Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]).flatMap((scenario) =>
  ACT_CODES.flatMap((act) => ACTOR_TYPES.map((actor) => [scenario, act, actor] as const)),
);

describe('every act x every actor type', () => {
  it.each(matrix)('%s: %s by %s', (scenario, act, actorType) => {
    const result = assess({ ...SCENARIOS[scenario], regionCode: '32.16', actorType, act });
    expect(result.routes).toEqual(expectedRoutes(act, actorType, scenario));
    expect(result.act.code).toBe(act);

    const kinds = new Set(result.sanctionOptions.map((option) => option.kind));
    if (actorType === 'NON_ASN') expect([...kinds]).toEqual(['contract']);
    if (actorType === 'VILLAGE_HEAD') expect([...kinds].every((kind) => kind === 'criminal')).toBe(true);
    if (actorType === 'PNS' || actorType === 'PPPK') {
      const expected = act.startsWith('KE') ? 'moral' : act === 'D-5' ? 'dismissal' : 'discipline';
      expect(kinds).toContain(expected);
    }
    expect(result.asnAuthority === null).toBe(actorType === 'NON_ASN' || actorType === 'VILLAGE_HEAD');
    for (const line of result.explanation) {
      expect(line.id).not.toBe('');
      expect(line.en).not.toBe('');
      expect(line.cites.length).toBeGreaterThan(0);
      for (const cite of line.cites) expect(cite.trim()).not.toBe('');
    }
  });
});

describe('election-crime details', () => {
  it('puts Pilkada 70(1) liability on the candidate pair, with no penalty for the ASN', () => {
    const result = assess({ election: 'pilkada-2024', regionCode: '32.16', incidentDate: '2024-10-15', actorType: 'PNS', act: 'KE-6' });
    expect(result.offences).toHaveLength(1);
    expect(result.offences[0]).toMatchObject({ liable: 'candidate_pair', applies: true });
    expect(result.offences[0]?.penalisedBy.id).toBe('UU 10/2016 Pasal 189');
    expect(result.sanctionOptions.some((option) => option.kind === 'criminal')).toBe(false);
  });

  it('needs the campaign period for Pilkada 70(1): not between determination and campaign', () => {
    const result = assess({ election: 'pilkada-2024', regionCode: '32.16', incidentDate: '2024-09-24', actorType: 'PNS', act: 'KE-6' });
    expect(result.electoralDomain).toBe(true);
    expect(result.routes).toEqual(['asn_ethics']);
  });

  it('applies Pilkada 71/188 to ASN decisions from pair determination, or only in the campaign by option', () => {
    const input = { election: 'pilkada-2024', regionCode: '32.16', incidentDate: '2024-09-23', actorType: 'PNS', act: 'D-12' };
    const result = assess(input);
    expect(result.routes).toEqual(['asn_discipline', 'election_crime']);
    expect(result.sanctionOptions.find((option) => option.kind === 'criminal')?.id).toBe('UU 10/2016 Pasal 188');
    expect(assess(input, { electionLaw: { pilkada71CampaignOnly: true } }).routes).toEqual(['asn_discipline']);
  });

  it('applies Pemilu 282/490 to a village head only in the campaign', () => {
    const during = assess({ ...base, actorType: 'VILLAGE_HEAD', act: 'D-12', incidentDate: '2024-02-10' });
    expect(during.routes).toEqual(['election_crime']);
    expect(during.sanctionOptions.map((option) => option.id)).toEqual(['UU 7/2017 Pasal 490']);
    expect(during.sanctionOptions[0]?.penalty).toMatchObject({ custody: 'penjara', maxMonths: 12, maxFineRupiah: 12_000_000 });
    const quiet = assess({ ...base, actorType: 'VILLAGE_HEAD', act: 'D-12', incidentDate: '2024-02-11' });
    expect(quiet.routes).toEqual([]);
    expect(quiet.quietPeriod).toBe(true);
  });

  it('gives a PNS campaign-team member the 494 penalty option', () => {
    const result = assess({ ...base, act: 'D-10' });
    expect(result.sanctionOptions.map((option) => option.id)).toContain('UU 7/2017 Pasal 494');
  });

  it('leaves the electoral domain once the election is over: no election crime, the ASN duties stay, and the explanation says so', () => {
    const during = assess({ election: 'pemilu-2024', regionCode: '32.75', incidentDate: '2024-01-15', actorType: 'PNS', act: 'D-8' });
    expect(during.electoralDomain).toBe(true);
    const after = assess({ election: 'pemilu-2024', regionCode: '32.75', incidentDate: '2026-12-01', actorType: 'PNS', act: 'D-8' });
    expect(after.electoralDomain).toBe(false);
    expect(after.offences.every((offence) => !offence.applies)).toBe(true);
    expect(after.routes).toEqual(['asn_discipline']);
    const lines = after.explanation.map((line) => line.id).join(' ');
    expect(lines).toContain('Tidak lagi dalam ranah kepemiluan');
    expect(lines).not.toContain('Sudah masuk ranah kepemiluan');
  });

  it("cites only the election's own law for an act: Pasal 283 of UU 7/2017 for a Pemilu, not for a Pilkada (which uses UU 10/2016)", () => {
    const pemilu = assess({ election: 'pemilu-2024', regionCode: '32.75', incidentDate: '2024-01-15', actorType: 'PNS', act: 'D-8' });
    expect(pemilu.act.legalBasis).toContain('UU 7/2017 Pasal 283');
    const pilkada = assess({ election: 'pilkada-2024', regionCode: '32.75', incidentDate: '2024-10-15', actorType: 'PNS', act: 'D-8' });
    expect(pilkada.act.legalBasis).not.toContain('UU 7/2017');
    expect(pilkada.act.legalBasis).toContain('PP 94/2021');
    const campaign = assess({ election: 'pilkada-2024', regionCode: '32.75', incidentDate: '2024-10-15', actorType: 'PNS', act: 'D-12' });
    expect(campaign.act.legalBasis).toContain('UU 10/2016 Pasal 71(1)');
    expect(campaign.act.legalBasis).not.toContain('UU 7/2017');
    expect(pilkada.explanation.flatMap((line) => line.cites).join(' ')).not.toContain('UU 7/2017 Pasal 283');
  });

  it('has no election crime where the region holds no Pilkada contest', () => {
    const result = assess({ election: 'pilkada-2024', regionCode: '34', incidentDate: '2024-10-15', actorType: 'PNS', act: 'D-4' });
    expect(result.takesPart).toBe(false);
    expect(result.electoralDomain).toBe(false);
    expect(result.stage).toBeNull();
    expect(result.routes).toEqual(['asn_discipline']);
    expect(result.explanation[0]?.en).toContain('not elected');
  });

  it('follows the D-9/D-10 merge option', () => {
    expect(assess({ ...base, act: 'D-9' }).routes).toEqual(['asn_discipline']);
    const merged = assess({ ...base, act: 'D-9' }, { catalogue: { d9d10: 'merged' } });
    expect(merged.routes).toEqual(['asn_discipline', 'election_crime']);
    expect(assess({ ...base, act: 'D-10' }, { catalogue: { d9d10: 'merged' } }).act.code).toBe('D-9');
  });

  it('follows the D-8 level option', () => {
    const levels = (options = {}) => assess({ ...base, act: 'D-8' }, options).sanctionOptions.map((option) => option.level);
    expect(new Set(levels())).toEqual(new Set(['sedang']));
    expect(new Set(levels({ catalogue: { d8SanctionLevel: 'berat' } }))).toEqual(new Set(['berat']));
  });

  it('uses PP 53/2010 for incidents before 31 Aug 2021', () => {
    const result = assess({ ...base, act: 'D-4', incidentDate: '2021-06-01' });
    expect(result.sanctionOptions.every((option) => option.regime === 'pp53_2010')).toBe(true);
    expect(result.stage).toBeNull();
  });
});

describe('stage, authority and deadlines', () => {
  it('reports the stage and status for a campaign-period incident', () => {
    const result = assess(base);
    expect(result.stage).toEqual({ id: 'campaign', name: { id: 'Masa kampanye', en: 'Campaign period' } });
    expect([result.participantsDetermined, result.campaignPeriod, result.quietPeriod, result.votingDay]).toEqual([true, true, false, false]);
  });

  it.each([
    ['2024-09-23', 'KASN'],
    ['2024-09-24', 'BKN'],
  ])('sends ASN cases reported on %s to %s', (reportDate, expected) => {
    const result = assess({ election: 'pilkada-2024', regionCode: '32.16', incidentDate: '2024-09-20', reportDate, actorType: 'PNS', act: 'D-2' });
    expect(result.asnAuthority?.id).toBe(expected);
  });

  it('a reporting deadline that falls in the quiet period or on voting day runs to 23:59 (reports taken round the clock)', () => {
    const due = (knownDate: string) => assess({ election: 'pilkada-2024', regionCode: '32.75', incidentDate: knownDate, actorType: 'PNS', act: 'D-2' }).reportDeadline.dueAt;
    expect(due('2024-11-14')).toBe('2024-11-21T16:00:00+07:00'); // a Thursday in the campaign
    expect(due('2024-11-17')).toBe('2024-11-24T23:59:00+07:00'); // quiet period
    expect(due('2024-11-20')).toBe('2024-11-27T23:59:00+07:00'); // voting day
  });

  it('counts the Pemilu report deadline from the known date in working days', () => {
    const result = assess({ ...base, incidentDate: '2024-02-05', knownDate: '2024-02-12', actorType: 'PNS', act: 'D-12' });
    expect(result.reportDeadline.dueAt).toBe('2024-02-22T16:00:00+07:00');
    expect(result.timely).toBeNull();
    expect(result.deadlines.map((deadline) => deadline.ruleId)).toEqual(['pemilu.report']);
  });

  it('defaults the known date to the incident date and judges timeliness', () => {
    const onTime = assess({ ...base, incidentDate: '2024-04-05', reportDate: '2024-04-24' });
    expect(onTime.reportDeadline.dueDate).toBe('2024-04-24');
    expect(onTime.timely).toBe(true);
    expect(assess({ ...base, incidentDate: '2024-04-05', reportDate: '2024-04-25' }).timely).toBe(false);
  });

  it('lists the Pemilu handling steps once reported', () => {
    const result = assess({ ...base, act: 'KE-6', incidentDate: '2024-01-08', reportDate: '2024-01-10' });
    expect(result.deadlines.map((deadline) => [deadline.ruleId, deadline.dueDate])).toEqual([
      ['pemilu.report', '2024-01-17'],
      ['pemilu.initial_review', '2024-01-12'],
      ['pemilu.completion_notice', '2024-01-15'],
      ['pemilu.review', '2024-01-23'],
      ['pemilu.review_extended', '2024-02-01'],
      ['pemilu.forwarding', '2024-01-23'],
      ['pemilu.gakkumdu.police_forwarding', '2024-01-24'],
    ]);
    expect(result.deadlines.find((deadline) => deadline.ruleId === 'pemilu.review')?.assumed).toBe(true);
  });

  it('counts the review from a recorded registration date', () => {
    const result = assess({ ...base, incidentDate: '2024-01-08', reportDate: '2024-01-10', registrationDate: '2024-01-11' });
    const review = result.deadlines.find((deadline) => deadline.ruleId === 'pemilu.review');
    expect(review).toMatchObject({ from: '2024-01-11', dueDate: '2024-01-22', assumed: false });
  });

  it.each([
    ['73.71', '+08:00'], // Kota Makassar, WITA
    ['91.01', '+09:00'], // Papua, WIT
  ])('ends %s deadlines in local time%s: reporting at office closing, Bawaslu\'s own at 23:59', (regionCode, offset) => {
    const result = assess({ election: 'pilkada-2024', regionCode, incidentDate: '2024-10-01', reportDate: '2024-10-03', actorType: 'PPPK', act: 'D-2' });
    expect(result.reportDeadline.dueAt).toBe(`2024-10-08T16:00:00${offset}`);
    expect(result.deadlines.map((deadline) => [deadline.ruleId, deadline.dueAt])).toEqual([
      ['pilkada.report', `2024-10-08T16:00:00${offset}`],
      ['pilkada.review', `2024-10-06T23:59:00${offset}`],
      ['pilkada.review_extended', `2024-10-08T23:59:00${offset}`],
      ['pilkada.forwarding', `2024-10-06T23:59:00${offset}`],
    ]);
  });

  it('warns when holiday data is missing', () => {
    const result = assess({ ...base, incidentDate: '2022-11-20' });
    expect(result.reportDeadline.calendarCovered).toBe(false);
    expect(result.explanation.some((line) => line.en.includes('No holiday data'))).toBe(true);
  });
});

describe('invalid input', () => {
  const cases: readonly [string, unknown, string, string, string][] = [
    ['not an object', 'pemilu', 'INPUT_NOT_OBJECT', '', 'string'],
    ['missing act', { ...base, act: undefined }, 'FIELD_REQUIRED', 'act', 'act'],
    ['numeric date', { ...base, incidentDate: 20240110 }, 'FIELD_NOT_STRING', 'incidentDate', '20240110'],
    ['unknown election', { ...base, election: 'pemilu-2029' }, 'ELECTION_UNKNOWN', 'election', 'pemilu-2029'],
    ['bad region format', { ...base, regionCode: '3216' }, 'REGION_CODE_INVALID', 'regionCode', '3216'],
    ['bad village code', { ...base, regionCode: '32.16.01.201' }, 'REGION_CODE_INVALID', 'regionCode', '32.16.01.201'],
    ['unknown province', { ...base, regionCode: '99.01' }, 'REGION_PROVINCE_UNKNOWN', 'regionCode', '99.01'],
    ['impossible date', { ...base, incidentDate: '2024-02-30' }, 'DATE_INVALID', 'incidentDate', '2024-02-30'],
    ['non-leap 29 Feb', { ...base, knownDate: '2023-02-29' }, 'DATE_INVALID', 'knownDate', '2023-02-29'],
    ['bad date format', { ...base, reportDate: '10/01/2024' }, 'DATE_INVALID', 'reportDate', '10/01/2024'],
    ['year typed short', { ...base, incidentDate: '0024-01-10' }, 'DATE_OUT_OF_RANGE', 'incidentDate', '0024-01-10'],
    ['year 1', { ...base, incidentDate: '0001-01-01', reportDate: '0001-01-03' }, 'DATE_OUT_OF_RANGE', 'incidentDate', '0001-01-01'],
    ['before 1900', { ...base, incidentDate: '1899-12-31' }, 'DATE_OUT_OF_RANGE', 'incidentDate', '1899-12-31'],
    ['after 2199', { ...base, reportDate: '2200-01-01' }, 'DATE_OUT_OF_RANGE', 'reportDate', '2200-01-01'],
    ['far-off known date', { ...base, knownDate: '9999-12-31' }, 'DATE_OUT_OF_RANGE', 'knownDate', '9999-12-31'],
    ['known before incident', { ...base, knownDate: '2024-01-09' }, 'KNOWN_DATE_BEFORE_INCIDENT', 'knownDate', '2024-01-09'],
    ['report before incident', { ...base, reportDate: '2024-01-01' }, 'REPORT_DATE_BEFORE_INCIDENT', 'reportDate', '2024-01-01'],
    ['report before known', { ...base, knownDate: '2024-01-15', reportDate: '2024-01-12' }, 'REPORT_DATE_BEFORE_KNOWN', 'reportDate', '2024-01-12'],
    ['registration before report', { ...base, reportDate: '2024-01-12', registrationDate: '2024-01-11' }, 'REGISTRATION_DATE_BEFORE_REPORT', 'registrationDate', '2024-01-11'],
    ['unknown actor', { ...base, actorType: 'TNI' }, 'ACTOR_TYPE_UNKNOWN', 'actorType', 'TNI'],
    ['unknown act', { ...base, act: 'D-14' }, 'ACT_UNKNOWN', 'act', 'D-14'],
  ];

  it.each(cases)('%s -> %s', (_label, input, code, field, bad) => {
    let caught: unknown;
    try {
      assess(input);
    } catch (error) {
      caught = error;
    }
    expect(isAssessmentInputError(caught)).toBe(true);
    const error = caught as AssessmentInputError;
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message.en).toContain(bad);
    expect(error.message.id).toContain(bad);
    expect(error.toString()).toContain(code);
  });
});

describe('parseIncident', () => {
  it('trims strings and keeps only known fields', () => {
    const parsed = parseIncident({ ...base, regionCode: ' 32.16 ', extra: 'x', knownDate: '' });
    expect(parsed).toEqual(base);
  });

  it('accepts a custom election registry', () => {
    expect(() => parseIncident({ ...base, election: 'pemilu-2024' }, { elections: [] })).toThrow(AssessmentInputError);
  });

  it('accepts the first and last supported days', () => {
    expect(parseIncident({ ...base, incidentDate: '1900-01-01', reportDate: '2199-12-31' })).toMatchObject({ incidentDate: '1900-01-01', reportDate: '2199-12-31' });
  });
});
