import { useMemo, useState } from 'react';
import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Employee } from '@netra/contracts';
import { useEmployeeSearch } from './users-api.ts';

/** "Kurnia Sari · 198609262015051001 · Dinas Pendidikan": the name, the NIP (or internal id) and where they work. */
const labelOf = (e: Employee) => [e.name, e.nip ?? e.internalId, e.unitPath ?? e.agencyName].filter(Boolean).join(' · ');

/**
 * Picks the employee an account belongs to, searching the registry by name or NIP. The registry answers only the
 * employees the manager can read, and the server checks the pick lies inside the manager's scope again.
 */
export function EmployeePicker({ value, onChange, error }: { value: Employee | null; onChange: (employee: Employee | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useEmployeeSearch(debounced);
  const options = useMemo(() => {
    const items = found.data?.items ?? [];
    // the chosen one stays listed (and named) whatever is typed next
    return value && !items.some((e) => e.id === value.id) ? [value, ...items] : items;
  }, [found.data, value]);
  const data: ComboboxItem[] = options.map((e) => ({ value: e.id, label: labelOf(e) }));
  return (
    <Select
      label={t('users.employee')}
      description={t('users.employeeHelp')}
      placeholder={t('users.employeeSearch')}
      required
      error={error}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((e) => e.id === id) ?? null)}
      searchable
      clearable
      // picking one writes its label into the box: that is not a new search
      onSearchChange={(text) => setSearch(value && text === labelOf(value) ? '' : text)}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.length < 2 ? undefined : found.isFetching ? t('common.loading') : t('users.employeeNotFound')}
      data-testid="user-employee"
    />
  );
}
