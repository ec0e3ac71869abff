import type { Plugin } from 'esbuild';
/** See schemaConstantsPlugin.mjs. */
export declare const schemaConstantsPlugin: Plugin;
