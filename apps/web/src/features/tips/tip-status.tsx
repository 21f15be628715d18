import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TipStatus as TipStatusSchema } from '@netra/contracts';

export type TipStatus = z.infer<typeof TipStatusSchema>;

const STATUS_COLORS: Record<TipStatus, MantineColor> = {
  received: 'blue',
  in_review: 'indigo',
  needs_info: 'yellow',
  converted_finding: 'teal',
  converted_report: 'green',
  closed: 'gray',
};

/** The tip's status in words; `data-status` carries the raw value for tests and styling. */
export function TipStatusBadge({ status, size, testId }: { status: TipStatus; size?: 'sm' | 'lg'; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={STATUS_COLORS[status]}
      size={size}
      style={{ minWidth: 'max-content' }}
      data-status={status}
      data-testid={testId}
    >
      {t(`tipStatuses.${status}`)}
    </Badge>
  );
}
