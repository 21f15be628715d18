/**
 * Rows counted per region code, as a tree: each region under the nearest region of the list it lies in
 * (a kelurahan under its kecamatan), so a Pemkot reads its kecamatan first and opens one to see its
 * kelurahan. A node's `total` adds up its whole subtree; `own` is what was counted at the region itself
 * (the camat's office), kept apart so nothing is counted twice. Pure.
 */
export type RegionNode<T> = { code: string; name: string | null; own: T | null; total: T; children: RegionNode<T>[] };

export function regionTree<T>(
  rows: readonly (T & { regionCode: string; regionName: string | null })[],
  add: (a: T, b: T) => T,
): RegionNode<T>[] {
  const sorted = [...rows].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  const byCode = new Map<string, RegionNode<T>>();
  const roots: RegionNode<T>[] = [];
  for (const row of sorted) {
    const node: RegionNode<T> = { code: row.regionCode, name: row.regionName, own: row, total: row, children: [] };
    byCode.set(row.regionCode, node);
    // the nearest listed ancestor: the longest code that is a whole-segment prefix of this one
    const parts = row.regionCode.split('.');
    let parent: RegionNode<T> | undefined;
    for (let depth = parts.length - 1; depth > 0 && !parent; depth--) parent = byCode.get(parts.slice(0, depth).join('.'));
    (parent ? parent.children : roots).push(node);
  }
  const sum = (node: RegionNode<T>): T => {
    node.total = node.children.reduce((acc, child) => add(acc, sum(child)), node.own ?? node.total);
    return node.total;
  };
  roots.forEach(sum);
  return roots;
}
