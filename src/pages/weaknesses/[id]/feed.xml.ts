/**
 * /weaknesses/<id>/feed.xml: an Atom feed of a 2018 weakness's paragraphs: every later status,
 * newest first, then the 2018 paragraphs it comes from (src/lib/publish/paragraph-feeds.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomResponse } from '../../../loaders/feeds.ts';
import { absoluteUrls } from '../../../loaders/site.ts';
import { loadRecord } from '../../../loaders/record.ts';
import { weaknessFeed } from '../../../lib/publish/paragraph-feeds.ts';

export const getStaticPaths = (async () => {
  const record = await loadRecord();
  return record.weaknessProgress.map((progress) => ({ params: { id: progress.weakness.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => atomResponse(weaknessFeed(await loadRecord(), params.id!, absoluteUrls(site)));
