import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** "<page> · Netra" in the browser tab, so tabs and history entries are distinguishable. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useDocumentTitle(title ? `${title} · ${t('app.name')}` : t('app.name'));
}
