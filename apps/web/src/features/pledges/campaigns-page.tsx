import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, NativeSelect, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EMPLOYMENT_TYPES, PLEDGE_KINDS, type EmploymentType, type PledgeKind } from '@netra/contracts';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { pickLanguage } from '../../lib/bilingual.ts';
import { localToday } from '../../lib/dates.ts';
import { useFormat } from '../../lib/format.ts';
import { useEmploymentTypeLabel } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { hasPermission, useSession } from '../auth/session.tsx';
import { useAgencies, useUnits } from '../registry/registry-api.ts';
import { useElections } from '../timeline/elections-api.ts';
import { useCampaigns, useCreateCampaign, useCreateTemplate, useTemplates, type PledgeTemplate } from './pledges-api.ts';

/** "Surat pernyataan v1 (standar)": kind, version and whether it is a national standard or the agency's own. */
function useTemplateLabel(): (tpl: PledgeTemplate) => string {
  const { t } = useTranslation();
  return (tpl) => t('pledges.templateOption', { kind: t(`pledges.kinds.${tpl.kind}`), version: tpl.version, origin: tpl.agencyId ? t('pledges.own') : t('pledges.standard') });
}

/** The default text of a new campaign: the newest standard surat pernyataan. */
const defaultTemplate = (items: PledgeTemplate[]) => items.find((x) => x.kind === 'surat_pernyataan' && x.agencyId === null) ?? items[0];

function NewCampaignDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const elections = useElections();
  const create = useCreateCampaign();
  const typeLabel = useEmploymentTypeLabel();
  // the browser's own date (WIB, WITA or WIT), not UTC's: before 07:00 WIB that would still be yesterday
  const today = localToday();
  const [agencyId, setAgencyId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [electionId, setElectionId] = useState('');
  const [types, setTypes] = useState<EmploymentType[]>([...EMPLOYMENT_TYPES]);
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState('');
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState('');
  const agency = agencyId || agencies.data?.items[0]?.id || '';
  const units = useUnits(agency || null);
  const templates = useTemplates(agency || null);
  const templateLabel = useTemplateLabel();
  const templateItems = templates.data?.items ?? [];
  const template = templateItems.find((x) => x.id === templateId) ?? defaultTemplate(templateItems);
  const election = electionId || elections.data?.items[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        agencyId: agency, electionId: election, employmentTypes: types, opensOn, closesOn,
        ...(template ? { templateId: template.id } : {}), ...(unitId ? { unitId } : {}), ...(title.trim() ? { title: title.trim() } : {}),
      },
      { onSuccess: (r) => void navigate(`/pledges/${r.id}`) },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('pledges.newTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <NativeSelect label={t('pledges.agency')} value={agency} onChange={(e) => { setAgencyId(e.currentTarget.value); setUnitId(''); setTemplateId(''); }} data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} data-testid="campaign-agency" />
          <NativeSelect label={t('pledges.unit')} value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}
            data={[{ value: '', label: t('pledges.wholeAgency') }, ...(units.data ?? []).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }))]} data-testid="campaign-unit" />
          <NativeSelect label={t('pledges.template')} description={template?.title} value={template?.id ?? ''} onChange={(e) => setTemplateId(e.currentTarget.value)}
            data={templateItems.map((x) => ({ value: x.id, label: templateLabel(x) }))} disabled={!templateItems.length} data-testid="campaign-template" />
          <ProblemAlert error={templates.error} />
          <NativeSelect label={t('pledges.election')} value={election} onChange={(e) => setElectionId(e.currentTarget.value)} data={(elections.data?.items ?? []).map((x) => ({ value: x.id, label: format.localized(x.name) }))} data-testid="campaign-election" />
          <Checkbox.Group label={t('pledges.typesField')} value={types} onChange={(v) => setTypes(EMPLOYMENT_TYPES.filter((ty) => v.includes(ty)))} data-testid="campaign-types">
            <Group mt={6}>
              {EMPLOYMENT_TYPES.map((ty) => (
                <Checkbox key={ty} value={ty} label={typeLabel(ty)} data-testid={`campaign-type-${ty}`} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput type="date" label={t('pledges.opensOn')} value={opensOn} onChange={(e) => setOpensOn(e.currentTarget.value)} data-testid="campaign-opens" />
            <TextInput type="date" label={t('pledges.closesOn')} value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} data-testid="campaign-closes" />
          </SimpleGrid>
          <TextInput label={t('pledges.titleField')} placeholder={t('pledges.titlePlaceholder')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="campaign-title" />
          <ProblemAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('cases.cancel')}</Button>
            <Button type="submit" loading={create.isPending} disabled={!agency || !election || !closesOn || !types.length} data-testid="campaign-submit">{t('pledges.open')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The pledge texts an agency can use: national standards and its own versions, and a form for a new version. */
function TemplatesSection() {
  const { t, i18n } = useTranslation();
  // a standard text's source is kept in both languages ("Indonesian / English"): the page shows its own
  const language = i18n.language === 'en' ? 'en' : 'id';
  const agencies = useAgencies();
  const [agencyId, setAgencyId] = useState('');
  const agency = agencyId || agencies.data?.items[0]?.id || '';
  const templates = useTemplates(agency || null);
  const create = useCreateTemplate();
  const templateLabel = useTemplateLabel();
  const [viewing, setViewing] = useState<PledgeTemplate | null>(null);
  const [kind, setKind] = useState<PledgeKind>('surat_pernyataan');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const items = templates.data?.items ?? [];
  const save = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ agencyId: agency, kind, title: title.trim(), body: body.trim() }, {
      onSuccess: () => {
        setTitle('');
        setBody('');
      },
    });
  };
  const saved = create.data && create.variables;
  return (
    <Paper withBorder p="md" data-testid="templates">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Stack gap={2}>
          <Title order={2} size="h4">{t('pledges.templates')}</Title>
          <Text size="sm" c="dimmed">{t('pledges.templatesIntro')}</Text>
        </Stack>
        {(agencies.data?.items.length ?? 0) > 1 && (
          <NativeSelect aria-label={t('pledges.agency')} value={agency} onChange={(e) => { setAgencyId(e.currentTarget.value); create.reset(); }}
            data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} data-testid="templates-agency" />
        )}
      </Group>
      <ProblemAlert error={templates.error ?? agencies.error} />
      {templates.data && items.length === 0 && <Text size="sm">{t('pledges.noTemplates')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" data-testid="templates-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pledges.kind')}</Table.Th>
                <Table.Th>{t('pledges.version')}</Table.Th>
                <Table.Th>{t('pledges.titleField')}</Table.Th>
                <Table.Th>{t('pledges.origin')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('pledges.hash')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((x) => (
                <Table.Tr key={x.id} data-testid="template-row" data-kind={x.kind} data-version={x.version} data-own={x.agencyId ? 'true' : 'false'}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`pledges.kinds.${x.kind}`)}</Table.Td>
                  <Table.Td data-testid="template-version">v{x.version}</Table.Td>
                  <Table.Td miw={240}>
                    <Text size="sm">{x.title}</Text>
                    {x.source && <Text size="xs" c="dimmed" data-testid="template-source">{pickLanguage(x.source, language)}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={x.agencyId ? 'blue' : 'gray'} style={{ minWidth: 'max-content' }}>{x.agencyId ? t('pledges.own') : t('pledges.standard')}</Badge>
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs" title={x.contentHash}>{x.contentHash.slice(0, 12)}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="subtle" onClick={() => setViewing(x)} data-testid="template-show">{t('pledges.showText')}</Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={save}>
        <Stack gap="xs" mt="md">
          <Title order={3} size="h6">{t('pledges.newVersion')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('pledges.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as PledgeKind)}
              data={PLEDGE_KINDS.map((k) => ({ value: k, label: t(`pledges.kinds.${k}`) }))} data-testid="template-kind" />
            <TextInput label={t('pledges.templateTitle')} required minLength={3} maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="template-title" />
          </SimpleGrid>
          <Textarea label={t('pledges.templateBody')} required autosize minRows={5} maxRows={16} minLength={20} maxLength={20_000} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="template-body" />
          <ProblemAlert error={create.error} />
          {saved && (
            <Alert color="green" variant="light" data-testid="template-saved">
              {t('pledges.templateSaved', { kind: t(`pledges.kinds.${saved.kind}`), version: create.data.version, hash: create.data.contentHash.slice(0, 12) })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!agency || title.trim().length < 3 || body.trim().length < 20} data-testid="template-save">{t('pledges.saveTemplate')}</Button>
          </Group>
        </Stack>
      </form>
      {viewing && (
        <Modal opened onClose={() => setViewing(null)} title={`${templateLabel(viewing)} · ${viewing.title}`} size="lg">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="template-view-body">{viewing.body}</Text>
          <Text size="xs" c="dimmed" mt="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>SHA-256 {viewing.contentHash}</Text>
        </Modal>
      )}
    </Paper>
  );
}

/** Pledge campaigns in the user's scope, with their coverage. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const me = useSession();
  const campaigns = useCampaigns();
  const typeLabel = useEmploymentTypeLabel();
  const [creating, setCreating] = useState(false);
  const manage = hasPermission(me, 'agencies.manage');
  usePageTitle(t('pledges.title'));
  if (campaigns.isPending) return <FullPageLoader />;
  const items = campaigns.data?.items ?? [];
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={1} size="h2">{t('pledges.title')}</Title>
          <Text size="sm" c="dimmed">{t('pledges.intro')}</Text>
        </Stack>
        {manage && <Button onClick={() => setCreating(true)} data-testid="campaign-new">{t('pledges.new')}</Button>}
      </Group>
      <ProblemAlert error={campaigns.error} />
      {campaigns.data && items.length === 0 && <Paper withBorder p="lg"><Text data-testid="campaigns-empty">{t('pledges.empty')}</Text></Paper>}
      {items.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing="sm" aria-label={t('pledges.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pledges.titleField')}</Table.Th>
                  <Table.Th>{t('pledges.agency')}</Table.Th>
                  <Table.Th>{t('pledges.period')}</Table.Th>
                  <Table.Th>{t('pledges.coverage')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/pledges/${c.id}`)} data-testid="campaign-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/pledges/${c.id}`} onClick={(e) => e.stopPropagation()} size="sm" fw={500} c="inherit" display="block">{c.title}</Anchor>
                      <Text size="xs" c="dimmed">{c.unitName ?? t('pledges.wholeAgency')} · {c.employmentTypes.map(typeLabel).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>{c.agencyName}</Table.Td>
                    <Table.Td>
                      <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>{format.date(c.opensOn)} – {format.date(c.closesOn)}</Text>{' '}
                      {c.open ? <Badge color="green" variant="light" style={{ minWidth: 'max-content' }}>{t('pledges.openNow')}</Badge> : null}
                    </Table.Td>
                    <Table.Td miw={180}>
                      <Text size="xs">{t('pledges.signedOf', { signed: format.number(c.signed), required: format.number(c.required), percent: format.number(c.percent) })}</Text>
                      <Progress value={c.percent} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {manage && <TemplatesSection />}
      {creating && <NewCampaignDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}
