/** /feed.xml: the latest reports, newest first, so readers can follow new letters (src/lib/publish/report-feed.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadRecord } from '../loaders/record.ts';
import { url, SITE_NAME } from '../loaders/site.ts';
import { REPORT_FEED_DESCRIPTION, reportFeedItems } from '../lib/publish/report-feed.ts';

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
