import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const STAGE_ROLES = ['participants', 'campaign', 'quiet_period', 'voting', 'other'] as const;
export type StageRoleKey = (typeof STAGE_ROLES)[number];

const ROLE_COLORS: Record<StageRoleKey, string> = {
  participants: 'var(--mantine-color-grape-6)',
  campaign: 'var(--mantine-color-orange-6)',
  quiet_period: 'var(--mantine-color-teal-6)',
  voting: 'var(--mantine-color-red-7)',
  other: 'var(--mantine-color-gray-5)',
};

/** Stages without a role the rules use (or with one this UI does not know) are "other". */
export function roleKeyOf(role: string | null): StageRoleKey {
  return STAGE_ROLES.find((key) => key === role && key !== 'other') ?? 'other';
}

export function roleColor(role: string | null): string {
  return ROLE_COLORS[roleKeyOf(role)];
}

/** A small colour sample: solid, or dashed for contingent stages. */
export function Swatch({ role, contingent = false }: { role: string | null; contingent?: boolean }) {
  const color = roleColor(role);
  return (
    <Box
      component="span"
      aria-hidden
      style={{
        display: 'inline-block',
        width: 18,
        height: 10,
        borderRadius: 2,
        background: contingent ? 'transparent' : color,
        border: contingent ? `2px dashed ${color}` : `2px solid ${color}`,
        flexShrink: 0,
      }}
    />
  );
}

export function StageLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('timeline.legend')}>
      {STAGE_ROLES.map((role) => (
        <Group key={role} gap={6} wrap="nowrap" component="li">
          <Swatch role={role} />
          <Text size="xs">{t(`timeline.roles.${role}`)}</Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap" component="li">
        <Swatch role="other" contingent />
        <Text size="xs">{t('timeline.contingent')}</Text>
      </Group>
    </Group>
  );
}
