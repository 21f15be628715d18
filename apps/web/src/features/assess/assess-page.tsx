import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useAssessIncident } from './assess-api.ts';
import { AssessForm } from './assess-form.tsx';
import { AssessmentSummary } from './assessment-summary.tsx';
import { DeadlinesTable } from './deadlines-table.tsx';
import { ExplanationList } from './explanation-list.tsx';
import { SanctionList } from './sanction-list.tsx';

/** "Periksa Kasus": one incident through the legal engine, with the reasoning shown. */
export function AssessPage() {
  const { t } = useTranslation();
  usePageTitle(t('assess.title'));
  const assess = useAssessIncident();
  const result = assess.data;
  const reportDate = assess.variables?.reportDate;

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('assess.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('assess.intro')}
        </Text>
      </Stack>

      <AssessForm onSubmit={(input) => assess.mutate(input)} pending={assess.isPending} error={assess.error} />

      {result && (
        <Stack gap="md" data-testid="assess-result" aria-live="polite">
          <AssessmentSummary assessment={result} reportDate={reportDate} />
          <DeadlinesTable deadlines={result.deadlines} reportDate={reportDate} />
          <SanctionList options={result.sanctionOptions} />
          <ExplanationList lines={result.explanation} />
        </Stack>
      )}
    </Stack>
  );
}
