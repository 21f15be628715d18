import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { API_BASE } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useMyCampaigns, type SignLinkState } from './pledges-api.ts';

/** An employee's own neutrality pledges: what is open to sign now, and what they signed (with its PDF and check page). */
export function MyPledgesPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const mine = useMyCampaigns(true);
  if (mine.isPending) return null;
  return (
    <Paper withBorder p="md" data-testid="my-pledges">
      <Title order={2} size="h4" mb="xs">{t('pledges.mine.title')}</Title>
      <ProblemAlert error={mine.error} />
      {mine.data?.items.length === 0 && <Text size="sm" c="dimmed">{t('pledges.mine.none')}</Text>}
      <Stack gap="xs">
        {mine.data?.items.map((c) => (
          <Group key={c.campaignId} justify="space-between" wrap="wrap" gap="xs" data-testid="my-pledge">
            <Stack gap={0}>
              <Text size="sm" fw={600}>{c.title}</Text>
              <Text size="xs" c="dimmed">{c.agencyName} · {format.date(c.opensOn)} – {format.date(c.closesOn)}</Text>
            </Stack>
            {c.pledge ? (
              <Group gap="xs">
                <Badge color="green" variant="light">{t('pledges.mine.signedOn', { date: format.dateTime(c.pledge.signedAt) })}</Badge>
                <Anchor size="sm" href={`${API_BASE}/pledges/${c.pledge.id}/document`} data-testid="my-pledge-pdf">{t('pledges.mine.pdf')}</Anchor>
                <Anchor size="sm" component={Link} to={`/verify/${c.pledge.verifyCode}`}>{t('pledges.mine.verify')}</Anchor>
              </Group>
            ) : c.period === 'open' ? (
              <Button component={Link} to={`/tandatangan/${c.campaignId}`} state={{ account: true } satisfies SignLinkState} size="xs" data-testid="my-pledge-sign">{t('pledges.mine.sign')}</Button>
            ) : (
              <Badge color="gray" variant="light">{t(c.period === 'upcoming' ? 'pledges.mine.upcoming' : 'pledges.mine.closed')}</Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
