import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Modal, NativeSelect, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EMPLOYMENT_TYPES, type EmploymentType } from '@netra/contracts';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { hasPermission, useSession } from '../auth/session.tsx';
import { useAgencies, useUnits } from '../registry/registry-api.ts';
import { useElections } from '../timeline/elections-api.ts';
import { useCampaigns, useCreateCampaign } from './pledges-api.ts';

function NewCampaignDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const elections = useElections();
  const create = useCreateCampaign();
  const today = new Date().toISOString().slice(0, 10);
  const [agencyId, setAgencyId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [electionId, setElectionId] = useState('');
  const [types, setTypes] = useState<EmploymentType[]>([...EMPLOYMENT_TYPES]);
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState('');
  const [title, setTitle] = useState('');
  const agency = agencyId || agencies.data?.items[0]?.id || '';
  const units = useUnits(agency || null);
  const election = electionId || elections.data?.items[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { agencyId: agency, electionId: election, employmentTypes: types, opensOn, closesOn, ...(unitId ? { unitId } : {}), ...(title.trim() ? { title: title.trim() } : {}) },
      { onSuccess: (r) => void navigate(`/pledges/${r.id}`) },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('pledges.newTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <NativeSelect label={t('pledges.agency')} value={agency} onChange={(e) => { setAgencyId(e.currentTarget.value); setUnitId(''); }} data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} data-testid="campaign-agency" />
          <NativeSelect label={t('pledges.unit')} value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}
            data={[{ value: '', label: t('pledges.wholeAgency') }, ...(units.data ?? []).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }))]} data-testid="campaign-unit" />
          <NativeSelect label={t('pledges.election')} value={election} onChange={(e) => setElectionId(e.currentTarget.value)} data={(elections.data?.items ?? []).map((x) => ({ value: x.id, label: format.localized(x.name) }))} data-testid="campaign-election" />
          <Group>
            {EMPLOYMENT_TYPES.map((ty) => (
              <Checkbox key={ty} label={ty} checked={types.includes(ty)} onChange={(e) => setTypes(e.currentTarget.checked ? [...types, ty] : types.filter((x) => x !== ty))} />
            ))}
          </Group>
          <SimpleGrid cols={2}>
            <TextInput type="date" label={t('pledges.opensOn')} value={opensOn} onChange={(e) => setOpensOn(e.currentTarget.value)} data-testid="campaign-opens" />
            <TextInput type="date" label={t('pledges.closesOn')} value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} data-testid="campaign-closes" />
          </SimpleGrid>
          <TextInput label={t('pledges.titleField')} placeholder={t('pledges.titlePlaceholder')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="campaign-title" />
          <ProblemAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('cases.cancel')}</Button>
            <Button type="submit" loading={create.isPending} disabled={!agency || !election || !closesOn || !types.length} data-testid="campaign-submit">{t('pledges.open')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Pledge campaigns in the user's scope, with their coverage. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const me = useSession();
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);
  usePageTitle(t('pledges.title'));
  if (campaigns.isPending) return <FullPageLoader />;
  const items = campaigns.data?.items ?? [];
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={1} size="h2">{t('pledges.title')}</Title>
          <Text size="sm" c="dimmed">{t('pledges.intro')}</Text>
        </Stack>
        {hasPermission(me, 'agencies.manage') && <Button onClick={() => setCreating(true)} data-testid="campaign-new">{t('pledges.new')}</Button>}
      </Group>
      <ProblemAlert error={campaigns.error} />
      {items.length === 0 && <Paper withBorder p="lg"><Text data-testid="campaigns-empty">{t('pledges.empty')}</Text></Paper>}
      {items.length > 0 && (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pledges.titleField')}</Table.Th>
                <Table.Th>{t('pledges.agency')}</Table.Th>
                <Table.Th>{t('pledges.period')}</Table.Th>
                <Table.Th>{t('pledges.coverage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/pledges/${c.id}`)} data-testid="campaign-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>{c.title}</Text>
                    <Text size="xs" c="dimmed">{c.unitName ?? t('pledges.wholeAgency')} · {c.employmentTypes.join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>{c.agencyName}</Table.Td>
                  <Table.Td>
                    {format.date(c.opensOn)} – {format.date(c.closesOn)} {c.open ? <Badge color="green" variant="light">{t('pledges.openNow')}</Badge> : null}
                  </Table.Td>
                  <Table.Td miw={180}>
                    <Text size="xs">{t('pledges.signedOf', { signed: format.number(c.signed), required: format.number(c.required), percent: c.percent })}</Text>
                    <Progress value={c.percent} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {creating && <NewCampaignDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}
