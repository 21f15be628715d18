import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Code, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChoiceControl } from '../../components/choice-control.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { localToday } from '../../lib/dates.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { TotpQr as QrCode } from '../auth/totp-qr.tsx';
import { useUnits } from '../registry/registry-api.ts';
import {
  checkinUrl, splitNips, useAttendance, useBriefings, useEvent, useImportAttendance, useRecordBriefing, useRotateToken, type SocializationEvent,
} from './socialization-api.ts';

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
  const units = useUnits(event.agencyId);
  const record = useRecordBriefing(event.id);
  const [brieferNip, setBrieferNip] = useState('');
  const [unitId, setUnitId] = useState('');
  const [briefedOn, setBriefedOn] = useState(localToday());
  const [mode, setMode] = useState<'unit_staff' | 'list'>('unit_staff');
  const [nips, setNips] = useState('');
  const [headcount, setHeadcount] = useState<number | string>('');
  const [notes, setNotes] = useState('');
  const unit = unitId || units.data?.[0]?.id || '';
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
              data={(units.data ?? []).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }))} data-testid="briefing-unit" />
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
          <ProblemAlert error={record.error} />
          {record.data && <Alert variant="light" color="green" data-testid="briefing-result">{t('socialization.briefingResult', { briefed: format.number(record.data.briefed) })}</Alert>}
          <Group><Button type="submit" loading={record.isPending} disabled={!brieferNip.trim() || !unit} data-testid="briefing-submit">{t('socialization.briefingSubmit')}</Button></Group>
        </Stack>
      </form>
    </Paper>
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
      <Stack gap={2}>
        <Title order={1} size="h3" data-testid="event-title-view">{ev.title}</Title>
        <Text size="sm" c="dimmed">{format.date(ev.heldOn)} · {ev.place} · {ev.organiser} · {ev.agencyName}</Text>
      </Stack>
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
                <Table.Tr><Table.Th>{t('socialization.nip')}</Table.Th><Table.Th>{t('socialization.name')}</Table.Th><Table.Th>{t('socialization.unit')}</Table.Th><Table.Th>{t('socialization.method')}</Table.Th><Table.Th>{t('socialization.checkedInAt')}</Table.Th><Table.Th>{t('socialization.cascade')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attendance.data?.items.map((a) => (
                  <Table.Tr key={a.employeeId} data-testid="attendance-row">
                    <Table.Td ff="monospace">{a.nip}</Table.Td>
                    <Table.Td>{a.name}<Text size="xs" c="dimmed">{a.position}</Text></Table.Td>
                    <Table.Td><Text size="xs">{a.unitPath ?? '—'}</Text></Table.Td>
                    <Table.Td>{t(`socialization.methods.${a.method}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(a.checkedInAt)}</Table.Td>
                    <Table.Td>
                      {a.briefings > 0
                        ? <Badge variant="light" color="green" style={{ minWidth: 'max-content' }}>{t('socialization.cascadeDone', { n: format.number(a.briefings), staff: format.number(a.briefedStaff) })}</Badge>
                        : <Badge variant="light" color="gray" style={{ minWidth: 'max-content' }}>{t('socialization.cascadePending')}</Badge>}
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
                <Table.Tr><Table.Th>{t('socialization.briefedOn')}</Table.Th><Table.Th>{t('socialization.brieferName')}</Table.Th><Table.Th>{t('socialization.unit')}</Table.Th><Table.Th ta="right">{t('socialization.briefed')}</Table.Th><Table.Th ta="right">{t('socialization.headcountShort')}</Table.Th><Table.Th>{t('socialization.notes')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {briefings.data?.items.map((b) => (
                  <Table.Tr key={b.id} data-testid="briefing-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(b.briefedOn)}</Table.Td>
                    <Table.Td>{b.brieferName}<Text size="xs" c="dimmed" ff="monospace">{b.brieferNip}</Text></Table.Td>
                    <Table.Td><Text size="xs">{b.unitPath}</Text></Table.Td>
                    <Table.Td ta="right">{format.number(b.briefed)}</Table.Td>
                    <Table.Td ta="right">{format.number(b.attendanceCount)}</Table.Td>
                    <Table.Td><Text size="xs">{b.notes ?? '—'}</Text></Table.Td>
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
