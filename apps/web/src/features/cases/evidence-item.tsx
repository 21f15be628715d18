import { useState } from 'react';
import { Anchor, Badge, Button, Code, Group, Loader, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useFormat } from '../../lib/format.ts';
import { API_BASE } from '../../lib/api.ts';
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
            <Table.Td>{format.dateTime(c.at)}</Table.Td>
            <Table.Td>{c.action}</Table.Td>
            <Table.Td>{c.actor}</Table.Td>
            <Table.Td>{c.reason ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EvidenceItem({ item }: { item: Evidence }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [showCustody, setShowCustody] = useState(false);
  return (
    <Paper withBorder p="sm" data-testid="case-evidence-item" data-id={item.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text fw={500} style={{ wordBreak: 'break-all' }}>{item.fileName}</Text>
            <Text size="xs" c="dimmed">
              {item.mime} · {format.fileSize(item.size)} · {t('cases.evidence.received', { at: format.dateTime(item.receivedAt) })}
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
        <EvidenceMetadata metadata={item.metadata} />
        <Group gap="sm">
          <Anchor size="sm" href={`${API_BASE}/evidence/${item.id}/copy`} download data-testid="case-evidence-copy">
            {t('cases.evidence.copy')}
          </Anchor>
          <Button size="compact-xs" variant="subtle" onClick={() => setShowCustody((v) => !v)} aria-expanded={showCustody} data-testid="case-evidence-custody">
            {showCustody ? t('cases.evidence.hideCustody') : t('cases.evidence.custody')}
          </Button>
        </Group>
        {showCustody && <CustodyLog evidenceId={item.id} />}
      </Stack>
    </Paper>
  );
}
