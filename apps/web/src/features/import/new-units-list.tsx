import { Alert, List, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NewUnit } from '@netra/contracts';
import { useFormat } from '../../lib/format.ts';

interface NewUnitsListProps {
  units: readonly NewUnit[];
  /** New units the run counted but does not list. */
  more: number;
  /** Nothing was written (a dry run or a rejected file): the units would be created. */
  planned: boolean;
}

/**
 * The work units an import created or would create: a misspelt unit name would otherwise become a unit of its own
 * unnoticed. Those that look like another unit come first, with the unit they were probably meant to be.
 */
export function NewUnitsList({ units, more, planned }: NewUnitsListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const suggested = units.filter((unit) => unit.suggestion !== null);
  const ordered = [...suggested, ...units.filter((unit) => unit.suggestion === null)];
  // paths are joined with " / ": a "/" left inside one part was written without spaces
  const bareSlash = units.some((unit) => unit.path.split(' / ').some((part) => part.includes('/')));
  const total = units.length + more;
  return (
    <Alert
      color={suggested.length ? 'orange' : 'blue'}
      variant="light"
      title={t(planned ? 'import.newUnitsPlanned' : 'import.newUnitsCreated', { count: total })}
      data-testid="import-new-units"
    >
      <Stack gap="xs">
        <Text size="sm">{t('import.newUnitsHelp')}</Text>
        {suggested.length > 0 && (
          <Text size="sm" fw={600}>
            {t('import.newUnitsSuggested', { count: suggested.length })}
          </Text>
        )}
        <ScrollArea.Autosize mah={320} type="auto">
          <List size="sm" spacing={6}>
            {ordered.map((unit) => (
              <List.Item key={unit.path} data-testid="import-new-unit">
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {unit.path}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('import.newUnitRows', { row: format.number(unit.firstRow), count: unit.rows })}
                </Text>
                {unit.suggestion && (
                  <Text size="xs" c="orange.9" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="import-new-unit-suggestion">
                    {t('import.newUnitSuggestion', { path: unit.suggestion })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
        {more > 0 && (
          <Text size="xs" c="dimmed">
            {t('import.newUnitsMore', { more: format.number(more) })}
          </Text>
        )}
        {bareSlash && <Text size="xs">{t('import.newUnitsSlash')}</Text>}
      </Stack>
    </Alert>
  );
}
