/**
 * `import 'career-lattice/element'` registers <career-pathways> for its effect alone: a bundler
 * must keep that import. package.json's "sideEffects" says which files have effects; this bundles
 * the import with esbuild against the package's real package.json (and, as a control, against
 * `"sideEffects": false`, which drops it).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
const dirs: string[] = [];

/** A consumer app whose node_modules holds the package (its manifest, entry files that mark themselves). */
async function bundle(manifest: Record<string, unknown>): Promise<string> {
  const app = mkdtempSync(join(tmpdir(), 'side-effects-'));
  dirs.push(app);
  const dist = join(app, 'node_modules/career-lattice/dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(app, 'node_modules/career-lattice/package.json'), JSON.stringify(manifest));
  for (const file of ['element.js', 'element.cjs', 'index.js', 'index.cjs'])
    writeFileSync(join(dist, file), `globalThis.registered = ${JSON.stringify(file)};\n`);
  writeFileSync(join(app, 'main.js'), "import 'career-lattice/element';\n");
  const out = await build({
    absWorkingDir: app,
    entryPoints: ['main.js'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('package.json sideEffects', () => {
  it('keeps `import "career-lattice/element"` in a bundled app', async () => {
    expect(await bundle(pkg)).toContain('registered = "element.js"');
  });

  it('(control) a package marked side-effect free would lose it', async () => {
    expect(await bundle({ ...pkg, sideEffects: false })).not.toContain('registered');
  });

  it('the core entry stays side-effect free (unused imports of it are dropped)', () => {
    const effects = pkg.sideEffects as string[];
    expect(Array.isArray(effects)).toBe(true);
    expect(effects.some((p) => p.includes('index'))).toBe(false);
  });
});
