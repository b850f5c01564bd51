/**
 * A small static file server for the built site: `npm start` uses it after building, and the
 * browser tests start it on a free port. It serves `dist/` under the site's base path (so a
 * build made for `/inspections/` is served there), resolves `/foo/` to `/foo/index.html`, and
 * never serves a file outside the folder. Like a static host, it sends the headers listed for
 * `/*` in the build's `_headers` file (the Content-Security-Policy among them).
 *
 * Usage: node scripts/serve.ts [--dir dist] [--port 4321] [--host 127.0.0.1] [--base /]
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { localServer } from '../src/lib/site/address.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface ServeOptions {
  /** The built site's folder. */
  dir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The base path the site was built with, e.g. `/` or `/inspections/`. */
  base?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Maps a request path to a file in `dir`, or undefined when it falls outside the base or the folder. */
export function resolveRequestPath(dir: string, base: string, requestPath: string): string | undefined {
  const normalBase = base.endsWith('/') ? base : `${base}/`;
  let pathname: string;
  try {
    pathname = decodeURIComponent(requestPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (`${pathname}/` === normalBase) pathname = normalBase;
  if (!pathname.startsWith(normalBase)) return undefined;
  const relative = pathname.slice(normalBase.length);
  const root = path.resolve(dir);
  const file = path.resolve(root, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The headers a `_headers` file sets for every path (`/*`), as Netlify and Cloudflare read it. */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAllPaths = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inAllPaths = line.trim() === '/*';
    else if (inAllPaths && line.includes(':')) {
      const [name = '', ...value] = line.trim().split(':');
      headers[name.trim()] = value.join(':').trim();
    }
  }
  return headers;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const { dir, port = 0, host = '127.0.0.1', base = '/' } = options;
  const notFoundPage = path.join(dir, '404.html');
  const siteHeaders = parseHeadersFile(await readFile(path.join(dir, '_headers'), 'utf8').catch(() => ''));

  const server: Server = createServer(async (request, response) => {
    const requested = resolveRequestPath(dir, base, request.url ?? '/');
    let file = requested;
    if (file && !(await isFile(file))) {
      // `/reports/x` (no slash) redirects to `/reports/x/` when that is a page.
      if (!file.endsWith('.html') && (await isFile(path.join(file, 'index.html')))) {
        const location = `${(request.url ?? '/').split('?')[0]}/`;
        response.writeHead(301, { Location: location });
        response.end();
        return;
      }
      file = undefined;
    }
    if (!file) {
      const hasNotFoundPage = await isFile(notFoundPage);
      response.writeHead(404, { ...siteHeaders, 'Content-Type': 'text/html; charset=utf-8' });
      if (hasNotFoundPage) createReadStream(notFoundPage).pipe(response);
      else response.end('<!doctype html><title>Not found</title><p>Not found.</p>');
      return;
    }
    response.writeHead(200, {
      ...siteHeaders,
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(response);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const normalBase = base.endsWith('/') ? base : `${base}/`;
      resolve({
        url: `http://${host}:${actualPort}${normalBase}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

async function main(): Promise<void> {
  // The same host and port a local build (npm start: scripts/build.ts --local) is made for.
  const local = localServer(process.env);
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: String(local.port) },
      host: { type: 'string', default: local.host },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
    },
  });
  if (!(await isFile(path.join(values.dir, 'index.html')))) {
    console.error(`serve: ${values.dir}/index.html does not exist. Fix: build the site first (npm run build).`);
    process.exit(1);
  }
  const running = await serve({ dir: values.dir, port: Number(values.port), host: values.host, base: values.base });
  console.log(`The site is being served at ${running.url} (press Ctrl+C to stop).`);
}

if (import.meta.main) await main();
