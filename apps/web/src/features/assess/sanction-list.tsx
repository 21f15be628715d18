import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import type { SanctionOption } from './assess-api.ts';
import { FlagBadge } from '../../components/flag-badge.tsx';

/** The sanctions open for the act, each with the legal references behind it (the API sends them ready to read) and a flag when unconfirmed. */
export function SanctionList({ options }: { options: readonly SanctionOption[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assess-sanctions-title">
      <Title order={3} size="h5" mb="sm" id="assess-sanctions-title">
        {t('assess.sanctions')}
      </Title>
      {options.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('assess.noSanctions')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="assess-sanctions">
          {options.map((option) => (
            <Stack key={option.id} gap={2} component="li" data-level={option.level}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm">{format.localized(option.name)}</Text>
                <Badge size="sm" variant="light" color={option.level === 'criminal' ? 'red' : 'blue'} tt="none">
                  {t(`assess.levels.${option.level}`, option.level)}
                </Badge>
                {option.unconfirmed && (
                  <FlagBadge label={t('assess.unconfirmed')} help={t('assess.unconfirmedHelp')} color="yellow" data-testid="assess-sanction-unconfirmed" />
                )}
              </Group>
              {option.source && (
                <Text size="xs" c="dimmed" data-testid="assess-sanction-source">
                  {option.source}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
