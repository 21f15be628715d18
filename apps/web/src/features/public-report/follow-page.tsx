import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { TipStatusBadge } from '../tips/tip-status.tsx';
import { TipThread } from '../tips/tip-thread.tsx';
import { PublicShell } from './public-shell.tsx';
import { EVIDENCE_TYPES, consentToReport, followTip, replyToTip, sendEvidence, type TipCredentials, type TipFollowView } from './public-api.ts';
import { TIP_LIMITS } from './tip-form.ts';

const EMPTY_CREDENTIALS: TipCredentials = { receiptCode: '', secret: '' };

/**
 * /lapor/pantau: the reporter's status, questions and answers. The receipt code and secret are
 * kept in this component's state only and dropped with "Selesai" or by leaving the page.
 */
export function FollowPage() {
  const { t } = useTranslation();
  usePageTitle(t('publicReport.followTitle'));
  const [credentials, setCredentials] = useState<TipCredentials>(EMPTY_CREDENTIALS);
  const [view, setView] = useState<TipFollowView | null>(null);

  // Credentials travel in the closure, not as mutation variables, so the cache never holds them.
  const follow = useMutation({ mutationFn: () => followTip(normalized(credentials)), onSuccess: setView });

  const finish = () => {
    setView(null);
    setCredentials(EMPTY_CREDENTIALS);
    follow.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    follow.mutate();
  };

  return (
    <PublicShell>
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('publicReport.followTitle')}
        </Title>
        {view ? (
          <FollowView
            view={view}
            credentials={normalized(credentials)}
            onView={setView}
            refresh={{ run: () => follow.mutate(), pending: follow.isPending, error: follow.error }}
            onFinish={finish}
          />
        ) : (
          <form onSubmit={onSubmit} noValidate aria-busy={follow.isPending}>
            <Stack gap="md">
              <Text size="sm">{t('publicReport.followIntro')}</Text>
              <TextInput
                label={t('publicReport.receiptCode')}
                placeholder="NTR-XXXX-XXXX-XXXX"
                required
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                value={credentials.receiptCode}
                onChange={(event) => setCredentials({ ...credentials, receiptCode: event.currentTarget.value })}
                data-testid="follow-code"
              />
              <PasswordInput
                label={t('publicReport.secret')}
                placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
                required
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                value={credentials.secret}
                onChange={(event) => setCredentials({ ...credentials, secret: event.currentTarget.value })}
                data-testid="follow-secret"
              />
              <Text size="xs" c="dimmed" data-testid="follow-attempts">
                {t('publicReport.followAttempts')}
              </Text>
              <ProblemAlert error={follow.error} data-testid="follow-error" />
              <Button
                type="submit"
                size="md"
                loading={follow.isPending}
                disabled={!credentials.receiptCode.trim() || !credentials.secret.trim()}
                data-testid="follow-submit"
              >
                {t('publicReport.followSubmit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicShell>
  );
}

function normalized(credentials: TipCredentials): TipCredentials {
  return { receiptCode: credentials.receiptCode.trim().toUpperCase(), secret: credentials.secret.trim() };
}

interface FollowViewProps {
  view: TipFollowView;
  credentials: TipCredentials;
  onView: (view: TipFollowView) => void;
  refresh: { run: () => void; pending: boolean; error: unknown };
  onFinish: () => void;
}

function FollowView({ view, credentials, onView, refresh, onFinish }: FollowViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reply, setReply] = useState('');
  const [confirming, setConfirming] = useState(false);
  const send = useMutation({
    mutationFn: () => replyToTip(credentials, reply.trim()),
    onSuccess: (next) => {
      onView(next);
      setReply('');
    },
  });
  const consent = useMutation({
    mutationFn: () => consentToReport(credentials),
    onSuccess: (next) => {
      onView(next);
      setConfirming(false);
    },
  });
  const open = view.status !== 'closed';
  // a photo or document sent later, e.g. when Bawaslu asks for it; the same neutral file name as on the report page
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const upload = useMutation({
    mutationFn: (chosen: File) => sendEvidence(credentials, chosen),
    onSuccess: () => {
      setFile(null);
      setFileKey((k) => k + 1);
    },
  });
  // a tip Bawaslu already handles as a finding or report takes no consent to a formal report
  const consentable = open && !view.status.startsWith('converted');

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" ff="monospace" fw={600}>
              {view.receiptCode}
            </Text>
            <TipStatusBadge status={view.status} size="lg" testId="follow-status" />
          </Group>
          <Text size="sm">{t(`publicReport.statusHelp.${view.status}`)}</Text>
          <Text size="xs" c="dimmed">
            {t('publicReport.receivedOn', { date: format.date(view.receivedOn) })}
          </Text>
        </Stack>
      </Paper>

      <Stack gap="xs" component="section" aria-labelledby="follow-thread">
        <Title order={2} size="h4" id="follow-thread">
          {t('publicReport.thread')}
        </Title>
        <TipThread
          messages={view.messages}
          authorLabel={(author) => t(`publicReport.authors.${author}`)}
          emptyText={t('publicReport.noMessages')}
          messageTestId="follow-message"
        />
      </Stack>

      {open && (
        <Stack gap="xs" component="section">
          <Textarea
            label={t('publicReport.reply')}
            description={t('publicReport.replyHelp')}
            autosize
            minRows={3}
            maxLength={TIP_LIMITS.whatMax}
            value={reply}
            onChange={(event) => setReply(event.currentTarget.value)}
            data-testid="follow-reply"
          />
          <ProblemAlert error={send.error} />
          <Button
            onClick={() => send.mutate()}
            disabled={!reply.trim()}
            loading={send.isPending}
            data-testid="follow-reply-submit"
          >
            {t('publicReport.replySubmit')}
          </Button>
        </Stack>
      )}

      {open && (
        <Stack gap="xs" component="section" aria-labelledby="follow-file-title">
          <Title order={2} size="h4" id="follow-file-title">
            {t('publicReport.followFileTitle')}
          </Title>
          <Text size="sm" c="dimmed" id="follow-file-help">
            {t('publicReport.followFileHelp')}
          </Text>
          <input
            key={fileKey}
            type="file"
            accept={EVIDENCE_TYPES}
            aria-labelledby="follow-file-title"
            aria-describedby="follow-file-help"
            onChange={(event) => {
              upload.reset();
              setFile(event.currentTarget.files?.[0] ?? null);
            }}
            data-testid="follow-file"
            style={{ display: 'block', maxWidth: '100%' }}
          />
          {upload.isSuccess && (
            <Alert color="green" variant="light" data-testid="follow-file-sent">
              {t('publicReport.fileSent')}
            </Alert>
          )}
          <ProblemAlert error={upload.error} title={t('publicReport.followFileFailed')} data-testid="follow-file-error" />
          <Button variant="default" onClick={() => file && upload.mutate(file)} disabled={!file} loading={upload.isPending} data-testid="follow-file-submit">
            {t('publicReport.followFileSubmit')}
          </Button>
        </Stack>
      )}

      {view.consentedToReport ? (
        <Alert color="green" variant="light" data-testid="follow-consented">
          {t('publicReport.consented')}
        </Alert>
      ) : (
        consentable && (
          <Paper withBorder p="md" component="section">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('publicReport.consentTitle')}
              </Title>
              <Text size="sm">{t('publicReport.consentBody')}</Text>
              <Button variant="default" onClick={() => setConfirming(true)} data-testid="follow-consent">
                {t('publicReport.consent')}
              </Button>
            </Stack>
          </Paper>
        )
      )}

      <ProblemAlert error={refresh.error} data-testid="follow-error" />
      <Group justify="space-between">
        <Button variant="subtle" onClick={refresh.run} loading={refresh.pending}>
          {t('publicReport.refresh')}
        </Button>
        <Button variant="default" onClick={onFinish} data-testid="follow-done">
          {t('publicReport.done')}
        </Button>
      </Group>

      <ConfirmModal
        opened={confirming}
        title={t('publicReport.consentConfirmTitle')}
        message={t('publicReport.consentConfirm')}
        confirmLabel={t('publicReport.consentConfirmButton')}
        loading={consent.isPending}
        error={consent.error}
        onConfirm={() => consent.mutate()}
        onClose={() => {
          setConfirming(false);
          consent.reset();
        }}
      />
    </Stack>
  );
}
