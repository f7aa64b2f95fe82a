import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { INDICATOR_CATALOG } from '../../../schemas/indicators/catalog.ts';

/**
 * The dashboard: a static single-page app (this folder's index.html, ES modules and CSS; no
 * build step) served beside the API, so it calls /v1 on its own origin:
 *
 *   GET /                              index.html
 *   GET /dashboard/<file>              app.js, drill-down.js, …, styles.css
 *   GET /dashboard/indicators.json     the catalog's indicator names (vi, en) and units
 *
 * No token is needed for these: they hold no data. Every data call the page makes goes to /v1
 * with `Authorization: Bearer <token>` (the page reads it from `#token=…` or asks for it).
 * The files are read once, when the plugin is registered, so a missing file fails at boot;
 * only those files are served (no path from the request ever reaches the file system).
 * A strict Content-Security-Policy allows scripts, styles and connections to this origin only.
 */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'",
  "frame-src 'self' blob:", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

interface Asset { body: Buffer; type: string }

function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (type === undefined || !/^[a-z0-9-]+\.[a-z]+$/.test(name)) continue;
    assets.set(name, { body: readFileSync(join(dir, name)), type });
  }
  const names = INDICATOR_CATALOG.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit }));
  assets.set('indicators.json', { body: Buffer.from(JSON.stringify({ indicators: names })), type: TYPES['.json']! });
  if (!assets.has('index.html')) throw new Error(`the dashboard has no index.html in ${dir}`);
  return assets;
}

function send(reply: FastifyReply, asset: Asset): FastifyReply {
  return reply
    .header('content-type', asset.type)
    .header('cache-control', 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', CSP)
    .send(asset.body);
}

export const dashboardRoutes: FastifyPluginAsync = (app) => {
  const assets = loadAssets(import.meta.dirname);
  const index = assets.get('index.html')!;

  app.get('/', { schema: { hide: true } }, (_request, reply) => send(reply, index));
  app.get<{ Params: { file: string } }>('/dashboard/:file', { schema: { hide: true } }, (request, reply) => {
    const asset = request.params.file === 'index.html' ? undefined : assets.get(request.params.file);
    if (!asset) throw tonghopError('TH_ERR_NOT_FOUND', [`/dashboard/${request.params.file}`]);
    return send(reply, asset);
  });
  return Promise.resolve();
};
