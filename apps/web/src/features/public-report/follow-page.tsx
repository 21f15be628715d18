import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Container, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import type { Credentials, TipFollowView } from './public-api.ts';

/** The reporter's view: status, questions and answers. The secret stays in memory only. */
export function FollowPage() {
  const { t } = useTranslation();
  const [creds, setCreds] = useState<Credentials>({ receiptCode: '', secret: '' });
  const [view, setView] = useState<TipFollowView | null>(null);
  const [reply, setReply] = useState('');
  const follow = useMutation({ mutationFn: () => api.post<TipFollowView>('/public/tips/follow', creds), onSuccess: setView });
  const send = useMutation({ mutationFn: () => api.post<TipFollowView>('/public/tips/reply', { ...creds, body: reply }), onSuccess: (v) => { setView(v); setReply(''); } });
  const consent = useMutation({ mutationFn: () => api.post<TipFollowView>('/public/tips/consent', creds), onSuccess: setView });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    follow.mutate();
  };
  return (
    <Container size="xs" py="lg">
      <Stack>
        <Title order={1} size="h3">{t('publicReport.followTitle')}</Title>
        {!view && (
          <form onSubmit={onSubmit}>
            <Stack>
              <TextInput label={t('publicReport.receiptCode')} required value={creds.receiptCode} onChange={(e) => setCreds({ ...creds, receiptCode: e.currentTarget.value })} data-testid="follow-code" />
              <TextInput label={t('publicReport.secret')} required type="password" autoComplete="off" value={creds.secret} onChange={(e) => setCreds({ ...creds, secret: e.currentTarget.value })} data-testid="follow-secret" />
              <ProblemAlert error={follow.error} data-testid="follow-error" />
              <Button type="submit" loading={follow.isPending} data-testid="follow-submit">{t('publicReport.followSubmit')}</Button>
            </Stack>
          </form>
        )}
        {view && (
          <Stack>
            <Paper withBorder p="md">
              <Text size="sm">{t('publicReport.status')}</Text>
              <Badge size="lg" data-testid="follow-status" data-status={view.status}>{t(`publicReport.statuses.${view.status}`)}</Badge>
            </Paper>
            {view.messages.length === 0 && <Text size="sm" c="dimmed">{t('publicReport.noMessages')}</Text>}
            {view.messages.map((m, i) => (
              <Paper key={i} withBorder p="sm" data-testid="follow-message" data-author={m.author} bg={m.author === 'reporter' ? 'gray.0' : undefined}>
                <Text size="xs" c="dimmed">{t(`publicReport.authors.${m.author}`)} · {m.sentOn}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Text>
              </Paper>
            ))}
            {view.status !== 'closed' && (
              <Stack gap="xs">
                <Textarea label={t('publicReport.reply')} autosize minRows={2} value={reply} onChange={(e) => setReply(e.currentTarget.value)} data-testid="follow-reply" />
                <ProblemAlert error={send.error ?? consent.error} />
                <Button onClick={() => send.mutate()} disabled={!reply.trim()} loading={send.isPending} data-testid="follow-reply-submit">{t('publicReport.replySubmit')}</Button>
              </Stack>
            )}
            {view.consentedToReport ? (
              <Alert color="green">{t('publicReport.consented')}</Alert>
            ) : (
              <Button variant="default" onClick={() => window.confirm(t('publicReport.consentConfirm')) && consent.mutate()} data-testid="follow-consent">{t('publicReport.consent')}</Button>
            )}
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
