import { z } from 'zod';
import { IsoDate, LIMITS, LocalizedText, Pagination, PlainText, pageOf } from './common.ts';
import { EMPLOYMENT_TYPES, EmploymentType } from './registry.ts';

/** Neutrality pledges (surat pernyataan netralitas): campaigns, signing, verification, follow-up. */

/** The three forms the seeds and domain.md §2.1/§2.6 name: a signed statement, an integrity pact, a recited pledge. */
export const PLEDGE_KINDS = ['surat_pernyataan', 'pakta_integritas', 'ikrar'] as const;
export const PledgeKind = z.enum(PLEDGE_KINDS);
export type PledgeKind = z.infer<typeof PledgeKind>;

/** A versioned pledge text: national standard texts (agencyId null) and an agency's own versions. */
export const PledgeTemplate = z.object({
  id: z.uuid(),
  kind: PledgeKind,
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  contentHash: z.string(),
  agencyId: z.uuid().nullable(),
  /** Where a standard text comes from; null for an agency's own text. */
  source: z.string().nullable(),
  createdAt: z.string(),
});
export type PledgeTemplate = z.infer<typeof PledgeTemplate>;
export const PledgeTemplateQuery = z.object({ agencyId: z.uuid().describe('The standard texts and this agency\'s own versions') });
export const PledgeTemplateInput = z.object({
  agencyId: z.uuid(),
  kind: PledgeKind,
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(20).max(20_000),
});
export type PledgeTemplateInput = z.infer<typeof PledgeTemplateInput>;
export const PledgeTemplateCreated = z.object({ id: z.uuid(), version: z.number().int(), contentHash: z.string() });

export const PledgeCampaignInput = z.object({
  agencyId: z.uuid(),
  /** A standard text or one of the agency's own; default: the standard surat pernyataan. */
  templateId: z.uuid().optional(),
  electionId: z.string().min(1).max(64),
  unitId: z.uuid().optional(),
  employmentTypes: z.array(EmploymentType).min(1).default([...EMPLOYMENT_TYPES]),
  opensOn: IsoDate,
  closesOn: IsoDate,
  title: z.string().trim().min(3).max(200).optional(),
});
export type PledgeCampaignInput = z.infer<typeof PledgeCampaignInput>;
/**
 * What may change once a campaign is open: its title and its closing day (to extend it, or close it
 * early). Its text, election, units and types stay: the pledges already signed were given against them.
 */
export const PledgeCampaignChange = z.object({ title: PlainText(3, 200).optional(), closesOn: IsoDate.optional() })
  .refine((v) => v.title !== undefined || v.closesOn !== undefined, { message: 'give a title or a closing date' });
export type PledgeCampaignChange = z.infer<typeof PledgeCampaignChange>;
export const PledgeCampaignPeriod = z.object({ id: z.uuid(), title: z.string(), opensOn: z.string(), closesOn: z.string() });
export const PledgeCampaignCreated = z.object({ id: z.uuid(), templateId: z.uuid() });

/** Required = covered employees; signed = with a standing (not revoked) pledge. */
export const PledgeCounts = z.object({ required: z.number().int(), signed: z.number().int(), missing: z.number().int(), percent: z.number() });
export type PledgeCounts = z.infer<typeof PledgeCounts>;

export const PledgeCoverageQuery = z.object({ unitId: z.uuid().optional().describe('Drill down: break down by the direct children of this unit') });
export const PledgeCoverage = z.object({
  campaign: z.object({ id: z.uuid(), title: z.string(), opensOn: z.string(), closesOn: z.string() }),
  /** The unit broken down: `?unitId=`, else the campaign's unit; null for the whole agency. */
  unit: z.object({ id: z.uuid(), name: z.string(), path: z.string() }).nullable(),
  total: PledgeCounts,
  /** Per unit path and employment type (the first, flat breakdown). */
  rows: z.array(PledgeCounts.extend({ unit: z.string().nullable(), type: z.string() })),
  /** Per direct child unit of the root; `direct` is the root's own staff (or staff without a unit). */
  byUnit: z.array(PledgeCounts.extend({ unitId: z.uuid().nullable(), name: z.string().nullable(), path: z.string().nullable(), direct: z.boolean(), hasChildren: z.boolean() })),
  byRegion: z.array(PledgeCounts.extend({ regionCode: z.string(), regionName: z.string().nullable() })),
  byEmploymentType: z.array(PledgeCounts.extend({ type: EmploymentType })),
});
export type PledgeCoverage = z.infer<typeof PledgeCoverage>;

/** Standing signatures per local signing day (revoked ones left out), with the running total. */
export const PledgeTimeline = z.object({
  required: z.number().int(),
  days: z.array(z.object({ date: z.string(), signed: z.number().int(), cumulative: z.number().int() })),
});
export type PledgeTimeline = z.infer<typeof PledgeTimeline>;

/** Signing through one's own employee account (no one-time code needed: the session is the identity). */
export const PledgeAccountSignInput = z.object({ emeteraiSerial: z.string().trim().regex(/^[A-Za-z0-9]{22}$/, '22 characters').optional() });

export const PledgeMissingQuery = Pagination.extend({
  unitId: z.uuid().optional(),
  q: z.string().trim().min(1).max(LIMITS.searchMax).optional(),
});
export type PledgeMissingQuery = z.infer<typeof PledgeMissingQuery>;
export const PLEDGE_EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export const PledgeMissingExportQuery = PledgeMissingQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(PLEDGE_EXPORT_FORMATS).default('csv') });
export type PledgeMissingExportQuery = z.infer<typeof PledgeMissingExportQuery>;

/** A covered employee without a standing pledge. Contact data is never part of it, only whether a reminder can reach them. */
export const PledgeMissingEmployee = z.object({
  employeeId: z.uuid(),
  nip: z.string().describe('NIP / NI PPPK, or the agency-internal id of non-ASN staff'),
  name: z.string(),
  employmentType: EmploymentType,
  position: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitPath: z.string().nullable(),
  regionCode: z.string(),
  hasContact: z.boolean(),
});
export type PledgeMissingEmployee = z.infer<typeof PledgeMissingEmployee>;

export const PledgeReminderQuery = z.object({
  unitId: z.uuid().optional().describe('Only the staff of this unit subtree (the campaign page drilled into a unit); else the whole campaign'),
});
export type PledgeReminderQuery = z.infer<typeof PledgeReminderQuery>;

export const PledgeReminderResult = z.object({
  /** True when reminders for this campaign (or for a unit above the one asked) already went out on this local day: nothing new was sent. */
  alreadySent: z.boolean(),
  localDate: z.string(),
  employeesReminded: z.number().int(),
  withoutContact: z.number().int(),
  /** Employees whose only registered contact is on a channel this server cannot deliver on (`unavailableChannel`): not reminded. */
  unreachable: z.number().int(),
  /** Unit summaries queued: they go only to unit_admin accounts with an e-mail or phone number this server can deliver on. */
  summaries: z.number().int(),
  /** Units with staff who have not signed that no unit_admin account with a deliverable e-mail or phone number covers: no summary reaches them. */
  unitsWithoutContact: z.number().int(),
  /** unit_admin accounts over such units that have neither e-mail nor phone number. */
  unitAdminsWithoutContact: z.number().int(),
  /** unit_admin accounts over such units whose only contact is on `unavailableChannel`. */
  unitAdminsUnreachable: z.number().int(),
  /** The channel this server cannot deliver on (no SMTP server, or no WhatsApp gateway); null when both work. */
  unavailableChannel: z.enum(['email', 'whatsapp']).nullable(),
  /** Notices are queued in the outbox and delivered by the background sender: the message says so. */
  message: LocalizedText,
});
export type PledgeReminderResult = z.infer<typeof PledgeReminderResult>;

export const PledgeCeremonyInput = z.object({
  nips: z.array(z.string().trim().min(1).max(30)).min(1).max(50_000),
  /** Default: today (the agency's local date); within the campaign's period and never in the future. */
  heldOn: IsoDate.optional(),
  place: z.string().trim().min(2).max(200).optional(),
  /** e.g. "Sekda, Pj Wali Kota, Ketua Bawaslu Kota Bekasi" */
  witnesses: z.string().trim().min(2).max(500).optional(),
});
export const PledgeCeremonyResult = z.object({
  ceremonyId: z.uuid(),
  signed: z.number().int(),
  alreadySigned: z.number().int(),
  /**
   * Entries (NIP digits or an id as typed) naming no one the recorder may sign for: unknown, not covered by
   * the campaign, or outside the recorder's units, all alike (which NIPs are the agency's, or who signed, is
   * not told).
   */
  notCovered: z.array(z.string()),
});
export const PledgeCeremonySheet = z.object({ fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() });
/** A recorded ceremony and its scanned signed sheet (sealed; its SHA-256 shown so a printout can be matched). */
export const PledgeCeremony = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  place: z.string().nullable(),
  witnesses: z.string().nullable(),
  listed: z.number().int(),
  signed: z.number().int(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  sheet: PledgeCeremonySheet.nullable(),
});
export type PledgeCeremony = z.infer<typeof PledgeCeremony>;
export const PledgeRevokeInput = z.object({ reason: z.string().trim().min(5).max(500) });

/** The pledges of a campaign in the caller's scope (to reprint a PDF or revoke one): search by name or NIP, standing or revoked. */
export const PledgeListQuery = PledgeMissingQuery.extend({ status: z.enum(['standing', 'revoked']).optional() });
export type PledgeListQuery = z.infer<typeof PledgeListQuery>;
export const PledgeListItem = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  employmentType: EmploymentType,
  unitPath: z.string().nullable(),
  signedAt: z.string(),
  method: z.enum(['self_service', 'ceremony', 'account']),
  verifyCode: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** The campaign still covers the employee (active, in its units and types); a pledge of one it no longer covers is not counted in coverage. */
  covered: z.boolean(),
});
export type PledgeListItem = z.infer<typeof PledgeListItem>;
/**
 * A page of pledges, and the pledges of the whole view (caller's scope and unit, search and status aside):
 * standing ones, those of them whose employee the campaign no longer covers, revoked ones. Standing minus
 * not covered is the coverage's `signed` for the same view.
 */
export const PledgeListPage = pageOf(PledgeListItem).extend({
  summary: z.object({ standing: z.number().int(), standingNotCovered: z.number().int(), revoked: z.number().int() }),
});
export type PledgeListPage = z.infer<typeof PledgeListPage>;

export const PledgeCodeRequest = z.object({ campaignId: z.uuid(), nip: z.string().trim().min(3).max(30) });
export const PledgeCodeSent = z.object({ sentTo: z.string() });
export const PledgeSignInput = PledgeCodeRequest.extend({
  code: z.string().trim().regex(/^\d{6}$/, '6 digits'),
  emeteraiSerial: z.string().trim().regex(/^[A-Za-z0-9]{22}$/, '22 characters').optional(),
});
export const PledgeSigned = z.object({
  pledgeId: z.uuid(),
  verifyCode: z.string(),
  /** One-time token for POST /public/pledges/document (the signed PDF); expires at downloadExpiresAt. */
  downloadToken: z.string(),
  downloadExpiresAt: z.string(),
});
export const PledgeDocumentTokenInput = z.object({ token: z.string().trim().min(20).max(100) });
export const PledgeVerification = z.object({
  status: z.enum(['valid', 'revoked']),
  name: z.string(),
  agency: z.string(),
  title: z.string(),
  signedAt: z.string(),
  method: z.string(),
  contentHash: z.string(),
});

/** A campaign in the list of the caller's scope, with its headline coverage. */
export const PledgeCampaignSummary = PledgeCounts.extend({
  id: z.uuid(),
  title: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  electionId: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  employmentTypes: z.array(EmploymentType),
  opensOn: z.string(),
  closesOn: z.string(),
  /** Signing is possible today (the agency's local date is within the period). */
  open: z.boolean(),
});
export type PledgeCampaignSummary = z.infer<typeof PledgeCampaignSummary>;

/** What the public signing page shows before anyone signs: the text, its hash and the period. */
export const PledgePublicCampaign = z.object({
  id: z.uuid(),
  title: z.string(),
  agency: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  open: z.boolean(),
  body: z.string(),
  contentHash: z.string(),
});
export type PledgePublicCampaign = z.infer<typeof PledgePublicCampaign>;

/** A campaign that covers the signed-in employee, with their own standing pledge if any (self-service). */
export const MyPledgeCampaign = z.object({
  campaignId: z.uuid(),
  title: z.string(),
  agencyName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  /** open: signing is possible today; upcoming / closed: outside the period (local date of the agency). */
  period: z.enum(['upcoming', 'open', 'closed']),
  pledge: z.object({ id: z.uuid(), signedAt: z.string(), verifyCode: z.string() }).nullable(),
});
export const MyPledgeCampaigns = z.object({ items: z.array(MyPledgeCampaign) });
