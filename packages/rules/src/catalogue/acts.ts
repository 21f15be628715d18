import type { Act, DefaultSanction } from './types.ts';
import type { ElectionRegime } from '../elections/types.ts';

const SKB_2022 =
  'SKB MenPANRB 2/2022, Mendagri 800-5474/2022, Kepala BKN 246/2022, Ketua KASN 30/2022, Ketua Bawaslu 1447.1/PM.01/K.1/09/2022, Lampiran (matrix)';
const ETHICS_BASIS = 'PP 42/2004 Pasal 11 huruf c and Pasal 15(1)-(3) (sanksi moral)';
const DISCIPLINE_BASIS = 'PP 94/2021 Pasal 5 huruf n and Pasal 8 (PNS); PP 49/2018 Pasal 51-52 (PPPK)';

/** Code-of-ethics forms KE-1..KE-7 (domain.md §2.4 A). Sanction for all: sanksi moral. */
export const ETHICS_ACTS: readonly Act[] = [
  {
    code: 'KE-1', track: 'asn_ethics', conductKind: 'props', defaultSanction: 'moral', counterpart: 'D-1',
    conduct: {
      id: 'Memasang spanduk/baliho/alat peraga lainnya terkait bakal calon peserta Pemilu/Pemilihan',
      en: 'Putting up banners, billboards or other props relating to a prospective candidate/participant',
    },
    legalBasis: ETHICS_BASIS, source: `${SKB_2022} [S46, S47, S49]`,
  },
  {
    code: 'KE-2', track: 'asn_ethics', conductKind: 'online_promotion', defaultSanction: 'moral', counterpart: 'D-2',
    conduct: {
      id: 'Sosialisasi/kampanye media sosial/online bakal calon',
      en: 'Promoting/campaigning for a prospective candidate on social media or online',
    },
    legalBasis: ETHICS_BASIS, source: `${SKB_2022} [S46, S47, S50]`,
  },
  {
    code: 'KE-3', track: 'asn_ethics', conductKind: 'campaign_involvement', defaultSanction: 'moral', counterpart: 'D-4',
    conduct: {
      id: 'Menghadiri deklarasi/kampanye pasangan bakal calon dan memberikan tindakan atau dukungan secara aktif',
      en: 'Attending a declaration or campaign of a prospective pair and taking active supportive action',
    },
    legalBasis: ETHICS_BASIS, source: `${SKB_2022} [S46, S49]`,
  },
  {
    code: 'KE-4', track: 'asn_ethics', conductKind: 'online_engagement', defaultSanction: 'moral', counterpart: 'D-6',
    conduct: {
      id: 'Membuat posting, comment, share, like, bergabung/follow dalam grup/akun pemenangan bakal calon',
      en: 'Posting, commenting, sharing, liking, joining or following a winning-team group/account of a prospective candidate',
    },
    legalBasis: ETHICS_BASIS, source: `${SKB_2022} [S46, S50, S51]`,
  },
  {
    code: 'KE-5', track: 'asn_ethics', conductKind: 'partisan_photos', defaultSanction: 'moral', counterpart: 'D-7',
    conduct: {
      id: 'Memposting foto bersama bakal calon, tim sukses dengan simbol keberpihakan/atribut partai, atau alat peraga kampanye yang dapat diakses publik',
      en: 'Posting publicly accessible photos with a prospective candidate or campaign team showing partisan symbols, party attributes or campaign props',
    },
    legalBasis: ETHICS_BASIS, source: `${SKB_2022} [S46, S50]`,
  },
  {
    code: 'KE-6', track: 'asn_ethics', conductKind: 'campaign_involvement', defaultSanction: 'moral',
    conduct: {
      id: 'Ikut dalam kegiatan kampanye/sosialisasi/pengenalan bakal calon',
      en: 'Taking part in campaign / socialisation / introduction activities of a prospective candidate',
    },
    legalBasis: ETHICS_BASIS, source: `${SKB_2022} [S46, S47]`,
  },
  {
    code: 'KE-7', track: 'asn_ethics', conductKind: 'spouse_campaign', defaultSanction: 'moral',
    conduct: {
      id: 'Menghadiri deklarasi/kampanye bagi suami/istri calon yang tidak dalam status cuti di luar tanggungan negara (CLTN)',
      en: 'Attending a declaration/campaign for a spouse who is a candidate, when not on unpaid leave (CLTN)',
    },
    legalBasis: ETHICS_BASIS, source: `${SKB_2022} [S46, S49]`,
  },
];

/** Discipline forms D-1..D-13 (domain.md §2.4 B). */
export const DISCIPLINE_ACTS: readonly Act[] = [
  {
    code: 'D-1', track: 'asn_discipline', conductKind: 'props', defaultSanction: 'berat', counterpart: 'KE-1',
    conduct: { id: 'Memasang spanduk/baliho/alat peraga bakal calon', en: 'Putting up banners/billboards/props for a prospective candidate' },
    legalBasis: DISCIPLINE_BASIS, source: `${SKB_2022} [S46, S48]`,
  },
  {
    code: 'D-2', track: 'asn_discipline', conductKind: 'online_promotion', defaultSanction: 'berat', counterpart: 'KE-2',
    conduct: { id: 'Sosialisasi/kampanye media sosial/online bakal calon', en: 'Social-media/online promotion of a prospective candidate' },
    legalBasis: DISCIPLINE_BASIS, source: `${SKB_2022} [S46, S48]`,
  },
  {
    code: 'D-3', track: 'asn_discipline', conductKind: 'own_candidacy', defaultSanction: 'sedang',
    conduct: {
      id: 'Melakukan pendekatan ke partai politik (atau masyarakat bagi calon perseorangan) sebagai bakal calon tanpa CLTN',
      en: 'Approaching a party (or, for independents, the public) as a prospective candidate while not on CLTN',
    },
    legalBasis: DISCIPLINE_BASIS, source: `${SKB_2022} [S46, S48, S52]`,
  },
  {
    code: 'D-4', track: 'asn_discipline', conductKind: 'campaign_involvement', defaultSanction: 'berat', counterpart: 'KE-3',
    conduct: {
      id: 'Menghadiri deklarasi/kampanye pasangan bakal calon dan memberikan dukungan secara aktif',
      en: 'Attending a declaration/campaign of a prospective pair with active support',
    },
    legalBasis: DISCIPLINE_BASIS, source: `${SKB_2022} [S46, S48]`,
  },
  {
    code: 'D-5', track: 'asn_discipline', conductKind: 'party_membership', defaultSanction: 'ptdh',
    conduct: { id: 'Menjadi anggota dan/atau pengurus partai politik', en: 'Being a member and/or officer of a political party' },
    legalBasis: 'UU 5/2014 Pasal 87(4) huruf c; UU 20/2023 Pasal 52(3) huruf j and 52(4) (PTDH)',
    source: `${SKB_2022} [S46, S48, S22, S24, S25]`,
  },
  {
    code: 'D-6', track: 'asn_discipline', conductKind: 'online_engagement', defaultSanction: 'berat', counterpart: 'KE-4',
    conduct: {
      id: 'Membuat posting, comment, share, like, bergabung/follow grup/akun pemenangan bakal calon',
      en: 'Post/comment/share/like/join/follow a winning-team group/account',
    },
    legalBasis: DISCIPLINE_BASIS, source: `${SKB_2022} [S46, S48]`,
  },
  {
    code: 'D-7', track: 'asn_discipline', conductKind: 'partisan_photos', defaultSanction: 'berat', counterpart: 'KE-5',
    conduct: {
      id: 'Memposting foto bersama bakal calon/tim sukses dengan simbol keberpihakan/alat peraga yang dapat diakses publik',
      en: 'Posting public photos with a prospective candidate/team with partisan symbols or props',
    },
    legalBasis: DISCIPLINE_BASIS, source: `${SKB_2022} [S46, S48]`,
  },
  {
    code: 'D-8', track: 'asn_discipline', conductKind: 'partisan_activities', defaultSanction: 'sedang', unconfirmed: true,
    conduct: {
      id: 'Mengadakan kegiatan yang mengarah pada keberpihakan kepada partai politik atau (bakal) calon (pertemuan, ajakan, himbauan, seruan, pemberian barang) sebelum, selama dan sesudah masa kampanye',
      en: 'Holding activities leading to partisanship toward a party or (prospective) candidate (meetings, invitations, appeals, calls, gifts) before/during/after the campaign',
    },
    legalBasis: `${DISCIPLINE_BASIS}; UU 7/2017 Pasal 283`,
    source: `${SKB_2022} [S46, S52, S48]`,
    note: 'Level UNCONFIRMED: sedang per the KemenPANRB infographic (S46, S52), berat per Kompas (S48); option catalogue.d8SanctionLevel.',
  },
  {
    code: 'D-9', track: 'asn_discipline', conductKind: 'campaign_team_before', defaultSanction: 'berat', unconfirmed: true,
    conduct: {
      id: 'Menjadi tim ahli/tim pemenangan/konsultan (atau sebutan lain) partai politik atau bakal calon sebelum penetapan peserta',
      en: 'Being an expert/winning-team member/consultant (or similar) for a party or prospective candidate before participants are determined',
    },
    legalBasis: DISCIPLINE_BASIS, source: `${SKB_2022} [S46, S52]`,
    note: 'Split from D-10 UNCONFIRMED (the infographic merges them); option catalogue.d9d10.',
  },
  {
    code: 'D-10', track: 'asn_discipline', conductKind: 'campaign_team', defaultSanction: 'berat', unconfirmed: true,
    conduct: {
      id: 'Menjadi tim ahli/tim pemenangan/konsultan (atau sebutan lain) setelah penetapan peserta',
      en: 'Being an expert/winning-team member/consultant (or similar) after participants are determined',
    },
    legalBasis: `${DISCIPLINE_BASIS}; UU 7/2017 Pasal 280(2) huruf f and 280(3)`, source: `${SKB_2022} [S46, S52]`,
    note: 'Split from D-9 UNCONFIRMED; option catalogue.d9d10.',
  },
  {
    code: 'D-11', track: 'asn_discipline', conductKind: 'independent_support', defaultSanction: 'berat',
    conduct: {
      id: 'Memberikan dukungan kepada bakal calon perseorangan (kepala daerah/DPD) dengan surat dukungan atau mengumpulkan fotokopi KTP/surat keterangan penduduk',
      en: 'Supporting an independent prospective candidate (regional head / DPD) by signing a support letter or collecting KTP copies / residence certificates',
    },
    legalBasis: `${DISCIPLINE_BASIS} (angka 7)`, source: `${SKB_2022} [S46, S52]`,
  },
  {
    code: 'D-12', track: 'asn_discipline', conductKind: 'partisan_decisions', defaultSanction: 'berat',
    conduct: {
      id: 'Membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan partai politik atau (bakal) calon',
      en: 'Making decisions/actions that benefit or harm a party or (prospective) candidate',
    },
    legalBasis: `${DISCIPLINE_BASIS} (angka 5); UU 7/2017 Pasal 282; UU 10/2016 Pasal 71(1)`, source: `${SKB_2022} [S46, S52]`,
  },
  {
    code: 'D-13', track: 'asn_discipline', conductKind: 'other', defaultSanction: 'satgas',
    conduct: {
      id: 'Dugaan pelanggaran lain yang tidak tercantum dalam matriks (dibahas dan diputuskan oleh Satgas)',
      en: 'Any other suspected violation not in the matrix (discussed and decided by the Satgas)',
    },
    legalBasis: `${SKB_2022} (catch-all)`, source: `${SKB_2022} [S51]`,
  },
];

export interface CatalogueOptions {
  /** D-8 level: UNCONFIRMED (sedang per S46/S52, berat per S48). Default 'sedang'. */
  readonly d8SanctionLevel?: Extract<DefaultSanction, 'sedang' | 'berat'>;
  /** D-9/D-10 split: UNCONFIRMED (the infographic merges them). Default 'split'. */
  readonly d9d10?: 'split' | 'merged';
}

/** The act catalogue with the configurable items applied. */
export function catalogueActs(options: CatalogueOptions = {}): readonly Act[] {
  const d8 = options.d8SanctionLevel ?? 'sedang';
  const merged = options.d9d10 === 'merged';
  return [...ETHICS_ACTS, ...DISCIPLINE_ACTS].map((act): Act => {
    if (act.code === 'D-8') return { ...act, defaultSanction: d8 };
    if (merged && act.code === 'D-9') {
      return {
        ...act,
        conductKind: 'campaign_team',
        conduct: {
          id: 'Menjadi tim ahli/tim pemenangan/konsultan (atau sebutan lain) partai politik atau (bakal) calon, sebelum maupun setelah penetapan peserta',
          en: 'Being an expert/winning-team member/consultant (or similar) for a party or (prospective) candidate, before or after participants are determined',
        },
        legalBasis: `${act.legalBasis}; UU 7/2017 Pasal 280(2) huruf f and 280(3)`,
      };
    }
    if (merged && act.code === 'D-10') return { ...act, mergedInto: 'D-9' };
    return act;
  });
}

export function findAct(code: string, options: CatalogueOptions = {}): Act | undefined {
  const act = catalogueActs(options).find((candidate) => candidate.code === code);
  if (act?.mergedInto) return catalogueActs(options).find((candidate) => candidate.code === act.mergedInto);
  return act;
}

export const ACT_CODES: readonly string[] = [...ETHICS_ACTS, ...DISCIPLINE_ACTS].map((act) => act.code);

/** The election law of each regime: UU 7/2017 governs the Pemilu, UU 10/2016 the Pilkada (domain.md §6.3: Pasal 283 is n/a for Pilkada, which uses 71). */
const ELECTION_LAW: Readonly<Record<ElectionRegime, string>> = { pemilu: 'UU 7/2017', pilkada: 'UU 10/2016' };

/**
 * An act's legal basis for one election: the ASN law as it stands, and only the election law of that
 * election's regime (a Pilkada incident is not measured against UU 7/2017, nor a Pemilu one against UU 10/2016).
 */
export function legalBasisFor(act: Act, regime: ElectionRegime): string {
  const other = Object.entries(ELECTION_LAW).filter(([r]) => r !== regime).map(([, law]) => law);
  return act.legalBasis.split(';').map((part) => part.trim()).filter((part) => !other.some((law) => part.startsWith(law))).join('; ');
}
