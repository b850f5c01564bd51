/**
 * /data/paragraphs/<slug>.json: one report's paragraphs as the briefing page needs them, so that
 * opening a briefing downloads only the reports its paragraphs come from, never the whole record.
 * Citations, labels and fingerprints come from the same modules as everywhere else on the site.
 */
import type { ReportParagraphsFile } from './basket.ts';
import { citation, citationPrefix } from '../publish/citation.ts';
import { fingerprint } from '../record/fingerprint.ts';
import { paragraphLabel } from '../record/paragraph-numbering.ts';
import type { RecordReport } from '../record/build-record.ts';
import { displayTitle } from '../record/report-entries.ts';
import { paragraphPath } from '../site/urls.ts';

/**
 * `absolute(path)` turns a path relative to the site's base (`reports/<slug>/#p12`) into the
 * permanent absolute address, base and host included.
 */
export function reportParagraphsFile(report: RecordReport, absolute: (path: string) => string): ReportParagraphsFile {
  const prefix = citationPrefix(report.data);
  return {
    report: report.id,
    title: displayTitle(report.data),
    text: report.data.text,
    paragraphs: report.paragraphs.map((paragraph) => {
      const url = absolute(paragraphPath(report.id, paragraph.id));
      const print = fingerprint(paragraph.text);
      return {
        anchor: paragraph.id,
        label: paragraphLabel(paragraph.ref),
        words: paragraph.text,
        citation: citation(prefix, paragraph.ref, url, print),
        url,
        fingerprint: print,
      };
    }),
  };
}
