import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.ts';

/** Toggles between Bahasa Indonesia and English; the button names the other language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'id' : 'en';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      data-testid="lang-switch"
      lang={next}
      aria-label={t('header.switchLanguageLabel')}
      onClick={() => setLanguage(next)}
    >
      {t('header.switchLanguage')}
    </Button>
  );
}
