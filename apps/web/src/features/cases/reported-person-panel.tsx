import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, List, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useConfirmReportedPerson, useReportedSuggestions, type CaseDetail, type ReportedSuggestion } from './cases-api.ts';

function SuggestionRow({ s, onConfirm, pending, confirmed }: { s: ReportedSuggestion; onConfirm: () => void; pending: boolean; confirmed: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" data-testid="case-suggestion" data-employee-id={s.employeeId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Anchor component={Link} to={`/registry/${s.employeeId}`} fw={500}>{s.name}</Anchor>
            <Badge variant="light" data-testid="case-suggestion-score">{t('cases.person.score', { score: Math.round(s.score * 100) / 100 })}</Badge>
          </Group>
          <Text size="xs" c="dimmed">{[s.nip, s.position, s.unitPath, s.agencyName].filter(Boolean).join(' · ')}</Text>
          {s.reasons.length > 0 && (
            <List size="xs">
              {s.reasons.map((r) => <List.Item key={r}>{r}</List.Item>)}
            </List>
          )}
        </Stack>
        <Button size="xs" onClick={onConfirm} loading={pending} disabled={confirmed} data-testid="case-suggestion-confirm">{t('cases.person.confirm')}</Button>
      </Group>
    </Paper>
  );
}

/** The reported person as written, the registry match once confirmed, and (for handlers) ranked suggestions. */
export function ReportedPersonPanel({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const [searching, setSearching] = useState(false);
  // a name or NIP the handler types when the reported text matches nobody ("Kepala Dinas ..."); empty: the reported text
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState<string | undefined>(undefined);
  const suggestions = useReportedSuggestions(c.id, searching, query);
  const search = (e: FormEvent) => {
    e.preventDefault();
    const text = typed.trim();
    setQuery(text.length >= 2 ? text : undefined);
    if (searching) void suggestions.refetch();
    else setSearching(true);
  };
  const confirm = useConfirmReportedPerson(c.id);
  const canHandle = c.mayLinkReportedPerson;
  return (
    <Paper withBorder p="md" data-testid="case-reported">
      <Title order={2} size="h5" mb="xs">{t('cases.person.title')}</Title>
      <Stack gap="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="case-reported-text">{c.reportedText ?? '—'}</Text>
        {c.reportedEmployeeId && (
          <Group gap="xs" data-testid="case-reported-employee">
            <Badge color="green" variant="light">{t('cases.person.inRegistry')}</Badge>
            <Anchor component={Link} to={`/registry/${c.reportedEmployeeId}`} size="sm">{t('cases.person.openRegistry')}</Anchor>
          </Group>
        )}
        {canHandle && (
          <>
            <form onSubmit={search}>
              <Group align="flex-end" gap="xs">
                <TextInput
                  size="xs"
                  style={{ flex: '1 1 14rem' }}
                  label={t('cases.person.searchLabel')}
                  placeholder={t('cases.person.searchPlaceholder')}
                  value={typed}
                  maxLength={300}
                  onChange={(e) => setTyped(e.currentTarget.value)}
                  data-testid="case-suggest-text"
                />
                <Button type="submit" size="xs" variant="light" loading={searching && suggestions.isFetching} data-testid="case-suggest">
                  {t('cases.person.suggest')}
                </Button>
              </Group>
            </form>
            <Text size="xs" c="dimmed">{t('cases.person.suggestHelp')}</Text>
            {searching && suggestions.isPending && <Loader size="xs" />}
            {searching && suggestions.isError && <ProblemAlert error={suggestions.error} />}
            {suggestions.data && (
              <Stack gap="xs" data-testid="case-suggestions">
                {suggestions.data.description && <Text size="xs" c="dimmed">{suggestions.data.description}</Text>}
                {suggestions.data.items.length === 0 && <Text size="sm" c="dimmed">{t('cases.person.noMatches')}</Text>}
                {suggestions.data.items.map((s) => (
                  <SuggestionRow
                    key={s.employeeId}
                    s={s}
                    pending={confirm.isPending && confirm.variables === s.employeeId}
                    confirmed={c.reportedEmployeeId === s.employeeId}
                    onConfirm={() => confirm.mutate(s.employeeId)}
                  />
                ))}
              </Stack>
            )}
            <ProblemAlert error={confirm.error} data-testid="case-suggestion-error" />
          </>
        )}
      </Stack>
    </Paper>
  );
}
