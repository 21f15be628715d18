import type { ReactNode } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me, Permission } from '@netra/contracts';
import { NAV_ITEMS } from '../../components/app-layout.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { hasPermission, useSession } from './session.tsx';

/** A permission the session must hold, or a rule over the whole session (role and permission). */
export type Access = Permission | ((me: Me) => boolean);

export function canAccess(me: Me, access: Access): boolean {
  return typeof access === 'function' ? access(me) : hasPermission(me, access);
}

/** Opening a case (finding or formal report) is for supervisors (Bawaslu) and system admins; the server checks the region. */
export function canOpenCases(me: Me): boolean {
  return hasPermission(me, 'cases.handle') && me.grants.some((g) => g.role === 'supervisor' || g.role === 'system_admin');
}

/** The page shown instead of one the session may not use (the API would answer 403). */
export function NoAccess() {
  const { t } = useTranslation();
  const me = useSession();
  // the first page of the menu this session sees
  const home = NAV_ITEMS.find((item) => !item.permission || hasPermission(me, item.permission))?.to ?? '/assess';
  usePageTitle(t('errors.noAccessTitle'));
  return (
    <Stack maw={640} mx="auto" mt="xl">
      <Paper withBorder p="xl" data-testid="no-access">
        <Stack gap="sm" align="flex-start">
          <Title order={1} size="h3">{t('errors.noAccessTitle')}</Title>
          <Text>{t('errors.noAccess')}</Text>
          <Text size="sm" c="dimmed">{t('errors.noAccessHelp')}</Text>
          <Button component={Link} to={home} variant="default">{t('errors.goHome')}</Button>
        </Stack>
      </Paper>
    </Stack>
  );
}

/**
 * Renders the page only when the session may use it (the same permissions the navigation menu
 * follows), so nobody fills in a form that the server then refuses.
 */
export function RequireAccess({ access, children }: { access: Access; children: ReactNode }) {
  const me = useSession();
  return canAccess(me, access) ? children : <NoAccess />;
}
