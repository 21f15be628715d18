import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ASSIGNABLE_ROLES, ROLE_NEEDS, ROLES, type Role } from '@netra/contracts';
import { useSession } from '../auth/session.tsx';
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

/**
 * What is missing from a draft grant, by field: a role, and the agency or unit the role needs. The
 * employee role's record is the account's own (checked by the server).
 */
export function grantProblems(draft: GrantDraft): Set<'role' | 'agency' | 'unit'> {
  const out = new Set<'role' | 'agency' | 'unit'>();
  if (!draft.role) out.add('role');
  const need = draft.role ? ROLE_NEEDS[draft.role] : undefined;
  if ((need === 'agency' || need === 'unit') && !draft.agencyId) out.add('agency');
  if (need === 'unit' && !draft.unitId) out.add('unit');
  return out;
}

/**
 * Role plus its scope: region, agency and work unit. Only the roles the signed-in manager may hand out are offered
 * (less `exclude`). The employee role's scope is the account's own employee record, so it has no scope fields.
 */
export function GrantFields({ value, onChange, problems = new Set(), exclude = [] }: { value: GrantDraft; onChange: (next: GrantDraft) => void; problems?: ReadonlySet<string>; exclude?: readonly Role[] }) {
  const { t } = useTranslation();
  const me = useSession();
  const agencies = useAgencies();
  const units = useUnits(value.agencyId);
  const grantable = ROLES.filter((role) => !exclude.includes(role) && me.grants.some((g) => ASSIGNABLE_ROLES[g.role]?.includes(role)));
  const selfOnly = value.role !== null && ROLE_NEEDS[value.role] === 'employee';
  return (
    <Stack gap="sm">
      <Select
        label={t('users.role')}
        required
        error={problems.has('role') ? t('users.roleRequired') : undefined}
        data={grantable.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={value.role}
        onChange={(role) => {
          const next = ROLES.find((candidate) => candidate === role) ?? null;
          // an employee grant reaches its employee's record only: a scope picked for another role does not carry over
          onChange(next && ROLE_NEEDS[next] === 'employee' ? { ...EMPTY_GRANT, role: next } : { ...value, role: next });
        }}
        allowDeselect={false}
        data-testid="grant-role"
      />
      {selfOnly ? (
        <Text size="sm" c="dimmed" data-testid="grant-self-scope">
          {t('users.employeeScopeHelp')}
        </Text>
      ) : (
        <>
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
              required={value.role !== null && (ROLE_NEEDS[value.role] === 'agency' || ROLE_NEEDS[value.role] === 'unit')}
              error={problems.has('agency') ? t('users.agencyRequired') : undefined}
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
              required={value.role !== null && ROLE_NEEDS[value.role] === 'unit'}
              error={problems.has('unit') ? t('users.unitRequired') : undefined}
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
        </>
      )}
    </Stack>
  );
}
