import { useEffect, useId, useState, type FormEvent } from 'react';
import { Alert, Button, Input, List, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldLabelsFor, useFieldErrors } from '../../components/field-errors.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { todayAtOffset } from '../../lib/dates.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { PublicShell } from './public-shell.tsx';
import { EVIDENCE_TYPES, sendEvidence, submitTip, type TipReceipt } from './public-api.ts';
import { REQUIRED_REGION_DEPTH, RegionCascade } from './region-cascade.tsx';
import { ReceiptPanel } from './receipt-panel.tsx';
import { EMPTY_DRAFT, TIP_LIMITS, linesOf, toTipInput, type TipDraft, type TipDraftProblem } from './tip-form.ts';


/** The reporter's own calendar date, for the date field's maximum. */
const localToday = () => todayAtOffset(-new Date().getTimezoneOffset());

/** /lapor: an anonymous tip about a civil servant's partisanship. No account, no cookie. */
export function ReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('publicReport.title'));
  const [draft, setDraft] = useState<TipDraft>(EMPTY_DRAFT);
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<TipDraftProblem[]>([]);

  // gcTime 0: the receipt (with its secret) leaves memory as soon as this page does.
  const upload = useMutation({
    gcTime: 0,
    mutationFn: ({ receipt, evidence }: { receipt: TipReceipt; evidence: File }) => sendEvidence(receipt, evidence),
  });
  const submit = useMutation({
    gcTime: 0,
    mutationFn: submitTip,
    onSuccess: (receipt) => {
      if (file) upload.mutate({ receipt, evidence: file });
    },
  });

  // Leaving now would lose the codes, which are shown only once (or the tip, while it is sent).
  useWindowEvent('beforeunload', (event) => {
    if (submit.isPending || submit.data || upload.isPending) event.preventDefault();
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = toTipInput(draft, { today: localToday(), requiredRegionDepth: REQUIRED_REGION_DEPTH });
    setProblems(checked.problems);
    if (checked.input) submit.mutate(checked.input);
  };

  const receipt = submit.data;
  if (receipt) {
    return (
      <PublicShell>
        <ReceiptPanel
          receipt={receipt}
          upload={
            file
              ? {
                  status: upload.isPending ? 'uploading' : upload.isError ? 'failed' : upload.isSuccess ? 'sent' : 'uploading',
                  error: upload.error,
                  retry: () => upload.mutate({ receipt, evidence: file }),
                }
              : null
          }
        />
      </PublicShell>
    );
  }

  return (
    <PublicShell>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('publicReport.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('publicReport.intro')}
          </Text>
        </Stack>
        <SafetyNotice />
        <TipFields
          draft={draft}
          onChange={setDraft}
          file={file}
          onFile={setFile}
          problems={problems}
          sending={submit.isPending}
          error={submit.error}
          onSubmit={onSubmit}
        />
      </Stack>
    </PublicShell>
  );
}

/** What is and is not kept, in plain words, before anything is typed. */
function SafetyNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" title={t('publicReport.safetyTitle')} component="section">
      <List size="sm" spacing={6}>
        <List.Item>{t('publicReport.safety.noIdentity')}</List.Item>
        <List.Item>{t('publicReport.safety.ownName')}</List.Item>
        <List.Item>{t('publicReport.safety.informasiAwal')}</List.Item>
        <List.Item>{t('publicReport.safety.photos')}</List.Item>
        <List.Item>{t('publicReport.safety.device')}</List.Item>
      </List>
    </Alert>
  );
}

/** The label (publicReport.*) of each TipInput field, for the server's refusals. */
const FIELD_LABELS = { what: 'what', regionCode: 'regionTitle', where: 'where', occurredOn: 'date', who: 'who', links: 'links' } as const;

interface TipFieldsProps {
  draft: TipDraft;
  onChange: (draft: TipDraft) => void;
  file: File | null;
  onFile: (file: File | null) => void;
  problems: readonly TipDraftProblem[];
  sending: boolean;
  error: unknown;
  onSubmit: (event: FormEvent) => void;
}

function TipFields({ draft, onChange, file, onFile, problems, sending, error, onSubmit }: TipFieldsProps) {
  const { t } = useTranslation();
  const fileId = useId();
  const format = useFormat();
  const today = localToday();
  const set = <K extends keyof TipDraft>(key: K, value: TipDraft[K]) => onChange({ ...draft, [key]: value });
  const has = (field: TipDraftProblem['field']) => problems.some((problem) => problem.field === field);
  const invalidLinks = problems.flatMap((problem) => (problem.kind === 'invalid' ? [problem.link] : []));
  // what the server still refuses is marked on its field (the form's own checks come first)
  const serverErrors = useFieldErrors()(error);
  const serverError = (field: string) => serverErrors[field] ?? Object.entries(serverErrors).find(([key]) => key.startsWith(`${field}.`))?.[1];
  const labelOf = (field: string) => {
    const key = Object.hasOwn(FIELD_LABELS, field.split('.')[0]!) ? FIELD_LABELS[field.split('.')[0] as keyof typeof FIELD_LABELS] : null;
    return key ? t(`publicReport.${key}`) : field;
  };
  const linkCount = linesOf(draft.links).length;

  useEffect(() => {
    if (problems.length > 0) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={sending}>
      <Stack gap="md">
        <Textarea
          label={t('publicReport.what')}
          description={t('publicReport.whatHelp')}
          withAsterisk
          autosize
          minRows={5}
          maxLength={TIP_LIMITS.whatMax}
          value={draft.what}
          onChange={(event) => set('what', event.currentTarget.value)}
          error={has('what') ? t('publicReport.whatTooShort', { count: TIP_LIMITS.whatMin }) : serverError('what')}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          data-testid="tip-what"
        />
        <Text size="xs" c="dimmed" ta="right" mt={-12} aria-live="off">
          {t('publicReport.characters', { count: draft.what.length, max: TIP_LIMITS.whatMax })}
        </Text>

        <Paper withBorder p="sm" component="fieldset" m={0}>
          <Text component="legend" size="sm" fw={600} px={4}>
            {t('publicReport.regionTitle')}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('publicReport.regionHelp')}
          </Text>
          <RegionCascade
            value={draft.regionCodes}
            onChange={(regionCodes) => set('regionCodes', regionCodes)}
            error={has('region') ? t('publicReport.regionRequired') : serverError('regionCode')}
          />
        </Paper>

        <TextInput
          label={t('publicReport.where')}
          description={t('publicReport.whereHelp')}
          maxLength={TIP_LIMITS.textMax}
          value={draft.where}
          onChange={(event) => set('where', event.currentTarget.value)}
          error={serverError('where')}
          data-testid="tip-where"
        />
        <TextInput
          type="date"
          label={t('publicReport.date')}
          description={t('publicReport.dateHelp')}
          max={today}
          value={draft.occurredOn}
          onChange={(event) => set('occurredOn', event.currentTarget.value)}
          error={has('occurredOn') ? t('publicReport.dateFuture') : serverError('occurredOn')}
          data-testid="tip-date"
        />
        <TextInput
          label={t('publicReport.who')}
          description={t('publicReport.whoHelp')}
          maxLength={TIP_LIMITS.textMax}
          value={draft.who}
          onChange={(event) => set('who', event.currentTarget.value)}
          error={serverError('who')}
          data-testid="tip-who"
        />
        <Textarea
          label={t('publicReport.links')}
          description={t('publicReport.linksHelp', { max: TIP_LIMITS.linksMax })}
          autosize
          minRows={2}
          placeholder="https://"
          spellCheck={false}
          autoCapitalize="none"
          value={draft.links}
          onChange={(event) => set('links', event.currentTarget.value)}
          error={
            problems.some((problem) => problem.kind === 'tooMany')
              ? t('publicReport.linksTooMany', { max: TIP_LIMITS.linksMax, count: linkCount })
              : invalidLinks.length > 0
                ? t('publicReport.linksInvalid', { links: invalidLinks.join(', ') })
                : serverError('links')
          }
          data-testid="tip-links"
        />
        <Input.Wrapper
          id={fileId}
          label={t('publicReport.file')}
          description={t('publicReport.fileHelp')}
          inputWrapperOrder={['label', 'description', 'input']}
        >
          <input
            id={fileId}
            aria-describedby={`${fileId}-description`}
            type="file"
            accept={EVIDENCE_TYPES}
            onChange={(event) => onFile(event.currentTarget.files?.[0] ?? null)}
            data-testid="tip-file"
            style={{ display: 'block', marginTop: 6, maxWidth: '100%' }}
          />
          {file && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('publicReport.fileChosen', { size: format.fileSize(file.size) })}
            </Text>
          )}
        </Input.Wrapper>

        {problems.length > 0 ? (
          <Alert color="red" variant="light" role="alert" data-testid="tip-error">
            {t('publicReport.checkFields')}
          </Alert>
        ) : (
          <ProblemAlert error={error} fieldLabels={fieldLabelsFor(error, labelOf)} data-testid="tip-error" />
        )}
        <Button type="submit" size="md" loading={sending} data-testid="tip-submit">
          {t('publicReport.submit')}
        </Button>
        {sending && (
          <Text size="sm" c="dimmed" ta="center" role="status" aria-live="polite">
            {file ? t('publicReport.sendingWithFile') : t('publicReport.sending')}
          </Text>
        )}
      </Stack>
    </form>
  );
}
