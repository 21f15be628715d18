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
 */

import { NAME_TITLES, jaroWinkler } from '../../registry/domain/name-similarity.ts';

export const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'in_law', 'self'] as const;
export type Relation = (typeof RELATIONS)[number];
export type DeclaredRelation = Exclude<Relation, 'self'>;

export type MatchEmployee = { id: string; name: string; regionCode: string; relatives: { kind: DeclaredRelation; name: string }[] };
export type MatchCandidate = { id: string; name: string; regionCode: string };
export type Suggestion = { employeeId: string; candidateId: string; relation: Relation; score: number; reasons: string[] };

const PATRONYMIC = new Set(['bin', 'binti', 'bt', 'bte']);

/** Lower-case tokens without academic/religious titles, punctuation or degrees ("Hj. Siti Aminah, S.Pd." -> [siti, aminah]). */
export function nameTokens(name: string): string[] {
  const beforeDegrees = name.split(',')[0]!; // degrees follow a comma: "Siti Aminah, S.Pd., M.Si."
  return beforeDegrees
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s.]/g, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/\./g, ''))
    .filter((t) => t.length > 0 && !NAME_TITLES.has(t));
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
  const cands = candidates.map((c) => ({ ...c, tokens: nameTokens(c.name) })).filter((c) => c.tokens.length);
  const byFirst = new Map<string, typeof cands>();
  for (const c of cands) for (const t of [c.tokens[0]!, withoutPatronymic(c.tokens)[0]!]) byFirst.set(t, [...(byFirst.get(t) ?? []), c]);
  // variants share their first two letters ("muhamad" ~ "muhammad"): compare only within that bucket
  const firstsByPrefix = new Map<string, string[]>();
  for (const first of byFirst.keys()) firstsByPrefix.set(first.slice(0, 2), [...(firstsByPrefix.get(first.slice(0, 2)) ?? []), first]);
  const near = (tokens: string[]) => {
    const out = new Map<string, (typeof cands)[number]>();
    for (const first of firstsByPrefix.get(tokens[0]!.slice(0, 2)) ?? [])
      if (variantOf(first, tokens[0]!)) for (const c of byFirst.get(first)!) out.set(c.id, c);
    return [...out.values()];
  };
  const found = new Map<string, Suggestion>();
  const add = (s: Suggestion) => {
    const k = `${s.employeeId}:${s.candidateId}`;
    const prev = found.get(k);
    if (!prev || prev.score < s.score) found.set(k, s);
  };
  for (const e of employees) {
    const own = nameTokens(e.name);
    // 1. declared relatives
    for (const r of e.relatives) {
      const rt = withoutPatronymic(nameTokens(r.name));
      if (!rt.length) continue;
      for (const c of near(rt))
        if (sameName(rt, withoutPatronymic(c.tokens)))
          add({ employeeId: e.id, candidateId: c.id, relation: r.kind, score: regionsOverlap(e.regionCode, c.regionCode) ? 0.95 : 0.85, reasons: [`declared ${r.kind}: ${r.name}`, ...(regionsOverlap(e.regionCode, c.regionCode) ? ['same region'] : [])] });
    }
    if (!own.length) continue;
    const pat = splitPatronymic(own);
    // 2. patronymic: the employee is the candidate's child, so the candidate is the employee's parent
    if (pat)
      for (const c of near(pat.father))
        if (regionsOverlap(e.regionCode, c.regionCode) && sameName(pat.father, withoutPatronymic(c.tokens)))
          add({ employeeId: e.id, candidateId: c.id, relation: 'parent', score: 0.7, reasons: [`patronymic: ${e.name}`, 'same region'] });
    // 3. the employee's own name on the list, same region
    for (const c of near(withoutPatronymic(own)))
      if (regionsOverlap(e.regionCode, c.regionCode) && c.regionCode && sameName(withoutPatronymic(own), withoutPatronymic(c.tokens)) && (!pat || !splitPatronymic(c.tokens) || sameName(pat.father, splitPatronymic(c.tokens)!.father)))
        add({ employeeId: e.id, candidateId: c.id, relation: 'self', score: 0.6, reasons: ['same name on the candidate list', 'same region'] });
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
        add({ employeeId: e.id, candidateId: c.id, relation: 'child', score: 0.7, reasons: [`patronymic: ${c.name}`, 'same region'] });
  }
  return [...found.values()].sort((a, b) => b.score - a.score || a.employeeId.localeCompare(b.employeeId) || a.candidateId.localeCompare(b.candidateId));
}
