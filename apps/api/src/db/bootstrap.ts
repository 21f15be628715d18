import type { Db } from './client.ts';
import { migrate } from './migrate.ts';
import { loadRegions, type RegionLevelName } from '../modules/regions/regions.loader.ts';
import { standardTemplates } from '../modules/pledges/pledge-templates.service.ts';

/** Creates/migrates the schema and loads the master data (regions, standard pledge texts); safe to run on every start. */
export async function prepareDatabase(db: Db, opts: { regionLevels?: RegionLevelName[] } = {}) {
  const migrations = await migrate(db);
  const regions = await loadRegions(db, opts.regionLevels);
  await db.transaction((tx) => standardTemplates(tx));
  return { migrations, regions };
}

export async function isEmpty(db: Db): Promise<boolean> {
  const r = await db.query<{ n: number }>('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM agencies) AS n');
  return Number(r.rows[0]!.n) === 0;
}
