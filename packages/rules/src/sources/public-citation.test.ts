import { describe, expect, it } from 'vitest';
import { ELECTIONS } from '../elections/registry.ts';
import { catalogueActs } from '../catalogue/acts.ts';
import { ELECTION_ARTICLES, OFFENCE_LINKS } from '../catalogue/election-law.ts';
import { MORAL_SANCTIONS, NON_ASN_CONTRACT_SANCTIONS, PP53_SANCTIONS, PP94_EFFECTIVE_DATE, PP94_SANCTIONS, PTDH_SANCTIONS } from '../catalogue/sanctions.ts';
import { ASN_AUTHORITIES } from '../authority/asn-authority.ts';
import { DEADLINE_RULES } from '../deadlines/rules.ts';
import { HOLIDAYS } from '../calendar/holidays.ts';
import { isUnconfirmedSource, legalBasisCitations, publicCitationList, publicCitationText, publicCitations, withPublicSource } from './public-citation.ts';

/** What a developer writes beside a citation and a user must never read. */
const INTERNAL = /domain\.md|\bseed\b|UNCONFIRMED|\[S|\bS\d+\b|§|\boption\b/i;
/** English remarks of the data; none belongs in a public reference. */
const ENGLISH = /\b(the|of|by|and|as|in|on|at|to|for|from|with|per|after|until|signed|revoked|amended|force|held|every|region|matrix|catch-all|national|holiday|starts|days?|decision|guidance|functions|transferred|note|practice|ruling|provinces)\b/i;

/** Every source text of the rules data a user may be shown. */
function dataSources(): { from: string; source: string }[] {
  const out: { from: string; source: string }[] = [];
  for (const election of ELECTIONS) {
    out.push({ from: `election ${election.id}`, source: election.source });
    for (const stage of election.stages) out.push({ from: `stage ${election.id}/${stage.id}`, source: stage.source });
    for (const contest of election.contests) {
      out.push({ from: `contest ${election.id}/${contest.level}`, source: contest.source });
      for (const excluded of contest.excludedRegions) out.push({ from: `excluded ${election.id}/${excluded.prefix}`, source: excluded.source });
    }
  }
  for (const act of catalogueActs()) out.push({ from: `act ${act.code}`, source: act.source }, { from: `act ${act.code} basis`, source: act.legalBasis });
  for (const s of [...MORAL_SANCTIONS, ...PP94_SANCTIONS, ...PP53_SANCTIONS, ...PTDH_SANCTIONS, ...NON_ASN_CONTRACT_SANCTIONS, PP94_EFFECTIVE_DATE]) out.push({ from: 'sanction', source: s.source });
  for (const a of ASN_AUTHORITIES) out.push({ from: `authority ${a.id}`, source: a.source });
  for (const r of DEADLINE_RULES) out.push({ from: `deadline ${r.id}`, source: r.source });
  for (const a of ELECTION_ARTICLES) out.push({ from: `article ${a.id}`, source: a.source });
  for (const l of OFFENCE_LINKS) out.push({ from: `offence ${l.id}`, source: l.source });
  for (const h of HOLIDAYS) out.push({ from: `holiday ${h.date}`, source: h.source });
  return out;
}

describe('public citations', () => {
  it('keeps the regulation and drops research notes, ids, seed files and markers', () => {
    expect(publicCitations('SKB 2022 (MenPANRB 2/2022 et al.); PP 94/2021 Pasal 5 huruf n; domain.md §6.3 [S8, S123]')).toEqual([
      'SKB 2022 (MenPANRB 2/2022 et al.)',
      'PP 94/2021 Pasal 5 huruf n',
    ]);
    expect(publicCitations('SKB 2022 Lampiran; domain.md §2.2 (UNCONFIRMED practice) [S41]')).toEqual(['SKB 2022 Lampiran']);
    expect(publicCitations('PKPU 2/2024 (tahapan dan jadwal Pemilihan 2024, signed 26 Jan 2024) [S117]')).toEqual(['PKPU 2/2024 (tahapan dan jadwal Pemilihan 2024)']);
    expect(publicCitations('PP 94/2021, in force 31 Aug 2021 [S4]')).toEqual(['PP 94/2021']);
    expect(publicCitations('UU 7/2017 Pasal 280(3), 494; domain.md §3.2 note [S65, S67, S69, S74]')).toEqual(['UU 7/2017 Pasal 280(3), 494']);
    expect(publicCitations('domain.md §8.7 [S170, S172, S176]')).toEqual([]);
  });

  it('names a seed ruling by its public description', () => {
    expect(publicCitations('Bawaslu Kabupaten Bekasi ruling, seed 004 (domain.md §6.3)')).toEqual(['Hasil kajian Bawaslu Kabupaten Bekasi (Pemilu 2024)']);
    expect(publicCitations('A ruling nobody has described yet, seed 999')).toEqual([]);
  });

  it('writes the English names and connectives of the data as Indonesian legal drafting does', () => {
    expect(publicCitations('UU 7/2017 Pasal 276(1) as amended by Perppu 1/2022 [S71, S72]')).toEqual(['UU 7/2017 Pasal 276(1) sebagaimana telah diubah dengan Perppu 1/2022']);
    expect(publicCitations('PP 42/2004 Pasal 11 huruf c and Pasal 15(1)-(3) (sanksi moral)')).toEqual(['PP 42/2004 Pasal 11 huruf c dan Pasal 15(1)-(3) (sanksi moral)']);
    expect(publicCitations('KPU decision of 3 Nov 2023 (announced 4 Nov 2023) [S111, S112]')).toEqual(['Keputusan KPU tanggal 3 November 2023']);
    expect(publicCitations('MK decision 121/PUU-XXII/2024 (read 16 Oct 2025): to be formed within 2 years [S34, S35]')).toEqual(['Putusan MK 121/PUU-XXII/2024']);
    expect(publicCitations('Bawaslu Gakkumdu guidance 2024 ("14 hari kerja") [S91, S92]')).toEqual(['Pedoman Sentra Gakkumdu Bawaslu 2024 ("14 hari kerja")']);
  });

  it('says a reference once, and a general one beside a more specific one not at all', () => {
    expect(publicCitationList(['PKPU 2/2024 (tahapan dan jadwal Pemilihan 2024); UU 10/2016 [S116]', 'UU 10/2016 Pasal 71(1), 188 [S16]', 'UU 10/2016 Pasal 71(1), 188; domain.md §3.3'])).toEqual([
      'PKPU 2/2024 (tahapan dan jadwal Pemilihan 2024)',
      'UU 10/2016 Pasal 71(1), 188',
    ]);
  });

  it('flags an unconfirmed source in the words of the reader', () => {
    const source = 'SKB 2022 Lampiran; domain.md §2.2 (UNCONFIRMED practice) [S41]';
    expect(isUnconfirmedSource(source)).toBe(true);
    expect(publicCitationText(source, 'id')).toBe('SKB 2022 Lampiran (belum terkonfirmasi)');
    expect(publicCitationText(source, 'en')).toBe('SKB 2022 Lampiran (unconfirmed)');
    expect(publicCitationText('PP 53/2010 [S45]', 'id')).toBe('PP 53/2010');
    expect(publicCitationText('PP 53/2010 [S45]', 'en', true)).toBe('PP 53/2010 (unconfirmed)');
  });

  it('shows no developer note nor English remark for any source of the rules data', () => {
    const sources = dataSources();
    expect(sources.length).toBeGreaterThan(100);
    for (const { from, source } of sources) {
      for (const citation of publicCitations(source)) {
        expect(citation, `${from}: ${source}`).not.toMatch(INTERNAL);
        expect(citation, `${from}: ${source}`).not.toMatch(ENGLISH);
      }
    }
  });

  it('finds a public reference for every stage, so the timeline never shows an empty source', () => {
    for (const election of ELECTIONS) for (const stage of election.stages) expect(publicCitations(stage.source), `${election.id}/${stage.id}`).not.toEqual([]);
  });
});

describe('a fact with its public source', () => {
  it('gives users the references, keeps the data\'s source as provenance and the flag as a flag', () => {
    const fact = { id: 'hukdis_ringan_lisan', source: 'PP 94/2021 Pasal 8(2) [S5, S6]' };
    expect(withPublicSource(fact)).toEqual({ id: 'hukdis_ringan_lisan', source: 'PP 94/2021 Pasal 8(2)', unconfirmed: false, provenance: 'PP 94/2021 Pasal 8(2) [S5, S6]' });
    expect(withPublicSource({ source: 'SKB 2022 Lampiran; domain.md §2.2 (UNCONFIRMED practice) [S41]' })).toMatchObject({ source: 'SKB 2022 Lampiran', unconfirmed: true });
    expect(withPublicSource({ source: 'UU 10/2016 Pasal 134(4) [S27, S84]', unconfirmed: true })).toMatchObject({ source: 'UU 10/2016 Pasal 134(4)', unconfirmed: true });
    expect(withPublicSource({ source: 'domain.md §8.7 [S170]' })).toMatchObject({ source: '', provenance: 'domain.md §8.7 [S170]' });
  });

  it('has a public source for every sanction and deadline rule of the data, or says it is unconfirmed', () => {
    const facts = [...MORAL_SANCTIONS, ...PP94_SANCTIONS, ...PP53_SANCTIONS, ...PTDH_SANCTIONS, ...NON_ASN_CONTRACT_SANCTIONS, ...DEADLINE_RULES];
    for (const fact of facts) {
      const { source, unconfirmed } = withPublicSource(fact);
      expect(source, fact.source).not.toMatch(INTERNAL);
      if (source === '') expect(unconfirmed, fact.source).toBe(true); // the PPK's 14 days: no primary source found
    }
    expect(facts.filter((fact) => withPublicSource(fact).source === '')).toHaveLength(1);
  });
});

describe('the legal basis of a letter', () => {
  it('cites the legislation alone: no decision, guidance, ruling nor "et al."', () => {
    expect(publicCitations('Bawaslu Kabupaten Bekasi ruling, seed 004 (domain.md §6.3)', 'legislation')).toEqual([]);
    expect(publicCitations('PKPU 3/2022 (tahapan dan jadwal Pemilu 2024); KPU decision of 14 Dec 2022 [S108, S110]', 'legislation')).toEqual(['PKPU 3/2022 (tahapan dan jadwal Pemilu 2024)']);
    expect(publicCitations('UU 20/2023 Pasal 26(2) huruf d, 70(3); MK decision 121/PUU-XXII/2024; domain.md §3.1 [S26, S34, S40]', 'legislation')).toEqual(['UU 20/2023 Pasal 26(2) huruf d, 70(3)']);
    expect(publicCitations('Bawaslu Gakkumdu guidance 2024 ("14 hari kerja") [S91, S92]', 'legislation')).toEqual([]);
    expect(publicCitations('SKB 2022 (MenPANRB 2/2022 et al.); PP 94/2021 Pasal 5 huruf n; domain.md §6.3 [S8, S123]', 'legislation')).toEqual(['SKB 2022', 'PP 94/2021 Pasal 5 huruf n']);
    expect(publicCitations('UU 7/2017 Pasal 276(1) as amended by Perppu 1/2022 [S71, S72]', 'legislation')).toEqual(['UU 7/2017 Pasal 276(1) sebagaimana telah diubah dengan Perppu 1/2022']);
  });

  it('lists laws first, then government regulations, decrees and the rest, each once', () => {
    expect(legalBasisCitations(['SKB 2022 Lampiran [S41]', 'Keppres 33/2024', 'PP 94/2021 Pasal 5 huruf n', 'UU 10/2016', 'UU 10/2016 Pasal 71(1), 188', 'Perpres 92/2024', 'PP 94/2021 Pasal 5 huruf n'])).toEqual([
      'UU 10/2016 Pasal 71(1), 188', 'PP 94/2021 Pasal 5 huruf n', 'Perpres 92/2024', 'Keppres 33/2024', 'SKB 2022 Lampiran',
    ]);
  });
});
