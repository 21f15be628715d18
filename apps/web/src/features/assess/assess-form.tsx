import { useMemo, useState, type FormEvent } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTOR_TYPES } from '@netra/contracts';
import { useFormat } from '../../lib/format.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RegionSelect } from '../../components/region-select.tsx';
import { useElections, useHomeRegion } from '../timeline/elections-api.ts';
import { useActs, type ActorType, type IncidentInput, type Route } from './assess-api.ts';

interface AssessFormProps {
  onSubmit: (input: IncidentInput) => void;
  pending: boolean;
  error: unknown;
}

interface FormState {
  election: string | null;
  /** undefined until the user picks one: the user's own region is offered meanwhile. */
  regionCode: string | null | undefined;
  incidentDate: string;
  knownDate: string;
  reportDate: string;
  actorType: ActorType | null;
  act: string | null;
}

const EMPTY: FormState = {
  election: null,
  regionCode: undefined,
  incidentDate: '',
  knownDate: '',
  reportDate: '',
  actorType: null,
  act: null,
};

type RequiredField = 'election' | 'regionCode' | 'incidentDate' | 'actorType' | 'act';
const REQUIRED: readonly RequiredField[] = ['election', 'regionCode', 'incidentDate', 'actorType', 'act'];

function isActorType(value: string | null): value is ActorType {
  return ACTOR_TYPES.some((type) => type === value);
}

/** The incident form; the legal engine validates the values and names any it rejects. */
export function AssessForm({ onSubmit, pending, error }: AssessFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const elections = useElections();
  const acts = useActs();
  const home = useHomeRegion();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [missing, setMissing] = useState<readonly RequiredField[]>([]);

  const regionCode = form.regionCode === undefined ? (home.ready ? home.regionCode : null) : form.regionCode;
  const values = { ...form, regionCode };
  const set = (changes: Partial<FormState>) => {
    setForm((current) => ({ ...current, ...changes }));
    setMissing((current) => current.filter((field) => !(field in changes)));
  };
  const requiredError = (field: RequiredField) => (missing.includes(field) ? t('common.required') : undefined);

  const electionOptions = (elections.data?.items ?? []).map((election) => ({
    value: election.id,
    label: format.localized(election.name),
  }));
  const actorOptions = ACTOR_TYPES.map((type) => ({ value: type, label: t(`assess.actors.${type}`) }));
  const actList = acts.data?.items;
  const actOptions = useMemo(() => {
    // Grouped by track, which names the same route as the result shows.
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const act of actList ?? []) {
      const items = groups.get(act.track) ?? [];
      items.push({ value: act.code, label: `${act.code} — ${format.localized(act.conduct)}` });
      groups.set(act.track, items);
    }
    return [...groups].map(([track, items]) => ({ group: t(`assess.routes.${track as Route}`, track), items }));
  }, [actList, format, t]);
  const selectedAct = actList?.find((act) => act.code === form.act);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const absent = REQUIRED.filter((field) => !values[field]);
    setMissing(absent);
    if (absent.length > 0 || !values.election || !values.regionCode || !values.actorType || !values.act) return;
    onSubmit({
      election: values.election,
      regionCode: values.regionCode,
      incidentDate: values.incidentDate,
      knownDate: values.knownDate || undefined,
      reportDate: values.reportDate || undefined,
      actorType: values.actorType,
      act: values.act,
    });
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="assess-form-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="assess-form-title">
          {t('assess.form')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Select
            label={t('assess.election')}
            placeholder={t('assess.electionPlaceholder')}
            data={electionOptions}
            value={form.election}
            onChange={(election) => set({ election })}
            error={requiredError('election')}
            withAsterisk
            data-testid="assess-election"
          />
          <RegionSelect
            label={t('assess.region')}
            placeholder={t('assess.regionSearch')}
            value={regionCode}
            onChange={(code) => set({ regionCode: code })}
            error={requiredError('regionCode')}
            withAsterisk
            data-testid="assess-region"
          />
          <Select
            label={t('assess.actor')}
            placeholder={t('assess.actorPlaceholder')}
            data={actorOptions}
            value={form.actorType}
            onChange={(actorType) => set({ actorType: isActorType(actorType) ? actorType : null })}
            error={requiredError('actorType')}
            withAsterisk
            data-testid="assess-actor"
          />
          <TextInput
            type="date"
            label={t('assess.incidentDate')}
            value={form.incidentDate}
            onChange={(event) => set({ incidentDate: event.currentTarget.value })}
            error={requiredError('incidentDate')}
            withAsterisk
            data-testid="assess-incident-date"
          />
          <TextInput
            type="date"
            label={t('assess.knownDate')}
            description={t('assess.knownDateHelp')}
            value={form.knownDate}
            onChange={(event) => set({ knownDate: event.currentTarget.value })}
            data-testid="assess-known-date"
          />
          <TextInput
            type="date"
            label={t('assess.reportDate')}
            description={t('assess.reportDateHelp')}
            value={form.reportDate}
            onChange={(event) => set({ reportDate: event.currentTarget.value })}
            data-testid="assess-report-date"
          />
        </SimpleGrid>
        <Select
          label={t('assess.act')}
          placeholder={t('assess.actPlaceholder')}
          data={actOptions}
          value={form.act}
          onChange={(act) => set({ act })}
          description={selectedAct?.legalBasis}
          error={requiredError('act')}
          withAsterisk
          searchable
          limit={100}
          maxDropdownHeight={360}
          data-testid="assess-act"
        />
        <ProblemAlert error={elections.error ?? acts.error} />
        <ProblemAlert error={error} title={t('assess.failed')} data-testid="assess-error" />
        <Group justify="flex-end">
          <Button type="submit" loading={pending} data-testid="assess-submit">
            {t('assess.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
