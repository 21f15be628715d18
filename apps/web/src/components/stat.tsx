import { Paper, Text } from '@mantine/core';

/** One headline figure of a coverage page (label above, value large). */
export function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} data-testid={testId}>{value}</Text>
    </Paper>
  );
}
