/**
 * Receivers for outgoing notices in tests: a real local SMTP server (smtp-server) and a local HTTP
 * stand-in for the WhatsApp gateway (the only stand-in: the gateway is an outside service).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type NoticeServers = {
  mails: { to: string; data: string }[];
  whatsapps: { auth: string | undefined; body: { to: string; text: string } }[];
  /** Config overrides that point the notifier at these servers. */
  config: { smtpUrl: string; whatsappUrl: string; whatsappToken: string };
  /** While false, the gateway answers 503 (to test retries). */
  setGatewayUp(up: boolean): void;
  close(): Promise<void>;
};

export async function startNoticeServers(): Promise<NoticeServers> {
  const mails: NoticeServers['mails'] = [];
  const whatsapps: NoticeServers['whatsapps'] = [];
  let gatewayUp = true;
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, cb) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const wa = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      if (!gatewayUp) return res.writeHead(503).end();
      whatsapps.push({ auth: req.headers.authorization, body: JSON.parse(body) as { to: string; text: string } });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"queued"}');
    });
  });
  await new Promise<void>((r) => wa.listen(0, '127.0.0.1', r));
  return {
    mails,
    whatsapps,
    config: {
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      whatsappUrl: `http://127.0.0.1:${(wa.address() as AddressInfo).port}/send`, whatsappToken: 'test-token',
    },
    setGatewayUp: (up) => void (gatewayUp = up),
    close: async () => {
      await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => wa.close(() => r()));
    },
  };
}
