import { useState } from 'react';
import { Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportError } from '@netra/contracts';
import { Pager } from '../../components/pager.tsx';
import { useFormat } from '../../lib/format.ts';

const PAGE_SIZE = 50;

/** The rejected rows, a page at a time (a bad file can reject thousands). */
export function ImportErrorsTable({ errors }: { errors: readonly ImportError[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const shown = errors.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('import.errorsTitle', { total: format.number(errors.length) })}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder verticalSpacing="xs" data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('import.errorColumns.row')}</Table.Th>
              <Table.Th w={140}>{t('import.errorColumns.column')}</Table.Th>
              <Table.Th w={200}>{t('import.errorColumns.code')}</Table.Th>
              <Table.Th>{t('import.errorColumns.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((error, index) => (
              <Table.Tr key={`${error.row}:${error.column ?? ''}:${error.code}:${index}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {error.column ?? t('common.empty')}
                </Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {error.code}
                </Table.Td>
                <Table.Td>{i18n.language === 'en' ? error.message : error.messageId}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={page} pageSize={PAGE_SIZE} total={errors.length} onChange={setPage} />
    </Stack>
  );
}
