/** /feed.xml: the latest reports, newest first, so readers can follow new letters (src/lib/report-feed.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadRecord } from '../data/record.ts';
import { url, SITE_NAME } from '../data/site.ts';
import { REPORT_FEED_DESCRIPTION, reportFeedItems } from '../lib/report-feed.ts';

export const GET: APIRoute = async (context) => {
  const { reports } = await loadRecord();
  return rss({
    title: SITE_NAME,
    description: REPORT_FEED_DESCRIPTION,
    site: context.site ?? 'https://example.org',
    trailingSlash: true,
    items: reportFeedItems(reports, url),
  });
};
