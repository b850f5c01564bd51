/**
 * The site's public address, from one setting (README, "Publishing the site"; DESIGN.md §2).
 *
 * SITE_URL is the address the site is published at, e.g. https://inspections.example.gov.uk; it
 * goes into every canonical link, og:url, the sitemap, the feeds, the preview pages, the open
 * data's permanent links and the citations a reader copies or exports. BASE_PATH is the sub-path
 * under that host, e.g. /inspections/ (default /). A SITE_URL with a path (GitHub Pages'
 * https://owner.github.io/repo) gives the base too when BASE_PATH is not set.
 *
 * A production build without SITE_URL is refused (scripts/build.ts, and the check in
 * astro.config.mjs for a bare `astro build`): there is no made-up host to fall back on. A local
 * build (`npm start`, which runs scripts/build.ts --local) uses the address scripts/serve.ts then
 * serves it at: `localSiteUrl`, from the same HOST and PORT defaults.
 */

export interface SiteAddress {
  /** The origin, e.g. https://inspections.example.gov.uk: Astro's `site`. */
  site: string;
  /** The base path, with a slash at each end: `/` or `/inspections/`. Astro's `base`. */
  base: string;
  /** The home page's absolute address: site and base, e.g. https://owner.github.io/repo/ */
  home: string;
}

/** What `npm start` serves on unless HOST or PORT says otherwise (scripts/serve.ts). */
export const LOCAL_HOST = '127.0.0.1';
export const LOCAL_PORT = 4321;

type Env = Readonly<Record<string, string | undefined>>;

/** Where the local server listens: HOST and PORT, or the defaults. */
export function localServer(env: Env): { host: string; port: number } {
  return { host: env.HOST || LOCAL_HOST, port: env.PORT ? Number(env.PORT) : LOCAL_PORT };
}

/** The address a local build is made for: the one scripts/serve.ts serves it at. */
export function localSiteUrl(env: Env): string {
  const { host, port } = localServer(env);
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export const SITE_URL_EXAMPLE = 'SITE_URL=https://inspections.example.gov.uk npm run build';

/** The message a production build without SITE_URL stops with. */
export const MISSING_SITE_URL = [
  'SITE_URL is not set. It is the public address the site will be published at, and it is written into every',
  'canonical link, the sitemap, the feeds, the preview pages and the citations readers copy. Set it for the build:',
  '',
  `  ${SITE_URL_EXAMPLE}`,
  '',
  'and add BASE_PATH=/inspections/ if the site is published under a sub-path. To build a copy to look at on this',
  'machine, run `npm start` (it builds for the local address it serves). See README.md, "Publishing the site".',
].join('\n');

export class SiteAddressError extends Error {}

/** BASE_PATH, checked and given a slash at each end; undefined or empty is `/`. */
export function parseBasePath(value: string | undefined): string {
  if (value === undefined || value.trim() === '' || value.trim() === '/') return '/';
  const base = value.trim();
  if (!base.startsWith('/') || base.startsWith('//') || /[?#\s\\]/.test(base) || base.split('/').some((part) => part === '.' || part === '..')) {
    throw new SiteAddressError(`BASE_PATH "${value}" is not a path under the site's host. Fix: give a path such as /inspections/ (or leave it unset for /).`);
  }
  return base.endsWith('/') ? base : `${base}/`;
}

/** SITE_URL (and BASE_PATH), checked; throws SiteAddressError with the fix when either is wrong or SITE_URL is missing. */
export function siteAddress(env: Env): SiteAddress {
  const raw = env.SITE_URL?.trim();
  if (!raw) throw new SiteAddressError(MISSING_SITE_URL);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SiteAddressError(`SITE_URL "${raw}" is not an absolute address. Fix: give the full address, e.g. ${SITE_URL_EXAMPLE}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteAddressError(`SITE_URL "${raw}" is not an http(s) address. Fix: give the full address, e.g. ${SITE_URL_EXAMPLE}.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new SiteAddressError(`SITE_URL "${raw}" has a query, fragment or login in it. Fix: give only the address, e.g. ${SITE_URL_EXAMPLE}.`);
  }
  const urlPath = parseBasePath(url.pathname);
  const basePath = env.BASE_PATH?.trim() ? parseBasePath(env.BASE_PATH) : undefined;
  if (basePath !== undefined && urlPath !== '/' && urlPath !== basePath) {
    throw new SiteAddressError(`SITE_URL "${raw}" has the path ${urlPath}, but BASE_PATH is ${basePath}. Fix: give the sub-path once, in BASE_PATH, or make the two agree.`);
  }
  const base = basePath ?? urlPath;
  return { site: url.origin, base, home: `${url.origin}${base}` };
}
