/**
 * Conflicts of interest between employees and election candidates (issue 5, seed 002: Kabupaten
 * Serang found 16 legislative candidates related to ASN as spouse or child). Pure: no I/O.
 *
 * Kinship cannot be read from two unrelated people's names (Indonesian names rarely carry a family
 * name), so a suggestion needs evidence that links the two people:
 *  - a relative the employee declared (spouse, child, parent, sibling, in-law) whose name is the
 *    candidate's name, allowing spelling variants and titles ("Hj. Siti Aminah, S.Pd." = "Siti Aminah");
 *  - a patronymic: "Ahmad bin Sulaiman" is the child of a candidate "Sulaiman" (and a candidate
 *    "Rina binti Darto" the child of an employee "Darto"), within the candidate's region;
 * A relation always says what the candidate is to the employee, as a declared relative does ("child":
 * the candidate is the employee's child): the patronymic of an employee makes the candidate a parent.
 *  - the employee's own name on the candidate list in the same region (an ASN running must resign first).
 * Every suggestion is confirmed or dismissed by an officer.
 *
 * Names are compared word by word after `canonicalToken` (name-variants.ts): "Moch. Rizky" is
 * "Muhammad Rizki", "Tb." is "Tubagus", "Ma'ruf" is "Maruf". Reasons are codes with the values they
 * name (`ConflictReason`), shown in the reader's language.
 */

import type { CandidateMember, ConflictReason } from '@netra/contracts';
import { NAME_TITLES, jaroWinkler } from '../../registry/domain/name-similarity.ts';
import { canonicalToken, isListedVariant } from './name-variants.ts';

export const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'in_law', 'self'] as const;
export type Relation = (typeof RELATIONS)[number];
export type DeclaredRelation = Exclude<Relation, 'self'>;

export type MatchEmployee = { id: string; name: string; regionCode: string; relatives: { id?: string; kind: DeclaredRelation; name: string }[] };
/** One person on a list: a legislative candidate, or the head or the running mate of a pair (both under the pair's id). */
export type MatchCandidate = { id: string; name: string; regionCode: string; member?: CandidateMember };
export type Suggestion = {
  employeeId: string; candidateId: string; member: CandidateMember; relation: Relation; score: number;
  source: 'declared' | 'matcher'; relativeId: string | null; reasons: ConflictReason[];
};

const PATRONYMIC = new Set(['bin', 'binti', 'bt', 'bte']);
/** A mark between two letters belongs to the word: "Ma'ruf" is one word, not "Ma" (a degree, dropped) and "ruf". */
const INNER_APOSTROPHE = /(\p{L})['\u2018\u2019\u02bc`\u00b4](?=\p{L})/gu;

/** Lower-case words of the part of a name before its degrees, without punctuation ("Hj. Siti Ma'ruf, S.Pd." -> [hj, siti, maruf]). */
function plainWords(name: string): string[] {
  const beforeDegrees = name.split(',')[0]!; // degrees follow a comma: "Siti Aminah, S.Pd., M.Si."
  return beforeDegrees
    .replace(INNER_APOSTROPHE, '$1')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s.]/g, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/\./g, ''))
    .filter((t) => t.length > 0);
}

/**
 * The canonical words of a name without academic/religious titles ("Hj. Siti Aminah, S.Pd." -> [siti, aminah];
 * "Moch. Rizky" -> [muhamad, rizki]; "Tb. Arief" -> [tubagus, arif]). A word the variants table knows is a
 * name even where the registry search treats it as a title ("tb").
 */
export function nameTokens(name: string): string[] {
  return plainWords(name).filter((t) => isListedVariant(t) || !NAME_TITLES.has(t)).map(canonicalToken);
}

/**
 * Strings for a database trigram pre-filter that finds the list entries a declared relative's name
 * could match (outside the agency's region, where the list is too long to read whole): the name's words
 * as written and as canonical words, without titles and one- or two-letter abbreviations.
 */
export function nameSearchKeys(name: string): string[] {
  const written = plainWords(name).filter((t) => t.length > 2 && !NAME_TITLES.has(t) && !PATRONYMIC.has(t));
  const canonical = withoutPatronymic(nameTokens(name)).filter((t) => t.length > 2);
  return [...new Set([written.join(' '), canonical.join(' ')])].filter((k) => k.length > 2);
}

const TOKEN_SIMILAR = 0.95;
const VOWEL = /[aiueo]/;
/** "Putra"/"Putri", "Susanto"/"Susanti": names that differ only in a final vowel are different (often gendered) names. */
const otherEnding = (a: string, b: string) => a.length === b.length && a.slice(0, -1) === b.slice(0, -1) && VOWEL.test(a.at(-1)!) && VOWEL.test(b.at(-1)!);
const variantOf = (a: string, b: string) => a === b || (a.length > 3 && b.length > 3 && !otherEnding(a, b) && jaroWinkler(a, b) >= TOKEN_SIMILAR);
/** Same person's name: the same number of tokens, each pair a spelling variant ("Muhamad" ~ "Muhammad", not "Fauzi" ~ "Fauzan", not "Putra" ~ "Putri"). */
export function sameName(a: string[], b: string[]): boolean {
  if (!a.length || a.length !== b.length) return false;
  return a.every((t, i) => variantOf(t, b[i]!));
}

/** The given name and the father's name of "X bin/binti Y". */
function splitPatronymic(tokens: string[]): { own: string[]; father: string[] } | null {
  const i = tokens.findIndex((t) => PATRONYMIC.has(t));
  return i > 0 && i < tokens.length - 1 ? { own: tokens.slice(0, i), father: tokens.slice(i + 1) } : null;
}
const withoutPatronymic = (tokens: string[]) => splitPatronymic(tokens)?.own ?? tokens;

/** A candidate for a regency/city or province and an employee there (either region inside the other). */
export const regionsOverlap = (a: string, b: string) => !a || !b || a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

const key = (tokens: string[]) => tokens.join(' ');

/**
 * Suggestions for one agency's employees against one election's candidates. Linear in both lists
 * (exact lookups on normalised names, then variant checks on the few that share a first token).
 */
export function suggestConflicts(employees: MatchEmployee[], candidates: MatchCandidate[]): Suggestion[] {
  const cands = candidates.map((c, i) => ({ ...c, member: c.member ?? ('head' as const), i, tokens: nameTokens(c.name) })).filter((c) => c.tokens.length);
  const byFirst = new Map<string, typeof cands>();
  for (const c of cands) for (const t of new Set([c.tokens[0]!, withoutPatronymic(c.tokens)[0]!])) byFirst.set(t, [...(byFirst.get(t) ?? []), c]);
  // canonical words that are variants share their first letter ("rizki" ~ "riski"): compare only within that bucket
  const firstsByInitial = new Map<string, string[]>();
  for (const first of byFirst.keys()) firstsByInitial.set(first[0]!, [...(firstsByInitial.get(first[0]!) ?? []), first]);
  const near = (tokens: string[]) => {
    const out = new Map<number, (typeof cands)[number]>();
    for (const first of firstsByInitial.get(tokens[0]![0]!) ?? [])
      if (variantOf(first, tokens[0]!)) for (const c of byFirst.get(first)!) out.set(c.i, c);
    return [...out.values()];
  };
  const found = new Map<string, Suggestion>();
  const add = (s: Omit<Suggestion, 'source' | 'relativeId'> & { relativeId?: string | null }) => {
    const k = `${s.employeeId}:${s.candidateId}:${s.member}`;
    const prev = found.get(k);
    if (!prev || prev.score < s.score) found.set(k, { ...s, source: s.reasons[0]?.code === 'DECLARED' ? 'declared' : 'matcher', relativeId: s.relativeId ?? null });
  };
  const where = (e: MatchEmployee, c: MatchCandidate): ConflictReason => ({ code: regionsOverlap(e.regionCode, c.regionCode) ? 'SAME_REGION' : 'OTHER_REGION', params: {} });
  for (const e of employees) {
    const own = nameTokens(e.name);
    // 1. declared relatives, in any region (a relative running elsewhere scores lower)
    for (const r of e.relatives) {
      const rt = withoutPatronymic(nameTokens(r.name));
      if (!rt.length) continue;
      for (const c of near(rt))
        if (sameName(rt, withoutPatronymic(c.tokens)))
          add({
            employeeId: e.id, candidateId: c.id, member: c.member, relation: r.kind, score: regionsOverlap(e.regionCode, c.regionCode) ? 0.95 : 0.85, relativeId: r.id ?? null,
            reasons: [{ code: 'DECLARED', params: { relation: r.kind, name: r.name } }, where(e, c)],
          });
    }
    if (!own.length) continue;
    const pat = splitPatronymic(own);
    // 2. patronymic: the employee is the candidate's child, so the candidate is the employee's parent
    if (pat)
      for (const c of near(pat.father))
        if (regionsOverlap(e.regionCode, c.regionCode) && sameName(pat.father, withoutPatronymic(c.tokens)))
          add({ employeeId: e.id, candidateId: c.id, member: c.member, relation: 'parent', score: 0.7, reasons: [{ code: 'PATRONYMIC', params: { name: e.name } }, where(e, c)] });
    // 3. the employee's own name on the list, same region
    for (const c of near(withoutPatronymic(own)))
      if (regionsOverlap(e.regionCode, c.regionCode) && c.regionCode && sameName(withoutPatronymic(own), withoutPatronymic(c.tokens)) && (!pat || !splitPatronymic(c.tokens) || sameName(pat.father, splitPatronymic(c.tokens)!.father)))
        add({ employeeId: e.id, candidateId: c.id, member: c.member, relation: 'self', score: 0.6, reasons: [{ code: 'SAME_NAME', params: {} }, where(e, c)] });
  }
  // 4. patronymic: the candidate is the employee's child ("Rina binti Darto" and an employee "Darto")
  const employeesByKey = new Map<string, MatchEmployee[]>();
  for (const e of employees) {
    const k = key(withoutPatronymic(nameTokens(e.name)));
    if (k) employeesByKey.set(k, [...(employeesByKey.get(k) ?? []), e]);
  }
  for (const c of cands) {
    const pat = splitPatronymic(c.tokens);
    if (!pat) continue;
    for (const e of employeesByKey.get(key(pat.father)) ?? [])
      if (regionsOverlap(e.regionCode, c.regionCode))
        add({ employeeId: e.id, candidateId: c.id, member: c.member, relation: 'child', score: 0.7, reasons: [{ code: 'PATRONYMIC', params: { name: c.name } }, where(e, c)] });
  }
  return [...found.values()].sort((a, b) => b.score - a.score || a.employeeId.localeCompare(b.employeeId) || a.candidateId.localeCompare(b.candidateId) || a.member.localeCompare(b.member));
}

/** Whether two written names are the same person's name (titles, degrees and spelling variants aside). */
export const sameWrittenName = (a: string, b: string) => sameName(nameTokens(a), nameTokens(b));
