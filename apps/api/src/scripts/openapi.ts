import { buildApp } from '../app.ts';
import { openEmbedded } from '../db/client.ts';
import { createLogger } from '../platform/logger.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../config.ts';

/** The OpenAPI document as the running app describes it (no database access needed). */
export async function openApiDocument(): Promise<string> {
  const db = { kind: 'embedded' } as Awaited<ReturnType<typeof openEmbedded>>;
  const app = await buildApp({ db, clock: systemClock, logger: createLogger('silent'), config: loadConfig({}) });
  await app.ready();
  const doc = JSON.stringify(app.swagger(), null, 2) + '\n';
  await app.close();
  return doc;
}
