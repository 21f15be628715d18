import { useEffect, useMemo, useState, type ComponentProps, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  FileInput,
  Grid,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EMPLOYEE_TEMPLATE_COLUMNS, EMPLOYMENT_TYPES, LIMITS, type ImportRun } from '@netra/contracts';
import { api, buildUrl, uploadFile } from '../../lib/api.ts';
import { percentOf, useFormat } from '../../lib/format.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { TEMPLATE_URL, useAgencies } from '../registry/registry-api.ts';
import { CreateAgencyModal, canCreateAgencies } from '../registry/create-agency-modal.tsx';
import { useSession } from '../auth/session.tsx';
import { ImportErrorsTable } from './import-errors-table.tsx';
import { ImportProgress, type ImportPhase } from './import-progress.tsx';
import { NewUnitsList } from './new-units-list.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { SHEET_ACCEPT, SHEET_MAX_MB, isSheetFile } from '../../lib/spreadsheet-file.ts';

const POLL_MS = 300;
// The real <input type=file> behind Mantine's button (end-to-end tests set files on it), named like the field.
const fileInputProps = (label: string) => ({ 'data-testid': 'import-file', 'aria-label': label }) as ComponentProps<'input'>;

/** Polls the run every POLL_MS until the server says it is no longer running. */
function useImportRun(started: ImportRun | null) {
  return useQuery({
    queryKey: ['imports', started?.id],
    queryFn: ({ signal }) => api.get<ImportRun>(`/imports/${started?.id}`, undefined, signal),
    enabled: started?.status === 'running',
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
    retry: 3,
    staleTime: 0,
    gcTime: 0,
  });
}

export function ImportPage() {
  const { t } = useTranslation();
  const fileInput = useMemo(() => fileInputProps(t('import.file')), [t]);
  const format = useFormat();
  const queryClient = useQueryClient();
  const me = useSession();
  usePageTitle(t('import.title'));
  const agencies = useAgencies();

  const [agencyId, setAgencyId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [uploadPercent, setUploadPercent] = useState(0);
  const [started, setStarted] = useState<ImportRun | null>(null);

  const [creatingAgency, setCreatingAgency] = useState(false);
  const mayCreateAgency = canCreateAgencies(me);

  const agencyList = agencies.data?.items ?? [];
  const targetAgencyId = agencyList.length === 1 ? agencyList[0]?.id : agencyId || undefined;

  const upload = useMutation({
    mutationFn: (input: { agencyId: string; file: File; dryRun: boolean; skipInvalid: boolean }) =>
      uploadFile<ImportRun>(`/agencies/${input.agencyId}/imports`, input.file, {
        query: { dryRun: input.dryRun, skipInvalid: input.skipInvalid },
        onProgress: (fraction) => setUploadPercent(Math.round(fraction * 100)),
      }),
    onMutate: () => {
      setStarted(null);
      setUploadPercent(0);
    },
    onSuccess: (run) => setStarted(run),
  });

  const polled = useImportRun(started);
  const run = started?.status === 'running' ? (polled.data ?? started) : started;
  const finished = run !== null && run.status !== 'running';

  // Once a real (not dry) run has written rows, lists and counts elsewhere are out of date.
  useEffect(() => {
    if (run && finished && !run.dryRun && run.summary && run.summary.inserted + run.summary.updated > 0) {
      void queryClient.invalidateQueries({ queryKey: ['employees'] });
      void queryClient.invalidateQueries({ queryKey: ['agencies'] });
    }
  }, [finished, run, queryClient]);

  const busy = upload.isPending || (run !== null && !finished);
  const phase: ImportPhase | null = upload.isPending
    ? 'uploading'
    : run === null
      ? null
      : finished
        ? 'done'
        : 'processing';
  const percent =
    phase === 'uploading' ? uploadPercent : phase === 'processing' && run ? percentOf(run.bytesRead, run.bytesTotal) : 100;

  const onFileChange = (chosen: File | null) => {
    setFile(chosen);
    if (!chosen) setFileError(null);
    else if (!isSheetFile(chosen.name)) setFileError(t('import.fileWrongType'));
    else if (chosen.size > LIMITS.importFileBytes) setFileError(t('import.fileTooLarge', { size: SHEET_MAX_MB }));
    else setFileError(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || fileError || !targetAgencyId || busy) return;
    upload.mutate({ agencyId: targetAgencyId, file, dryRun, skipInvalid });
  };

  if (agencies.isPending) return <FullPageLoader />;

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('import.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('import.intro')}
        </Text>
      </Stack>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="lg">
            <form onSubmit={onSubmit} noValidate>
              <Stack>
                <ProblemAlert error={agencies.error} />
                {agencies.isSuccess && agencyList.length === 0 && (
                  <Alert color="yellow" variant="light">
                    {t('import.noAgencies')}
                  </Alert>
                )}
                {agencyList.length > 1 && (
                  <NativeSelect
                    label={t('import.agency')}
                    required
                    value={agencyId}
                    onChange={(event) => setAgencyId(event.currentTarget.value)}
                    disabled={busy}
                    data={[
                      { value: '', label: t('import.agencyPlaceholder'), disabled: true },
                      ...agencyList.map((agency) => ({ value: agency.id, label: agency.name })),
                    ]}
                    data-testid="import-agency"
                  />
                )}
                {agencyList.length === 1 && agencyList[0] && (
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {t('import.agency')}
                    </Text>
                    <Text size="sm">{agencyList[0].name}</Text>
                  </Stack>
                )}
                {mayCreateAgency && (
                  <Group justify="flex-end" mt={-8}>
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      onClick={() => setCreatingAgency(true)}
                      data-testid="agency-create"
                    >
                      + {t('agencies.create')}
                    </Button>
                  </Group>
                )}
                <FileInput
                  label={t('import.file')}
                  description={t('import.fileHelp')}
                  placeholder={t('import.filePlaceholder')}
                  error={fileError}
                  required
                  clearable
                  accept={SHEET_ACCEPT}
                  value={file}
                  onChange={onFileChange}
                  disabled={busy}
                  fileInputProps={fileInput}
                />
                {file && !fileError && (
                  <Text size="xs" c="dimmed">
                    {t('import.fileChosen', { name: file.name, size: format.fileSize(file.size) })}
                  </Text>
                )}
                <Checkbox
                  label={t('import.dryRun')}
                  description={t('import.dryRunHelp')}
                  checked={dryRun}
                  onChange={(event) => setDryRun(event.currentTarget.checked)}
                  disabled={busy}
                  data-testid="import-dry-run"
                />
                <Checkbox
                  label={t('import.skipInvalid')}
                  description={t('import.skipInvalidHelp')}
                  checked={skipInvalid}
                  onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
                  disabled={busy}
                  data-testid="import-skip-invalid"
                />
                <Group>
                  <Button
                    type="submit"
                    loading={busy}
                    disabled={!file || Boolean(fileError) || !targetAgencyId}
                    data-testid="import-submit"
                  >
                    {t('import.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="lg" component="aside" aria-labelledby="import-format">
            <Title order={2} size="h5" mb="sm" id="import-format">
              {t('import.formatTitle')}
            </Title>
            <Stack gap="xs">
              <Text size="sm">{t('import.formatHeader')}</Text>
              <Code block>{EMPLOYEE_TEMPLATE_COLUMNS.join(',')}</Code>
              <List size="sm" spacing={4}>
                <List.Item>{t('import.formatTypes', { types: EMPLOYMENT_TYPES.join(', ') })}</List.Item>
                <List.Item>{t('import.formatSiasn')}</List.Item>
                <List.Item>{t('import.maxSize', { size: SHEET_MAX_MB })}</List.Item>
              </List>
              <Anchor href={TEMPLATE_URL} download size="sm" fw={500}>
                {t('import.downloadTemplate')}
              </Anchor>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>

      {creatingAgency && (
        <CreateAgencyModal onClose={() => setCreatingAgency(false)} onCreated={(agency) => setAgencyId(agency.id)} />
      )}

      {(phase || upload.isError) && (
        <Paper withBorder p="lg" component="section" aria-labelledby="import-result">
          <Stack>
            <Title order={2} size="h4" id="import-result">
              {run?.fileName ?? file?.name ?? t('import.title')}
            </Title>
            {phase && (
              <ImportProgress
                phase={phase}
                percent={percent}
                rowsRead={run?.rowsRead ?? 0}
                failed={run?.status === 'failed' || run?.status === 'rejected'}
              />
            )}
            <ProblemAlert error={upload.error} title={t('import.failedTitle')} data-testid="import-failure" />
            <ProblemAlert error={polled.error} />
            {run && finished && <ImportOutcome run={run} />}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function ImportOutcome({ run }: { run: ImportRun }) {
  const { t, i18n } = useTranslation();
  const summary = run.summary;
  return (
    <Stack>
      {run.status === 'succeeded' && (
        <Alert color="green" variant="light" role="status">
          {run.dryRun ? t('import.succeededDry') : t('import.succeeded')}
        </Alert>
      )}
      {run.status === 'rejected' && (
        <Alert color="orange" variant="light" title={t('import.rejectedTitle')} role="alert">
          {t('import.rejectedBody')}
        </Alert>
      )}
      {run.status === 'failed' && (
        <Alert color="red" variant="light" title={t('import.failedTitle')} role="alert" data-testid="import-failure">
          {run.failure ? (i18n.language === 'en' ? run.failure.message : run.failure.messageId) : t('errors.generic')}
        </Alert>
      )}
      {summary && (
        <Stack gap="xs" data-testid="import-summary">
          <Title order={3} size="h5">
            {t('import.summaryTitle')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <SummaryFigure label={t('import.inserted')} value={summary.inserted} testId="import-inserted" />
            <SummaryFigure label={t('import.updated')} value={summary.updated} testId="import-updated" />
            <SummaryFigure label={t('import.unchanged')} value={summary.unchanged} testId="import-unchanged" />
            <SummaryFigure label={t('import.rejected')} value={summary.rejected} testId="import-rejected" tone="red" />
          </SimpleGrid>
        </Stack>
      )}
      {summary?.newUnits && summary.newUnits.length > 0 && (
        <NewUnitsList units={summary.newUnits} more={summary.moreNewUnits ?? 0} planned={run.dryRun || run.status !== 'succeeded'} />
      )}
      {summary && summary.errors.length > 0 && (
        <ImportErrorsTable
          errors={summary.errors}
          more={summary.moreErrors ?? 0}
          reportUrl={run.errorReport ? buildUrl(`/imports/${run.id}/errors.csv`) : null}
        />
      )}
      {run.status === 'succeeded' && !run.dryRun && (
        <Group>
          <Button component={Link} to="/registry" variant="light">
            {t('import.viewRegistry')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function SummaryFigure({ label, value, testId, tone }: { label: string; value: number; testId: string; tone?: 'red' }) {
  const format = useFormat();
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700} c={tone === 'red' && value > 0 ? 'red.7' : undefined} data-testid={testId} data-value={value}>
        {format.number(value)}
      </Text>
    </Paper>
  );
}
