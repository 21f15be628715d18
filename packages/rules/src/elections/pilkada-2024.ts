import type { Election } from './types.ts';

const PKPU_2_2024 = 'PKPU 2/2024 (tahapan dan jadwal Pemilihan 2024, signed 26 Jan 2024)';

/**
 * Pilkada 2024 (governors, regents, mayors) — domain.md §6.2 and §6.3.
 * 545 regions = 37 provinces (38 minus DIY), 415 regencies and 93 cities (514 minus the one
 * administrative regency and five administrative cities of DKI Jakarta) [S116, S157, S158].
 */
export const PILKADA_2024: Election = {
  id: 'pilkada-2024',
  kind: 'regional_head',
  regime: 'pilkada',
  name: { id: 'Pemilihan Serentak 2024', en: '2024 Simultaneous Regional Head Elections' },
  source: `${PKPU_2_2024}; UU 10/2016 [S117, S118, S16]`,
  stages: [
    {
      id: 'monitor_registration',
      name: { id: 'Pendaftaran pemantau pemilihan', en: 'Election monitor registration' },
      start: '2024-02-27', end: '2024-11-16', source: `${PKPU_2_2024} [S117]`,
    },
    {
      id: 'dp4_handover',
      name: { id: 'Penyerahan daftar penduduk potensial pemilih (DP4)', en: 'Potential-voter list (DP4) handover' },
      start: '2024-04-24', end: '2024-05-31', source: `${PKPU_2_2024} [S117]`,
    },
    {
      id: 'independent_support',
      name: { id: 'Pemenuhan persyaratan dukungan pasangan calon perseorangan', en: 'Independent candidates\u2019 support requirements' },
      start: '2024-05-05', end: '2024-08-19', source: `${PKPU_2_2024} [S117]`,
    },
    {
      id: 'voter_list_updating',
      name: { id: 'Pemutakhiran dan penyusunan daftar pemilih', en: 'Voter list updating' },
      start: '2024-05-31', end: '2024-09-23', source: `${PKPU_2_2024} [S117]`,
    },
    {
      id: 'registration_announcement',
      name: { id: 'Pengumuman pendaftaran pasangan calon', en: 'Registration announcement' },
      start: '2024-08-24', end: '2024-08-26', source: `${PKPU_2_2024} [S117]`,
    },
    {
      id: 'pair_registration',
      name: { id: 'Pendaftaran pasangan calon', en: 'Candidate-pair registration' },
      start: '2024-08-27', end: '2024-08-29', source: `${PKPU_2_2024} [S117, S118]`,
    },
    {
      id: 'requirements_verification',
      name: { id: 'Penelitian persyaratan calon', en: 'Verification of requirements' },
      start: '2024-08-27', end: '2024-09-21', source: `${PKPU_2_2024} [S117]`,
    },
    {
      id: 'pairs_determined',
      name: { id: 'Penetapan pasangan calon', en: 'Candidate pairs determined' },
      start: '2024-09-22', end: '2024-09-22', role: 'participants', participantKind: 'pairs',
      source: `${PKPU_2_2024} [S117, S118, S122]`,
    },
    {
      id: 'number_draw',
      name: { id: 'Pengundian dan pengumuman nomor urut pasangan calon', en: 'Candidate-pair number draw' },
      start: '2024-09-23', end: '2024-09-23', source: `${PKPU_2_2024} [S119]`,
    },
    {
      id: 'campaign',
      name: { id: 'Masa kampanye', en: 'Campaign period' },
      start: '2024-09-25', end: '2024-11-23', role: 'campaign',
      source: `${PKPU_2_2024} (starts 3 days after determination) [S117, S118, S122]`,
    },
    {
      id: 'quiet_period',
      name: { id: 'Masa tenang', en: 'Quiet period' },
      start: '2024-11-24', end: '2024-11-26', role: 'quiet_period',
      source: `${PKPU_2_2024} [S119]`, note: 'One source writes 23-26 Nov, an apparent slip.',
    },
    {
      id: 'voting',
      name: { id: 'Pemungutan suara', en: 'Voting day' },
      start: '2024-11-27', end: '2024-11-27', role: 'voting',
      source: `${PKPU_2_2024}; Keppres 33/2024 (national holiday) [S117, S120]`,
    },
    {
      id: 'counting_recapitulation',
      name: { id: 'Penghitungan suara dan rekapitulasi hasil', en: 'Counting and recapitulation' },
      start: '2024-11-27', end: '2024-12-16', source: `${PKPU_2_2024} [S117]`,
    },
  ],
  contests: [
    {
      level: 'province',
      name: { id: 'Gubernur dan Wakil Gubernur', en: 'Governor and deputy' },
      excludedRegions: [
        {
          prefix: '34',
          reason: {
            id: 'Gubernur DIY tidak dipilih (Sultan Hamengku Buwono bertakhta ditetapkan sebagai gubernur)',
            en: 'The DIY governor is not elected (the reigning Sultan is appointed governor)',
          },
          source: 'UU 13/2012 on the special status of DIY; 37 of 38 provinces in Pilkada 2024 [S116, S158]',
        },
      ],
      source: `${PKPU_2_2024}; UU 10/2016 [S116]`,
    },
    {
      level: 'regency_city',
      name: { id: 'Bupati/Wali Kota dan wakilnya', en: 'Regent/mayor and deputy' },
      excludedRegions: [
        {
          prefix: '31',
          reason: {
            id: 'Kabupaten/kota administrasi DKI Jakarta tidak menyelenggarakan Pilkada',
            en: 'DKI Jakarta\u2019s administrative regency and cities do not hold regional head elections',
          },
          source: 'domain.md §8.4: 1 administrative regency and 5 administrative cities in Jakarta do not hold Pilkada [S157, S158, S116]',
        },
      ],
      source: `${PKPU_2_2024}; UU 10/2016 [S116]`,
    },
  ],
  regionOverrides: [],
};
