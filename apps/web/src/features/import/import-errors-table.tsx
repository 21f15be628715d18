import { useState } from 'react';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportError } from '@netra/contracts';
import { Pager } from '../../components/pager.tsx';
import { useFormat } from '../../lib/format.ts';

const PAGE_SIZE = 50;

interface ImportErrorsTableProps {
  /** The errors the run lists (the first ones by row). */
  errors: readonly ImportError[];
  /** Errors the run counted but does not list. */
  more?: number;
  /** Download of every error as CSV, when the server still keeps it. */
  reportUrl?: string | null;
}

/** The rejected rows, a page at a time (a bad file can reject thousands); the full list is a CSV download. */
export function ImportErrorsTable({ errors, more = 0, reportUrl = null }: ImportErrorsTableProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const shown = errors.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h5">
          {t('import.errorsTitle', { total: format.number(errors.length + more) })}
        </Title>
        {reportUrl && (
          <Button component="a" href={reportUrl} download variant="light" size="compact-sm" data-testid="import-error-report">
            {t('import.downloadErrors')}
          </Button>
        )}
      </Group>
      {/* the message in the UI language is what a reader acts on: no code column (the CSV report keeps the codes),
          and narrow row and column cells so the message fits a 360px phone */}
      <Table striped withTableBorder verticalSpacing="xs" layout="fixed" data-testid="import-errors">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>{t('import.errorColumns.row')}</Table.Th>
            <Table.Th w={{ base: 84, sm: 160 }}>{t('import.errorColumns.column')}</Table.Th>
            <Table.Th>{t('import.errorColumns.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((error, index) => (
            <Table.Tr key={`${error.row}:${error.column ?? ''}:${error.code}:${index}`} data-code={error.code}>
              <Table.Td>{error.row}</Table.Td>
              <Table.Td ff="monospace" fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {error.column ?? t('common.empty')}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }} data-testid="import-error-message">
                {i18n.language === 'en' ? error.message : error.messageId}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager page={page} pageSize={PAGE_SIZE} total={errors.length} onChange={setPage} />
      {more > 0 && (
        <Text size="sm" c="dimmed" data-testid="import-errors-more">
          {t(reportUrl ? 'import.moreErrorsReport' : 'import.moreErrors', { shown: format.number(errors.length), more: format.number(more) })}
        </Text>
      )}
    </Stack>
  );
}
