import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { useTranslation } from 'react-i18next';
import { DECLARED_RELATIONS, RELATIVE_NAME_MIN_LETTERS, normalizePersonName, visibleLetterCount } from '@netra/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api.ts';
import { useDeclareRelative, useRelatives, useWithdrawRelative, type Relative } from './conflicts-api.ts';

/**
 * Declared family relations of an employee (the matcher's strongest evidence of a conflict of interest),
 * for registry writers and for the employee on their own record: `canWrite` says the reader may be one of
 * them, and the API decides (it answers 404 for anyone else's relatives, and then the panel stays hidden).
 * Each declaration says whether the reader may withdraw it (the employee only those they made themselves).
 */
export function RelativesPanel({ employeeId, canWrite }: { employeeId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const relatives = useRelatives(employeeId, canWrite);
  const declare = useDeclareRelative(employeeId);
  // no relation is chosen for the reader: a declaration names the one they chose
  const [kind, setKind] = useState<Relative['kind'] | ''>('');
  const [kindError, setKindError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [withdrawing, setWithdrawing] = useState<Relative | null>(null);
  const withdraw = useWithdrawRelative(employeeId);
  if (!canWrite || (relatives.error instanceof ApiError && relatives.error.status === 404)) return null;
  return (
    <Paper withBorder p="lg" component="section">
      <Title order={2} size="h4" mb="xs">{t('conflicts.relatives')}</Title>
      <Text size="xs" c="dimmed" mb="sm">{t('conflicts.relativesHelp')}</Text>
      <Stack gap={4} mb="sm">
        {(relatives.data?.items ?? []).map((r) => (
          <Group key={r.id} gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm" data-testid="relative-row">{t(`conflicts.relations.${r.kind}`)}: {r.name}</Text>
            {r.mayWithdraw && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => { withdraw.reset(); setWithdrawing(r); }} aria-label={`${t('conflicts.withdraw')}: ${r.name}`} data-testid="relative-withdraw">
                {t('conflicts.withdraw')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <Group align="flex-end">
        <NativeSelect
          label={t('conflicts.relation')}
          required
          value={kind}
          error={kindError}
          onChange={(e) => { setKind(e.currentTarget.value as Relative['kind']); setKindError(null); }}
          data={[{ value: '', label: t('employee.relationPlaceholder'), disabled: true }, ...DECLARED_RELATIONS.map((k) => ({ value: k, label: t(`conflicts.relations.${k}`) }))]}
          data-testid="relative-kind"
        />
        <TextInput label={t('conflicts.relativeName')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="relative-name" />
        <Button
          onClick={() => {
            if (!kind) return setKindError(t('employee.relationRequired'));
            declare.mutate({ kind, name: normalizePersonName(name) }, { onSuccess: () => { setName(''); setKind(''); } });
          }}
          disabled={visibleLetterCount(name) < RELATIVE_NAME_MIN_LETTERS}
          loading={declare.isPending}
          data-testid="relative-add"
        >
          {t('conflicts.declare')}
        </Button>
      </Group>
      <ProblemAlert error={declare.error ?? relatives.error} />
      {withdrawing && (
        <ConfirmModal
          opened
          title={t('conflicts.withdraw')}
          message={t('conflicts.withdrawConfirm', { relation: t(`conflicts.relations.${withdrawing.kind}`), name: withdrawing.name })}
          confirmLabel={t('conflicts.withdraw')}
          danger
          loading={withdraw.isPending}
          error={withdraw.error}
          onConfirm={() => withdraw.mutate(withdrawing.id, { onSuccess: () => setWithdrawing(null) })}
          onClose={() => setWithdrawing(null)}
        />
      )}
    </Paper>
  );
}
