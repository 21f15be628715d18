import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useFormat } from '../../lib/format.ts';

/** A withdrawal of one entry: shared by the attendance, briefing and reminder lists (one mutation per list). */
export interface WithdrawMutation {
  mutate: (input: { entryId: string; reason: string }, options?: { onSuccess?: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
}

/** "Withdraw" with a dialog asking the reason; the entry stays listed as withdrawn. */
export function WithdrawButton({ entryId, what, mutation }: { entryId: string; what: string; mutation: WithdrawMutation }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const close = () => {
    setOpen(false);
    setReason('');
    mutation.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ entryId, reason: reason.trim() }, { onSuccess: close });
  };
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => { mutation.reset(); setOpen(true); }} data-testid="withdraw">{t('socialization.withdraw')}</Button>
      <Modal opened={open} onClose={close} title={t('socialization.withdrawTitle')}>
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm" fw={500}>{what}</Text>
            <Text size="sm" c="dimmed">{t('socialization.withdrawHelp')}</Text>
            <Textarea label={t('socialization.withdrawReason')} required minLength={5} maxLength={1000} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="withdraw-reason" />
            <ProblemAlert error={mutation.error} fieldLabels={{ reason: t('socialization.withdrawReason') }} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('socialization.cancel')}</Button>
              <Button type="submit" color="red" loading={mutation.isPending} disabled={reason.trim().length < 5} data-testid="withdraw-confirm">{t('socialization.withdrawConfirm')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** How a withdrawn entry is marked in its list: a badge, and who withdrew it, when and why. */
export function WithdrawnNote({ voided }: { voided: { at: string; by: string | null; reason: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={2} data-testid="withdrawn">
      <Badge variant="light" color="gray" style={{ minWidth: 'max-content' }}>{t('socialization.withdrawn')}</Badge>
      <Text size="xs" c="dimmed">{t('socialization.withdrawnNote', { by: voided.by ?? '—', at: format.dateTime(voided.at), reason: voided.reason })}</Text>
    </Stack>
  );
}
