import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EMPLOYEE_SORTS, EMPLOYMENT_TYPES, LIMITS, type Employee } from '@netra/contracts';
import { Field, FieldList } from '../../components/field-list.tsx';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RegionSelect } from '../../components/region-select.tsx';
import { hasPermission, useSession } from '../auth/session.tsx';
import { MyPledgesPanel } from '../pledges/my-pledges-panel.tsx';
import {
  TEMPLATE_URL,
  exportUrl,
  isSelfOnly,
  useAgencies,
  useEmployees,
  useRegionName,
  useUnits,
  type EmployeeFilters,
  type EmployeeSort,
} from './registry-api.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useFormat } from '../../lib/format.ts';
import { EmployeeBadges } from './employee-badges.tsx';
import { useEmploymentTypeLabel } from '../../lib/labels.ts';

const PAGE_SIZE = LIMITS.pageSizeDefault;
const FILTER_KEYS = ['q', 'agencyId', 'unitId', 'regionCode', 'type'] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** The list's state lives in the URL so reloads, back and shared links keep it. */
function readParams(params: URLSearchParams) {
  const page = Number(params.get('page') ?? '1');
  return {
    q: params.get('q') ?? undefined,
    agencyId: params.get('agencyId') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
    regionCode: params.get('regionCode') ?? undefined,
    type: oneOf(EMPLOYMENT_TYPES, params.get('type')),
    sort: oneOf(EMPLOYEE_SORTS, params.get('sort')) ?? 'name',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The employee's own data when their only view of the registry is themselves ("Data saya"), else the registry. */
export function RegistryPage() {
  const me = useSession();
  return isSelfOnly(me) ? <MyRecord /> : <EmployeeRegistry />;
}

function EmployeeRegistry() {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useEmploymentTypeLabel();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = readParams(params);
  usePageTitle(t('registry.title'));

  const update = (changes: Record<string, string | null | undefined>, options: { keepPage?: boolean } = {}) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!options.keepPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  // Search box: typed text is debounced before it reaches the URL and the API.
  const [search, setSearch] = useState(state.q ?? '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if ((debouncedSearch || undefined) !== state.q) update({ q: debouncedSearch });
    // Only a new search term should write to the URL, not every change of the URL.
  }, [debouncedSearch]);

  const agencies = useAgencies();
  const agencyList = agencies.data?.items ?? [];
  const singleAgency = agencyList.length === 1 ? agencyList[0] : undefined;
  const selectedAgency = agencyList.find((agency) => agency.id === state.agencyId) ?? singleAgency;
  const units = useUnits(selectedAgency?.id);

  const filters: EmployeeFilters = {
    q: state.q,
    agencyId: state.agencyId,
    unitId: state.unitId,
    regionCode: state.regionCode,
    type: state.type,
  };
  const hasFilters = FILTER_KEYS.some((key) => Boolean(filters[key]));
  // the list and its export: the same filters, in the same order
  const shown = { ...filters, sort: state.sort };
  const employees = useEmployees({ ...shown, page: state.page, pageSize: PAGE_SIZE });
  const result = employees.data;

  const clearFilters = () => {
    setSearch('');
    update(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])));
  };

  const unitOptions = useMemo(
    () => (units.data ?? []).map((unit) => ({ value: unit.id, label: unit.path })),
    [units.data],
  );
  const typeOptions = EMPLOYMENT_TYPES.map((type) => ({ value: type, label: typeLabel(type) }));
  const sortOptions = EMPLOYEE_SORTS.map((sort) => ({ value: sort, label: t(`registry.sorts.${sort}`) }));
  const canExport = hasPermission(me, 'registry.export');
  const canImport = hasPermission(me, 'registry.import');

  const setSort = (sort: EmployeeSort) => update({ sort: sort === 'name' ? null : sort });

  return (
    <Stack gap="md" maw={1400} mx="auto">
      {hasPermission(me, 'self.sign') && <MyPledgesPanel />}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('registry.title')}
          </Title>
          {result && (
            <Text c="dimmed" size="sm" data-testid="registry-total">
              {t('registry.total', { total: format.number(result.total) })}
            </Text>
          )}
        </Stack>
        {canExport && (
          // XLSX first: it is the file for Excel (NIPs stay text); CSV is for other software and re-import
          <Stack gap={4} align="flex-end" maw={440}>
            <Group gap="xs" justify="flex-end">
              <Button component="a" href={exportUrl('xlsx', shown)} download variant="default" size="sm" title={t('registry.exportHelp')} data-testid="export-xlsx">
                {t('registry.exportXlsx')}
              </Button>
              <Button component="a" href={exportUrl('csv', shown)} download variant="default" size="sm" title={t('registry.exportHelp')} aria-describedby="export-csv-hint" data-testid="export-csv">
                {t('registry.exportCsv')}
              </Button>
            </Group>
            <Text id="export-csv-hint" size="xs" c="dimmed" ta="right" data-testid="export-csv-hint">
              {t('registry.exportCsvHint')}
            </Text>
          </Stack>
        )}
      </Group>

      <Paper withBorder p="md" component="section" aria-label={t('registry.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('registry.search')}
            placeholder={t('registry.searchPlaceholder')}
            type="search"
            value={search}
            maxLength={LIMITS.searchMax}
            onChange={(event) => setSearch(event.currentTarget.value)}
            data-testid="registry-search"
          />
          {agencyList.length > 1 && (
            <Select
              label={t('registry.agency')}
              placeholder={t('registry.allAgencies')}
              data={agencyList.map((agency) => ({ value: agency.id, label: agency.name }))}
              value={state.agencyId ?? null}
              onChange={(agencyId) => update({ agencyId, unitId: null, regionCode: null })}
              searchable
              clearable
              data-testid="registry-agency"
            />
          )}
          <Select
            label={t('registry.unit')}
            placeholder={t('registry.allUnits')}
            data={unitOptions}
            value={state.unitId ?? null}
            onChange={(unitId) => update({ unitId })}
            disabled={!selectedAgency}
            searchable
            clearable
            limit={500}
            data-testid="registry-unit"
          />
          <RegionSelect
            key={selectedAgency?.regionCode ?? 'all'}
            label={t('registry.region')}
            placeholder={selectedAgency ? t('registry.allRegions') : t('registry.regionSearch')}
            parent={selectedAgency?.regionCode ?? null}
            searchLevel="regency"
            value={state.regionCode ?? null}
            onChange={(regionCode) => update({ regionCode })}
            data-testid="registry-region"
          />
          <Select
            label={t('registry.type')}
            placeholder={t('registry.allTypes')}
            data={typeOptions}
            value={state.type ?? null}
            onChange={(type) => update({ type })}
            clearable
            data-testid="registry-type"
          />
          <Select
            label={t('registry.sort')}
            data={sortOptions}
            value={state.sort}
            onChange={(sort) => setSort(oneOf(EMPLOYEE_SORTS, sort) ?? 'name')}
            allowDeselect={false}
            data-testid="registry-sort"
          />
        </SimpleGrid>
        {hasFilters && (
          <Group justify="flex-end" mt="sm">
            <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
              {t('registry.clearFilters')}
            </Button>
          </Group>
        )}
      </Paper>

      <ProblemAlert error={employees.error ?? agencies.error} />

      {employees.isPending && !employees.isError ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : result && result.total === 0 && !hasFilters ? (
        <Paper withBorder p="xl" data-testid="registry-empty">
          <EmptyState
            title={t('registry.emptyTitle')}
            description={t('registry.emptyBody')}
          >
            <EmptyState.Actions>
              {canImport && (
                <Button component={Link} to="/import">
                  {t('registry.emptyImport')}
                </Button>
              )}
              <Button component="a" href={TEMPLATE_URL} download variant="default">
                {t('registry.downloadTemplate')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : result && result.total === 0 ? (
        <Paper withBorder p="xl" data-testid="registry-no-results">
          <EmptyState title={t('registry.noResultsTitle')} description={t('registry.noResultsBody')}>
            <EmptyState.Actions>
              <Button variant="default" onClick={clearFilters}>
                {t('registry.clearFilters')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : result ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={820}>
            <Table
              striped
              highlightOnHover
              verticalSpacing="xs"
              aria-label={t('registry.tableCaption')}
              aria-busy={employees.isFetching}
            >
              <Table.Thead>
                <Table.Tr>
                  <SortableTh column="nip" sort={state.sort} onSort={setSort}>
                    {t('registry.columns.nip')}
                  </SortableTh>
                  <SortableTh column="name" sort={state.sort} onSort={setSort}>
                    {t('registry.columns.name')}
                  </SortableTh>
                  <Table.Th>{t('registry.columns.type')}</Table.Th>
                  <Table.Th>{t('registry.columns.position')}</Table.Th>
                  <Table.Th>{t('registry.columns.unit')}</Table.Th>
                  <Table.Th>{t('registry.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.items.map((employee) => (
                  <EmployeeRow
                    key={employee.id}
                    employee={employee}
                    onOpen={() => void navigate(`/registry/${employee.id}`)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Paper p="sm" radius={0} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Pager
              page={state.page}
              pageSize={PAGE_SIZE}
              total={result.total}
              onChange={(page) => update({ page: page > 1 ? String(page) : null }, { keepPage: true })}
            />
          </Paper>
        </Paper>
      ) : null}
    </Stack>
  );
}

/** "Data saya": the employee's pledges to sign, then their record as the agency keeps it (in words, no filters). */
function MyRecord() {
  const { t } = useTranslation();
  const me = useSession();
  usePageTitle(t('registry.self.title'));
  const records = useEmployees({ sort: 'name', page: 1, pageSize: PAGE_SIZE });
  return (
    <Stack gap="md" maw={960} mx="auto" data-testid="self-record">
      <Stack gap={2}>
        <Title order={1} size="h2" data-testid="self-title">
          {t('registry.self.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('registry.self.intro')}
        </Text>
      </Stack>
      {hasPermission(me, 'self.sign') && <MyPledgesPanel />}
      <ProblemAlert error={records.error} />
      {records.isPending && !records.isError ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : records.data?.items.length === 0 ? (
        <Paper withBorder p="lg" data-testid="self-none">
          <Text size="sm">{t('registry.self.none')}</Text>
        </Paper>
      ) : (
        records.data?.items.map((employee) => <MyRecordCard key={employee.id} employee={employee} />)
      )}
    </Stack>
  );
}

function MyRecordCard({ employee }: { employee: Employee }) {
  const { t } = useTranslation();
  const region = useRegionName(employee.regionCode);
  const empty = t('common.empty');
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`self-${employee.id}`} data-testid="self-card">
      <Group justify="space-between" align="flex-start" mb="md" gap="xs">
        <Stack gap={4}>
          <Title order={2} size="h4" id={`self-${employee.id}`} data-testid="self-name">
            {employee.name}
          </Title>
          <EmployeeBadges employee={employee} />
        </Stack>
        <Anchor component={Link} to={`/registry/${employee.id}`} size="sm" data-testid="self-details">
          {t('registry.self.details')}
        </Anchor>
      </Group>
      <FieldList>
        <Field label={employee.employmentType === 'NON_ASN' ? t('employee.internalId') : t('employee.nip')} testId="self-nip">
          <Text span ff="monospace" size="sm">
            {employee.nip ?? employee.internalId ?? empty}
          </Text>
        </Field>
        <Field label={t('employee.position')}>{employee.position ?? empty}</Field>
        <Field label={t('employee.agency')}>{employee.agencyName}</Field>
        <Field label={t('employee.unit')}>{employee.unitPath ?? t('employee.noUnit')}</Field>
        <Field label={t('registry.region')} testId="self-region">
          <span title={employee.regionCode}>{region ?? '…'}</span>
        </Field>
      </FieldList>
    </Paper>
  );
}

function EmployeeRow({ employee, onOpen }: { employee: Employee; onOpen: () => void }) {
  const { t } = useTranslation();
  const typeLabel = useEmploymentTypeLabel();
  return (
    <Table.Tr onClick={onOpen} style={{ cursor: 'pointer' }} data-testid="registry-row">
      <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {employee.nip ?? employee.internalId ?? t('common.empty')}
      </Table.Td>
      <Table.Td style={{ minWidth: 160 }}>
        <Anchor
          component={Link}
          to={`/registry/${employee.id}`}
          onClick={(event) => event.stopPropagation()}
          fw={500}
          size="sm"
          c="inherit"
        >
          {employee.name}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{typeLabel(employee.employmentType)}</Table.Td>
      <Table.Td>{employee.position ?? t('common.empty')}</Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2} title={employee.unitPath ?? undefined}>
          {employee.unitPath ?? t('common.empty')}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge variant="light" color={employee.active ? 'green' : 'gray'} style={{ minWidth: 'max-content' }}>
          {employee.active ? t('common.active') : t('common.inactive')}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

interface SortableThProps {
  column: 'name' | 'nip';
  sort: EmployeeSort;
  onSort: (sort: EmployeeSort) => void;
  children: ReactNode;
}

/** A header that sorts by its column; a second click reverses the order. */
function SortableTh({ column, sort, onSort, children }: SortableThProps) {
  const ascending = sort === column;
  const descending = sort === `-${column}`;
  const ariaSort = ascending ? 'ascending' : descending ? 'descending' : 'none';
  return (
    <Table.Th aria-sort={ariaSort}>
      <UnstyledButton
        onClick={() => onSort(ascending ? (`-${column}` as EmployeeSort) : column)}
        fw={700}
        fz="sm"
      >
        {children} <span aria-hidden="true">{ascending ? '▲' : descending ? '▼' : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}
