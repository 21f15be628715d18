import { describe, expect, it } from 'vitest';
import { regionTree } from './region-tree.ts';

type C = { required: number; signed: number };
const add = (a: C, b: C) => ({ required: a.required + b.required, signed: a.signed + b.signed });
const row = (regionCode: string, regionName: string, required: number, signed: number) => ({ regionCode, regionName, required, signed });

describe('regionTree', () => {
  it('nests kelurahan under their kecamatan, adds up subtrees, and keeps what was counted at the kecamatan itself', () => {
    const tree = regionTree([
      row('32.75.02.1002', 'Harapan Jaya', 10, 4),
      row('32.75.01', 'Bekasi Barat', 3, 3),
      row('32.75.01.1001', 'Bintara', 5, 1),
      row('32.75.01.1002', 'Kranji', 2, 2),
      row('32.75', 'Kota Bekasi', 20, 10),
    ], add);
    expect(tree.map((n) => n.code)).toEqual(['32.75']);
    const city = tree[0]!;
    expect(city.total).toEqual({ required: 40, signed: 20 });
    expect(city.own).toMatchObject({ required: 20, signed: 10 });
    expect(city.children.map((n) => n.code)).toEqual(['32.75.01', '32.75.02.1002']);
    const barat = city.children[0]!;
    expect(barat.total).toEqual({ required: 10, signed: 6 });
    expect(barat.children.map((n) => [n.name, n.total.required])).toEqual([['Bintara', 5], ['Kranji', 2]]);
    // a kelurahan whose kecamatan has no row of its own sits under the nearest listed region
    expect(city.children[1]).toMatchObject({ name: 'Harapan Jaya', total: { required: 10, signed: 4 }, children: [] });
  });

  it('leaves regions with no listed ancestor at the top, and does not take 32.7 for a parent of 32.75', () => {
    const tree = regionTree([row('32.7', 'X', 1, 0), row('32.75.01', 'Bekasi Barat', 2, 1), row('36.04.01', 'Cinangka', 4, 4)], add);
    expect(tree.map((n) => [n.code, n.total.required])).toEqual([['32.7', 1], ['32.75.01', 2], ['36.04.01', 4]]);
  });
});
