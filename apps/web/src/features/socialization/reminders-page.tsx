import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REMINDER_KINDS, type ReminderKind } from '@netra/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useFieldErrors } from '../../components/field-errors.ts';
import { localToday } from '../../lib/dates.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { hasPermission, useSession } from '../auth/session.tsx';
import { AgencySelect, SocializationHeader, useAgencyChoice } from './socialization-nav.tsx';
import { useLogReminder, useReminders, useVoidReminder, useWritableUnits } from './socialization-api.ts';
import { WithdrawButton, WithdrawnNote } from './withdraw-button.tsx';

function ReminderForm({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  // only units the user may log for; "whole agency" only with an agency-wide grant, else their own unit first
  const scope = useWritableUnits(agencyId);
  const log = useLogReminder();
  const fieldErrors = useFieldErrors()(log.error);
  const fieldLabels = {
    unitId: t('socialization.unit'), kind: t('socialization.kind'), doneOn: t('socialization.doneOn'), description: t('socialization.description'),
    link: t('socialization.link'), evidenceNote: t('socialization.evidenceNote'),
  };
  const [chosenUnit, setUnitId] = useState<string | null>(null);
  const unitId = chosenUnit ?? (scope.agencyWide ? '' : (scope.units[0]?.id ?? ''));
  const [kind, setKind] = useState<ReminderKind>('banner');
  const [doneOn, setDoneOn] = useState(localToday());
  const [description, setDescription] = useState('');
  const [link, setLink] = useState('');
  const [evidenceNote, setEvidenceNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    log.mutate(
      { agencyId, kind, doneOn, description: description.trim(), ...(unitId ? { unitId } : {}), ...(link.trim() ? { link: link.trim() } : {}), ...(evidenceNote.trim() ? { evidenceNote: evidenceNote.trim() } : {}) },
      { onSuccess: () => { setDescription(''); setLink(''); setEvidenceNote(''); } },
    );
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">{t('socialization.log')}</Title>
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('socialization.unit')} value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}
              data={[...(scope.agencyWide ? [{ value: '', label: t('socialization.wholeAgency') }] : []), ...scope.units.map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }))]} data-testid="reminder-unit" />
            <NativeSelect label={t('socialization.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as ReminderKind)}
              data={REMINDER_KINDS.map((k) => ({ value: k, label: t(`socialization.kinds.${k}`) }))} data-testid="reminder-kind" />
            <TextInput type="date" label={t('socialization.doneOn')} required value={doneOn} max={localToday()} error={fieldErrors.doneOn} onChange={(e) => setDoneOn(e.currentTarget.value)} data-testid="reminder-date" />
          </SimpleGrid>
          <TextInput label={t('socialization.description')} required value={description} error={fieldErrors.description} onChange={(e) => setDescription(e.currentTarget.value)} data-testid="reminder-description" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="url" label={t('socialization.link')} value={link} error={fieldErrors.link} onChange={(e) => setLink(e.currentTarget.value)} placeholder="https://" data-testid="reminder-link" />
            <TextInput label={t('socialization.evidenceNote')} value={evidenceNote} error={fieldErrors.evidenceNote} onChange={(e) => setEvidenceNote(e.currentTarget.value)} data-testid="reminder-evidence" />
          </SimpleGrid>
          {scope.ready && !scope.agencyWide && scope.units.length === 0 && <Alert color="yellow" variant="light">{t('socialization.noWritableUnits')}</Alert>}
          <ProblemAlert error={scope.error} />
          <ProblemAlert error={log.error} fieldLabels={fieldLabels} data-testid="reminder-error" />
          <Group><Button type="submit" loading={log.isPending} disabled={!description.trim() || (!scope.agencyWide && !unitId)} data-testid="reminder-submit">{t('socialization.log')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Reminder activities (banners, official social-media posts, notifications) logged per unit. */
export function RemindersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const [chosenAgency, setChosenAgency] = useState('');
  const { agencies, agencyId } = useAgencyChoice(chosenAgency);
  const reminders = useReminders(agencyId);
  const withdraw = useVoidReminder();
  usePageTitle(t('socialization.remindersTitle'));
  const items = reminders.data?.items ?? [];
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <SocializationHeader />
      <Text size="sm" c="dimmed">{t('socialization.remindersIntro')}</Text>
      <AgencySelect value={agencyId} onChange={setChosenAgency} agencies={agencies} />
      {agencyId && hasPermission(me, 'registry.write') && <ReminderForm key={agencyId} agencyId={agencyId} />}
      <ProblemAlert error={reminders.error} />
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">{t('socialization.remindersTitle')}</Title>
        {items.length === 0 && <Text size="sm" c="dimmed" data-testid="reminders-empty">{t('socialization.remindersEmpty')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="reminders-table">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('socialization.doneOn')}</Table.Th><Table.Th>{t('socialization.unit')}</Table.Th><Table.Th>{t('socialization.kind')}</Table.Th><Table.Th>{t('socialization.description')}</Table.Th><Table.Th>{t('socialization.recordedBy')}</Table.Th><Table.Th>{t('socialization.actions')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} data-testid="reminder-row" data-withdrawn={r.voided ? 'true' : undefined} c={r.voided ? 'dimmed' : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} td={r.voided ? 'line-through' : undefined}>{format.date(r.doneOn)}</Table.Td>
                    <Table.Td><Text size="xs">{r.unitPath ?? t('socialization.wholeAgency')}</Text></Table.Td>
                    <Table.Td>{t(`socialization.kinds.${r.kind}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.description}</Text>
                      {r.link && <Anchor href={r.link} target="_blank" rel="noreferrer" size="xs">{r.link}</Anchor>}
                      {r.evidenceNote && <Text size="xs" c="dimmed">{r.evidenceNote}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="xs">{r.recordedBy ?? '—'}</Text></Table.Td>
                    <Table.Td>
                      {r.voided && <WithdrawnNote voided={r.voided} />}
                      {r.allowedActions.includes('void') && (
                        <WithdrawButton entryId={r.id} what={t('socialization.withdrawReminder', { kind: t(`socialization.kinds.${r.kind}`), description: r.description, date: format.date(r.doneOn) })} mutation={withdraw} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
