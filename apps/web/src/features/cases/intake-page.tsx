import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Divider, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChoiceControl } from '../../components/choice-control.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useFormat } from '../../lib/format.ts';
import { useEmploymentTypeLabel } from '../../lib/labels.ts';
import { useActs } from '../assess/assess-api.ts';
import { RegionCascade, REQUIRED_REGION_DEPTH } from '../public-report/region-cascade.tsx';
import { useElections } from '../timeline/elections-api.ts';
import { useTip } from '../tips/tips-api.ts';
import { ACTOR_TYPES, type FindingInput } from '@netra/contracts';
import { useCase, useCreateCase } from './cases-api.ts';
import { fieldLabelsFor, useFieldErrors } from '../../components/field-errors.ts';

type Kind = 'finding' | 'report';
type Witness = { name: string; address: string; phone: string };
const REPORTER_FIELDS = ['name', 'birthPlaceDate', 'occupation', 'citizenship', 'address', 'phone', 'email', 'idNumber'] as const;

/** '32.75.01.1001' -> ['32', '32.75', '32.75.01', '32.75.01.1001'] for the region cascade. */
const cascadeOf = (code: string) => code.split('.').map((_p, i, all) => all.slice(0, i + 1).join('.'));
const blank = (v: string) => (v.trim() ? v.trim() : undefined);
/** The form's labels of the request's fields (translation keys). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  electionId: 'intake.election', regionCode: 'registry.region', title: 'intake.titleField', summary: 'intake.summary', incidentOn: 'intake.incidentOn',
  knownOn: 'intake.knownOn', incidentPlace: 'intake.incidentPlace', reportedText: 'intake.reported', actCode: 'intake.act', actorType: 'intake.actorType',
  chronology: 'intake.chronology', reporter: 'intake.reporter', witnesses: 'intake.witnesses', tipId: 'cases.fieldOrigin', fromCaseId: 'cases.fieldOrigin',
};

/**
 * Intake at the desk: a supervisor's finding (temuan) or a formal report (laporan, Form A.1/B.1)
 * with the reporter's identity, which the server seals apart from the case. Opened from a tip
 * (?tip=ID), it carries the tip over; a formal report from a tip needs the reporter's consent.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useEmploymentTypeLabel();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const tipId = params.get('tip') ?? undefined;
  const tip = useTip(tipId);
  // a report that was not registered or was withdrawn, taken up as initial information for a finding
  const fromCaseId = tipId ? undefined : (params.get('fromCase') ?? undefined);
  const origin = useCase(fromCaseId);
  const elections = useElections();
  const acts = useActs();
  const create = useCreateCase();
  usePageTitle(t('intake.title'));
  const fieldErrorsOf = useFieldErrors();
  const errs = fieldErrorsOf(create.error);
  const tr = t as (key: string, options?: Record<string, unknown>) => string;
  // "reporter.address" -> "Identitas pelapor: Alamat", "witnesses.1.name" -> "Saksi 2: Nama saksi"
  const labelOf = (field: string) => {
    const [head = '', second, third] = field.split('.');
    if (head === 'reporter' && second) return `${t('intake.reporter')}: ${tr(`intake.reporterFields.${second}`)}`;
    if (head === 'witnesses' && third) return t('cases.witnessField', { n: Number(second) + 1, field: tr(`intake.witnessFields.${third}`) });
    return FIELD_LABELS[head] ? tr(FIELD_LABELS[head]) : t('cases.fieldOther');
  };
  const fieldLabels = fieldLabelsFor(create.error, labelOf);
  // after a refusal, the first field to correct gets the focus
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (create.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [create.error]);

  const [kind, setKind] = useState<Kind>(params.get('kind') === 'report' ? 'report' : 'finding');
  const [f, setF] = useState({ electionId: '', title: '', summary: '', incidentOn: '', knownOn: '', incidentPlace: '', reportedText: '', actCode: '', actorType: '', chronology: '' });
  const [region, setRegion] = useState<string[]>([]);
  const [reporter, setReporter] = useState<Record<(typeof REPORTER_FIELDS)[number] | 'sex', string>>({ name: '', birthPlaceDate: '', sex: '', occupation: '', citizenship: 'WNI', address: '', phone: '', email: '', idNumber: '' });
  const [witnesses, setWitnesses] = useState<Witness[]>([]);
  const [seeded, setSeeded] = useState(false);
  if (tip.data && !seeded) {
    setSeeded(true);
    // the tip's own words are not copied into the case: title and summary reach BKN and the PPK, and a
    // sender's wording ("as his private secretary I...") can name them; the handler writes them. Bawaslu
    // learned of it the day the tip came in: the finding's 7 days count from then, not from the incident
    setF((cur) => ({ ...cur, incidentOn: tip.data.occurredOn ?? '', knownOn: tip.data.receivedOn, incidentPlace: tip.data.where ?? '', reportedText: tip.data.who ?? '' }));
    setRegion(cascadeOf(tip.data.regionCode));
  }
  if (origin.data && !seeded) {
    setSeeded(true);
    // the report's chronology and reporter stay with it; Bawaslu learned of it the day the report came in
    const o = origin.data;
    setF((cur) => ({ ...cur, electionId: o.electionId, incidentOn: o.incidentOn ?? '', knownOn: o.receivedOn, incidentPlace: o.incidentPlace ?? '', reportedText: o.reportedText ?? '', actCode: o.actCode ?? '', actorType: o.actorType ?? '' }));
    setRegion(cascadeOf(o.regionCode));
  }
  const electionId = f.electionId || elections.data?.items[0]?.id || '';
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const reportAllowed = !fromCaseId && (!tipId || tip.data?.consentedToReport === true);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const base = {
      electionId, regionCode: region.at(-1) ?? '', title: f.title.trim(), summary: f.summary.trim(), incidentOn: blank(f.incidentOn), knownOn: blank(f.knownOn),
      incidentPlace: blank(f.incidentPlace), reportedText: blank(f.reportedText), actCode: blank(f.actCode), actorType: blank(f.actorType) as FindingInput['actorType'], tipId, fromCaseId,
    };
    if (kind === 'finding') return create.mutate({ kind, body: base }, { onSuccess: (c) => void navigate(`/cases/${c.id}`) });
    const who = Object.fromEntries(Object.entries(reporter).map(([k, v]) => [k, blank(v)]).filter(([, v]) => v !== undefined));
    create.mutate(
      {
        kind,
        body: {
          ...base, chronology: f.chronology.trim(), reporter: who as { name: string; address: string; citizenship: string },
          witnesses: witnesses.filter((w) => w.name.trim()).map((w) => ({ name: w.name.trim(), address: blank(w.address), phone: blank(w.phone) })),
        },
      },
      { onSuccess: (c) => void navigate(`/cases/${c.id}`) },
    );
  };

  return (
    <Stack gap="md" maw={960} mx="auto">
      <Anchor component={Link} to="/cases" size="sm">← {t('cases.back')}</Anchor>
      <Title order={1} size="h2">{t('intake.title')}</Title>
      {tipId && tip.data && (
        <Alert variant="light" data-testid="intake-from-tip">
          <Text size="sm">{t('intake.fromTip', { code: tip.data.receiptCode })}</Text>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="intake-tip-text">{tip.data.what}</Text>
        </Alert>
      )}
      {fromCaseId && origin.data && (
        <Alert variant="light" data-testid="intake-from-case">
          <Text size="sm">{t('intake.fromCase', { title: origin.data.caseNumber ?? origin.data.title })}</Text>
        </Alert>
      )}
      <ChoiceControl
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        data={[{ value: 'finding', label: t('intake.finding') }, { value: 'report', label: t('intake.report'), disabled: !reportAllowed }]}
        data-testid="intake-kind"
      />
      {!reportAllowed && <Text size="sm" c="dimmed">{t('intake.noConsent')}</Text>}
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Stack>
              <Title order={2} size="h5">{t('intake.event')}</Title>
              <NativeSelect label={t('intake.election')} required value={electionId} onChange={set('electionId')} data={(elections.data?.items ?? []).map((x) => ({ value: x.id, label: format.localized(x.name) }))} error={errs.electionId} data-testid="intake-election" />
              <RegionCascade value={region} onChange={setRegion} error={create.isError && region.length < REQUIRED_REGION_DEPTH ? t('intake.regionRequired') : errs.regionCode} />
              <TextInput label={t('intake.titleField')} required value={f.title} onChange={set('title')} error={errs.title} data-testid="intake-title" />
              <Textarea label={t('intake.summary')} required autosize minRows={3} value={f.summary} onChange={set('summary')} error={errs.summary} data-testid="intake-summary" />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput type="date" label={t('intake.incidentOn')} value={f.incidentOn} onChange={set('incidentOn')} error={errs.incidentOn} data-testid="intake-incident" />
                <TextInput type="date" label={t('intake.knownOn')} value={f.knownOn} onChange={set('knownOn')} error={errs.knownOn} data-testid="intake-known" />
              </SimpleGrid>
              <TextInput label={t('intake.incidentPlace')} description={t('intake.incidentPlaceHelp')} value={f.incidentPlace} onChange={set('incidentPlace')} error={errs.incidentPlace} data-testid="intake-place" />
              <TextInput label={t('intake.reported')} description={t('intake.reportedHelp')} value={f.reportedText} onChange={set('reportedText')} error={errs.reportedText} data-testid="intake-reported" />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect label={t('intake.act')} data-testid="intake-act" value={f.actCode} onChange={set('actCode')} error={errs.actCode} data={[{ value: '', label: '—' }, ...(acts.data?.items ?? []).map((a) => ({ value: a.code, label: `${a.code} · ${format.localized(a.conduct)}`.slice(0, 110) }))]} />
                <NativeSelect label={t('intake.actorType')} data-testid="intake-actor" value={f.actorType} onChange={set('actorType')} error={errs.actorType} data={[{ value: '', label: '—' }, ...ACTOR_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))]} />
              </SimpleGrid>
              {kind === 'report' && <Textarea label={t('intake.chronology')} required autosize minRows={4} value={f.chronology} onChange={set('chronology')} error={errs.chronology} data-testid="intake-chronology" />}
            </Stack>
          </Paper>
          {kind === 'report' && (
            <Paper withBorder p="md">
              <Stack>
                <Title order={2} size="h5">{t('intake.reporter')}</Title>
                <Alert color="blue" variant="light">{t('intake.sealed')}</Alert>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {REPORTER_FIELDS.map((k) => (
                    <TextInput key={k} label={t(`intake.reporterFields.${k}`)} required={k === 'name' || k === 'address'} value={reporter[k]} error={errs[`reporter.${k}`]}
                      onChange={(e) => setReporter({ ...reporter, [k]: e.currentTarget.value })} data-testid={`intake-reporter-${k}`} />
                  ))}
                  <NativeSelect label={t('intake.reporterFields.sex')} value={reporter.sex} error={errs['reporter.sex']} onChange={(e) => setReporter({ ...reporter, sex: e.currentTarget.value })}
                    data={[{ value: '', label: '—' }, { value: 'L', label: t('intake.male') }, { value: 'P', label: t('intake.female') }]} />
                </SimpleGrid>
                <Divider label={t('intake.witnesses')} labelPosition="left" />
                {witnesses.map((w, i) => (
                  <Group key={i} align="flex-end" grow>
                    {(['name', 'address', 'phone'] as const).map((k) => (
                      <TextInput key={k} label={t(`intake.witnessFields.${k}`)} value={w[k]} error={errs[`witnesses.${i}.${k}`]} onChange={(e) => setWitnesses(witnesses.map((x, j) => (j === i ? { ...x, [k]: e.currentTarget.value } : x)))} />
                    ))}
                    <Button variant="subtle" color="red" onClick={() => setWitnesses(witnesses.filter((_x, j) => j !== i))}>{t('intake.remove')}</Button>
                  </Group>
                ))}
                <Group><Button variant="light" size="xs" onClick={() => setWitnesses([...witnesses, { name: '', address: '', phone: '' }])} disabled={witnesses.length >= 20}>{t('intake.addWitness')}</Button></Group>
              </Stack>
            </Paper>
          )}
          <ProblemAlert error={create.error} fieldLabels={fieldLabels} data-testid="intake-error" />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} data-testid="intake-submit">{kind === 'report' ? t('intake.submitReport') : t('intake.submitFinding')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
