import type { Bilingual } from '../shared/types.ts';
import { isWithinRegion, parseRegionCode } from '../regions/region-code.ts';
import type { ContestLevel, Election, ParticipantKind } from './types.ts';

/** The KPU lists the candidate import reads, and the participants each one names. */
export type KpuListKind = 'party' | 'legislative' | 'pair';
const PARTICIPANTS: Readonly<Record<KpuListKind, ParticipantKind>> = { party: 'parties', legislative: 'legislative_candidates', pair: 'pairs' };
const LIST_NAMES: Readonly<Record<KpuListKind, Bilingual>> = {
  party: { id: 'daftar partai politik', en: 'party list' },
  legislative: { id: 'daftar calon legislatif (DCT)', en: 'legislative candidate list (DCT)' },
  pair: { id: 'daftar pasangan calon', en: 'candidate pair list' },
};

/**
 * Why the election takes no list of this kind (null: it does). Read from the election's data: a list
 * names the participants one of its stages determines (Pilkada 2024 determines pairs only, so a DCT of
 * legislative candidates or a party list is not one of its lists).
 */
export function listKindRefusal(election: Election, kind: KpuListKind): Bilingual | null {
  if (election.stages.some((s) => s.role === 'participants' && s.participantKind === PARTICIPANTS[kind])) return null;
  return {
    id: `${election.name.id} tidak memiliki ${LIST_NAMES[kind].id}: periksa pemilihan yang dipilih`,
    en: `${election.name.en} has no ${LIST_NAMES[kind].en}: check the election chosen`,
  };
}

const LEVEL_NAMES: Readonly<Record<ContestLevel, Bilingual>> = {
  national: { id: 'nasional (kode wilayah kosong)', en: 'national (empty region code)' },
  province: { id: 'provinsi (mis. 32)', en: 'province (e.g. 32)' },
  regency_city: { id: 'kabupaten/kota (mis. 32.75)', en: 'regency/city (e.g. 32.75)' },
};

/**
 * Why a pair with this region code is not a contest of the election (null: it is). A pair runs in one of
 * the election's contests: at the contest's level (national: no region code, the presidential pairs of a
 * general election; province: a governor's pair; regency/city: a regent's or mayor's pair) and in a region
 * where the contest is held (not the DIY governor, not Jakarta's administrative cities).
 */
export function pairRegionRefusal(election: Election, regionCode: string | undefined): Bilingual | null {
  const parsed = regionCode ? parseRegionCode(regionCode) : null;
  const level: ContestLevel | null = !regionCode ? 'national' : parsed?.ok && (parsed.region.level === 'province' || parsed.region.level === 'regency_city') ? parsed.region.level : null;
  const contests = election.contests.filter((c) => c.level === level);
  const levels = [...new Set(election.contests.map((c) => c.level))].map((l) => LEVEL_NAMES[l]);
  if (!contests.length)
    return {
      id: `${election.name.id} tidak memiliki pasangan calon ${regionCode ? `di wilayah ${regionCode}` : 'nasional'}: pasangan calonnya berwilayah ${levels.map((l) => l.id).join(' atau ')}`,
      en: `${election.name.en} has no ${regionCode ? `pair for region ${regionCode}` : 'national pair'}: its pairs run at ${levels.map((l) => l.en).join(' or ')} level`,
    };
  const excluded = contests.flatMap((c) => c.excludedRegions).find((e) => isWithinRegion(regionCode ?? '', e.prefix));
  if (excluded && regionCode) return { id: `${excluded.reason.id} (${regionCode})`, en: `${excluded.reason.en} (${regionCode})` };
  return null;
}
