/** People's names: titles that are not part of a name, and string similarity (pure). */

/** Academic degrees, religious and nobility titles written around Indonesian names ("Hj.", "Drs.", "S.Pd.", "Raden"). */
export const NAME_TITLES: ReadonlySet<string> = new Set([
  'dr', 'drs', 'dra', 'drg', 'ir', 'h', 'hj', 'haji', 'hajah', 'prof', 'kh', 'st', 'se', 'sh', 'mh', 'msi', 'mm', 'mpd', 'spd', 'spdi', 'ssos', 'sip', 'skm', 'skom',
  'sik', 'sp', 'ssi', 'sag', 'sos', 'shi', 'stp', 'sst', 'ssy', 'amd', 'mt', 'ma', 'mba', 'phd', 'mag', 'mkes', 'ak', 'apt', 'ners', 'ns', 'bsc', 'hc', 'si', 'pd', 'kom',
  'kes', 'ag', 'ap', 'ip', 'hum', 'psi', 'ked', 'farm', 'kep', 'raden', 'rd', 'tb',
]);

/** Jaro-Winkler similarity of two normalised words (0..1). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const am = new Array<boolean>(a.length).fill(false);
  const bm = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++)
      if (!bm[j] && a[i] === b[j]) {
        am[i] = bm[j] = true;
        matches++;
        break;
      }
  if (!matches) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < a.length; i++) {
    if (!am[i]) continue;
    while (!bm[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Scores one candidate: each remaining word counts as a name part (Jaro-Winkler >= 0.8 against
 * the name's words) or a place (a word of the unit path or agency), whichever fits; position
 * words must match the jabatan. Returns 0..1 with the reasons shown to the handler.
 */
