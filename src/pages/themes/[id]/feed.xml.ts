/** /themes/<id>/feed.xml: an Atom feed of every paragraph on the theme, newest first (src/lib/publish/paragraph-feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomResponse } from '../../../loaders/feeds.ts';
import { absoluteUrls } from '../../../loaders/site.ts';
import { loadRecord } from '../../../loaders/record.ts';
import { themeFeed } from '../../../lib/publish/paragraph-feeds.ts';

export const getStaticPaths = (async () => {
  const record = await loadRecord();
  return record.themes.map((theme) => ({ params: { id: theme.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => atomResponse(themeFeed(await loadRecord(), params.id!, absoluteUrls(site)));
