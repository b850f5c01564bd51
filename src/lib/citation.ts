/**
 * Ready citations for a paragraph, for people writing briefings:
 *   Ofsted, Monitoring visit to Herefordshire children’s services, letter of 17 July 2025,
 *   paragraph 12, https://…/reports/2025-06-monitoring-visit-7/#p12
 * A summary is cited as this site’s summary, never as Ofsted’s words.
 */
import type { ReportData } from '../schema.ts';
import { formatDate, formatMonth } from './dates.ts';
import { SITE_NAME } from './site-name.ts';

/** Everything before ", paragraph N, <URL>". */
export function citationPrefix(report: ReportData): string {
  if (report.text === 'full') {
    const when = report.letterDate ? `letter of ${formatDate(report.letterDate)}` : `visit of ${formatMonth(report.visitStart)}`;
    return `Ofsted, ${report.title}, ${when}`;
  }
  return `${SITE_NAME}, summary of Ofsted’s ${report.title.charAt(0).toLowerCase()}${report.title.slice(1)} (${formatMonth(report.visitStart)})`;
}

export function citation(prefix: string, paragraph: number, url: string): string {
  return `${prefix}, paragraph ${paragraph}, ${url}`;
}
