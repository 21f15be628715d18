import { Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import type { TimelineStage } from './elections-api.ts';
import { Swatch, roleKeyOf } from './stage-roles.tsx';
import { FlagBadge } from '../../components/flag-badge.tsx';

/** The chart's content as a table: dates, kind and legal source of every stage (the API sends the public references). */
export function StagesTable({ stages }: { stages: readonly TimelineStage[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder component="section" aria-labelledby="timeline-table-title">
      <Title order={2} size="h5" p="md" pb={0} id="timeline-table-title">
        {t('timeline.table')}
      </Title>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="xs" striped data-testid="timeline-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('timeline.columns.stage')}</Table.Th>
              <Table.Th>{t('timeline.columns.start')}</Table.Th>
              <Table.Th>{t('timeline.columns.end')}</Table.Th>
              <Table.Th>{t('timeline.columns.role')}</Table.Th>
              <Table.Th>{t('timeline.columns.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stages.map((stage) => (
              <Table.Tr key={stage.id}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm">{format.localized(stage.name)}</Text>
                    {stage.contingent && <FlagBadge label={t('timeline.contingent')} help={t('timeline.contingentHelp')} color="gray" variant="outline" />}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(stage.start)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(stage.end)}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Swatch role={stage.role} contingent={stage.contingent} />
                    <Text size="sm">{t(`timeline.roles.${roleKeyOf(stage.role)}`)}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" data-testid="timeline-stage-source">
                    {stage.source || '—'}
                  </Text>
                  {stage.unconfirmed && <FlagBadge label={t('timeline.unconfirmed')} help={t('timeline.unconfirmedHelp')} color="yellow" />}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
