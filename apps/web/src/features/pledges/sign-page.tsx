import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Divider, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { LinkErrorAlert } from '../../components/link-error-alert.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { API_BASE, ApiError } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { fetchMe, meQueryKey, type LoginLocationState } from '../auth/session.tsx';
import { useFieldErrors } from '../../components/field-errors.ts';
import { PublicShell } from '../public-report/public-shell.tsx';
import { downloadSigned, requestCode, signPledge, signWithAccount, useMyCampaigns, usePublicCampaign, type PledgeSigned, type SignLinkState } from './pledges-api.ts';

/** Refusals of the one-time code typed: they mark the code field. */
const CODE_REFUSALS = ['PLEDGE_CODE_INVALID', 'PLEDGE_CODE_USED', 'PLEDGE_CODE_EXPIRED'];

/**
 * Self-service signing, mobile-first: read the text, enter the NIP, receive a one-time code on the
 * registered contact, sign. Nothing is kept in the browser beyond this page's state. A visitor signed in
 * with an employee account can sign with that account instead (the session is the identity), or sees the
 * pledge they signed already.
 */
export function SignPage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();
  const queryClient = useQueryClient();
  usePageTitle(t('pledgeSign.title'));
  const campaign = usePublicCampaign(campaignId);
  // The page is public: asking an anonymous visitor's /auth/me gets a 401 (and a console error). The session is
  // asked for only when one is known: loaded already in this tab, or the employee came from their own page.
  const sessionKnown = Boolean(queryClient.getQueryData(meQueryKey)) || (location.state as SignLinkState | null)?.account === true;
  const me = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false, enabled: sessionKnown });
  const employee = me.data?.grants.some((g) => g.role === 'employee') ? me.data : null;
  const mine = useMyCampaigns(employee !== null);
  const standing = mine.data?.items.find((c) => c.campaignId === campaignId)?.pledge ?? null;
  const [nip, setNip] = useState('');
  const [code, setCode] = useState('');
  const [meterai, setMeterai] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [signed, setSigned] = useState<PledgeSigned | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // the signed PDF can be downloaded once: after that (or once the server says the token is spent or expired) no button offers it again
  const [downloadUsed, setDownloadUsed] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const ask = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => setSentTo((await requestCode({ campaignId, nip: nip.trim() })).sentTo));
  };
  const sign = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => setSigned(await signPledge({ campaignId, nip: nip.trim(), code: code.trim(), ...(meterai.trim() ? { emeteraiSerial: meterai.trim() } : {}) })));
  };
  const signAsAccount = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setSigned(await signWithAccount(campaignId, meterai.trim() ? { emeteraiSerial: meterai.trim() } : {}));
      await queryClient.invalidateQueries({ queryKey: ['my-pledge-campaigns'] });
    });
  };
  const download = () =>
    void run(async () => {
      try {
        const blob = await downloadSigned(signed!.downloadToken);
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = `pernyataan-netralitas-${signed!.verifyCode}.pdf`;
        a.click();
        URL.revokeObjectURL(a.href);
        setDownloadUsed(true);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'PLEDGE_DOWNLOAD_TOKEN_INVALID') setDownloadUsed(true);
        throw e;
      }
    });

  // non-ASN staff sign with the number their agency gave them (THL-000758), not a NIP
  const fieldLabels = { nip: t('pledges.signIdentity'), code: t('pledgeSign.code'), emeteraiSerial: t('pledgeSign.meterai') };
  const errs = useFieldErrors()(error);
  const codeRefused = error instanceof ApiError && CODE_REFUSALS.includes(error.code ?? '');
  // nothing signed in this visit and no standing pledge of the signed-in employee: the forms are offered
  const open = !signed && !standing;

  if (campaign.isPending || (sessionKnown && me.isPending) || (employee && mine.isPending)) return <FullPageLoader />;
  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h3">{t('pledgeSign.title')}</Title>
        {campaign.isError && <LinkErrorAlert error={campaign.error} data-testid="sign-link-error" />}
        {campaign.data && (
          <>
            <Text size="sm" c="dimmed" data-testid="sign-campaign">
              {campaign.data.title} · {campaign.data.agency} · {format.date(campaign.data.opensOn)} – {format.date(campaign.data.closesOn)}
            </Text>
            <Paper withBorder p="md">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="sign-text">{campaign.data.body}</Text>
              <Text size="xs" c="dimmed" mt="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>SHA-256 {campaign.data.contentHash}</Text>
            </Paper>
            {!signed && standing && (
              <Alert color="green" title={t('pledges.mine.alreadyTitle')} data-testid="sign-already">
                <Stack gap="xs">
                  <Text size="sm" data-testid="sign-already-date" data-signed-at={standing.signedAt}>{t('pledges.mine.alreadySigned', { date: format.dateTime(standing.signedAt) })}</Text>
                  <Text size="sm">{t('pledgeSign.verifyCode')} <Text span ff="monospace" fw={700}>{standing.verifyCode}</Text></Text>
                  <Group gap="md">
                    <Anchor component={Link} to={`/verify/${standing.verifyCode}`} size="sm" data-testid="sign-already-verify">{t('pledgeSign.check')}</Anchor>
                    <Anchor href={`${API_BASE}/pledges/${standing.id}/document`} size="sm" data-testid="sign-already-pdf">{t('pledges.mine.pdf')}</Anchor>
                  </Group>
                </Stack>
              </Alert>
            )}
            {open && !sentTo && employee && (
              <>
                <form onSubmit={signAsAccount}>
                  <Stack>
                    <Text size="sm" data-testid="sign-account-name">{t('pledgeSign.withAccountHelp', { name: employee.displayName })}</Text>
                    <TextInput label={t('pledgeSign.meterai')} description={t('pledgeSign.meteraiHelp')} value={meterai} onChange={(e) => setMeterai(e.currentTarget.value)} error={errs.emeteraiSerial} data-testid="sign-account-meterai" />
                    <Button type="submit" size="md" loading={busy} data-testid="sign-with-account">{t('pledgeSign.withAccount')}</Button>
                  </Stack>
                </form>
                <Divider label={t('pledgeSign.orWithCode')} labelPosition="center" />
              </>
            )}
            {open && !sentTo && (
              <form onSubmit={ask}>
                <Stack>
                  <TextInput label={t('pledges.signIdentity')} description={t('pledgeSign.nipHelp')} autoComplete="off" required value={nip} onChange={(e) => setNip(e.currentTarget.value)} error={errs.nip} data-testid="sign-nip" />
                  <Button type="submit" variant={employee ? 'default' : 'filled'} loading={busy} data-testid="sign-request">{t('pledgeSign.sendCode')}</Button>
                  {!me.data && (
                    <Anchor component={Link} to="/login" state={{ from: `/tandatangan/${campaignId}` } satisfies LoginLocationState} size="sm" data-testid="sign-use-account">
                      {t('pledges.mine.useAccount')}
                    </Anchor>
                  )}
                </Stack>
              </form>
            )}
            {open && sentTo && (
              <form onSubmit={sign}>
                <Stack>
                  <Alert variant="light" data-testid="sign-sent">{t('pledgeSign.sent', { to: sentTo })}</Alert>
                  <TextInput label={t('pledgeSign.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} required value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errs.code ?? codeRefused} data-testid="sign-code" />
                  <TextInput label={t('pledgeSign.meterai')} description={t('pledgeSign.meteraiHelp')} value={meterai} onChange={(e) => setMeterai(e.currentTarget.value)} error={errs.emeteraiSerial} data-testid="sign-meterai" />
                  <Button type="submit" loading={busy} data-testid="sign-submit">{t('pledgeSign.sign')}</Button>
                  <Anchor component="button" type="button" size="sm" onClick={() => { setSentTo(null); setCode(''); }}>{t('pledgeSign.again')}</Anchor>
                </Stack>
              </form>
            )}
            {signed && (
              <Alert color="green" title={t('pledgeSign.done')} data-testid="sign-done">
                <Stack gap="xs">
                  <Text size="sm">{t('pledgeSign.verifyCode')} <Text span ff="monospace" fw={700} data-testid="sign-verify-code">{signed.verifyCode}</Text></Text>
                  <Anchor component={Link} to={`/verify/${signed.verifyCode}`} size="sm" data-testid="sign-verify-link">{t('pledgeSign.check')}</Anchor>
                  {downloadUsed
                    ? <Text size="sm" data-testid="sign-download-used">{t('pledgeSign.downloadUsed')}</Text>
                    : (
                      <>
                        <Button variant="light" onClick={download} loading={busy} data-testid="sign-download">{t('pledgeSign.download')}</Button>
                        <Text size="xs" c="dimmed">{t('pledgeSign.downloadOnce')}</Text>
                      </>
                    )}
                </Stack>
              </Alert>
            )}
            {error !== null && <ProblemAlert error={error} fieldLabels={fieldLabels} data-testid="sign-error" />}
          </>
        )}
      </Stack>
    </PublicShell>
  );
}
