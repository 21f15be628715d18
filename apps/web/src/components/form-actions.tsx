import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A dialog form's footer: cancel, then the submit button with its label (busy while the request runs). */
export function FormActions({ onCancel, label, loading, disabled, color, testId }: { onCancel: () => void; label: string; loading: boolean; disabled?: boolean; color?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled} color={color} data-testid={testId}>
        {label}
      </Button>
    </Group>
  );
}
