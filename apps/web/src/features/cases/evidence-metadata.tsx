import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

/** Time taken, GPS and device read defensively from the file's metadata: a plausibility signal for the handler. */
export function EvidenceMetadata({ metadata }: { metadata: Record<string, unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: { label: string; value: string }[] = [];
  const takenAt = str(metadata.takenAt);
  if (takenAt) rows.push({ label: t('cases.evidence.takenAt'), value: format.dateTime(takenAt) });
  const gps = metadata.gps;
  if (isRecord(gps) && typeof gps.lat === 'number' && typeof gps.lon === 'number') {
    rows.push({ label: t('cases.evidence.gps'), value: `${gps.lat.toFixed(5)}, ${gps.lon.toFixed(5)}` });
  }
  const device = metadata.device;
  if (isRecord(device)) {
    const value = [str(device.make), str(device.model)].filter(Boolean).join(' ');
    if (value) rows.push({ label: t('cases.evidence.device'), value });
  }
  const software = str(metadata.software);
  if (software) rows.push({ label: t('cases.evidence.software'), value: software });
  const pdf = metadata.pdf;
  if (isRecord(pdf)) {
    const value = Object.entries(pdf).map(([k, v]) => [k, str(v)] as const).filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join(' · ');
    if (value) rows.push({ label: t('cases.evidence.pdf'), value });
  }
  return (
    <div data-testid="case-evidence-metadata">
      <Text size="xs" c="dimmed">{t('cases.evidence.metadataTitle')}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t('cases.evidence.noMetadata')}</Text>
      ) : (
        <List size="sm" listStyleType="none">
          {rows.map((r) => <List.Item key={r.label}>{r.label}: {r.value}</List.Item>)}
        </List>
      )}
    </div>
  );
}
