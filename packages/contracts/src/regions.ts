import { z } from 'zod';
import { RegionCode } from './common.ts';

export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export const RegionLevel = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof RegionLevel>;

export const Region = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: RegionLevel,
  name: z.string(),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
});
export type Region = z.infer<typeof Region>;

export const RegionQuery = z.object({
  level: RegionLevel.optional(),
  parent: RegionCode.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});
export const RegionList = z.object({ items: z.array(Region), total: z.number().int() });
