import { useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Code, Group, Loader, Modal, Paper, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert, isInvalidLink } from '../../components/problem-alert.tsx';
import { Stat } from '../../components/stat.tsx';
import { UnitBreakdown } from '../../components/unit-breakdown.tsx';
import { RegionCoverage } from './region-coverage.tsx';
import { localToday } from '../../lib/dates.ts';
import { useFormat } from '../../lib/format.ts';
import { useEmploymentTypeLabel } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { ApiError } from '../../lib/api.ts';
import { hasPermission, useSession } from '../auth/session.tsx';
import { TotpQr as QrCode } from '../auth/totp-qr.tsx';
import { useFieldErrors } from '../../components/field-errors.ts';
import {
  attendanceEntries,
  ceremonySheetUrl,
  missingExportUrl,
  pledgeDocumentUrl,
  usePledgeList,
  useRevokePledge,
  type PledgeListItem,
  useCeremonies,
  useChangeCampaign,
  useCoverage,
  useMissing,
  useRecordCeremony,
  useSendReminders,
  useTimeline,
  useUploadCeremonySheet,
  type PledgeCeremony,
  type PledgeCoverage,
  type PledgeReminderResult,
} from './pledges-api.ts';

type Counts = PledgeCoverage['total'];

function CountsCells({ c }: { c: Counts }) {
  const format = useFormat();
  return (
    <>
      <Table.Td ta="right">{format.number(c.required)}</Table.Td>
      <Table.Td ta="right">{format.number(c.signed)}</Table.Td>
      <Table.Td ta="right">{format.number(c.missing)}</Table.Td>
      <Table.Td miw={140}>
        <Group gap={6} wrap="nowrap"><Progress value={c.percent} size="sm" w={80} /><Text size="xs">{format.number(c.percent)}%</Text></Group>
      </Table.Td>
    </>
  );
}

function CountsHead({ first }: { first: string }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{first}</Table.Th>
        <Table.Th ta="right">{t('pledges.required')}</Table.Th>
        <Table.Th ta="right">{t('pledges.signed')}</Table.Th>
        <Table.Th ta="right">{t('pledges.missing')}</Table.Th>
        <Table.Th>%</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

/** Signatures per signing day (newest first) with the running total and its share of those required; same unit as the coverage. */
function TimelinePanel({ id, unitId, unitPath }: { id: string; unitId: string | null; unitPath: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeline = useTimeline(id, unitId);
  const tl = timeline.data;
  const share = (n: number) => (tl && tl.required > 0 ? Math.round((n / tl.required) * 1000) / 10 : 0);
  return (
    <Paper withBorder p="md" data-testid="pledge-timeline">
      <Title order={2} size="h5" mb="xs">{t('pledges.timeline')}{unitPath ? `: ${unitPath}` : ''}</Title>
      <ProblemAlert error={timeline.error} />
      {tl && tl.days.length === 0 && <Text size="sm" c="dimmed" data-testid="pledge-timeline-empty">{t('pledges.timelineEmpty')}</Text>}
      {tl && tl.days.length > 0 && (
        <ScrollArea.Autosize mah={320}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pledges.day')}</Table.Th>
                <Table.Th ta="right">{t('pledges.signedThatDay')}</Table.Th>
                <Table.Th ta="right">{t('pledges.cumulative')}</Table.Th>
                <Table.Th>{t('pledges.cumulativeShare')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...tl.days].reverse().map((d) => (
                <Table.Tr key={d.date} data-testid="pledge-timeline-row" data-date={d.date}>
                  <Table.Td>{format.date(d.date)}</Table.Td>
                  <Table.Td ta="right" data-testid="pledge-timeline-signed">{format.number(d.signed)}</Table.Td>
                  <Table.Td ta="right" data-testid="pledge-timeline-cumulative">{format.number(d.cumulative)}</Table.Td>
                  <Table.Td miw={140}>
                    <Group gap={6} wrap="nowrap"><Progress value={share(d.cumulative)} size="sm" w={80} /><Text size="xs">{format.number(share(d.cumulative))}%</Text></Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}

/** A ceremony's signed sheet: its name, size and hash with a download, or (for those who may write) the upload of the scan. */
function CeremonySheetCell({ campaignId, ceremony, canWrite }: { campaignId: string; ceremony: PledgeCeremony; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const upload = useUploadCeremonySheet(campaignId);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const sheet = ceremony.sheet;
  if (sheet) {
    return (
      <Stack gap={2}>
        <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="ceremony-sheet-name">{sheet.fileName}</Text>
        <Text size="xs" c="dimmed">
          {format.fileSize(sheet.size)} · {t('pledges.hash')}{' '}
          <Tooltip label={sheet.sha256} multiline maw={360} style={{ wordBreak: 'break-all' }}>
            <Code data-testid="ceremony-sheet-sha256" data-sha256={sheet.sha256}>{sheet.sha256.slice(0, 12)}</Code>
          </Tooltip>
        </Text>
        <Group>
          <Button component="a" href={ceremonySheetUrl(campaignId, ceremony.id)} download size="compact-xs" variant="light" data-testid="ceremony-sheet-download">{t('pledges.sheetDownload')}</Button>
        </Group>
      </Stack>
    );
  }
  if (!canWrite) return <Text size="xs" c="dimmed">{t('pledges.sheetMissing')}</Text>;
  const send = () => {
    if (!file) return;
    setProgress(0);
    upload.mutate(
      { ceremonyId: ceremony.id, file, onProgress: setProgress },
      {
        onSuccess: () => {
          setFile(null);
          if (input.current) input.current.value = '';
        },
      },
    );
  };
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">{t('pledges.sheetMissing')}</Text>
      <input
        ref={input}
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        aria-label={t('pledges.sheetFile')}
        title={t('pledges.sheetFile')}
        disabled={upload.isPending}
        onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); upload.reset(); }}
        data-testid="ceremony-sheet-file"
        style={{ display: 'block', maxWidth: 240 }}
      />
      <Group gap="xs">
        <Button size="compact-xs" onClick={send} disabled={!file} loading={upload.isPending} data-testid="ceremony-sheet-upload">{t('pledges.sheetUpload')}</Button>
        {upload.isPending && <Text size="xs" c="dimmed" role="status">{Math.round(progress * 100)}%</Text>}
      </Group>
      <ProblemAlert error={upload.error} data-testid="ceremony-sheet-error" />
    </Stack>
  );
}

/** Entries of an attendance list as typed (the first 50), under what became of them; nothing when there are none. */
function EntryList({ label, entries, testId }: { label: string; entries: string[]; testId: string }) {
  if (entries.length === 0) return null;
  return (
    <Stack gap={0} mt={4} data-testid={testId} data-count={entries.length}>
      <Text size="xs">{label}</Text>
      <Text size="xs" ff="monospace">{entries.slice(0, 50).join(', ')}{entries.length > 50 ? ', …' : ''}</Text>
    </Stack>
  );
}

/** Joint signings (apel/upacara): recording one from its attendance list, and the ceremonies recorded with their signed sheets. */
function CeremonySection({ campaignId, canWrite }: { campaignId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ceremony = useRecordCeremony(campaignId);
  const ceremonies = useCeremonies(campaignId);
  const [nips, setNips] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [place, setPlace] = useState('');
  const [witnesses, setWitnesses] = useState('');
  const list = attendanceEntries(nips);
  const record = (e: FormEvent) => {
    e.preventDefault();
    ceremony.mutate({
      nips: list,
      ...(heldOn ? { heldOn } : {}),
      ...(place.trim() ? { place: place.trim() } : {}),
      ...(witnesses.trim() ? { witnesses: witnesses.trim() } : {}),
    });
  };
  const items = ceremonies.data?.items ?? [];
  return (
    <Paper withBorder p="md" data-testid="ceremonies">
      <Title order={2} size="h5" mb="xs">{t('pledges.ceremony')}</Title>
      {canWrite && (
        <form onSubmit={record}>
          <Text size="sm" c="dimmed" mb="xs">{t('pledges.ceremonyHelp')}</Text>
          <Textarea autosize minRows={3} required value={nips} onChange={(e) => setNips(e.currentTarget.value)} placeholder="198001012005011001" aria-label={t('pledges.ceremonyNips')} data-testid="ceremony-nips" />
          {list.length > 0 && <Text size="xs" c="dimmed" mt={4} data-testid="ceremony-entries" data-count={list.length}>{t('pledges.ceremonyEntries', { n: format.number(list.length) })}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
            <TextInput type="date" label={t('pledges.ceremonyDate')} description={t('pledges.ceremonyDateHelp')} max={localToday()} value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} data-testid="ceremony-date" />
            <TextInput label={t('pledges.ceremonyPlace')} description={t('pledges.ceremonyPlaceHelp')} minLength={2} maxLength={200} value={place} onChange={(e) => setPlace(e.currentTarget.value)} placeholder={t('pledges.ceremonyPlacePlaceholder')} data-testid="ceremony-place" />
            <TextInput label={t('pledges.ceremonyWitnesses')} description={t('pledges.ceremonyWitnessesHelp')} minLength={2} maxLength={500} value={witnesses} onChange={(e) => setWitnesses(e.currentTarget.value)} placeholder={t('pledges.ceremonyWitnessesPlaceholder')} data-testid="ceremony-witnesses" />
          </SimpleGrid>
          <Group mt="xs">
            <Button type="submit" disabled={list.length === 0} loading={ceremony.isPending} data-testid="ceremony-submit">{t('pledges.recordCeremony')}</Button>
          </Group>
          <ProblemAlert error={ceremony.error} />
          {ceremony.data && (
            <Alert variant="light" mt="xs" data-testid="ceremony-result">
              {t('pledges.ceremonyResult', { signed: format.number(ceremony.data.signed), already: format.number(ceremony.data.alreadySigned), notCovered: format.number(ceremony.data.notCovered.length) })}
              <EntryList label={t('pledges.ceremonyNotCoveredList')} entries={ceremony.data.notCovered} testId="ceremony-not-covered" />
              {ceremony.data.signed + ceremony.data.alreadySigned > 0 && <Text size="xs" mt={4}>{t('pledges.ceremonyAttachNow')}</Text>}
            </Alert>
          )}
        </form>
      )}
      <Stack gap="xs" mt={canWrite ? 'md' : 0} data-testid="ceremony-list">
        <Title order={3} size="h6">{t('pledges.ceremonies')}</Title>
        {ceremonies.isPending && <Loader size="sm" />}
        <ProblemAlert error={ceremonies.error} />
        {ceremonies.data && items.length === 0 && <Text size="sm" c="dimmed" data-testid="ceremony-list-empty">{t('pledges.ceremoniesEmpty')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pledges.ceremonyDate')}</Table.Th>
                  <Table.Th>{t('pledges.ceremonyPlace')}</Table.Th>
                  <Table.Th>{t('pledges.ceremonyWitnesses')}</Table.Th>
                  <Table.Th ta="right">{t('pledges.ceremonyListed')}</Table.Th>
                  <Table.Th ta="right">{t('pledges.ceremonySigned')}</Table.Th>
                  <Table.Th>{t('pledges.recordedBy')}</Table.Th>
                  <Table.Th>{t('pledges.sheet')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} data-testid="ceremony-row" data-id={c.id} data-new={c.id === ceremony.data?.ceremonyId ? 'true' : undefined} style={{ verticalAlign: 'top' }}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="ceremony-held-on" data-date={c.heldOn}>{format.date(c.heldOn)}</Table.Td>
                    <Table.Td data-testid="ceremony-row-place">{c.place ?? '—'}</Table.Td>
                    <Table.Td data-testid="ceremony-row-witnesses"><Text size="sm" maw={260}>{c.witnesses ?? '—'}</Text></Table.Td>
                    <Table.Td ta="right" data-testid="ceremony-row-listed">{format.number(c.listed)}</Table.Td>
                    <Table.Td ta="right" data-testid="ceremony-row-signed">{format.number(c.signed)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.recordedBy ?? '—'}</Text>
                      <Text size="xs" c="dimmed">{format.dateTime(c.recordedAt)}</Text>
                    </Table.Td>
                    <Table.Td miw={220}><CeremonySheetCell campaignId={campaignId} ceremony={c} canWrite={canWrite} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

/** What pressing "send reminders" did: notices queued for the background sender, and why some units (or all) get no summary. */
function ReminderResult({ result }: { result: PledgeReminderResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  const n = format.number;
  const units = result.unitsWithoutContact;
  const admins = result.unitAdminsWithoutContact;
  const channelName = result.unavailableChannel === 'whatsapp' ? 'WhatsApp' : 'email';
  const short = units > 0 || result.unreachable > 0 || result.unitAdminsUnreachable > 0;
  return (
    <Alert variant="light" mb="xs" color={!result.alreadySent && short ? 'yellow' : undefined} data-testid="missing-remind-result">
      {result.alreadySent
        ? format.localized(result.message)
        : (
          <Stack gap={4}>
            <Text size="sm">{t('pledges.remindQueued', { employees: n(result.employeesReminded), summaries: n(result.summaries), withoutContact: n(result.withoutContact) })}</Text>
            {units > 0 && <Text size="sm" data-testid="missing-remind-unreached">{t(result.summaries === 0 ? 'pledges.remindNoSummaries' : 'pledges.remindUnitsUnreached', { units: n(units) })}</Text>}
            {admins > 0 && <Text size="sm">{t('pledges.remindAdminsWithoutContact', { admins: n(admins) })}</Text>}
            {result.unreachable > 0 && <Text size="sm" data-testid="missing-remind-unreachable">{t('pledges.remindUnreachable', { n: n(result.unreachable), channel: channelName })}</Text>}
            {result.unitAdminsUnreachable > 0 && <Text size="sm">{t('pledges.remindAdminsUnreachable', { admins: n(result.unitAdminsUnreachable), channel: channelName })}</Text>}
          </Stack>
        )}
    </Alert>
  );
}

/**
 * "Send reminders" asks first, naming how many people it is for: those who have not signed in what the
 * page shows (the unit drilled into, whose staff alone are reminded, else the whole campaign).
 */
function RemindDialog({ opened, onClose, onConfirm, pending, error, missing, unitPath }: {
  opened: boolean; onClose: () => void; onConfirm: () => void; pending: boolean; error: unknown; missing: number; unitPath: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const n = format.number(missing);
  return (
    <Modal opened={opened} onClose={onClose} title={t('pledges.remindConfirmTitle')}>
      <Stack>
        <Text size="sm" data-testid="remind-confirm-text" data-missing={missing}>
          {missing === 0 ? t('pledges.remindConfirmNone') : unitPath ? t('pledges.remindConfirmUnit', { n, unit: unitPath }) : t('pledges.remindConfirmAll', { n })}
        </Text>
        <Text size="xs" c="dimmed">{t('pledges.remindConfirmHelp')}</Text>
        <ProblemAlert error={error} data-testid="remind-confirm-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('pledges.cancel')}</Button>
          <Button onClick={onConfirm} loading={pending} disabled={missing === 0} data-testid="remind-confirm">{t('pledges.remindConfirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Who has signed (and whose pledge was revoked): a signed PDF again, or a revocation with its reason. */
function SignedSection({ campaignId, unitId, canPrint, canRevoke }: { campaignId: string; unitId: string | null; canPrint: boolean; canRevoke: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = usePledgeList(campaignId, page, q, unitId);
  const revoke = useRevokePledge(campaignId);
  const [revoking, setRevoking] = useState<PledgeListItem | null>(null);
  const [reason, setReason] = useState('');
  const summary = list.data?.summary;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs" id="signed-list-title">{t('pledges.signedList')}</Title>
      {summary && (
        <Text size="sm" c="dimmed" mb="xs" data-testid="signed-summary">
          {summary.standingNotCovered > 0
            ? t('pledges.signedSummaryNotCovered', { standing: format.number(summary.standing), notCovered: format.number(summary.standingNotCovered), counted: format.number(summary.standing - summary.standingNotCovered), revoked: format.number(summary.revoked) })
            : t('pledges.signedSummary', { standing: format.number(summary.standing), revoked: format.number(summary.revoked) })}
        </Text>
      )}
      <TextInput type="search" placeholder={t('pledges.searchMissing')} aria-label={t('pledges.searchMissing')} value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} mb="xs" w={320} maw="100%" data-testid="signed-search" />
      <ProblemAlert error={list.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table aria-labelledby="signed-list-title" data-testid="signed-table">
          <Table.Thead>
            <Table.Tr><Table.Th>NIP</Table.Th><Table.Th>{t('pledges.name')}</Table.Th><Table.Th>{t('pledges.unit')}</Table.Th><Table.Th>{t('pledges.signedAt')}</Table.Th><Table.Th>{t('pledges.status')}</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((p) => (
              <Table.Tr key={p.id} data-testid="signed-row">
                <Table.Td ff="monospace">{p.nip}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td><Text size="xs">{p.unitPath ?? '—'}</Text></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(p.signedAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {p.revokedAt
                      ? <Tooltip label={p.revokeReason ?? ''} multiline maw={320}><Badge color="red" variant="light" tabIndex={0}>{t('pledges.revoked')}</Badge></Tooltip>
                      : <Badge color="green" variant="light">{t('pledges.standing')}</Badge>}
                    {!p.covered && (
                      <Tooltip label={t('pledges.notCoveredHelp')} multiline maw={320}>
                        <Badge color="orange" variant="light" tabIndex={0} style={{ minWidth: 'max-content' }} data-testid="signed-not-covered">{t('pledges.notCovered')}</Badge>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4} wrap="nowrap">
                    {canPrint && <Button component="a" href={pledgeDocumentUrl(p.id)} size="compact-xs" variant="subtle" data-testid="signed-pdf">PDF</Button>}
                    {canRevoke && !p.revokedAt && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => { revoke.reset(); setReason(''); setRevoking(p); }} data-testid="signed-revoke">{t('pledges.revoke')}</Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && list.data.total === 0 && <Text size="sm" c="dimmed">{t('pledges.noneSigned')}</Text>}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />}
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('pledges.revokeTitle', { name: revoking?.name ?? '' })}>
        <form onSubmit={(e) => { e.preventDefault(); if (revoking) revoke.mutate({ pledgeId: revoking.id, reason: reason.trim() }, { onSuccess: () => setRevoking(null) }); }}>
          <Stack>
            <Text size="sm">{t('pledges.revokeHelp')}</Text>
            <Textarea label={t('pledges.revokeReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required minLength={5} data-testid="signed-revoke-reason" />
            <ProblemAlert error={revoke.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(null)}>{t('common.cancel')}</Button>
              <Button type="submit" color="red" loading={revoke.isPending} disabled={reason.trim().length < 5} data-testid="signed-revoke-confirm">{t('pledges.revoke')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}

/** Refusals of the closing day asked for (before the opening, or before a pledge already signed): they mark that field. */
const PERIOD_REFUSALS = ['PERIOD_INVALID', 'PERIOD_BEFORE_SIGNATURES'];

/** Rename the campaign or move its closing day (extend it when coverage lags, or close it early). */
function ChangeCampaignButton({ campaign }: { campaign: { id: string; title: string; opensOn: string; closesOn: string } }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(campaign.title);
  const [closesOn, setClosesOn] = useState(campaign.closesOn);
  const change = useChangeCampaign(campaign.id);
  const errs = useFieldErrors()(change.error);
  const periodRefused = change.error instanceof ApiError && PERIOD_REFUSALS.includes(change.error.code ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { ...(title.trim() !== campaign.title ? { title: title.trim() } : {}), ...(closesOn !== campaign.closesOn ? { closesOn } : {}) };
    if (!Object.keys(input).length) return setOpen(false);
    change.mutate(input, { onSuccess: () => setOpen(false) });
  };
  return (
    <>
      <Button variant="light" size="xs" onClick={() => { setTitle(campaign.title); setClosesOn(campaign.closesOn); change.reset(); setOpen(true); }} data-testid="campaign-change">{t('pledges.change')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('pledges.changeTitle')}>
        <form onSubmit={submit}>
          <Stack>
            <TextInput label={t('pledges.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errs.title} data-testid="campaign-change-title" />
            <TextInput type="date" label={t('pledges.closesOn')} description={t('pledges.changeHelp')} min={campaign.opensOn} value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} error={errs.closesOn ?? periodRefused} data-testid="campaign-change-closes" />
            <ProblemAlert error={change.error} fieldLabels={{ title: t('pledges.titleField'), closesOn: t('pledges.closesOn') }} data-testid="campaign-change-error" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>{t('pledges.cancel')}</Button>
              <Button type="submit" loading={change.isPending} data-testid="campaign-change-submit">{t('pledges.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Coverage of one campaign: totals, drill-down by unit, signatures over time, by type and region; who is missing; reminders; ceremonies. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  // a ?unit= that is malformed, unknown or outside the caller's scope (a stale link): the whole campaign, with a notice
  const requestedUnit = params.get('unit');
  const requested = useCoverage(id, requestedUnit);
  const unitGone = requestedUnit !== null && isInvalidLink(requested.error);
  const unitId = unitGone ? null : requestedUnit;
  const coverage = useCoverage(id, unitId);
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const missing = useMissing(id, page, q, unitId);
  const reminders = useSendReminders(id);
  const [confirmRemind, setConfirmRemind] = useState(false);
  const typeLabel = useEmploymentTypeLabel();
  usePageTitle(coverage.data?.campaign.title ?? t('pledges.title'));
  if (coverage.isPending || (requestedUnit !== null && requested.isPending)) return <FullPageLoader />;
  if (!coverage.data) return <ProblemAlert error={coverage.error} />;
  const cov = coverage.data;
  const drill = (u: string | null) => {
    setPage(1);
    reminders.reset(); // a reminder result speaks of the view it was sent from
    setParams(u ? { unit: u } : {});
  };
  const signUrl = `${window.location.origin}/tandatangan/${id}`;
  const manage = hasPermission(me, 'agencies.manage');
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Anchor component={Link} to="/pledges" size="sm">← {t('pledges.back')}</Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h3" data-testid="campaign-title-view">{cov.campaign.title}</Title>
          <Text size="sm" c="dimmed" data-testid="campaign-period">{format.date(cov.campaign.opensOn)} – {format.date(cov.campaign.closesOn)}</Text>
        </Stack>
        {manage && <ChangeCampaignButton campaign={cov.campaign} />}
      </Group>
      {unitGone && (
        <Alert color="yellow" data-testid="coverage-unit-gone">
          {t('pledges.unitGone')}{' '}
          <Anchor component="button" size="sm" onClick={() => drill(null)} data-testid="coverage-unit-gone-link">{t('pledges.unitGoneLink')}</Anchor>
        </Alert>
      )}
      <Paper withBorder p="md">
        <Group align="flex-start" wrap="wrap">
          <QrCode value={signUrl} label={t('pledges.signLinkQr')} size={160} />
          <Stack gap="xs" style={{ flex: 1, minWidth: 240 }}>
            <Text size="sm">{t('pledges.signLink')}</Text>
            <Code block data-testid="campaign-sign-link">{signUrl}</Code>
          </Stack>
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label={t('pledges.required')} value={format.number(cov.total.required)} testId="coverage-required" />
        <Stat label={t('pledges.signed')} value={format.number(cov.total.signed)} testId="coverage-signed" />
        <Stat label={t('pledges.missing')} value={format.number(cov.total.missing)} testId="coverage-missing" />
        <Stat label={t('pledges.percent')} value={`${format.number(cov.total.percent)}%`} testId="coverage-percent" />
      </SimpleGrid>
      <UnitBreakdown
        title={`${t('pledges.byUnit')}${cov.unit ? `: ${cov.unit.path}` : ''}`}
        rows={cov.byUnit}
        drilled={Boolean(unitId)}
        onDrill={drill}
        head={<CountsHead first={t('pledges.unit')} />}
        cells={(u) => <CountsCells c={u} />}
        labels={{ wholeAgency: t('pledges.wholeAgency'), directStaff: t('pledges.directStaff') }}
        testIds={{ up: 'coverage-up', table: 'coverage-units', drill: 'coverage-drill' }}
      />
      <TimelinePanel id={id} unitId={unitId} unitPath={cov.unit?.path ?? null} />
      {/* one above the other: side by side, the region tree (names with their level and code) did not fit half the page */}
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">{t('pledges.byType')}</Title>
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <CountsHead first={t('pledges.type')} />
            <Table.Tbody>{cov.byEmploymentType.map((r) => <Table.Tr key={r.type} data-type={r.type}><Table.Td>{typeLabel(r.type)}</Table.Td><CountsCells c={r} /></Table.Tr>)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md" data-testid="coverage-regions">
        <Title order={2} size="h5" mb="xs">{t('pledges.byRegion')}</Title>
        <Table.ScrollContainer minWidth={520}>
          <RegionCoverage rows={cov.byRegion} head={<CountsHead first={t('pledges.region')} />} cells={(c) => <CountsCells c={c} />} />
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs" align="flex-end">
          <Title order={2} size="h5" id="missing-list-title">{t('pledges.missingList')}</Title>
          <Group gap="xs">
            {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
              <Button key={f} component="a" href={missingExportUrl(id, f, unitId)} size="xs" variant="default" data-testid={`missing-export-${f}`}>{f.toUpperCase()}</Button>
            ))}
            {manage && <Button size="xs" onClick={() => { reminders.reset(); setConfirmRemind(true); }} data-testid="missing-remind">{t('pledges.remind')}</Button>}
          </Group>
        </Group>
        <RemindDialog
          opened={confirmRemind}
          onClose={() => setConfirmRemind(false)}
          onConfirm={() => reminders.mutate(unitId, { onSuccess: () => setConfirmRemind(false) })}
          pending={reminders.isPending}
          error={reminders.error}
          missing={cov.total.missing}
          unitPath={unitId ? (cov.unit?.path ?? null) : null}
        />
        {reminders.data && <ReminderResult result={reminders.data} />}
        <ProblemAlert error={missing.error} />
        <TextInput type="search" placeholder={t('pledges.searchMissing')} aria-label={t('pledges.searchMissing')} value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} mb="xs" w={320} maw="100%" data-testid="missing-search" />
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="missing-table" aria-labelledby="missing-list-title">
            <Table.Thead>
              <Table.Tr><Table.Th>NIP</Table.Th><Table.Th>{t('pledges.name')}</Table.Th><Table.Th>{t('pledges.type')}</Table.Th><Table.Th>{t('pledges.unit')}</Table.Th><Table.Th>{t('pledges.contact')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(missing.data?.items ?? []).map((m) => (
                <Table.Tr key={m.employeeId} data-testid="missing-row">
                  <Table.Td ff="monospace">{m.nip}</Table.Td>
                  <Table.Td>{m.name}<Text size="xs" c="dimmed">{m.position}</Text></Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} data-type={m.employmentType}>{typeLabel(m.employmentType)}</Table.Td>
                  <Table.Td><Text size="xs">{m.unitPath ?? '—'}</Text></Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.hasContact ? 'green' : 'gray'} style={{ minWidth: 'max-content' }}>{m.hasContact ? t('pledges.reachable') : t('pledges.noContact')}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {missing.data && <Pager page={page} pageSize={missing.data.pageSize} total={missing.data.total} onChange={setPage} />}
      </Paper>
      <SignedSection campaignId={id} unitId={unitId} canPrint={hasPermission(me, 'registry.write')} canRevoke={manage} />
      {hasPermission(me, 'registry.read') && <CeremonySection campaignId={id} canWrite={hasPermission(me, 'registry.write')} />}
    </Stack>
  );
}
