import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AttendanceImportInput, AttendanceImportResult, BriefedCoverage, BriefedCoverageQuery, BriefingCreated, BriefingInput, CheckinInput, CheckinResult, Problem, PublicCheckinEvent,
  PublicCheckinQuery, ReminderActivity, ReminderActivityInput, ReminderActivityQuery, SocializationAttendee, SocializationBriefing, SocializationEvent, SocializationEventCreated,
  SocializationEventInput, SocializationEventSummary, SocializationEventUpdate, SocializationScope, SocializationScopeQuery, VoidInput, VoidResult,
} from '@netra/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { perKeyLimit } from '../../platform/rate-limit.ts';
import { normaliseNip } from './domain/socialization-rules.ts';
import {
  briefedCoverage, checkIn, createEvent, getEvent, importAttendance, listAttendance, listBriefings, listEvents, listReminders, logReminder, publicCheckinEvent, recordBriefing, rotateCheckinToken,
  socializationScope, updateEvent, voidAttendance, voidBriefing, voidReminder,
} from './socialization.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem };
const Id = z.object({ id: z.uuid() });
const EntryId = z.object({ id: z.uuid(), entryId: z.uuid() });
const tags = ['socialization'];

export const socializationRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  // A hall full of staff checks in from one address: the tight limit is per NIP, the per-address one
  // is the office-sized ceiling used for pledge signing (NETRA_SIGNING_IP_LIMIT).
  const checkinLimit = perKeyLimit(app, {
    perKeyMax: 10, addressMax: deps.config.signingIpLimit, key: (body) => `checkin-nip:${normaliseNip((body as { nip: string }).nip).toUpperCase()}`,
    message: { id: 'Terlalu banyak percobaan presensi untuk NIP ini; coba lagi sebentar lagi.', en: 'Too many check-in attempts for this NIP; try again shortly.' },
  });

  app.post('/socialization/events', {
    schema: { tags, summary: 'Create a socialization event (date, place, organiser, audience units, materials); returns its check-in token', body: SocializationEventInput, response: { 201: SocializationEventCreated, ...errors } },
  }, async (req, reply) => reply.status(201).send(await createEvent(deps, requirePrincipal(req, 'registry.write'), req.body)));

  app.get('/socialization/events', {
    schema: { tags, summary: 'Events of the agencies the caller can read', querystring: z.object({ agencyId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(SocializationEventSummary) }), ...errors } },
  }, async (req) => ({ items: await listEvents(deps, requirePrincipal(req, 'registry.read'), req.query) }));

  app.get('/socialization/events/:id', {
    schema: { tags, summary: 'One event; the check-in token and allowedActions only for those who manage it', params: Id, response: { 200: SocializationEvent, ...errors } },
  }, async (req) => getEvent(deps, requirePrincipal(req, 'registry.read'), req.params.id));

  app.patch('/socialization/events/:id', {
    schema: { tags, summary: 'Correct an event\'s title, place, organiser, materials or date (its managers; a new date may not come after attendance or briefings recorded)', params: Id, body: SocializationEventUpdate, response: { 200: SocializationEvent, ...errors } },
  }, async (req) => updateEvent(deps, requirePrincipal(req, 'registry.write'), req.params.id, req.body));

  app.post('/socialization/events/:id/checkin-token', {
    schema: { tags, summary: 'Replace the check-in token (the old link and QR code stop working)', params: Id, response: { 200: z.object({ checkinToken: z.string() }), ...errors } },
  }, async (req) => rotateCheckinToken(deps, requirePrincipal(req, 'registry.write'), req.params.id));

  app.get('/socialization/events/:id/attendance', {
    schema: { tags, summary: 'Attendees in the caller\'s scope, with the briefings each has confirmed', params: Id, response: { 200: z.object({ items: z.array(SocializationAttendee) }), ...errors } },
  }, async (req) => ({ items: await listAttendance(deps, requirePrincipal(req, 'registry.read'), req.params.id) }));

  app.post('/socialization/events/:id/attendance', {
    schema: { tags, summary: 'Record an attendance list by NIPs (all or nothing; unknown NIPs are listed)', params: Id, body: AttendanceImportInput, response: { 200: AttendanceImportResult, ...errors } },
  }, async (req) => importAttendance(deps, requirePrincipal(req, 'registry.write'), req.params.id, req.body));

  app.post('/socialization/events/:id/attendance/:entryId/void', {
    schema: { tags, summary: 'Withdraw a wrongly recorded attendance entry, with a reason (kept as withdrawn; stops counting)', params: EntryId, body: VoidInput, response: { 200: VoidResult, ...errors } },
  }, async (req) => voidAttendance(deps, requirePrincipal(req, 'registry.write'), req.params.id, req.params.entryId, req.body));

  app.get('/socialization/events/:id/briefings', {
    schema: { tags, summary: 'Briefings confirmed in the cascade of this event', params: Id, response: { 200: z.object({ items: z.array(SocializationBriefing) }), ...errors } },
  }, async (req) => ({ items: await listBriefings(deps, requirePrincipal(req, 'registry.read'), req.params.id) }));

  app.post('/socialization/events/:id/briefings', {
    schema: { tags, summary: 'An attendee (or someone briefed in the cascade) confirms briefing the staff of a unit', params: Id, body: BriefingInput, response: { 201: BriefingCreated, ...errors } },
  }, async (req, reply) => reply.status(201).send(await recordBriefing(deps, requirePrincipal(req, 'registry.write'), req.params.id, req.body)));

  app.post('/socialization/events/:id/briefings/:entryId/void', {
    schema: { tags, summary: 'Withdraw a wrongly recorded briefing, with a reason (kept as withdrawn; stops counting)', params: EntryId, body: VoidInput, response: { 200: VoidResult, ...errors } },
  }, async (req) => voidBriefing(deps, requirePrincipal(req, 'registry.write'), req.params.id, req.params.entryId, req.body));

  app.get('/socialization/scope', {
    schema: { tags, summary: 'Where the caller may record in an agency: the units in their write scope, and whether agency-wide', querystring: SocializationScopeQuery, response: { 200: SocializationScope, ...errors } },
  }, async (req) => socializationScope(deps, requirePrincipal(req, 'registry.read'), req.query.agencyId));

  app.get('/socialization/coverage', {
    schema: { tags, summary: '"Briefed" coverage of an agency\'s active staff (attended or briefed in a cascade), drill down by unit', querystring: BriefedCoverageQuery, response: { 200: BriefedCoverage, ...errors } },
  }, async (req) => briefedCoverage(deps, requirePrincipal(req, 'registry.read'), req.query));

  app.get('/socialization/reminders', {
    schema: { tags, summary: 'Reminder activities (banners, official posts, notifications) of an agency', querystring: ReminderActivityQuery, response: { 200: z.object({ items: z.array(ReminderActivity) }), ...errors } },
  }, async (req) => ({ items: await listReminders(deps, requirePrincipal(req, 'registry.read'), req.query) }));

  app.post('/socialization/reminders', {
    schema: { tags, summary: 'Log a reminder activity for a unit (or agency-wide)', body: ReminderActivityInput, response: { 201: ReminderActivity, ...errors } },
  }, async (req, reply) => reply.status(201).send(await logReminder(deps, requirePrincipal(req, 'registry.write'), req.body)));

  app.post('/socialization/reminders/:id/void', {
    schema: { tags, summary: 'Withdraw a wrongly logged reminder activity, with a reason (kept as withdrawn)', params: Id, body: VoidInput, response: { 200: ReminderActivity, ...errors } },
  }, async (req) => voidReminder(deps, requirePrincipal(req, 'registry.write'), req.params.id, req.body));

  // Public QR check-in (no session)
  app.get('/public/socialization/checkin', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags, summary: 'The check-in page: the event behind a token and whether check-in is open', querystring: PublicCheckinQuery, response: { 200: PublicCheckinEvent, ...errors } },
  }, async (req) => publicCheckinEvent(deps, req.query.token));

  app.post('/public/socialization/checkin', {
    ...checkinLimit,
    schema: { tags, summary: 'Check in to an event with its token and one\'s NIP (open on the event date only)', body: CheckinInput, response: { 200: CheckinResult, ...errors } },
  }, async (req) => checkIn(deps, req.body));
};
