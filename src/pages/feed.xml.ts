/** /feed.xml: every report, newest first, so readers can follow new letters. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadRecord } from '../data/record.ts';
import { url, SITE_NAME } from '../data/site.ts';
import { displayTitle, kindLabel, visitDates } from '../lib/reports.ts';
import { documentDate } from '../lib/paragraph-feeds.ts';
import { reportPath } from '../lib/urls.ts';

export const GET: APIRoute = async (context) => {
  const { reports } = await loadRecord();
  return rss({
    title: SITE_NAME,
    description: 'New Ofsted inspection and monitoring letters about Herefordshire Council’s children’s services.',
    site: context.site ?? 'https://example.org',
    trailingSlash: true,
    items: reports.map((report) => {
      const { data } = report;
      const date = documentDate(data);
      return {
        title: displayTitle(data),
        link: url(reportPath(report.id)),
        pubDate: new Date(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`),
        description: `${kindLabel(data.kind)}, inspectors on site ${visitDates(data)}${data.text === 'summary' ? ' (our summary)' : ''}. ${data.headline}`,
      };
    }),
  });
};
