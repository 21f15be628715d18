import { useTranslation } from 'react-i18next';

type Group = 'status' | 'event' | 'field' | 'option' | 'doc' | 'flag';

/**
 * Labels for workflow codes that arrive from the server as strings (status, event, field...): the
 * translation when one exists, else the code itself, so a new code never renders blank.
 */
export function useWorkflowLabels() {
  const { t, i18n } = useTranslation();
  const label = (group: Group, code: string) => {
    const key = `workflow.${group}.${code}`;
    return i18n.exists(key) ? (t as (k: string) => string)(key) : code;
  };
  return {
    status: (code: string) => label('status', code),
    event: (code: string) => label('event', code),
    field: (code: string) => label('field', code),
    option: (code: string) => label('option', code),
    doc: (code: string) => label('doc', code),
    flag: (code: string) => label('flag', code),
  };
}
