import crypto from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type { z } from 'zod';
import type { Tip, TipFollowView, TipInput } from '@netra/contracts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../db/client.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { hashPassword } from '../auth/auth.service.ts';
import { scopeSql, type Principal } from '../auth/domain/policy.ts';
import { localDateInRegion } from '@netra/rules';
import { anonymousAuditTime } from './domain/anonymous-time.ts';
import { TIP_STATUS_WORDS, isFinalTip } from './domain/tip-status.ts';

/** Crockford base32 without look-alike letters, grouped for reading over the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function randomCode(groups: number): string {
  const bytes = crypto.randomBytes(groups * 4);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]!);
  return Array.from({ length: groups }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-');
}

const PUBLIC = { id: null, label: 'public' };
const localDate = localDateInRegion;

/**
 * Receives an anonymous tip. Stores no sender data and no exact time (the tip its local date, its
 * audit entry the start of that day); returns the receipt code and a one-time secret.
 */
export async function submitTip(deps: Deps, input: TipInput): Promise<{ receiptCode: string; secret: string; id: string }> {
  const secret = randomCode(5);
  const secretHash = await hashPassword(secret);
  const receivedOn = localDate(deps.clock.now(), input.regionCode);
  if (input.occurredOn && input.occurredOn > receivedOn)
    throw invalid('TIP_DATE_FUTURE', { id: `Tanggal kejadian ${input.occurredOn} ada di masa depan.`, en: `Incident date ${input.occurredOn} is in the future.` });
  return deps.db.transaction(async (tx) => {
    const region = await tx.query('SELECT 1 FROM regions WHERE code = $1', [input.regionCode]);
    if (!region.rowCount) throw invalid('REGION_UNKNOWN', { id: `Kode wilayah tidak dikenal: ${input.regionCode}`, en: `Unknown region code: ${input.regionCode}` });
    for (let attempt = 0; ; attempt++) {
      const receiptCode = `NTR-${randomCode(3)}`;
      const r = await tx.query<{ id: string }>(
        `INSERT INTO tips (receipt_code, secret_hash, region_code, occurred_on, what, where_text, who_text, links, received_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (receipt_code) DO NOTHING RETURNING id`,
        [receiptCode, secretHash, input.regionCode, input.occurredOn ?? null, input.what, input.where ?? null, input.who ?? null, input.links, receivedOn],
      );
      if (r.rows[0]) {
        await appendAudit(tx, { actor: PUBLIC, action: 'tip.received', entityType: 'tip', entityId: r.rows[0].id, ...anonymousAuditTime(deps.clock.now(), input.regionCode) });
        return { receiptCode, secret, id: r.rows[0].id };
      }
      if (attempt > 5) throw new Error('could not allocate a receipt code');
    }
  });
}

type TipRow = {
  id: string; receipt_code: string; secret_hash: string; region_code: string; region_name?: string; occurred_on: string | Date | null; what: string;
  where_text: string | null; who_text: string | null; links: string[]; status: z.infer<typeof Tip>['status']; received_on: string | Date;
  consented_to_report: boolean; follow_failures: number; follow_locked_until: Date | null; case_id?: string | null; case_number?: string | null;
};
const day = (d: string | Date | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

async function messagesOf(db: Queryable, tipId: string) {
  const { rows } = await db.query<{ author: 'reporter' | 'handler' | 'system'; body: string; sent_on: string | Date }>(
    'SELECT author, body, sent_on FROM tip_messages WHERE tip_id = $1 ORDER BY seq', [tipId],
  );
  return rows.map((m) => ({ author: m.author, body: m.body, sentOn: day(m.sent_on)! }));
}

const notFoundTip = () => new AppError(404, 'TIP_NOT_FOUND', { id: 'Kode tanda terima atau kode rahasia salah.', en: 'Wrong receipt code or secret.' });
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2a1Ua0lE2QEfwZ1Kmdm7vCNULqBxH0VmkTPqXHxQ1Yw';

/**
 * Verifies receipt code + secret. A wrong secret and an unknown code get the same answer after the
 * same work (an argon2 verification either way). There is no lockout per receipt: the secret is 100
 * random bits (20 base-32 characters, argon2id-hashed), which no rate of guessing can reach, while a
 * lockout would let anyone who knows a receipt code (every handler sees them) shut the reporter out
 * of their own conversation, and would tell them the code exists. Guessing is slowed per address by
 * the public endpoints' rate limit.
 */
export async function authenticateTip(deps: Deps, creds: { receiptCode: string; secret: string }): Promise<TipRow> {
  const tip = (await deps.db.query<TipRow>('SELECT * FROM tips WHERE receipt_code = $1', [creds.receiptCode])).rows[0];
  const ok = await verify(tip?.secret_hash ?? DUMMY_HASH, creds.secret).catch(() => false);
  if (!tip || !ok) throw notFoundTip();
  return tip;
}

const tipFinal = (status: TipRow['status']) =>
  new AppError(409, 'TIP_FINAL', { id: `Informasi ini ${TIP_STATUS_WORDS[status].id}; statusnya tidak dapat diubah lagi.`, en: `This tip is ${TIP_STATUS_WORDS[status].en}; its status can no longer change.` });
const tipClosed = () => new AppError(409, 'TIP_CLOSED', { id: 'Informasi ini sudah ditutup.', en: 'This tip is closed.' });

export async function followTip(deps: Deps, creds: { receiptCode: string; secret: string }): Promise<z.infer<typeof TipFollowView>> {
  const tip = await authenticateTip(deps, creds);
  return { receiptCode: tip.receipt_code, status: tip.status, receivedOn: day(tip.received_on)!, messages: await messagesOf(deps.db, tip.id), consentedToReport: tip.consented_to_report };
}

/**
 * The reporter answers a question or adds information through the receipt channel. A tip waiting
 * for an answer goes back to review; one turned into a case meanwhile keeps its status.
 */
export async function replyToTip(deps: Deps, creds: { receiptCode: string; secret: string }, body: string) {
  const tip = await authenticateTip(deps, creds);
  if (tip.status === 'closed') throw tipClosed();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.query("INSERT INTO tip_messages (tip_id, author, body, sent_on) VALUES ($1, 'reporter', $2, $3)", [tip.id, body, localDate(now, tip.region_code)]);
    await tx.query("UPDATE tips SET status = 'in_review' WHERE id = $1 AND status = 'needs_info'", [tip.id]);
    await appendAudit(tx, { actor: PUBLIC, action: 'tip.reporter_replied', entityType: 'tip', entityId: tip.id, ...anonymousAuditTime(now, tip.region_code) });
  });
  return followTip(deps, creds);
}

/**
 * Explicit consent, through the receipt channel only, to turn the tip into a formal report. Given
 * once: a second consent changes nothing and adds no message. A closed tip takes none.
 */
export async function consentToReport(deps: Deps, creds: { receiptCode: string; secret: string }) {
  const tip = await authenticateTip(deps, creds);
  if (tip.status === 'closed') throw tipClosed();
  // once Bawaslu has made it a finding (or a report), no formal report can come from it any more: say so rather than promise one
  if (tip.status.startsWith('converted'))
    throw new AppError(409, 'TIP_ALREADY_HANDLED', {
      id: 'Informasi ini sudah ditindaklanjuti Bawaslu; perkembangannya tampil di halaman ini. Persetujuan menjadi laporan resmi tidak diperlukan lagi.',
      en: 'Bawaslu is already handling this tip; its progress shows on this page. Consent to a formal report is no longer needed.',
    });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const first = await tx.query('UPDATE tips SET consented_to_report = true WHERE id = $1 AND NOT consented_to_report RETURNING id', [tip.id]);
    if (!first.rowCount) return;
    await tx.query("INSERT INTO tip_messages (tip_id, author, body, sent_on) VALUES ($1, 'system', $2, $3)", [
      tip.id, 'Pelapor menyetujui informasi ini dijadikan laporan resmi; identitas akan diminta oleh Bawaslu. / The reporter agreed to a formal report; Bawaslu will ask for identity.', localDate(now, tip.region_code),
    ]);
    await appendAudit(tx, { actor: PUBLIC, action: 'tip.consented_to_report', entityType: 'tip', entityId: tip.id, ...anonymousAuditTime(now, tip.region_code) });
  });
  return followTip(deps, creds);
}

const tipScope = (p: Principal, perm: 'tips.read' | 'tips.handle', params: unknown[]) => scopeSql(p, perm, { region: 't.region_code' }, params);

async function toTip(db: Queryable, r: TipRow): Promise<z.infer<typeof Tip>> {
  return {
    id: r.id, receiptCode: r.receipt_code, regionCode: r.region_code, regionName: r.region_name ?? r.region_code, occurredOn: day(r.occurred_on), what: r.what,
    where: r.where_text, who: r.who_text, links: r.links, status: r.status, receivedOn: day(r.received_on)!, consentedToReport: r.consented_to_report,
    messages: await messagesOf(db, r.id), caseId: r.case_id ?? null, caseNumber: r.case_number ?? null, canAsk: r.status !== 'closed',
  };
}

export async function listTips(deps: Deps, p: Principal, q: { page: number; pageSize: number; status?: string; regionCode?: string }) {
  const params: unknown[] = [];
  const where = [tipScope(p, 'tips.read', params)];
  if (q.status) where.push(`t.status = $${params.push(q.status)}`);
  if (q.regionCode) where.push(`(t.region_code = $${params.push(q.regionCode)} OR t.region_code LIKE $${params.length} || '.%')`);
  const cond = where.join(' AND ');
  const total = (await deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tips t WHERE ${cond}`, params)).rows[0]!.n;
  const rows = (await deps.db.query<TipRow>(
    `SELECT t.*, r.name AS region_name, c.case_number FROM tips t JOIN regions r ON r.code = t.region_code LEFT JOIN cases c ON c.id = t.case_id WHERE ${cond}
      ORDER BY t.received_on DESC, t.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`, params,
  )).rows;
  return { items: await Promise.all(rows.map((r) => toTip(deps.db, r))), page: q.page, pageSize: q.pageSize, total };
}

export async function loadTip(db: Queryable, p: Principal, id: string, perm: 'tips.read' | 'tips.handle' = 'tips.read', forUpdate = false): Promise<TipRow> {
  const params: unknown[] = [id];
  const r = (await db.query<TipRow>(
    `SELECT t.*, r.name AS region_name, c.case_number FROM tips t JOIN regions r ON r.code = t.region_code LEFT JOIN cases c ON c.id = t.case_id WHERE t.id = $1 AND ${tipScope(p, perm, params)} ${forUpdate ? 'FOR UPDATE OF t' : ''}`, params,
  )).rows[0];
  if (!r) throw notFound('Informasi / Tip', id);
  return r;
}

export async function getTip(deps: Deps, p: Principal, id: string) {
  return toTip(deps.db, await loadTip(deps.db, p, id));
}

/**
 * A handler asks the anonymous reporter a question (shown on the follow page). The receipt channel
 * stays open until the tip is closed, also after it became a case (the reporter can still answer
 * there); a tip turned into a case keeps its status and never goes back to needs_info.
 */
export async function askReporter(deps: Deps, p: Principal, id: string, body: string) {
  await deps.db.transaction(async (tx) => {
    const tip = await loadTip(tx, p, id, 'tips.handle', true);
    if (tip.status === 'closed') throw tipClosed();
    await tx.query("INSERT INTO tip_messages (tip_id, author, handler_id, body, sent_on) VALUES ($1, 'handler', $2, $3, $4)", [id, p.userId, body, localDate(deps.clock.now(), tip.region_code)]);
    if (!isFinalTip(tip.status)) await tx.query("UPDATE tips SET status = 'needs_info' WHERE id = $1", [id]);
    await appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: 'tip.question_sent', entityType: 'tip', entityId: id, at: deps.clock.now() });
  });
  return getTip(deps, p, id);
}

export async function setTipStatus(deps: Deps, p: Principal, id: string, status: 'in_review' | 'closed', note?: string) {
  await deps.db.transaction(async (tx) => {
    const tip = await loadTip(tx, p, id, 'tips.handle', true);
    if (isFinalTip(tip.status)) throw tipFinal(tip.status);
    await tx.query('UPDATE tips SET status = $2 WHERE id = $1', [id, status]);
    if (note) await tx.query("INSERT INTO tip_messages (tip_id, author, handler_id, body, sent_on) VALUES ($1, 'handler', $2, $3, $4)", [id, p.userId, note, localDate(deps.clock.now(), tip.region_code)]);
    await appendAudit(tx, { actor: { id: p.userId, label: p.username }, action: `tip.${status === 'closed' ? 'closed' : 'review_started'}`, entityType: 'tip', entityId: id, before: { status: tip.status }, after: { status }, at: deps.clock.now() });
  });
  return getTip(deps, p, id);
}
