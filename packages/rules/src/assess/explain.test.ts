import { describe, expect, it } from 'vitest';
import { ACT_CODES } from '../catalogue/acts.ts';
import { ELECTIONS } from '../elections/registry.ts';
import type { RulesOptions } from '../options.ts';
import { assess } from './assess.ts';
import { ACTOR_TYPES } from './incident.ts';
import type { Assessment } from './types.ts';

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const ID_MONTH = /\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)( \d{4})?\b/;
const EN_MONTH = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)( \d{4})?\b/;
/** The month names that differ between the languages (April, September and November do not). */
const EN_ONLY_MONTH = /\b(January|February|March|May|June|July|August|October|December)\b/;
const ID_ONLY_MONTH = /\b(Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember)\b/;
/** What a developer writes beside a citation and a user must never read. */
const INTERNAL = /domain\.md|\bseed\b|UNCONFIRMED|\[S|\bS\d+\b|§|\boption\b/i;
/** English words the old Indonesian lines carried (the data's notes, "s.d." dates aside). */
const ENGLISH_IN_ID = /\b(the|of|and|is|are|was|from|to|on|in|by|per|before|after|note|level|split|unconfirmed|option|infographic|merges|region|stage|report|deadline|working|days?)\b/i;
/** Indonesian sentence words that have no place in an English line (legal terms such as Pasal, huruf, camat or lurah do). */
const INDONESIAN_IN_EN = /\b(Pada|Wilayah|sejak|yaitu|tidak|belum|sudah|Catatan|Perhatian|Kejadian|dan|atau|hari|s\.d\.|pukul|tahapan|terkonfirmasi)\b/;

/**
 * Representative assessments: both elections, a region holding every contest, one holding fewer
 * (Jakarta's administrative cities hold no Pilkada) and one in WIT, before, during and after the
 * campaigns, every act and actor type, with a timely and a late report; and the catalogue settings.
 */
function representative(): { from: string; result: Assessment }[] {
  const out: { from: string; result: Assessment }[] = [];
  const settings: RulesOptions[] = [{}, { catalogue: { d8SanctionLevel: 'berat', d9d10: 'merged' } }];
  for (const options of settings)
    for (const election of ELECTIONS)
      for (const regionCode of ['32.16', '31.71', '91.71'])
        for (const incidentDate of ['2021-05-01', '2022-11-20', '2023-12-10', '2024-02-14', '2024-09-10', '2024-10-10', '2024-11-25'])
          for (const act of ACT_CODES)
            for (const actorType of ACTOR_TYPES) {
              const reportAfter = act.startsWith('KE') ? 2 : 20; // timely and late reports
              const reportDate = new Date(Date.parse(`${incidentDate}T00:00:00Z`) + reportAfter * 86_400_000).toISOString().slice(0, 10);
              const input = { election: election.id, regionCode, incidentDate, reportDate, actorType, act };
              let result: Assessment;
              try {
                result = assess(input, options);
              } catch {
                continue; // a combination the engine refuses (e.g. an act merged away)
              }
              out.push({ from: JSON.stringify({ ...input, options }), result });
            }
  return out;
}

describe('explanation as users read it', () => {
  const all = representative();

  it('covers many assessments and every kind of line', () => {
    expect(all.length).toBeGreaterThan(1000);
    const text = all.flatMap(({ result }) => result.explanation.map((line) => line.en)).join('\n');
    for (const kind of ['takes part', 'holds no contest', 'was under way', 'participants', 'Campaign period', 'Note:', 'Warning:', 'ASN-track cases go to', 'Report deadline', 'is late', 'is timely', 'No holiday data'])
      expect(text, kind).toContain(kind);
  });

  /** The lines of every representative assessment that `bad` finds fault with, named by their input. */
  const offending = (bad: (line: Assessment['explanation'][number]) => boolean) =>
    all.flatMap(({ from, result }) => result.explanation.filter(bad).map((line) => ({ from, line })));

  it('writes no ISO date or timestamp in any sentence, and dates in words of the line language', () => {
    expect(offending((line) => ISO_DATE.test(line.id) || ISO_DATE.test(line.en))).toEqual([]);
    expect(offending((line) => EN_ONLY_MONTH.test(line.id) || ID_ONLY_MONTH.test(line.en))).toEqual([]);
    const dated = all.flatMap(({ result }) => result.explanation).filter((line) => /^Pada |Batas waktu laporan|Masa kampanye/.test(line.id));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((line) => !ID_MONTH.test(line.id) || !EN_MONTH.test(line.en))).toEqual([]);
  });

  it('keeps each line in its own language', () => {
    expect(offending((line) => ENGLISH_IN_ID.test(line.id))).toEqual([]);
    expect(offending((line) => INDONESIAN_IN_EN.test(line.en))).toEqual([]);
  });

  it('cites public legal references only, never empty, with the raw sources kept as provenance', () => {
    expect(offending((line) => line.cites.length === 0 || line.cites.some((cite) => INTERNAL.test(cite)))).toEqual([]);
    expect(offending((line) => line.provenance.length === 0)).toEqual([]);
    const provenance = all.flatMap(({ result }) => result.explanation.flatMap((line) => line.provenance)).join('\n');
    for (const raw of ['seed 004', 'domain.md', '[S8, S123]', 'UNCONFIRMED']) expect(provenance).toContain(raw);
  });

  it('flags unconfirmed facts instead of printing the data marker', () => {
    const explanation = (act: string, incidentDate = '2024-01-10', actorType = 'PNS') =>
      assess({ election: 'pemilu-2024', regionCode: '32.16', incidentDate, actorType, act }).explanation;
    const d8 = explanation('D-8').find((line) => line.id.startsWith('Catatan:'));
    expect(d8).toMatchObject({ unconfirmed: true });
    expect(d8?.id).toBe('Catatan: tingkat hukuman disiplin D-8 belum terkonfirmasi (infografis KemenPANRB: sedang; sumber lain: berat); yang dipakai di sini: sedang.');
    expect(d8?.en).toBe('Note: the discipline level of D-8 is unconfirmed (KemenPANRB infographic: moderate; other sources: severe); used here: moderate.');
    const counterpart = explanation('KE-3').find((line) => line.en.startsWith('The SKB lists the same conduct'));
    expect(counterpart).toMatchObject({ unconfirmed: true, cites: ['SKB 2022 Lampiran'] });
    expect(explanation('KE-3', '2022-11-20').find((line) => line.en.includes('ASN-track cases go to'))).toMatchObject({ unconfirmed: true }); // KASN's end date
    expect(explanation('KE-3').find((line) => line.en.startsWith('Act KE-3'))).toMatchObject({ unconfirmed: false });
    expect(explanation('KE-3', '2024-01-10', 'PPPK').find((line) => line.en.startsWith('PPPK'))).toMatchObject({ unconfirmed: true });
  });

  it('reads the Kabupaten Bekasi ruling of seed 004 as a reviewer expects', () => {
    const result = assess({ election: 'pilkada-2024', regionCode: '32.16', incidentDate: '2024-11-20', knownDate: '2024-11-20', reportDate: '2024-11-25', actorType: 'PNS', act: 'KE-3' });
    const line = (start: string) => result.explanation.find((l) => l.en.startsWith(start))!;
    expect(line('On 20 November 2024 the stage')).toMatchObject({
      id: 'Pada 20 November 2024 berlangsung tahapan "Masa kampanye" (25 September s.d. 23 November 2024).',
      en: 'On 20 November 2024 the stage "Campaign period" (25 September to 23 November 2024) was under way.',
    });
    expect(line('Report deadline').id).toBe(
      'Batas waktu laporan: 7 hari kalender sejak diketahui pada 20 November 2024, yaitu sampai 27 November 2024 pukul 23.59 WIB. Laporan tanggal 25 November 2024 tepat waktu.',
    );
    expect(line('Report deadline').en).toBe(
      'Report deadline: 7 calendar days from the day it became known (20 November 2024), i.e. until 27 November 2024, 23:59 WIB. The report of 25 November 2024 is timely.',
    );
  });

  it('names the region beside its code when the caller knows the name', () => {
    const input = { election: 'pemilu-2024', regionCode: '32.16', incidentDate: '2024-01-10', actorType: 'PNS', act: 'KE-6' };
    expect(assess(input, {}, { regionName: 'Kabupaten Bekasi' }).explanation[0]?.id).toMatch(/^Kabupaten Bekasi \(32\.16\) mengikuti Pemilihan Umum/);
    expect(assess(input, {}, { regionName: 'Kabupaten Bekasi' }).explanation[0]?.en).toMatch(/^Kabupaten Bekasi \(32\.16\) takes part in the/);
    expect(assess(input).explanation[0]?.id).toMatch(/^Wilayah 32\.16 mengikuti/);
  });
});
