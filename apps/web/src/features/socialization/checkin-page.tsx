import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { LinkErrorAlert } from '../../components/link-error-alert.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { PublicShell } from '../public-report/public-shell.tsx';
import { checkIn, usePublicCheckinEvent, type CheckinResult } from './socialization-api.ts';

/** QR check-in, mobile-first: the attendee scans the code shown in the hall and enters their NIP. */
export function CheckinPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('socialization.checkin.title'));
  const event = usePublicCheckinEvent(token);
  const [nip, setNip] = useState('');
  const [done, setDone] = useState<CheckinResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    checkIn({ token, nip: nip.trim() })
      .then(setDone, setError)
      .finally(() => setBusy(false));
  };
  if (event.isPending) return <FullPageLoader />;
  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h3">{t('socialization.checkin.title')}</Title>
        {event.isError && <LinkErrorAlert error={event.error} data-testid="checkin-error" />}
        {event.data && (
          <>
            <Paper withBorder p="md" data-testid="checkin-event">
              <Text fw={600}>{event.data.title}</Text>
              <Text size="sm" c="dimmed">{format.date(event.data.heldOn)} · {event.data.place} · {event.data.organiser} · {event.data.agency}</Text>
            </Paper>
            {!event.data.open && <Alert color="yellow" variant="light" data-testid="checkin-closed">{t('socialization.checkin.closed')}</Alert>}
            {event.data.open && !done && (
              <form onSubmit={submit}>
                <Stack>
                  <TextInput label={t('socialization.checkin.nip')} description={t('socialization.checkin.nipHelp')} inputMode="text" autoComplete="off" autoCapitalize="characters" autoCorrect="off" spellCheck={false} required value={nip} onChange={(e) => setNip(e.currentTarget.value)} data-testid="checkin-nip" />
                  <Button type="submit" loading={busy} data-testid="checkin-submit">{t('socialization.checkin.submit')}</Button>
                </Stack>
              </form>
            )}
            {done && (
              <Alert color="green" title={done.status === 'checked_in' ? t('socialization.checkin.done') : t('socialization.checkin.already')} data-testid="checkin-done">
                <Stack gap="xs">
                  <Text size="sm">{done.name}</Text>
                  <Anchor component="button" type="button" size="sm" onClick={() => { setDone(null); setNip(''); }} data-testid="checkin-another">{t('socialization.checkin.another')}</Anchor>
                </Stack>
              </Alert>
            )}
            {error !== null && <ProblemAlert error={error} fieldLabels={{ nip: t('socialization.checkin.nip') }} data-testid="checkin-error" />}
          </>
        )}
      </Stack>
    </PublicShell>
  );
}
