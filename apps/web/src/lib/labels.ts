import { useTranslation } from 'react-i18next';

/**
 * Employment (and reported-actor) types as words: "Non-ASN", "Kepala desa". A code without a
 * translation is shown as it is, so a new type never renders blank.
 */
export function useEmploymentTypeLabel(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => {
    const key = `employmentTypes.${code}`;
    return i18n.exists(key) ? (t as (k: string) => string)(key) : code;
  };
}
