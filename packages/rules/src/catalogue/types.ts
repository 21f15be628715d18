import type { Bilingual, Sourced } from '../shared/types.ts';

export type Track = 'asn_ethics' | 'asn_discipline';

/**
 * Default sanction of an act: `moral` (PP 42/2004 Pasal 15), a PP 94/2021 level, `ptdh`
 * (dismissal under the ASN law), or `satgas` (not in the matrix: decided by the Satgas).
 */
export type DefaultSanction = 'moral' | 'ringan' | 'sedang' | 'berat' | 'ptdh' | 'satgas';

/** What kind of conduct an act is, for matching it to election-law offences. */
export type ConductKind =
  | 'props'
  | 'online_promotion'
  | 'campaign_involvement'
  | 'spouse_campaign'
  | 'online_engagement'
  | 'partisan_photos'
  | 'own_candidacy'
  | 'party_membership'
  | 'partisan_activities'
  | 'campaign_team_before'
  | 'campaign_team'
  | 'independent_support'
  | 'partisan_decisions'
  | 'other';

export interface Act extends Sourced {
  readonly code: string;
  readonly track: Track;
  readonly conduct: Bilingual;
  readonly conductKind: ConductKind;
  readonly defaultSanction: DefaultSanction;
  readonly legalBasis: string;
  /** The same conduct under the other track (the SKB lists it twice; the reviewer chooses). */
  readonly counterpart?: string;
  /** Set when options merge this act into another code (D-10 into D-9). */
  readonly mergedInto?: string;
}
