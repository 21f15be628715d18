import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Code,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LoginResult as LoginResultSchema } from '@netra/contracts';
import { api, setCsrfToken } from '../../lib/api.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { TotpQr } from './totp-qr.tsx';
import { refreshMe, useMe, type LoginLocationState } from './session.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

type LoginResult = z.infer<typeof LoginResultSchema>;

interface TotpStep {
  setup: LoginResult['totpSetup'] | null;
}

/** Only same-app paths are followed after sign-in. */
function safeTarget(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/registry';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMe();
  usePageTitle(t('auth.submit'));
  const locationState = location.state as LoginLocationState | null;
  const target = safeTarget(locationState?.from);
  const expired = locationState?.expired === true;

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [totpStep, setTotpStep] = useState<TotpStep | null>(null);

  const finish = async () => {
    const signedIn = await refreshMe(queryClient);
    if (signedIn) await navigate(target, { replace: true });
  };

  const login = useMutation({
    mutationFn: () => api.post<LoginResult>('/auth/login', { username: username.trim(), password }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      setPassword('');
      if (result.status === 'ok') {
        await finish();
        return;
      }
      setCode('');
      setTotpStep({ setup: result.status === 'totp_setup_required' ? (result.totpSetup ?? null) : null });
    },
  });

  const verify = useMutation({
    mutationFn: () => api.post<{ status: 'ok'; csrfToken: string }>('/auth/totp', { code }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      await finish();
    },
  });

  if (me.isPending) return <FullPageLoader />;
  if (me.data && !login.isPending && !verify.isPending) return <Navigate to={target} replace />;

  const onLogin = (event: FormEvent) => {
    event.preventDefault();
    verify.reset();
    login.mutate();
  };
  const onVerify = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{6}$/.test(code)) verify.mutate();
  };
  const backToCredentials = () => {
    setTotpStep(null);
    setCode('');
    login.reset();
    verify.reset();
  };

  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" p="sm">
        <Group gap="md">
          <Anchor component={Link} to="/lapor" size="sm" data-testid="link-report">
            {t('publicReport.toReport')}
          </Anchor>
          <Anchor component={Link} to="/lapor/pantau" size="sm" data-testid="link-follow">
            {t('publicReport.toFollow')}
          </Anchor>
        </Group>
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="xs" radius="md" p="xl" w="100%" maw={totpStep?.setup ? 520 : 420}>
          <Stack gap="xs" mb="lg">
            <Text fw={700} c="blue.8" size="sm" tt="uppercase" lts={1}>
              {t('app.name')}
            </Text>
            <Title order={1} size="h2">
              {totpStep ? (totpStep.setup ? t('auth.totpSetupTitle') : t('auth.totpTitle')) : t('auth.title')}
            </Title>
            {!totpStep && (
              <Text c="dimmed" size="sm">
                {t('auth.subtitle')}
              </Text>
            )}
          </Stack>

          {!totpStep ? (
            <form onSubmit={onLogin} noValidate>
              <Stack>
                {expired && !login.isPending && !login.error && (
                  <Alert color="blue" variant="light">
                    {t('errors.sessionExpired')}
                  </Alert>
                )}
                <ProblemAlert error={login.error} />
                <TextInput
                  label={t('auth.username')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={username}
                  onChange={(event) => setUsername(event.currentTarget.value)}
                  data-testid="login-username"
                />
                <PasswordInput
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  data-testid="login-password"
                />
                <Button
                  type="submit"
                  loading={login.isPending}
                  disabled={!username.trim() || !password}
                  data-testid="login-submit"
                >
                  {t('auth.submit')}
                </Button>
              </Stack>
            </form>
          ) : (
            <form onSubmit={onVerify} noValidate>
              <Stack>
                {totpStep.setup ? (
                  <>
                    <Text size="sm">{t('auth.totpSetupHelp')}</Text>
                    <Center>
                      <TotpQr value={totpStep.setup.otpauthUrl} label={t('auth.qrAlt')} />
                    </Center>
                    <Stack gap={4}>
                      <Text size="sm" fw={600}>
                        {t('auth.secret')}
                      </Text>
                      <Group gap="xs" wrap="nowrap">
                        <Code fz="md" style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
                          {totpStep.setup.secret}
                        </Code>
                        <CopyButton value={totpStep.setup.secret}>
                          {({ copied, copy }) => (
                            <Button variant="default" size="compact-xs" onClick={copy}>
                              {copied ? t('common.copied') : t('common.copy')}
                            </Button>
                          )}
                        </CopyButton>
                      </Group>
                    </Stack>
                    <Stack gap={4}>
                      <Text size="sm" fw={600}>
                        {t('auth.otpauthUrl')}
                      </Text>
                      <Anchor href={totpStep.setup.otpauthUrl} size="xs" style={{ wordBreak: 'break-all' }}>
                        {totpStep.setup.otpauthUrl}
                      </Anchor>
                    </Stack>
                  </>
                ) : (
                  <Text size="sm">{t('auth.totpHelp')}</Text>
                )}
                <ProblemAlert error={verify.error} />
                <TextInput
                  label={t('auth.totpCode')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  pattern="[0-9]{6}"
                  required
                  autoFocus
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
                  styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
                  data-testid="totp-code"
                />
                <Group justify="space-between">
                  <Button variant="subtle" onClick={backToCredentials}>
                    {t('auth.back')}
                  </Button>
                  <Button type="submit" loading={verify.isPending} disabled={code.length !== 6} data-testid="totp-submit">
                    {t('auth.totpSubmit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Paper>
      </Center>
    </Box>
  );
}
