import { Alert, Center, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RegionSelect } from '../../components/region-select.tsx';
import { useElections, useHomeRegion, useTimeline } from './elections-api.ts';
import { StageLegend } from './stage-roles.tsx';
import { StagesTable } from './stages-table.tsx';
import { TimelineChart } from './timeline-chart.tsx';

/** "Tahapan Pemilihan": an election's stages in a region. The choice lives in the URL. */
export function TimelinePage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('timeline.title'));
  const [params, setParams] = useSearchParams();
  const elections = useElections();
  const home = useHomeRegion();

  const electionList = elections.data?.items ?? [];
  const electionId = params.get('election') ?? electionList[0]?.id ?? null;
  const regionCode = params.get('region') ?? (home.ready ? home.regionCode : null);
  const timeline = useTimeline(electionId, regionCode);

  const update = (key: 'election' | 'region', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const data = timeline.data;
  return (
    <Stack gap="md" maw={1400} mx="auto">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('timeline.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('timeline.intro')}
        </Text>
      </Stack>

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('timeline.election')}
            data={electionList.map((election) => ({ value: election.id, label: format.localized(election.name) }))}
            value={electionId}
            onChange={(id) => update('election', id)}
            allowDeselect={false}
            data-testid="timeline-election"
          />
          <RegionSelect
            label={t('timeline.region')}
            placeholder={t('timeline.regionSearch')}
            value={regionCode}
            onChange={(code) => update('region', code)}
            data-testid="timeline-region"
          />
        </SimpleGrid>
      </Paper>

      <ProblemAlert error={elections.error ?? timeline.error} />

      {timeline.isLoading ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : data ? (
        <>
          {!data.takesPart && (
            <Alert color="yellow" variant="light" title={t('timeline.notParticipatingTitle')} data-testid="timeline-not-participating">
              {t('timeline.notParticipating', { election: format.localized(data.election.name), region: data.regionCode })}
            </Alert>
          )}
          {data.stages.length === 0 ? (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                {t('timeline.empty')}
              </Text>
            </Paper>
          ) : (
            <>
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Group justify="space-between" gap="sm">
                    <StageLegend />
                    <Text size="xs" c="dimmed">
                      {t('timeline.timeZone', { zone: data.timeZone })}
                    </Text>
                  </Group>
                  <TimelineChart timeline={data} />
                </Stack>
              </Paper>
              <StagesTable stages={data.stages} />
            </>
          )}
        </>
      ) : null}
    </Stack>
  );
}
