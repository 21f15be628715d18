import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SealedReporterIdentity } from '@netra/contracts';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useFieldErrors } from '../../components/field-errors.ts';

type Sealed = { reporter: z.infer<typeof SealedReporterIdentity>; witnesses: { name: string; address?: string; phone?: string }[] };
const FIELDS = ['name', 'birthPlaceDate', 'sex', 'occupation', 'citizenship', 'address', 'phone', 'email', 'idNumber'] as const;

/**
 * Opens a formal report's sealed reporter identity: the API asks for a reason and logs every opening.
 * The identity lives in this dialog's own state only (no query cache, no URL): closing the dialog
 * unmounts it and the identity is gone; opening it again asks for a reason again.
 */
export function ReporterIdentityDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const fieldErrorsOf = useFieldErrors();
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [seen, setSeen] = useState<Sealed | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      setSeen(await api.post<Sealed>(`/cases/${caseId}/reporter-identity`, { reason: reason.trim() }));
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  const errs = fieldErrorsOf(error);
  return (
    <Modal opened onClose={onClose} title={t('cases.reporterIdentity.title')} size="lg">
      {!seen ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('cases.reporterIdentity.help')}</Text>
            <Textarea label={t('cases.reporterIdentity.reason')} required minRows={2} autosize value={reason} error={errs.reason}
              onChange={(e) => setReason(e.currentTarget.value)} data-testid="reporter-identity-reason" data-autofocus />
            {error !== null && !errs.reason && <ProblemAlert error={error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="submit" loading={pending} disabled={reason.trim().length === 0} data-testid="reporter-identity-submit">{t('cases.reporterIdentity.open')}</Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="sm" data-testid="reporter-identity">
          <Text size="xs" c="dimmed">{t('cases.reporterIdentity.logged')}</Text>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {FIELDS.filter((k) => seen.reporter[k]).map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row" w="35%"><Text size="sm" c="dimmed">{t(`intake.reporterFields.${k}`)}</Text></Table.Th>
                  <Table.Td data-testid={`reporter-identity-${k}`}>{k === 'sex' && seen.reporter.sex ? t(`cases.reporterIdentity.sex.${seen.reporter.sex}`) : seen.reporter[k]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {seen.witnesses.length > 0 && (
            <>
              <Text size="sm" fw={600}>{t('intake.witnesses')}</Text>
              {seen.witnesses.map((w, i) => (
                <Text key={i} size="sm" data-testid="reporter-identity-witness">{[w.name, w.address, w.phone].filter(Boolean).join(' · ')}</Text>
              ))}
            </>
          )}
          <Group justify="flex-end"><Button onClick={onClose} data-testid="reporter-identity-close">{t('cases.reporterIdentity.close')}</Button></Group>
        </Stack>
      )}
    </Modal>
  );
}
