import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CONFLICT_RELATIONS, type CaseConflictFlag, type ConflictPastDecision, type ConflictReason } from '@netra/contracts';
import { useFormat } from '../../lib/format.ts';

type Relation = (typeof CONFLICT_RELATIONS)[number];
const isRelation = (v: string | undefined): v is Relation => (CONFLICT_RELATIONS as readonly (string | undefined)[]).includes(v);

/**
 * The register's evidence, decision history and the case page's conflict flags in the reader's language:
 * the API sends codes with their values (ConflictReason, CaseConflictFlag), never sentences.
 */
export function useConflictText() {
  const { t } = useTranslation();
  const format = useFormat();
  const relation = (r: string | undefined) => (isRelation(r) ? t(`conflicts.relations.${r}`) : (r ?? ''));
  const reason = (r: ConflictReason) =>
    r.code === 'DECLARED' ? t('conflicts.reasons.DECLARED', { relation: relation(r.params.relation), name: r.params.name ?? '' })
      : r.code === 'PATRONYMIC' ? t('conflicts.reasons.PATRONYMIC', { name: r.params.name ?? '' })
        : r.code === 'TEXT' ? (r.params.text ?? '')
          : t(`conflicts.reasons.${r.code}`);
  return {
    relation,
    reasons: (rs: readonly ConflictReason[]) => rs.map(reason).join('; '),
    pastDecision: (h: z.infer<typeof ConflictPastDecision>) =>
      t('conflicts.historyLine', {
        status: t(`conflicts.statuses.${h.status}`), relation: relation(h.relation), date: format.dateTime(h.reopenedAt),
        because: h.reopenedBecause === 'officer' ? t('conflicts.reopenedByOfficer', { reason: h.reason ?? '' }) : t('conflicts.reopenedByDeclaration'),
      }) + (h.note ? ` ${t('conflicts.noteShown', { note: h.note })}` : ''),
    /** "Dewi Lestari — Suami/istri: Ahmad Fauzi, S.H." or "H. Ratu Tatu Chasanah is on the list as Ratu Tatu Chasanah". */
    flagDetail: (f: z.infer<typeof CaseConflictFlag>) =>
      (f.relation === 'self' ? t('conflicts.flagSelf', { employee: f.employeeName, person: f.personName }) : t('conflicts.flagRelated', { employee: f.employeeName, relation: relation(f.relation), person: f.personName }))
      + (f.member === 'running_mate' ? ` ${t('conflicts.flagRunningMate')}` : ''),
  };
}
