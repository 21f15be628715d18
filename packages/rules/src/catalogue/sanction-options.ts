import type { IsoDate } from '../shared/types.ts';
import type { Act } from './types.ts';
import type { Penalty } from './election-law.ts';
import {
  MORAL_SANCTIONS,
  NON_ASN_CONTRACT_SANCTIONS,
  PP53_SANCTIONS,
  PP94_EFFECTIVE_DATE,
  PP94_SANCTIONS,
  PTDH_SANCTIONS,
  type SanctionForm,
} from './sanctions.ts';

export type SanctionActor = 'PNS' | 'PPPK' | 'NON_ASN' | 'VILLAGE_HEAD';

export interface SanctionOption extends Omit<SanctionForm, 'regime' | 'level'> {
  readonly kind: 'moral' | 'discipline' | 'dismissal' | 'contract' | 'criminal';
  readonly regime: SanctionForm['regime'] | 'election_law';
  readonly level: SanctionForm['level'] | 'criminal';
  /** For criminal options: the statutory maximum (and minimum) penalty. */
  readonly penalty?: Penalty;
}

const PPPK_NOTE = 'PPPK: procedure follows PNS discipline (PP 49/2018 Pasal 52); exact equivalents UNCONFIRMED (domain.md §2.5) [S7, S53].';

function asOption(form: SanctionForm, kind: SanctionOption['kind']): SanctionOption {
  return { ...form, kind };
}

function ptdhOn(date: IsoDate): SanctionForm | undefined {
  return PTDH_SANCTIONS.find((form) => form.validFrom <= date && (form.validTo === null || date <= form.validTo));
}

function disciplineForms(act: Act, incidentDate: IsoDate): SanctionOption[] {
  if (act.defaultSanction === 'ptdh') {
    const ptdh = ptdhOn(incidentDate) ?? PP53_SANCTIONS.find((form) => form.id === 'pp53_ptdh');
    return ptdh ? [asOption(ptdh, 'dismissal')] : [];
  }
  const ladder = incidentDate < PP94_EFFECTIVE_DATE.date ? PP53_SANCTIONS : PP94_SANCTIONS;
  const forms = act.defaultSanction === 'satgas' ? ladder : ladder.filter((form) => form.level === act.defaultSanction);
  return forms.map((form) => asOption(form, 'discipline'));
}

/**
 * Administrative sanctions available for an act, by actor type and incident date: moral
 * sanctions (PP 42/2004) for ethics acts; PP 94/2021 (or PP 53/2010 before 31 Aug 2021) for
 * discipline acts; PTDH under the ASN law in force; contract sanctions for non-ASN staff.
 * Village heads are not ASN: none here (election-law penalties are added by `assess`).
 */
export function administrativeSanctions(act: Act, actorType: SanctionActor, incidentDate: IsoDate): SanctionOption[] {
  switch (actorType) {
    case 'VILLAGE_HEAD':
      return [];
    case 'NON_ASN':
      return NON_ASN_CONTRACT_SANCTIONS.map((form) => asOption(form, 'contract'));
    case 'PNS':
    case 'PPPK': {
      const options =
        act.track === 'asn_ethics' ? MORAL_SANCTIONS.map((form) => asOption(form, 'moral')) : disciplineForms(act, incidentDate);
      if (actorType === 'PNS') return options;
      return options.map((option) => ({ ...option, unconfirmed: true, note: PPPK_NOTE }));
    }
  }
}

/**
 * Every sanction form the law provides for an actor type on a date, whatever the act: what a PPK's
 * decree can lawfully impose at all (it may still differ from the act's usual level, which the case
 * flags, but a form of a repealed regulation or of another kind of worker is no lawful sanction).
 */
export function sanctionsInForce(actorType: SanctionActor, date: IsoDate): SanctionForm[] {
  switch (actorType) {
    case 'VILLAGE_HEAD':
      return [];
    case 'NON_ASN':
      return [...NON_ASN_CONTRACT_SANCTIONS];
    case 'PNS':
    case 'PPPK': {
      const ptdh = ptdhOn(date);
      return [...MORAL_SANCTIONS, ...(date < PP94_EFFECTIVE_DATE.date ? PP53_SANCTIONS : PP94_SANCTIONS), ...(ptdh ? [ptdh] : [])];
    }
  }
}
