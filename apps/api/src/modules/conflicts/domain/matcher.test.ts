import { describe, expect, it } from 'vitest';
import { jaroWinkler } from '../../registry/domain/name-similarity.ts';
import { nameTokens, sameName, suggestConflicts, type MatchCandidate, type MatchEmployee, type Relation } from './matcher.ts';

describe('names', () => {
  it('drops titles and degrees', () => {
    expect(nameTokens('Hj. Siti Aminah, S.Pd., M.Si.')).toEqual(['siti', 'aminah']);
    expect(nameTokens('Dr. H. Ahmad Fauzi, S.H.')).toEqual(['ahmad', 'fauzi']);
    expect(nameTokens('drg. Rina binti Darto')).toEqual(['rina', 'binti', 'darto']);
  });
  it('accepts spelling variants of the same name and refuses near misses', () => {
    expect(sameName(nameTokens('Muhamad Rizki'), nameTokens('Muhammad Rizki'))).toBe(true);
    expect(sameName(nameTokens('Siti Aminah'), nameTokens('Siti Aminah Lubis'))).toBe(false);
    expect(sameName(nameTokens('Ahmad Fauzi'), nameTokens('Ahmad Fauzan'))).toBe(false);
    expect(sameName(nameTokens('Dewi Lestari'), nameTokens('Dewi Lestiani'))).toBe(false);
    expect(sameName(nameTokens('Budi Syahputra'), nameTokens('Budi Syahputri'))).toBe(false);
    expect(sameName(nameTokens('Eko Setiawan'), nameTokens('Eko Setiyawan'))).toBe(true);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
  it('writes common Indonesian variants of a name as one, on both sides', () => {
    const same = (a: string, b: string) => sameName(nameTokens(a), nameTokens(b));
    expect(nameTokens("Tb. Ma'ruf Amin, S.H., M.A.")).toEqual(['tubagus', 'maruf', 'amin']);
    expect(nameTokens('M. Rizky')).toEqual(nameTokens('Muhammad Rizki'));
    for (const [a, b] of [['Rizky', 'Rizki'], ['Mohammad Iqbal', 'Muhammad Iqbal'], ['M. Iqbal', 'Muhammad Iqbal'], ['Moch. Iqbal', 'Muhamad Iqbal'], ['Yusup', 'Yusuf'],
      ["Ma'ruf Hasan", 'Maruf Hasan'], ['Ma\u2019ruf Hasan', 'Makruf Hasan'], ['Tb. Hasan Sochib', 'Tubagus Hasan Sochib'], ['Abd. Gani', 'Abdul Gani'], ['Achmad Yani', 'Ahmad Yani'], ['Akhmad Yani', 'Ahmad Yani'],
      ['Syarif Hidayat', 'Sarif Hidayat'], ['Soeharto', 'Suharto'], ['Djoko Tjahjono', 'Joko Cahyono'], ['Taufiq', 'Taufik'], ['Arief Budiman', 'Arif Budiman']] as const)
      expect(same(a, b), `${a} ~ ${b}`).toBe(true);
    for (const [a, b] of [['Putri Setiawan', 'Putri Setiawati'], ['Darto Wibowo', 'Darto Wiyono'], ['Hotman Sitompul', 'Hotman Parulian Sitompul'], ['Sulaiman Hadi', 'Sulaiman Effendi'],
      ['Putra Wijaya', 'Putri Wijaya'], ['Ahmad Fauzi', 'Ahmad Fauzan'], ['M. Arifin', 'Marlina Arifin'], ['Joko Susilo', 'Yoko Susilo']] as const)
      expect(same(a, b), `${a} !~ ${b}`).toBe(false);
    // "M.M." written without the comma before it is a degree, not Muhammad
    expect(nameTokens('Hotman Sitompul M.M.')).toEqual(['hotman', 'sitompul']);
  });
});

/** A deterministic synthetic registry and candidate list with known relations and near-miss decoys. */
function syntheticSet() {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const FIRST = ['Ahmad', 'Budi', 'Siti', 'Dewi', 'Rina', 'Agus', 'Eko', 'Sri', 'Nur', 'Yusuf', 'Hendra', 'Fitri', 'Rizki', 'Indah', 'Bayu', 'Wahyu', 'Lia', 'Taufik', 'Ratna', 'Joko'];
  const LAST = ['Santoso', 'Lestari', 'Hidayat', 'Saputra', 'Wijaya', 'Rahmawati', 'Kurniawan', 'Susanti', 'Pratama', 'Nugroho', 'Setiawan', 'Handayani', 'Firmansyah', 'Maulana', 'Permana', 'Syahputra'];
  const MIDDLE = ['Ayu', 'Dwi', 'Tri', 'Putri', 'Adi', 'Eka', 'Nova', 'Sukma', 'Dian', 'Sari', 'Arif', 'Bima', 'Cahya', 'Gilang', 'Intan', 'Kartika', 'Laras', 'Mega', 'Nanda', 'Puspa'];
  const REGIONS = ['36.04', '36.04.01', '36.04.02', '32.75'];
  // spelling variants of the same name (an inserted or doubled letter)
  const VARIANTS: Record<string, string> = { Saputra: 'Saputera', Kurniawan: 'Kurniawann', Setiawan: 'Setiyawan', Firmansyah: 'Firmansyach', Handayani: 'Handayanni' };
  // different names that look alike (another name, or the other gender's form)
  const LOOKALIKE: Record<string, string> = {
    Santoso: 'Santika', Lestari: 'Lestiani', Hidayat: 'Hidayatullah', Saputra: 'Saputri', Wijaya: 'Wijayanti', Rahmawati: 'Rahmadani', Kurniawan: 'Kurniasih',
    Susanti: 'Susanto', Pratama: 'Pratiwi', Nugroho: 'Nugraha', Setiawan: 'Setiadi', Handayani: 'Handoko', Firmansyah: 'Firdaus', Maulana: 'Maulida', Permana: 'Permata', Syahputra: 'Syahputri',
  };
  const used = new Set<string>();
  const uniqueName = () => {
    for (let tries = 0; ; tries++) {
      if (tries > 1000) throw new Error('name space exhausted');
      const n = `${pick(FIRST)} ${pick(MIDDLE)} ${pick(LAST)}`;
      if (!used.has(n)) return used.add(n), n;
    }
  };
  const candidates: MatchCandidate[] = [];
  for (let i = 0; i < 300; i++) candidates.push({ id: `c${i}`, name: uniqueName(), regionCode: i % 3 ? '36.04' : '32' });
  const employees: MatchEmployee[] = [];
  for (let i = 0; i < 3000; i++) employees.push({ id: `e${i}`, name: uniqueName(), regionCode: pick(REGIONS), relatives: [] });
  const truth = new Map<string, Relation>();
  const titled = (n: string) => pick(['', 'H. ', 'Hj. ', 'Dr. ', 'Drs. ']) + n + pick(['', ', S.Pd.', ', S.H., M.H.', ', S.E.']);
  const variant = (n: string) => n.split(' ').map((t) => (rnd() < 0.5 ? (VARIANTS[t] ?? t) : t)).join(' ');
  // 40 declared spouses/children/parents named as on the list (titles and spelling vary)
  for (let i = 0; i < 40; i++) {
    const e = employees[i * 7]!;
    const c = candidates[i * 5]!;
    const kind = pick(['spouse', 'child', 'parent', 'sibling', 'in_law'] as const);
    e.relatives.push({ kind, name: titled(variant(c.name)) });
    truth.set(`${e.id}:${c.id}`, kind);
  }
  // 10 employees "X bin/binti <candidate>" in the candidate's region (the candidate's children: the candidate is their parent)
  for (let i = 0; i < 10; i++) {
    const c = candidates[200 + i * 3]!;
    const e = { id: `p${i}`, name: `${pick(FIRST)} ${i % 2 ? 'binti' : 'bin'} ${c.name}`, regionCode: c.regionCode === '32' ? '32.75' : '36.04.01', relatives: [] };
    employees.push(e);
    truth.set(`${e.id}:${c.id}`, 'parent');
  }
  // 5 employees on the candidate list themselves
  for (let i = 0; i < 5; i++) {
    const c = candidates[250 + i * 7]!;
    const e = { id: `s${i}`, name: titled(c.name), regionCode: c.regionCode === '32' ? '32.75' : '36.04', relatives: [] };
    employees.push(e);
    truth.set(`${e.id}:${c.id}`, 'self');
  }
  // decoys: relatives with one more or one fewer name, a different last name close in spelling, a
  // patronymic naming a candidate of another province, the same name as a candidate elsewhere
  for (let i = 0; i < 60; i++) {
    const e = employees[1000 + i * 11]!;
    const c = candidates[(i * 13) % 300]!;
    const [f, m, l] = c.name.split(' ') as [string, string, string];
    const near = [`${f} ${l}`, `${c.name} Siregar`, `${f} ${m} ${LOOKALIKE[l]!}`, `${m} ${f} ${l}`][i % 4]!;
    e.relatives.push({ kind: 'spouse', name: near });
  }
  for (let i = 0; i < 10; i++) {
    const c = candidates[i * 3 + 1]!;
    employees.push({ id: `d${i}`, name: `Bagus bin ${c.name}`, regionCode: c.regionCode === '32' ? '73.71' : '32.75', relatives: [] });
    employees.push({ id: `x${i}`, name: c.name, regionCode: c.regionCode === '32' ? '73.71' : '32.75', relatives: [] });
  }
  return { employees, candidates, truth };
}

describe('the candidate matcher on a synthetic registry with near-miss names', () => {
  const { employees, candidates, truth } = syntheticSet();
  const found = suggestConflicts(employees, candidates);
  const tp = found.filter((s) => truth.get(`${s.employeeId}:${s.candidateId}`) === s.relation).length;
  const precision = tp / found.length;
  const recall = tp / truth.size;

  it(`finds the seeded spouse/child/parent/self relations: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${tp}/${found.length} suggested, ${truth.size} true)`, () => {
    expect(truth.size).toBe(55);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
  it('never suggests a decoy: near-miss relatives, another province, a namesake elsewhere', () => {
    const decoys = found.filter((s) => /^[dx]/.test(s.employeeId) || (Number(s.employeeId.slice(1)) >= 1000 && !truth.has(`${s.employeeId}:${s.candidateId}`)));
    const show = (id: string) => JSON.stringify(employees.find((e) => e.id === id));
    expect(decoys.map((d) => `${show(d.employeeId)} -> ${candidates.find((c) => c.id === d.candidateId)!.name} ${d.relation}`)).toEqual([]);
  });
  it('explains each suggestion and ranks declared relations first', () => {
    const declared = found.find((s) => s.reasons[0]!.code === 'DECLARED')!;
    expect(declared.score).toBe(0.95);
    expect(found[0]!.score).toBeGreaterThanOrEqual(found.at(-1)!.score);
    expect(found.every((s) => s.reasons.length > 0)).toBe(true);
  });
  it('a Pemkot of unrelated staff adds no suggestion (lookups by name, not every pair)', () => {
    const big = Array.from({ length: 24_000 }, (_v, i) => ({ id: `b${i}`, name: `Pegawai ${['Adi', 'Budi', 'Citra', 'Dewi'][i % 4]} ${i}`, regionCode: '32.75', relatives: [] }));
    expect(suggestConflicts([...employees, ...big], candidates)).toEqual(found);
  });
});

/**
 * The spellings Indonesian registries and KPU lists write for the same name (a declared relative as
 * the employee wrote it, the candidate as the list has it), and near misses beside them.
 */
const VARIANT_PAIRS: readonly [declared: string, listed: string][] = [
  ['Rizky Ramadhan', 'Rizki Ramadhan, S.T.'],
  ['Mohammad Iqbal Hakim', 'Muhammad Iqbal Hakim'],
  ['M. Syarif Hidayat', 'H. Muhammad Sarif Hidayat'],
  ['Moch. Taufiq Hidayat', 'Muhamad Taufik Hidayat, S.E.'],
  ['Yusup Maulana', 'Yusuf Maulana'],
  ["Ma'ruf Amin Siregar", 'KH. Maruf Amin Siregar'],
  ['Tb. Arief Rachman', 'Tubagus Arif Rahman'],
  ['Abd. Rahman Wahid', 'Abdul Rahman Wahid'],
  ['Achmad Fauzi Lubis', 'Ahmad Fauzi Lubis'],
  ['Djoko Susilo', 'Joko Susilo'],
  ['Soekarno Hadi', 'Sukarno Hadi'],
  ['Tjahjo Kumolo', 'Cahyo Kumolo'],
  ['Rizqi Amalia', 'Rizky Amalia'],
  ['Siti Ma’rufah', 'Siti Marufah'],
];
const VARIANT_NEAR_MISSES: readonly [declared: string, listed: string][] = [
  ['Putri Setiawan', 'Putri Setiawati'],
  ['Darto Wibowo', 'Darto Wiyono'],
  ['Hotman Sitompul', 'Hotman Parulian Sitompul'],
  ['Sulaiman Hadi', 'Sulaiman Effendi'],
  ['Muhammad Rizki', 'Muhammad Rizal'],
  ['Ahmad Fauzi', 'Ahmad Fauzan'],
  ['Yusuf Nugroho', 'Yusuf Nugraha'],
  ['M. Arifin', 'Marlina Arifin'],
  ['Tb. Hasan', 'Tb. Hasanah'],
  ['Putra Wijaya', 'Putri Wijaya'],
  ['Rizky Saputra', 'Rizky Saputri'],
  ['Abdul Rahman', 'Abdul Rahim'],
];

describe('Indonesian spelling variants of the same name', () => {
  const employees: MatchEmployee[] = [];
  const candidates: MatchCandidate[] = [];
  const truth = new Set<string>();
  [...VARIANT_PAIRS, ...VARIANT_NEAR_MISSES].forEach(([declared, listed], i) => {
    employees.push({ id: `v${i}`, name: `Pegawai Nomor ${'abcdefghijklmnopqrstuvwxyz'[i]}`, regionCode: '36.04', relatives: [{ kind: 'spouse', name: declared }] });
    candidates.push({ id: `l${i}`, name: listed, regionCode: '36.04' });
    if (i < VARIANT_PAIRS.length) truth.add(`v${i}:l${i}`);
  });
  const found = suggestConflicts(employees, candidates);
  const tp = found.filter((s) => truth.has(`${s.employeeId}:${s.candidateId}`)).length;
  const precision = found.length ? tp / found.length : 1;
  const recall = tp / truth.size;

  it(`finds each variant pair and no near miss: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${tp}/${found.length} suggested, ${truth.size} true)`, () => {
    const show = (s: { employeeId: string; candidateId: string }) => `${employees.find((e) => e.id === s.employeeId)!.relatives[0]!.name} -> ${candidates.find((c) => c.id === s.candidateId)!.name}`;
    expect(found.filter((s) => !truth.has(`${s.employeeId}:${s.candidateId}`)).map(show)).toEqual([]);
    const missed = VARIANT_PAIRS.filter((_p, i) => !found.some((s) => s.employeeId === `v${i}` && s.candidateId === `l${i}`));
    expect(missed).toEqual([]);
  });
});
