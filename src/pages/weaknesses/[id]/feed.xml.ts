/**
 * /weaknesses/<id>/feed.xml: an Atom feed of a 2018 weakness's paragraphs: every later status,
 * newest first, then the 2018 paragraphs it comes from (src/lib/paragraph-feeds.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomResponse } from '../../../data/feeds.ts';
import { absoluteUrls } from '../../../data/site.ts';
import { loadRecord } from '../../../data/record.ts';
import { weaknessFeed } from '../../../lib/paragraph-feeds.ts';

export const getStaticPaths = (async () => {
  const record = await loadRecord();
  return record.weaknessProgress.map((progress) => ({ params: { id: progress.weakness.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => atomResponse(weaknessFeed(await loadRecord(), params.id!, absoluteUrls(site)));
