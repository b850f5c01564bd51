/** /feed.xml: every report, newest first, so readers can follow new letters. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadRecord } from '../data/record.ts';
import { url, SITE_NAME } from '../data/site.ts';
import { displayTitle, documentDate, kindLabel, visitDates } from '../lib/reports.ts';
import { atomDate } from '../lib/atom.ts';
import { reportPath } from '../lib/urls.ts';

export const GET: APIRoute = async (context) => {
  const { reports } = await loadRecord();
  return rss({
    title: SITE_NAME,
    description: 'New Ofsted inspection reports and visit letters about Herefordshire Council’s children’s services.',
    site: context.site ?? 'https://example.org',
    trailingSlash: true,
    items: reports.map((report) => {
      const { data } = report;
      return {
        title: displayTitle(data),
        link: url(reportPath(report.id)),
        pubDate: new Date(atomDate(documentDate(data))),
        description: `${kindLabel(data.kind)}, inspectors on site ${visitDates(data)}${data.text === 'summary' ? ' (our summary)' : ''}. ${data.headline}`,
      };
    }),
  });
};
