import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';

export type ImportPhase = 'uploading' | 'processing' | 'done';

interface ImportProgressProps {
  phase: ImportPhase;
  /** 0..100 */
  percent: number;
  rowsRead: number;
  failed: boolean;
}

/** One bar for the whole run: the upload first, then the server reading the file. */
export function ImportProgress({ phase, percent, rowsRead, failed }: ImportProgressProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const text =
    phase === 'uploading'
      ? t('import.uploading', { percent })
      : phase === 'processing'
        ? t('import.processing', { percent, rows: format.number(rowsRead) })
        : t('import.done');
  return (
    <Stack gap={6}>
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-label={t('import.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        data-status={phase}
        data-testid="import-progress"
      >
        <Progress.Section
          value={percent}
          withAria={false}
          color={failed ? 'red' : phase === 'done' ? 'green' : 'blue'}
          striped={phase !== 'done'}
          animated={phase !== 'done'}
        />
      </Progress.Root>
      <Text size="sm" c="dimmed" aria-live="polite">
        {text}
      </Text>
    </Stack>
  );
}
