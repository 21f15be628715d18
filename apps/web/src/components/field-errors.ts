import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';

/**
 * The API's field errors as a form shows them: by the form's own field name (the request path without
 * `prefix`, e.g. "body." -> "title", "body.event." -> "letterNumber"), each with its message in the UI
 * language, for the inputs' `error` prop (Mantine sets aria-invalid with it). The first error of a field wins.
 * A refusal the API gives for one field (a workflow's "Nomor surat wajib diisi") is its localized message.
 */
export function useFieldErrors(): (error: unknown, prefix?: string) => Record<string, string> {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (error, prefix = 'body.') => {
    const problem = error instanceof ApiError ? error.problem : null;
    const errors = (problem?.errors ?? []).filter((e) => e.path.startsWith(prefix) && e.path.length > prefix.length);
    if (!problem || errors.length === 0) return {};
    const validation = problem.code === 'VALIDATION_FAILED';
    const out: Record<string, string> = {};
    for (const e of errors) {
      const key = e.path.slice(prefix.length);
      if (key in out) continue;
      // a field's own text in the UI language; a refusal the API words only as a whole (a workflow step) is its message
      out[key] = english ? (validation ? e.message : problem.message.en) : (e.messageId ?? (validation ? t('errors.fieldCheck') : problem.message.id));
    }
    return out;
  };
}

/**
 * Labels for every field a problem names, keyed as ProblemAlert's `fieldLabels` reads them (the path without
 * "body."), so its summary lists the form's labels ("Periksa isian berikut: Perihal, Uraian singkat") and
 * never a request path. `labelOf` gets the field's name without `prefix`.
 */
export function fieldLabelsFor(error: unknown, labelOf: (field: string) => string, prefix = 'body.'): Record<string, string> {
  const errors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  return Object.fromEntries(errors.map((e) => [e.path.replace(/^body\.?/, ''), labelOf(e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path)]));
}
