import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, isInvalidLink } from './problem-alert.tsx';

/**
 * What a public page opened from a link or QR code shows when it cannot load what the link names:
 * for a malformed, unknown or expired link a plain sentence (no field paths or ids), else the error.
 */
export function LinkErrorAlert({ error, 'data-testid': testId }: { error: unknown; 'data-testid'?: string }) {
  const { t } = useTranslation();
  if (!isInvalidLink(error)) return <ProblemAlert error={error} data-testid={testId} />;
  return (
    <Alert color="yellow" variant="light" title={t('errors.invalidLinkTitle')} role="alert" data-testid={testId} data-invalid-link="true">
      <Text size="sm">{t('errors.invalidLink')}</Text>
      <Text size="sm" mt="xs" c="dimmed">{t('errors.invalidLinkHelp')}</Text>
    </Alert>
  );
}
