// Netra promises to run on the oldest Node.js its root package.json admits (Node 20.19, the
// machines' runtime). A dependency whose own `engines.node` refuses that version may work by luck
// today and break on its next patch, so every locked package must admit it; where a transitive
// dependency moved on, the root `overrides` pin a compatible line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = (name: string) => JSON.parse(readFileSync(root + name, 'utf8'));

describe('supported Node.js versions', () => {
  const rootPackage = readJson('package.json') as { engines: { node: string } };
  const lock = readJson('package-lock.json') as {
    packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
  };
  const oldest = semver.minVersion(rootPackage.engines.node);

  it('the product names its oldest Node.js and runs on it here', () => {
    expect(oldest?.version).toBe('20.19.0');
    expect(semver.satisfies(process.versions.node, rootPackage.engines.node)).toBe(true);
  });

  it('every locked package admits the oldest supported Node.js', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path.includes('node_modules/'))
      .flatMap(([path, pkg]) => {
        const range = !pkg.engines || Array.isArray(pkg.engines) ? undefined : pkg.engines.node;
        if (!range || semver.satisfies(oldest!, range)) return [];
        return [`${path.replace(/^.*node_modules\//, '')}@${pkg.version} wants node ${range}`];
      });
    expect(refusing).toEqual([]);
  });
});
