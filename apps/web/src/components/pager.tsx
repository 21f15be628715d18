import { useEffect } from 'react';
import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** "Menampilkan 1–50 dari 1.234" plus page buttons; nothing when everything fits on one page. */
export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // a page past the end (an old link, a list that shrank): go to the last page instead of showing nothing
  useEffect(() => {
    if (total > 0 && page > pages) onChange(pages);
  }, [total, page, pages, onChange]);
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed">
        {t('common.showing', { from: format.number(from), to: format.number(to), total: format.number(total) })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onChange}
          size="sm"
          siblings={1}
          boundaries={1}
          aria-label={t('common.pagination')}
          getControlProps={(control) => ({ 'aria-label': control === 'previous' ? t('common.previousPage') : control === 'next' ? t('common.nextPage') : control === 'first' ? t('common.firstPage') : t('common.lastPage') })}
        />
      )}
    </Group>
  );
}
