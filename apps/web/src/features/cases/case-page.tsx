import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useFormat } from '../../lib/format.ts';
import { ACCUSING_OUTCOMES, REPORTER_ACCOUNT_WITHHELD, REPORTER_LABEL } from '@netra/contracts';
import { pickLanguage } from '../../lib/bilingual.ts';
import { API_BASE } from '../../lib/api.ts';
import { ExplanationList } from '../assess/explanation-list.tsx';
import type { Assessment } from '../assess/assess-api.ts';
import { hasPermission, useSession } from '../auth/session.tsx';
import { canOpenCases } from '../auth/access.tsx';
import { EvidencePanel } from './evidence-panel.tsx';
import { ReportedPersonPanel } from './reported-person-panel.tsx';
import { ReporterIdentityDialog } from './reporter-identity-dialog.tsx';
import { EVENT_FIELDS, useCase, useCaseEvent, useRelatedCases, useSanctions, type CaseDetail } from './cases-api.ts';
import { useWorkflowLabels } from './workflow-labels.ts';
import { fieldLabelsFor, useFieldErrors } from '../../components/field-errors.ts';
import { useConflictText } from '../conflicts/conflict-text.ts';
import { useActs } from '../assess/assess-api.ts';
import { useElections } from '../timeline/elections-api.ts';

/** The reporter's sealed label and withheld account come as "Indonesian / English": the page shows its own language's half. */
function useOneLanguage() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (text: string) =>
    text.replaceAll(REPORTER_ACCOUNT_WITHHELD, pickLanguage(REPORTER_ACCOUNT_WITHHELD, language)).replaceAll(REPORTER_LABEL, pickLanguage(REPORTER_LABEL, language));
}

type Recommendation = { actCode: string; sanctionId: string; level: string; letterNumber: string; issuedBy?: 'supervisor' };
type PpkDecision = { decreeNumber: string; sanctionId: string; level: string; decidedOn: string };

/** The sanction recommended (by the authority, or by Bawaslu for non-ASN staff) and the PPK's decree, as the case records them. */
function SanctionOutcome({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useWorkflowLabels();
  const rec = c.recommendation as Recommendation | null;
  const decree = c.ppkDecision as PpkDecision | null;
  const sanctions = useSanctions(rec?.actCode ?? null, c.actorType ?? 'PNS', c.incidentOn ?? c.receivedOn);
  const sanctionName = (id: string, level: string) => {
    if (id === 'none') return labels.option('none');
    const found = sanctions.data?.items.find((o) => o.id === id);
    return `${found ? format.localized(found.name) : id} (${labels.option(level)})`;
  };
  const line = (label: string, value: string, testId: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" data-testid={testId}>{value}</Text>
    </Stack>
  );
  return (
    <Paper withBorder p="md" data-testid="case-sanction-outcome">
      {rec && (
        <Stack gap="xs" data-testid="case-recommendation">
          <Title order={2} size="h5">{rec.issuedBy === 'supervisor' ? t('cases.recommendation.bawaslu') : t('cases.recommendation.authority')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {line(labels.field('actCode'), rec.actCode, 'case-recommendation-act')}
            {line(labels.field('sanctionId'), sanctionName(rec.sanctionId, rec.level), 'case-recommendation-sanction')}
            {line(labels.field('letterNumber'), rec.letterNumber, 'case-recommendation-letter')}
          </SimpleGrid>
        </Stack>
      )}
      {decree && (
        <Stack gap="xs" mt={rec ? 'md' : 0} data-testid="case-ppk-decision">
          <Title order={2} size="h5">{t('cases.recommendation.decree')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {line(labels.field('decreeNumber'), decree.decreeNumber, 'case-ppk-decision-number')}
            {line(labels.field('sanctionId'), sanctionName(decree.sanctionId, decree.level), 'case-ppk-decision-sanction')}
            {line(labels.field('decidedOn'), format.date(decree.decidedOn), 'case-ppk-decision-date')}
          </SimpleGrid>
        </Stack>
      )}
    </Paper>
  );
}

/** One workflow action: its fields (from EVENT_FIELDS) in a dialog; the server re-checks everything. */
function ActionDialog({ c, type, onClose }: { c: CaseDetail; type: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useWorkflowLabels();
  const fields = EVENT_FIELDS[type] ?? [];
  const rec = c.recommendation as { actCode?: string; sanctionId?: string } | null;
  // right of reply (the server says whether it is met today, in the case's region): accusing outcomes wait for it
  const heard = c.reportedHeard;
  const unavailable = (option: string) => type === 'DECIDE' && !heard && ACCUSING_OUTCOMES.includes(option);
  const [values, setValues] = useState<Record<string, string | boolean>>(() => ({
    ...(type === 'DECIDE' && !heard ? { outcome: 'no_violation' } : {}),
    ...(type === 'FORWARD' && c.forwardTo ? { authorityId: c.forwardTo.id } : {}),
    ...((type === 'RECOMMEND' || type === 'FORWARD_TO_PPK') && c.actCode ? { actCode: c.actCode } : {}),
    ...(type === 'PPK_DECIDE' && rec?.sanctionId ? { sanctionId: rec.sanctionId } : {}),
  }));
  const acts = useActs();
  const act = type === 'PPK_DECIDE' ? (rec?.actCode ?? null) : String(values.actCode ?? '') || null;
  const needsSanctions = fields.some((f) => f.kind === 'sanction');
  const sanctions = useSanctions(needsSanctions ? act : null, c.actorType ?? 'PNS', c.incidentOn ?? c.receivedOn);
  const related = useRelatedCases(c.id, fields.some((f) => f.kind === 'related'));
  const relatedItems = (related.data?.items ?? []).filter((r) => !['closed', 'merged', 'withdrawn', 'not_registered'].includes(r.status))
    .map((r) => ({ value: r.id, label: `${r.likelyDuplicate ? '★ ' : ''}${r.caseNumber ?? r.title} · ${labels.status(r.status)}`.slice(0, 120) }));
  const sanctionItems = [
    ...(sanctions.data?.items ?? []).map((o) => ({ value: o.id, label: `${format.localized(o.name)} (${labels.option(o.level)})${o.unconfirmed ? ' *' : ''}` })),
    ...(type === 'PPK_DECIDE' ? [{ value: 'none', label: labels.option('none') }] : []),
  ];
  const event = useCaseEvent(c.id);
  const set = (name: string, v: string | boolean) => setValues({ ...values, [name]: v });
  // the reporter is never named in case data: the server records them as "Pelapor (identitas dirahasiakan)"
  const hiddenForReporter = (name: string) => name === 'personLabel' && values.party === 'reporter';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload: Record<string, unknown> = { type };
    for (const f of fields) {
      const v = hiddenForReporter(f.name) ? '' : values[f.name];
      // an optional fact left empty keeps what the case holds
      if (f.optional && String(v ?? '').trim() === '') continue;
      payload[f.name] =
        f.kind === 'checkbox' ? v === true
        : f.kind === 'list' ? String(v ?? '').split('\n').map((x) => x.trim()).filter(Boolean)
        : f.kind === 'sanction' ? (v || sanctionItems[0]?.value || '')
        : f.kind === 'related' ? (v || relatedItems[0]?.value || '')
        : (v ?? (f.kind === 'select' ? f.options?.[0] : ''));
    }
    if (payload.sanctionId !== undefined) {
      const chosen = sanctions.data?.items.find((o) => o.id === payload.sanctionId);
      payload.level = payload.sanctionId === 'none' ? 'none' : (chosen?.level ?? '');
    }
    event.mutate({ event: payload, expectedVersion: c.version }, { onSuccess: onClose });
  };
  // the server names the field it refused ("Nomor surat wajib diisi"): that input is marked
  const errs = useFieldErrors()(event.error, 'body.event.');
  const common = (name: string) => ({ label: labels.field(name), error: errs[name], 'data-testid': `action-field-${name}` });
  const currentValue = (name: string, kind: string) => {
    const v = (c as Record<string, unknown>)[name];
    return typeof v === 'string' && v ? (kind === 'date' ? format.date(v) : v) : t('cases.notRecorded');
  };
  return (
    <Modal opened onClose={onClose} title={labels.event(type)}>
      <form onSubmit={submit}>
        <Stack>
          {fields.filter((f) => !hiddenForReporter(f.name)).map((f) => {
            const value = String(values[f.name] ?? '');
            switch (f.kind) {
              case 'checkbox':
                return <Checkbox key={f.name} {...common(f.name)} checked={values[f.name] === true} onChange={(e) => set(f.name, e.currentTarget.checked)} />;
              case 'select':
                return (
                  <NativeSelect
                    key={f.name}
                    {...common(f.name)}
                    data={(f.options ?? []).map((o) => ({ value: o, label: labels.option(o), disabled: unavailable(o) }))}
                    description={type === 'DECIDE' && !heard ? t('cases.notHeardYet') : undefined}
                    value={value || f.options?.[0]}
                    onChange={(e) => set(f.name, e.currentTarget.value)}
                  />
                );
              case 'authority':
                return (
                  <TextInput key={f.name} {...common(f.name)} value={value} onChange={(e) => set(f.name, e.currentTarget.value)}
                    description={c.forwardTo ? `${format.localized(c.forwardTo.name)} (${c.forwardTo.id})` : undefined} />
                );
              case 'act':
                return (
                  <NativeSelect key={f.name} {...common(f.name)} value={value}
                    data={[{ value: '', label: '—' }, ...(acts.data?.items ?? []).map((a) => ({ value: a.code, label: `${a.code} · ${format.localized(a.conduct)}`.slice(0, 120) }))]}
                    onChange={(e) => setValues({ ...values, actCode: e.currentTarget.value, sanctionId: '' })} />
                );
              case 'sanction':
                return (
                  <NativeSelect key={f.name} {...common(f.name)} value={value || sanctionItems[0]?.value || ''} data={sanctionItems} disabled={!sanctionItems.length}
                    description={t('workflow.pickSanction')} onChange={(e) => set(f.name, e.currentTarget.value)} />
                );
              case 'related':
                return <NativeSelect key={f.name} {...common(f.name)} value={value || relatedItems[0]?.value || ''} data={relatedItems} disabled={!relatedItems.length} onChange={(e) => set(f.name, e.currentTarget.value)} />;
              case 'textarea':
              case 'list':
                return <Textarea key={f.name} {...common(f.name)} autosize minRows={2} value={value} onChange={(e) => set(f.name, e.currentTarget.value)} />;
              default:
                return (
                  <TextInput key={f.name} {...common(f.name)} type={f.kind === 'date' ? 'date' : 'text'} value={value} onChange={(e) => set(f.name, e.currentTarget.value)}
                    description={f.optional ? t('cases.currentValue', { value: currentValue(f.name, f.kind) }) : undefined} />
                );
            }
          })}
          <ProblemAlert error={event.error} fieldLabels={fieldLabelsFor(event.error, labels.field, 'body.event.')} data-testid="case-action-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('cases.cancel')}</Button>
            <Button type="submit" loading={event.isPending} data-testid="case-action-submit">{t('cases.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const query = useCase(id);
  const me = useSession();
  const [action, setAction] = useState<string | null>(null);
  const [identityOpen, setIdentityOpen] = useState(false);
  const labels = useWorkflowLabels();
  const conflictText = useConflictText();
  const elections = useElections();
  const oneLanguage = useOneLanguage();
  usePageTitle(query.data?.title ?? t('cases.title'));
  if (query.isPending) return <FullPageLoader />;
  if (!query.data) return <ProblemAlert error={query.error} />;
  const c = query.data;
  const explanation = (c.assessment as Assessment | null)?.explanation;
  const election = elections.data?.items.find((x) => x.id === c.electionId);
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Anchor component={Link} to="/cases" size="sm">← {t('cases.back')}</Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h3" data-testid="case-title">{c.title}</Title>
          <Text size="sm" c="dimmed">{t('cases.number')}: {c.caseNumber ?? t('cases.unregistered')} · {c.regionName} · <span data-election={c.electionId}>{election ? format.localized(election.name) : c.electionId}</span></Text>
        </Stack>
        <Group gap={4}>
          <Badge size="lg" data-testid="case-status" data-status={c.status} style={{ minWidth: 'max-content' }}>{labels.status(c.status)}</Badge>
          {c.flags.map((f) => <Badge key={f} color="red" variant="dot" data-testid="case-flag" data-flag={f}>{labels.flag(f)}</Badge>)}
          {c.conflictFlags.map((f) => <Badge key={`${f.flag}:${f.detail}`} color="orange" variant="light" tt="none" h="auto" style={{ whiteSpace: 'normal' }} data-testid="case-conflict" data-flag={f.flag}>{labels.flag(f.flag)}: {conflictText.flagDetail(f)}</Badge>)}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">{t('cases.deadlines')}</Title>
          {c.deadlines.length === 0 && <Text size="sm" c="dimmed">{t('cases.noDeadline')}</Text>}
          {c.deadlines.map((d) => (
            <Group key={d.ruleId} justify="space-between" align="flex-start" gap="xs" mb={6} data-testid="case-deadline">
              <Stack gap={0} style={{ flex: '1 1 12rem' }}>
                <Text size="sm">{format.localized(d.name)}{d.unconfirmed ? ` (${t('cases.unconfirmed')})` : ''}</Text>
                {!d.calendarCovered && <Text size="xs" c="orange.8" data-testid="case-deadline-uncovered">{t('cases.calendarNotCovered')}</Text>}
              </Stack>
              <Stack gap={2} align="flex-end">
                <Badge color={d.overdue ? 'red' : d.daysLeft <= 1 ? 'orange' : 'blue'} variant="light" style={{ minWidth: 'max-content' }}>{format.localized(d.label)}</Badge>
                <Text size="xs" c="dimmed" data-testid="case-deadline-due" data-due={d.dueAt}>{format.wallClock(d.dueAt)}</Text>
              </Stack>
            </Group>
          ))}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">{t('cases.actions')}</Title>
          {c.allowedActions.length === 0 && <Text size="sm" c="dimmed">{t('cases.noActions')}</Text>}
          {c.source === 'report' && ['not_registered', 'withdrawn'].includes(c.status) && !c.events.some((e) => e.type === 'TAKEN_UP') && canOpenCases(me) && (
            <Stack gap={4} mb="xs">
              <Button component={Link} to={`/cases/new?fromCase=${c.id}`} size="xs" variant="light" w="fit-content" data-testid="case-take-up">{t('cases.takeUp')}</Button>
              <Text size="xs" c="dimmed">{t('cases.takeUpHelp')}</Text>
            </Stack>
          )}
          {['decided_other_law', 'gakkumdu_concluded', 'forwarded'].includes(c.status) && !c.reportedEmployeeId && (
            <Text size="sm" c="orange.8" mb="xs" data-testid="case-link-needed">{t('cases.linkBeforeRecommend')}</Text>
          )}
          {c.mayOpenReporterIdentity && (
            <Button size="xs" variant="outline" color="grape" mb="xs" w="fit-content" onClick={() => setIdentityOpen(true)} data-testid="case-reporter-identity">{t('cases.reporterIdentity.button')}</Button>
          )}
          {identityOpen && <ReporterIdentityDialog caseId={c.id} onClose={() => setIdentityOpen(false)} />}
          <Group gap="xs">
            {c.allowedActions.map((a) => (
              <Button key={a} size="xs" variant="light" onClick={() => setAction(a)} data-testid={`case-action-${a}`}>{labels.event(a)}</Button>
            ))}
          </Group>
          <Title order={3} size="h6" mt="md" mb={4}>{t('cases.documents')}</Title>
          <Group gap="xs">
            {c.documents.flatMap((d) =>
              // one letter per summons issued, each with its person and date
              d === 'summons' && c.summons.length > 1
                ? c.summons.map((sm, i) => (
                    <Anchor key={`${d}-${i}`} size="sm" href={`${API_BASE}/cases/${c.id}/documents/summons?summons=${i}`} data-testid="case-document-summons">
                      {labels.doc(d)} {oneLanguage(sm.personLabel)}, {format.date(sm.scheduledOn)} (PDF)
                    </Anchor>
                  ))
                : [<Anchor key={d} size="sm" href={`${API_BASE}/cases/${c.id}/documents/${d}`} data-testid={`case-document-${d}`}>{labels.doc(d)} (PDF)</Anchor>],
            )}
          </Group>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">{t('cases.summary')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm" data-testid="case-facts">
          {([['incidentOn', c.incidentOn && format.date(c.incidentOn)], ['knownOn', c.knownOn && format.date(c.knownOn)], ['incidentPlace', c.incidentPlace]] as const).map(([k, v]) => (
            <Stack key={k} gap={0}>
              <Text size="xs" c="dimmed">{labels.field(k)}</Text>
              <Text size="sm" data-testid={`case-fact-${k}`} c={v ? undefined : 'orange.8'}>{v || t('cases.notRecorded')}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="case-summary">{oneLanguage(c.summary)}</Text>
      </Paper>
      {(c.recommendation || c.ppkDecision) && <SanctionOutcome c={c} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ReportedPersonPanel c={c} />
        <EvidencePanel caseId={c.id} canHandle={hasPermission(me, 'cases.handle')} />
      </SimpleGrid>
      {explanation && <ExplanationList lines={explanation} />}
      {(c.clarifications.length > 0 || c.summons.length > 0) && (
        <Paper withBorder p="md">
          {c.summons.length > 0 && (
            <>
              <Title order={2} size="h5" mb="xs">{t('workflow.summons')}</Title>
              {c.summons.map((sm, i) => (
                <Text key={i} size="sm" data-testid="case-summons">
                  {t('workflow.summonsLine', { date: format.date(sm.scheduledOn), party: labels.option(sm.party), person: oneLanguage(sm.personLabel), place: sm.place })}
                </Text>
              ))}
            </>
          )}
          {c.clarifications.length > 0 && <Title order={2} size="h5" my="xs">{t('cases.clarifications')}</Title>}
          {c.clarifications.map((cl, i) => (
            <Text key={i} size="sm" data-testid="case-clarification">{cl.heldOn ? format.date(cl.heldOn) : '—'} · {labels.option(cl.party)} · {oneLanguage(cl.personLabel)}: {oneLanguage(cl.statement ?? '')}</Text>
          ))}
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">{t('cases.events')}</Title>
        <Table.ScrollContainer minWidth={600}>
          <Table data-testid="case-events">
            <Table.Tbody>
              {c.events.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(e.at)}</Table.Td>
                  <Table.Td>{labels.event(e.type)}</Table.Td>
                  <Table.Td>{e.fromStatus ? labels.status(e.fromStatus) : '—'} → {labels.status(e.toStatus)}</Table.Td>
                  <Table.Td>{e.actorLabel.startsWith('system:') ? t('cases.systemActor') : e.actorLabel}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {action && <ActionDialog c={c} type={action} onClose={() => setAction(null)} />}
    </Stack>
  );
}
