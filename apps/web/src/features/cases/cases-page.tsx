import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChoiceControl } from '../../components/choice-control.tsx';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useFormat } from '../../lib/format.ts';
import { useSession } from '../auth/session.tsx';
import { canOpenCases } from '../auth/access.tsx';
import { useCases, useHandlers, useReassign } from './cases-api.ts';
import { useWorkflowLabels } from './workflow-labels.ts';

/** Preset views per desk: the authority's forwarding queue and the PPK's decisions to take. */
const VIEWS = { all: '', forwarded: 'forwarded', recommended: 'recommended', ppk_non_compliant: 'ppk_non_compliant' } as const;
type View = keyof typeof VIEWS;
const STATUSES = [
  'received', 'initial_review', 'incomplete', 'registered', 'under_review', 'decided_other_law', 'gakkumdu_discussion', 'gakkumdu_investigation',
  'gakkumdu_prosecution', 'gakkumdu_trial', 'gakkumdu_judgment', 'gakkumdu_appeal', 'gakkumdu_concluded', 'forwarded', 'recommended', 'ppk_non_compliant', 'escalated', 'ppk_decided', 'closed', 'not_registered', 'withdrawn', 'merged',
];

/** Staff rotation: all open cases of one handler to a colleague who supervises them (the server checks). */
function ReassignDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const handlers = useHandlers(true);
  const reassign = useReassign();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const me = useSession();
  const options = [{ value: '', label: '—' }, ...(handlers.data?.items ?? []).map((h) => ({ value: h.id, label: t('casesInbox.handlerOption', { name: h.displayName, region: h.regionCode ?? '—', count: h.openCases }) }))];
  // nobody moves cases to themselves (the server refuses it: a colleague hands them over)
  const toOptions = options.filter((o) => o.value !== me.id);
  return (
    <Modal opened onClose={onClose} title={t('casesInbox.reassignTitle')}>
      <Stack>
        <Text size="sm" c="dimmed">{t('casesInbox.reassignHelp')}</Text>
        <NativeSelect label={t('casesInbox.from')} data={options} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="reassign-from" />
        <NativeSelect label={t('casesInbox.to')} data={toOptions} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="reassign-to" />
        <ProblemAlert error={handlers.error ?? reassign.error} />
        {reassign.data && <Text size="sm" c="green" data-testid="reassign-result">{t('casesInbox.moved', { count: reassign.data.moved })}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('cases.cancel')}</Button>
          <Button disabled={!from || !to || from === to} loading={reassign.isPending} onClick={() => reassign.mutate({ fromUserId: from, toUserId: to })} data-testid="reassign-submit">
            {t('casesInbox.reassign')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The handler inbox: overdue and nearest deadlines first (the server orders it). */
export function CasesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const labels = useWorkflowLabels();
  const me = useSession();
  const roles = new Set(me.grants.map((g) => g.role));
  const supervisor = roles.has('supervisor') || roles.has('system_admin');
  const [page, setPage] = useState(1);
  const [overdue, setOverdue] = useState(false);
  const [view, setView] = useState<View>(roles.has('employing_official') && !supervisor ? 'recommended' : roles.has('authority_officer') && !supervisor ? 'forwarded' : 'all');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [reassigning, setReassigning] = useState(false);
  usePageTitle(t('cases.title'));
  const cases = useCases(page, { overdue, status: VIEWS[view] || status, q });
  const reset = () => setPage(1);
  const filtered = Boolean(search.trim()) || overdue || (view === 'all' && Boolean(status));
  const clearFilters = () => { setSearch(''); setStatus(''); setOverdue(false); reset(); };
  if (cases.isPending) return <FullPageLoader />;
  const data = cases.data;
  return (
    <Stack gap="md" maw={1400} mx="auto">
      <Stack gap={4}>
        <Title order={1} size="h2">{t('cases.title')}</Title>
        <Text c="dimmed" size="sm">{t('cases.intro')}</Text>
      </Stack>
      <Group justify="space-between" align="flex-end">
        <ChoiceControl
          value={view}
          onChange={(v) => { setView(v as View); reset(); }}
          data={(Object.keys(VIEWS) as View[]).map((v) => ({ value: v, label: t(`casesInbox.views.${v}`) }))}
          data-testid="cases-view"
        />
        {canOpenCases(me) && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setReassigning(true)} data-testid="cases-reassign">{t('casesInbox.reassign')}</Button>
            <Button component={Link} to="/cases/new" data-testid="cases-new">{t('casesInbox.new')}</Button>
          </Group>
        )}
      </Group>
      <Group align="flex-end">
        <TextInput label={t('casesInbox.search')} value={search} onChange={(e) => { setSearch(e.currentTarget.value); reset(); }} data-testid="cases-search" w={280} maw="100%" />
        {view === 'all' && (
          <NativeSelect
            label={t('cases.columns.status')}
            value={status}
            onChange={(e) => { setStatus(e.currentTarget.value); reset(); }}
            data={[{ value: '', label: t('casesInbox.anyStatus') }, ...STATUSES.map((v) => ({ value: v, label: labels.status(v) }))]}
            data-testid="cases-status"
          />
        )}
        <Checkbox label={t('cases.overdueOnly')} checked={overdue} onChange={(e) => { setOverdue(e.currentTarget.checked); reset(); }} data-testid="cases-overdue" mb={8} />
      </Group>
      {reassigning && <ReassignDialog onClose={() => setReassigning(false)} />}
      <ProblemAlert error={cases.error} />
      {data && data.items.length === 0 && (
        <Paper withBorder p="lg">
          <Stack gap="sm" align="flex-start">
            {/* "nothing in your scope" only when nothing narrows the list: otherwise say what does */}
            <Text data-testid="cases-empty">{t(filtered ? 'cases.emptyFiltered' : view !== 'all' ? 'cases.emptyView' : 'cases.empty')}</Text>
            {filtered && (
              <Button variant="default" size="sm" onClick={clearFilters} data-testid="cases-clear-filters">
                {t('cases.clearFilters')}
              </Button>
            )}
          </Stack>
        </Paper>
      )}
      {data && data.items.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing="sm" aria-label={t('cases.title')}>
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
                        <Badge color={c.nextDeadline.overdue ? 'red' : c.nextDeadline.daysLeft <= 1 ? 'orange' : 'blue'} variant="light"
                          style={{ minWidth: 'max-content' }} title={format.wallClock(c.nextDeadline.dueAt)}>
                          {format.localized(c.nextDeadline.label)}
                        </Badge>
                      ) : (
                        <Text size="xs" c="dimmed">{t('cases.noDeadline')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/cases/${c.id}`} onClick={(e) => e.stopPropagation()} size="sm" fw={500} c="inherit" display="block">{c.title}</Anchor>
                      <Text size="xs" c="dimmed">{c.caseNumber ?? t('cases.unregistered')}</Text>
                    </Table.Td>
                    <Table.Td>{c.regionName}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="outline" data-status={c.status} style={{ minWidth: 'max-content' }}>{labels.status(c.status)}</Badge>
                        {c.flags.map((f) => <Badge key={f} color="red" variant="dot" style={{ minWidth: 'max-content' }}>{labels.flag(f)}</Badge>)}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} data-date={c.receivedOn}>{format.date(c.receivedOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {data && <Pager page={page} pageSize={data.pageSize} total={data.total} onChange={setPage} />}
    </Stack>
  );
}
