/**
 * Every export bundles for the browser: esbuild (platform "browser") resolves each src/io module
 * and its dependencies without any Node built-in, and graphology-gexf's Node-only parser
 * (@xmldom/xmldom) stays out of the bundle.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const modules = ['mermaid', 'dot', 'graphml', 'gexf', 'jsonld', 'json', 'graphology'];

describe('exports bundle for browsers', () => {
  it.each(modules)('src/io/%s.ts', async (name) => {
    const result = await build({
      entryPoints: [`${root}src/io/${name}.ts`],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => /xmldom|node:/.test(p))).toEqual([]);
  });
});
