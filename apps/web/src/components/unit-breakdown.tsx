import type { ReactNode } from 'react';
import { Anchor, Button, Group, Paper, Table, Text, Title } from '@mantine/core';

type UnitRow = { unitId: string | null; name: string | null; direct: boolean; hasChildren: boolean };

/**
 * A coverage breakdown by the direct children of a unit: a unit with sub-units drills down
 * (`onDrill(id)`), `onDrill(null)` goes back to the whole agency; the `direct` row is the root's own staff.
 */
export function UnitBreakdown<R extends UnitRow>(props: {
  title: string;
  rows: R[];
  drilled: boolean;
  onDrill: (unitId: string | null) => void;
  head: ReactNode;
  cells: (row: R) => ReactNode;
  labels: { wholeAgency: string; directStaff: string };
  testIds: { up: string; table: string; drill: string };
}) {
  const { rows, onDrill, labels, testIds } = props;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">{props.title}</Title>
        {props.drilled && <Button size="xs" variant="subtle" onClick={() => onDrill(null)} data-testid={testIds.up}>{labels.wholeAgency}</Button>}
      </Group>
      <Table.ScrollContainer minWidth={600}>
        <Table data-testid={testIds.table}>
          {props.head}
          <Table.Tbody>
            {rows.map((u) => (
              <Table.Tr key={u.unitId ?? 'direct'}>
                <Table.Td>
                  {u.unitId && u.hasChildren && !u.direct ? (
                    <Anchor component="button" size="sm" ta="left" onClick={() => onDrill(u.unitId)} data-testid={testIds.drill}>{u.name}</Anchor>
                  ) : (
                    <Text size="sm">{u.direct ? labels.directStaff : u.name}</Text>
                  )}
                </Table.Td>
                {props.cells(u)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
