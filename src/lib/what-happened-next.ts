/**
 * "What happened next": for a paragraph of a report that speaks to a 2018 weakness, what the
 * later visits said about that weakness. Derived from the record's progress cells (themselves
 * generated from the `<Finding progress>` annotations), never kept by hand.
 *
 * Two kinds of paragraph ask for it:
 * - a paragraph that gives a weakness a status (`progress="supervision: improved"`): the visits
 *   after its own report that examined the weakness;
 * - the 2018 paragraph a weakness comes from (its `source`) or the item of the 2018 list that
 *   names it (`improvementItem`): the whole journey, every later visit that examined it.
 *
 * Pure: src/components/Finding.astro renders what this returns.
 */
import type { Basis, InspectionRecord, RecordReport, WeaknessProgress } from './record.ts';
import type { ReportParagraph } from './paragraphs.ts';
import type { Status, Weakness } from '../schema.ts';

/** One later visit that examined the weakness: its status and the paragraphs that justify it. */
export interface NextStep {
  report: RecordReport;
  status: Status;
  basis: Basis;
  /** In the order the record gives them (the paragraph with the evidence first). */
  paragraphs: ReportParagraph[];
}

/** Why a paragraph shows a weakness's next steps. */
export type NextReason = 'status' | 'source' | 'improvement-item';

export interface WeaknessNext {
  weakness: Weakness;
  reason: NextReason;
  /** Oldest first; empty when no later visit examined the weakness. */
  steps: NextStep[];
}

/** Where a paragraph is, and which weaknesses its annotation gives a status. */
export interface ParagraphPlace {
  /** The report's slug. */
  reportId: string;
  /** The anchors of the numbered blocks the `<Finding>` wraps (one paragraph, or a list's items). */
  paragraphIds?: readonly string[];
  /** The weakness ids of its `progress` attribute, in the order written. */
  weaknessIds?: readonly string[];
}

/**
 * The visits after `reportId` that examined the weakness, oldest first. "After" is the record's
 * own order of reports (newest first, `record.reports`), so a report outside the matrix's columns
 * (the baseline, or an earlier inspection) sees every column.
 */
export function laterSteps(progress: WeaknessProgress, reportId: string, reports: readonly RecordReport[]): NextStep[] {
  const position = reports.findIndex((report) => report.id === reportId);
  if (position === -1) throw new Error(`What happened next: there is no report "${reportId}" in the record.`);
  const newer = new Set(reports.slice(0, position).map((report) => report.id));
  const steps: NextStep[] = [];
  for (const cell of progress.cells) {
    if (cell.status === undefined || !newer.has(cell.report.id)) continue;
    steps.push({ report: cell.report, status: cell.status, basis: cell.basis, paragraphs: cell.paragraphs });
  }
  return steps;
}

/**
 * What happened next for one `<Finding>`: first the weaknesses its annotation gives a status (in
 * the order written), then those whose 2018 source or improvement item it wraps, each once.
 */
export function whatHappenedNext(record: Pick<InspectionRecord, 'reports' | 'weaknessProgress'>, place: ParagraphPlace): WeaknessNext[] {
  const byId = new Map(record.weaknessProgress.map((progress) => [progress.weakness.id, progress]));
  const result: WeaknessNext[] = [];
  const seen = new Set<string>();
  const add = (progress: WeaknessProgress, reason: NextReason) => {
    if (seen.has(progress.weakness.id)) return;
    seen.add(progress.weakness.id);
    result.push({ weakness: progress.weakness, reason, steps: laterSteps(progress, place.reportId, record.reports) });
  };
  for (const id of place.weaknessIds ?? []) {
    const progress = byId.get(id);
    // The record has already refused an unknown weakness with its file and line.
    if (!progress) throw new Error(`What happened next: there is no weakness "${id}" in the record.`);
    add(progress, 'status');
  }
  const ids = new Set(place.paragraphIds ?? []);
  if (ids.size > 0) {
    for (const progress of record.weaknessProgress) {
      const wraps = (quoted: WeaknessProgress['source'] | undefined) => quoted?.report.id === place.reportId && ids.has(quoted.paragraph.id);
      if (wraps(progress.source)) add(progress, 'source');
      else if (wraps(progress.improvementItem)) add(progress, 'improvement-item');
    }
  }
  return result;
}

/** The reports whose paragraphs are a weakness's source or improvement item: only their pages need to know which paragraphs a `<Finding>` wraps. */
export function sourceReportIds(record: Pick<InspectionRecord, 'weaknessProgress'>): Set<string> {
  const ids = new Set<string>();
  for (const progress of record.weaknessProgress) {
    ids.add(progress.source.report.id);
    if (progress.improvementItem) ids.add(progress.improvementItem.report.id);
  }
  return ids;
}

/**
 * The paragraph anchors in a rendered `<Finding>`'s HTML: the `id` attributes the page plugin
 * (src/plugins/hast-paragraph-anchors.ts) puts on each numbered `p` and `li`.
 */
export function paragraphIdsInHtml(html: string): string[] {
  const ids: string[] = [];
  for (const match of html.matchAll(/<(?:p|li)\b[^>]*?\sid="([^"]+)"/g)) ids.push(match[1]!);
  return ids;
}
