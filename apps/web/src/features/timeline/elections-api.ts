import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ElectionSummary as ElectionSummarySchema, ElectionTimeline } from '@netra/contracts';
import { api } from '../../lib/api.ts';
import { useSession } from '../auth/session.tsx';
import { useAgency } from '../registry/registry-api.ts';

export type ElectionSummary = z.infer<typeof ElectionSummarySchema>;
export type TimelineStage = ElectionTimeline['stages'][number];

/** Region shown when the user's grants name none (Kota Bekasi, the demo region). */
export const FALLBACK_REGION = '32.75';

/** The elections the legal engine knows (static data: fetched once per session). */
export function useElections() {
  return useQuery({
    queryKey: ['elections'],
    queryFn: ({ signal }) => api.get<{ items: ElectionSummary[] }>('/elections', undefined, signal),
    staleTime: Infinity,
  });
}

export function useTimeline(electionId: string | null, regionCode: string | null) {
  return useQuery({
    queryKey: ['elections', electionId, 'timeline', regionCode],
    queryFn: ({ signal }) =>
      api.get<ElectionTimeline>(`/elections/${electionId}/timeline`, { region: regionCode }, signal),
    enabled: Boolean(electionId && regionCode),
  });
}

/**
 * The user's own region: that of the first grant with a region, else of the first granted
 * agency, else FALLBACK_REGION. `ready` turns true once the answer will not change.
 */
export function useHomeRegion(): { regionCode: string; ready: boolean } {
  const me = useSession();
  const granted = me.grants.find((grant) => grant.regionCode)?.regionCode;
  const agencyId = granted ? null : me.grants.find((grant) => grant.agencyId)?.agencyId;
  const agency = useAgency(agencyId);
  if (granted) return { regionCode: granted, ready: true };
  if (agencyId && agency.isPending) return { regionCode: FALLBACK_REGION, ready: false };
  return { regionCode: agency.data?.regionCode ?? FALLBACK_REGION, ready: true };
}
