import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Code, Group, Modal, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChoiceControl } from '../../components/choice-control.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { localToday } from '../../lib/dates.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { TotpQr as QrCode } from '../auth/totp-qr.tsx';
import {
  checkinUrl, splitNips, useAttendance, useBriefings, useEvent, useImportAttendance, useRecordBriefing, useRotateToken, useUpdateEvent, useVoidEventEntry, useWritableUnits, type SocializationEvent,
} from './socialization-api.ts';
import { WithdrawButton, WithdrawnNote } from './withdraw-button.tsx';

function CheckinPanel({ event }: { event: SocializationEvent }) {
  const { t } = useTranslation();
  const rotate = useRotateToken(event.id);
  if (!event.checkinToken) return null;
  const url = checkinUrl(event.checkinToken);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">{t('socialization.checkinTitle')}</Title>
        <Badge color={event.checkinOpen ? 'green' : 'gray'} variant="light" data-testid="checkin-state">{event.checkinOpen ? t('socialization.checkinOpen') : t('socialization.checkinClosed')}</Badge>
      </Group>
      <Group align="flex-start" wrap="wrap">
        <QrCode value={url} label={t('socialization.qrLabel')} size={200} />
        <Stack gap="xs" style={{ flex: 1, minWidth: 240 }}>
          <Text size="sm">{t('socialization.checkinHelp')}</Text>
          <Code block data-testid="checkin-link">{url}</Code>
          <Group>
            <Button size="xs" variant="default" onClick={() => rotate.mutate()} loading={rotate.isPending} data-testid="checkin-rotate">{t('socialization.rotate')}</Button>
            <Text size="xs" c="dimmed">{t('socialization.rotateHelp')}</Text>
          </Group>
          <ProblemAlert error={rotate.error} />
        </Stack>
      </Group>
    </Paper>
  );
}

function AttendanceImport({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const submit = useImportAttendance(eventId);
  const [nips, setNips] = useState('');
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">{t('socialization.importTitle')}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t('socialization.importHelp')}</Text>
      <Textarea autosize minRows={3} value={nips} onChange={(e) => setNips(e.currentTarget.value)} placeholder="198001012005011001" aria-label={t('socialization.importNips')} data-testid="attendance-nips" />
      <Group mt="xs">
        <Button onClick={() => submit.mutate(splitNips(nips), { onSuccess: () => setNips('') })} disabled={!nips.trim()} loading={submit.isPending} data-testid="attendance-submit">{t('socialization.importSubmit')}</Button>
      </Group>
      <ProblemAlert error={submit.error} />
      {submit.data && <Alert variant="light" mt="xs" data-testid="attendance-result">{t('socialization.importResult', { recorded: format.number(submit.data.recorded), already: format.number(submit.data.alreadyPresent) })}</Alert>}
    </Paper>
  );
}

function BriefingForm({ event }: { event: SocializationEvent }) {
  const { t } = useTranslation();
  const format = useFormat();
  // only the units the user may brief for; a unit admin's own unit comes first
  const { units, ready, error: unitsError } = useWritableUnits(event.agencyId);
  const record = useRecordBriefing(event.id);
  const [brieferNip, setBrieferNip] = useState('');
  const [unitId, setUnitId] = useState('');
  const [briefedOn, setBriefedOn] = useState(localToday());
  const [mode, setMode] = useState<'unit_staff' | 'list'>('unit_staff');
  const [nips, setNips] = useState('');
  const [headcount, setHeadcount] = useState<number | string>('');
  const [notes, setNotes] = useState('');
  const unit = unitId || units[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({
      brieferNip: brieferNip.trim(), unitId: unit, briefedOn,
      staff: mode === 'list' ? { mode, nips: splitNips(nips) } : { mode, absentNips: splitNips(nips) },
      ...(typeof headcount === 'number' ? { attendanceCount: headcount } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    }, { onSuccess: () => { setNips(''); setNotes(''); setHeadcount(''); } });
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">{t('socialization.briefingTitle')}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t('socialization.briefingHelp')}</Text>
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('socialization.briefer')} required value={brieferNip} onChange={(e) => setBrieferNip(e.currentTarget.value)} data-testid="briefing-briefer" />
            <NativeSelect label={t('socialization.briefingUnit')} value={unit} onChange={(e) => setUnitId(e.currentTarget.value)}
              data={units.map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }))} data-testid="briefing-unit" />
            <TextInput type="date" label={t('socialization.briefedOn')} required value={briefedOn} onChange={(e) => setBriefedOn(e.currentTarget.value)} data-testid="briefing-date" />
          </SimpleGrid>
          <Stack gap={4} role="group" aria-labelledby="briefing-mode-label">
            <Text size="sm" fw={500} id="briefing-mode-label">{t('socialization.staffMode')}</Text>
            <ChoiceControl value={mode} onChange={(v) => setMode(v as typeof mode)} data={[{ value: 'unit_staff', label: t('socialization.modeUnit') }, { value: 'list', label: t('socialization.modeList') }]} data-testid="briefing-mode" />
          </Stack>
          <Textarea label={mode === 'list' ? t('socialization.staffNips') : t('socialization.absentNips')} required={mode === 'list'} autosize minRows={2} value={nips} onChange={(e) => setNips(e.currentTarget.value)} data-testid="briefing-nips" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('socialization.headcount')} min={0} value={headcount} onChange={setHeadcount} data-testid="briefing-headcount" />
            <TextInput label={t('socialization.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-testid="briefing-notes" />
          </SimpleGrid>
          {ready && units.length === 0 && <Alert color="yellow" variant="light">{t('socialization.noWritableUnits')}</Alert>}
          <ProblemAlert error={unitsError} />
          <ProblemAlert error={record.error} />
          {record.data && <Alert variant="light" color="green" data-testid="briefing-result">{t('socialization.briefingResult', { briefed: format.number(record.data.briefed) })}</Alert>}
          <Group><Button type="submit" loading={record.isPending} disabled={!brieferNip.trim() || !unit} data-testid="briefing-submit">{t('socialization.briefingSubmit')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Corrects the event's title, date, place, organiser and materials (its managers only). */
function EditEventButton({ event }: { event: SocializationEvent }) {
  const { t } = useTranslation();
  const update = useUpdateEvent(event.id);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(event.title);
  const [heldOn, setHeldOn] = useState(event.heldOn);
  const [place, setPlace] = useState(event.place);
  const [organiser, setOrganiser] = useState(event.organiser);
  const [materials, setMaterials] = useState(event.materials.join('\n'));
  const start = () => {
    setTitle(event.title);
    setHeldOn(event.heldOn);
    setPlace(event.place);
    setOrganiser(event.organiser);
    setMaterials(event.materials.join('\n'));
    update.reset();
    setOpen(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { title: title.trim(), heldOn, place: place.trim(), organiser: organiser.trim(), materials: materials.split('\n').map((m) => m.trim()).filter(Boolean) },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <>
      <Button size="xs" variant="default" onClick={start} data-testid="event-edit">{t('socialization.edit')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('socialization.editTitle')} size="lg">
        <form onSubmit={submit}>
          <Stack>
            <TextInput label={t('socialization.eventTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="event-edit-title" />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={t('socialization.heldOn')} description={t('socialization.editHelp')} required value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} data-testid="event-edit-date" />
              <TextInput label={t('socialization.organiser')} required value={organiser} onChange={(e) => setOrganiser(e.currentTarget.value)} data-testid="event-edit-organiser" />
            </SimpleGrid>
            <TextInput label={t('socialization.place')} required value={place} onChange={(e) => setPlace(e.currentTarget.value)} data-testid="event-edit-place" />
            <Textarea label={t('socialization.materials')} autosize minRows={2} value={materials} onChange={(e) => setMaterials(e.currentTarget.value)} data-testid="event-edit-materials" />
            <ProblemAlert error={update.error} fieldLabels={{ title: t('socialization.eventTitle'), heldOn: t('socialization.heldOn'), place: t('socialization.place'), organiser: t('socialization.organiser') }} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>{t('socialization.cancel')}</Button>
              <Button type="submit" loading={update.isPending} disabled={!title.trim() || !place.trim() || !organiser.trim() || !heldOn} data-testid="event-edit-submit">{t('socialization.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** One event: details, the QR check-in, attendance (with the cascade each attendee has confirmed), briefings. */
export function EventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const event = useEvent(id);
  const attendance = useAttendance(id);
  const briefings = useBriefings(id);
  const voidAttendance = useVoidEventEntry(id, 'attendance');
  const voidBriefing = useVoidEventEntry(id, 'briefings');
  usePageTitle(event.data?.title ?? t('socialization.title'));
  if (event.isPending) return <FullPageLoader />;
  if (!event.data) return <ProblemAlert error={event.error} />;
  const ev = event.data;
  // a unit admin may brief from an event their staff attended without managing it (token, attendance list)
  const importsAttendance = ev.allowedActions.includes('import_attendance');
  const briefs = ev.allowedActions.includes('record_briefing');
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Anchor component={Link} to="/socialization" size="sm">← {t('socialization.back')}</Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h3" data-testid="event-title-view">{ev.title}</Title>
          <Text size="sm" c="dimmed" data-testid="event-details-view">{format.date(ev.heldOn)} · {ev.place} · {ev.organiser} · {ev.agencyName}</Text>
        </Stack>
        {ev.allowedActions.includes('edit') && <EditEventButton event={ev} />}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('socialization.audience')}</Text>
          <Text size="sm">{ev.audienceUnits.map((u) => u.path).join('; ') || t('socialization.wholeAgency')}</Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('socialization.materialsTitle')}</Text>
          {ev.materials.length === 0 && <Text size="sm">—</Text>}
          {ev.materials.map((m) => (/^https?:\/\//.test(m) ? <Anchor key={m} href={m} target="_blank" rel="noreferrer" size="sm" display="block">{m}</Anchor> : <Text key={m} size="sm">{m}</Text>))}
        </Paper>
      </SimpleGrid>
      <CheckinPanel event={ev} />
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">{t('socialization.attendance')} ({format.number(ev.attendees)})</Title>
        <ProblemAlert error={attendance.error} />
        {attendance.data?.items.length === 0 && <Text size="sm" c="dimmed">{t('socialization.attendanceEmpty')}</Text>}
        {(attendance.data?.items.length ?? 0) > 0 && (
          <Table.ScrollContainer minWidth={820}>
            <Table data-testid="attendance-table">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('socialization.nip')}</Table.Th><Table.Th>{t('socialization.name')}</Table.Th><Table.Th>{t('socialization.unit')}</Table.Th><Table.Th>{t('socialization.method')}</Table.Th><Table.Th>{t('socialization.checkedInAt')}</Table.Th><Table.Th>{t('socialization.cascade')}</Table.Th><Table.Th>{t('socialization.actions')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attendance.data?.items.map((a) => (
                  <Table.Tr key={a.id} data-testid="attendance-row" data-withdrawn={a.voided ? 'true' : undefined} c={a.voided ? 'dimmed' : undefined}>
                    <Table.Td ff="monospace" td={a.voided ? 'line-through' : undefined}>{a.nip}</Table.Td>
                    <Table.Td>{a.name}<Text size="xs" c="dimmed">{a.position}</Text></Table.Td>
                    <Table.Td><Text size="xs">{a.unitPath ?? '—'}</Text></Table.Td>
                    <Table.Td>{t(`socialization.methods.${a.method}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(a.checkedInAt)}</Table.Td>
                    <Table.Td>
                      {a.briefings > 0
                        ? <Badge variant="light" color="green" style={{ minWidth: 'max-content' }}>{t('socialization.cascadeDone', { n: format.number(a.briefings), staff: format.number(a.briefedStaff) })}</Badge>
                        : <Badge variant="light" color="gray" style={{ minWidth: 'max-content' }}>{t('socialization.cascadePending')}</Badge>}
                    </Table.Td>
                    <Table.Td>
                      {a.voided && <WithdrawnNote voided={a.voided} />}
                      {a.allowedActions.includes('void') && <WithdrawButton entryId={a.id} what={t('socialization.withdrawAttendance', { name: a.name, nip: a.nip })} mutation={voidAttendance} />}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {importsAttendance && <AttendanceImport eventId={ev.id} />}
      {briefs && <BriefingForm event={ev} />}
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">{t('socialization.briefingList')}</Title>
        <ProblemAlert error={briefings.error} />
        {briefings.data?.items.length === 0 && <Text size="sm" c="dimmed">{t('socialization.briefingEmpty')}</Text>}
        {(briefings.data?.items.length ?? 0) > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="briefings-table">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('socialization.briefedOn')}</Table.Th><Table.Th>{t('socialization.brieferName')}</Table.Th><Table.Th>{t('socialization.unit')}</Table.Th><Table.Th ta="right">{t('socialization.briefed')}</Table.Th><Table.Th ta="right">{t('socialization.headcountShort')}</Table.Th><Table.Th>{t('socialization.notes')}</Table.Th><Table.Th>{t('socialization.actions')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {briefings.data?.items.map((b) => (
                  <Table.Tr key={b.id} data-testid="briefing-row" data-withdrawn={b.voided ? 'true' : undefined} c={b.voided ? 'dimmed' : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} td={b.voided ? 'line-through' : undefined}>{format.date(b.briefedOn)}</Table.Td>
                    <Table.Td>{b.brieferName}<Text size="xs" c="dimmed" ff="monospace">{b.brieferNip}</Text></Table.Td>
                    <Table.Td><Text size="xs">{b.unitPath}</Text></Table.Td>
                    <Table.Td ta="right">{format.number(b.briefed)}</Table.Td>
                    <Table.Td ta="right">{format.number(b.attendanceCount)}</Table.Td>
                    <Table.Td><Text size="xs">{b.notes ?? '—'}</Text></Table.Td>
                    <Table.Td>
                      {b.voided && <WithdrawnNote voided={b.voided} />}
                      {b.allowedActions.includes('void') && (
                        <WithdrawButton entryId={b.id} what={t('socialization.withdrawBriefing', { name: b.brieferName, unit: b.unitPath, date: format.date(b.briefedOn) })} mutation={voidBriefing} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
