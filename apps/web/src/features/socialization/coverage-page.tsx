import { useState } from 'react';
import { Group, NativeSelect, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { Stat } from '../../components/stat.tsx';
import { UnitBreakdown } from '../../components/unit-breakdown.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useElections } from '../timeline/elections-api.ts';
import { AgencySelect, SocializationHeader, useAgencyChoice } from './socialization-nav.tsx';
import { useBriefedCoverage, type BriefedCoverage } from './socialization-api.ts';

type Counts = BriefedCoverage['total'];

function CountsCells({ c }: { c: Counts }) {
  const format = useFormat();
  return (
    <>
      <Table.Td ta="right">{format.number(c.staff)}</Table.Td>
      <Table.Td ta="right">{format.number(c.attended)}</Table.Td>
      <Table.Td ta="right">{format.number(c.briefed)}</Table.Td>
      <Table.Td ta="right">{format.number(c.missing)}</Table.Td>
      <Table.Td miw={140}>
        <Group gap={6} wrap="nowrap"><Progress value={c.percent} size="sm" w={80} /><Text size="xs">{format.number(c.percent)}%</Text></Group>
      </Table.Td>
    </>
  );
}

/** "Briefed" coverage of an agency's staff: attended an event or briefed in its cascade, drilled down by unit. */
export function CoveragePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const elections = useElections();
  const [params, setParams] = useSearchParams();
  const [chosenAgency, setChosenAgency] = useState('');
  const [electionId, setElectionId] = useState('');
  const { agencies, agencyId } = useAgencyChoice(chosenAgency);
  const unitId = params.get('unit');
  const coverage = useBriefedCoverage(agencyId, electionId, unitId);
  usePageTitle(t('socialization.coverageTitle'));
  const drill = (u: string | null) => setParams(u ? { unit: u } : {});
  const cov = coverage.data;
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <SocializationHeader />
      <Text size="sm" c="dimmed">{t('socialization.coverageIntro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <AgencySelect value={agencyId} onChange={(id) => { setChosenAgency(id); drill(null); }} agencies={agencies} />
        <NativeSelect label={t('socialization.election')} value={electionId} onChange={(e) => setElectionId(e.currentTarget.value)}
          data={[{ value: '', label: t('socialization.allEvents') }, ...(elections.data?.items ?? []).map((x) => ({ value: x.id, label: format.localized(x.name) }))]} data-testid="coverage-election" />
      </SimpleGrid>
      <ProblemAlert error={coverage.error} />
      {cov && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label={t('socialization.staff')} value={format.number(cov.total.staff)} testId="briefed-staff" />
            <Stat label={t('socialization.attended')} value={format.number(cov.total.attended)} testId="briefed-attended" />
            <Stat label={t('socialization.briefed')} value={format.number(cov.total.briefed)} testId="briefed-briefed" />
            <Stat label={t('socialization.percent')} value={`${format.number(cov.total.percent)}%`} testId="briefed-percent" />
          </SimpleGrid>
          <UnitBreakdown
            title={`${t('socialization.byUnit')}${cov.unit ? `: ${cov.unit.path}` : ''}`}
            rows={cov.byUnit}
            drilled={Boolean(unitId)}
            onDrill={drill}
            head={
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('socialization.unit')}</Table.Th>
                  <Table.Th ta="right">{t('socialization.staff')}</Table.Th>
                  <Table.Th ta="right">{t('socialization.attended')}</Table.Th>
                  <Table.Th ta="right">{t('socialization.briefed')}</Table.Th>
                  <Table.Th ta="right">{t('socialization.missing')}</Table.Th>
                  <Table.Th>%</Table.Th>
                </Table.Tr>
              </Table.Thead>
            }
            cells={(u) => <CountsCells c={u} />}
            labels={{ wholeAgency: t('socialization.wholeAgency'), directStaff: t('socialization.directStaff') }}
            testIds={{ up: 'briefed-up', table: 'briefed-units', drill: 'briefed-drill' }}
          />
        </>
      )}
    </Stack>
  );
}
