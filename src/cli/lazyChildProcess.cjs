/**
 * node:child_process as commander sees it in the built CLI (tsup.config.ts): commander requires
 * it when it loads, for executable subcommands, which this CLI has none of; loading it costs
 * about as much as the rest of commander. So it is required on first use instead.
 */
'use strict';
module.exports = new Proxy({}, { get: (_target, name) => require('node:child_process')[name] });
