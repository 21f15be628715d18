import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@netra/contracts';
import { ApiError } from '../lib/api.ts';

type FieldError = NonNullable<Problem['errors']>[number];

/** Field errors about the address (route parameters, query string): what the user opened, not what they typed. */
const isAddressField = (fieldError: FieldError) => /^(params|querystring)(\.|$)/.test(fieldError.path);

/** A validation problem about the page address only: a mistyped or truncated link. */
export function isAddressProblem(problem: Problem | null | undefined): boolean {
  const errors = problem?.errors ?? [];
  return problem?.code === 'VALIDATION_FAILED' && errors.length > 0 && errors.every(isAddressField);
}

/**
 * A link that cannot be opened: malformed (400 on its parameters) or unknown, expired or replaced (404, 410).
 * Public pages opened from a link or QR code show a plain "not valid or expired" message for these.
 */
export function isInvalidLink(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 404 || error.status === 410 || (error.status === 400 && (error.problem === null || isAddressProblem(error.problem)));
}

/** "body.nip" -> "nip": the field as the form knows it. */
const fieldKey = (path: string) => path.replace(/^body\.?/, '');

/**
 * The message to show for an error, in the UI language only: the API's problem message (message.id or
 * message.en), never both; a problem about the page address becomes a plain sentence without field paths.
 */
export function useErrorMessage(): (error: unknown, fieldLabels?: Readonly<Record<string, string>>) => string {
  const { t, i18n } = useTranslation();
  return (error, fieldLabels) => {
    if (error instanceof ApiError) {
      const problem = error.problem;
      if (isAddressProblem(problem)) return t('errors.badAddress');
      // a validation problem on fields the form names: those names, not the server's paths
      const errors = problem?.errors ?? [];
      if (problem?.code === 'VALIDATION_FAILED' && fieldLabels && errors.length > 0) {
        const labels = [...new Set(errors.map((e) => fieldLabels[fieldKey(e.path)]))];
        if (labels.every((label): label is string => Boolean(label))) return t('errors.checkFields', { fields: labels.join(', ') });
      }
      // a form that names no labels: the field texts, never the request's paths ("body.link: ...")
      if (problem?.code === 'VALIDATION_FAILED' && !isAddressProblem(problem) && errors.length > 0) {
        const english = i18n.language === 'en';
        const texts = errors.map((e) => (english ? e.message : e.messageId));
        if (texts.every(Boolean)) return t('errors.invalidInput', { details: [...new Set(texts)].join('; ') });
      }
      const message = problem?.message;
      if (message) return i18n.language === 'en' ? message.en : message.id;
      if (error.status === 0) return t('errors.network');
      if (error.status === 404) return t('errors.notFound');
      return t('errors.generic');
    }
    if (error instanceof TypeError) return t('errors.network');
    return t('errors.generic');
  };
}

interface ProblemAlertProps {
  error: unknown;
  title?: string;
  /** Form labels by field name ("nip" or "body.nip"): a validation problem then names these fields. */
  fieldLabels?: Readonly<Record<string, string>>;
  'data-testid'?: string;
}

/**
 * An error box with the localized message. Field errors are listed only where they add to it: fields the
 * user filled in (never the page address), not repeated from the message, and the validator's own texts
 * (VALIDATION_FAILED, written in English) only in the English UI.
 */
export function ProblemAlert({ error, title, fieldLabels, ...rest }: ProblemAlertProps) {
  const { t, i18n } = useTranslation();
  const messageOf = useErrorMessage();
  if (!error) return null;
  const message = messageOf(error, fieldLabels);
  const problem = error instanceof ApiError ? error.problem : null;
  const englishOnly = problem?.code === 'VALIDATION_FAILED';
  const listed = fieldLabels || isAddressProblem(problem) || (englishOnly && i18n.language !== 'en') ? [] : (problem?.errors ?? []);
  const lines = [
    ...new Set(
      listed
        .filter((fieldError) => !isAddressField(fieldError) && !message.includes(fieldError.message))
        .map((fieldError) => (fieldError.path ? `${fieldKey(fieldError.path)}: ${fieldError.message}` : fieldError.message)),
    ),
  ];
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert" {...rest}>
      {message}
      {lines.length > 0 && (
        <List size="sm" mt="xs">
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
