import type { Language } from '../i18n/index.ts';

/** How some server texts put both languages into one: "Indonesian / English". */
const SEPARATOR = ' / ';

/**
 * The current language's half of a server text written as "Indonesian / English" (for example a
 * tip's system message). A text without the separator, or whose halves cannot be told apart (an odd
 * number of parts), is returned as it is.
 */
export function pickLanguage(text: string, language: Language): string {
  const parts = text.split(SEPARATOR);
  if (parts.length < 2 || parts.length % 2 !== 0) return text;
  const half = parts.length / 2;
  const chosen = (language === 'en' ? parts.slice(half) : parts.slice(0, half)).join(SEPARATOR).trim();
  return chosen || text;
}
