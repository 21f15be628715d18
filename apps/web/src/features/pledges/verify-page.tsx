import { Alert, Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { Field, FieldList } from '../../components/field-list.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { PublicShell } from '../public-report/public-shell.tsx';
import { useVerification } from './pledges-api.ts';

/** The label of how the pledge was signed: a joint signing, the employee's own account, or self-service with a one-time code. */
const methodLabel = (method: string) =>
  method === 'ceremony' ? ('pledgeVerify.ceremony' as const) : method === 'account' ? ('pledgeVerify.account' as const) : ('pledgeVerify.selfService' as const);

/** /verify/<code>: what the QR code on a signed pledge opens. Anyone may check it; the name is masked. */
export function VerifyPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('pledgeVerify.title'));
  const v = useVerification(code);
  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h3">{t('pledgeVerify.title')}</Title>
        <Text size="sm" c="dimmed">{t('pledgeVerify.code', { code })}</Text>
        {v.isPending && <FullPageLoader />}
        {v.isError && <Alert color="red" data-testid="verify-unknown">{t('pledgeVerify.unknown')}</Alert>}
        {v.data && (
          <Paper withBorder p="lg">
            <Stack gap="sm">
              <Badge size="xl" color={v.data.status === 'valid' ? 'green' : 'red'} data-testid="verify-status" data-status={v.data.status}>
                {v.data.status === 'valid' ? t('pledgeVerify.valid') : t('pledgeVerify.revoked')}
              </Badge>
              <FieldList>
                <Field label={t('pledgeVerify.name')}><span data-testid="verify-name">{v.data.name}</span></Field>
                <Field label={t('pledgeVerify.agency')}>{v.data.agency}</Field>
                <Field label={t('pledgeVerify.pledge')}>{v.data.title}</Field>
                <Field label={t('pledgeVerify.signedAt')}>{format.dateTime(v.data.signedAt)}</Field>
                <Field label={t('pledgeVerify.method')}><span data-testid="verify-method" data-method={v.data.method}>{t(methodLabel(v.data.method))}</span></Field>
                <Field label={t('pledgeVerify.hash')}><Text span ff="monospace" size="xs" style={{ overflowWrap: 'anywhere' }}>{v.data.contentHash}</Text></Field>
              </FieldList>
            </Stack>
          </Paper>
        )}
      </Stack>
    </PublicShell>
  );
}
