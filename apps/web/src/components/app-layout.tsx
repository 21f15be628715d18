import { AppShell, Box, Burger, Button, Group, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@netra/contracts';
import { api } from '../lib/api.ts';
import { endSession, hasPermission, useSession } from '../features/auth/session.tsx';
import { PageBoundary } from './page-boundary.tsx';
import { LanguageSwitch } from './language-switch.tsx';

interface NavItem {
  to: string;
  testId: string;
  label:
    | 'nav.registry'
    | 'nav.assess'
    | 'nav.timeline'
    | 'nav.import'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.tips'
    | 'nav.cases'
    | 'nav.pledges'
    | 'socialization.nav'
    | 'conflicts.nav'
    | 'nav.self';
  /** Without one, every signed-in user sees the item. */
  permission?: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/registry', testId: 'nav-registry', label: 'nav.registry', permission: 'registry.read' },
  // an employee's own record (the registry shows them only themselves)
  { to: '/registry', testId: 'nav-self', label: 'nav.self', permission: 'self.read' },
  { to: '/tips', testId: 'nav-tips', label: 'nav.tips', permission: 'tips.read' },
  { to: '/cases', testId: 'nav-cases', label: 'nav.cases', permission: 'cases.read' },
  { to: '/pledges', testId: 'nav-pledges', label: 'nav.pledges', permission: 'registry.read' },
  { to: '/socialization', testId: 'nav-socialization', label: 'socialization.nav', permission: 'registry.read' },
  { to: '/conflicts', testId: 'nav-conflicts', label: 'conflicts.nav', permission: 'registry.read' },
  { to: '/assess', testId: 'nav-assess', label: 'nav.assess' },
  { to: '/timeline', testId: 'nav-timeline', label: 'nav.timeline' },
  { to: '/import', testId: 'nav-import', label: 'nav.import', permission: 'registry.import' },
  { to: '/users', testId: 'nav-users', label: 'nav.users', permission: 'users.manage' },
  { to: '/audit', testId: 'nav-audit', label: 'nav.audit', permission: 'audit.read' },
];

/** Name and role of the signed-in user (header on wide screens, navigation drawer on phones). */
function UserSummary({ align }: { align: 'flex-start' | 'flex-end' }) {
  const { t } = useTranslation();
  const me = useSession();
  const [first, ...others] = me.grants;
  const roleText = first ? t(`roles.${first.role}`) : t('header.noRole');
  const allRoles = me.grants.map((grant) => t(`roles.${grant.role}`)).join(', ');
  return (
    <Tooltip label={allRoles || roleText} disabled={others.length === 0}>
      <Stack gap={0} align={align}>
        <Text size="sm" fw={600} lh={1.3}>
          {me.displayName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3}>
          {roleText}
          {others.length > 0 ? ` ${t('header.moreRoles', { count: others.length })}` : ''}
        </Text>
      </Stack>
    </Tooltip>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  const logout = useMutation({
    mutationFn: () => api.post<unknown>('/auth/logout'),
    onSettled: async () => {
      endSession(queryClient);
      await navigate('/login', { replace: true });
    },
  });

  const items = NAV_ITEMS.filter((item) => (!item.permission || hasPermission(me, item.permission)) && !(item.testId === 'nav-self' && hasPermission(me, 'registry.read')));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Link to="/registry" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Group gap={8} wrap="nowrap">
                <Text fw={800} size="lg" c="blue.8">
                  {t('app.name')}
                </Text>
                <Text size="sm" c="dimmed" visibleFrom="md">
                  {t('app.tagline')}
                </Text>
              </Group>
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="xs" data-testid="current-user">
              <UserSummary align="flex-end" />
            </Box>
            <LanguageSwitch />
            <Button
              variant="default"
              size="compact-sm"
              onClick={() => logout.mutate()}
              loading={logout.isPending}
              data-testid="logout"
            >
              {t('header.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        <Box hiddenFrom="xs" px="sm" pb="sm" mb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <UserSummary align="flex-start" />
        </Box>
        {items.map((item) => {
          const active = location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);
          return (
            <NavLink
              key={item.testId}
              component={Link}
              to={item.to}
              label={t(item.label)}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={closeNav}
              data-testid={item.testId}
            />
          );
        })}
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <PageBoundary>
          <Outlet />
        </PageBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
