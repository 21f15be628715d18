import type { ReactNode } from 'react';
import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../registry/registry-api.ts';

const TABS = [
  { to: '/socialization', label: 'socialization.tabEvents', testId: 'socialization-tab-events' },
  { to: '/socialization/coverage', label: 'socialization.tabCoverage', testId: 'socialization-tab-coverage' },
  { to: '/socialization/reminders', label: 'socialization.tabReminders', testId: 'socialization-tab-reminders' },
] as const;

/** The heading of the socialization pages, with their three views. */
export function SocializationHeader({ action }: { action?: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h2">{t('socialization.title')}</Title>
          <Text size="sm" c="dimmed">{t('socialization.intro')}</Text>
        </Stack>
        {action}
      </Group>
      <Group gap="xs">
        {TABS.map((tab) => (
          <Button key={tab.to} component={Link} to={tab.to} size="xs" variant={pathname === tab.to ? 'filled' : 'default'} data-testid={tab.testId}>{t(tab.label)}</Button>
        ))}
      </Group>
    </Stack>
  );
}

/** The agency the page is about: the chosen one, else the first in the caller's scope. */
export function useAgencyChoice(chosen: string) {
  const agencies = useAgencies();
  const items = agencies.data?.items ?? [];
  return { agencies: items, agencyId: chosen || items[0]?.id || '' };
}

export function AgencySelect({ value, onChange, agencies }: { value: string; onChange: (id: string) => void; agencies: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <NativeSelect label={t('socialization.agency')} value={value} onChange={(e) => onChange(e.currentTarget.value)} data={agencies.map((a) => ({ value: a.id, label: a.name }))} data-testid="socialization-agency" />
  );
}
