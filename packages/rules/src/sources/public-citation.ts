/**
 * What a user reads of a legal fact's source, and what an official letter prints of it. The rules data keeps its provenance for developers
 * beside each fact ("PP 94/2021 Pasal 5 huruf n; domain.md §6.3 [S8, S123]": the research notes, the
 * S-numbered research sources, seed files, UNCONFIRMED markers, option names, English remarks);
 * users see only the legal references they can look up ("PP 94/2021 Pasal 5 huruf n"), in the form
 * Indonesian legal drafting cites them (the same form in both UI languages, as "Pasal" and "huruf"
 * are), and an unconfirmed fact flagged in words of their language. An official letter's legal basis
 * ("Dasar hukum") takes the legislation among them only (`legalBasisCitations`). Pure.
 */
import type { Language } from '../shared/date-words.ts';

/**
 * Rulings the research knows from a seed article, by their public description: the Bawaslu
 * Kabupaten Bekasi review of an eselon-II official at a party agenda during the Pemilu 2024 factual
 * verification (seed 004, domain.md §6.3: not yet within the electoral domain).
 */
const SEED_RULINGS: Readonly<Record<string, string>> = {
  '004': 'Hasil kajian Bawaslu Kabupaten Bekasi (Pemilu 2024)',
};

/**
 * Which references of a source are said: every one a user can look up (`public`: regulations, the
 * KPU's and the MK's decisions, the Gakkumdu guidance, a seed ruling by its public description), or
 * the legislation alone, in Indonesian words only (`legislation`: what an official letter cites).
 */
export type CitationScope = 'public' | 'legislation';

/** The words of the flag on an unconfirmed source. */
export const UNCONFIRMED_WORDS = { id: 'belum terkonfirmasi', en: 'unconfirmed' } as const satisfies Record<Language, string>;

/** What the data writes beside a citation for developers: where it came from, what is unsettled, which setting moves it. */
const INTERNAL_NOTE = /domain\.md|\bseed\b|UNCONFIRMED|\boptions?\b|§|\bS\d+\b/i;

const EN_MONTHS: Readonly<Record<string, string>> = {
  Jan: 'Januari', Feb: 'Februari', Mar: 'Maret', Apr: 'April', May: 'Mei', Jun: 'Juni', Jul: 'Juli', Aug: 'Agustus', Sep: 'September', Oct: 'Oktober', Nov: 'November', Dec: 'Desember',
};

type Wording = readonly [RegExp, string | ((...groups: string[]) => string)];
/** The English connectives of the data, in the words of Indonesian legal drafting. */
const CONNECTIVES: readonly Wording[] = [
  [/\bas amended by\b/g, 'sebagaimana telah diubah dengan'],
  [/\brevoked by\b/g, 'dicabut dengan'],
  [/\band\b/g, 'dan'],
];
/** The English names of the decisions and guidance the data cites, as users look them up. */
const DECISIONS: readonly Wording[] = [
  [/\bKPU decision of (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* (\d{4})/g, (_m, day, month, year) => `Keputusan KPU tanggal ${day} ${EN_MONTHS[month!]} ${year}`],
  [/\bMK decision\b/g, 'Putusan MK'],
  [/\bBawaslu Gakkumdu guidance\b/g, 'Pedoman Sentra Gakkumdu Bawaslu'],
];

/** Words legislation is cited with besides numbers, acronyms (UU, PP, SKB, MenPANRB) and the letter after "huruf". */
const LEGISLATION_WORDS = new Set([
  'pasal', 'ayat', 'huruf', 'angka', 'dan', 'atau', 'jo', 'juncto', 'tentang', 'lampiran', 'sebagaimana', 'telah', 'diubah', 'dengan', 'dicabut',
  'tahapan', 'jadwal', 'pemilu', 'pemilihan', 'sanksi', 'moral', 'hari', 'kerja', 'undang-undang', 'peraturan', 'pemerintah', 'presiden', 'keputusan',
  'bersama', 'menteri', 'kepala', 'ketua', 'nomor', 'tahun', 'surat', 'edaran', 'putusan', 'mendagri', 'menag', 'menaker', 'bawaslu', 'perbawaslu',
  'perppu', 'perpres', 'keppres', 'perban', 'perka', 'permendagri',
]);
/** Words the public references add: the dates of decisions, the Gakkumdu guidance, "et al." */
const PUBLIC_WORDS = new Set(['tanggal', 'pedoman', 'sentra', 'gakkumdu', 'et', 'al', ...Object.values(EN_MONTHS).map((month) => month.toLowerCase())]);

interface Vocabulary {
  readonly words: (word: string) => boolean;
  readonly wordings: readonly Wording[];
  /** The public description of a seed ruling, or null when it is not said. */
  readonly seedRuling: (seed: string) => string | null;
}
const VOCABULARIES: Record<CitationScope, Vocabulary> = {
  public: { words: (word) => LEGISLATION_WORDS.has(word) || PUBLIC_WORDS.has(word), wordings: [...DECISIONS, ...CONNECTIVES], seedRuling: (seed) => SEED_RULINGS[seed] ?? null },
  legislation: { words: (word) => LEGISLATION_WORDS.has(word), wordings: CONNECTIVES, seedRuling: () => null },
};
/** Words a citation cannot end with (what they join or qualify was cut away). */
const DANGLING = new Set(['pasal', 'ayat', 'huruf', 'angka', 'dan', 'atau', 'jo', 'juncto', 'tentang', 'sebagaimana', 'telah', 'diubah', 'dengan', 'dicabut', 'tanggal']);

const bare = (token: string) => token.replace(/^["'“”]+/, '').replace(/["'“”,.:]+$/, '');

function isCitationWord(token: string, previous: string | undefined, vocabulary: Vocabulary): boolean {
  const word = bare(token);
  if (!word) return false;
  if (/\d/.test(word)) return true; // numbers of instruments and articles: 2/2022, 52(3), 15(1)-(3)
  if (/^[a-z]$/.test(word)) return previous !== undefined && bare(previous).toLowerCase() === 'huruf';
  if (/^[A-Z]{2,}$/.test(word) || /^[A-Z][a-z]+[A-Z]{2,}[A-Za-z]*$/.test(word)) return true; // UU, SKB, BKN, MenPANRB
  return vocabulary.words(word.toLowerCase());
}

const inIndonesian = (text: string, vocabulary: Vocabulary) =>
  vocabulary.wordings.reduce((acc, [pattern, words]) => (typeof words === 'string' ? acc.replace(pattern, words) : acc.replace(pattern, words)), text);
/** The non-empty trimmed parts of `text` between `separator`. */
const splitTrim = (text: string, separator: string) => text.split(separator).map((part) => part.trim()).filter(Boolean);

/**
 * The leading words of a part that read as a citation ("PP 94/2021" of "PP 94/2021, in force 31 Aug
 * 2021"), kept parenthetical groups standing as single words; empty when nothing is left.
 */
function citationRun(part: string, groups: readonly (string | null)[], vocabulary: Vocabulary): string {
  const run: string[] = [];
  for (const token of part.split(/\s+/).filter(Boolean)) {
    const group = /^\uE000(\d+)\uE000$/.exec(token);
    if (group) {
      const kept = groups[Number(group[1])];
      if (kept) run.push(kept);
      continue; // a dropped remark in parentheses does not end the citation ("Lampiran (matrix)")
    }
    if (!isCitationWord(token, run.at(-1), vocabulary)) break;
    run.push(token);
  }
  while (run.length > 0 && DANGLING.has(bare(run.at(-1)!).toLowerCase())) run.pop();
  return run.join(' ');
}

function parenthetical(inner: string, vocabulary: Vocabulary): string | null {
  const parts = splitTrim(inIndonesian(inner, vocabulary), ',').filter(
    (part) => !INTERNAL_NOTE.test(part) && part.split(/\s+/).every((token, i, all) => isCitationWord(token, all[i - 1], vocabulary)),
  );
  return parts.length > 0 ? `(${parts.join(', ')})` : null;
}

/** One `;`-separated segment of a source: the instrument and its articles without remarks; null when it is only a note. */
function citationOf(segment: string, vocabulary: Vocabulary): string | null {
  const seed = /\bseed\s+(\d{3})\b/i.exec(segment);
  if (seed) return vocabulary.seedRuling(seed[1]!);
  // parenthetical groups open after a space ("Pasal 8 (PNS)"); "52(3)" and "15(1)-(3)" are article numbers
  const groups: (string | null)[] = [];
  let text = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '(' && (i === 0 || /\s/.test(segment[i - 1]!))) {
      let depth = 1;
      let j = i + 1;
      for (; j < segment.length && depth > 0; j++) depth += segment[j] === '(' ? 1 : segment[j] === ')' ? -1 : 0;
      groups.push(parenthetical(segment.slice(i + 1, j - 1), vocabulary));
      text += ` \uE000${groups.length - 1}\uE000 `;
      i = j - 1;
    } else text += ch;
  }
  // what follows a colon explains the citation ("Pasal 454(5): a finding is set within 7 days")
  const head = inIndonesian(text.split(/:\s/)[0]!, vocabulary);
  if (INTERNAL_NOTE.test(head)) return null;
  const kept: string[] = [];
  for (const [i, part] of splitTrim(head, ',').entries()) {
    const run = citationRun(part, groups, vocabulary);
    // the first part names the instrument and its number; the rest continue it ("Pasal 26(2) huruf d, 70(3)")
    const ok = i === 0 ? /^[A-Za-z]/.test(run) && /\d/.test(run.replace(/\([^)]*\)/g, '')) : run !== '' && kept.length === i;
    if (!ok) break;
    kept.push(run);
  }
  return kept.length > 0 ? kept.join(', ').replace(/\s+/g, ' ').trim() : null;
}

/**
 * The legal references a user can look up in one `source` text of the rules data: regulations and
 * their articles ("SKB 2022 (MenPANRB 2/2022 et al.)", "PP 94/2021 Pasal 5 huruf n", "PKPU 2/2024
 * (tahapan dan jadwal Pemilihan 2024)"), a seed ruling by its public description ("Hasil kajian
 * Bawaslu Kabupaten Bekasi (Pemilu 2024)"). Research ids ([S8, S123]), domain.md sections, seed
 * files, UNCONFIRMED markers, option names and English remarks are left out; English connectives
 * are written as Indonesian legal drafting writes them ("dan", "sebagaimana telah diubah dengan").
 * Empty when the source is only a note. The `legislation` scope keeps the regulations alone.
 */
export function publicCitations(source: string, scope: CitationScope = 'public'): string[] {
  const vocabulary = VOCABULARIES[scope];
  const all = source.replace(/\[[^\]]*\]/g, ' ').split(';').map((segment) => citationOf(segment, vocabulary)).filter((citation): citation is string => citation !== null);
  return [...new Set(all)];
}

/**
 * The public references of several sources in their order, each said once; a general reference
 * beside a more specific one of the same instrument is left out ("UU 10/2016" beside "UU 10/2016
 * Pasal 71(1)").
 */
export function publicCitationList(sources: readonly string[], scope: CitationScope = 'public'): string[] {
  const unique = [...new Set(sources.flatMap((source) => publicCitations(source, scope)))];
  return unique.filter((citation) => !unique.some((other) => other !== citation && other.startsWith(citation) && /^[\s,(]/.test(other.slice(citation.length))));
}

/** Rank of an instrument in the hierarchy of Indonesian regulations (UU 12/2011 Pasal 7): laws, government regulations, presidential regulations and decrees, the rest. */
function hierarchyRank(citation: string): number {
  return ({ UU: 1, Perppu: 1, PP: 2, Perpres: 3, Keppres: 4 } as Readonly<Record<string, number>>)[citation.split(/\s/)[0]!] ?? 5;
}

/**
 * The legislation of several sources as an official letter lists its legal basis ("Dasar hukum"): the
 * regulations alone, in Indonesian (no decision, guidance, ruling nor "et al."), each said once
 * (`publicCitationList`), laws first, then government regulations, decrees and the rest.
 */
export function legalBasisCitations(sources: readonly string[]): string[] {
  return publicCitationList(sources, 'legislation')
    .map((citation, index) => ({ citation, index }))
    .sort((a, b) => hierarchyRank(a.citation) - hierarchyRank(b.citation) || a.index - b.index)
    .map(({ citation }) => citation);
}

/** True when the data marks the fact behind `source` UNCONFIRMED. */
export function isUnconfirmedSource(source: string): boolean {
  return /\bUNCONFIRMED\b/.test(source);
}

/** A fact of the rules data as users are given it: see `withPublicSource`. */
export type WithPublicSource<T extends { readonly source: string }> = Omit<T, 'source' | 'unconfirmed' | 'provenance'> & {
  /** Its public references, `;`-separated ("PP 94/2021 Pasal 8(2)"); empty when the data cites none. */
  readonly source: string;
  /** True when the data flags the fact, or marks its source, unconfirmed. */
  readonly unconfirmed: boolean;
  /** The data's own source, research notes and ids included (for developers, never shown). */
  readonly provenance: string;
};

/**
 * A fact (a stage, a sanction, a deadline) with the source users read in place of the data's own,
 * which stays beside it as `provenance`: "PP 94/2021 Pasal 8(2) [S5, S6]" -> source "PP 94/2021
 * Pasal 8(2)". The flag stays a flag; the reader's language words it (`UNCONFIRMED_WORDS`).
 */
export function withPublicSource<T extends { readonly source: string; readonly unconfirmed?: boolean }>(fact: T): WithPublicSource<T> {
  return { ...fact, source: publicCitations(fact.source).join('; '), unconfirmed: fact.unconfirmed === true || isUnconfirmedSource(fact.source), provenance: fact.source };
}

/**
 * `source` as one line for a reader of `language`: its public references, and the flag in words
 * when the fact is unconfirmed ("SKB 2022 Lampiran (belum terkonfirmasi)" / "SKB 2022 Lampiran
 * (unconfirmed)"). Empty when the source holds no public reference.
 */
export function publicCitationText(source: string, language: Language, unconfirmed = isUnconfirmedSource(source)): string {
  const text = publicCitations(source).join('; ');
  return text && unconfirmed ? `${text} (${UNCONFIRMED_WORDS[language]})` : text;
}
