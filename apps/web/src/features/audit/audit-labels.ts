import { useTranslation } from 'react-i18next';
import { useWorkflowLabels } from '../cases/workflow-labels.ts';

type Resources = Record<string, unknown>;
export type ActionGroup = { group: string; items: { value: string; label: string }[] };

/**
 * The filter's choices: one group per kind of record, each opening with "all of this kind", every
 * choice in words. A case's workflow steps (recorded as case.<step>) sit in the case group under
 * the step's own name.
 */
export function actionGroups(
  actions: Resources,
  steps: Resources,
  kindLabel: (kind: string) => string,
  allOfKind: (kind: string) => string,
): ActionGroup[] {
  return Object.entries(actions).map(([kind, verbs]) => {
    const named = Object.entries(verbs as Record<string, string>).map(([verb, label]) => ({ value: `${kind}.${verb}`, label }));
    const stepped = kind === 'case' ? Object.entries(steps as Record<string, string>).map(([step, label]) => ({ value: `case.${step.toLowerCase()}`, label })) : [];
    const items = [...named, ...stepped].sort((a, b) => a.label.localeCompare(b.label));
    return { group: kindLabel(kind), items: [{ value: `${kind}.`, label: allOfKind(kind) }, ...items] };
  });
}

/** Recorded actions and object kinds in words; a code without a label is shown as it is. */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  const workflow = useWorkflowLabels();
  const say = t as (key: string, options?: Record<string, unknown>) => string;
  const entity = (type: string) => (i18n.exists(`audit.entities.${type}`) ? say(`audit.entities.${type}`) : type);
  const kind = (code: string) => (i18n.exists(`audit.kinds.${code}`) ? say(`audit.kinds.${code}`) : code);
  const action = (code: string) => {
    if (i18n.exists(`audit.actions.${code}`) && typeof say(`audit.actions.${code}`) === 'string') return say(`audit.actions.${code}`);
    // a case's workflow step is recorded as case.<event>: the step's own label
    const step = /^case\.([a-z_]+)$/.exec(code)?.[1]?.toUpperCase();
    const stepLabel = step ? workflow.event(step) : undefined;
    return stepLabel && stepLabel !== step ? stepLabel : code;
  };
  const resource = (key: string) => (i18n.getResource(i18n.language, 'translation', key) ?? {}) as Resources;
  const actionOptions = () =>
    actionGroups(resource('audit.actions'), resource('workflow.event'), kind, (k) => say('audit.filters.allOfKind', { kind: kind(k) }));
  return { entity, action, actionOptions };
}
