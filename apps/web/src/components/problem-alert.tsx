import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';

/** The message to show for an error: the API's localized problem message when there is one. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      const message = error.problem?.message;
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
  'data-testid'?: string;
}

/** An error box with the localized message and, for validation problems, the field errors. */
export function ProblemAlert({ error, title, ...rest }: ProblemAlertProps) {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  if (!error) return null;
  const fieldErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert" {...rest}>
      {messageOf(error)}
      {fieldErrors.length > 0 && (
        <List size="sm" mt="xs">
          {fieldErrors.map((fieldError) => (
            <List.Item key={`${fieldError.path}:${fieldError.message}`}>
              {fieldError.path ? `${fieldError.path}: ` : ''}
              {fieldError.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
