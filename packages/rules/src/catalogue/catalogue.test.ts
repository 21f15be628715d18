import { describe, expect, it } from 'vitest';
import { ACT_CODES, catalogueActs, DISCIPLINE_ACTS, ETHICS_ACTS, findAct } from './acts.ts';
import { administrativeSanctions } from './sanction-options.ts';
import { ELECTION_ARTICLES, findArticle, OFFENCE_LINKS } from './election-law.ts';
import { PP53_SANCTIONS, PP94_SANCTIONS } from './sanctions.ts';
import type { Act } from './types.ts';

const act = (code: string): Act => {
  const found = findAct(code);
  if (!found) throw new Error(`missing ${code}`);
  return found;
};

describe('act catalogue', () => {
  it('has KE-1..KE-7 on the ethics track and D-1..D-13 on the discipline track', () => {
    expect(ETHICS_ACTS.map((a) => a.code)).toEqual(['KE-1', 'KE-2', 'KE-3', 'KE-4', 'KE-5', 'KE-6', 'KE-7']);
    expect(DISCIPLINE_ACTS.map((a) => a.code)).toEqual(Array.from({ length: 13 }, (_, i) => `D-${i + 1}`));
    expect(ETHICS_ACTS.every((a) => a.track === 'asn_ethics' && a.defaultSanction === 'moral')).toBe(true);
    expect(DISCIPLINE_ACTS.every((a) => a.track === 'asn_discipline')).toBe(true);
    expect(ACT_CODES).toHaveLength(20);
  });

  it.each([
    ['D-1', 'berat'], ['D-2', 'berat'], ['D-3', 'sedang'], ['D-4', 'berat'], ['D-5', 'ptdh'], ['D-6', 'berat'],
    ['D-7', 'berat'], ['D-8', 'sedang'], ['D-9', 'berat'], ['D-10', 'berat'], ['D-11', 'berat'], ['D-12', 'berat'], ['D-13', 'satgas'],
  ])('%s defaults to %s', (code, level) => {
    expect(act(code).defaultSanction).toBe(level);
  });

  it('has Indonesian and English text for every act', () => {
    for (const a of catalogueActs()) {
      expect(a.conduct.id.length).toBeGreaterThan(10);
      expect(a.conduct.en.length).toBeGreaterThan(10);
      expect(a.legalBasis).not.toBe('');
    }
  });

  it('links counterparts both ways', () => {
    for (const a of catalogueActs()) {
      if (a.counterpart) expect(act(a.counterpart).counterpart).toBe(a.code);
    }
  });

  it('makes D-8 level configurable and flags it unconfirmed', () => {
    expect(act('D-8').unconfirmed).toBe(true);
    expect(findAct('D-8', { d8SanctionLevel: 'berat' })?.defaultSanction).toBe('berat');
  });

  it('can merge D-10 into D-9', () => {
    expect(findAct('D-10')?.code).toBe('D-10');
    const merged = findAct('D-10', { d9d10: 'merged' });
    expect(merged?.code).toBe('D-9');
    expect(merged?.conductKind).toBe('campaign_team');
    expect(catalogueActs({ d9d10: 'merged' }).find((a) => a.code === 'D-10')?.mergedInto).toBe('D-9');
    expect(findAct('D-9')?.conductKind).toBe('campaign_team_before');
  });

  it('returns undefined for unknown codes', () => {
    expect(findAct('D-14')).toBeUndefined();
    expect(findAct('ke-1')).toBeUndefined();
  });
});

describe('sanction ladders', () => {
  it('has PP 94/2021 ringan 3, sedang 3, berat 3 forms', () => {
    const count = (level: string) => PP94_SANCTIONS.filter((form) => form.level === level).length;
    expect([count('ringan'), count('sedang'), count('berat')]).toEqual([3, 3, 3]);
    expect(PP53_SANCTIONS.filter((form) => form.level === 'sedang')).toHaveLength(3);
    expect(PP53_SANCTIONS.filter((form) => form.level === 'berat')).toHaveLength(5);
  });

  it.each([
    ['KE-2', 'PNS', '2024-01-10', ['moral_closed', 'moral_open']],
    ['D-3', 'PNS', '2024-01-10', ['pp94_tukin_cut_6m', 'pp94_tukin_cut_9m', 'pp94_tukin_cut_12m']],
    ['D-1', 'PNS', '2024-01-10', ['pp94_demotion_12m', 'pp94_release_to_executor_12m', 'pp94_honourable_dismissal']],
    ['D-3', 'PNS', '2020-10-01', ['pp53_pay_rise_deferral_1y', 'pp53_promotion_deferral_1y', 'pp53_rank_demotion_1y']],
    ['D-3', 'PNS', '2021-08-30', ['pp53_pay_rise_deferral_1y', 'pp53_promotion_deferral_1y', 'pp53_rank_demotion_1y']],
    ['D-3', 'PNS', '2021-08-31', ['pp94_tukin_cut_6m', 'pp94_tukin_cut_9m', 'pp94_tukin_cut_12m']],
    ['D-5', 'PNS', '2023-10-30', ['ptdh_uu5_2014']],
    ['D-5', 'PNS', '2023-10-31', ['ptdh_uu20_2023']],
    ['D-5', 'PPPK', '2024-01-10', ['ptdh_uu20_2023']],
    ['D-1', 'NON_ASN', '2024-01-10', ['contract_graded', 'contract_termination']],
    ['KE-1', 'VILLAGE_HEAD', '2024-01-10', []],
  ] as const)('%s by %s on %s', (code, actor, date, expected) => {
    expect(administrativeSanctions(act(code), actor, date).map((option) => option.id)).toEqual(expected);
  });

  it('offers the whole ladder for the Satgas catch-all and flags PPPK equivalents', () => {
    expect(administrativeSanctions(act('D-13'), 'PNS', '2024-01-10')).toHaveLength(9);
    const pppk = administrativeSanctions(act('D-1'), 'PPPK', '2024-01-10');
    expect(pppk.every((option) => option.unconfirmed === true)).toBe(true);
    expect(administrativeSanctions(act('D-1'), 'PNS', '2024-01-10').some((option) => option.unconfirmed)).toBe(false);
  });
});

describe('election-law articles', () => {
  it.each([
    ['UU 7/2017 Pasal 494', 'kurungan', 12, 12_000_000],
    ['UU 7/2017 Pasal 490', 'penjara', 12, 12_000_000],
    ['UU 7/2017 Pasal 493', 'kurungan', 12, 12_000_000],
    ['UU 7/2017 Pasal 547', 'penjara', 36, 36_000_000],
    ['UU 10/2016 Pasal 188', 'penjara', 6, 6_000_000],
    ['UU 10/2016 Pasal 189', 'penjara', 6, 6_000_000],
  ])('%s: %s max %i months, fine max Rp%i', (id, custody, months, fine) => {
    const found = findArticle(id);
    expect(found?.penalty).toMatchObject({ custody, maxMonths: months, maxFineRupiah: fine });
  });

  it('includes every article the brief names', () => {
    const ids = ELECTION_ARTICLES.map((a) => a.id);
    for (const n of ['276(1)', '280(2)', '280(3)', '282', '283', '454', '455', '476', '477', '479', '480', '481', '482', '490', '493', '494', '547']) {
      expect(ids).toContain(`UU 7/2017 Pasal ${n}`);
    }
    for (const n of ['70(1)', '71(1)', '134', '188', '189']) expect(ids).toContain(`UU 10/2016 Pasal ${n}`);
    expect(findArticle('UU 10/2016 Pasal 188')?.penalty).toMatchObject({ minMonths: 1, minFineRupiah: 600_000, combination: 'and_or' });
  });

  it('links offences only to existing articles', () => {
    for (const link of OFFENCE_LINKS) {
      for (const id of [...link.prohibits, link.penalisedBy]) expect(findArticle(id), id).toBeDefined();
    }
  });
});
