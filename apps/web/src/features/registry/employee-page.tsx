import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LIMITS, type Employee, type EmployeeContact, type EmployeePatch as EmployeePatchSchema } from '@netra/contracts';
import { api } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { EmployeeBadges } from './employee-badges.tsx';
import { Field, FieldList } from '../../components/field-list.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { isSelfOnly, useEmployee, useRegionName, useUnits } from './registry-api.ts';
import { hasPermission, useSession } from '../auth/session.tsx';
import { RelativesPanel } from '../conflicts/relatives-panel.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

type EmployeePatch = z.infer<typeof EmployeePatchSchema>;

export function EmployeePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id } = useParams();
  const employee = useEmployee(id);
  const me = useSession();
  const [editing, setEditing] = useState(false);
  const region = useRegionName(employee.data?.regionCode);
  usePageTitle(employee.data?.name);

  const back = (
    <Anchor component={Link} to="/registry" size="sm">
      ← {isSelfOnly(me) ? t('registry.self.back') : t('employee.back')}
    </Anchor>
  );

  if (employee.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (employee.isError) {
    return (
      <Stack maw={960} mx="auto">
        {back}
        <ProblemAlert error={employee.error} />
      </Stack>
    );
  }

  const person = employee.data;
  const empty = t('common.empty');
  const can = (action: string) => person.allowedActions.includes(action);

  return (
    <Stack gap="md" maw={960} mx="auto">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="employee-name">
            {person.name}
          </Title>
          <EmployeeBadges employee={person} />
        </Stack>
        {can('edit') && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('employee.edit')}
          </Button>
        )}
      </Group>

      <Paper withBorder p="lg" component="section" aria-labelledby="employment-details">
        <Title order={2} size="h4" mb="md" id="employment-details">
          {t('employee.details')}
        </Title>
        <FieldList>
          {person.employmentType === 'NON_ASN' ? (
            <Field label={t('employee.internalId')}>{person.internalId ?? empty}</Field>
          ) : (
            <Field label={t('employee.nip')} testId="employee-nip">
              <Text span ff="monospace" size="sm">
                {person.nip ?? empty}
              </Text>
            </Field>
          )}
          <Field label={t('employee.position')}>{person.position ?? empty}</Field>
          <Field label={t('employee.agency')}>{person.agencyName}</Field>
          <Field label={t('employee.unit')}>{person.unitPath ?? t('employee.noUnit')}</Field>
          <Field label={t('employee.echelon')}>{person.echelon ?? empty}</Field>
          <Field label={t('employee.rank')}>{person.rank ?? empty}</Field>
          <Field label={t('registry.region')} testId="employee-region">
            <span title={person.regionCode}>{region ?? '…'}</span>
          </Field>
          <Field label={t('employee.updatedAt')}>{format.dateTime(person.updatedAt)}</Field>
        </FieldList>
      </Paper>

      {can('view_contact') && <ContactSection employeeId={person.id} />}
      {/* registry writers, and the employee on their own record ("Data saya"): the API answers the relatives of no one else */}
      <RelativesPanel employeeId={person.id} canWrite={can('edit') || hasPermission(me, 'self.read')} />

      {editing && <EditEmployeeModal employee={person} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

/** Contact data is fetched only on an explicit click, because every read is audited. */
function ContactSection({ employeeId }: { employeeId: string }) {
  const { t } = useTranslation();
  const contact = useMutation({
    mutationFn: () => api.get<EmployeeContact>(`/employees/${employeeId}/contact`),
  });
  const empty = t('common.empty');
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="contact-details">
      <Title order={2} size="h4" mb="xs" id="contact-details">
        {t('employee.contactTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('employee.contactNote')}
      </Text>
      <ProblemAlert error={contact.error} />
      {contact.data ? (
        <Stack gap="sm" data-testid="employee-contact">
          <FieldList>
            <Field label={t('employee.email')}>{contact.data.email ?? empty}</Field>
            <Field label={t('employee.phone')}>{contact.data.phone ?? empty}</Field>
            <Field label={t('employee.nik')}>
              <Text span ff="monospace" size="sm">
                {contact.data.nik ?? empty}
              </Text>
            </Field>
          </FieldList>
          <Alert variant="light" color="gray" role="status">
            {t('employee.contactRecorded')}
          </Alert>
        </Stack>
      ) : (
        <Button variant="light" onClick={() => contact.mutate()} loading={contact.isPending} data-testid="show-contact">
          {t('employee.showContact')}
        </Button>
      )}
    </Paper>
  );
}

function EditEmployeeModal({ employee, onClose }: { employee: Employee; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const units = useUnits(employee.agencyId);
  const [draft, setDraft] = useState({
    name: employee.name,
    position: employee.position ?? '',
    echelon: employee.echelon ?? '',
    rank: employee.rank ?? '',
    unitId: employee.unitId,
    active: employee.active,
  });

  const save = useMutation({
    mutationFn: () => {
      // Send only what changed; a cleared text field is sent as '' so it can be erased.
      const patch: EmployeePatch = {};
      const name = draft.name.trim();
      if (name !== employee.name) patch.name = name;
      for (const key of ['position', 'echelon', 'rank'] as const) {
        const value = draft[key].trim();
        if (value !== (employee[key] ?? '')) patch[key] = value;
      }
      if (draft.unitId !== employee.unitId) patch.unitId = draft.unitId;
      if (draft.active !== employee.active) patch.active = draft.active;
      return api.patch<Employee>(`/employees/${employee.id}`, patch);
    },
    onSuccess: async (updated) => {
      queryClient.setQueryData(['employees', 'detail', employee.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['employees', 'list'] });
      onClose();
    },
  });

  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  return (
    <Modal opened onClose={onClose} title={t('employee.editTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert error={save.error} />
          <TextInput
            label={t('employee.name')}
            required
            maxLength={LIMITS.nameMax}
            value={draft.name}
            onChange={(event) => set('name', event.currentTarget.value)}
          />
          <TextInput
            label={t('employee.position')}
            maxLength={LIMITS.nameMax}
            value={draft.position}
            onChange={(event) => set('position', event.currentTarget.value)}
          />
          <Group grow>
            <TextInput
              label={t('employee.echelon')}
              maxLength={50}
              value={draft.echelon}
              onChange={(event) => set('echelon', event.currentTarget.value)}
            />
            <TextInput
              label={t('employee.rank')}
              maxLength={50}
              value={draft.rank}
              onChange={(event) => set('rank', event.currentTarget.value)}
            />
          </Group>
          <Select
            label={t('employee.unit')}
            placeholder={t('employee.noUnit')}
            data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.path }))}
            value={draft.unitId}
            onChange={(unitId) => set('unitId', unitId)}
            searchable
            clearable
            limit={500}
          />
          <Switch
            label={t('employee.activeLabel')}
            checked={draft.active}
            onChange={(event) => set('active', event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!draft.name.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
