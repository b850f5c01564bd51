/**
 * The statistical neighbours' paragraphs as the search indexes them (issue 26, DESIGN.md §5):
 * the data the build writes at /search/neighbour-paragraphs.json (src/pages/search/), from which
 * scripts/search-index.ts builds their own index, /pagefind-neighbours/, as it builds
 * Herefordshire's from /data/findings.json. Each paragraph has the fields Herefordshire's findings
 * give the index (SearchableParagraph), so the same record and filters serve both, and the
 * council it belongs to. Their themes are the importer's keyword suggestions (`themesSuggested`).
 *
 * Pure: the page passes in the reports (src/lib/neighbours/reports.ts, through the loader) with
 * their titles worked out, and the themes' labels.
 */
import { paragraphLabel, type ParagraphRef } from '../record/paragraph-numbering.ts';
import { yearOf } from '../utils/dates.ts';
import { neighbourParagraphPath } from '../site/urls.ts';
import type { SearchableParagraph } from './index-records.ts';

/** What a neighbour's report gives: its collection id `<council>/<slug>`, council and dates, and its paragraphs. */
export interface NeighbourReportInput {
  id: string;
  council: string;
  councilSlug: string;
  laCode: string;
  /** "Lancashire: inspection, May 2026" (neighbourTitle in src/lib/neighbours/reports.ts). */
  title: string;
  /** The kind of report, as Herefordshire's findings label it ("Inspection"). */
  kindLabel: string;
  visitStart: string;
  /** The dates inspectors were on site, in words. */
  visitDates: string;
  paragraphs: ReadonlyArray<{ id: string; ref: ParagraphRef; text: string; themes: readonly string[] }>;
}

/** One neighbour's paragraph, as the index reads it. */
export interface NeighbourParagraph extends SearchableParagraph {
  council: string;
  councilSlug: string;
  laCode: string;
  /** "paragraph 12", "summary, paragraph 3". */
  label: string;
  /** Always true: the themes are the importer's keyword suggestions, not reviewed by an editor. */
  themesSuggested: true;
}

/**
 * Every paragraph of every neighbour's report, the reports oldest first and each in reading
 * order (as /data/findings.json lists Herefordshire's). `themeLabel` names a theme id.
 */
export function neighbourParagraphs(reports: readonly NeighbourReportInput[], themeLabel: (id: string) => string): NeighbourParagraph[] {
  const oldestFirst = [...reports].sort((a, b) => a.visitStart.localeCompare(b.visitStart) || a.id.localeCompare(b.id));
  return oldestFirst.flatMap((report) =>
    report.paragraphs.map((paragraph) => ({
      report: report.id,
      reportTitle: report.title,
      kindLabel: report.kindLabel,
      text: 'full' as const,
      visitStart: report.visitStart,
      visitDates: report.visitDates,
      year: yearOf(report.visitStart),
      anchor: paragraph.id,
      label: paragraphLabel(paragraph.ref),
      path: neighbourParagraphPath(report.id, paragraph.id),
      words: paragraph.text,
      themes: paragraph.themes.map((id) => ({ id, label: themeLabel(id) })),
      themesSuggested: true as const,
      council: report.council,
      councilSlug: report.councilSlug,
      laCode: report.laCode,
    })),
  );
}

/** The file, one paragraph per line (as findingsJson writes Herefordshire's). */
export function neighbourParagraphsJson(list: readonly NeighbourParagraph[]): string {
  return list.length === 0 ? '[]\n' : `[\n${list.map((paragraph) => JSON.stringify(paragraph)).join(',\n')}\n]\n`;
}
