/**
 * The demo's KPU candidate lists for Kota Bekasi (synthetic names, no real persons): a small DCT of the
 * DPRD Kota Bekasi for Pemilu 2024 (2024 party numbers, six dapil) and three Pilkada 2024 pairs for
 * Wali Kota, with a handful of employees related to candidates (seed 002: Kabupaten Serang found 16
 * caleg related to ASN) and near-miss names the matcher must not take for them, so the conflict-of-
 * interest register opens with real suggestions to confirm or dismiss.
 *
 * The matcher (conflicts/domain/matcher.ts) needs evidence linking two people: a declared relative, a
 * patronymic ("bin"/"binti") or the employee's own name on the list. A shared surname alone (a Batak
 * marga, say) is not evidence; the spouse below is found through her declaration.
 */
import type { DeclaredRelation, Relation } from '../conflicts/domain/matcher.ts';

/** Employees added to the Kota Bekasi registry with the relations the matcher should find. */
export const DEMO_RELATED_EMPLOYEES: readonly {
  name: string; female: boolean; type: 'PNS' | 'PPPK'; position: string; unit: string; relatives: readonly { kind: DeclaredRelation; name: string }[];
}[] = [
  { name: 'Dewi Anggraini Sitompul', female: true, type: 'PNS', position: 'Guru Ahli Muda', unit: 'Dinas Pendidikan / Bidang Pelayanan', relatives: [{ kind: 'spouse', name: 'Hotman Parulian Sitompul' }] },
  { name: 'Sri Wahyuningsih, S.Sos.', female: true, type: 'PNS', position: 'Analis Kebijakan', unit: 'Kecamatan Bekasi Timur', relatives: [{ kind: 'child', name: 'Rangga Aditya Pratama' }] },
  { name: 'Rizky Ramadhan bin Sulaiman Effendi', female: false, type: 'PPPK', position: 'Pranata Komputer', unit: 'Dinas Komunikasi dan Informatika / Bidang Pelayanan', relatives: [] },
  { name: 'Darto Wiyono', female: false, type: 'PNS', position: 'Pengadministrasi Umum', unit: 'Kecamatan Rawalumbu / Kelurahan Bojong Rawalumbu', relatives: [] },
  { name: 'Yayah Rukoyah', female: true, type: 'PNS', position: 'Bendahara', unit: 'Badan Keuangan dan Aset Daerah / Bidang Pelayanan', relatives: [{ kind: 'spouse', name: 'H. Mukhtar Sobari' }] },
  { name: 'Bonifasius Hutagalung', female: false, type: 'PPPK', position: 'Penyusun Program', unit: 'Dinas Perhubungan / Bidang Pengawasan', relatives: [] },
];

/** DCT DPRD Kota Bekasi, Pemilu 2024: name, party number, dapil number, ballot number. */
const DPRD_KOTA: readonly [name: string, party: number, dapil: number, ballot: number][] = [
  ['H. Sulaiman Effendi, S.E.', 4, 1, 3],
  ['Sulaiman Hadi', 1, 1, 2],
  ['Ahmad Zaki Mubarok', 1, 1, 1],
  ['Ratna Juwita Simanjuntak, S.H.', 8, 1, 1],
  ['Drs. Gunadi Prawiro', 3, 1, 1],
  ['Fransiska Maria Tambunan', 15, 1, 1],
  ['Rangga Aditya Pratama, S.H.', 15, 2, 1],
  ['Rangga Aditya Putra', 8, 2, 3],
  ['Hj. Neng Komariah', 17, 2, 1],
  ['Yohanes Baptista Sihombing', 3, 2, 2],
  ['Dedeh Suhaemi Rusdiana', 2, 2, 1],
  ['Ir. Bambang Tri Harsono', 5, 2, 1],
  ['Ir. Hotman Parulian Sitompul, M.M.', 5, 3, 2],
  ['Dewi Anggraini', 12, 3, 4],
  ['Marlina Oktaviani Siregar', 3, 3, 1],
  ['Agung Prasetyo Wibisono', 4, 3, 1],
  ['H. Encep Saepudin, S.Ag.', 8, 3, 1],
  ['Yuliana Kristanti', 16, 3, 2],
  ['Anisa Rahmawati binti Darto Wiyono', 16, 4, 5],
  ['Laras Ayuningtyas binti Darto Wibowo', 17, 4, 3],
  ['Tubagus Arief Rachman', 2, 4, 1],
  ['Hendrikus Lumban Tobing', 14, 4, 1],
  ['Cucu Sumiati Hasanudin', 1, 4, 1],
  ['Dr. Benny Setiabudi', 4, 4, 2],
  ['Bonifasius Hutagalung', 3, 5, 4],
  ['Bonifasius Hutabarat', 14, 5, 2],
  ['Siti Maemunah Lubis', 12, 5, 1],
  ['Ujang Komarudin Syah', 5, 5, 3],
  ['Theresia Dwi Rahayu', 3, 5, 1],
  ['Imam Syafii Nasution', 8, 5, 2],
  ['Hotman Sitompul', 2, 6, 3],
  ['Rosmawati Pardede', 4, 6, 1],
  ['Irwan Setiadi Kusumah', 1, 6, 4],
  ['Hj. Euis Rohaeti', 8, 6, 1],
  ['Gregorius Manurung', 15, 6, 2],
  ['Asep Saepul Milah', 17, 6, 1],
];

/** Rows under CANDIDATE_TEMPLATES.legislative.columns. */
export const DEMO_LEGISLATIVE_ROWS: readonly string[][] = DPRD_KOTA.map(([name, party, dapil, ballot]) => [name, String(party), `Kota Bekasi ${dapil}`, '32.75', String(ballot), 'DPRD Kota']);

/** Pilkada 2024, Wali Kota and Wakil Wali Kota Bekasi: rows under CANDIDATE_TEMPLATES.pair.columns. */
export const DEMO_PAIR_ROWS: readonly string[][] = [
  ['1', 'H. Rudy Hartono Saputro, S.E.', 'Ir. Lina Marlina', '32.75'],
  ['2', 'Dr. H. Wahyu Adinegoro, M.Si.', 'Drs. H. Mukhtar Sobari, M.M.', '32.75'],
  ['3', 'Tiurma Nababan, S.H.', 'H. Mukhtar Sobirin', '32.75'],
];

/**
 * What the matcher finds in the demo (employee ~ candidate as listed: relation) and the near misses it
 * must leave alone, by election. A relation with a pair's running mate names the running mate.
 */
export const DEMO_EXPECTED: Record<'pemilu-2024' | 'pilkada-2024', { suggested: readonly string[]; nearMisses: readonly string[] }> = {
  'pemilu-2024': {
    suggested: [
      'Bonifasius Hutagalung ~ Bonifasius Hutagalung: self',
      'Darto Wiyono ~ Anisa Rahmawati binti Darto Wiyono: child',
      'Dewi Anggraini Sitompul ~ Ir. Hotman Parulian Sitompul, M.M.: spouse',
      'Rizky Ramadhan bin Sulaiman Effendi ~ H. Sulaiman Effendi, S.E.: parent',
      'Sri Wahyuningsih, S.Sos. ~ Rangga Aditya Pratama, S.H.: child',
    ] satisfies `${string} ~ ${string}: ${Relation}`[],
    // same marga, another person; a brother's name next to the declared child's; the employee's name
    // without her marga; another father's patronymic; the same given name with another marga
    nearMisses: ['Hotman Sitompul', 'Rangga Aditya Putra', 'Dewi Anggraini', 'Sulaiman Hadi', 'Laras Ayuningtyas binti Darto Wibowo', 'Bonifasius Hutabarat'],
  },
  'pilkada-2024': {
    suggested: ['Yayah Rukoyah ~ Drs. H. Mukhtar Sobari, M.M.: spouse'],
    nearMisses: ['Tiurma Nababan, S.H.'],
  },
};
