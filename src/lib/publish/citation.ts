/**
 * Ready citations for a paragraph, for people writing briefings:
 *   Ofsted, Monitoring visit to Herefordshire children’s services, letter of 17 July 2025,
 *   paragraph 12, https://…/reports/2025-06-monitoring-visit-7/#p12
 * A summary is cited as this site’s summary, never as Ofsted’s words. In a report that numbers its
 * own paragraphs, the wording follows the anchor (src/lib/record/paragraph-numbering.ts): "paragraph 6",
 * "paragraph 6, point 2", "summary, paragraph 3".
 */
import type { ReportData } from '../record/schema.ts';
import { formatDate, formatMonth } from '../utils/dates.ts';
import { paragraphLabel, parseParagraphId, type ParagraphRef } from '../record/paragraph-numbering.ts';
import { SITE_NAME } from '../site/council.ts';

/** Everything before ", paragraph N, <URL>". */
export function citationPrefix(report: Pick<ReportData, 'title' | 'text' | 'letterDate' | 'visitStart'>): string {
  if (report.text === 'full') {
    const when = report.letterDate ? `letter of ${formatDate(report.letterDate)}` : `visit of ${formatMonth(report.visitStart)}`;
    return `Ofsted, ${report.title}, ${when}`;
  }
  return `${SITE_NAME}, summary of Ofsted’s ${report.title.charAt(0).toLowerCase()}${report.title.slice(1)} (${formatMonth(report.visitStart)})`;
}

/**
 * Everything before ", paragraph N, <URL>" for another council's report (a statistical
 * neighbour's, issue 26): always the council by name, since some of Ofsted's titles do not name it
 * (“Inspection of children’s social care services”).
 *   Ofsted, Inspection of children’s social care services (Staffordshire), visit of February 2019
 */
export function neighbourCitationPrefix(report: Pick<ReportData, 'title' | 'authority' | 'visitStart'>): string {
  const named = report.title.toLowerCase().includes(report.authority.toLowerCase());
  return `Ofsted, ${report.title}${named ? '' : ` (${report.authority})`}, visit of ${formatMonth(report.visitStart)}`;
}

/**
 * The citation of the paragraph anchored `anchor` (`p12`, `p6-2`, `s3`), given its permanent URL
 * and, where known, its fingerprint (src/lib/record/fingerprint.ts), which lets a reader check that the
 * words quoted are still the paragraph's: "…, paragraph 12, https://…#p12, text fingerprint 3fa2b9c1".
 */
export function citation(prefix: string, anchor: string | ParagraphRef, url: string, fingerprint?: string): string {
  const ref = typeof anchor === 'string' ? parseParagraphId(anchor) : anchor;
  if (!ref) throw new Error(`"${String(anchor)}" is not a paragraph anchor (p12, p6-2 or s3).`);
  return `${prefix}, ${paragraphLabel(ref)}, ${url}${fingerprint ? `, text fingerprint ${fingerprint}` : ''}`;
}
