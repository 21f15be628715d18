/**
 * Reporters rarely know a NIP: they write "pak camat Bekasi Barat" or "Bu Kartika dinas
 * pendidikan". This turns such text into search terms (a name part, position words, place
 * words) and ranks candidate employees with reasons. Pure.
 */
import { NAME_TITLES, jaroWinkler } from '../../registry/domain/name-similarity.ts';
/** Forms of address reporters use ("pak camat", "bu Kartika") and the titles around names. */
const HONORIFICS = new Set(['pak', 'bapak', 'bu', 'ibu', 'sdr', 'sdri', 'saudara', 'saudari', 'mas', 'mbak', 'kang', 'teh', ...NAME_TITLES]);
const STOP = new Set(['yang', 'dan', 'di', 'ke', 'dari', 'kantor', 'pemerintah', 'pemkot', 'pemkab', 'kota', 'kabupaten', 'kab', 'asn', 'pns', 'pegawai', 'oknum', 'seorang', 'itu', 'ini']);
/** Position words and the registry text they match (jabatan / unit kinds). */
export const POSITION_WORDS: Readonly<Record<string, string[]>> = {
  camat: ['camat'], lurah: ['lurah'], kades: ['kepala desa'], sekda: ['sekretaris daerah'], sekcam: ['sekretaris camat'],
  kadis: ['kepala dinas', 'kepala'], kabid: ['kepala bidang'], kasi: ['kepala seksi'], guru: ['guru'], kepsek: ['kepala sekolah'],
  dokter: ['dokter'], perawat: ['perawat'], bidan: ['bidan'], staf: ['staf', 'pengadministrasi', 'analis'],
};

/** `nip`: the text is (the start of) an 18-digit NIP, which identifies a civil servant by itself. */
export type ParsedDescription = { positions: string[]; tokens: string[]; nip?: string };
const NIP_PART = /^\d{6,18}$/;

export const normalize = (s: string) =>
  s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9\s]/g, ' ').replace(/\s+/g, ' ').trim();

const TWO_WORD_POSITIONS = new Set(['kepala dinas', 'kepala bidang', 'kepala seksi', 'kepala sekolah', 'kepala desa', 'sekretaris daerah', 'sekretaris camat']);

/** Position words ("camat", "kepala dinas") and the remaining words (a name part or a place). */
export function parseDescription(text: string): ParsedDescription {
  const digits = text.replace(/[\s.-]/g, '');
  if (NIP_PART.test(digits)) return { positions: [], tokens: [], nip: digits };
  const words = normalize(text).split(' ').filter(Boolean);
  const positions: string[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const two = `${w} ${words[i + 1] ?? ''}`;
    if (TWO_WORD_POSITIONS.has(two)) {
      positions.push(two);
      i++;
    } else if (POSITION_WORDS[w]) positions.push(...POSITION_WORDS[w]);
    else if (!HONORIFICS.has(w) && !STOP.has(w) && w.length > 1) tokens.push(w);
  }
  return { positions, tokens };
}

export type Candidate = { id: string; name: string; position: string | null; unitPath: string | null; agencyName: string; nip?: string | null };

/**
 * Whether a position the reporter named fits the registry's: "camat" fits "Camat", and a "<head> <unit kind>"
 * such as "kepala dinas" also fits a plain "Kepala" whose own unit (the last part of its path) is a
 * "Dinas ...": registries often keep the head word and the unit apart ("Kepala" | "Dinas Pendidikan").
 */
export function positionFits(named: string, position: string | null, unitPath: string | null): boolean {
  const pos = normalize(position ?? '');
  if (pos.startsWith(named)) return true;
  const [head, ...rest] = named.split(' ');
  const ownUnit = normalize((unitPath ?? '').split('/').at(-1) ?? '');
  return rest.length > 0 && pos === head && `${ownUnit} `.startsWith(`${rest.join(' ')} `);
}

export function scoreCandidate(d: ParsedDescription, c: Candidate): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  let parts = 0;
  if (d.nip) return c.nip?.startsWith(d.nip) ? { score: 1, reasons: [`NIP: ${c.nip}`] } : { score: 0, reasons };
  if (d.positions.length) {
    parts++;
    if (d.positions.some((p) => positionFits(p, c.position, c.unitPath))) {
      score += 1;
      reasons.push(`jabatan: ${c.position}`);
    }
  }
  if (d.tokens.length) {
    parts++;
    const nameWords = normalize(c.name).split(' ').filter((w) => !HONORIFICS.has(w));
    const placeWords = new Set(normalize(`${c.unitPath ?? ''} ${c.agencyName}`).split(' '));
    let sum = 0;
    let nameHits = 0;
    let placeHits = 0;
    for (const t of d.tokens) {
      const name = Math.max(0, ...nameWords.map((w) => jaroWinkler(t, w)));
      const nameScore = name >= 0.8 ? name : 0;
      const placeScore = placeWords.has(t) ? 1 : 0;
      if (nameScore >= placeScore && nameScore > 0) nameHits++;
      else if (placeScore) placeHits++;
      sum += Math.max(nameScore, placeScore);
    }
    score += sum / d.tokens.length;
    if (nameHits) reasons.push(`nama mirip: ${c.name}`);
    if (placeHits) reasons.push(`unit: ${c.unitPath ?? c.agencyName}`);
  }
  return { score: parts ? score / parts : 0, reasons };
}

export function rankCandidates(text: string, candidates: readonly Candidate[], limit = 10) {
  const d = parseDescription(text);
  return candidates
    .map((c) => ({ ...c, ...scoreCandidate(d, c) }))
    .filter((c) => c.score > 0.5)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}
