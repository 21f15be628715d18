import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@netra/contracts';
import { RegionSelect } from '../../components/region-select.tsx';
import { useAgencies, useUnits } from '../registry/registry-api.ts';

export interface GrantDraft {
  role: Role | null;
  regionCode: string | null;
  agencyId: string | null;
  unitId: string | null;
}

export const EMPTY_GRANT: GrantDraft = { role: null, regionCode: null, agencyId: null, unitId: null };

/** Optional scope fields are left out of the request when empty. */
export function grantPayload(draft: GrantDraft & { role: Role }) {
  return {
    role: draft.role,
    regionCode: draft.regionCode ?? undefined,
    agencyId: draft.agencyId ?? undefined,
    unitId: draft.unitId ?? undefined,
  };
}

/** Role plus its scope: region, agency and work unit, each optional. */
export function GrantFields({ value, onChange }: { value: GrantDraft; onChange: (next: GrantDraft) => void }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const units = useUnits(value.agencyId);
  return (
    <Stack gap="sm">
      <Select
        label={t('users.role')}
        required
        data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={value.role}
        onChange={(role) => onChange({ ...value, role: ROLES.find((candidate) => candidate === role) ?? null })}
        allowDeselect={false}
        data-testid="grant-role"
      />
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {t('users.scope')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('users.scopeHelp')}
        </Text>
      </Stack>
      <RegionSelect
        label={t('users.region')}
        placeholder={t('users.regionSearch')}
        value={value.regionCode}
        onChange={(regionCode) => onChange({ ...value, regionCode })}
        data-testid="grant-region"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('users.agency')}
          placeholder={t('users.none')}
          data={(agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name }))}
          value={value.agencyId}
          onChange={(agencyId) => onChange({ ...value, agencyId, unitId: null })}
          searchable
          clearable
          data-testid="grant-agency"
        />
        <Select
          label={t('users.unit')}
          placeholder={t('users.none')}
          data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.path }))}
          value={value.unitId}
          onChange={(unitId) => onChange({ ...value, unitId })}
          disabled={!value.agencyId}
          searchable
          clearable
          limit={500}
          data-testid="grant-unit"
        />
      </SimpleGrid>
    </Stack>
  );
}
