import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me, Permission } from '@netra/contracts';
import { ApiError, api, setCsrfToken } from '../../lib/api.ts';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';

export const meQueryKey = ['auth', 'me'] as const;

/** Set when a request came back 401 mid-session, so the sign-in page can say why it is shown. */
let sessionExpired = false;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    sessionExpired = false;
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Reloads the session after sign-in; resolves to the user or null. */
export function refreshMe(queryClient: QueryClient): Promise<Me | null> {
  return queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 });
}

/** Forgets everything cached for the previous user. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(meQueryKey, null);
}

export function hasPermission(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only inside <RequireSession>. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() outside <RequireSession>');
  return me;
}

export interface LoginLocationState {
  from?: string;
  /** The session ended while the user was working (a request came back 401). */
  expired?: boolean;
}

/** Called by the API client's 401 handler: the session ended under the user. */
export function markSessionExpired(queryClient: QueryClient): void {
  sessionExpired = true;
  queryClient.setQueryData(meQueryKey, null);
}

/** Renders its children for a signed-in user, otherwise sends the browser to /login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, error, isPending, refetch } = useMe();
  if (isPending) return <FullPageLoader />;
  if (error) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={480}>
          <ProblemAlert error={error} />
          <Button variant="default" onClick={() => void refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!me) {
    const state: LoginLocationState = { from: `${location.pathname}${location.search}`, expired: sessionExpired };
    return <Navigate to="/login" replace state={state} />;
  }
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}
