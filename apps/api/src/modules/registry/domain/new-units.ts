/**
 * The units an import creates, and the unit each one is probably meant to be (pure). An import creates
 * every unit its file names that the agency does not have, so a misspelt name ("Dinas Sosal") or a "/"
 * written without spaces ("Dinas Sosial/Sekretariat": one unit name, as in "SD NEGERI 1/II CIRUAS")
 * would otherwise become a permanent unit unnoticed: they are listed, with a suggestion, before and after.
 */
import { unitKeyOf } from './import-rows.ts';

/** A unit path the file names (one per distinct path), with its first row and how many rows it places there. */
export type NamedUnit = { parts: string[]; firstRow: number; rows: number };
/** A unit the agency has: its key (unitKeyOf of its path), path, own name and its parent's key (null at the root). */
export type KnownUnit = { key: string; path: string; name: string; parentKey: string | null };
export type PlannedUnit = { parts: string[]; key: string; path: string; firstRow: number; rows: number; suggestion: string | null };

const PATH_SEP = ' / ';

/** Every unit the named paths need that the agency does not have (parents before children), each with its suggestion. */
export function planNewUnits(named: readonly NamedUnit[], known: readonly KnownUnit[]): PlannedUnit[] {
  const knownKeys = new Set(known.map((u) => u.key));
  const planned = new Map<string, PlannedUnit>();
  for (const n of named)
    for (let depth = 1; depth <= n.parts.length; depth++) {
      const parts = n.parts.slice(0, depth);
      const key = unitKeyOf(parts);
      if (knownKeys.has(key)) continue;
      const unit = planned.get(key) ?? { parts, key, path: parts.join(PATH_SEP), firstRow: n.firstRow, rows: 0, suggestion: null };
      unit.firstRow = Math.min(unit.firstRow, n.firstRow);
      if (depth === n.parts.length) unit.rows += n.rows;
      planned.set(key, unit);
    }
  const units = [...planned.values()].sort(byPath);
  // the siblings a new unit may have been meant to be: the agency's units, then the file's other new ones
  const siblings = new Map<string, { key: string; path: string; name: string; unit?: PlannedUnit }[]>();
  const addSibling = (parentKey: string | null, s: { key: string; path: string; name: string; unit?: PlannedUnit }) => {
    const list = siblings.get(parentKey ?? '') ?? [];
    list.push(s);
    siblings.set(parentKey ?? '', list);
  };
  for (const u of known) addSibling(u.parentKey, { key: u.key, path: u.path, name: u.name });
  for (const u of units) addSibling(parentKeyOf(u), { key: u.key, path: u.path, name: u.parts[u.parts.length - 1]!, unit: u });
  const exists = (key: string) => knownKeys.has(key) || planned.has(key);
  for (const u of units) {
    const name = u.parts[u.parts.length - 1]!;
    // "Dinas Sosial/Sekretariat" where "Dinas Sosial" is a unit: the path written with " / " was probably meant
    const pieces = name.split('/').map((p) => p.trim()).filter(Boolean);
    if (pieces.length > 1 && exists(unitKeyOf([...u.parts.slice(0, -1), pieces[0]!]))) {
      u.suggestion = [...u.parts.slice(0, -1), ...pieces].join(PATH_SEP);
      continue;
    }
    let best: { path: string; distance: number } | null = null;
    for (const s of siblings.get(parentKeyOf(u) ?? '') ?? []) {
      if (s.key === u.key) continue;
      // of two new spellings, the one with fewer rows is the likely slip (on a tie, the later one)
      if (s.unit && (s.unit.rows < u.rows || (s.unit.rows === u.rows && s.unit.firstRow > u.firstRow))) continue;
      const distance = nameDistance(name, s.name);
      if (distance !== null && (!best || distance < best.distance)) best = { path: s.path, distance };
    }
    u.suggestion = best?.path ?? null;
  }
  return units;
}

const parentKeyOf = (u: PlannedUnit) => (u.parts.length > 1 ? unitKeyOf(u.parts.slice(0, -1)) : null);

function byPath(a: PlannedUnit, b: PlannedUnit): number {
  for (let i = 0; i < Math.min(a.parts.length, b.parts.length); i++) {
    const c = a.parts[i]!.localeCompare(b.parts[i]!, 'id', { sensitivity: 'base' });
    if (c) return c;
  }
  return a.parts.length - b.parts.length;
}

/**
 * How far apart two unit names are when one looks like a slip of the other, else null: the same letters and
 * digits written differently ("Dinas  Sosial", "Dinas-Sosial") are 0; otherwise the edit distance, at most 1
 * (2 for names of 12 letters or more). Names whose numbers differ are different units ("SD Negeri 1", "SD Negeri 2"),
 * and very short names are left alone ("SD", "SMP").
 */
export function nameDistance(a: string, b: string): number | null {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const x = norm(a);
  const y = norm(b);
  if (x.replace(/ /g, '') === y.replace(/ /g, '')) return 0;
  if ((x.match(/\d+/g) ?? []).join(',') !== (y.match(/\d+/g) ?? []).join(',')) return null;
  if (Math.min(x.length, y.length) < 5) return null;
  const limit = Math.min(x.length, y.length) >= 12 ? 2 : 1;
  if (Math.abs(x.length - y.length) > limit) return null;
  const d = editDistance(x, y);
  return d <= limit ? d : null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
