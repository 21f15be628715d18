import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Code, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { Stat } from '../../components/stat.tsx';
import { UnitBreakdown } from '../../components/unit-breakdown.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { hasPermission, useSession } from '../auth/session.tsx';
import { missingExportUrl, useCoverage, useMissing, useRecordCeremony, useSendReminders, type PledgeCoverage } from './pledges-api.ts';

type Counts = PledgeCoverage['total'];

function CountsCells({ c }: { c: Counts }) {
  const format = useFormat();
  return (
    <>
      <Table.Td ta="right">{format.number(c.required)}</Table.Td>
      <Table.Td ta="right">{format.number(c.signed)}</Table.Td>
      <Table.Td ta="right">{format.number(c.missing)}</Table.Td>
      <Table.Td miw={140}>
        <Group gap={6} wrap="nowrap"><Progress value={c.percent} size="sm" w={80} /><Text size="xs">{c.percent}%</Text></Group>
      </Table.Td>
    </>
  );
}

function CountsHead({ first }: { first: string }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{first}</Table.Th>
        <Table.Th ta="right">{t('pledges.required')}</Table.Th>
        <Table.Th ta="right">{t('pledges.signed')}</Table.Th>
        <Table.Th ta="right">{t('pledges.missing')}</Table.Th>
        <Table.Th>%</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

/** Coverage of one campaign: totals, drill-down by unit, by type and region; who is missing; reminders; ceremonies. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit');
  const coverage = useCoverage(id, unitId);
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const missing = useMissing(id, page, q, unitId);
  const reminders = useSendReminders(id);
  const ceremony = useRecordCeremony(id);
  const [nips, setNips] = useState('');
  usePageTitle(coverage.data?.campaign.title ?? t('pledges.title'));
  if (coverage.isPending) return <FullPageLoader />;
  if (!coverage.data) return <ProblemAlert error={coverage.error} />;
  const cov = coverage.data;
  const drill = (u: string | null) => {
    setPage(1);
    setParams(u ? { unit: u } : {});
  };
  const signUrl = `${window.location.origin}/tandatangan/${id}`;
  const manage = hasPermission(me, 'agencies.manage');
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Anchor component={Link} to="/pledges" size="sm">← {t('pledges.back')}</Anchor>
      <Stack gap={2}>
        <Title order={1} size="h3" data-testid="campaign-title-view">{cov.campaign.title}</Title>
        <Text size="sm" c="dimmed">{format.date(cov.campaign.opensOn)} – {format.date(cov.campaign.closesOn)}</Text>
      </Stack>
      <Paper withBorder p="md">
        <Text size="sm">{t('pledges.signLink')}</Text>
        <Code block data-testid="campaign-sign-link">{signUrl}</Code>
      </Paper>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label={t('pledges.required')} value={format.number(cov.total.required)} testId="coverage-required" />
        <Stat label={t('pledges.signed')} value={format.number(cov.total.signed)} testId="coverage-signed" />
        <Stat label={t('pledges.missing')} value={format.number(cov.total.missing)} testId="coverage-missing" />
        <Stat label={t('pledges.percent')} value={`${cov.total.percent}%`} testId="coverage-percent" />
      </SimpleGrid>
      <UnitBreakdown
        title={`${t('pledges.byUnit')}${cov.unit ? `: ${cov.unit.path}` : ''}`}
        rows={cov.byUnit}
        drilled={Boolean(unitId)}
        onDrill={drill}
        head={<CountsHead first={t('pledges.unit')} />}
        cells={(u) => <CountsCells c={u} />}
        labels={{ wholeAgency: t('pledges.wholeAgency'), directStaff: t('pledges.directStaff') }}
        testIds={{ up: 'coverage-up', table: 'coverage-units', drill: 'coverage-drill' }}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">{t('pledges.byType')}</Title>
          <Table>
            <CountsHead first={t('pledges.type')} />
            <Table.Tbody>{cov.byEmploymentType.map((r) => <Table.Tr key={r.type}><Table.Td>{r.type}</Table.Td><CountsCells c={r} /></Table.Tr>)}</Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">{t('pledges.byRegion')}</Title>
          <Table>
            <CountsHead first={t('pledges.region')} />
            <Table.Tbody>{cov.byRegion.map((r) => <Table.Tr key={r.regionCode}><Table.Td>{r.regionName ?? r.regionCode}</Table.Td><CountsCells c={r} /></Table.Tr>)}</Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs" align="flex-end">
          <Title order={2} size="h5">{t('pledges.missingList')}</Title>
          <Group gap="xs">
            {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
              <Button key={f} component="a" href={missingExportUrl(id, f, unitId)} size="xs" variant="default" data-testid={`missing-export-${f}`}>{f.toUpperCase()}</Button>
            ))}
            {manage && <Button size="xs" onClick={() => reminders.mutate()} loading={reminders.isPending} data-testid="missing-remind">{t('pledges.remind')}</Button>}
          </Group>
        </Group>
        {reminders.data && <Alert variant="light" mb="xs" data-testid="missing-remind-result">{format.localized(reminders.data.message)}</Alert>}
        <ProblemAlert error={reminders.error ?? missing.error} />
        <TextInput placeholder={t('pledges.searchMissing')} value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} mb="xs" w={320} data-testid="missing-search" />
        <Table data-testid="missing-table">
          <Table.Thead>
            <Table.Tr><Table.Th>NIP</Table.Th><Table.Th>{t('pledges.name')}</Table.Th><Table.Th>{t('pledges.type')}</Table.Th><Table.Th>{t('pledges.unit')}</Table.Th><Table.Th>{t('pledges.contact')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(missing.data?.items ?? []).map((m) => (
              <Table.Tr key={m.employeeId} data-testid="missing-row">
                <Table.Td ff="monospace">{m.nip}</Table.Td>
                <Table.Td>{m.name}<Text size="xs" c="dimmed">{m.position}</Text></Table.Td>
                <Table.Td>{m.employmentType}</Table.Td>
                <Table.Td><Text size="xs">{m.unitPath ?? '—'}</Text></Table.Td>
                <Table.Td>{m.hasContact ? <Badge variant="light" color="green">{t('pledges.reachable')}</Badge> : <Badge variant="light" color="gray">{t('pledges.noContact')}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {missing.data && <Pager page={page} pageSize={missing.data.pageSize} total={missing.data.total} onChange={setPage} />}
      </Paper>
      {hasPermission(me, 'registry.write') && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">{t('pledges.ceremony')}</Title>
          <Text size="sm" c="dimmed" mb="xs">{t('pledges.ceremonyHelp')}</Text>
          <Textarea autosize minRows={3} value={nips} onChange={(e) => setNips(e.currentTarget.value)} placeholder="198001012005011001" data-testid="ceremony-nips" />
          <Group mt="xs">
            <Button onClick={() => ceremony.mutate(nips.split(/[\s,;]+/).map((n) => n.trim()).filter(Boolean))} disabled={!nips.trim()} loading={ceremony.isPending} data-testid="ceremony-submit">{t('pledges.recordCeremony')}</Button>
          </Group>
          <ProblemAlert error={ceremony.error} />
          {ceremony.data && (
            <Alert variant="light" mt="xs" data-testid="ceremony-result">
              {t('pledges.ceremonyResult', { signed: ceremony.data.signed, already: ceremony.data.alreadySigned, notCovered: ceremony.data.notCovered.length })}
              {ceremony.data.notCovered.length > 0 && <Text size="xs" ff="monospace">{ceremony.data.notCovered.slice(0, 50).join(', ')}</Text>}
            </Alert>
          )}
        </Paper>
      )}
    </Stack>
  );
}
