/** Site-wide facts for the layout, and the URL helper bound to the base this build uses. */
import { withBase } from '../lib/site/urls.ts';

export { SITE_NAME } from '../lib/site/council.ts';

/** A path relative to the site root, with the configured base in front. */
export function url(path = ''): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/**
 * Site paths as absolute URLs, with the site URL (astro.config.mjs `site`) and the base this build
 * uses: for the feeds, the briefing's citations and its paragraph files.
 */
export function absoluteUrls(site: URL | undefined): (path: string) => string {
  if (!site) throw new Error('Absolute addresses need the site URL: set `site` in astro.config.mjs (SITE_URL).');
  return (path) => new URL(url(path), site).href;
}
