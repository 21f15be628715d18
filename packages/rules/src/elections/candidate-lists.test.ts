import { describe, expect, it } from 'vitest';
import { PEMILU_2024 } from './pemilu-2024.ts';
import { PILKADA_2024 } from './pilkada-2024.ts';
import { listKindRefusal, pairRegionRefusal } from './candidate-lists.ts';

describe('which KPU lists an election takes', () => {
  it('Pemilu 2024 takes parties, DCT and pairs; Pilkada 2024 only pairs', () => {
    for (const kind of ['party', 'legislative', 'pair'] as const) expect(listKindRefusal(PEMILU_2024, kind), kind).toBeNull();
    expect(listKindRefusal(PILKADA_2024, 'pair')).toBeNull();
    const dct = listKindRefusal(PILKADA_2024, 'legislative')!;
    expect(dct.id).toContain('Pemilihan Serentak 2024');
    expect(dct.id).toContain('calon legislatif');
    expect(dct.en).toContain('legislative candidate list');
    expect(listKindRefusal(PILKADA_2024, 'party')).not.toBeNull();
  });

  it("a pair runs at one of the election's contest levels, where the contest is held", () => {
    // Pemilu 2024: the presidential pairs only (no region code)
    expect(pairRegionRefusal(PEMILU_2024, undefined)).toBeNull();
    const city = pairRegionRefusal(PEMILU_2024, '32.75')!;
    expect(city.en).toMatch(/no pair for region 32\.75: its pairs run at national/);
    expect(city.id).toContain('32.75');
    expect(pairRegionRefusal(PEMILU_2024, '32')).not.toBeNull();
    // Pilkada 2024: governors' and regents'/mayors' pairs
    expect(pairRegionRefusal(PILKADA_2024, '32')).toBeNull();
    expect(pairRegionRefusal(PILKADA_2024, '32.75')).toBeNull();
    expect(pairRegionRefusal(PILKADA_2024, undefined)!.en).toMatch(/no national pair: its pairs run at province .* or regency\/city/);
    expect(pairRegionRefusal(PILKADA_2024, '32.75.01')).not.toBeNull();
    // no DIY governor, no mayors of Jakarta's administrative cities
    expect(pairRegionRefusal(PILKADA_2024, '34')!.en).toContain('DIY governor');
    expect(pairRegionRefusal(PILKADA_2024, '34.71')).toBeNull();
    expect(pairRegionRefusal(PILKADA_2024, '31.71')!.id).toContain('DKI Jakarta');
  });
});
