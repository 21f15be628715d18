import { useState } from 'react';
import { Center, Code, Loader, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type AuditEvent } from '@netra/contracts';
import { api, type Page } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

const PAGE_SIZE = LIMITS.pageSizeDefault;

export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  usePageTitle(t('audit.title'));
  const events = useQuery({
    queryKey: ['audit', page],
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>('/audit', { page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md" maw={1400} mx="auto">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('audit.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('audit.intro')}
        </Text>
      </Stack>

      <ProblemAlert error={events.error} />

      {events.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : events.data && events.data.total === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {t('audit.empty')}
          </Text>
        </Paper>
      ) : events.data ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" aria-label={t('audit.title')} aria-busy={events.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('audit.columns.seq')}</Table.Th>
                  <Table.Th w={180}>{t('audit.columns.time')}</Table.Th>
                  <Table.Th>{t('audit.columns.actor')}</Table.Th>
                  <Table.Th>{t('audit.columns.action')}</Table.Th>
                  <Table.Th>{t('audit.columns.entity')}</Table.Th>
                  <Table.Th w={130}>{t('audit.columns.hash')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.items.map((event) => (
                  <Table.Tr key={event.seq} data-testid="audit-row">
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{event.seq}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.occurredAt)}</Table.Td>
                    <Table.Td>{event.actorLabel}</Table.Td>
                    <Table.Td>
                      <Code>{event.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{event.entityType}</Text>
                      {event.entityId && (
                        <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                          {event.entityId}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {event.hash ? (
                        <Tooltip label={event.hash} multiline maw={360} style={{ wordBreak: 'break-all' }}>
                          <Text size="xs" ff="monospace" tabIndex={0}>
                            {event.hash.slice(0, 12)}…
                          </Text>
                        </Tooltip>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('audit.unsealed')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Paper p="sm" radius={0} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Pager page={page} pageSize={PAGE_SIZE} total={events.data.total} onChange={setPage} />
          </Paper>
        </Paper>
      ) : null}
    </Stack>
  );
}
