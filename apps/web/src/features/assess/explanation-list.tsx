import { List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import type { Assessment } from './assess-api.ts';
import { FlagBadge } from '../../components/flag-badge.tsx';

/**
 * The engine's reasoning, one sentence per step, each with the public legal references behind it
 * (the engine sends them ready to read; its raw sources stay in `provenance`) and a flag when a fact
 * behind it is not confirmed yet.
 */
export function ExplanationList({ lines }: { lines: Assessment['explanation'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assess-explanation-title">
      <Title order={3} size="h5" mb="sm" id="assess-explanation-title">
        {t('assess.explanation')}
      </Title>
      <List type="ordered" spacing="sm" size="sm" data-testid="assess-explanation">
        {lines.map((line, index) => {
          const cites = [...new Set(line.cites)];
          return (
            <List.Item key={index}>
              <Text size="sm">{format.localized(line)}</Text>
              {(cites.length > 0 || line.unconfirmed) && (
                <Text size="xs" c="dimmed" mt={2} data-testid="assess-explanation-cites">
                  {cites.length > 0 && `${t('assess.citations')}: ${cites.join('; ')}`}
                  {line.unconfirmed && (
                    <FlagBadge
                      label={t('assess.unconfirmed')}
                      help={t('assess.unconfirmedHelp')}
                      color="yellow"
                      ml={cites.length > 0 ? 6 : 0}
                      data-testid="assess-explanation-unconfirmed"
                    />
                  )}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
