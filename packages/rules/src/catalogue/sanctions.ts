import type { Bilingual, IsoDate, Sourced } from '../shared/types.ts';

export type SanctionRegime = 'pp42_2004_moral' | 'pp94_2021' | 'pp53_2010' | 'asn_law_ptdh' | 'non_asn_contract';
export type SanctionLevel = 'moral' | 'ringan' | 'sedang' | 'berat' | 'ptdh' | 'contract';

export interface SanctionForm extends Sourced {
  readonly id: string;
  readonly regime: SanctionRegime;
  readonly level: SanctionLevel;
  readonly name: Bilingual;
}

/** PP 42/2004 Pasal 15(1)-(3): moral sanction made in writing and declared by the PPK [S2, S3, S40]. */
export const MORAL_SANCTIONS: readonly SanctionForm[] = [
  {
    id: 'moral_closed', regime: 'pp42_2004_moral', level: 'moral',
    name: { id: 'Pernyataan secara tertutup', en: 'Closed statement (announced to a limited audience)' },
    source: 'PP 42/2004 Pasal 15(3) [S2, S3, S40]',
  },
  {
    id: 'moral_open', regime: 'pp42_2004_moral', level: 'moral',
    name: { id: 'Pernyataan secara terbuka', en: 'Open statement (announced publicly)' },
    source: 'PP 42/2004 Pasal 15(3) [S2, S3, S40]',
  },
];

const PP94 = 'PP 94/2021 Pasal 8';

/** PP 94/2021 Pasal 8 discipline ladder (PNS; PPPK per PP 49/2018 Pasal 52) [S5, S6]. */
export const PP94_SANCTIONS: readonly SanctionForm[] = [
  { id: 'pp94_oral_reprimand', regime: 'pp94_2021', level: 'ringan', name: { id: 'Teguran lisan', en: 'Oral reprimand' }, source: `${PP94}(2) [S5, S6]` },
  { id: 'pp94_written_reprimand', regime: 'pp94_2021', level: 'ringan', name: { id: 'Teguran tertulis', en: 'Written reprimand' }, source: `${PP94}(2) [S5, S6]` },
  {
    id: 'pp94_written_dissatisfaction', regime: 'pp94_2021', level: 'ringan',
    name: { id: 'Pernyataan tidak puas secara tertulis', en: 'Written statement of dissatisfaction' }, source: `${PP94}(2) [S5, S6]`,
  },
  {
    id: 'pp94_tukin_cut_6m', regime: 'pp94_2021', level: 'sedang',
    name: { id: 'Pemotongan tunjangan kinerja 25% selama 6 bulan', en: '25% cut of performance allowance for 6 months' }, source: `${PP94}(3) [S5, S6]`,
  },
  {
    id: 'pp94_tukin_cut_9m', regime: 'pp94_2021', level: 'sedang',
    name: { id: 'Pemotongan tunjangan kinerja 25% selama 9 bulan', en: '25% cut of performance allowance for 9 months' }, source: `${PP94}(3) [S5, S6]`,
  },
  {
    id: 'pp94_tukin_cut_12m', regime: 'pp94_2021', level: 'sedang',
    name: { id: 'Pemotongan tunjangan kinerja 25% selama 12 bulan', en: '25% cut of performance allowance for 12 months' }, source: `${PP94}(3) [S5, S6]`,
  },
  {
    id: 'pp94_demotion_12m', regime: 'pp94_2021', level: 'berat',
    name: { id: 'Penurunan jabatan setingkat lebih rendah selama 12 bulan', en: 'Demotion one level lower for 12 months' }, source: `${PP94}(4) [S5, S6]`,
  },
  {
    id: 'pp94_release_to_executor_12m', regime: 'pp94_2021', level: 'berat',
    name: { id: 'Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan', en: 'Release from position to an executor position for 12 months' },
    source: `${PP94}(4) [S5, S6]`,
  },
  {
    id: 'pp94_honourable_dismissal', regime: 'pp94_2021', level: 'berat',
    name: { id: 'Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS', en: 'Honourable dismissal not at own request' },
    source: `${PP94}(4) [S5, S6]`,
  },
];

/** PP 53/2010 ladder for incidents before PP 94/2021 took effect (domain.md §2.3) [S45]. */
export const PP53_SANCTIONS: readonly SanctionForm[] = [
  { id: 'pp53_pay_rise_deferral_1y', regime: 'pp53_2010', level: 'sedang', name: { id: 'Penundaan kenaikan gaji berkala selama 1 tahun', en: 'Deferral of periodic pay rise for 1 year' }, source: 'PP 53/2010 Pasal 7(3) [S45]' },
  { id: 'pp53_promotion_deferral_1y', regime: 'pp53_2010', level: 'sedang', name: { id: 'Penundaan kenaikan pangkat selama 1 tahun', en: 'Deferral of promotion for 1 year' }, source: 'PP 53/2010 Pasal 7(3) [S45]' },
  { id: 'pp53_rank_demotion_1y', regime: 'pp53_2010', level: 'sedang', name: { id: 'Penurunan pangkat setingkat lebih rendah selama 1 tahun', en: 'Demotion in rank for 1 year' }, source: 'PP 53/2010 Pasal 7(3) [S45]' },
  { id: 'pp53_rank_demotion_3y', regime: 'pp53_2010', level: 'berat', name: { id: 'Penurunan pangkat setingkat lebih rendah selama 3 tahun', en: 'Demotion in rank for 3 years' }, source: 'PP 53/2010 Pasal 7(4) [S45]' },
  { id: 'pp53_transfer_demotion', regime: 'pp53_2010', level: 'berat', name: { id: 'Pemindahan dalam rangka penurunan jabatan setingkat lebih rendah', en: 'Transfer for demotion' }, source: 'PP 53/2010 Pasal 7(4) [S45]' },
  { id: 'pp53_release_from_position', regime: 'pp53_2010', level: 'berat', name: { id: 'Pembebasan dari jabatan', en: 'Release from position' }, source: 'PP 53/2010 Pasal 7(4) [S45]' },
  { id: 'pp53_honourable_dismissal', regime: 'pp53_2010', level: 'berat', name: { id: 'Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS', en: 'Honourable dismissal not at own request' }, source: 'PP 53/2010 Pasal 7(4) [S45]' },
  { id: 'pp53_ptdh', regime: 'pp53_2010', level: 'berat', name: { id: 'Pemberhentian tidak dengan hormat sebagai PNS', en: 'Dishonourable dismissal (PTDH)' }, source: 'PP 53/2010 Pasal 7(4) [S45]' },
];

/** PTDH for party membership, by the ASN law in force on the incident date. */
export const PTDH_SANCTIONS: readonly (SanctionForm & { readonly validFrom: IsoDate; readonly validTo: IsoDate | null })[] = [
  {
    id: 'ptdh_uu5_2014', regime: 'asn_law_ptdh', level: 'ptdh', validFrom: '2014-01-15', validTo: '2023-10-30',
    name: { id: 'Pemberhentian tidak dengan hormat (PTDH)', en: 'Dishonourable dismissal (PTDH)' },
    source: 'UU 5/2014 Pasal 87(4) huruf c (revoked by UU 20/2023) [S22, S40]',
  },
  {
    id: 'ptdh_uu20_2023', regime: 'asn_law_ptdh', level: 'ptdh', validFrom: '2023-10-31', validTo: null,
    name: { id: 'Pemberhentian tidak dengan hormat (PTDH)', en: 'Dishonourable dismissal (PTDH)' },
    source: 'UU 20/2023 Pasal 52(3) huruf j and 52(4), promulgated 31 Oct 2023 [S23, S24, S25]',
  },
];

/** SE MenPANRB 01/2023 (3 Jan 2023): non-ASN (PPNPN) sanctions graded up to PHK per the work agreement [S11]. */
export const NON_ASN_CONTRACT_SANCTIONS: readonly SanctionForm[] = [
  {
    id: 'contract_graded', regime: 'non_asn_contract', level: 'contract',
    name: { id: 'Sanksi bertingkat sesuai perjanjian kerja tahunan', en: 'Graded sanction as provided in the annual work agreement' },
    source: 'SE MenPANRB 01/2023 [S11]',
  },
  {
    id: 'contract_termination', regime: 'non_asn_contract', level: 'contract',
    name: { id: 'Pemutusan hubungan kerja (PHK)', en: 'Termination of employment (PHK)' },
    source: 'SE MenPANRB 01/2023 [S11]',
  },
];

/** PP 94/2021 applies to acts on or after this date; earlier acts fall under PP 53/2010 [S4]. */
export const PP94_EFFECTIVE_DATE = { date: '2021-08-31', source: 'PP 94/2021, in force 31 Aug 2021 [S4]' } as const;
