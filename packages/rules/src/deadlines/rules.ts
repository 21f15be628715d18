import type { Bilingual, Sourced } from '../shared/types.ts';

export type CountingBasis = 'calendar' | 'working';

/** Events a deadline can count from; they come from the case record. */
export type DeadlineEvent =
  | 'known' // the date the suspected violation became known (incident date if not given)
  | 'receipt' // report received by Bawaslu
  | 'registration' // report registered after the initial review
  | 'completion_requested' // the reporter was asked to complete the report
  | 'gakkumdu_declaration' // Gakkumdu declares a suspected election crime
  | 'police_receipt' // police receive the report
  | 'prosecutor_receipt' // the investigator's file reaches the prosecutor
  | 'file_returned' // prosecutor returns an incomplete file
  | 'court_transfer' // case transferred to the district court
  | 'judgment' // district court judgment
  | 'appeal_filed'
  | 'recommendation'; // civil-service authority's sanction recommendation to the PPK

export type DeadlineRegime = 'pemilu' | 'pilkada' | 'civil_service';
export type DeadlineTrack = 'report' | 'bawaslu' | 'gakkumdu' | 'civil_service';

export interface DeadlineRule extends Sourced {
  readonly id: string;
  readonly regime: DeadlineRegime;
  readonly track: DeadlineTrack;
  readonly name: Bilingual;
  readonly days: number;
  readonly basis: CountingBasis;
  /**
   * Count from a case event, or from the due date of another rule (latest-possible chain) unless the
   * event that step ends with (`recorded`) is on the case: then from that actual date.
   */
  readonly from: { readonly event: DeadlineEvent } | { readonly rule: string; readonly recorded?: DeadlineEvent };
  /** True when the counting basis (calendar vs working days) is not settled by the source. */
  readonly basisUnconfirmed?: boolean;
  /** A deadline for the public (filing a report): the last day ends when the office closes, not at 23:59. */
  readonly endsAtOfficeClose?: boolean;
}

const UU7 = 'UU 7/2017';
const PERBAWASLU_7 = 'Perbawaslu 7/2022';
const UU10 = 'UU 10/2016';

/** Deadline rules as data (domain.md §4.1, §4.2, §4.4, §5.1, §10). */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  // Pemilu: Bawaslu handling (UU 7/2017 Pasal 454; Perbawaslu 7/2022)
  {
    id: 'pemilu.report', regime: 'pemilu', track: 'report', days: 7, basis: 'working', basisUnconfirmed: true, endsAtOfficeClose: true,
    name: { id: 'Batas waktu penyampaian laporan', en: 'Deadline to report' },
    from: { event: 'known' },
    source: `${UU7} Pasal 454(6) ("7 hari kerja"); ${PERBAWASLU_7} Pasal 8(3) ("7 Hari") [S13, S19, S20, S78]`,
    note: 'Counting basis UNCONFIRMED (UU says working days, Perbawaslu says "Hari"); default working days.',
  },
  {
    id: 'pemilu.finding', regime: 'pemilu', track: 'bawaslu', days: 7, basis: 'working', basisUnconfirmed: true,
    name: { id: 'Penetapan temuan', en: 'Establishing a finding' },
    from: { event: 'known' },
    source: `${UU7} Pasal 454(5): a finding (temuan) is set within 7 days of its discovery [S13]`,
    note: 'Counting basis UNCONFIRMED; default working days, like the report deadline of 454(6).',
  },
  {
    id: 'pemilu.initial_review', regime: 'pemilu', track: 'bawaslu', days: 2, basis: 'working', basisUnconfirmed: true,
    name: { id: 'Kajian awal', en: 'Initial review' },
    from: { event: 'receipt' },
    source: `${PERBAWASLU_7} Pasal 15(1) [S20, S21]`,
  },
  {
    id: 'pemilu.completion_notice', regime: 'pemilu', track: 'bawaslu', days: 1, basis: 'working', basisUnconfirmed: true,
    name: { id: 'Pemberitahuan kelengkapan laporan kepada pelapor', en: 'Notice to the reporter to complete the report' },
    from: { rule: 'pemilu.initial_review' },
    source: `${PERBAWASLU_7} (reporter notified 1 day after the initial review) [S21]`,
  },
  {
    id: 'pemilu.completion', regime: 'pemilu', track: 'bawaslu', days: 2, basis: 'working', basisUnconfirmed: true, unconfirmed: true,
    name: { id: 'Batas waktu pelapor melengkapi laporan', en: 'Deadline for the reporter to complete the report' },
    from: { event: 'completion_requested' },
    source: 'Perbawaslu 7/2022 (incomplete reports are not registered if not completed in time); the number of days is not in domain.md §4.1 — default 2 working days, configurable [S21]',
  },
  {
    id: 'pemilu.review', regime: 'pemilu', track: 'bawaslu', days: 7, basis: 'working', basisUnconfirmed: true,
    name: { id: 'Kajian dan tindak lanjut', en: 'Review and follow-up' },
    from: { event: 'registration' },
    source: `${UU7} Pasal 454(7) [S13]`,
  },
  {
    id: 'pemilu.review_extended', regime: 'pemilu', track: 'bawaslu', days: 14, basis: 'working',
    name: { id: 'Kajian dengan keterangan tambahan (perpanjangan)', en: 'Review with additional information (extension)' },
    from: { event: 'registration' },
    source: `${UU7} Pasal 454(8) ("14 hari kerja") [S13]`,
  },
  {
    id: 'pemilu.forwarding', regime: 'pemilu', track: 'bawaslu', days: 0, basis: 'calendar',
    name: { id: 'Penerusan kepada instansi berwenang (hasil kajian)', en: 'Forwarding to the competent authority (review outcome)' },
    from: { rule: 'pemilu.review' },
    source: `${UU7} Pasal 455(1) [S13, S21, S82]`,
    note: 'No separate statutory period: forwarding is the outcome of the review, so it is due with it (later if the review is extended).',
  },
  // Pemilu: Gakkumdu (UU 7/2017 Pasal 476-482)
  {
    id: 'pemilu.gakkumdu.police_forwarding', regime: 'pemilu', track: 'gakkumdu', days: 1, basis: 'calendar',
    name: { id: 'Penerusan laporan dugaan tindak pidana kepada Kepolisian (1x24 jam)', en: 'Forwarding a suspected crime to the Police (1x24 hours)' },
    from: { event: 'gakkumdu_declaration' },
    source: `${UU7} Pasal 476(1)-(2) [S14]`, note: '1x24 hours is modelled as the end of the next day.',
  },
  {
    id: 'pemilu.gakkumdu.inquiry_to_investigator', regime: 'pemilu', track: 'gakkumdu', days: 1, basis: 'calendar',
    name: { id: 'Hasil penyelidikan kepada penyidik (1x24 jam)', en: 'Inquiry results to the investigator (1x24 hours)' },
    from: { event: 'police_receipt' }, source: `${UU7} Pasal 479 [S14]`,
  },
  {
    id: 'pemilu.gakkumdu.investigation', regime: 'pemilu', track: 'gakkumdu', days: 14, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Penyidik menyampaikan berkas perkara kepada penuntut umum', en: 'Investigator files the case with the prosecutor' },
    from: { event: 'police_receipt' }, unconfirmed: true,
    source: `${UU7} Pasal 480 (14 days per secondary sources) [S14, S91]`,
  },
  {
    id: 'pemilu.gakkumdu.prosecution', regime: 'pemilu', track: 'gakkumdu', days: 5, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Penuntut umum melimpahkan perkara ke pengadilan negeri', en: 'Prosecutor transfers the case to the district court' },
    from: { rule: 'pemilu.gakkumdu.investigation', recorded: 'prosecutor_receipt' }, source: `${UU7} Pasal 481 [S91]`,
  },
  {
    id: 'pemilu.gakkumdu.judgment', regime: 'pemilu', track: 'gakkumdu', days: 7, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Putusan pengadilan negeri', en: 'District court judgment' },
    from: { event: 'court_transfer' }, source: `${UU7} Pasal 482 [S91]`,
  },
  {
    id: 'pemilu.gakkumdu.appeal_filing', regime: 'pemilu', track: 'gakkumdu', days: 3, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Pengajuan banding', en: 'Filing an appeal' },
    from: { event: 'judgment' }, source: `${UU7} Pasal 482 [S91]`,
  },
  {
    id: 'pemilu.gakkumdu.appeal_judgment', regime: 'pemilu', track: 'gakkumdu', days: 7, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Putusan pengadilan tinggi (final)', en: 'High Court judgment (final)' },
    from: { event: 'appeal_filed' }, source: `${UU7} Pasal 482 [S91]`,
  },
  // Pilkada: Bawaslu handling (UU 10/2016 Pasal 134; Perbawaslu 8/2020 jo. 9/2024)
  {
    id: 'pilkada.report', regime: 'pilkada', track: 'report', days: 7, basis: 'calendar', basisUnconfirmed: true, endsAtOfficeClose: true,
    name: { id: 'Batas waktu penyampaian laporan', en: 'Deadline to report' },
    from: { event: 'known' }, source: `${UU10} Pasal 134(4) [S27, S84]`,
  },
  {
    id: 'pilkada.review', regime: 'pilkada', track: 'bawaslu', days: 3, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Kajian dan tindak lanjut', en: 'Review and follow-up' },
    from: { event: 'receipt' }, source: `${UU10} Pasal 134(5); Perbawaslu 8/2020 jo. 9/2024 [S27, S84, S85]`,
  },
  {
    id: 'pilkada.review_extended', regime: 'pilkada', track: 'bawaslu', days: 2, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Tambahan keterangan dari pelapor (perpanjangan)', en: 'Further information from the reporter (extension)' },
    from: { rule: 'pilkada.review' }, source: `${UU10} Pasal 134(6) [S27, S84]`,
  },
  {
    id: 'pilkada.forwarding', regime: 'pilkada', track: 'bawaslu', days: 0, basis: 'calendar',
    name: { id: 'Penerusan kepada instansi berwenang (hasil kajian)', en: 'Forwarding to the competent authority (review outcome)' },
    from: { rule: 'pilkada.review' }, source: `${UU10} Pasal 134; Perbawaslu 8/2020 jo. 9/2024 [S28, S85]`,
    note: 'No separate statutory period: forwarding is the outcome of the review.',
  },
  // Pilkada: Gakkumdu (Bawaslu guidance 2024; joint regulation 2020)
  {
    id: 'pilkada.gakkumdu.initial_review', regime: 'pilkada', track: 'gakkumdu', days: 2, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Kajian awal Gakkumdu setelah penerimaan Form A.1', en: 'Gakkumdu initial review after Form A.1 intake' },
    from: { event: 'receipt' }, source: 'Peraturan Bersama Gakkumdu 2020 [S92]',
  },
  {
    id: 'pilkada.gakkumdu.investigation', regime: 'pilkada', track: 'gakkumdu', days: 14, basis: 'working',
    name: { id: 'Penyidikan dan penyerahan berkas kepada penuntut umum', en: 'Investigation and filing with the prosecutor' },
    from: { event: 'police_receipt' }, source: 'Bawaslu Gakkumdu guidance 2024 ("14 hari kerja") [S91, S92]',
  },
  {
    id: 'pilkada.gakkumdu.file_return', regime: 'pilkada', track: 'gakkumdu', days: 3, basis: 'working',
    name: { id: 'Pengembalian berkas yang belum lengkap oleh penuntut umum', en: 'Prosecutor returns an incomplete file' },
    from: { rule: 'pilkada.gakkumdu.investigation', recorded: 'prosecutor_receipt' }, source: 'Bawaslu Gakkumdu guidance 2024 [S91, S92]',
  },
  {
    id: 'pilkada.gakkumdu.file_resubmission', regime: 'pilkada', track: 'gakkumdu', days: 3, basis: 'working',
    name: { id: 'Penyidik menyerahkan kembali berkas', en: 'Police resubmit the file' },
    from: { event: 'file_returned' }, source: 'Bawaslu Gakkumdu guidance 2024 [S91, S92]',
  },
  {
    id: 'pilkada.gakkumdu.prosecution', regime: 'pilkada', track: 'gakkumdu', days: 5, basis: 'working',
    name: { id: 'Penuntut umum melimpahkan perkara ke pengadilan negeri', en: 'Prosecutor transfers the case to the district court' },
    from: { rule: 'pilkada.gakkumdu.investigation', recorded: 'prosecutor_receipt' }, source: 'Bawaslu Gakkumdu guidance 2024 ("5 hari kerja") [S91, S92]',
  },
  {
    id: 'pilkada.gakkumdu.judgment', regime: 'pilkada', track: 'gakkumdu', days: 7, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Putusan pengadilan negeri', en: 'District court judgment' },
    from: { event: 'court_transfer' }, source: 'Bawaslu Gakkumdu guidance 2024 [S91]',
  },
  {
    id: 'pilkada.gakkumdu.appeal_filing', regime: 'pilkada', track: 'gakkumdu', days: 3, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Pengajuan banding', en: 'Filing an appeal' },
    from: { event: 'judgment' }, source: 'Bawaslu Gakkumdu guidance 2024 [S91]',
  },
  {
    id: 'pilkada.gakkumdu.appeal_judgment', regime: 'pilkada', track: 'gakkumdu', days: 7, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Putusan pengadilan tinggi (final)', en: 'High Court judgment (final)' },
    from: { event: 'appeal_filed' }, source: 'Bawaslu Gakkumdu guidance 2024 [S91]',
  },
  // Civil service (domain.md §5.1)
  {
    id: 'civil_service.ppk_follow_up', regime: 'civil_service', track: 'civil_service', days: 14, basis: 'calendar', basisUnconfirmed: true,
    name: { id: 'Tindak lanjut PPK atas rekomendasi', en: 'PPK acts on the recommendation' },
    from: { event: 'recommendation' }, unconfirmed: true,
    source: 'Commonly cited 14 days; no primary source found (domain.md §5.1, §11 item 6) [S40, S61]',
  },
];

/** Per-rule changes: days and/or counting basis (for UNCONFIRMED items and regulator updates). */
export type DeadlineOverrides = Readonly<Record<string, { readonly days?: number; readonly basis?: CountingBasis }>>;

export function deadlineRules(overrides: DeadlineOverrides = {}): readonly DeadlineRule[] {
  return DEADLINE_RULES.map((rule) => {
    const change = overrides[rule.id];
    if (!change) return rule;
    return { ...rule, days: change.days ?? rule.days, basis: change.basis ?? rule.basis };
  });
}
