import { useState } from 'react';
import { Badge, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useFormat } from '../../lib/format.ts';
import { useCases } from './cases-api.ts';

/** The handler inbox: overdue and nearest deadlines first (the server orders it). */
export function CasesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [overdue, setOverdue] = useState(false);
  usePageTitle(t('cases.title'));
  const cases = useCases(page, overdue);
  if (cases.isPending) return <FullPageLoader />;
  const data = cases.data;
  return (
    <Stack gap="md" maw={1400} mx="auto">
      <Stack gap={4}>
        <Title order={1} size="h2">{t('cases.title')}</Title>
        <Text c="dimmed" size="sm">{t('cases.intro')}</Text>
      </Stack>
      <Checkbox label={t('cases.overdueOnly')} checked={overdue} onChange={(e) => { setOverdue(e.currentTarget.checked); setPage(1); }} data-testid="cases-overdue" />
      <ProblemAlert error={cases.error} />
      {data && data.items.length === 0 && <Paper withBorder p="lg"><Text data-testid="cases-empty">{t('cases.empty')}</Text></Paper>}
      {data && data.items.length > 0 && (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.columns.deadline')}</Table.Th>
                <Table.Th>{t('cases.columns.title')}</Table.Th>
                <Table.Th>{t('cases.columns.region')}</Table.Th>
                <Table.Th>{t('cases.columns.status')}</Table.Th>
                <Table.Th>{t('cases.columns.received')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((c) => (
                <Table.Tr key={c.id} data-testid="cases-row" style={{ cursor: 'pointer' }} onClick={() => void navigate(`/cases/${c.id}`)}>
                  <Table.Td>
                    {c.nextDeadline ? (
                      <Badge color={c.nextDeadline.overdue ? 'red' : c.nextDeadline.daysLeft <= 1 ? 'orange' : 'blue'} variant="light">
                        {format.localized(c.nextDeadline.label)}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">{t('cases.noDeadline')}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>{c.title}</Text>
                    <Text size="xs" c="dimmed">{c.caseNumber ?? t('cases.unregistered')}</Text>
                  </Table.Td>
                  <Table.Td>{c.regionName}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="outline">{c.status}</Badge>
                      {c.flags.map((f) => <Badge key={f} color="red" variant="dot">{f}</Badge>)}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.receivedOn}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {data && <Pager page={page} pageSize={data.pageSize} total={data.total} onChange={setPage} />}
    </Stack>
  );
}
