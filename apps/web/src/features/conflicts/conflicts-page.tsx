import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@netra/contracts';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { Stat } from '../../components/stat.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { hasPermission, useSession } from '../auth/session.tsx';
import { useAgencies } from '../registry/registry-api.ts';
import { useElections } from '../timeline/elections-api.ts';
import { CandidateListsPanel } from './candidate-lists-panel.tsx';
import { DecideDialog, ReopenDialog } from './conflict-dialogs.tsx';
import { useConflictText } from './conflict-text.ts';
import { useCandidateLists, useConflicts, useRunMatcher, type ConflictEntry } from './conflicts-api.ts';

const STATUS_COLOR = { suggested: 'yellow', confirmed: 'red', dismissed: 'gray' } as const;
/** The chambers the candidate import stores, and a pair's kind: shown by name (other values as stored). */
const CHAMBER_LABELS = ['DPR', 'DPD', 'DPRD_PROVINSI', 'DPRD_KABKOTA', 'pair'] as const;
const isLabelled = (v: string): v is (typeof CHAMBER_LABELS)[number] => (CHAMBER_LABELS as readonly string[]).includes(v);
const PAGE_SIZE = LIMITS.pageSizeDefault;

/** The conflict-of-interest register: employees related to candidates, suggested by the matcher or declared, decided by an officer. */
export function ConflictsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const agencies = useAgencies();
  const elections = useElections();
  const [agencyId, setAgencyId] = useState('');
  const [electionId, setElectionId] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const agency = agencyId || agencies.data?.items[0]?.id || '';
  const election = electionId || elections.data?.items[0]?.id || '';
  const register = useConflicts({ electionId: election, agencyId: agency, status, page, pageSize: PAGE_SIZE });
  const lists = useCandidateLists(agency);
  const match = useRunMatcher();
  const text = useConflictText();
  // the entry an officer is deciding (with the decision asked) or reopening, in a dialog
  const [deciding, setDeciding] = useState<{ entry: ConflictEntry; decision: 'confirm' | 'dismiss' } | null>(null);
  const [reopening, setReopening] = useState<ConflictEntry | null>(null);
  usePageTitle(t('conflicts.title'));
  // a decision can empty the last page of a filtered list: step back to the page that still exists
  const lastPage = register.data ? Math.max(1, Math.ceil(register.data.total / register.data.pageSize)) : 1;
  useEffect(() => {
    if (page > lastPage) setPage(lastPage);
  }, [page, lastPage]);
  if (agencies.isPending || elections.isPending) return <FullPageLoader />;
  const data = register.data;
  const chamberLabel = (v: string) => (isLabelled(v) ? t(`conflicts.chambers.${v}`) : v);
  const canMatch = lists.data ? lists.data.allowedActions.includes('conflicts.match') : hasPermission(me, 'agencies.manage');
  const loaded = lists.data?.items.find((i) => i.electionId === election);
  // "matched against 0 candidates" says nothing: without a KPU list the register explains how to get one
  const noCandidates = !!loaded && loaded.legislative + loaded.pairs === 0;
  return (
    <Stack gap="md" maw={1300} mx="auto">
      <Stack gap={2}>
        <Title order={1} size="h2">{t('conflicts.title')}</Title>
        <Text size="sm" c="dimmed">{t('conflicts.intro')}</Text>
      </Stack>
      <Group align="flex-end">
        <NativeSelect label={t('pledges.agency')} value={agency} onChange={(e) => { setAgencyId(e.currentTarget.value); setPage(1); match.reset(); }} data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} data-testid="conflicts-agency" />
        <NativeSelect label={t('pledges.election')} value={election} onChange={(e) => { setElectionId(e.currentTarget.value); setPage(1); match.reset(); }} data={(elections.data?.items ?? []).map((x) => ({ value: x.id, label: format.localized(x.name) }))} data-testid="conflicts-election" />
        <NativeSelect label={t('conflicts.status')} value={status} onChange={(e) => { setStatus(e.currentTarget.value); setPage(1); }}
          data={[{ value: '', label: t('conflicts.anyStatus') }, ...(['suggested', 'confirmed', 'dismissed'] as const).map((s) => ({ value: s, label: t(`conflicts.statuses.${s}`) }))]} />
        {canMatch && (
          <Button onClick={() => match.mutate({ agencyId: agency, electionId: election })} loading={match.isPending} disabled={!agency || !election || noCandidates}
            title={noCandidates ? t('conflicts.matchNeedsList') : undefined} data-testid="conflicts-match">{t('conflicts.match')}</Button>
        )}
      </Group>
      {lists.data && elections.data && <CandidateListsPanel lists={lists.data} elections={elections.data.items} electionId={election} />}
      {match.data && (
        <Alert variant="light" color={match.data.candidates === 0 ? 'yellow' : undefined} data-testid="conflicts-match-result">
          {match.data.candidates === 0
            ? t('conflicts.matchedNoList', { employees: format.number(match.data.employees) })
            : t('conflicts.matched', { employees: format.number(match.data.employees), candidates: format.number(match.data.candidates), suggested: format.number(match.data.suggested), added: format.number(match.data.added) })}
          {match.data.reopened > 0 && ` ${t('conflicts.matchedReopened', { count: match.data.reopened, n: format.number(match.data.reopened) })}`}
        </Alert>
      )}
      <ProblemAlert error={match.error ?? lists.error ?? register.error} />
      {data && (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Stat label={t('conflicts.confirmedCandidates')} value={format.number(data.summary.confirmedCandidates)} testId="conflicts-candidates" />
          <Stat label={t('conflicts.confirmedEmployees')} value={format.number(data.summary.confirmedEmployees)} testId="conflicts-employees" />
          <Stat label={t('conflicts.suggested')} value={format.number(data.summary.suggested)} testId="conflicts-suggested" />
          <Stat label={t('conflicts.statuses.dismissed')} value={format.number(data.summary.dismissed)} testId="conflicts-dismissed" />
          {data.summary.basisWithdrawn > 0 && <Stat label={t('conflicts.basisWithdrawnCount')} value={format.number(data.summary.basisWithdrawn)} testId="conflicts-basis-withdrawn" />}
        </SimpleGrid>
      )}
      {data && data.items.length === 0 && (
        <Paper withBorder p="lg" data-testid="conflicts-empty">
          <Text>{noCandidates ? t('conflicts.emptyNoList') : status ? t('conflicts.empty') : canMatch ? t('conflicts.emptyMatch') : t('conflicts.emptyNone')}</Text>
        </Paper>
      )}
      {data && data.items.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('conflicts.employee')}</Table.Th>
                  <Table.Th>{t('conflicts.relationOfCandidate')}</Table.Th>
                  <Table.Th>{t('conflicts.candidate')}</Table.Th>
                  <Table.Th>{t('conflicts.evidence')}</Table.Th>
                  <Table.Th>{t('conflicts.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((k) => (
                  <Table.Tr key={k.id} data-testid="conflict-row" data-status={k.status}>
                    <Table.Td>
                      <Text size="sm" component={Link} to={`/registry/${k.employee.id}`} fw={500}>{k.employee.name}</Text>
                      <Text size="xs" c="dimmed">{k.employee.nip ?? ''} · {k.employee.position ?? ''} · {k.employee.unitPath ?? k.employee.agencyName}</Text>
                    </Table.Td>
                    <Table.Td>{t(`conflicts.relations.${k.relation}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} data-testid="conflict-person">{k.candidate.personName}</Text>
                      {k.candidate.runningMateName && (
                        <Text size="xs" c="dimmed">
                          {k.candidate.member === 'running_mate' ? t('conflicts.runningMateOf', { head: k.candidate.name }) : t('conflicts.headOf', { mate: k.candidate.runningMateName })}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">{chamberLabel(k.candidate.chamber ?? k.candidate.kind)}{k.candidate.electoralDistrict ? ` · ${k.candidate.electoralDistrict}` : ''}{k.candidate.partyNumber ? ` · ${t('conflicts.party', { n: k.candidate.partyNumber })}` : ''}</Text>
                      {k.candidate.withdrawn && <Badge size="sm" color="gray" variant="outline" mt={4} data-testid="conflict-candidate-withdrawn">{t('conflicts.withdrawnCandidate')}</Badge>}
                    </Table.Td>
                    <Table.Td>
                      {k.evidenceWithheld ? (
                        <Text size="xs" c="dimmed" data-testid="conflict-evidence-withheld">{t('conflicts.evidenceWithheld')}</Text>
                      ) : (
                        <Stack gap={2}>
                          <Text size="xs" data-testid="conflict-evidence">{text.reasons(k.reasons)}</Text>
                          <Text size="xs" c="dimmed">{Math.round(k.score * 100)}%</Text>
                          {k.note && <Text size="xs" fs="italic" data-testid="conflict-note">{t('conflicts.noteShown', { note: k.note })}</Text>}
                          {k.history.map((h) => (
                            <Text key={h.reopenedAt} size="xs" c="dimmed" data-testid="conflict-history">{text.pastDecision(h)}</Text>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Badge color={STATUS_COLOR[k.status]} variant="light" style={{ minWidth: 'max-content' }} data-testid="conflict-status">{t(`conflicts.statuses.${k.status}`)}</Badge>
                        {k.basisWithdrawn && (
                          <>
                            <Badge color="orange" variant="outline" style={{ minWidth: 'max-content' }} data-testid="conflict-basis-withdrawn">{t('conflicts.basisWithdrawn')}</Badge>
                            <Text size="xs" c="orange.8">{t('conflicts.basisWithdrawnHelp')}</Text>
                          </>
                        )}
                        {k.allowedActions.length > 0 && (
                          <Group gap={4}>
                            {k.allowedActions.includes('confirm') && <Button size="compact-xs" color="red" variant="light" onClick={() => setDeciding({ entry: k, decision: 'confirm' })} data-testid="conflict-confirm">{t('conflicts.confirm')}</Button>}
                            {k.allowedActions.includes('dismiss') && <Button size="compact-xs" variant="default" onClick={() => setDeciding({ entry: k, decision: 'dismiss' })} data-testid="conflict-dismiss">{t('conflicts.dismiss')}</Button>}
                            {k.allowedActions.includes('reopen') && <Button size="compact-xs" variant="subtle" onClick={() => setReopening(k)} data-testid="conflict-reopen">{t('conflicts.reopen')}</Button>}
                          </Group>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {data && <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />}
      {deciding && <DecideDialog entry={deciding.entry} decision={deciding.decision} onClose={() => setDeciding(null)} />}
      {reopening && <ReopenDialog entry={reopening} onClose={() => setReopening(null)} />}
    </Stack>
  );
}
