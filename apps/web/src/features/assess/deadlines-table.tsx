import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import type { Deadline } from './assess-api.ts';
import { DeadlineFlags, DueAt } from './deadline-status.tsx';

/** The report deadline and, once reported, the handling steps with their due dates and the legal references behind them. */
export function DeadlinesTable({ deadlines, reportDate }: { deadlines: readonly Deadline[]; reportDate?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder component="section" aria-labelledby="assess-deadlines-title">
      <Title order={3} size="h5" p="md" pb={0} id="assess-deadlines-title">
        {t('assess.deadlines')}
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" data-testid="assess-deadlines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assess.columns.name')}</Table.Th>
              <Table.Th>{t('assess.columns.from')}</Table.Th>
              <Table.Th>{t('assess.columns.days')}</Table.Th>
              <Table.Th>{t('assess.columns.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deadlines.map((deadline) => (
              <Table.Tr key={deadline.ruleId} data-rule={deadline.ruleId}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm">{format.localized(deadline.name)}</Text>
                    <DeadlineFlags deadline={deadline} />
                    {deadline.source && (
                      <Text size="xs" c="dimmed" data-testid="assess-deadline-source">
                        {deadline.source}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(deadline.from)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t(`assess.basis.${deadline.basis}`, { count: deadline.days })}
                </Table.Td>
                <Table.Td>
                  <DueAt deadline={deadline} reportDate={reportDate} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
