import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { ActionIcon, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REGION_LEVELS } from '@netra/contracts';
import { regionTree, type RegionNode } from '../../lib/region-tree.ts';

type Counts = { required: number; signed: number; missing: number; percent: number };
type Row = Counts & { regionCode: string; regionName: string | null };

const add = (a: Counts, b: Counts): Counts => {
  const required = a.required + b.required;
  const signed = a.signed + b.signed;
  // as the server rounds a share: one decimal
  return { required, signed, missing: required - signed, percent: required ? Math.round((signed / required) * 1000) / 10 : 0 };
};

/**
 * Coverage by region as a tree: kecamatan first, each opening onto its kelurahan/desa, every line
 * counting its whole area; staff placed at the kecamatan itself (the camat's office) are a line of their own.
 */
export function RegionCoverage({ rows, head, cells }: { rows: readonly Row[]; head: ReactNode; cells: (c: Counts) => ReactNode }) {
  const { t } = useTranslation();
  const tree = useMemo(() => regionTree<Counts>(rows, add), [rows]);
  // one region over all (the city): opened, so its kecamatan show at once
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(tree.length === 1 ? [tree[0]!.code] : []));
  const toggle = (code: string) => setOpen((prev) => {
    const next = new Set(prev);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    return next;
  });
  // a kecamatan and a kelurahan often share a name (Medansatria, Bantargebang): the level tells them apart
  const level = (code: string) => t(`regionLevels.${REGION_LEVELS[Math.min(code.split('.').length, REGION_LEVELS.length) - 1]!}`);
  const line = (node: RegionNode<Counts>, depth: number): ReactNode => {
    const name = node.name ?? node.code;
    const expandable = node.children.length > 0;
    const expanded = open.has(node.code);
    return (
      <Fragment key={node.code}>
        <Table.Tr data-testid="coverage-region" data-code={node.code} data-depth={depth}>
          <Table.Td style={{ paddingLeft: `calc(var(--mantine-spacing-xs) + ${depth * 20}px)` }}>
            <Group gap={6} wrap="nowrap" align="center">
              {expandable ? (
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  onClick={() => toggle(node.code)}
                  aria-expanded={expanded}
                  aria-label={t(expanded ? 'pledges.regionCollapse' : 'pledges.regionExpand', { name })}
                  data-testid="coverage-region-toggle"
                >
                  {expanded ? '▾' : '▸'}
                </ActionIcon>
              ) : (
                <span style={{ display: 'inline-block', width: 22 }} aria-hidden />
              )}
              <Text size="sm">
                {name} <Text span size="xs" c="dimmed">({level(node.code)} · {node.code})</Text>
              </Text>
            </Group>
          </Table.Td>
          {cells(node.total)}
        </Table.Tr>
        {expanded && node.own && node.own.required > 0 && (
          <Table.Tr data-testid="coverage-region-own" data-code={node.code}>
            <Table.Td style={{ paddingLeft: `calc(var(--mantine-spacing-xs) + ${(depth + 1) * 20 + 28}px)` }}>
              <Text size="sm" c="dimmed">{t('pledges.regionOwn', { name })}</Text>
            </Table.Td>
            {cells(node.own)}
          </Table.Tr>
        )}
        {expanded && node.children.map((child) => line(child, depth + 1))}
      </Fragment>
    );
  };
  return (
    <Table>
      {head}
      <Table.Tbody>{tree.map((node) => line(node, 0))}</Table.Tbody>
    </Table>
  );
}
