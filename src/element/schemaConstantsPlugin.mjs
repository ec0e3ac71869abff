/**
 * An esbuild plugin for the element's builds (tsup.config.ts, examples/council-site/build.mjs):
 * imports of src/schema/dataset.js resolve to src/schema/constants.ts, the schema's vocabularies
 * without the zod schema. A module of the element that needed a schema itself would fail the
 * build ("No matching export"), never load zod in silence.
 */
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = resolve(here, '..');
const constants = resolve(srcDir, 'schema', 'constants.ts');

export const schemaConstantsPlugin = {
  name: 'schema-constants-only',
  setup(build) {
    build.onResolve({ filter: /[\\/]schema[\\/]dataset(\.js|\.ts)?$/ }, (args) => {
      if (!args.importer.startsWith(srcDir + sep) || args.importer === constants) return undefined;
      return { path: constants };
    });
  },
};
