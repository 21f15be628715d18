import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EmploymentType } from '@netra/contracts';
import { useEmploymentTypeLabel } from '../../lib/labels.ts';

/** An employee's kind (PNS, PPPK, non-ASN) and whether they are active, as badges beside their name. */
export function EmployeeBadges({ employee }: { employee: { employmentType: EmploymentType; active: boolean } }) {
  const { t } = useTranslation();
  const typeLabel = useEmploymentTypeLabel();
  return (
    <Group gap="xs">
      <Badge variant="light" style={{ minWidth: 'max-content' }}>{typeLabel(employee.employmentType)}</Badge>
      <Badge variant="light" color={employee.active ? 'green' : 'gray'}>
        {employee.active ? t('common.active') : t('common.inactive')}
      </Badge>
    </Group>
  );
}
