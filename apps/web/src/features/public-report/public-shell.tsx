import type { ReactNode } from 'react';
import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch.tsx';

/** The frame of the anonymous pages: no session, no account menu, just the two public pages. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="sm" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={800} c="blue.8">
              {t('app.name')}
            </Text>
            <LanguageSwitch />
          </Group>
          <Group component="nav" gap="md" aria-label={t('nav.label')}>
            <Anchor component={Link} to="/lapor" size="sm" fw={pathname === '/lapor' ? 700 : 400}>
              {t('publicReport.navReport')}
            </Anchor>
            <Anchor component={Link} to="/lapor/pantau" size="sm" fw={pathname === '/lapor/pantau' ? 700 : 400}>
              {t('publicReport.navFollow')}
            </Anchor>
          </Group>
        </Container>
      </Box>
      <Container size="sm" px="md" py="lg" component="main">
        {children}
      </Container>
      <Container size="sm" px="md" pb="lg" component="footer">
        <Anchor component={Link} to="/login" size="xs" c="dimmed">
          {t('publicReport.staffSignIn')}
        </Anchor>
      </Container>
    </Box>
  );
}
