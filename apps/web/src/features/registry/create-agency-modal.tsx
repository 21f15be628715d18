import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, LIMITS, type Agency, type Me } from '@netra/contracts';
import { api } from '../../lib/api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RegionSelect } from '../../components/region-select.tsx';
import { hasPermission } from '../auth/session.tsx';

type AgencyKind = Agency['kind'];

/** Creating an agency is for system admins (the API refuses everyone else with AGENCY_CREATE_FORBIDDEN), not agency admins. */
export function canCreateAgencies(me: Me): boolean {
  return hasPermission(me, 'agencies.manage') && me.grants.some((g) => g.role === 'system_admin');
}

/** A new agency (instansi) in a province or regency/city; the server infers its kind when it can. */
export function CreateAgencyModal({ onClose, onCreated }: { onClose: () => void; onCreated?: (agency: Agency) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [kind, setKind] = useState<AgencyKind | null>(null);

  const create = useMutation({
    mutationFn: () =>
      api.post<Agency>('/agencies', { name: name.trim(), regionCode, ...(kind ? { kind } : {}) }),
    onSuccess: async (agency) => {
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
      onCreated?.(agency);
      onClose();
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length >= 3 && regionCode) create.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={t('agencies.createTitle')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ProblemAlert error={create.error} />
          <TextInput
            label={t('agencies.name')}
            placeholder={t('agencies.namePlaceholder')}
            required
            minLength={3}
            maxLength={LIMITS.nameMax}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            data-testid="agency-name"
          />
          <RegionSelect
            label={t('agencies.region')}
            placeholder={t('agencies.regionSearch')}
            value={regionCode}
            onChange={setRegionCode}
            data-testid="agency-region"
          />
          <Select
            label={t('agencies.kind')}
            placeholder={t('agencies.kindAuto')}
            data={AGENCY_KINDS.map((value) => ({ value, label: t(`agencies.kinds.${value}`) }))}
            value={kind}
            onChange={(value) => setKind(AGENCY_KINDS.find((candidate) => candidate === value) ?? null)}
            clearable
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={name.trim().length < 3 || !regionCode}
              data-testid="agency-submit"
            >
              {t('agencies.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
