/**
 * "In neighbouring councils" on a theme page (issue 26): the statistical neighbours' paragraphs
 * whose words matched the theme's keywords, newest report first, each with the judgement the
 * council's report gave in the area the paragraph is about. Pure: the theme page renders it.
 *
 * Which area a paragraph is about is read from the report's own `##` headings, as a reader of the
 * report would: a heading that names one of the report's judgement areas ("The experiences and
 * progress of children in care and care leavers is good", "The graded judgment about the
 * experience and progress of care leavers is that it is inadequate") starts that area's section,
 * and its sub-headings (the single inspection framework's "Summary" and "Inspection findings")
 * stay in it; any other heading ends it, and so does a sub-heading met twice (the next area's,
 * whose own heading the document's text did not keep: better no area than the wrong one). A paragraph in no area's section (the summary, "What
 * needs to improve") is shown with the overall judgement, or, under the framework from April 2026,
 * with none: never one filled in.
 */
import type { Grade, Judgement } from '../record/schema.ts';
import type { ReportParagraph } from '../record/paragraphs.ts';
import { overallGrade, type NeighbourRecord, type NeighbourReport } from './reports.ts';

/** The judgement shown beside a paragraph. */
export type ParagraphJudgement =
  | { kind: 'area'; area: string; grade: Grade }
  | { kind: 'overall'; area: string; grade: Grade }
  | { kind: 'no-overall' };

export interface NeighbourThemeParagraph {
  report: NeighbourReport;
  paragraph: ReportParagraph;
  judgement: ParagraphJudgement;
}

export interface NeighbourThemeSection {
  /** Every paragraph on the theme, all reports. */
  total: number;
  /** The newest `shown`, quoted in full. */
  shown: NeighbourThemeParagraph[];
  /** The rest, a line per report (newest first), with how many of its paragraphs are on the theme. */
  older: Array<{ report: NeighbourReport; paragraphs: number }>;
  /** Reports with a paragraph on the theme. */
  reports: number;
}

/** A theme page quotes at most this many of the neighbours' paragraphs, and lists the other reports. */
export const NEIGHBOUR_PARAGRAPHS_SHOWN = 10;

/** The single inspection framework's sub-headings inside a judgement area's section. */
const SUB_HEADINGS = new Set(['summary', 'inspection findings', 'areas for improvement', 'what needs to improve']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/judgment/g, 'judgement')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word.length > 2 && !['the', 'and', 'who', 'with', 'for'].includes(word))
    .map((word) => word.replace(/s$/, ''));
}

/** The judgement area a heading names: every word of the area is in it; the most specific wins. */
export function areaOfHeading(heading: string, judgements: readonly Judgement[]): Judgement | undefined {
  const headingWords = new Set(words(heading));
  let best: { judgement: Judgement; size: number } | undefined;
  for (const judgement of judgements) {
    const areaWords = words(judgement.area);
    if (areaWords.length === 0 || !areaWords.every((word) => headingWords.has(word))) continue;
    if (!best || areaWords.length > best.size) best = { judgement, size: areaWords.length };
  }
  return best?.judgement;
}

/** Each paragraph's judgement, in document order. */
export function paragraphJudgements(report: NeighbourReport): Map<string, ParagraphJudgement> {
  const overall = report.data.judgements.find((judgement) => overallGrade({ judgements: [judgement] }) !== undefined);
  const outside: ParagraphJudgement = overall === undefined ? { kind: 'no-overall' } : { kind: 'overall', area: overall.area, grade: overall.grade };
  const result = new Map<string, ParagraphJudgement>();
  let heading: string | undefined;
  let current: Judgement | undefined;
  const subHeadings = new Set<string>();
  for (const paragraph of report.paragraphs) {
    if (paragraph.heading !== heading) {
      heading = paragraph.heading;
      const sub = heading?.trim().toLowerCase().replace(/[?:]$/, '');
      const named = heading === undefined ? undefined : areaOfHeading(heading, report.data.judgements);
      // An overall heading ("Children's services in Lancashire are inadequate") is the summary, not an area.
      if (named && overallGrade({ judgements: [named] }) === undefined) {
        current = named;
        subHeadings.clear();
      } else if (sub !== undefined && SUB_HEADINGS.has(sub) && !subHeadings.has(sub)) {
        subHeadings.add(sub);
      } else current = undefined;
    }
    result.set(paragraph.id, current ? { kind: 'area', area: current.area, grade: current.grade } : outside);
  }
  return result;
}

/** The neighbours' paragraphs on a theme: the newest `shown` in full, then the other reports. */
export function neighbourThemeSection(record: NeighbourRecord, themeId: string, shown = NEIGHBOUR_PARAGRAPHS_SHOWN): NeighbourThemeSection {
  const quoted: NeighbourThemeParagraph[] = [];
  const older: NeighbourThemeSection['older'] = [];
  let total = 0;
  let reports = 0;
  // record.reports is newest first; a report's paragraphs stay in reading order.
  for (const report of record.reports) {
    const tagged = report.paragraphs.filter((paragraph) => paragraph.themes.includes(themeId));
    if (tagged.length === 0) continue;
    total += tagged.length;
    reports += 1;
    const room = shown - quoted.length;
    if (room <= 0) {
      older.push({ report, paragraphs: tagged.length });
      continue;
    }
    const judgements = paragraphJudgements(report);
    for (const paragraph of tagged.slice(0, room)) quoted.push({ report, paragraph, judgement: judgements.get(paragraph.id)! });
    if (tagged.length > room) older.push({ report, paragraphs: tagged.length - room });
  }
  return { total, shown: quoted, older, reports };
}
