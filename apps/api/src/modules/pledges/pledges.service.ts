/**
 * Neutrality pledges: campaigns per agency (unit subtree, employment types, period), self-service
 * signing with a one-time code sent to the employee's registered contact, ceremonies recorded in
 * bulk, public verification by short code (masked name), revocation and coverage.
 */
import crypto from 'node:crypto';
import type { Permission } from '@netra/contracts';
import { dateInWords, findElection, instantInRegion, localDateInRegion } from '@netra/rules';
import type { Deps } from '../../deps.ts';
import { prepared, type Queryable } from '../../db/client.ts';
import { AUDIT_PARAM_COUNT, appendAudit, auditInsertSql, auditValues, sha256, type Actor } from '../../platform/audit.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { enqueue, deliverOutbox, type Channel } from '../../platform/notify.ts';
import { grantsFor, scopeSql, type Principal } from '../auth/domain/policy.ts';
import { NIP_NOT_COVERED, checkCanSign, checkCeremonyDate, checkPeriod, listedId, maskName, tallyAttendance, type ListedEmployee } from './domain/pledge-rules.ts';
import { templateForCampaign } from './pledge-templates.service.ts';
import { assertAgencyInScope } from '../agencies/agencies.service.ts';
import { COLS as EMPLOYEE_COLS } from '../registry/employee-scope.ts';
import { normalizeDigits } from '../registry/domain/identifiers.ts';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const shortCode = () => Array.from(crypto.randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('');

export type CampaignInput = { agencyId: string; templateId?: string; electionId: string; unitId?: string; employmentTypes: string[]; opensOn: string; closesOn: string; title?: string };

export async function createCampaign(deps: Deps, p: Principal, input: CampaignInput) {
  if (!findElection(input.electionId)) throw invalid('ELECTION_UNKNOWN', { id: `Pemilihan tidak dikenal: ${input.electionId}`, en: `Unknown election: ${input.electionId}` });
  if (input.closesOn < input.opensOn) throw invalid('PERIOD_INVALID', { id: 'Tanggal tutup sebelum tanggal buka.', en: 'The closing date is before the opening date.' });
  return deps.db.transaction(async (tx) => {
    await assertAgencyInScope(tx, p, 'agencies.manage', input.agencyId);
    if (input.unitId && !(await tx.query('SELECT 1 FROM units WHERE id = $1 AND agency_id = $2', [input.unitId, input.agencyId])).rowCount)
      throw invalid('UNIT_UNKNOWN', { id: 'Unit tidak ditemukan di instansi ini.', en: 'Unit not found in this agency.' });
    const template = await templateForCampaign(tx, input.agencyId, input.templateId);
    const templateId = template.id;
    const id = (await tx.query<{ id: string }>(
      `INSERT INTO pledge_campaigns (agency_id, template_id, election_id, unit_id, employment_types, opens_on, closes_on, title, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [input.agencyId, templateId, input.electionId, input.unitId ?? null, input.employmentTypes, input.opensOn, input.closesOn, input.title ?? template.title, p.userId],
    )).rows[0]!.id;
    await appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: 'pledge.campaign_opened', entityType: 'pledge_campaign', entityId: id, after: input, at: deps.clock.now() });
    return { id, templateId };
  });
}

/**
 * Renames a campaign or moves its closing day (an extension when coverage lags, or an early close), in
 * one transaction with its audit row. The day cannot come before the opening, nor before a pledge
 * already signed (every signature stays inside its campaign's period).
 */
export async function changeCampaign(deps: Deps, p: Principal, id: string, input: { title?: string; closesOn?: string }) {
  return deps.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, id, { p, perm: 'agencies.manage' });
    await assertAgencyInScope(tx, p, 'agencies.manage', c.agency_id);
    await tx.query('SELECT 1 FROM pledge_campaigns WHERE id = $1 FOR UPDATE', [id]);
    const opensOn = day(c.opens_on);
    if (input.closesOn !== undefined) {
      if (input.closesOn < opensOn)
        throw invalid('PERIOD_INVALID', {
          id: `Tanggal tutup ${dateInWords(input.closesOn, 'id')} sebelum tanggal buka ${dateInWords(opensOn, 'id')}.`,
          en: `The closing date ${dateInWords(input.closesOn, 'en')} is before the opening date ${dateInWords(opensOn, 'en')}.`,
        });
      const last = (await tx.query<{ on: string | Date | null }>('SELECT max(signed_at) AS on FROM pledges WHERE campaign_id = $1', [id])).rows[0]?.on;
      const lastDay = last ? localDateInRegion(new Date(last), c.region_code) : null;
      if (lastDay && input.closesOn < lastDay)
        throw invalid('PERIOD_BEFORE_SIGNATURES', {
          id: `Tanggal tutup ${dateInWords(input.closesOn, 'id')} sebelum pernyataan terakhir yang ditandatangani (${dateInWords(lastDay, 'id')}).`,
          en: `The closing date ${dateInWords(input.closesOn, 'en')} is before the last pledge signed (${dateInWords(lastDay, 'en')}).`,
        });
    }
    const after = { title: input.title ?? c.title, closesOn: input.closesOn ?? day(c.closes_on) };
    await tx.query('UPDATE pledge_campaigns SET title = $2, closes_on = $3 WHERE id = $1', [id, after.title, after.closesOn]);
    await appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: 'pledge.campaign_changed', entityType: 'pledge_campaign', entityId: id, before: { title: c.title, closesOn: day(c.closes_on) }, after, at: deps.clock.now() });
    return { id, title: after.title, opensOn, closesOn: after.closesOn };
  });
}

export type Campaign = {
  id: string; agency_id: string; agency_name: string; region_code: string; unit_id: string | null; unit_id_path: string | null; employment_types: string[];
  opens_on: string | Date; closes_on: string | Date; title: string; content_hash: string; body: string;
};
export const day = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * Loads a campaign; with `scope`, only when the caller's `perm` reaches its agency (a unit-scoped
 * grant sees its agency's campaigns; the figures inside stay limited to its unit). Otherwise 404.
 */
export async function loadCampaign(db: Queryable, id: string, scope?: { p: Principal; perm: Permission }): Promise<Campaign> {
  const params: unknown[] = [id];
  const where = scope ? `AND ${scopeSql(scope.p, scope.perm, { region: 'a.region_code', agency: 'a.id', regionOverlap: true, ignoreUnit: true }, params)}` : '';
  const c = (await db.query<Campaign>(`SELECT ${CAMPAIGN_COLUMNS} FROM ${CAMPAIGN_FROM} WHERE c.id = $1 ${where}`, params)).rows[0];
  if (!c) throw notFound('Kampanye / Campaign', id);
  return c;
}

/** Employees a campaign covers: its agency, unit subtree, employment types; active only. */
export const coveredSql = (alias: string) =>
  `${alias}.agency_id = c.agency_id AND ${alias}.active AND ${alias}.employment_type = ANY(c.employment_types)
   AND (c.unit_id IS NULL OR ${alias}.unit_id IN (SELECT s.id FROM units s, units r WHERE r.id = c.unit_id AND s.id_path LIKE r.id_path || '%'))`;

const CAMPAIGN_COLUMNS = 'c.*, t.content_hash, t.body, a.region_code, a.name AS agency_name, u.id_path AS unit_id_path';
const CAMPAIGN_FROM = 'pledge_campaigns c JOIN pledge_templates t ON t.id = c.template_id JOIN agencies a ON a.id = c.agency_id LEFT JOIN units u ON u.id = c.unit_id';

type Signer = { id: string; name: string; employment_type: string; active: boolean; in_scope: boolean; email: string | null; phone: string | null };

/**
 * The campaign and the employee a NIP (or a non-ASN internal id) names, in one query: both signing
 * steps start here, and the morning a whole Pemkot signs every round trip counts (bench/pledge-burst).
 * A NIP is looked up in the campaign's agency only: the public endpoints must not reveal whether a NIP
 * exists anywhere else in the registry.
 */
const signerSql = (who: string) => `SELECT ${CAMPAIGN_COLUMNS}, to_jsonb(s.*) AS signer
   FROM ${CAMPAIGN_FROM}
   LEFT JOIN LATERAL (
     SELECT e.id, e.name, e.employment_type, e.active, (${coveredSql('e')}) AS in_scope, ct.email, ct.phone
       FROM employees e LEFT JOIN employee_contacts ct ON ct.employee_id = e.id
      WHERE ${who} LIMIT 1) s ON true
  WHERE c.id = $1`;
const BY_NIP = prepared('pledge_signer_by_nip', signerSql('(e.nip = $2 AND e.agency_id = c.agency_id) OR (e.agency_id = c.agency_id AND e.internal_id = $3)'));
const BY_ACCOUNT = prepared('pledge_signer_by_account', signerSql('e.id = $2'));

async function signingContext(tx: Queryable, campaignId: string, who: { nip: string } | { employeeId: string }): Promise<{ c: Campaign; e: Signer | null }> {
  const row = (await ('nip' in who
    ? tx.query<Campaign & { signer: Signer | null }>(BY_NIP, [campaignId, normalizeDigits(who.nip), who.nip.trim()])
    : tx.query<Campaign & { signer: Signer | null }>(BY_ACCOUNT, [campaignId, who.employeeId]))).rows[0];
  if (!row) throw notFound('Kampanye / Campaign', campaignId);
  const { signer, ...c } = row;
  if (!signer && !('nip' in who)) throw notFound('Pegawai / Employee', who.employeeId);
  return { c, e: signer };
}

/**
 * The signing rules for one signer, in an order that leaks nothing through a public endpoint: the
 * period (the same for everyone), then, for a typed NIP, one and the same answer to every NIP the
 * campaign does not cover (unknown, another agency's, outside its units or types, inactive); only a
 * covered employee then hears more (requestSigningCode: that they have signed already).
 */
function assertMaySign(c: Campaign, e: Signer | null, now: Date, by: 'nip' | 'account'): asserts e is Signer {
  const today = localDateInRegion(now, c.region_code);
  const period = checkPeriod({ today, opensOn: day(c.opens_on), closesOn: day(c.closes_on) });
  if (period) throw new AppError(400, period.code, period.message);
  if (!e || (by === 'nip' && (!e.in_scope || !e.active))) throw new AppError(400, NIP_NOT_COVERED.code, NIP_NOT_COVERED.message);
  const refusal = checkCanSign({ today, opensOn: day(c.opens_on), closesOn: day(c.closes_on), employee: { active: e.active, employmentType: e.employment_type, inScope: e.in_scope }, employmentTypes: c.employment_types, alreadySigned: false });
  if (refusal) throw new AppError(400, refusal.code, refusal.message);
}

/** The channels this server can deliver on (an SMTP server, a WhatsApp gateway); without a notifier nothing is sent, so every channel counts as one. */
export const usableChannels = (deps: Pick<Deps, 'notifier'>): Record<Channel, boolean> => ({
  email: !deps.notifier || deps.notifier.available('email'),
  whatsapp: !deps.notifier || deps.notifier.available('whatsapp'),
});

/** Where a notice to a contact goes: e-mail when registered and deliverable, else WhatsApp likewise; null when neither can reach them. */
export const deliverableTo = (channels: Record<Channel, boolean>, to: { email: string | null; phone: string | null }): { channel: Channel; recipient: string } | null =>
  to.email && channels.email ? { channel: 'email', recipient: to.email } : to.phone && channels.whatsapp ? { channel: 'whatsapp', recipient: to.phone } : null;

const OTP_MINUTES = 10;
const DOWNLOAD_MINUTES = 15;
export const SELF_SERVICE: Actor = { id: null, label: 'employee:self-service' };

/** Sends a one-time code to the employee's registered contact (never shown in the response). */
export async function requestSigningCode(deps: Deps, input: { campaignId: string; nip: string }) {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const { c, e } = await signingContext(tx, input.campaignId, { nip: input.nip });
    assertMaySign(c, e, now, 'nip');
    const signed = (await tx.query('SELECT 1 FROM pledges WHERE campaign_id = $1 AND employee_id = $2 AND revoked_at IS NULL', [c.id, e.id])).rowCount > 0;
    if (signed) throw ALREADY_SIGNED();
    if (!e.email && !e.phone) throw invalid('PLEDGE_NO_CONTACT', { id: 'Tidak ada kontak terdaftar; hubungi admin unit untuk tanda tangan di tempat.', en: 'No registered contact; ask the unit admin to record a signature in person.' });
    // a channel this server can deliver on; none, and the page must not say "sent"
    const to = deliverableTo(usableChannels(deps), e);
    if (!to)
      throw conflict('PLEDGE_CODE_CHANNEL_UNAVAILABLE', {
        id: 'Kode tidak dapat dikirim: layanan email/WhatsApp untuk kontak Anda belum diaktifkan di server ini. Tanda tangani melalui akun pegawai Anda, atau minta admin unit mencatat tanda tangan di tempat.',
        en: 'The code cannot be sent: e-mail/WhatsApp delivery for your contact is not set up on this server. Sign through your employee account, or ask the unit admin to record your signature in person.',
      });
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const otpId = crypto.randomUUID();
    await tx.query('INSERT INTO pledge_otps (id, campaign_id, employee_id, code_hash, expires_at) VALUES ($1, $2, $3, $4, $5)', [otpId, c.id, e.id, sha256(`${otpId}:${code}`), new Date(now.getTime() + OTP_MINUTES * 60_000)]);
    const text = `Kode tanda tangan pernyataan netralitas Anda: ${code} (berlaku ${OTP_MINUTES} menit). Jangan berikan kode ini kepada siapa pun.`;
    const noticeIds = await enqueue(tx, [{ ...to, subject: to.channel === 'email' ? 'Kode tanda tangan pernyataan netralitas' : 'Netra', body: text }]);
    return { noticeIds, sentTo: to.channel === 'email' ? to.recipient.replace(/^(.).*(@.*)$/, '$1***$2') : `***${to.recipient.slice(-3)}` };
  });
  // this code now, ahead of any reminders queued before it (a code lives 10 minutes)
  if (deps.notifier) await deliverOutbox(deps.db, deps.notifier, { ids: result.noticeIds }).catch((err: unknown) => deps.logger.error({ err }, 'code delivery failed'));
  return { sentTo: result.sentTo };
}

const ALREADY_SIGNED = () => conflict('PLEDGE_ALREADY_SIGNED', { id: 'Pegawai ini sudah menandatangani pernyataan pada kampanye ini.', en: 'This employee has already signed in this campaign.' });

/**
 * The end of every signing statement: the pledge stands unless one already does, for each row of
 * `gate`, with its download token and its audit entry. Parameters: $1 campaign, $2 employee, $3 now,
 * $4 pledge id, $5 text hash, $6 e-meterai serial, $7 verification code, $8 token hash, $9 token
 * expiry, $10.. the audit entry's values.
 */
const pledgeWrites = (gate: string, method: 'self_service' | 'account') => `
  p AS (INSERT INTO pledges (id, campaign_id, employee_id, signed_at, method, content_hash, emeterai_serial, verify_code)
        SELECT $4::uuid, $1::uuid, $2::uuid, $3::timestamptz, '${method}', $5::text, $6::text, $7::text FROM ${gate}
        ON CONFLICT (campaign_id, employee_id) WHERE revoked_at IS NULL DO NOTHING RETURNING id),
  token AS (INSERT INTO pledge_download_tokens (token_hash, pledge_id, expires_at) SELECT $8::text, p.id, $9::timestamptz FROM p),
  audit AS (${auditInsertSql('p', 10)})`;
const CODE = `$${10 + AUDIT_PARAM_COUNT}`;

/**
 * Signing with a one-time code, one statement (atomic on its own): the newest of the employee's last
 * five codes that matches the code (${CODE}), is unused, unexpired and not locked by wrong attempts is
 * spent (row lock: a concurrent double submission waits here, then finds it spent), then the pledge
 * writes. A wrong code counts against every live code of the five in the same statement, so parallel
 * guesses are each counted (five wrong tries lock a code).
 */
const SIGN_WITH_CODE = prepared('pledge_sign', `WITH latest AS (SELECT id FROM pledge_otps WHERE campaign_id = $1 AND employee_id = $2 ORDER BY expires_at DESC LIMIT 5),
  code AS (
    SELECT o.id FROM pledge_otps o
     WHERE o.id IN (SELECT id FROM latest) AND o.used_at IS NULL AND o.expires_at > $3 AND o.attempts < 5
       AND o.code_hash = encode(sha256(convert_to(o.id::text || ':' || ${CODE}::text, 'UTF8')), 'hex')
     ORDER BY o.expires_at DESC LIMIT 1 FOR UPDATE),
  wrong AS (UPDATE pledge_otps o SET attempts = o.attempts + 1
             WHERE o.id IN (SELECT id FROM latest) AND o.used_at IS NULL AND o.expires_at > $3 AND o.attempts < 5 AND NOT EXISTS (SELECT 1 FROM code)),
  spent AS (UPDATE pledge_otps o SET used_at = $3 FROM code WHERE o.id = code.id RETURNING o.id),
  ${pledgeWrites('spent', 'self_service')}
SELECT (SELECT count(*) FROM spent)::int AS spent, (SELECT id FROM p) AS pledge_id`);

/** Signing through the employee's own account: the session is the identity, nothing to spend. */
const SIGN_BY_ACCOUNT = prepared('pledge_sign_by_account', `WITH ${pledgeWrites('(VALUES (1)) AS go (x)', 'account')}
SELECT 1 AS spent, (SELECT id FROM p) AS pledge_id`);

/**
 * Every signature: the campaign and the signer in one read, the signing rules (period, scope,
 * status), then one signing statement (two round trips when all is well: the morning a whole Pemkot
 * signs, bench/pledge-burst). Only a refused code takes the slower path that says why.
 */
async function signPledge(deps: Deps, campaignId: string, who: { nip: string; code: string } | { employeeId: string; actor: Actor }, emeteraiSerial: string | undefined) {
  const now = deps.clock.now();
  const { c, e } = await signingContext(deps.db, campaignId, who);
  assertMaySign(c, e, now, 'nip' in who ? 'nip' : 'account');
  const pledgeId = crypto.randomUUID();
  const verifyCode = shortCode();
  // The signer gets the signed PDF (full name and NIP) through a one-time token, not through the
  // verification code: that code is printed on the document and in its QR code and is meant to be
  // shown to anyone, never expires and is short, so a download by code would hand the personal data
  // to everyone who ever sees a copy. The token is 256 random bits held only by whoever signed, kept
  // hashed, used once, expires in minutes and travels in a POST body (never in a URL).
  const downloadToken = crypto.randomBytes(32).toString('base64url');
  const downloadExpiresAt = new Date(now.getTime() + DOWNLOAD_MINUTES * 60_000);
  const byCode = 'code' in who;
  const audit = auditValues({
    actor: byCode ? SELF_SERVICE : who.actor, action: 'pledge.signed', entityType: 'pledge', entityId: pledgeId, at: now,
    details: { campaignId: c.id, contentHash: c.content_hash, ...(byCode ? {} : { method: 'account' }) },
  });
  const params = [c.id, e.id, now, pledgeId, c.content_hash, emeteraiSerial ?? null, verifyCode, sha256(downloadToken), downloadExpiresAt, ...audit];
  const r = (await deps.db.query<{ spent: number; pledge_id: string | null }>(byCode ? SIGN_WITH_CODE : SIGN_BY_ACCOUNT, byCode ? [...params, who.code.trim()] : params)).rows[0]!;
  if (r.pledge_id) return { pledgeId, verifyCode, downloadToken, downloadExpiresAt: downloadExpiresAt.toISOString() };
  // the signer may sign (their account, or a valid code), but a pledge already stands
  if (!('code' in who) || r.spent) throw ALREADY_SIGNED();
  throw await whyCodeRefused(deps, c.id, e.id, who.code.trim(), now);
}

/** Signs with the one-time code; a concurrent or repeated submission yields one pledge. */
export async function signWithCode(deps: Deps, input: { campaignId: string; nip: string; code: string; emeteraiSerial?: string }) {
  return signPledge(deps, input.campaignId, { nip: input.nip, code: input.code }, input.emeteraiSerial);
}

/**
 * An employee signs through their own account: the session is the identity, so no one-time code.
 * Only an account with the employee role and its own record; the same rules as every signature.
 */
/**
 * The campaigns that cover the signed-in employee today (their agency, unit subtree and type, while
 * active), with their own standing pledge: what to sign, and what they signed.
 */
export async function myCampaigns(deps: Deps, p: Principal) {
  const employeeId = ownEmployeeId(p);
  const { rows } = await deps.db.query<{ id: string; title: string; agency_name: string; region_code: string; opens_on: string | Date; closes_on: string | Date; pledge_id: string | null; signed_at: Date | null; verify_code: string | null }>(
    `SELECT c.id, c.title, a.name AS agency_name, a.region_code, c.opens_on, c.closes_on, pl.id AS pledge_id, pl.signed_at, pl.verify_code
       FROM pledge_campaigns c JOIN agencies a ON a.id = c.agency_id JOIN employees e ON e.id = $1
       LEFT JOIN pledges pl ON pl.campaign_id = c.id AND pl.employee_id = e.id AND pl.revoked_at IS NULL
      WHERE (${coveredSql('e')}) OR pl.id IS NOT NULL
      ORDER BY c.closes_on DESC, c.id LIMIT 100`,
    [employeeId],
  );
  const now = deps.clock.now();
  return {
    items: rows.map((r) => {
      const today = localDateInRegion(now, r.region_code);
      const opensOn = day(r.opens_on);
      const closesOn = day(r.closes_on);
      return {
        campaignId: r.id, title: r.title, agencyName: r.agency_name, opensOn, closesOn,
        period: today < opensOn ? ('upcoming' as const) : today > closesOn ? ('closed' as const) : ('open' as const),
        pledge: r.pledge_id ? { id: r.pledge_id, signedAt: new Date(r.signed_at!).toISOString(), verifyCode: r.verify_code! } : null,
      };
    }),
  };
}

/** The employee record an employee account belongs to (403 for any other account). */
function ownEmployeeId(p: Principal): string {
  const employeeId = p.grants.find((g) => g.role === 'employee' && g.employeeId)?.employeeId;
  if (!employeeId) throw forbidden();
  return employeeId;
}

export async function signAsEmployee(deps: Deps, p: Principal, campaignId: string, input: { emeteraiSerial?: string }) {
  const employeeId = ownEmployeeId(p);
  return signPledge(deps, campaignId, { employeeId, actor: { id: p.userId, label: p.username } }, input.emeteraiSerial);
}

/** The code did not sign: say why (read only: the signing statement already counted a wrong code). */
async function whyCodeRefused(deps: Deps, campaignId: string, employeeId: string, code: string, now: Date): Promise<AppError> {
  const otps = (await deps.db.query<{ id: string; code_hash: string; used_at: Date | null; expires_at: Date; attempts: number }>(
    'SELECT id, code_hash, used_at, expires_at, attempts FROM pledge_otps WHERE campaign_id = $1 AND employee_id = $2 ORDER BY expires_at DESC LIMIT 5', [campaignId, employeeId],
  )).rows;
  const match = otps.find((o) => sha256(`${o.id}:${code}`) === o.code_hash);
  if (!match) return invalid('PLEDGE_CODE_INVALID', { id: 'Kode salah.', en: 'Wrong code.' });
  if (match.used_at) {
    // a double click waited on the code's row lock in the signing statement, then found the code used: the pledge stands, say so
    const standing = (await deps.db.query('SELECT 1 FROM pledges WHERE campaign_id = $1 AND employee_id = $2 AND revoked_at IS NULL', [campaignId, employeeId])).rowCount > 0;
    return standing ? ALREADY_SIGNED() : invalid('PLEDGE_CODE_USED', { id: 'Kode sudah dipakai.', en: 'This code was already used.' });
  }
  if (match.expires_at <= now || match.attempts >= 5) return invalid('PLEDGE_CODE_EXPIRED', { id: 'Kode kedaluwarsa; minta kode baru.', en: 'The code expired; ask for a new one.' });
  // usable now, but not when the signing statement ran (a new code or a change in between): try again
  return conflict('PLEDGE_RETRY', { id: 'Kode berubah saat diproses; silakan kirim ulang.', en: 'The code changed while it was processed; please submit again.' });
}

export type CeremonyInput = { nips: string[]; heldOn?: string; place?: string; witnesses?: string };

/**
 * A unit admin records a ceremony: when and where, its witnesses, and the attendance list (NIPs, or
 * internal ids for non-ASN staff; each person counts once however often or however the NIP is written),
 * which signs in bulk. Only employees the campaign covers and the caller may write to sign; every other
 * entry (unknown, not covered, or a covered employee outside the caller's units) gets one and the same
 * answer, as typed: the response never tells which NIPs belong to the agency or who of them signed. A
 * list naming no one the caller may sign for is refused and nothing is stored. The scanned signed sheet
 * is attached afterwards (pledge-ceremonies).
 */
export async function recordCeremony(deps: Deps, p: Principal, campaignId: string, input: CeremonyInput) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, campaignId);
    await assertAgencyInScope(tx, p, 'registry.write', c.agency_id, { unitGrants: true });
    const today = localDateInRegion(now, c.region_code);
    const heldOn = input.heldOn ?? today;
    const refusal = checkCeremonyDate({ heldOn, today, opensOn: day(c.opens_on), closesOn: day(c.closes_on) });
    if (refusal) throw new AppError(400, refusal.code, refusal.message);
    // who may see the ceremony and its sheet later: the agency, or only the unit subtree of a unit-scoped recorder
    const writes = grantsFor(p, 'registry.write');
    const recorderUnit = writes.some((g) => !g.unitId) ? null : (writes.find((g) => g.agencyId === c.agency_id && g.unitId)?.unitId ?? null);
    // NIPs in any written form (spaces, dots, dashes), as self-service signing and socialization lists take them
    const listedIds = input.nips.map(listedId);
    const params: unknown[] = [c.id, [...new Set(listedIds.map((x) => x.nip))], [...new Set(listedIds.map((x) => x.internalId))]];
    // the covered employees the list names whom the caller may sign for; nobody else is looked at
    const rows = (await tx.query<ListedEmployee>(
      `SELECT e.id, e.nip, e.internal_id
         FROM pledge_campaigns c, employees e
        WHERE c.id = $1 AND (e.nip = ANY($2::text[]) OR (e.agency_id = c.agency_id AND e.internal_id = ANY($3::text[])))
          AND ${coveredSql('e')} AND ${scopeSql(p, 'registry.write', EMPLOYEE_COLS, params)}`, params,
    )).rows;
    const { listed, notCovered } = tallyAttendance(input.nips, rows);
    if (rows.length === 0)
      throw invalid('CEREMONY_NOBODY_TO_RECORD', {
        id: `Tidak ada yang dicatat: tidak satu pun dari ${notCovered.length} entri dalam daftar adalah pegawai yang termasuk kampanye ini dan berada dalam cakupan Anda. Periksa NIP yang diketik; pegawai unit lain dicatat oleh admin unitnya.`,
        en: `Nothing was recorded: none of the ${notCovered.length} entries in the list is an employee this campaign covers within your scope. Check the NIPs typed; staff of other units are recorded by their own unit admin.`,
      });
    // signed when the ceremony was held: now if today, else noon of that day in the agency's time zone (the
    // hour is unknown; noon keeps the day the same in every Indonesian zone and in UTC on the document)
    const signedAt = heldOn === today ? now : instantInRegion(heldOn, '12:00', c.region_code);
    const ceremonyId = crypto.randomUUID();
    await tx.query(
      `INSERT INTO pledge_ceremonies (id, campaign_id, unit_id, held_on, place, witnesses, listed, signed, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9)`,
      [ceremonyId, c.id, recorderUnit, heldOn, input.place ?? null, input.witnesses ?? null, listed, p.userId, now],
    );
    // one statement for the whole attendance list (a Pemkot's apel can be thousands of names)
    const signed = (await tx.query(
      `INSERT INTO pledges (campaign_id, employee_id, signed_at, method, content_hash, verify_code, recorded_by, ceremony_id)
       SELECT $1, x.employee_id, $2, 'ceremony', $3, x.verify_code, $4, $7 FROM unnest($5::uuid[], $6::text[]) AS x (employee_id, verify_code)
       ON CONFLICT (campaign_id, employee_id) WHERE revoked_at IS NULL DO NOTHING`,
      [c.id, signedAt, c.content_hash, p.userId, rows.map((r) => r.id), rows.map(() => shortCode()), ceremonyId],
    )).rowCount;
    await tx.query('UPDATE pledge_ceremonies SET signed = $2 WHERE id = $1', [ceremonyId, signed]);
    await appendAudit(tx, { actor: { id: p.userId, label: p.username } as Actor, action: 'pledge.ceremony_recorded', entityType: 'pledge_ceremony', entityId: ceremonyId, details: { campaignId: c.id, heldOn, signed, listed }, at: now });
    return { ceremonyId, signed, alreadySigned: rows.length - signed, notCovered };
  });
}

/** Public check of a pledge by its short code: valid or revoked, name masked. */
export async function verifyPledge(deps: Deps, code: string) {
  const r = (await deps.db.query<{ name: string; agency: string; title: string; signed_at: Date; revoked_at: Date | null; content_hash: string; method: string }>(
    `SELECT e.name, a.name AS agency, c.title, p.signed_at, p.revoked_at, p.content_hash, p.method
       FROM pledges p JOIN employees e ON e.id = p.employee_id JOIN pledge_campaigns c ON c.id = p.campaign_id JOIN agencies a ON a.id = c.agency_id
      WHERE p.verify_code = $1`, [code.trim().toUpperCase()],
  )).rows[0];
  if (!r) throw notFound('Pernyataan / Pledge', code.slice(0, 20));
  return { status: r.revoked_at ? ('revoked' as const) : ('valid' as const), name: maskName(r.name), agency: r.agency, title: r.title, signedAt: new Date(r.signed_at).toISOString(), method: r.method, contentHash: r.content_hash };
}

export async function revokePledge(deps: Deps, p: Principal, pledgeId: string, reason: string) {
  await deps.db.transaction(async (tx) => {
    const params: unknown[] = [pledgeId];
    const row = (await tx.query<{ id: string; revoked_at: Date | null }>(
      `SELECT p.id, p.revoked_at FROM pledges p JOIN pledge_campaigns c ON c.id = p.campaign_id JOIN agencies a ON a.id = c.agency_id
        WHERE p.id = $1 AND ${scopeSql(p, 'agencies.manage', { region: 'a.region_code', agency: 'a.id' }, params)} FOR UPDATE OF p`, params,
    )).rows[0];
    if (!row) throw notFound('Pernyataan / Pledge', pledgeId);
    if (row.revoked_at) throw conflict('PLEDGE_ALREADY_REVOKED', { id: 'Pernyataan sudah dicabut.', en: 'The pledge is already revoked.' });
    await tx.query('UPDATE pledges SET revoked_at = $2, revoke_reason = $3 WHERE id = $1', [pledgeId, deps.clock.now(), reason]);
    await appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: 'pledge.revoked', entityType: 'pledge', entityId: pledgeId, details: { reason }, at: deps.clock.now() });
  });
}
