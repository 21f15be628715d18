/** Runs one import in its own process so its peak RSS can be reported. */
import fs from 'node:fs';
import { openEmbedded, openPostgres } from '../apps/api/src/db/client.ts';
import { prepareDatabase } from '../apps/api/src/db/bootstrap.ts';
import { createLogger } from '../apps/api/src/platform/logger.ts';
import { systemClock } from '../apps/api/src/platform/clock.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { createAgency } from '../apps/api/src/modules/agencies/agencies.service.ts';
import { runImport, startImportRun } from '../apps/api/src/modules/registry/import.service.ts';

const [engine, file, url] = process.argv.slice(2) as ['postgres' | 'embedded', string, string | undefined];
const db = engine === 'postgres' ? await openPostgres(url!) : await openEmbedded(null);
await prepareDatabase(db, { regionLevels: ['province', 'regency'] });
const deps = { db, clock: systemClock, logger: createLogger(process.env.BENCH_LOG ?? 'warn'), config: loadConfig({}) };
const actor = { id: null, label: 'bench' };
const agency = await createAgency(deps, 'system', actor, { name: `Bench ${Date.now()}`, regionCode: '32.75' });
const options = { dryRun: false, skipInvalid: false };
const runId = await startImportRun(db, { agencyId: agency.id, actor, fileName: file, options });
const t0 = performance.now();
const r = await runImport(deps, { runId, agencyId: agency.id, agencyRegion: '32.75', actor, principal: 'system', source: { stream: fs.createReadStream(file), fileName: file }, options });
const ms = performance.now() - t0;
const t1 = performance.now();
const again = await runImport(deps, { runId: await startImportRun(db, { agencyId: agency.id, actor, fileName: file, options }), agencyId: agency.id, agencyRegion: '32.75', actor, principal: 'system', source: { stream: fs.createReadStream(file), fileName: file }, options });
const msAgain = performance.now() - t1;
await db.close();
process.stdout.write(JSON.stringify({ status: r.status, inserted: r.summary?.inserted, unchanged: again.summary?.unchanged, ms, msAgain, maxRssKb: process.resourceUsage().maxRSS, failure: r.failure }) + '\n');
