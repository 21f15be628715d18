/**
 * Spellings of one name that Indonesian registries, KPU lists and family declarations write
 * interchangeably (pure data and one function). Both sides of every comparison go through
 * `canonicalToken`, so "Moch. Rizky" and "Muhammad Rizki" become the same two words.
 *
 * Two kinds of variation:
 *  - whole words: an abbreviation or a customary transliteration ("M." / "Moh." for Muhammad, "Tb."
 *    for Tubagus, the Banten title of nobility written as part of the name; "Abd." for Abdul; Arabic
 *    names transliterated several ways). These are listed in `NAME_VARIANTS`.
 *  - spelling rules, applied to every word: the pre-1972 spelling (Van Ophuijsen / Soewandi:
 *    oe = u, dj = j, tj = c, sj = sy, nj = ny, and j = y in a word written that way: "Tjahjo" = "Cahyo"),
 *    kh/ch = h ("Achmad", "Akhmad"), q = k ("Rizqi", "Taufiq"), a doubled letter written once
 *    ("Muhamad"), and at the end of a word y = i ("Rizky") and p = f ("Yusup"), ie = i ("Arief").
 *
 * The rules only ever merge spellings; names that differ in a letter that changes the name (Putra /
 * Putri, Setiawan / Setiawati, Wibowo / Wiyono) stay apart and the matcher's near-miss checks decide.
 */

/** A name and the spellings of it written as separate words (abbreviations without their dot). */
export const NAME_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  muhammad: ['mohammad', 'mohamad', 'muhamad', 'mohammed', 'muhammed', 'mochammad', 'mochamad', 'muchammad', 'muchamad', 'mokhammad', 'mukhammad', 'moehammad', 'moh', 'moch', 'mochd', 'mohd', 'muh', 'much', 'mhd', 'm'],
  tubagus: ['tb'],
  abdul: ['abd', 'abdoel'],
  ahmad: ['achmad', 'akhmad', 'ahmat', 'achmat', 'akhmat'],
  yusuf: ['yusup', 'jusuf', 'joesoef', 'yoesoef', 'yusof'],
  rizki: ['rizky', 'rizqi', 'rizqy', 'rizkie', 'riski', 'risky'],
  syarif: ['sarif', 'syarief', 'sjarif', 'syarip', 'sharif'],
  syamsul: ['samsul', 'sjamsul'],
  syaiful: ['saiful'],
  maruf: ['makruf'],
  nur: ['noor', 'noer'],
  siti: ['sitti'],
  abdurrahman: ['abdurahman'],
  fathurrahman: ['fathurahman'],
  zainal: ['zaenal'],
  zainudin: ['zaenudin', 'zainuddin', 'zaenuddin'],
  usman: ['utsman', 'oesman', 'osman'],
  umar: ['oemar', 'omar'],
  hasan: ['hassan'],
  husein: ['husain', 'hussein', 'husin'],
  iskandar: ['eskandar'],
};

const OLD_SPELLING = /dj|tj|oe|sj|nj/;

/** The spelling rules of the module comment, on one lower-case word of letters. */
export function respell(word: string): string {
  let w = word;
  // dj = j, and a lone j = y ("Djojo" = "Joyo"): the j of each dj is kept apart while the others become y
  if (OLD_SPELLING.test(w)) w = w.split('dj').map((part) => part.replace(/tj/g, 'c').replace(/sj/g, 'sy').replace(/nj/g, 'ny').replace(/j/g, 'y')).join('j').replace(/oe/g, 'u');
  w = w.replace(/[kc]h/g, 'h').replace(/q/g, 'k').replace(/(.)\1+/g, '$1').replace(/ie(?=[^aiueo]|$)/g, 'i');
  if (w.length > 2) w = w.replace(/y$/, 'i').replace(/p$/, 'f');
  return w;
}

const ALIAS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [name, variants] of Object.entries(NAME_VARIANTS))
    for (const v of [name, ...variants]) for (const k of [v, respell(v)]) m.set(k, name);
  return m;
})();

/** Whether a word is one of the listed spellings (as written): "tb" is Tubagus here, not a title to drop. */
export const isListedVariant = (word: string) => ALIAS.has(word);

/** Words already looked up (a registry repeats the same given names thousands of times). */
const seen = new Map<string, string>();

/** One word of a name as compared: its listed name, else the word respelled ("moch" -> "muhamad", "rizky" -> "rizki"). */
export function canonicalToken(word: string): string {
  let out = seen.get(word);
  if (out === undefined) {
    out = respell(ALIAS.get(word) ?? ALIAS.get(respell(word)) ?? word);
    if (seen.size < 100_000) seen.set(word, out);
  }
  return out;
}
