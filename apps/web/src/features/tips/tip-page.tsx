import { EvidencePanel } from '../cases/evidence-panel.tsx';
import { useState } from 'react';
import { Alert, Anchor, Button, Center, Group, List, Loader, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field, FieldList } from '../../components/field-list.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { hasPermission, useSession } from '../auth/session.tsx';
import { TipStatusBadge } from './tip-status.tsx';
import { TipThread } from './tip-thread.tsx';
import { useAskReporter, useSetTipStatus, useTip, type Tip } from './tips-api.ts';

const MESSAGE_MAX = 5000;

/** Only web addresses become links; anything else is shown as text. */
function isWebLink(link: string): boolean {
  try {
    const { protocol } = new URL(link);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function TipPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const { id } = useParams();
  const tip = useTip(id);
  usePageTitle(tip.data ? `${t('tips.detailTitle')} ${tip.data.receiptCode}` : t('tips.title'));

  const back = (
    <Anchor component={Link} to="/tips" size="sm">
      ← {t('tips.back')}
    </Anchor>
  );
  if (tip.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (tip.isError) {
    return (
      <Stack maw={960} mx="auto">
        {back}
        <ProblemAlert error={tip.error} />
      </Stack>
    );
  }

  const data = tip.data;
  const empty = t('common.empty');
  // Converted and closed tips are final on the server; asking or changing status is pointless there.
  const canHandle =
    hasPermission(me, 'tips.handle') && data.status !== 'closed' && !data.status.startsWith('converted');
  // the receipt channel stays open after the tip became a case: the reporter can still answer there
  const canAsk = hasPermission(me, 'tips.handle') && data.canAsk;

  return (
    <Stack gap="md" maw={960} mx="auto">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('tips.detailTitle')} <Text span ff="monospace" inherit>{data.receiptCode}</Text>
          </Title>
          <Group gap="xs">
            <TipStatusBadge status={data.status} testId="tip-detail-status" />
            <Text size="sm" c="dimmed">
              {t('tips.receivedOn', { date: format.date(data.receivedOn) })}
            </Text>
          </Group>
        </Stack>
        {canHandle && (
          <Group gap="xs">
            <StatusActions tip={data} />
            {hasPermission(me, 'cases.handle') && (
              <>
                <Button component={Link} to={`/cases/new?tip=${data.id}&kind=finding`} variant="light" data-testid="tip-to-finding">{t('intake.fromTipFinding')}</Button>
                {data.consentedToReport && <Button component={Link} to={`/cases/new?tip=${data.id}&kind=report`} variant="light" data-testid="tip-to-report">{t('intake.fromTipReport')}</Button>}
              </>
            )}
          </Group>
        )}
      </Group>

      {data.caseId && (
        <Alert color="blue" variant="light" data-testid="tip-case">
          <Group gap="xs">
            <Text size="sm">{t('tips.convertedCase')}</Text>
            <Anchor component={Link} to={`/cases/${data.caseId}`} size="sm" fw={600} data-testid="tip-case-link">
              {t('tips.openCase', { number: data.caseNumber ?? '' }).trim()}
            </Anchor>
          </Group>
        </Alert>
      )}

      {data.consentedToReport && (
        <Alert color="green" variant="light">
          {t('tips.consentedNote')}
        </Alert>
      )}

      <Paper withBorder p="lg" component="section" aria-labelledby="tip-what">
        <Title order={2} size="h4" mb="sm" id="tip-what">
          {t('tips.what')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="tip-detail-what">
          {data.what}
        </Text>
      </Paper>

      {/* the sender's photos and files, before deciding what to make of the tip (after that they move to the case) */}
      {!data.status.startsWith('converted') && <EvidencePanel tipId={data.id} />}

      <Paper withBorder p="lg" component="section" aria-labelledby="tip-details">
        <Title order={2} size="h4" mb="md" id="tip-details">
          {t('tips.details')}
        </Title>
        <FieldList>
          <Field label={t('tips.region')}>
            {data.regionName}{' '}
            <Text span size="xs" c="dimmed" ff="monospace">
              ({data.regionCode})
            </Text>
          </Field>
          <Field label={t('tips.occurredOn')}>{format.date(data.occurredOn)}</Field>
          <Field label={t('tips.where')}>{data.where ?? empty}</Field>
          <Field label={t('tips.who')}>{data.who ?? empty}</Field>
        </FieldList>
        <Stack gap={4} mt="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
            {t('tips.links')}
          </Text>
          {data.links.length === 0 ? (
            <Text size="sm">{empty}</Text>
          ) : (
            <>
              <Text size="xs" c="dimmed">
                {t('tips.linksCaution')}
              </Text>
              <List size="sm" spacing={4} data-testid="tip-detail-links">
                {data.links.map((link) => (
                  <List.Item key={link} style={{ overflowWrap: 'anywhere' }}>
                    {isWebLink(link) ? (
                      <Anchor href={link} target="_blank" rel="noopener noreferrer nofollow" size="sm">
                        {link}
                      </Anchor>
                    ) : (
                      link
                    )}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="lg" component="section" aria-labelledby="tip-thread">
        <Title order={2} size="h4" mb="sm" id="tip-thread">
          {t('tips.thread')}
        </Title>
        <TipThread
          messages={data.messages}
          authorLabel={(author) => t(`tips.authors.${author}`)}
          emptyText={t('tips.noMessages')}
          messageTestId="tip-message"
        />
        {canAsk && <AskReporter tipId={data.id} converted={data.caseId !== null} />}
      </Paper>
    </Stack>
  );
}

/** "Tanya pelapor": the question appears on the reporter's follow page. */
function AskReporter({ tipId, converted }: { tipId: string; converted: boolean }) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState('');
  const ask = useAskReporter(tipId);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        ask.mutate(question.trim(), { onSuccess: () => setQuestion('') });
      }}
    >
      <Stack gap="xs" mt="md">
        <Textarea
          label={t('tips.ask')}
          description={converted ? t('tips.askHelpConverted') : t('tips.askHelp')}
          autosize
          minRows={2}
          maxLength={MESSAGE_MAX}
          value={question}
          onChange={(event) => setQuestion(event.currentTarget.value)}
          data-testid="tip-question"
        />
        <ProblemAlert error={ask.error} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!question.trim()} loading={ask.isPending} data-testid="tip-question-submit">
            {t('tips.askSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Mulai telaah" and "Tutup" (with a note the reporter will see). */
function StatusActions({ tip }: { tip: Tip }) {
  const { t } = useTranslation();
  const setStatus = useSetTipStatus(tip.id);
  const [closing, setClosing] = useState(false);
  const [note, setNote] = useState('');
  const closeModal = () => {
    setClosing(false);
    setStatus.reset();
  };
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {tip.status !== 'in_review' && (
          <Button
            onClick={() => setStatus.mutate({ status: 'in_review' })}
            loading={setStatus.isPending && !closing}
            data-testid="tip-status-review"
          >
            {t('tips.startReview')}
          </Button>
        )}
        <Button variant="default" color="red" onClick={() => setClosing(true)} data-testid="tip-status-close">
          {t('tips.close')}
        </Button>
      </Group>
      {!closing && <ProblemAlert error={setStatus.error} />}
      <Modal opened={closing} onClose={closeModal} title={t('tips.closeTitle')} centered>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setStatus.mutate({ status: 'closed', note: note.trim() || undefined }, { onSuccess: closeModal });
          }}
        >
          <Stack>
            <Text size="sm">{t('tips.closeHelp')}</Text>
            <Textarea
              label={t('tips.closeNote')}
              description={t('tips.closeNoteHelp')}
              autosize
              minRows={3}
              maxLength={MESSAGE_MAX}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              data-testid="tip-close-note"
            />
            <ProblemAlert error={setStatus.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={closeModal}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={setStatus.isPending} data-testid="tip-close-submit">
                {t('tips.closeSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
