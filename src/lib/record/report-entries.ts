/**
 * The report model: what the pages need to know about a report, derived once from its
 * validated frontmatter. Pure TypeScript: no Astro imports, so it is unit-tested directly.
 */
import type { Grade, ReportData, ReportKind } from './schema.ts';
import { formatDateRange, formatMonth, yearMonthOf } from '../utils/dates.ts';
import type { ContentProblem } from '../utils/content-problems.ts';

export interface ReportEntry {
  /** The file name without extension: the report's permanent slug. */
  id: string;
  data: ReportData;
  /** Path from the repository root; defaults to content/reports/<id>.mdx. */
  file?: string;
}

const KIND_LABELS: Record<ReportKind, string> = {
  inspection: 'Inspection',
  'focused-visit': 'Focused visit',
  'monitoring-visit': 'Monitoring visit',
  'joint-targeted-area-inspection': 'Joint targeted area inspection',
};

const GRADE_LABELS: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
};

export function kindLabel(kind: ReportKind): string {
  return KIND_LABELS[kind];
}

export function gradeLabel(grade: Grade): string {
  return GRADE_LABELS[grade];
}

/** "Monitoring visit 7", "Inspection", "Focused visit". */
export function shortTitle(report: ReportData): string {
  const label = kindLabel(report.kind);
  return report.visitNumber === undefined ? label : `${label} ${report.visitNumber}`;
}

/** "Monitoring visit 7, June 2025": unique across the record, used for headings and <title>. */
export function displayTitle(report: ReportData): string {
  return memo(displayTitles, report, () => `${shortTitle(report)}, ${formatMonth(report.visitStart)}`);
}

/** "17 and 18 June 2025", or the month alone when the days are not recorded. */
export function visitDates(report: Pick<ReportData, 'visitStart' | 'visitEnd'>): string {
  return memo(visitDateTexts, report, () => formatDateRange(report.visitStart, report.visitEnd));
}

/*
 * A report's title and dates are asked for by every page that quotes it: with 1,000 reports,
 * tens of thousands of times per build (benchmarked: parsing the dates again each time cost
 * about 0.2 s). The frontmatter objects live for the whole build, so each text is worked out
 * once per report. Frontmatter is never mutated after validation, so the cache cannot go stale.
 */
const displayTitles = new WeakMap<ReportData, string>();
const visitDateTexts = new WeakMap<object, string>();

function memo(cache: WeakMap<object, string>, report: object, work: () => string): string {
  let text = cache.get(report);
  if (text === undefined) {
    text = work();
    cache.set(report, text);
  }
  return text;
}

/**
 * The slug a report must have (DESIGN.md §2): the month the visit started, then the kind, then
 * the visit number for monitoring visits, e.g. `2025-06-monitoring-visit-7`.
 */
export function expectedSlug(report: Pick<ReportData, 'visitStart' | 'kind'> & { visitNumber?: number | undefined }): string {
  const base = `${yearMonthOf(report.visitStart)}-${report.kind}`;
  return report.visitNumber === undefined ? base : `${base}-${report.visitNumber}`;
}

/**
 * Problems that the schema cannot see because they span a report's file name and its
 * frontmatter: the slug must say what the frontmatter says.
 */
export function reportProblems(reports: readonly ReportEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { id, data, file } of reports) {
    const slug = expectedSlug(data);
    if (id !== slug) {
      problems.push({
        file: file ?? `content/reports/${id}.mdx`,
        line: 1,
        message: `the file name does not match its frontmatter (kind ${data.kind}, visitStart ${data.visitStart}${data.visitNumber === undefined ? '' : `, visitNumber ${data.visitNumber}`}).`,
        fix: `rename the file to ${slug}.mdx, or correct the frontmatter.`,
      });
    }
  }
  return problems;
}

/**
 * Newest first, by the day the visit started; the slug breaks ties so that the order never
 * depends on the order getCollection() happened to return.
 */
export function sortNewestFirst<T extends ReportEntry>(reports: readonly T[]): T[] {
  return [...reports].sort(
    (a, b) => compareStrings(b.data.visitStart, a.data.visitStart) || compareStrings(a.id, b.id),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The date a document became public, as far as the record knows: its publication date, else the
 * letter's date, else the last (or first) day of the visit. The feeds date their entries by it.
 */
export function documentDate(data: ReportData): string {
  return data.published ?? data.letterDate ?? data.visitEnd ?? data.visitStart;
}

/** Ofsted publishes an inspection as a report and a visit's findings as a letter. */
export function documentWord(kind: ReportData['kind']): 'report' | 'letter' {
  return kind === 'inspection' ? 'report' : 'letter';
}

/**
 * The year of the document's Crown copyright: the year its own copyright line gives
 * (`copyrightYear`), else the year it was issued (its letter's date, else its publication, else
 * the visit), never the visit's year where the document says otherwise.
 */
export function copyrightYear(data: Pick<ReportData, 'copyrightYear' | 'letterDate' | 'published' | 'visitStart'>): string {
  return String(data.copyrightYear ?? (data.letterDate ?? data.published ?? data.visitStart).slice(0, 4));
}
