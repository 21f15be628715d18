import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDb } from '../../test/harness.ts';
import type { Db } from './client.ts';

describe.each(DB_KINDS)('date columns on %s', (kind) => {
  let db: Db;
  let drop: () => Promise<void>;
  const tz = process.env.TZ;
  beforeAll(async () => ({ db, drop } = await freshDb(kind)));
  afterAll(async () => {
    process.env.TZ = tz;
    await drop();
  });

  it('keep their calendar day whatever time zone the server process runs in', async () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Jayapura', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = zone;
      const d = (await db.query<{ d: Date }>("SELECT '2023-11-02'::date AS d")).rows[0]!.d;
      expect(new Date(d).toISOString().slice(0, 10), zone).toBe('2023-11-02');
    }
  });
});
