import type { Queryable } from '../../db/client.ts';
import type { Region, RegionLevel } from '@netra/contracts';

type RegionRow = { code: string; parent_code: string | null; level: RegionLevel; name: string; time_zone: Region['timeZone'] };
const toRegion = (r: RegionRow): Region => ({ code: r.code, parentCode: r.parent_code, level: r.level, name: r.name, timeZone: r.time_zone });

/** Region master data is public reference data (no scope). */
export async function listRegions(db: Queryable, q: { level?: RegionLevel; parent?: string; q?: string; limit: number }) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.level) where.push(`level = $${params.push(q.level)}`);
  if (q.parent) where.push(`parent_code = $${params.push(q.parent)}`);
  if (q.q) where.push(`name ILIKE '%' || $${params.push(q.q.replace(/[%_\\]/g, '\\$&'))} || '%'`);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM regions ${cond}`, params)).rows[0]!.n;
  const rows = (await db.query<RegionRow>(`SELECT code, parent_code, level, name, time_zone FROM regions ${cond} ORDER BY code LIMIT ${q.limit}`, params)).rows;
  return { items: rows.map(toRegion), total };
}

export async function getRegion(db: Queryable, code: string): Promise<Region | null> {
  const r = (await db.query<RegionRow>('SELECT code, parent_code, level, name, time_zone FROM regions WHERE code = $1', [code])).rows[0];
  return r ? toRegion(r) : null;
}

export async function provinceCodes(db: Queryable): Promise<Set<string>> {
  return new Set((await db.query<{ code: string }>("SELECT code FROM regions WHERE level = 'province'")).rows.map((r) => r.code));
}
