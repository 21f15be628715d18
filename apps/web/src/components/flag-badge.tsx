import { Badge, Tooltip, type BadgeProps } from '@mantine/core';

type FlagBadgeProps = Pick<BadgeProps, 'color' | 'variant' | 'ml'> & {
  /** The flag in a word or two ("belum terkonfirmasi"). */
  label: string;
  /** What it means, on hover and keyboard focus. */
  help: string;
  'data-testid'?: string;
  'data-flag'?: string;
};

/** A flag on a legal fact (unconfirmed, assumed, contingent) with its meaning in a tooltip, reachable by keyboard. */
export function FlagBadge({ label, help, variant = 'light', ...badge }: FlagBadgeProps) {
  return (
    <Tooltip label={help} multiline maw={280}>
      <Badge size="xs" variant={variant} tt="none" tabIndex={0} {...badge}>
        {label}
      </Badge>
    </Tooltip>
  );
}
