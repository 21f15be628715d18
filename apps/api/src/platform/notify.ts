/**
 * Outgoing notices through real adapters: e-mail over SMTP (nodemailer) and a WhatsApp gateway
 * over HTTP (POST {to, text} with a bearer token — the common shape of Indonesian WA gateways).
 * Messages are queued in `notification_outbox` inside the transaction of the change and delivered
 * after commit; delivery is retried and never blocks the change.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Queryable } from '../db/client.ts';

export type Channel = 'email' | 'whatsapp';
export type Notice = { channel: Channel; recipient: string; subject: string; body: string; caseId?: string };

export interface Notifier {
  send(n: Notice): Promise<'sent' | 'skipped'>;
  /** Whether this server can deliver on the channel at all (an SMTP server / a WhatsApp gateway is configured). */
  available(channel: Channel): boolean;
}

export function createNotifier(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'whatsappUrl' | 'whatsappToken'>): Notifier {
  const mail = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  return {
    available: (channel) => (channel === 'email' ? mail !== null : !!config.whatsappUrl),
    async send(n) {
      if (n.channel === 'email') {
        if (!mail) return 'skipped';
        await mail.sendMail({ from: config.mailFrom, to: n.recipient, subject: n.subject, text: n.body });
        return 'sent';
      }
      if (!config.whatsappUrl) return 'skipped';
      const res = await fetch(config.whatsappUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(config.whatsappToken ? { authorization: `Bearer ${config.whatsappToken}` } : {}) },
        body: JSON.stringify({ to: n.recipient, text: `${n.subject}\n\n${n.body}` }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`WhatsApp gateway answered ${res.status}`);
      return 'sent';
    },
  };
}

/** Queues notices in the caller's transaction, in batches (a reminder run may queue thousands). */
/** Queues notices in the caller's transaction; returns their ids (to deliver one at once: `deliverOutbox(..., { ids })`). */
export async function enqueue(tx: Queryable, notices: Notice[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < notices.length; i += 1000) {
    const batch = notices.slice(i, i + 1000);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO notification_outbox (channel, recipient, subject, body, case_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[]) RETURNING id`,
      [batch.map((n) => n.channel), batch.map((n) => n.recipient), batch.map((n) => n.subject), batch.map((n) => n.body), batch.map((n) => n.caseId ?? null)],
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

const MAX_ATTEMPTS = 5;

/**
 * Delivers pending notices (a bounded batch, oldest first, or exactly `ids`: a one-time code must not
 * wait behind thousands of reminders queued before it); failures are retried up to 5 times.
 */
export async function deliverOutbox(db: Queryable, notifier: Notifier, opts: { batch?: number; ids?: string[] } = {}): Promise<{ sent: number; failed: number; skipped: number }> {
  const batch = opts.batch ?? 100;
  // claim a batch atomically, so concurrent deliveries never send one notice twice; a claim left
  // by a crashed process is taken over after 5 minutes
  const only = opts.ids ? 'AND id = ANY($2::uuid[])' : '';
  const { rows } = await db.query<{ id: string; channel: Channel; recipient: string; subject: string; body: string; attempts: number }>(
    `UPDATE notification_outbox SET status = 'sending', claimed_at = now()
      WHERE id IN (SELECT id FROM notification_outbox
                    WHERE (status = 'pending' OR (status = 'sending' AND claimed_at < now() - interval '5 minutes')) ${only}
                    ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, channel, recipient, subject, body, attempts`,
    opts.ids ? [batch, opts.ids] : [batch],
  );
  const out = { sent: 0, failed: 0, skipped: 0 };
  for (const r of rows) {
    try {
      const result = await notifier.send(r);
      await db.query('UPDATE notification_outbox SET status = $2, attempts = attempts + 1, sent_at = now() WHERE id = $1', [r.id, result]);
      out[result] += 1;
    } catch (e) {
      const attempts = r.attempts + 1;
      await db.query('UPDATE notification_outbox SET status = $2, attempts = $3, last_error = $4 WHERE id = $1', [r.id, attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', attempts, (e as Error).message.slice(0, 500)]);
      out.failed += 1;
    }
  }
  return out;
}

/**
 * Delivers the whole queue batch after batch (the background sender and after a reminder run). A
 * failed notice goes back to the queue for a later try and does not hold up the rest; bounded so a
 * gateway that fails everything cannot keep it looping.
 */
export async function drainOutbox(db: Queryable, notifier: Notifier | undefined, onError: (err: unknown) => void, maxBatches = 1000): Promise<number> {
  if (!notifier) return 0;
  let delivered = 0;
  try {
    for (let i = 0; i < maxBatches; i++) {
      const r = await deliverOutbox(db, notifier);
      delivered += r.sent + r.skipped;
      if (r.sent + r.failed + r.skipped < 100) break;
    }
  } catch (err) {
    onError(err);
  }
  return delivered;
}
