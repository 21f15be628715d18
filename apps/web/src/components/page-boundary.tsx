import { Suspense, type ReactNode } from 'react';
import { Alert, Button, Container, Group, Stack, Text } from '@mantine/core';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from './full-page-loader.tsx';

/**
 * A page's code arrives as its own chunk. When that fails (the server is down, or the app was
 * updated and the old chunk is gone) or the page breaks while rendering, only the page area shows
 * what happened and how to go on; the menu stays, and moving to another page clears the error.
 */
export function PageBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary FallbackComponent={PageFailed} resetKeys={[pathname]} onError={reportPageError}>
      <Suspense fallback={<FullPageLoader />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** Errors from loading a module: Chromium, Firefox and Safari word them differently. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|module script failed|ChunkLoadError|Unable to preload CSS|error loading dynamically/i.test(message);
}

function reportPageError(error: unknown) {
  // the console only: no personal data is sent anywhere, and the message names code, not people
  console.error('page failed', error instanceof Error ? error.message : error);
}

function PageFailed({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  const chunk = isChunkLoadError(error);
  return (
    <Container size="sm" py="xl">
      <Alert
        color={chunk ? 'yellow' : 'red'}
        title={t(chunk ? 'errors.pageLoadTitle' : 'errors.pageCrashTitle')}
        role="alert"
        data-testid="page-error"
      >
        <Stack gap="sm">
          <Text size="sm">{t(chunk ? 'errors.pageLoad' : 'errors.pageCrash')}</Text>
          <Group gap="sm">
            {/* a chunk that failed once stays failed for React.lazy: only a reload fetches it again */}
            <Button size="sm" onClick={() => window.location.reload()} data-testid="page-error-reload">
              {t('errors.reload')}
            </Button>
            {!chunk && (
              <Button size="sm" variant="default" onClick={resetErrorBoundary}>
                {t('common.retry')}
              </Button>
            )}
          </Group>
        </Stack>
      </Alert>
    </Container>
  );
}
