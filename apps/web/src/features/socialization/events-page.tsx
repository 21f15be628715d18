import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Modal, MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { localToday } from '../../lib/dates.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { hasPermission, useSession } from '../auth/session.tsx';
import { useElections } from '../timeline/elections-api.ts';
import { AgencySelect, SocializationHeader, useAgencyChoice } from './socialization-nav.tsx';
import { useCreateEvent, useEvents, useWritableUnits } from './socialization-api.ts';

function NewEventDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const elections = useElections();
  const create = useCreateEvent();
  const [chosenAgency, setChosenAgency] = useState('');
  const { agencies, agencyId } = useAgencyChoice(chosenAgency);
  // only units the user may hold an event for; a unit admin starts with their own unit as the audience
  const scope = useWritableUnits(agencyId || null);
  const [electionId, setElectionId] = useState('');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(localToday());
  const [place, setPlace] = useState('');
  const [organiser, setOrganiser] = useState('');
  const [materials, setMaterials] = useState('');
  const [chosenAudience, setAudience] = useState<string[] | null>(null);
  const ownUnit = scope.units[0]?.id;
  const audience = chosenAudience ?? (scope.agencyWide || !ownUnit ? [] : [ownUnit]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        agencyId, title: title.trim(), heldOn, place: place.trim(), organiser: organiser.trim(), audienceUnitIds: audience,
        materials: materials.split('\n').map((m) => m.trim()).filter(Boolean), ...(electionId ? { electionId } : {}),
      },
      { onSuccess: (r) => void navigate(`/socialization/events/${r.id}`) },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('socialization.newTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <AgencySelect value={agencyId} onChange={(id) => { setChosenAgency(id); setAudience(null); }} agencies={agencies} />
          <NativeSelect label={t('socialization.election')} value={electionId} onChange={(e) => setElectionId(e.currentTarget.value)}
            data={[{ value: '', label: t('socialization.noElection') }, ...(elections.data?.items ?? []).map((x) => ({ value: x.id, label: format.localized(x.name) }))]} data-testid="event-election" />
          <TextInput label={t('socialization.eventTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="event-title" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('socialization.heldOn')} required value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} data-testid="event-date" />
            <TextInput label={t('socialization.organiser')} required value={organiser} onChange={(e) => setOrganiser(e.currentTarget.value)} data-testid="event-organiser" />
          </SimpleGrid>
          <TextInput label={t('socialization.place')} required value={place} onChange={(e) => setPlace(e.currentTarget.value)} data-testid="event-place" />
          <MultiSelect label={t('socialization.audience')} description={scope.agencyWide ? t('socialization.audienceAgencyHelp') : t('socialization.audienceUnitHelp')}
            required={!scope.agencyWide} value={audience} onChange={setAudience} searchable clearable
            data={scope.units.map((u) => ({ value: u.id, label: u.path }))} data-testid="event-audience" />
          {scope.ready && !scope.agencyWide && scope.units.length === 0 && <Alert color="yellow" variant="light">{t('socialization.noWritableUnits')}</Alert>}
          <ProblemAlert error={scope.error} />
          <Textarea label={t('socialization.materials')} autosize minRows={2} value={materials} onChange={(e) => setMaterials(e.currentTarget.value)} data-testid="event-materials" />
          <ProblemAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('socialization.cancel')}</Button>
            <Button type="submit" loading={create.isPending} disabled={!agencyId || !title.trim() || !place.trim() || !organiser.trim() || (!scope.agencyWide && audience.length === 0)} data-testid="event-submit">{t('socialization.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Socialization events in the user's scope. */
export function EventsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const me = useSession();
  const events = useEvents();
  const [creating, setCreating] = useState(false);
  usePageTitle(t('socialization.title'));
  if (events.isPending) return <FullPageLoader />;
  const items = events.data?.items ?? [];
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <SocializationHeader action={hasPermission(me, 'registry.write') && <Button onClick={() => setCreating(true)} data-testid="event-new">{t('socialization.new')}</Button>} />
      <ProblemAlert error={events.error} />
      {events.data && items.length === 0 && <Paper withBorder p="lg"><Text data-testid="events-empty">{t('socialization.empty')}</Text></Paper>}
      {items.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover verticalSpacing="sm" aria-label={t('socialization.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('socialization.eventTitle')}</Table.Th>
                  <Table.Th>{t('socialization.heldOn')}</Table.Th>
                  <Table.Th>{t('socialization.agency')}</Table.Th>
                  <Table.Th ta="right">{t('socialization.attendees')}</Table.Th>
                  <Table.Th ta="right">{t('socialization.briefings')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/socialization/events/${e.id}`)} data-testid="event-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/socialization/events/${e.id}`} onClick={(ev) => ev.stopPropagation()} size="sm" fw={500} c="inherit" display="block">{e.title}</Anchor>
                      <Text size="xs" c="dimmed">{e.place} · {e.organiser}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(e.heldOn)}</Table.Td>
                    <Table.Td>{e.agencyName}</Table.Td>
                    <Table.Td ta="right">{format.number(e.attendees)}</Table.Td>
                    <Table.Td ta="right">{format.number(e.briefings)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {creating && <NewEventDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}
