import { useId, useRef, useState } from 'react';
import { Input, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useEvidenceList, useEvidenceUpload } from './cases-api.ts';
import { EvidenceItem } from './evidence-item.tsx';

function EvidenceUpload({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const upload = useEvidenceUpload(caseId);
  const [progress, setProgress] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const onFile = (file: File | null) => {
    if (!file) return;
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress },
      { onSettled: () => { if (input.current) input.current.value = ''; } },
    );
  };
  return (
    <Stack gap={4}>
      <Input.Wrapper id={fileId} label={t('cases.evidence.upload')} description={t('cases.evidence.uploadHelp')} inputWrapperOrder={['label', 'description', 'input']}>
        <input
          ref={input}
          id={fileId}
          aria-describedby={`${fileId}-description`}
          type="file"
          disabled={upload.isPending}
          onChange={(e) => onFile(e.currentTarget.files?.[0] ?? null)}
          data-testid="case-evidence-file"
          style={{ display: 'block', marginTop: 6, maxWidth: '100%' }}
        />
      </Input.Wrapper>
      {upload.isPending && (
        <Stack gap={2} role="status" aria-live="polite">
          <Progress value={Math.round(progress * 100)} size="sm" />
          <Text size="xs" c="dimmed">{t('cases.evidence.uploading', { percent: Math.round(progress * 100) })}</Text>
        </Stack>
      )}
      <ProblemAlert error={upload.error} data-testid="case-evidence-error" />
    </Stack>
  );
}

/** The case's files with hashes, metadata, duplicate warning, shareable copy and chain of custody. */
/** A case's evidence (handlers may add to it), or a tip's as its sender uploaded it (read only). */
export function EvidencePanel(props: { caseId: string; canHandle: boolean } | { tipId: string }) {
  const { t } = useTranslation();
  const evidence = useEvidenceList('caseId' in props ? { caseId: props.caseId } : { tipId: props.tipId });
  return (
    <Paper withBorder p="md" data-testid="case-evidence">
      <Title order={2} size="h5" mb="xs">{t('cases.evidence.title')}</Title>
      <Stack gap="sm">
        {evidence.isPending && <Loader size="sm" />}
        {evidence.isError && <ProblemAlert error={evidence.error} />}
        {evidence.data?.items.length === 0 && <Text size="sm" c="dimmed">{t('cases.evidence.empty')}</Text>}
        {evidence.data?.items.map((item) => <EvidenceItem key={item.id} item={item} />)}
        {'caseId' in props && props.canHandle && <EvidenceUpload caseId={props.caseId} />}
      </Stack>
    </Paper>
  );
}
