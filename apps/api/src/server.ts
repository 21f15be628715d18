import { drainOutbox } from './platform/notify.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { buildApp } from './app.ts';
import { openDb } from './db/client.ts';
import { isEmpty, prepareDatabase } from './db/bootstrap.ts';
import { systemClock } from './platform/clock.ts';
import { createLogger } from './platform/logger.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from './modules/demo/demo.service.ts';
import { flushNotices, sweepDeadlines } from './modules/cases/cases.service.ts';
import { createNotifier } from './platform/notify.ts';
import { startAuditSealer } from './platform/audit.ts';

export async function createDeps(config: Config): Promise<Deps> {
  const logger = createLogger(config.logLevel);
  const db = await openDb(config.database);
  return { db, config, logger, clock: systemClock, notifier: createNotifier(config) };
}

/** Demo data goes into an empty embedded database by default; on a server only when asked. */
export async function maybeLoadDemo(deps: Deps, out: (s: string) => void) {
  const wanted = deps.config.demo === 'true' || (deps.config.demo === 'auto' && deps.db.kind === 'embedded');
  if (!wanted || !(await isEmpty(deps.db))) return false;
  out('Memuat data demo (Pemerintah Kota Bekasi)... / Loading demo data...');
  const t = performance.now();
  const r = await loadDemo(deps);
  out(`Data demo dimuat: ${r.employees} pegawai, ${r.units} unit (${Math.round(performance.now() - t)} ms).`);
  out('Akun demo / Demo accounts (password: ' + DEMO_PASSWORD + '):');
  for (const a of DEMO_ACCOUNTS) out(`  ${a.username.padEnd(18)} ${a.role.padEnd(19)} ${a.note}`);
  out('Peran admin memerlukan 2FA: saat masuk pertama, tambahkan kode rahasia yang ditampilkan ke aplikasi autentikator.');
  return true;
}

export async function serve(config: Config) {
  const deps = await createDeps(config);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  await prepareDatabase(deps.db);
  await maybeLoadDemo(deps, out);
  const serveWeb = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (!serveWeb) deps.logger.warn('web UI not built; serving the API only (run npm run build)');
  const app = await buildApp(deps, { serveWeb });
  // deadline sweep: warns before and escalates after statutory deadlines (idempotent)
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweepDeadlines(deps)
      .then((r) => r.warned + r.escalated > 0 && deps.logger.info(r, 'deadline sweep'))
      .then(() => flushNotices(deps))
      .catch((err: unknown) => deps.logger.error({ err }, 'deadline sweep failed'))
      .finally(() => (sweeping = false));
  }, 10 * 60_000);
  sweep.unref();
  // background sender: whatever a request did not deliver itself (reminder runs, retries after a failed send)
  let sending = false;
  const sender = setInterval(() => {
    if (sending || !deps.notifier) return;
    sending = true;
    void drainOutbox(deps.db, deps.notifier, (err) => deps.logger.error({ err }, 'notice delivery failed')).finally(() => (sending = false));
  }, 30_000);
  sender.unref();
  // audit sealer: links committed audit entries into the hash chain (writers never wait on the chain)
  const stopSealer = startAuditSealer(deps.db, 1000, (err) => deps.logger.error({ err }, 'audit sealing failed'));
  const close = async () => {
    clearInterval(sweep);
    clearInterval(sender);
    await app.close();
    await stopSealer();
    await deps.db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ port: config.port, host: config.host });
  out(`Netra berjalan di http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${deps.db.kind})`);
  return app;
}
