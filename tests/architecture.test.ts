/**
 * The layers flow one way (src/README.md, "How it is built"): every import of a module under src/
 * goes to its own layer or one below. A new folder must be given a layer here (and in the map in
 * src/README.md) before its first import is accepted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/** Bottom first. Each entry: a layer's name and the paths (under src/) it owns. */
const LAYERS: readonly { readonly name: string; readonly owns: readonly string[] }[] = [
  { name: 'foundation', owns: ['util/', 'errors.ts', 'arguments.ts'] },
  { name: 'schema', owns: ['schema/'] },
  { name: 'vocabulary', owns: ['types.ts'] },
  { name: 'dataset', owns: ['overlay/', 'data/', 'model/'] },
  { name: 'index', owns: ['graph/'] },
  { name: 'algorithms', owns: ['algorithms/'] },
  { name: 'queries', owns: ['queries/'] },
  { name: 'facade', owns: ['lattice/'] },
  { name: 'io', owns: ['io/', 'importers/', 'analysis/', 'evidence/'] },
  { name: 'entry points', owns: ['index.ts', 'cli/', 'element/'] },
];

function layerOf(file: string): number {
  const rel = relative(src, file).split('\\').join('/');
  const i = LAYERS.findIndex((l) =>
    l.owns.some((p) => (p.endsWith('/') ? rel.startsWith(p) : rel === p)),
  );
  if (i === -1)
    throw new Error(
      `src/${rel} is in no layer: add its folder to LAYERS in tests/architecture.test.ts and to the map in src/README.md`,
    );
  return i;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test(-d)?\.ts$/.test(name) && !name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

/** Relative imports and re-exports of a module (static, dynamic and side-effect ones), resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm),
  ].map((m) => m[1]!);
  return specifiers
    .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
    .filter((p) => p.startsWith(`${src}/`) && /\.tsx?$/.test(p));
}

describe('architecture', () => {
  const files = sourceFiles(src);

  it('finds the modules and reads their imports', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(importsOf(join(src, 'lattice/Lattice.ts')).map((p) => relative(src, p))).toContain(
      'queries/pathsBetween.ts',
    );
  });

  it('every module is in a layer, and imports only from its own layer or those below', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (to > from)
          upward.push(
            `src/${relative(src, file)} (${LAYERS[from]!.name}) imports src/${relative(src, target)} (${LAYERS[to]!.name})`,
          );
      }
    }
    expect(upward).toEqual([]);
  });

  it('catches an upward import (the check itself can fail)', () => {
    expect(layerOf(join(src, 'queries/pathsBetween.ts'))).toBeLessThan(
      layerOf(join(src, 'lattice/Lattice.ts')),
    );
    expect(layerOf(join(src, 'graph/buildIndex.ts'))).toBeGreaterThan(
      layerOf(join(src, 'overlay/extendDataset.ts')),
    );
    expect(() => layerOf(join(src, 'somewhere-new/x.ts'))).toThrow(/in no layer/);
  });

  it('route options and limits come from one place: no route query imports another', () => {
    const queries = ['pathsBetween', 'fastestRoutes', 'prerequisitesFor', 'reachableFrom', 'gapTo'];
    for (const q of queries) {
      const imported = importsOf(join(src, `queries/${q}.ts`)).map((p) =>
        relative(join(src, 'queries'), p).replace(/\.ts$/, ''),
      );
      expect(
        imported.filter((name) => queries.includes(name) && name !== q),
        q,
      ).toEqual([]);
    }
  });
});
