import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, TIP_STATUSES } from '@netra/contracts';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RegionSelect } from '../../components/region-select.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { TipStatusBadge } from './tip-status.tsx';
import { useTips, type Tip } from './tips-api.ts';

const PAGE_SIZE = LIMITS.pageSizeDefault;

/** The filters live in the URL so reloads, back and shared links keep them. */
function readParams(params: URLSearchParams) {
  const page = Number(params.get('page') ?? '1');
  return {
    status: TIP_STATUSES.find((status) => status === params.get('status')),
    regionCode: params.get('regionCode') ?? undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** "Informasi Masuk": anonymous tips in the user's scope, newest first (the server orders them). */
export function TipsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = readParams(params);
  usePageTitle(t('tips.title'));
  const tips = useTips({ status: state.status, regionCode: state.regionCode, page: state.page, pageSize: PAGE_SIZE });
  const result = tips.data;
  const hasFilters = Boolean(state.status || state.regionCode);

  const update = (changes: Record<string, string | null | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md" maw={1400} mx="auto">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('tips.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('tips.intro')}
        </Text>
      </Stack>

      <Paper withBorder p="md" component="section" aria-label={t('tips.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Select
            label={t('tips.status')}
            placeholder={t('tips.allStatuses')}
            data={TIP_STATUSES.map((status) => ({ value: status, label: t(`tipStatuses.${status}`) }))}
            value={state.status ?? null}
            onChange={(status) => update({ status })}
            clearable
            data-testid="tips-status"
          />
          <RegionSelect
            label={t('tips.region')}
            placeholder={t('tips.regionSearch')}
            value={state.regionCode ?? null}
            onChange={(regionCode) => update({ regionCode })}
            data-testid="tips-region"
          />
        </SimpleGrid>
        {hasFilters && (
          <Group justify="flex-end" mt="sm">
            <Button variant="subtle" size="compact-sm" onClick={() => update({ status: null, regionCode: null })}>
              {t('tips.clearFilters')}
            </Button>
          </Group>
        )}
      </Paper>

      <ProblemAlert error={tips.error} />

      {tips.isPending && !tips.isError ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : result && result.total === 0 ? (
        <Paper withBorder p="xl" data-testid="tips-empty">
          <Text c="dimmed" ta="center">
            {hasFilters ? t('tips.noResults') : t('tips.empty')}
          </Text>
        </Paper>
      ) : result ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover verticalSpacing="xs" aria-label={t('tips.title')} aria-busy={tips.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={130}>{t('tips.columns.received')}</Table.Th>
                  <Table.Th w={220}>{t('tips.columns.region')}</Table.Th>
                  <Table.Th>{t('tips.columns.what')}</Table.Th>
                  <Table.Th>{t('tips.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.items.map((tip) => (
                  <TipRow key={tip.id} tip={tip} onOpen={() => void navigate(`/tips/${tip.id}`)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Paper p="sm" radius={0} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Pager
              page={state.page}
              pageSize={PAGE_SIZE}
              total={result.total}
              onChange={(page) => update({ page: page > 1 ? String(page) : null })}
            />
          </Paper>
        </Paper>
      ) : null}
    </Stack>
  );
}

function TipRow({ tip, onOpen }: { tip: Tip; onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const needsInfo = tip.status === 'needs_info';
  const lastAuthor = tip.messages.at(-1)?.author;
  return (
    <Table.Tr
      onClick={onOpen}
      style={{ cursor: 'pointer' }}
      bg={needsInfo ? 'var(--mantine-color-yellow-0)' : undefined}
      data-status={tip.status}
      data-testid="tips-row"
    >
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(tip.receivedOn)}</Table.Td>
      <Table.Td>
        <Text size="sm">{tip.regionName}</Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {tip.regionCode}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/tips/${tip.id}`}
          onClick={(event) => event.stopPropagation()}
          size="sm"
          c="inherit"
          lineClamp={2}
          title={tip.what.length > 160 ? `${tip.what.slice(0, 400)}…` : undefined}
        >
          {tip.what}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="wrap">
          <TipStatusBadge status={tip.status} />
          {needsInfo && (
            <Badge variant="dot" color="yellow" style={{ minWidth: 'max-content' }}>
              {t('tips.awaitingReporter')}
            </Badge>
          )}
          {lastAuthor === 'reporter' && (
            <Badge variant="dot" color="blue" style={{ minWidth: 'max-content' }}>
              {t('tips.newReply')}
            </Badge>
          )}
          {tip.consentedToReport && (
            <Badge variant="dot" color="green" style={{ minWidth: 'max-content' }}>
              {t('tips.consented')}
            </Badge>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
