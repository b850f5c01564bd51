/** /themes/<id>/feed.xml: an Atom feed of every paragraph on the theme, newest first (src/lib/paragraph-feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomResponse } from '../../../data/feeds.ts';
import { absoluteUrls } from '../../../data/site.ts';
import { loadRecord } from '../../../data/record.ts';
import { themeFeed } from '../../../lib/paragraph-feeds.ts';

export const getStaticPaths = (async () => {
  const record = await loadRecord();
  return record.themes.map((theme) => ({ params: { id: theme.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => atomResponse(themeFeed(await loadRecord(), params.id!, absoluteUrls(site)));
