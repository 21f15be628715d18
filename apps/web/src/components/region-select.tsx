import { useMemo, useState, type ReactNode } from 'react';
import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Region, RegionLevel } from '@netra/contracts';
import { api } from '../lib/api.ts';

interface RegionSelectProps {
  label: string;
  placeholder?: string;
  value: string | null;
  onChange: (code: string | null) => void;
  /** Offer the children of this region (all loaded at once); without it, search by name. */
  parent?: string | null;
  /** Levels to search when there is no parent. */
  searchLevel?: RegionLevel;
  description?: string;
  error?: ReactNode;
  withAsterisk?: boolean;
  'data-testid'?: string;
}

const LEVEL_ORDER: Record<RegionLevel, number> = { province: 0, regency: 1, district: 2, village: 3 };

/** Kemendagri region picker fed by /regions. */
export function RegionSelect({ parent, searchLevel, value, onChange, ...rest }: RegionSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [selected, setSelected] = useState<ComboboxItem | null>(null);
  const searchMode = !parent;

  const children = useQuery({
    queryKey: ['regions', 'children', parent],
    queryFn: ({ signal }) => api.get<{ items: Region[] }>('/regions', { parent, limit: 1000 }, signal),
    enabled: Boolean(parent),
    staleTime: Infinity,
  });

  const found = useQuery({
    queryKey: ['regions', 'search', searchLevel ?? null, debouncedSearch],
    queryFn: ({ signal }) =>
      api.get<{ items: Region[] }>('/regions', { q: debouncedSearch, level: searchLevel, limit: 30 }, signal),
    enabled: searchMode && debouncedSearch.length >= 2,
    staleTime: 5 * 60_000,
  });

  // A value set from outside (URL, default) is named too, not shown as a bare code.
  const current = useQuery({
    queryKey: ['regions', 'one', value],
    queryFn: ({ signal }) => api.get<Region>(`/regions/${value}`, undefined, signal),
    enabled: searchMode && Boolean(value) && selected?.value !== value,
    staleTime: Infinity,
  });

  const data = useMemo(() => {
    const items = [...((searchMode ? found.data?.items : children.data?.items) ?? [])];
    // Larger areas first, so "Kota Bekasi" comes before villages that share the name.
    if (searchMode) items.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
    const labelOf = (region: Region) => `${region.name} (${region.code}) · ${t(`regionLevels.${region.level}`)}`;
    const options: ComboboxItem[] = items.map((region) => ({ value: region.code, label: labelOf(region) }));
    // Keep the current value visible even when it is not among the loaded options.
    if (value && !options.some((option) => option.value === value)) {
      const named = current.data?.code === value ? { value, label: labelOf(current.data) } : { value, label: value };
      options.unshift(selected?.value === value ? selected : named);
    }
    return options;
  }, [searchMode, found.data, children.data, current.data, value, selected, t]);

  return (
    <Select
      {...rest}
      data={data}
      value={value}
      onChange={(code, option) => {
        setSelected(option);
        onChange(code);
      }}
      searchable
      clearable
      onSearchChange={searchMode ? setSearch : undefined}
      filter={searchMode ? ({ options }) => options : undefined}
      nothingFoundMessage={searchMode && debouncedSearch.length < 2 ? undefined : '—'}
      limit={200}
      disabled={Boolean(parent) && children.isError}
    />
  );
}
