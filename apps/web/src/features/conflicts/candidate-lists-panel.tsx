import { useMemo, useState, type ComponentProps, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, Collapse, FileInput, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CANDIDATE_TEMPLATES, LIMITS, candidateTemplateCsv, type CandidateTemplateKind } from '@netra/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useFormat } from '../../lib/format.ts';
import { SHEET_ACCEPT, SHEET_MAX_MB, isSheetFile } from '../../lib/spreadsheet-file.ts';
import { ImportErrorsTable } from '../import/import-errors-table.tsx';
import type { ElectionSummary } from '../timeline/elections-api.ts';
import { useImportCandidates, type CandidateImportResult, type CandidateLists } from './conflicts-api.ts';

/** The template as a download (UTF-8 with a BOM, so Excel shows the names' letters right). */
const templateHref = (kind: CandidateTemplateKind) => `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${candidateTemplateCsv(kind)}`)}`;

/** Candidates loaded for the register's agency, per election; the way to load a KPU list when there is none. */
export function CandidateListsPanel({ lists, elections, electionId }: { lists: CandidateLists; elections: ElectionSummary[]; electionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canImport = lists.allowedActions.includes('candidates.import');
  const selected = lists.items.find((i) => i.electionId === electionId);
  const empty = !!selected && selected.legislative + selected.pairs === 0;
  // the form opens by itself where no list is loaded, and stays open once the import fills it (to show the report)
  const [opened, setOpened] = useState(empty);
  const [wasEmpty, setWasEmpty] = useState(empty);
  if (empty !== wasEmpty) {
    setWasEmpty(empty);
    if (empty) setOpened(true);
  }
  const nameOf = (id: string) => {
    const e = elections.find((x) => x.id === id);
    return e ? format.localized(e.name) : id;
  };
  const countText = (i: CandidateLists['items'][number]) =>
    i.legislative + i.pairs === 0
      ? t('conflicts.lists.none')
      : [
        i.legislative ? t('conflicts.lists.legislative', { count: i.legislative, n: format.number(i.legislative) }) : null,
        i.pairs ? t('conflicts.lists.pairs', { count: i.pairs, n: format.number(i.pairs) }) : null,
      ].filter(Boolean).join(', ');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="candidate-lists-title" data-testid="candidate-lists">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} size="h5" id="candidate-lists-title">{t('conflicts.lists.title')}</Title>
            {lists.items.map((i) => (
              <Text key={i.electionId} size="sm" fw={i.electionId === electionId ? 600 : undefined} data-testid="candidate-count" data-election={i.electionId} data-count={i.legislative + i.pairs}>
                {nameOf(i.electionId)}: {countText(i)}
              </Text>
            ))}
          </Stack>
          {canImport && (
            <Button variant="light" onClick={() => setOpened((o) => !o)} aria-expanded={opened} aria-controls="candidate-import" data-testid="candidates-import-toggle">
              {opened ? t('conflicts.lists.close') : t('conflicts.lists.import')}
            </Button>
          )}
        </Group>
        {empty && (
          <Alert color="yellow" variant="light" title={t('conflicts.lists.emptyTitle', { election: nameOf(electionId) })} data-testid="candidates-empty">
            {canImport ? t('conflicts.lists.emptyImport') : t('conflicts.lists.emptyAsk')}
          </Alert>
        )}
        {canImport && (
          <Collapse expanded={opened} id="candidate-import">
            <CandidateImportForm key={electionId} electionId={electionId} electionName={nameOf(electionId)} canMatch={lists.allowedActions.includes('conflicts.match')} />
          </Collapse>
        )}
      </Stack>
    </Paper>
  );
}

/** Upload of a KPU list (CSV/XLSX) for an election, with the expected columns, a template, and the import's report. */
function CandidateImportForm({ electionId, electionName, canMatch }: { electionId: string; electionName: string; canMatch: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CandidateTemplateKind>('legislative');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const upload = useImportCandidates();
  const fileInput = useMemo(() => ({ 'data-testid': 'candidates-file', 'aria-label': t('conflicts.lists.file') }) as ComponentProps<'input'>, [t]);
  const fileError = !file ? null : !isSheetFile(file.name) ? t('import.fileWrongType') : file.size > LIMITS.importFileBytes ? t('import.fileTooLarge', { size: SHEET_MAX_MB }) : null;
  const columns = kind === 'legislative'
    ? CANDIDATE_TEMPLATES.legislative.columns.map((c) => [c.header, t(`conflicts.lists.fields.legislative.${c.field}`)] as const)
    : CANDIDATE_TEMPLATES.pair.columns.map((c) => [c.header, t(`conflicts.lists.fields.pair.${c.field}`)] as const);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file && !fileError) upload.mutate({ electionId, kind, file, skipInvalid, dryRun });
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="xs">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('conflicts.lists.importFor', { election: electionName })}</Text>
          <NativeSelect label={t('conflicts.lists.kind')} value={kind} onChange={(e) => { setKind(e.currentTarget.value as CandidateTemplateKind); upload.reset(); }}
            data={[{ value: 'legislative', label: t('conflicts.lists.kinds.legislative') }, { value: 'pair', label: t('conflicts.lists.kinds.pair') }]} data-testid="candidates-kind" />
          <FileInput label={t('conflicts.lists.file')} description={t('conflicts.lists.fileHelp', { size: SHEET_MAX_MB })} placeholder={t('import.filePlaceholder')} accept={SHEET_ACCEPT}
            value={file} onChange={(f) => { setFile(f); upload.reset(); }} error={fileError} clearable fileInputProps={fileInput} />
          <Checkbox label={t('import.skipInvalid')} description={t('import.skipInvalidHelp')} checked={skipInvalid} onChange={(e) => setSkipInvalid(e.currentTarget.checked)} data-testid="candidates-skip-invalid" />
          <Checkbox label={t('import.dryRun')} description={t('import.dryRunHelp')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
          <Group>
            <Button type="submit" loading={upload.isPending} disabled={!file || !!fileError} data-testid="candidates-submit">{t('conflicts.lists.submit')}</Button>
          </Group>
          <ProblemAlert error={upload.error} title={t('import.failedTitle')} data-testid="candidates-import-error" />
          {upload.data && upload.variables && <ImportReport result={upload.data} dryRun={upload.variables.dryRun} canMatch={canMatch} />}
        </Stack>
      </form>
      <Stack gap="xs" component="aside" aria-labelledby="candidate-columns-title">
        <Title order={3} size="h6" id="candidate-columns-title">{t('conflicts.lists.columnsTitle')}</Title>
        <List size="sm" spacing={4} data-testid="candidates-columns">
          {columns.map(([header, help]) => (
            <List.Item key={header}><Text span fw={600} size="sm">{header}</Text>: {help}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">{t('conflicts.lists.columnsNote')}</Text>
        <Anchor href={templateHref(kind)} download={`templat-${kind === 'pair' ? 'pasangan-calon' : 'dct'}.csv`} size="sm" fw={500} data-testid="candidates-template">
          {t('conflicts.lists.template')}
        </Anchor>
      </Stack>
    </SimpleGrid>
  );
}

/**
 * What the import did: rows added, updated, unchanged and rejected, candidates replaced in their slot (PAW)
 * with a note per row naming who was replaced by whom, and each rejected row with its column and message.
 */
function ImportReport({ result, dryRun, canMatch }: { result: CandidateImportResult; dryRun: boolean; canMatch: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const counts = { inserted: format.number(result.inserted), updated: format.number(result.updated), unchanged: format.number(result.unchanged), rejected: format.number(result.rejected) };
  return (
    <Stack gap="xs" data-testid="candidates-import-result" data-status={result.status}>
      {result.status === 'succeeded' ? (
        <Alert color="green" variant="light" role="status" title={dryRun ? t('import.succeededDry') : t('conflicts.lists.imported')}>
          {t('conflicts.lists.counts', counts)}
          {result.replaced > 0 && <Text size="sm" mt={4} data-testid="candidates-replaced">{t('conflicts.lists.replaced', { count: result.replaced, n: format.number(result.replaced) })}</Text>}
          {!dryRun && result.inserted + result.updated + result.replaced > 0 && <Text size="sm" mt={4}>{canMatch ? t('conflicts.lists.nextMatch') : t('conflicts.lists.nextAskMatch')}</Text>}
        </Alert>
      ) : (
        <Alert color="orange" variant="light" role="alert" title={t('import.rejectedTitle')}>
          {t('conflicts.lists.rejected', counts)}
        </Alert>
      )}
      {result.notices.length > 0 && (
        <Stack gap={4} data-testid="candidates-import-notices">
          <Title order={3} size="h6">{t('conflicts.lists.noticesTitle')}</Title>
          <List size="sm" spacing={2}>
            {result.notices.map((n) => <List.Item key={`${n.row}:${n.code}`}>{t('import.errorColumns.row')} {n.row}: {i18n.language === 'en' ? n.message : n.messageId}</List.Item>)}
          </List>
        </Stack>
      )}
      {result.errors.length > 0 && <ImportErrorsTable errors={result.errors} />}
    </Stack>
  );
}
