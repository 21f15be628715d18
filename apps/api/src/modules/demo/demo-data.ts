/** Synthetic but realistic demo data for one Pemda (Pemerintah Kota Bekasi). No real persons. */

/** Deterministic PRNG (mulberry32) so every demo load is the same. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

export const FIRST_NAMES_M = ['Agus', 'Budi', 'Dedi', 'Eko', 'Fajar', 'Hendra', 'Irfan', 'Joko', 'Kurniawan', 'Lukman', 'Muhammad', 'Nanang', 'Oki', 'Purnomo', 'Rahmat', 'Slamet', 'Teguh', 'Usep', 'Wahyu', 'Yusuf', 'Ade', 'Asep', 'Dadang', 'Iwan', 'Ujang', 'Ahmad', 'Rizky', 'Dimas', 'Bayu', 'Arif'];
export const FIRST_NAMES_F = ['Ani', 'Dewi', 'Eka', 'Fitri', 'Indah', 'Kartika', 'Lestari', 'Maya', 'Nur', 'Putri', 'Rina', 'Sari', 'Tuti', 'Wulan', 'Yanti', 'Siti', 'Euis', 'Neneng', 'Ratna', 'Dian', 'Ayu', 'Nia', 'Rani', 'Lilis', 'Yuli'];
export const LAST_NAMES = ['Santoso', 'Wijaya', 'Saputra', 'Hidayat', 'Kusuma', 'Nugraha', 'Pratama', 'Setiawan', 'Gunawan', 'Permana', 'Suryadi', 'Rahman', 'Hakim', 'Firmansyah', 'Ramdani', 'Sudrajat', 'Hermawan', 'Maulana', 'Kurnia', 'Susanti', 'Rahayu', 'Handayani', 'Lestari', 'Wati', 'Nurhayati', 'Sopandi', 'Mulyadi', 'Supriatna', 'Hasanah', 'Fauzi'];

export const OPDS = [
  'Sekretariat Daerah', 'Sekretariat DPRD', 'Inspektorat', 'Badan Perencanaan Pembangunan Daerah', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  'Badan Kesatuan Bangsa dan Politik', 'Badan Keuangan dan Aset Daerah', 'Badan Pendapatan Daerah', 'Badan Penanggulangan Bencana Daerah',
  'Dinas Pendidikan', 'Dinas Kesehatan', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Perumahan dan Kawasan Permukiman', 'Dinas Sosial',
  'Dinas Tenaga Kerja', 'Dinas Kependudukan dan Pencatatan Sipil', 'Dinas Perhubungan', 'Dinas Komunikasi dan Informatika',
  'Dinas Lingkungan Hidup', 'Dinas Koperasi dan UKM', 'Dinas Perdagangan dan Perindustrian', 'Dinas Pemuda dan Olahraga',
  'Dinas Kebudayaan dan Pariwisata', 'Dinas Ketahanan Pangan, Pertanian dan Perikanan', 'Satuan Polisi Pamong Praja', 'RSUD dr. Chasbullah Abdulmadjid',
] as const;

export const BIDANG = ['Sekretariat', 'Bidang Perencanaan', 'Bidang Pelayanan', 'Bidang Pengawasan', 'Bidang Pembinaan'] as const;

export const POSITIONS_STAFF = ['Analis Kebijakan', 'Pengadministrasi Umum', 'Pranata Komputer', 'Arsiparis', 'Analis Kepegawaian', 'Bendahara', 'Pengelola Keuangan', 'Penyusun Program', 'Pengolah Data', 'Verifikator Keuangan'];
export const POSITIONS_EDU = ['Guru Ahli Pertama', 'Guru Ahli Muda', 'Guru Ahli Madya', 'Pengawas Sekolah', 'Tenaga Administrasi Sekolah'];
export const POSITIONS_HEALTH = ['Dokter Ahli Pertama', 'Perawat Terampil', 'Perawat Ahli Pertama', 'Bidan Terampil', 'Apoteker', 'Nutrisionis', 'Sanitarian'];
export const NON_ASN_POSITIONS = ['Tenaga Kebersihan', 'Pengemudi', 'Petugas Keamanan', 'Tenaga Administrasi', 'Operator Komputer'];
export const RANKS_PNS = ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c'];
export const RANKS_PPPK = ['V', 'VII', 'IX', 'X', 'XI'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A NIP that satisfies domain.md §8.1 (birth date, TMT after age 18 and not in the future, sex, sequence). */
export function makeNip(r: ReturnType<typeof rng>, seq: number, female: boolean): string {
  const by = r.int(1966, 1998);
  const bm = r.int(1, 12);
  const bd = r.int(1, 28);
  const ty = Math.min(2024, by + r.int(20, 30));
  const tm = r.int(1, 12);
  return `${by}${pad(bm, 2)}${pad(bd, 2)}${ty}${pad(tm, 2)}${female ? 2 : 1}${pad((seq % 999) + 1, 3)}`;
}

/** An NI PPPK per the observed layout (birth date, year, 2-digit code, sex, sequence). */
export function makeNiPppk(r: ReturnType<typeof rng>, seq: number, female: boolean): string {
  const by = r.int(1975, 2000);
  return `${by}${pad(r.int(1, 12), 2)}${pad(r.int(1, 28), 2)}${r.pick([2022, 2023, 2024])}${pad(r.int(1, 30), 2)}${female ? 2 : 1}${pad((seq % 999) + 1, 3)}`;
}
