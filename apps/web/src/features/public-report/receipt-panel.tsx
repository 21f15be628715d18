import { useEffect, useRef } from 'react';
import { Alert, Anchor, Button, Code, CopyButton, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import type { TipReceipt } from './public-api.ts';

interface ReceiptPanelProps {
  receipt: TipReceipt;
  /** The optional file, sent after the tip so the codes show as soon as the tip is in. */
  upload: { status: 'uploading' | 'sent' | 'failed'; error: unknown; retry: () => void } | null;
}

/** The receipt code and secret, shown this once: the server keeps only the secret's hash. */
export function ReceiptPanel({ receipt, upload }: ReceiptPanelProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  // The form was long: bring the reader (and a screen reader's focus) to the codes.
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);

  const both = `${t('publicReport.receiptCode')}: ${receipt.receiptCode}\n${t('publicReport.secret')}: ${receipt.secret}`;
  return (
    <Stack gap="lg">
      <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {t('publicReport.receiptTitle')}
      </Title>
      <Alert color="red" variant="filled" title={t('publicReport.receiptWarningTitle')} role="alert">
        {t('publicReport.receiptWarning')}
      </Alert>
      <Paper withBorder p="lg" radius="md" style={{ borderWidth: 3, borderColor: 'var(--mantine-color-red-6)' }}>
        <Stack gap="md">
          <CodeLine label={t('publicReport.receiptCode')} value={receipt.receiptCode} testId="tip-receipt-code" />
          <CodeLine label={t('publicReport.secret')} value={receipt.secret} testId="tip-secret" />
          <CopyButton value={both}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? t('common.copied') : t('publicReport.copyBoth')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      </Paper>
      <Text size="sm">{t('publicReport.receiptNever')}</Text>
      {upload && <UploadStatus {...upload} />}
      <Text size="sm">{t('publicReport.receiptNext')}</Text>
      <Anchor component={Link} to="/lapor/pantau" fw={600}>
        {t('publicReport.followLink')} →
      </Anchor>
    </Stack>
  );
}

function CodeLine({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" align="center">
        {/* user-select: all, so one tap selects the whole code where the clipboard is unavailable */}
        <Code fz="lg" fw={700} px="sm" py={6} style={{ userSelect: 'all', wordBreak: 'break-all' }} data-testid={testId}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              size="compact-sm"
              onClick={copy}
              aria-label={`${t('common.copy')}: ${label}`}
              style={{ flexShrink: 0 }}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

function UploadStatus({ status, error, retry }: NonNullable<ReceiptPanelProps['upload']>) {
  const { t } = useTranslation();
  if (status === 'uploading') {
    return (
      <Group gap="xs" role="status" aria-live="polite" data-testid="tip-file-progress">
        <Loader size="xs" />
        <Text size="sm">{t('publicReport.fileUploading')}</Text>
      </Group>
    );
  }
  if (status === 'sent') {
    return (
      <Alert color="green" variant="light" data-testid="tip-file-result" data-status="sent">
        {t('publicReport.fileSent')}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" data-testid="tip-file-result" data-status="failed">
      <ProblemAlert error={error} title={t('publicReport.fileFailed')} />
      <Button variant="default" onClick={retry}>
        {t('common.retry')}
      </Button>
    </Stack>
  );
}
