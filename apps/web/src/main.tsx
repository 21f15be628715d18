import '@mantine/core/styles.css';
import './i18n/index.ts';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, MantineProvider, Modal, createTheme, type MantineThemeOverride } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { useTranslation } from 'react-i18next';
import { App } from './app.tsx';
import { PageBoundary } from './components/page-boundary.tsx';
import { createQueryClient } from './lib/query-client.ts';
import { setUnauthorizedHandler } from './lib/api.ts';
import { markSessionExpired } from './features/auth/session.tsx';

const baseTheme: MantineThemeOverride = {
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
};

/** The theme in the UI language: every dialog's × button is named ("Tutup" / "Close") for screen readers. */
function ThemeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const theme = useMemo(
    () =>
      createTheme({
        ...baseTheme,
        components: {
          Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
          // a long label wraps onto a second line instead of being cut off on a 360px phone
          Button: Button.extend({
            styles: {
              root: { display: 'inline-flex', alignItems: 'center', height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 4, maxWidth: '100%' },
              inner: { flex: '1 1 auto', minWidth: 0 },
              label: { whiteSpace: 'normal', textAlign: 'center', overflow: 'visible' },
            },
          }),
        },
      }),
    [closeLabel],
  );
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

const queryClient = createQueryClient();
setUnauthorizedHandler(() => markSessionExpired(queryClient));

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          {/* the last resort: a page's own boundary sits inside the layout and keeps the menu */}
          <PageBoundary>
            <App />
          </PageBoundary>
        </BrowserRouter>
      </QueryClientProvider>
    </ThemeProvider>
  </StrictMode>,
);
