import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONFLICT_RELATIONS } from '@netra/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useConflictText } from './conflict-text.ts';
import { useDecideConflict, useReopenConflict, type ConflictEntry } from './conflicts-api.ts';

const NOTE_MAX = 500;
/** The reopening reason's minimum, as the API checks it (visible characters). */
const REASON_MIN = 10;
const visible = (v: string) => v.replace(/[\s\u200b-\u200f\u2060\ufeff]/gu, '').length;

/** An officer confirms (correcting the relation if need be) or dismisses a suggestion, with an internal note: asked, never one click. */
export function DecideDialog({ entry, decision, onClose }: { entry: ConflictEntry; decision: 'confirm' | 'dismiss'; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useConflictText();
  const decide = useDecideConflict();
  const [relation, setRelation] = useState(entry.relation);
  const [note, setNote] = useState('');
  const submit = () =>
    decide.mutate(
      { id: entry.id, decision, relation: decision === 'confirm' && relation !== entry.relation ? relation : undefined, note: note.trim() || undefined },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t(`conflicts.decideTitle.${decision}`)} centered>
      <Stack data-testid="conflict-decide-dialog">
        <Text size="sm">{t(`conflicts.decideHelp.${decision}`, { employee: entry.employee.name, person: entry.candidate.personName, relation: text.relation(entry.relation) })}</Text>
        {entry.reasons.length > 0 && <Text size="xs" c="dimmed">{t('conflicts.evidence')}: {text.reasons(entry.reasons)}</Text>}
        {decision === 'confirm' && (
          <NativeSelect label={t('conflicts.decisionRelation')} value={relation} onChange={(e) => setRelation(e.currentTarget.value as ConflictEntry['relation'])}
            data={CONFLICT_RELATIONS.map((r) => ({ value: r, label: t(`conflicts.relations.${r}`) }))} data-testid="conflict-decide-relation" />
        )}
        <Textarea label={t('conflicts.note')} description={t('conflicts.noteHelp')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={NOTE_MAX} autosize minRows={2} data-testid="conflict-decide-note" />
        <ProblemAlert error={decide.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color={decision === 'confirm' ? 'red' : undefined} loading={decide.isPending} onClick={submit} data-testid="conflict-decide-submit">{t(`conflicts.${decision}`)}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Reopens a confirmation or dismissal: the entry is a suggestion again; the reason is required and audited. */
export function ReopenDialog({ entry, onClose }: { entry: ConflictEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const reopen = useReopenConflict();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('conflicts.reopenTitle')} centered>
      <Stack data-testid="conflict-reopen-dialog">
        <Text size="sm">{t('conflicts.reopenHelp', { status: t(`conflicts.statuses.${entry.status}`), employee: entry.employee.name, person: entry.candidate.personName })}</Text>
        <Textarea label={t('conflicts.reopenReason')} description={t('conflicts.reopenReasonHelp', { n: REASON_MIN })} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={NOTE_MAX} autosize minRows={2} required data-testid="conflict-reopen-reason" />
        <ProblemAlert error={reopen.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={reopen.isPending} disabled={visible(reason) < REASON_MIN} onClick={() => reopen.mutate({ id: entry.id, reason: reason.trim() }, { onSuccess: onClose })} data-testid="conflict-reopen-submit">
            {t('conflicts.reopen')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
