import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegionLevel } from '@netra/contracts';
import { useErrorMessage } from '../../components/problem-alert.tsx';
import { useRegionOptions } from './public-api.ts';

const LEVELS = [
  { level: 'province', label: 'publicReport.province', testId: 'tip-province' },
  { level: 'regency', label: 'publicReport.regency', testId: 'tip-regency' },
  { level: 'district', label: 'publicReport.district', testId: 'tip-district' },
  { level: 'village', label: 'publicReport.village', testId: 'tip-village' },
] as const satisfies readonly { level: RegionLevel; label: string; testId: string }[];

/** How many levels must be chosen: province and kabupaten/kota. */
export const REQUIRED_REGION_DEPTH = 2;

interface RegionCascadeProps {
  /** The chosen code at each level, from the province down. */
  value: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string;
}

/**
 * Province -> kab/kota -> kecamatan -> kelurahan/desa as native selects: light, usable on any
 * phone, and each level loads only once its parent is chosen.
 */
export function RegionCascade({ value, onChange, error }: RegionCascadeProps) {
  const pick = (depth: number, code: string) => onChange(code ? [...value.slice(0, depth), code] : value.slice(0, depth));
  return (
    <Stack gap="sm">
      {LEVELS.map((entry, depth) => {
        const parent = depth === 0 ? null : value[depth - 1];
        if (depth > 0 && !parent) return null;
        return (
          <RegionLevelSelect
            key={`${entry.level}:${parent ?? ''}`}
            level={entry.level}
            parent={parent ?? null}
            label={entry.label}
            testId={entry.testId}
            required={depth < REQUIRED_REGION_DEPTH}
            value={value[depth] ?? ''}
            onChange={(code) => pick(depth, code)}
            error={depth === value.length ? error : undefined}
          />
        );
      })}
    </Stack>
  );
}

interface RegionLevelSelectProps {
  level: RegionLevel;
  parent: string | null;
  label: (typeof LEVELS)[number]['label'];
  testId: string;
  required: boolean;
  value: string;
  onChange: (code: string) => void;
  error?: string;
}

function RegionLevelSelect({ level, parent, label, testId, required, value, onChange, error }: RegionLevelSelectProps) {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  const options = useRegionOptions(level, parent);
  if (options.isError) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t(label)}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="red.8" role="alert">
            {t('publicReport.regionFailed')} {messageOf(options.error)}
          </Text>
          <Button variant="default" size="compact-sm" onClick={() => void options.refetch()}>
            {t('common.retry')}
          </Button>
        </Group>
      </Stack>
    );
  }
  // Lower levels are not loaded for every area; an empty level is simply left out.
  if (options.data && options.data.length === 0 && level !== 'province') return null;
  const data = options.data
    ? [
        { value: '', label: required ? t('publicReport.choose') : t('publicReport.chooseOptional') },
        ...options.data.map((region) => ({ value: region.code, label: region.name })),
      ]
    : [{ value: '', label: t('common.loading') }];
  return (
    <NativeSelect
      label={t(label)}
      withAsterisk={required}
      data={data}
      value={options.data ? value : ''}
      disabled={!options.data}
      aria-busy={options.isPending}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      data-testid={testId}
    />
  );
}
