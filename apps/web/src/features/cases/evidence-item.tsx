import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Code, Group, Loader, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useFormat } from '../../lib/format.ts';
import { API_BASE, postForFile } from '../../lib/api.ts';
import { useCustody, type EvidenceItem as Evidence } from './cases-api.ts';
import { EvidenceMetadata } from './evidence-metadata.tsx';

/** The first and last characters of a hash; the full value is in the tooltip. */
const shortHash = (hash: string) => (hash.length > 20 ? `${hash.slice(0, 10)}…${hash.slice(-6)}` : hash);

function CustodyLog({ evidenceId }: { evidenceId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const custody = useCustody(evidenceId, true);
  if (custody.isPending) return <Loader size="xs" />;
  if (!custody.data) return <ProblemAlert error={custody.error} />;
  if (custody.data.items.length === 0) return <Text size="sm" c="dimmed">{t('cases.evidence.noCustody')}</Text>;
  return (
    <Table data-testid="case-evidence-custody-log">
      <Table.Tbody>
        {custody.data.items.map((c, i) => (
          <Table.Tr key={`${c.at}-${i}`}>
            <Table.Td>{c.atPrecision === 'day' ? format.date(c.at) : format.dateTime(c.at)}</Table.Td>
            <Table.Td>{c.action}</Table.Td>
            <Table.Td>{c.actor}</Table.Td>
            <Table.Td>{c.reason ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The sealed original, for verification: opened only with a reason, which the custody log keeps
 * (the server refuses a reason shorter than it accepts, and says so).
 */
function OpenOriginal({ item, onOpened }: { item: Evidence; onOpened: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { blob, fileName } = await postForFile(`/evidence/${item.id}/original`, { reason: reason.trim() });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileName ?? item.fileName;
      a.click();
      URL.revokeObjectURL(a.href);
      setReason('');
      onOpened();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Group gap="xs" align="flex-end">
        <TextInput size="xs" label={t('cases.evidence.originalReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required minLength={10} style={{ flex: 1 }} data-testid="case-evidence-original-reason" />
        <Button size="xs" type="submit" loading={busy} disabled={reason.trim().length < 10} data-testid="case-evidence-original-open">{t('cases.evidence.originalOpen')}</Button>
      </Group>
      {error !== null && <ProblemAlert error={error} />}
    </form>
  );
}

export function EvidenceItem({ item }: { item: Evidence }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [showCustody, setShowCustody] = useState(false);
  const [showOriginal, setShowOriginal] = useState(false);
  const qc = useQueryClient();
  return (
    <Paper withBorder p="sm" data-testid="case-evidence-item" data-id={item.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text fw={500} style={{ wordBreak: 'break-all' }}>{item.fileName}</Text>
            <Text size="xs" c="dimmed">
              {item.mime} · {format.fileSize(item.size)} · {t('cases.evidence.received', { at: item.receivedAtPrecision === 'day' ? format.date(item.receivedOn) : format.dateTime(item.receivedAt) })}
            </Text>
          </Stack>
          {item.sameFileElsewhere > 0 && (
            <Badge color="orange" variant="light" data-testid="case-evidence-duplicate">
              {t('cases.evidence.sameFileElsewhere', { count: item.sameFileElsewhere })}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t('cases.evidence.sha256')}:{' '}
          <Tooltip label={item.sha256} multiline maw={360} style={{ wordBreak: 'break-all' }}>
            <Code data-testid="case-evidence-sha256" data-sha256={item.sha256}>{shortHash(item.sha256)}</Code>
          </Tooltip>
        </Text>
        {item.metadataWithheld
          ? <Text size="xs" c="dimmed" data-testid="case-evidence-metadata-withheld">{t('cases.evidence.metadataWithheld')}</Text>
          : <EvidenceMetadata metadata={item.metadata} />}
        <Group gap="sm">
          {item.copy === 'none' ? (
            <Text size="sm" c="dimmed" data-testid="case-evidence-no-copy">{t('cases.evidence.noCopy')}</Text>
          ) : (
            <Anchor size="sm" href={`${API_BASE}/evidence/${item.id}/copy`} download data-testid="case-evidence-copy">
              {t('cases.evidence.copy')}
            </Anchor>
          )}
          {item.originalAvailable && (
            <Button size="compact-xs" variant="subtle" onClick={() => setShowOriginal((v) => !v)} aria-expanded={showOriginal} data-testid="case-evidence-original">
              {t('cases.evidence.original')}
            </Button>
          )}
          <Button size="compact-xs" variant="subtle" onClick={() => setShowCustody((v) => !v)} aria-expanded={showCustody} data-testid="case-evidence-custody">
            {showCustody ? t('cases.evidence.hideCustody') : t('cases.evidence.custody')}
          </Button>
        </Group>
        {showOriginal && <OpenOriginal item={item} onOpened={() => void qc.invalidateQueries({ queryKey: ['evidence-custody', item.id] })} />}
        {showCustody && <CustodyLog evidenceId={item.id} />}
      </Stack>
    </Paper>
  );
}
