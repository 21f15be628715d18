import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Code, Group, Loader, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { pickLanguage } from '../../lib/bilingual.ts';
import { useFormat } from '../../lib/format.ts';
import { API_BASE, postForFile } from '../../lib/api.ts';
import { useCustody, type EvidenceItem as Evidence } from './cases-api.ts';
import { EvidenceMetadata } from './evidence-metadata.tsx';

/** The first and last characters of a hash; the full value is in the tooltip. */
const shortHash = (hash: string) => (hash.length > 20 ? `${hash.slice(0, 10)}…${hash.slice(-6)}` : hash);

/** The format's usual name, for the kinds the server accepts (custody/domain/upload-policy.ts); others show their subtype. */
const FORMAT_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'video/mp4': 'MP4', 'video/quicktime': 'MOV',
  'audio/mpeg': 'MP3', 'audio/mp4': 'M4A', 'audio/ogg': 'OGG',
};

/** "image/jpeg" as people say it: "Foto JPEG", "Dokumen PDF", "Video MP4". */
function useFileKind(): (mime: string) => string {
  const { t } = useTranslation();
  return (mime) => {
    const [type = '', subtype = ''] = mime.toLowerCase().split(';')[0]!.trim().split('/');
    const format = FORMAT_NAMES[`${type}/${subtype}`] ?? subtype.toUpperCase();
    if (type === 'application' && subtype === 'pdf') return t('cases.evidence.kinds.pdf');
    if (type === 'text') return t('cases.evidence.kinds.text');
    if (type === 'image' || type === 'video' || type === 'audio') return t(`cases.evidence.kinds.${type}`, { format });
    return t('cases.evidence.kinds.other', { format });
  };
}

/** Custody actions and the server's own actor labels that have words; anything else is shown as it is (a username). */
const CUSTODY_ACTIONS = ['received', 'sealed', 'handed_over', 'downloaded_original', 'downloaded_copy'] as const;
const CUSTODY_ACTORS = ['public', 'system'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * `receivedOn` is the evidence's local date: the day-precision entries (the receipt and sealing of an
 * anonymous upload) are recorded at the evidence's own receipt time, so that is their date too.
 */
function CustodyLog({ evidenceId, receivedOn }: { evidenceId: string; receivedOn: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
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
            <Table.Td>{c.atPrecision === 'day' ? format.date(receivedOn) : format.dateTime(c.at)}</Table.Td>
            <Table.Td data-action={c.action}>{isOneOf(CUSTODY_ACTIONS, c.action) ? t(`cases.evidence.custodyActions.${c.action}`) : c.action}</Table.Td>
            <Table.Td>{isOneOf(CUSTODY_ACTORS, c.actor) ? t(`cases.evidence.custodyActors.${c.actor}`) : c.actor}</Table.Td>
            <Table.Td>{c.reason === null ? '—' : pickLanguage(c.reason, language)}</Table.Td>
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
  const fileKind = useFileKind();
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
              <Text span inherit title={item.mime} data-testid="case-evidence-kind">{fileKind(item.mime)}</Text> · {format.fileSize(item.size)} · {t('cases.evidence.received', { at: item.receivedAtPrecision === 'day' ? format.date(item.receivedOn) : format.dateTime(item.receivedAt) })}
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
        {showCustody && <CustodyLog evidenceId={item.id} receivedOn={item.receivedOn} />}
      </Stack>
    </Paper>
  );
}
