/** What the Atom feed pages share: absolute URLs for this build, and the response. */
import { atomFeed, ATOM_MEDIA_TYPE, type AtomFeed } from '../lib/atom.ts';
import type { Absolute } from '../lib/paragraph-feeds.ts';
import { url } from './site.ts';

/** Site paths as absolute URLs, with the site URL (astro.config.mjs `site`) and the base this build uses. */
export function absoluteUrls(site: URL | undefined): Absolute {
  if (!site) throw new Error('The Atom feeds need absolute addresses: set `site` in astro.config.mjs (SITE_URL).');
  return (path) => new URL(url(path), site).href;
}

export function atomResponse(feed: AtomFeed): Response {
  return new Response(atomFeed(feed), { headers: { 'Content-Type': `${ATOM_MEDIA_TYPE}; charset=utf-8` } });
}
