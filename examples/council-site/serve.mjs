#!/usr/bin/env node
/**
 * A tiny static server for the built site (examples/council-site/dist/), for trying it locally:
 *
 *   PORT=8080 node examples/council-site/serve.mjs [DIR]
 *
 * Port 5173 by default (`PORT=0` picks a free one). Serves files only from DIR, on localhost,
 * with the site's Content-Security-Policy (csp.mjs) as a header.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP } from './csp.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, 'dist'));
const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

const server = createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep))
      throw Object.assign(new Error('outside root'), { status: 403 });
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    await stat(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'content-security-policy': CSP,
    });
    createReadStream(file).pipe(res);
  } catch (e) {
    const status = e?.status ?? 404;
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(status === 403 ? 'Forbidden' : 'Not found');
  }
});

server.on('error', (e) => {
  console.error(
    `site: ${e.code === 'EADDRINUSE' ? `port ${port} is in use; try PORT=0 npm run site` : e.message}`,
  );
  process.exit(1);
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(
    `Council career site: http://localhost:${actual}/  (serving ${root}; Ctrl+C to stop)`,
  );
});
