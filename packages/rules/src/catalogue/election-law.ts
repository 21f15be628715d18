import type { Bilingual, Sourced } from '../shared/types.ts';
import type { ElectionRegime } from '../elections/types.ts';
import type { ConductKind } from './types.ts';

export interface Penalty {
  /** 'penjara' = imprisonment; 'kurungan' = confinement (lighter custodial sentence). */
  readonly custody: 'penjara' | 'kurungan';
  readonly minMonths?: number;
  readonly maxMonths: number;
  readonly minFineRupiah?: number;
  readonly maxFineRupiah: number;
  /** 'and' = both; 'and_or' = either or both ("dan/atau"). */
  readonly combination: 'and' | 'and_or';
}

export interface ElectionArticle extends Sourced {
  /** e.g. "UU 7/2017 Pasal 494". */
  readonly id: string;
  readonly law: 'UU 7/2017' | 'UU 10/2016';
  readonly article: string;
  readonly summary: Bilingual;
  readonly penalty?: Penalty;
}

const UU7 = 'UU 7/2017';
const UU10 = 'UU 10/2016';
const article = (law: ElectionArticle['law'], number: string, summary: Bilingual, source: string, extra: Partial<ElectionArticle> = {}): ElectionArticle => ({
  id: `${law} Pasal ${number}`, law, article: number, summary, source, ...extra,
});

/** UU 7/2017 (Pemilu, as amended by Perppu 1/2022 -> UU 7/2023), domain.md §3.2, §4.1, §4.4. */
export const PEMILU_ARTICLES: readonly ElectionArticle[] = [
  article(UU7, '167(3)', { id: 'Pemungutan suara dilaksanakan pada hari libur atau hari yang diliburkan secara nasional', en: 'Voting is held on a holiday or a day declared a national holiday' }, 'UU 7/2017 Pasal 167(3) [S73]'),
  article(UU7, '276(1)', { id: 'Kampanye dimulai 25 hari setelah DCT (legislatif) dan 15 hari setelah penetapan paslon (presiden) sampai masa tenang', en: 'Campaign starts 25 days after the DCT (legislative) and 15 days after pair determination (presidential), until the quiet period' }, 'UU 7/2017 Pasal 276(1) as amended by Perppu 1/2022 [S71, S72]'),
  article(UU7, '280(2)', { id: 'Pelaksana/tim kampanye dilarang mengikutsertakan antara lain ASN (huruf f), kepala desa, perangkat desa dan anggota BPD', en: 'Campaign organisers/teams may not involve, among others, ASN (letter f), village heads, village officials and BPD members' }, 'UU 7/2017 Pasal 280(2) [S65, S66]'),
  article(UU7, '280(3)', { id: 'Orang sebagaimana dimaksud ayat (2) dilarang ikut serta sebagai pelaksana dan tim kampanye', en: 'The persons in paragraph (2) may not take part as implementers or members of a campaign team' }, 'UU 7/2017 Pasal 280(3) [S65, S67]'),
  article(UU7, '282', { id: 'Pejabat negara, pejabat struktural dan fungsional serta kepala desa dilarang membuat keputusan/tindakan yang menguntungkan atau merugikan peserta selama masa kampanye', en: 'State officials, structural and functional officials and village heads may not make decisions/actions benefiting or harming a participant during the campaign period' }, 'UU 7/2017 Pasal 282 [S66, S68]'),
  article(UU7, '283', { id: 'Pejabat negara, pejabat struktural/fungsional dan ASN lainnya dilarang mengadakan kegiatan yang mengarah pada keberpihakan kepada peserta sebelum, selama dan sesudah kampanye', en: 'State officials, structural/functional officials and other ASN may not hold activities leading to partisanship toward a participant before, during and after the campaign' }, 'UU 7/2017 Pasal 283(1)-(2) [S68, S69]'),
  article(UU7, '454', { id: 'Temuan dan laporan pelanggaran Pemilu; laporan paling lama 7 hari kerja sejak diketahui; kajian 7 hari, dapat diperpanjang sampai 14 hari kerja', en: 'Findings and reports; report within 7 working days of becoming known; review within 7 days, extendable to 14 working days' }, 'UU 7/2017 Pasal 454(4)-(8) [S13]'),
  article(UU7, '455', { id: 'Tindak lanjut: pelanggaran kode etik penyelenggara ke DKPP, pelanggaran administrasi, pelanggaran peraturan perundang-undangan lainnya ke instansi berwenang', en: 'Outcomes: organiser ethics to DKPP, administrative violation, breach of other laws forwarded to the competent authority' }, 'UU 7/2017 Pasal 455(1) [S13, S21, S82]'),
  article(UU7, '476', { id: 'Laporan dugaan tindak pidana Pemilu diteruskan Bawaslu kepada Kepolisian paling lama 1x24 jam', en: 'Suspected election crimes are forwarded by Bawaslu to the Police within 1x24 hours' }, 'UU 7/2017 Pasal 476(1)-(2) [S14]'),
  article(UU7, '477', { id: 'Penyelidikan, penyidikan, penuntutan dan pemeriksaan berdasarkan KUHAP kecuali ditentukan lain', en: 'Investigation, prosecution and trial follow KUHAP unless the law provides otherwise' }, 'UU 7/2017 Pasal 477 [S14]'),
  article(UU7, '479', { id: 'Penyelidik menyampaikan hasil penyelidikan kepada penyidik paling lama 1x24 jam', en: 'Inquiry results go to the investigator within 1x24 hours' }, 'UU 7/2017 Pasal 479 [S14]'),
  article(UU7, '480', { id: 'Penyidik menyampaikan berkas perkara kepada penuntut umum paling lama 14 hari sejak laporan diterima', en: 'Investigator files the case with the prosecutor within 14 days of receiving the report' }, 'UU 7/2017 Pasal 480 (14 days from secondary sources) [S14, S91]', { unconfirmed: true }),
  article(UU7, '481', { id: 'Penuntut umum melimpahkan berkas perkara kepada pengadilan negeri paling lama 5 hari', en: 'Prosecutor transfers the case to the district court within 5 days' }, 'UU 7/2017 Pasal 481 [S91]'),
  article(UU7, '482', { id: 'Pengadilan negeri memutus paling lama 7 hari; banding diajukan 3 hari, diputus 7 hari dan bersifat final', en: 'District court decides within 7 days; appeal filed within 3 days, decided within 7 days, final' }, 'UU 7/2017 Pasal 482 [S91]'),
  article(UU7, '490', { id: 'Kepala desa yang membuat keputusan/tindakan menguntungkan atau merugikan peserta selama masa kampanye', en: 'Village head making decisions/actions benefiting or harming a participant during the campaign' }, 'UU 7/2017 Pasal 490 [S65, S69]', {
    penalty: { custody: 'penjara', maxMonths: 12, maxFineRupiah: 12_000_000, combination: 'and' },
  }),
  article(UU7, '493', { id: 'Pelaksana dan/atau tim kampanye yang melanggar Pasal 280(2)', en: 'Campaign organiser/team breaching Pasal 280(2)' }, 'UU 7/2017 Pasal 493 [S65]', {
    penalty: { custody: 'kurungan', maxMonths: 12, maxFineRupiah: 12_000_000, combination: 'and' },
  }),
  article(UU7, '494', { id: 'ASN, anggota TNI/Polri, kepala desa, perangkat desa dan/atau anggota BPD yang melanggar Pasal 280(3)', en: 'ASN, TNI/Polri, village head, village officials or BPD members breaching Pasal 280(3)' }, 'UU 7/2017 Pasal 494 [S67, S69]', {
    penalty: { custody: 'kurungan', maxMonths: 12, maxFineRupiah: 12_000_000, combination: 'and' },
  }),
  article(UU7, '547', { id: 'Pejabat negara yang dengan sengaja membuat keputusan/tindakan yang menguntungkan atau merugikan peserta selama masa kampanye', en: 'State official deliberately making decisions/actions benefiting or harming a participant during the campaign' }, 'UU 7/2017 Pasal 547 [S68, S70]', {
    penalty: { custody: 'penjara', maxMonths: 36, maxFineRupiah: 36_000_000, combination: 'and' },
  }),
];

/** UU 10/2016 (Pilkada, amending UU 1/2015), domain.md §3.3, §4.2. */
export const PILKADA_ARTICLES: readonly ElectionArticle[] = [
  article(UU10, '70(1)', { id: 'Dalam kampanye, pasangan calon dilarang melibatkan pejabat BUMN/BUMD, ASN, anggota Polri dan TNI, serta kepala desa/lurah dan perangkat desa/kelurahan', en: 'In the campaign, a candidate pair may not involve BUMN/BUMD officials, ASN, Police and TNI members, or village heads/lurah and village officials' }, 'UU 10/2016 Pasal 70(1) [S16, S17]'),
  article(UU10, '70(3)-(4)', { id: 'Petahana wajib cuti di luar tanggungan negara selama kampanye dan dilarang menggunakan fasilitas jabatan', en: 'Incumbents must take unpaid leave during the campaign and may not use official facilities' }, 'UU 10/2016 Pasal 70(3)-(4) [S17]'),
  article(UU10, '71(1)', { id: 'Pejabat negara, pejabat daerah, pejabat ASN, anggota TNI/Polri dan kepala desa/lurah dilarang membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan pasangan calon', en: 'State officials, regional officials, ASN officials, TNI/Polri and village heads/lurah may not make decisions and/or actions benefiting or harming a candidate pair' }, 'UU 10/2016 Pasal 71(1) [S16, S18, S75]', {
    note: 'Whether limited to the campaign period is UNCONFIRMED; option electionLaw.pilkada71CampaignOnly.',
  }),
  article(UU10, '71(2)-(3)', { id: 'Larangan bagi petahana (penggantian pejabat, penggunaan program) dalam jangka waktu tertentu', en: 'Incumbent restrictions (replacing officials, using programmes) for a period' }, 'UU 10/2016 Pasal 71(2)-(3) [S76]', { unconfirmed: true }),
  article(UU10, '134', { id: 'Laporan pelanggaran Pemilihan paling lama 7 hari sejak diketahui/ditemukan; tindak lanjut 3 hari, tambahan keterangan 2 hari', en: 'Reports within 7 days of becoming known/found; follow-up within 3 days, further information within 2 more days' }, 'UU 10/2016 Pasal 134(3)-(6) [S27, S84]'),
  article(UU10, '187A', { id: 'Politik uang', en: 'Money politics' }, 'UU 10/2016 Pasal 187A [S16]', {
    penalty: { custody: 'penjara', minMonths: 36, maxMonths: 72, minFineRupiah: 200_000_000, maxFineRupiah: 1_000_000_000, combination: 'and' },
  }),
  article(UU10, '188', { id: 'Pejabat negara, pejabat ASN dan kepala desa/lurah yang dengan sengaja melanggar Pasal 71', en: 'State official, ASN official or village head/lurah deliberately breaching Pasal 71' }, 'UU 10/2016 Pasal 188 [S16, S18, S75]', {
    penalty: { custody: 'penjara', minMonths: 1, maxMonths: 6, minFineRupiah: 600_000, maxFineRupiah: 6_000_000, combination: 'and_or' },
  }),
  article(UU10, '189', { id: 'Calon gubernur/bupati/wali kota atau wakilnya yang dengan sengaja melibatkan pihak sebagaimana dimaksud Pasal 70(1)', en: 'A candidate deliberately involving the persons listed in Pasal 70(1)' }, 'UU 10/2016 Pasal 189 [S16, S75]', {
    penalty: { custody: 'penjara', minMonths: 1, maxMonths: 6, minFineRupiah: 600_000, maxFineRupiah: 6_000_000, combination: 'and' },
  }),
];

export const ELECTION_ARTICLES: readonly ElectionArticle[] = [...PEMILU_ARTICLES, ...PILKADA_ARTICLES];

export function findArticle(id: string): ElectionArticle | undefined {
  return ELECTION_ARTICLES.find((candidate) => candidate.id === id);
}

export type OffenceActor = 'ASN' | 'VILLAGE_HEAD';

/**
 * Which election-law offence a kind of conduct can meet, for whom, and when. Election crimes
 * need the legal element to exist on the incident date: participants determined, and for some
 * articles the campaign period (domain.md §6.3 "Derived rule").
 */
export interface OffenceLink extends Sourced {
  readonly id: string;
  readonly regime: ElectionRegime;
  readonly conductKinds: readonly ConductKind[];
  readonly actors: readonly OffenceActor[];
  /** Prohibition article id(s). */
  readonly prohibits: readonly string[];
  /** Penalty article id. */
  readonly penalisedBy: string;
  /**
   * Who is criminally liable: the actor, the candidate pair who involved them (Pilkada 189), or the
   * campaign organiser/team who involved them (Pemilu 280(2) -> 493).
   */
  readonly liable: 'actor' | 'candidate_pair' | 'campaign_organiser';
  readonly requires: 'participants' | 'campaign_period';
}

const CAMPAIGN_CONDUCT: readonly ConductKind[] = ['campaign_involvement', 'campaign_team'];

export const OFFENCE_LINKS: readonly OffenceLink[] = [
  // UU 7/2017: an ASN is criminally liable for being part of a campaign team (280(3) -> 494); being
  // involved in a campaign (attending, joining) is the organiser's offence (280(2) -> 493), and the
  // ASN's conduct is handled as a breach of neutrality (domain.md §3.2 note)
  {
    id: 'pemilu_campaign_team', regime: 'pemilu', conductKinds: ['campaign_team'], actors: ['ASN', 'VILLAGE_HEAD'],
    prohibits: ['UU 7/2017 Pasal 280(3)'], penalisedBy: 'UU 7/2017 Pasal 494', liable: 'actor',
    requires: 'participants', source: 'UU 7/2017 Pasal 280(3), 494; domain.md §3.2 note [S65, S67, S69, S74]',
  },
  {
    id: 'pemilu_campaign_involvement', regime: 'pemilu', conductKinds: ['campaign_involvement'], actors: ['ASN', 'VILLAGE_HEAD'],
    prohibits: ['UU 7/2017 Pasal 280(2)'], penalisedBy: 'UU 7/2017 Pasal 493', liable: 'campaign_organiser',
    requires: 'campaign_period', source: 'UU 7/2017 Pasal 280(2), 493; domain.md §3.2 [S65, S66]',
  },
  {
    id: 'pemilu_village_head_decisions', regime: 'pemilu', conductKinds: ['partisan_decisions'], actors: ['VILLAGE_HEAD'],
    prohibits: ['UU 7/2017 Pasal 282'], penalisedBy: 'UU 7/2017 Pasal 490', liable: 'actor',
    requires: 'campaign_period', source: 'UU 7/2017 Pasal 282, 490 [S65, S66, S68]',
  },
  {
    id: 'pilkada_campaign_involvement', regime: 'pilkada', conductKinds: CAMPAIGN_CONDUCT, actors: ['ASN', 'VILLAGE_HEAD'],
    prohibits: ['UU 10/2016 Pasal 70(1)'], penalisedBy: 'UU 10/2016 Pasal 189', liable: 'candidate_pair',
    requires: 'campaign_period', source: 'UU 10/2016 Pasal 70(1), 189; domain.md §3.3 note [S16, S17, S75]',
  },
  {
    id: 'pilkada_decisions', regime: 'pilkada', conductKinds: ['partisan_decisions'], actors: ['ASN', 'VILLAGE_HEAD'],
    prohibits: ['UU 10/2016 Pasal 71(1)'], penalisedBy: 'UU 10/2016 Pasal 188', liable: 'actor',
    requires: 'participants', source: 'UU 10/2016 Pasal 71(1), 188 [S16, S18, S75]',
    note: 'The campaign-period limit of 71(1) is UNCONFIRMED; option electionLaw.pilkada71CampaignOnly switches `requires` to campaign_period.',
  },
];
