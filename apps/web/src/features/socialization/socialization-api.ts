import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BriefedCoverage,
  BriefingInput,
  CheckinResult as CheckinResultSchema,
  PublicCheckinEvent as PublicCheckinEventSchema,
  ReminderActivity,
  ReminderActivityInput,
  SocializationAttendee,
  SocializationBriefing,
  SocializationEvent,
  SocializationEventInput,
  SocializationEventSummary,
  SocializationEventUpdate,
  SocializationScope,
} from '@netra/contracts';
import { api, publicApi } from '../../lib/api.ts';
import { orderUnitsAsTree, useUnits } from '../registry/registry-api.ts';

export type PublicCheckinEvent = z.infer<typeof PublicCheckinEventSchema>;
export type CheckinResult = z.infer<typeof CheckinResultSchema>;
export type { BriefedCoverage, ReminderActivity, SocializationAttendee, SocializationBriefing, SocializationEvent, SocializationEventSummary };

const EVENTS = ['socialization', 'events'] as const;

export function useEvents() {
  return useQuery({ queryKey: EVENTS, queryFn: ({ signal }) => api.get<{ items: SocializationEventSummary[] }>('/socialization/events', undefined, signal) });
}

export function useCreateEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SocializationEventInput) => api.post<{ id: string; checkinToken: string }>('/socialization/events', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: EVENTS }),
  });
}

export function useEvent(id: string) {
  return useQuery({ queryKey: [...EVENTS, id], queryFn: ({ signal }) => api.get<SocializationEvent>(`/socialization/events/${id}`, undefined, signal) });
}

export function useAttendance(id: string) {
  return useQuery({ queryKey: [...EVENTS, id, 'attendance'], queryFn: ({ signal }) => api.get<{ items: SocializationAttendee[] }>(`/socialization/events/${id}/attendance`, undefined, signal) });
}

export function useBriefings(id: string) {
  return useQuery({ queryKey: [...EVENTS, id, 'briefings'], queryFn: ({ signal }) => api.get<{ items: SocializationBriefing[] }>(`/socialization/events/${id}/briefings`, undefined, signal) });
}

/** A write on one event: afterwards the event, its attendance and briefings (and coverage) are reloaded. */
function useEventMutation<I, O>(id: string, fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: [...EVENTS, id] }), qc.invalidateQueries({ queryKey: ['socialization', 'coverage'] })]),
  });
}

export const useRotateToken = (id: string) => useEventMutation(id, () => api.post<{ checkinToken: string }>(`/socialization/events/${id}/checkin-token`));
export const useImportAttendance = (id: string) =>
  useEventMutation(id, (nips: string[]) => api.post<{ recorded: number; alreadyPresent: number }>(`/socialization/events/${id}/attendance`, { nips, method: 'list' }));
export const useRecordBriefing = (id: string) =>
  useEventMutation(id, (input: BriefingInput) => api.post<{ id: string; briefed: number; attendanceCount: number }>(`/socialization/events/${id}/briefings`, input));
export const useUpdateEvent = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SocializationEventUpdate) => api.patch<SocializationEvent>(`/socialization/events/${id}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: EVENTS }),
  });
};
/** Withdraws an attendance entry or a briefing of the event, with a reason. */
export const useVoidEventEntry = (id: string, kind: 'attendance' | 'briefings') =>
  useEventMutation(id, (input: { entryId: string; reason: string }) => api.post<unknown>(`/socialization/events/${id}/${kind}/${input.entryId}/void`, { reason: input.reason }));

/**
 * The units the user may record for in an agency (briefings, reminder activities, event audiences), in
 * tree order, and whether they may record for the whole agency: the API decides from their grants.
 */
export function useWritableUnits(agencyId: string | null | undefined) {
  const units = useUnits(agencyId);
  const scope = useQuery({
    queryKey: ['socialization', 'scope', agencyId],
    queryFn: ({ signal }) => api.get<SocializationScope>('/socialization/scope', { agencyId }, signal),
    enabled: Boolean(agencyId),
    staleTime: 5 * 60_000,
  });
  const allowed = new Set(scope.data?.unitIds ?? []);
  return {
    units: scope.data && units.data ? orderUnitsAsTree(units.data.filter((u) => allowed.has(u.id))) : [],
    agencyWide: scope.data?.agencyWide ?? false,
    ready: Boolean(scope.data && units.data),
    error: scope.error ?? units.error,
  };
}

export function useBriefedCoverage(agencyId: string, electionId: string, unitId: string | null) {
  return useQuery({
    queryKey: ['socialization', 'coverage', agencyId, electionId, unitId],
    queryFn: ({ signal }) => api.get<BriefedCoverage>('/socialization/coverage', { agencyId, electionId, unitId }, signal),
    enabled: Boolean(agencyId),
    placeholderData: keepPreviousData,
  });
}

export function useReminders(agencyId: string) {
  return useQuery({
    queryKey: ['socialization', 'reminders', agencyId],
    queryFn: ({ signal }) => api.get<{ items: ReminderActivity[] }>('/socialization/reminders', { agencyId }, signal),
    enabled: Boolean(agencyId),
  });
}

export function useLogReminder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReminderActivityInput) => api.post<ReminderActivity>('/socialization/reminders', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['socialization', 'reminders'] }),
  });
}

export function useVoidReminder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { entryId: string; reason: string }) => api.post<ReminderActivity>(`/socialization/reminders/${input.entryId}/void`, { reason: input.reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['socialization', 'reminders'] }),
  });
}

/** "one NIP per line, or separated by commas" -> the NIPs. */
export const splitNips = (text: string) => text.split(/[\n,;]+/).map((n) => n.trim()).filter(Boolean);

export const checkinUrl = (token: string) => `${window.location.origin}/hadir/${encodeURIComponent(token)}`;

/* Public side: no cookie, no CSRF token (publicApi). */

export function usePublicCheckinEvent(token: string) {
  return useQuery({ queryKey: ['public', 'checkin', token], queryFn: ({ signal }) => publicApi.get<PublicCheckinEvent>('/public/socialization/checkin', { token }, signal), retry: false });
}

export const checkIn = (input: { token: string; nip: string }) => publicApi.post<CheckinResult>('/public/socialization/checkin', input);
