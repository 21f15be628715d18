import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Code, Container, CopyButton, Group, Input, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Region } from '@netra/contracts';
import { api } from '../../lib/api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { regionsOf, sendEvidence, type Credentials } from './public-api.ts';

type Level = Region['level'];
const LEVELS: Level[] = ['province', 'regency', 'district', 'village'];

/** Province -> kab/kota -> kecamatan -> kelurahan, one select per level, loaded as chosen. */
function RegionCascade({ onChange }: { onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [options, setOptions] = useState<Region[][]>([]);
  useEffect(() => {
    void regionsOf('province').then((p) => setOptions([p]));
  }, []);
  const pick = (level: number, code: string) => {
    const next = [...chosen.slice(0, level), code].filter(Boolean);
    setChosen(next);
    onChange(next.at(-1) ?? '');
    setOptions((o) => o.slice(0, level + 1));
    if (code && level < 3) void regionsOf(LEVELS[level + 1]!, code).then((r) => setOptions((o) => [...o.slice(0, level + 1), r]));
  };
  const labels = [t('publicReport.province'), t('publicReport.regency'), t('publicReport.district'), t('publicReport.village')];
  const ids = ['tip-province', 'tip-regency', 'tip-district', 'tip-village'];
  return (
    <>
      {options.map((opts, level) => (
        <NativeSelect key={level} label={labels[level]} value={chosen[level] ?? ''} required={level < 2}
          data={[{ value: '', label: '—' }, ...opts.map((r) => ({ value: r.code, label: r.name }))]}
          onChange={(e) => pick(level, e.currentTarget.value)} data-testid={ids[level]} />
      ))}
    </>
  );
}

export function ReportPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ what: '', regionCode: '', where: '', occurredOn: '', who: '', links: '' });
  const [file, setFile] = useState<File | null>(null);
  const [fileResult, setFileResult] = useState<'sent' | 'failed' | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const submit = useMutation({
    mutationFn: async () => {
      const receipt = await api.post<Credentials>('/public/tips', {
        what: form.what, regionCode: form.regionCode, where: form.where || undefined, occurredOn: form.occurredOn || undefined, who: form.who || undefined,
        links: form.links.split('\n').map((l) => l.trim()).filter(Boolean),
      });
      if (file) await sendEvidence(receipt, file).then(() => setFileResult('sent'), () => setFileResult('failed'));
      return receipt;
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  if (submit.data) {
    const r = submit.data;
    return (
      <Container size="xs" py="lg">
        <Stack>
          <Title order={1} size="h3">{t('publicReport.receiptTitle')}</Title>
          <Alert color="orange">{t('publicReport.receiptWarning')}</Alert>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Text size="sm">{t('publicReport.receiptCode')}</Text>
              <Group><Code fz="lg" data-testid="tip-receipt-code">{r.receiptCode}</Code><CopyButton value={r.receiptCode}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? t('publicReport.copied') : t('publicReport.copy')}</Button>}</CopyButton></Group>
              <Text size="sm">{t('publicReport.secret')}</Text>
              <Group><Code fz="lg" data-testid="tip-secret">{r.secret}</Code><CopyButton value={r.secret}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? t('publicReport.copied') : t('publicReport.copy')}</Button>}</CopyButton></Group>
            </Stack>
          </Paper>
          {fileResult && <Alert color={fileResult === 'sent' ? 'green' : 'red'} data-testid="tip-file-result">{fileResult === 'sent' ? t('publicReport.fileSent') : t('publicReport.fileFailed')}</Alert>}
          <Anchor component={Link} to="/lapor/pantau">{t('publicReport.follow')}</Anchor>
        </Stack>
      </Container>
    );
  }
  return (
    <Container size="xs" py="lg">
      <form onSubmit={onSubmit}>
        <Stack>
          <Title order={1} size="h3">{t('publicReport.title')}</Title>
          <Alert color="blue">{t('publicReport.safety')}</Alert>
          <Textarea label={t('publicReport.what')} description={t('publicReport.whatHelp')} required minLength={10} autosize minRows={4} value={form.what} onChange={(e) => setForm({ ...form, what: e.currentTarget.value })} data-testid="tip-what" />
          <RegionCascade onChange={(regionCode) => setForm((f) => ({ ...f, regionCode }))} />
          <TextInput label={t('publicReport.where')} value={form.where} onChange={(e) => setForm({ ...form, where: e.currentTarget.value })} data-testid="tip-where" />
          <TextInput type="date" max={today} label={t('publicReport.date')} value={form.occurredOn} onChange={(e) => setForm({ ...form, occurredOn: e.currentTarget.value })} data-testid="tip-date" />
          <TextInput label={t('publicReport.who')} description={t('publicReport.whoHelp')} value={form.who} onChange={(e) => setForm({ ...form, who: e.currentTarget.value })} data-testid="tip-who" />
          <Textarea label={t('publicReport.links')} autosize minRows={2} value={form.links} onChange={(e) => setForm({ ...form, links: e.currentTarget.value })} data-testid="tip-links" />
          <Input.Wrapper label={t('publicReport.file')}>
            <input type="file" accept="image/jpeg,image/png,image/webp,application/pdf,video/mp4,audio/*" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} data-testid="tip-file" style={{ display: 'block', marginTop: 4 }} />
          </Input.Wrapper>
          <ProblemAlert error={submit.error} data-testid="tip-error" />
          <Button type="submit" loading={submit.isPending} disabled={!form.regionCode} data-testid="tip-submit">{t('publicReport.submit')}</Button>
        </Stack>
      </form>
    </Container>
  );
}
