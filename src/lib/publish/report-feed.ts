/**
 * /feed.xml (RSS, written by @astrojs/rss): the latest reports, newest first, so that readers learn
 * of each new letter. A feed is news, polled by readers: it carries the latest REPORT_FEED_LIMIT,
 * not every report (474 KB at 1,000 reports); /reports/ lists them all. Pure: the page passes the
 * function that puts the site's base in front of a path.
 */
import { atomDate } from './atom.ts';
import type { RecordReport } from '../record/build-record.ts';
import { displayTitle, documentDate, kindLabel, visitDates } from '../record/report-entries.ts';
import { reportPath } from '../site/urls.ts';

/** The most reports /feed.xml lists. The real record has fewer, so its feed lists every one. */
export const REPORT_FEED_LIMIT = 50;

export const REPORT_FEED_DESCRIPTION = `New Ofsted inspection reports and visit letters about Herefordshire Council’s children’s services: the latest ${REPORT_FEED_LIMIT} at most, newest first.`;

export interface ReportFeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
}

/** The feed's items: `reports` newest first (as the record holds them), the latest REPORT_FEED_LIMIT. */
export function reportFeedItems(reports: readonly RecordReport[], url: (path: string) => string): ReportFeedItem[] {
  return reports.slice(0, REPORT_FEED_LIMIT).map(({ id, data }) => ({
    title: displayTitle(data),
    link: url(reportPath(id)),
    pubDate: new Date(atomDate(documentDate(data))),
    description: `${kindLabel(data.kind)}, inspectors on site ${visitDates(data)}${data.text === 'summary' ? ' (our summary)' : ''}. ${data.headline}`,
  }));
}
