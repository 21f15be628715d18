import type { Bilingual, IsoDate, Sourced } from '../shared/types.ts';

/** 'holiday' = hari libur nasional; 'collective_leave' = cuti bersama; 'election_holiday' = voting day by Keppres. */
export type HolidayKind = 'holiday' | 'collective_leave' | 'election_holiday';

export interface Holiday extends Sourced {
  readonly date: IsoDate;
  readonly kind: HolidayKind;
  readonly name: Bilingual;
}

const SKB_2023 = 'SKB Menag 1066/2022, Menaker 3/2022, MenPANRB 1/2022 as amended (cuti bersama 2023)';
const SKB_2024 = 'SKB Menag 855/2023, Menaker 4/2023 and MenPANRB (2024) [S170, S171]';
const SKB_2025 = 'SKB Menag 1017/2024, Menaker 2/2024, MenPANRB 2/2024 (2025) [S172, S173, S174]';
const SKB_2025_AMENDED = 'SKB Menag 933/2025, Menaker 1/2025, MenPANRB 3/2025 (7 Aug 2025) [S175]';
const SKB_2026 = 'SKB Menag 1497/2025, Menaker 2/2025, MenPANRB 5/2025 (2026) [S176, S177, S178]';

type Row = readonly [IsoDate, string, string];

function rows(kind: HolidayKind, source: string, list: readonly Row[], extra: Partial<Holiday> = {}): Holiday[] {
  return list.map(([date, id, en]) => ({ date, kind, name: { id, en }, source, ...extra }));
}

/**
 * 2023 is not in domain.md's research (§8.7 covers 2024-2026); these dates follow the 2023 SKB
 * as amended in March 2023 (Idulfitri cuti bersama) and June 2023 (Iduladha cuti bersama) and
 * are flagged unconfirmed until checked against the SKB text.
 */
const HOLIDAYS_2023: readonly Holiday[] = [
  ...rows('holiday', SKB_2023, [
    ['2023-01-01', 'Tahun Baru Masehi', 'New Year\u2019s Day'],
    ['2023-01-22', 'Tahun Baru Imlek', 'Chinese New Year'],
    ['2023-02-18', 'Isra Mikraj', 'Isra Mi\u2019raj'],
    ['2023-03-22', 'Hari Suci Nyepi', 'Nyepi'],
    ['2023-04-07', 'Wafat Yesus Kristus', 'Good Friday'],
    ['2023-04-22', 'Idulfitri', 'Eid al-Fitr'],
    ['2023-04-23', 'Idulfitri', 'Eid al-Fitr'],
    ['2023-05-01', 'Hari Buruh', 'Labour Day'],
    ['2023-05-18', 'Kenaikan Yesus Kristus', 'Ascension Day'],
    ['2023-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'],
    ['2023-06-04', 'Hari Raya Waisak', 'Vesak'],
    ['2023-06-29', 'Iduladha', 'Eid al-Adha'],
    ['2023-07-19', 'Tahun Baru Islam', 'Islamic New Year'],
    ['2023-08-17', 'Hari Kemerdekaan', 'Independence Day'],
    ['2023-09-28', 'Maulid Nabi Muhammad', 'Prophet\u2019s Birthday'],
    ['2023-12-25', 'Hari Raya Natal', 'Christmas Day'],
  ], { unconfirmed: true }),
  ...rows('collective_leave', SKB_2023, [
    ['2023-01-23', 'Cuti bersama Imlek', 'Collective leave (Chinese New Year)'],
    ['2023-03-23', 'Cuti bersama Nyepi', 'Collective leave (Nyepi)'],
    ['2023-04-19', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2023-04-20', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2023-04-21', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2023-04-24', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2023-04-25', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2023-06-02', 'Cuti bersama Waisak', 'Collective leave (Vesak)'],
    ['2023-06-28', 'Cuti bersama Iduladha', 'Collective leave (Eid al-Adha)'],
    ['2023-06-30', 'Cuti bersama Iduladha', 'Collective leave (Eid al-Adha)'],
    ['2023-12-26', 'Cuti bersama Natal', 'Collective leave (Christmas)'],
  ], { unconfirmed: true }),
];

const HOLIDAYS_2024: readonly Holiday[] = [
  ...rows('holiday', SKB_2024, [
    ['2024-01-01', 'Tahun Baru Masehi', 'New Year\u2019s Day'],
    ['2024-02-08', 'Isra Mikraj', 'Isra Mi\u2019raj'],
    ['2024-02-10', 'Tahun Baru Imlek', 'Chinese New Year'],
    ['2024-03-11', 'Hari Suci Nyepi', 'Nyepi'],
    ['2024-03-29', 'Wafat Yesus Kristus', 'Good Friday'],
    ['2024-03-31', 'Hari Paskah', 'Easter Sunday'],
    ['2024-04-10', 'Idulfitri', 'Eid al-Fitr'],
    ['2024-04-11', 'Idulfitri', 'Eid al-Fitr'],
    ['2024-05-01', 'Hari Buruh', 'Labour Day'],
    ['2024-05-09', 'Kenaikan Yesus Kristus', 'Ascension Day'],
    ['2024-05-23', 'Hari Raya Waisak', 'Vesak'],
    ['2024-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'],
    ['2024-06-17', 'Iduladha', 'Eid al-Adha'],
    ['2024-07-07', 'Tahun Baru Islam', 'Islamic New Year'],
    ['2024-08-17', 'Hari Kemerdekaan', 'Independence Day'],
    ['2024-09-16', 'Maulid Nabi Muhammad', 'Prophet\u2019s Birthday'],
    ['2024-12-25', 'Hari Raya Natal', 'Christmas Day'],
  ]),
  ...rows('collective_leave', SKB_2024, [
    ['2024-02-09', 'Cuti bersama Imlek', 'Collective leave (Chinese New Year)'],
    ['2024-03-12', 'Cuti bersama Nyepi', 'Collective leave (Nyepi)'],
    ['2024-04-08', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2024-04-09', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2024-04-12', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2024-04-15', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2024-05-10', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave (Ascension)'],
    ['2024-05-24', 'Cuti bersama Waisak', 'Collective leave (Vesak)'],
  ]),
  ...rows('collective_leave', SKB_2024, [
    ['2024-06-18', 'Cuti bersama Iduladha', 'Collective leave (Eid al-Adha)'],
    ['2024-12-26', 'Cuti bersama Natal', 'Collective leave (Christmas)'],
  ], { unconfirmed: true, note: 'Truncated in the source; consistent with the 10-day total (domain.md §11 item 14).' }),
  ...rows('election_holiday', 'Keppres 10/2024; UU 7/2017 Pasal 167(3) [S73]', [
    ['2024-02-14', 'Hari pemungutan suara Pemilu 2024', 'Pemilu 2024 voting day'],
  ]),
  ...rows('election_holiday', 'Keppres 33/2024 (signed 21 Nov 2024) [S120]', [
    ['2024-11-27', 'Hari pemungutan suara Pemilihan Serentak 2024', 'Pilkada 2024 voting day'],
  ]),
];

const HOLIDAYS_2025: readonly Holiday[] = [
  ...rows('holiday', SKB_2025, [
    ['2025-01-01', 'Tahun Baru Masehi', 'New Year\u2019s Day'],
    ['2025-01-27', 'Isra Mikraj', 'Isra Mi\u2019raj'],
    ['2025-01-29', 'Tahun Baru Imlek', 'Chinese New Year'],
    ['2025-03-29', 'Hari Suci Nyepi', 'Nyepi'],
    ['2025-03-31', 'Idulfitri', 'Eid al-Fitr'],
    ['2025-04-01', 'Idulfitri', 'Eid al-Fitr'],
    ['2025-04-18', 'Wafat Yesus Kristus', 'Good Friday'],
    ['2025-04-20', 'Hari Paskah', 'Easter Sunday'],
    ['2025-05-01', 'Hari Buruh', 'Labour Day'],
    ['2025-05-12', 'Hari Raya Waisak', 'Vesak'],
    ['2025-05-29', 'Kenaikan Yesus Kristus', 'Ascension Day'],
    ['2025-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'],
    ['2025-06-06', 'Iduladha', 'Eid al-Adha'],
    ['2025-06-27', 'Tahun Baru Islam', 'Islamic New Year'],
    ['2025-08-17', 'Hari Kemerdekaan', 'Independence Day'],
    ['2025-09-05', 'Maulid Nabi Muhammad', 'Prophet\u2019s Birthday'],
    ['2025-12-25', 'Hari Raya Natal', 'Christmas Day'],
  ]),
  ...rows('collective_leave', SKB_2025, [
    ['2025-01-28', 'Cuti bersama Imlek', 'Collective leave (Chinese New Year)'],
    ['2025-03-28', 'Cuti bersama Nyepi', 'Collective leave (Nyepi)'],
    ['2025-04-02', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2025-04-03', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2025-04-04', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2025-04-07', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2025-05-13', 'Cuti bersama Waisak', 'Collective leave (Vesak)'],
    ['2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave (Ascension)'],
    ['2025-06-09', 'Cuti bersama Iduladha', 'Collective leave (Eid al-Adha)'],
    ['2025-12-26', 'Cuti bersama Natal', 'Collective leave (Christmas)'],
  ]),
  ...rows('collective_leave', SKB_2025_AMENDED, [
    ['2025-08-18', 'Cuti bersama HUT RI', 'Collective leave (Independence Day)'],
  ], { note: 'Added 7 Aug 2025; reported not to reduce annual leave (rule per year UNCONFIRMED).' }),
];

const HOLIDAYS_2026: readonly Holiday[] = [
  ...rows('holiday', SKB_2026, [
    ['2026-01-01', 'Tahun Baru Masehi', 'New Year\u2019s Day'],
    ['2026-01-16', 'Isra Mikraj', 'Isra Mi\u2019raj'],
    ['2026-02-17', 'Tahun Baru Imlek', 'Chinese New Year'],
    ['2026-03-19', 'Hari Suci Nyepi', 'Nyepi'],
    ['2026-03-21', 'Idulfitri', 'Eid al-Fitr'],
    ['2026-03-22', 'Idulfitri', 'Eid al-Fitr'],
    ['2026-04-03', 'Wafat Yesus Kristus', 'Good Friday'],
    ['2026-04-05', 'Hari Paskah', 'Easter Sunday'],
    ['2026-05-01', 'Hari Buruh', 'Labour Day'],
    ['2026-05-14', 'Kenaikan Yesus Kristus', 'Ascension Day'],
    ['2026-05-27', 'Iduladha', 'Eid al-Adha'],
    ['2026-05-31', 'Hari Raya Waisak', 'Vesak'],
    ['2026-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'],
    ['2026-06-16', 'Tahun Baru Islam', 'Islamic New Year'],
    ['2026-08-17', 'Hari Kemerdekaan', 'Independence Day'],
    ['2026-08-25', 'Maulid Nabi Muhammad', 'Prophet\u2019s Birthday'],
    ['2026-12-25', 'Hari Raya Natal', 'Christmas Day'],
  ]),
  ...rows('collective_leave', SKB_2026, [
    ['2026-02-16', 'Cuti bersama Imlek', 'Collective leave (Chinese New Year)'],
    ['2026-03-18', 'Cuti bersama Nyepi', 'Collective leave (Nyepi)'],
    ['2026-03-20', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2026-03-23', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2026-03-24', 'Cuti bersama Idulfitri', 'Collective leave (Eid al-Fitr)'],
    ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave (Ascension)'],
    ['2026-05-28', 'Cuti bersama Iduladha', 'Collective leave (Eid al-Adha)'],
    ['2026-12-24', 'Cuti bersama Natal', 'Collective leave (Christmas)'],
  ]),
];

/** National holidays, cuti bersama and election holidays 2023-2026 (domain.md §8.7). */
export const HOLIDAYS: readonly Holiday[] = [...HOLIDAYS_2023, ...HOLIDAYS_2024, ...HOLIDAYS_2025, ...HOLIDAYS_2026];

/** Years for which the holiday data is complete; outside them only weekends are known. */
export const HOLIDAY_YEARS: readonly number[] = [2023, 2024, 2025, 2026];
