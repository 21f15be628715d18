import { Anchor, Button, Center, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LIMITS, type AuditEvent } from '@netra/contracts';
import { api, type Page } from '../../lib/api.ts';
import { addDays, isIsoDate } from '../../lib/dates.ts';
import { zoneOf } from '../../lib/zones.ts';
import { useAuditLabels } from './audit-labels.ts';
import { useFormat } from '../../lib/format.ts';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

const PAGE_SIZE = LIMITS.pageSizeDefault;
const FILTERS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to', 'sort'] as const;
type Filter = (typeof FILTERS)[number];

/** Where a recorded object can be opened, for the kinds that have a page. */
const ENTITY_PAGES: Record<string, (id: string) => string> = {
  employee: (id) => `/registry/${id}`,
  case: (id) => `/cases/${id}`,
  tip: (id) => `/tips/${id}`,
  pledge_campaign: (id) => `/pledges/${id}`,
  socialization_event: (id) => `/socialization/events/${id}`,
};

/** Start of a local calendar day as an instant, so a date filter means the viewer's own day. */
const localMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00`).toISOString();

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const labels = useAuditLabels();
  const [params, setParams] = useSearchParams();
  const value = (k: Filter) => params.get(k) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (k: Filter | 'page', v: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (v) next.set(k, v);
      else next.delete(k);
      if (k !== 'page') next.delete('page');
      return next;
    }, { replace: true });
  const [actor] = useDebouncedValue(value('actor').trim(), 300);
  const [entityId] = useDebouncedValue(value('entityId').trim(), 300);
  const from = value('from');
  const to = value('to');
  // a date typed or linked by hand is checked here: the server would refuse it as a bad address
  const fromError = from && !isIsoDate(from) ? t('audit.filters.dateInvalid') : undefined;
  const toError = to && !isIsoDate(to) ? t('audit.filters.dateInvalid') : from && to && !fromError && to < from ? t('audit.filters.rangeInvalid') : undefined;
  const datesOk = !fromError && !toError;
  const query = {
    page, pageSize: PAGE_SIZE, actor: actor || undefined, action: value('action') || undefined, entityType: value('entityType') || undefined,
    entityId: entityId || undefined, from: from && datesOk ? localMidnight(from) : undefined, to: to && datesOk ? localMidnight(addDays(to, 1)) : undefined,
    sort: value('sort') || undefined,
  };
  const filtered = FILTERS.some((k) => value(k));
  usePageTitle(t('audit.title'));
  const events = useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>('/audit', query, signal),
    placeholderData: keepPreviousData,
    enabled: datesOk,
  });
  const entityTypes = Object.keys((i18n.getResource(i18n.language, 'translation', 'audit.entities') ?? {}) as Record<string, string>);

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

      <Paper withBorder p="sm" data-testid="audit-filters">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput label={t('audit.filters.actor')} value={value('actor')} onChange={(e) => set('actor', e.currentTarget.value)} data-testid="audit-filter-actor" />
          <Select
            label={t('audit.filters.action')}
            placeholder={t('audit.filters.any')}
            data={labels.actionOptions()}
            value={value('action') || null}
            onChange={(v) => set('action', v)}
            searchable
            clearable
            data-testid="audit-filter-action"
          />
          <Select
            label={t('audit.filters.entity')}
            placeholder={t('audit.filters.any')}
            data={entityTypes.map((e) => ({ value: e, label: labels.entity(e) }))}
            value={value('entityType') || null}
            onChange={(v) => set('entityType', v)}
            clearable
            data-testid="audit-filter-entity"
          />
          <TextInput label={t('audit.filters.entityId')} value={value('entityId')} onChange={(e) => set('entityId', e.currentTarget.value)} data-testid="audit-filter-entity-id" />
          <TextInput type="date" label={t('audit.filters.from')} value={from} max={to || undefined} error={fromError} onChange={(e) => set('from', e.currentTarget.value)} data-testid="audit-filter-from" />
          <TextInput
            type="date"
            label={t('audit.filters.to')}
            description={t('audit.filters.zoneHelp', { zone: zoneOf(new Date()) })}
            value={to}
            min={from || undefined}
            error={toError}
            onChange={(e) => set('to', e.currentTarget.value)}
            data-testid="audit-filter-to"
          />
          <Select
            label={t('audit.filters.sort')}
            data={[{ value: '-seq', label: t('audit.filters.newest') }, { value: 'seq', label: t('audit.filters.oldest') }]}
            value={value('sort') || '-seq'}
            onChange={(v) => set('sort', v === '-seq' ? null : v)}
            allowDeselect={false}
            data-testid="audit-filter-sort"
          />
          <Group align="flex-end">
            <Button variant="default" disabled={!filtered} onClick={() => setParams({}, { replace: true })} data-testid="audit-filter-reset">
              {t('audit.filters.reset')}
            </Button>
          </Group>
        </SimpleGrid>
        {filtered && events.data && (
          <Text size="sm" c="dimmed" mt="xs" data-testid="audit-matches">
            {t('audit.matches', { count: events.data.total, formattedCount: format.number(events.data.total) })}
          </Text>
        )}
      </Paper>

      <ProblemAlert error={events.error} />

      {!datesOk ? null : events.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : events.data && events.data.total === 0 ? (
        <Paper withBorder p="xl">
          <Stack align="center" gap="sm">
            <Text c="dimmed" ta="center" data-testid="audit-empty">
              {t(filtered ? 'audit.emptyFiltered' : 'audit.empty')}
            </Text>
            {filtered && (
              <Button variant="default" size="sm" onClick={() => setParams({}, { replace: true })}>
                {t('audit.filters.reset')}
              </Button>
            )}
          </Stack>
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
                      <Text size="sm" data-testid="audit-action" data-action={event.action}>
                        {labels.action(event.action)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{labels.entity(event.entityType)}</Text>
                      {event.entityId && (
                        <Group gap={6} wrap="nowrap" align="baseline">
                          <Anchor
                            component="button"
                            type="button"
                            size="xs"
                            c="dimmed"
                            ff="monospace"
                            style={{ wordBreak: 'break-all', textAlign: 'left' }}
                            onClick={() => setParams({ entityType: event.entityType, entityId: event.entityId! }, { replace: true })}
                            title={t('audit.filters.entityId')}
                          >
                            {event.entityId}
                          </Anchor>
                          {ENTITY_PAGES[event.entityType] && (
                            <Anchor component={Link} to={ENTITY_PAGES[event.entityType]!(event.entityId)} size="xs">
                              {t('audit.open')}
                            </Anchor>
                          )}
                        </Group>
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
            <Pager page={page} pageSize={PAGE_SIZE} total={events.data.total} onChange={(p) => set('page', p > 1 ? String(p) : null)} />
          </Paper>
        </Paper>
      ) : null}
    </Stack>
  );
}
