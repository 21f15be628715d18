import type { Bilingual, IsoDate, Sourced } from '../shared/types.ts';
import { shiftDate } from '../shared/dates.ts';

/** A body that receives ASN-neutrality cases forwarded by Bawaslu (domain.md §3.1, §5.1). */
export interface AsnAuthority extends Sourced {
  readonly id: string;
  readonly name: Bilingual;
  /** Inclusive; null = not (yet) active. */
  readonly validFrom: IsoDate | null;
  /** Inclusive; null = open-ended. */
  readonly validTo: IsoDate | null;
}

/**
 * Default hand-over date. The exact date KASN stopped is UNCONFIRMED (§11 item 4): BKN's
 * complaint service for the transferred KASN staff was inspected by MenPANRB on 24 Sep 2024
 * (S32), so KASN is taken to receive cases up to 23 Sep 2024. Bawaslu reported on 17-18 Sep
 * 2024 (S64) that reports had already been handed to BKN; move the date with
 * `kasnEndDate` if a primary text is found.
 */
export const DEFAULT_KASN_END_DATE: IsoDate = '2024-09-23';

export const ASN_AUTHORITIES: readonly AsnAuthority[] = [
  {
    id: 'KASN',
    name: { id: 'Komisi Aparatur Sipil Negara (KASN)', en: 'Civil Service Commission (KASN)' },
    validFrom: '2014-01-15',
    validTo: DEFAULT_KASN_END_DATE,
    unconfirmed: true,
    source: 'UU 5/2014 Pasal 27-32 (revoked by UU 20/2023); functions transferred by Perpres 91/2024, 92/2024 and SE MenPANRB 4/2024 [S40, S61, S31, S32, S64]',
    note: 'End date UNCONFIRMED (transfer in the second half of 2024); option authority.kasnEndDate.',
  },
  {
    id: 'BKN',
    name: { id: 'Badan Kepegawaian Negara (Deputi Bidang Pengawasan dan Pengendalian)', en: 'National Civil Service Agency (BKN), Deputy for Supervision and Control' },
    validFrom: shiftDate(DEFAULT_KASN_END_DATE, 1),
    validTo: null,
    unconfirmed: true,
    source: 'Perpres 92/2024; SE MenPANRB 4/2024; UU 20/2023 Pasal 26(2) huruf d, 70(3) [S31, S32, S33, S63, S26]',
    note: 'Start follows the KASN end date.',
  },
  {
    id: 'INDEPENDENT_BODY',
    name: { id: 'Lembaga independen pengawas sistem merit ASN', en: 'Independent ASN merit-system supervisory body' },
    validFrom: null,
    validTo: null,
    unconfirmed: true,
    source: 'MK decision 121/PUU-XXII/2024 (read 16 Oct 2025): to be formed within 2 years, i.e. by ~16 Oct 2027 [S34, S35]',
    note: 'Not active until a start date is configured (authority.independentBodyStartDate).',
  },
];

export interface AuthorityOptions {
  /** Last day KASN receives cases (BKN from the next day). Default 2024-09-23. */
  readonly kasnEndDate?: IsoDate;
  /** First day the independent body receives cases (BKN until the day before). Default none. */
  readonly independentBodyStartDate?: IsoDate | null;
  /** Replaces the whole list (validity dates as given). */
  readonly authorities?: readonly AsnAuthority[];
}

export function asnAuthorities(options: AuthorityOptions = {}): readonly AsnAuthority[] {
  if (options.authorities) return options.authorities;
  const kasnEnd = options.kasnEndDate ?? DEFAULT_KASN_END_DATE;
  const independentStart = options.independentBodyStartDate ?? null;
  return ASN_AUTHORITIES.map((authority) => {
    switch (authority.id) {
      case 'KASN':
        return { ...authority, validTo: kasnEnd };
      case 'BKN':
        return { ...authority, validFrom: shiftDate(kasnEnd, 1), validTo: independentStart ? shiftDate(independentStart, -1) : null };
      case 'INDEPENDENT_BODY':
        return { ...authority, validFrom: independentStart };
      default:
        return authority;
    }
  });
}

/** The body receiving ASN-track cases on `date`, or null when none is configured for it. */
export function asnAuthorityOn(date: IsoDate, options: AuthorityOptions = {}): AsnAuthority | null {
  const active = asnAuthorities(options).filter(
    (authority) =>
      authority.validFrom !== null &&
      authority.validFrom <= date &&
      (authority.validTo === null || date <= authority.validTo),
  );
  // Overlaps (possible with a custom list) resolve to the most recently started body.
  return active.sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''))[0] ?? null;
}
