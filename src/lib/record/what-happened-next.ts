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
 * Bounded: a paragraph shows the next visits and the latest ones, not the whole record behind it.
 * With hundreds of later visits (the benchmark's 1,000-report corpus) a full list made each report
 * page quadratic in reports: 467 KB of a 500 KB page, and most of the build's rendering time. The
 * weakness's own page has the whole journey; the list links to it for the visits in between.
 *
 * Pure: src/components/Finding.astro renders what this returns.
 */
import type { Basis, InspectionRecord, RecordReport, WeaknessProgress } from './build-record.ts';
import type { ReportParagraph } from './paragraphs.ts';
import type { Status, Weakness } from './schema.ts';

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
  /** The next visits that examined the weakness, oldest first; empty when none did. All of them when there are few. */
  steps: NextStep[];
  /** How many later visits that examined it are not listed, between `steps` and `latest`: 0 when all are. */
  omitted: number;
  /** When some are omitted: the latest visits that examined it, oldest first (the last is where it stands now). */
  latest: NextStep[];
}

/**
 * How many later visits a paragraph lists in full: the next ones and the latest ones. The real
 * record has at most 12 visits after 2018 (a 2018 paragraph lists up to 9 today), so it is never
 * shortened; only a record with many more visits is.
 */
export const NEXT_VISITS_SHOWN = 5;
export const LATEST_VISITS_SHOWN = 5;

/** Where a paragraph is, and which weaknesses its annotation gives a status. */
export interface ParagraphPlace {
  /** The report's slug. */
  reportId: string;
  /** The anchors of the numbered blocks the `<Finding>` wraps (one paragraph, or a list's items). */
  paragraphIds?: readonly string[];
  /** The weakness ids of its `progress` attribute, in the order written. */
  weaknessIds?: readonly string[];
}

/** Each report's place in the record's order (newest first, 0 the newest), worked out once per record. */
const positionsOf = new WeakMap<readonly RecordReport[], ReadonlyMap<string, number>>();

function positions(reports: readonly RecordReport[]): ReadonlyMap<string, number> {
  let found = positionsOf.get(reports);
  if (!found) {
    found = new Map(reports.map((report, index) => [report.id, index]));
    positionsOf.set(reports, found);
  }
  return found;
}

/** A weakness's cells that examined it (a status), oldest first, with each one's place: worked out once per weakness. */
const examinedOf = new WeakMap<WeaknessProgress, Array<{ step: NextStep; position: number }>>();

function examined(progress: WeaknessProgress, reports: readonly RecordReport[]): Array<{ step: NextStep; position: number }> {
  let found = examinedOf.get(progress);
  if (!found) {
    const place = positions(reports);
    found = [];
    for (const cell of progress.cells) {
      if (cell.status === undefined) continue;
      const position = place.get(cell.report.id);
      if (position === undefined) throw new Error(`What happened next: there is no report "${cell.report.id}" in the record.`);
      found.push({ step: { report: cell.report, status: cell.status, basis: cell.basis, paragraphs: cell.paragraphs }, position });
    }
    // Oldest first is the record's cell order; sorted by place all the same, so that the search below is right.
    found.sort((a, b) => b.position - a.position);
    examinedOf.set(progress, found);
  }
  return found;
}

/**
 * The visits after `reportId` that examined the weakness, oldest first. "After" is the record's
 * own order of reports (newest first, `record.reports`), so a report outside the matrix's columns
 * (the baseline, or an earlier inspection) sees every column. A binary search over the examined
 * cells: the same cost for a report of 1990 as for one of last year.
 */
export function laterSteps(progress: WeaknessProgress, reportId: string, reports: readonly RecordReport[]): NextStep[] {
  const position = positions(reports).get(reportId);
  if (position === undefined) throw new Error(`What happened next: there is no report "${reportId}" in the record.`);
  const cells = examined(progress, reports);
  // The first cell newer than the report: positions fall from oldest to newest.
  let low = 0;
  let high = cells.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cells[middle]!.position < position) high = middle;
    else low = middle + 1;
  }
  return cells.slice(low).map((cell) => cell.step);
}

/** The steps a paragraph lists: all of them when few, else the next and the latest, and how many lie between. */
export function shownSteps(steps: readonly NextStep[]): Pick<WeaknessNext, 'steps' | 'omitted' | 'latest'> {
  // Omitting a single visit would save nothing: list it.
  if (steps.length <= NEXT_VISITS_SHOWN + LATEST_VISITS_SHOWN + 1) return { steps: [...steps], omitted: 0, latest: [] };
  return {
    steps: steps.slice(0, NEXT_VISITS_SHOWN),
    omitted: steps.length - NEXT_VISITS_SHOWN - LATEST_VISITS_SHOWN,
    latest: steps.slice(-LATEST_VISITS_SHOWN),
  };
}

const byIdOf = new WeakMap<readonly WeaknessProgress[], ReadonlyMap<string, WeaknessProgress>>();

/** The weaknesses by id, once per record: every `<Finding>` of every report page asks. */
function progressById(all: readonly WeaknessProgress[]): ReadonlyMap<string, WeaknessProgress> {
  let found = byIdOf.get(all);
  if (!found) {
    found = new Map(all.map((progress) => [progress.weakness.id, progress]));
    byIdOf.set(all, found);
  }
  return found;
}

/**
 * What happened next for one `<Finding>`: first the weaknesses its annotation gives a status (in
 * the order written), then those whose 2018 source or improvement item it wraps, each once.
 */
export function whatHappenedNext(record: Pick<InspectionRecord, 'reports' | 'weaknessProgress'>, place: ParagraphPlace): WeaknessNext[] {
  const byId = progressById(record.weaknessProgress);
  const result: WeaknessNext[] = [];
  const seen = new Set<string>();
  const add = (progress: WeaknessProgress, reason: NextReason) => {
    if (seen.has(progress.weakness.id)) return;
    seen.add(progress.weakness.id);
    result.push({ weakness: progress.weakness, reason, ...shownSteps(laterSteps(progress, place.reportId, record.reports)) });
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
