import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { Field, FieldList } from '../../components/field-list.tsx';
import type { Assessment } from './assess-api.ts';
import { DeadlineFlags, DueAt } from './deadline-status.tsx';

const FLAGS = ['participantsDetermined', 'campaignPeriod', 'quietPeriod', 'electoralDomain'] as const;

function YesNo({ value, testId }: { value: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={value ? 'green' : 'gray'} tt="none" data-testid={testId} data-value={value}>
      {value ? t('common.yes') : t('common.no')}
    </Badge>
  );
}

/** Stage, periods, routes, authority and the report deadline: the answer at a glance. */
export function AssessmentSummary({ assessment, reportDate }: { assessment: Assessment; reportDate?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const empty = t('common.empty');
  const { reportDeadline, timely } = assessment;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assess-result-title">
      <Title order={2} size="h4" mb="sm" id="assess-result-title">
        {t('assess.result')}
      </Title>
      <FieldList>
        <Field label={t('assess.stage')} testId="assess-stage">
          {assessment.stage ? format.localized(assessment.stage.name) : t('assess.noStage')}
        </Field>
        <Field label={t('assess.routesLabel')}>
          {assessment.routes.length === 0 ? (
            t('assess.noRoutes')
          ) : (
            <Group gap={6} component="span" data-testid="assess-routes">
              {assessment.routes.map((route) => (
                <Badge key={route} variant="light" color={route === 'election_crime' ? 'red' : 'blue'} tt="none" data-route={route}>
                  {t(`assess.routes.${route}`)}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
      </FieldList>
      <Group gap="lg" my="md" wrap="wrap">
        {FLAGS.map((flag) => (
          <Group key={flag} gap={6} wrap="nowrap">
            <Text size="sm" c="dimmed">
              {t(`assess.flags.${flag}`)}
            </Text>
            <YesNo value={assessment[flag]} testId={flag === 'electoralDomain' ? 'assess-electoral-domain' : undefined} />
          </Group>
        ))}
      </Group>
      <FieldList>
        <Field label={t('assess.asnAuthority')} testId="assess-authority">
          {assessment.asnAuthority ? format.localized(assessment.asnAuthority.name) : empty}
        </Field>
        <Field label={t('assess.timely')} testId="assess-timely">
          {timely === null ? (
            <Text span size="sm" c="dimmed">
              {t('assess.timelyUnknown')}
            </Text>
          ) : (
            <Badge variant="light" color={timely ? 'green' : 'red'} tt="none" data-value={timely}>
              {timely ? t('assess.timelyYes') : t('assess.timelyNo')}
            </Badge>
          )}
        </Field>
        <Field label={t('assess.reportDeadline')} testId="assess-report-deadline">
          <DueAt deadline={reportDeadline} reportDate={reportDate} />
          <DeadlineFlags deadline={reportDeadline} />
        </Field>
      </FieldList>
    </Paper>
  );
}
