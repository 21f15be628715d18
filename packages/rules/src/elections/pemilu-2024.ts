import type { Election } from './types.ts';

const PKPU_3_2022 = 'PKPU 3/2022 (tahapan dan jadwal Pemilu 2024)';

/** Pemilu 2024 (President/VP, DPR, DPD, DPRD) — domain.md §6.1 and §6.3. */
export const PEMILU_2024: Election = {
  id: 'pemilu-2024',
  kind: 'general',
  regime: 'pemilu',
  name: { id: 'Pemilihan Umum 2024', en: '2024 General Election' },
  source: `${PKPU_3_2022}; UU 7/2017 as amended by Perppu 1/2022 (UU 7/2023) [S108, S109, S12]`,
  stages: [
    {
      id: 'planning',
      name: { id: 'Perencanaan program dan anggaran serta penyusunan peraturan pelaksanaan', en: 'Programme and budget planning, implementing rules' },
      start: '2022-06-14', end: '2024-06-14', source: `${PKPU_3_2022} [S108]`,
    },
    {
      id: 'party_registration_verification',
      name: { id: 'Pendaftaran dan verifikasi partai politik calon peserta Pemilu', en: 'Party registration and verification' },
      start: '2022-07-29', end: '2022-12-13', source: `${PKPU_3_2022} [S108, S109]`,
    },
    {
      id: 'voter_data_updating',
      name: { id: 'Pemutakhiran data pemilih dan penyusunan daftar pemilih', en: 'Voter data updating and voter lists' },
      start: '2022-10-14', end: '2023-06-21', source: `${PKPU_3_2022} [S108, S109]`,
    },
    {
      id: 'seats_and_districts',
      name: { id: 'Penetapan jumlah kursi dan penetapan daerah pemilihan', en: 'Seats and electoral districts' },
      start: '2022-10-14', end: '2023-02-09', source: `${PKPU_3_2022} [S108]`,
    },
    {
      id: 'dpd_candidacy',
      name: { id: 'Pencalonan anggota DPD', en: 'DPD candidacy' },
      start: '2022-12-06', end: '2023-11-25', source: `${PKPU_3_2022} [S108]`,
    },
    {
      id: 'parties_determined',
      name: { id: 'Penetapan partai politik peserta Pemilu dan pengundian nomor urut', en: 'Parties determined as participants; party number draw' },
      start: '2022-12-14', end: '2022-12-14', role: 'participants', participantKind: 'parties',
      source: `${PKPU_3_2022}; KPU decision of 14 Dec 2022 [S108, S110]`,
    },
    {
      id: 'legislative_candidacy',
      name: { id: 'Pencalonan anggota DPR, DPRD provinsi dan DPRD kabupaten/kota', en: 'DPR/DPRD candidacy' },
      start: '2023-04-24', end: '2023-11-25', source: `${PKPU_3_2022} [S108, S111]`,
    },
    {
      id: 'presidential_candidacy',
      name: { id: 'Pencalonan presiden dan wakil presiden', en: 'Presidential candidacy' },
      start: '2023-10-19', end: '2023-11-25', source: `${PKPU_3_2022}; PKPU 19/2023 [S108, S113]`,
    },
    {
      id: 'presidential_registration',
      name: { id: 'Pendaftaran pasangan calon presiden dan wakil presiden', en: 'Presidential pair registration' },
      start: '2023-10-19', end: '2023-10-25', source: `PKPU 19/2023 [S113]`,
    },
    {
      id: 'dct_determined',
      name: { id: 'Penetapan daftar calon tetap (DCT) anggota DPR, DPD dan DPRD', en: 'Final candidate lists (DCT) determined' },
      start: '2023-11-03', end: '2023-11-03', role: 'participants', participantKind: 'legislative_candidates',
      source: 'KPU decision of 3 Nov 2023 (announced 4 Nov 2023) [S111, S112]',
    },
    {
      id: 'presidential_pairs_determined',
      name: { id: 'Penetapan pasangan calon presiden dan wakil presiden', en: 'Presidential pairs determined' },
      start: '2023-11-13', end: '2023-11-13', role: 'participants', participantKind: 'pairs',
      source: 'PKPU 19/2023 [S113]',
    },
    {
      id: 'presidential_number_draw',
      name: { id: 'Pengundian dan penetapan nomor urut pasangan calon', en: 'Presidential pair number draw' },
      start: '2023-11-14', end: '2023-11-14', source: 'PKPU 19/2023 [S113]',
    },
    {
      id: 'campaign',
      name: { id: 'Masa kampanye', en: 'Campaign period' },
      start: '2023-11-28', end: '2024-02-10', role: 'campaign',
      source: `${PKPU_3_2022}; UU 7/2017 Pasal 276(1) as amended by Perppu 1/2022 [S108, S114, S71]`,
    },
    {
      id: 'quiet_period',
      name: { id: 'Masa tenang', en: 'Quiet period' },
      start: '2024-02-11', end: '2024-02-13', role: 'quiet_period', source: `${PKPU_3_2022} [S108]`,
    },
    {
      id: 'voting',
      name: { id: 'Pemungutan suara', en: 'Voting day' },
      start: '2024-02-14', end: '2024-02-14', role: 'voting',
      source: `${PKPU_3_2022}; Keppres 10/2024 (national holiday) [S108, S73]`,
    },
    {
      id: 'counting',
      name: { id: 'Penghitungan suara', en: 'Vote counting' },
      start: '2024-02-14', end: '2024-02-15', source: `${PKPU_3_2022} [S108]`,
    },
    {
      id: 'recapitulation',
      name: { id: 'Rekapitulasi hasil penghitungan suara', en: 'Recapitulation of results' },
      start: '2024-02-15', end: '2024-03-20', source: `${PKPU_3_2022} [S108]`,
    },
    {
      id: 'oath_dpr_dpd',
      name: { id: 'Pengucapan sumpah/janji anggota DPR dan DPD', en: 'Oath of DPR and DPD members' },
      start: '2024-10-01', end: '2024-10-01', source: `${PKPU_3_2022} [S109]`,
    },
    {
      id: 'oath_president',
      name: { id: 'Pengucapan sumpah/janji presiden dan wakil presiden', en: 'Oath of President and Vice-President' },
      start: '2024-10-20', end: '2024-10-20', source: `${PKPU_3_2022} [S109]`,
    },
    {
      id: 'runoff_campaign',
      name: { id: 'Masa kampanye putaran kedua', en: 'Run-off campaign' },
      start: '2024-06-02', end: '2024-06-23', contingent: true,
      source: `${PKPU_3_2022} [S115]`, note: 'Only if no pair wins in round 1; not held in 2024.',
    },
    {
      id: 'runoff_voting',
      name: { id: 'Pemungutan suara putaran kedua', en: 'Run-off voting day' },
      start: '2024-06-26', end: '2024-06-26', contingent: true,
      source: `${PKPU_3_2022} [S115]`, note: 'Only if no pair wins in round 1; not held in 2024.',
    },
  ],
  contests: [
    {
      level: 'national',
      name: { id: 'Presiden/Wakil Presiden, DPR, DPD, DPRD', en: 'President/VP, DPR, DPD, DPRD' },
      excludedRegions: [],
      source: 'UU 7/2017 (Pemilu held in every region) [S12]',
    },
  ],
  regionOverrides: [],
};
