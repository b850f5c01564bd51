/**
 * The record: every report with its annotated paragraphs, the themes, the 2018 weaknesses, and
 * how each weakness stood at every later visit. Built once per build from the content and
 * checked as a whole: any dangling reference fails the build with the file, the line and the fix.
 *
 * Pure TypeScript: the Astro-aware loader (src/loaders/record.ts) reads the files and calls
 * `buildRecord`; tests call it directly with fixtures.
 */
import type { ReportData, Status, Theme, TimelineEvent, Weakness } from './schema.ts';
import { isStatus, STATUS_INFO } from './annotations.ts';
import { paragraphLabel, parseParagraphId } from './paragraph-numbering.ts';
import type { ReportParagraph } from './paragraphs.ts';
import type { ContentProblem } from '../utils/content-problems.ts';
import { reportProblems, sortNewestFirst } from './report-entries.ts';
import type { WithLine } from '../utils/yaml-list.ts';
import { countSetting } from '../site/count-setting.ts';

export const THEMES_FILE = 'content/themes.yaml';
export const WEAKNESSES_FILE = 'content/weaknesses.yaml';

export interface RecordReport {
  id: string;
  /** Path from the repository root, for messages. */
  file: string;
  data: ReportData;
  paragraphs: ReportParagraph[];
}

/** Whether a judgement rests on the letter's own words or on our summary of it. */
export type Basis = 'letter' | 'summary';

export interface ProgressCell {
  report: RecordReport;
  /** Undefined when the visit did not look at the weakness: shown as "not examined". */
  status?: Status;
  /** The paragraphs that justify the status, in order. */
  paragraphs: ReportParagraph[];
  basis: Basis;
}

/** A paragraph of a report, found from a `<slug>#<anchor>` reference. */
export interface QuotedParagraph {
  report: RecordReport;
  paragraph: ReportParagraph;
}

export interface WeaknessProgress {
  weakness: WithLine<Weakness>;
  /** The 2018 paragraph the weakness comes from. */
  source: QuotedParagraph;
  /** The item of the 2018 report's own "What needs to improve" list that names it, if one does. */
  improvementItem?: QuotedParagraph;
  /** Where an earlier inspection (2014) found the same weakness, oldest first. */
  history: Array<QuotedParagraph & { note: string }>;
  /** One cell per visit after the baseline, oldest first. */
  cells: ProgressCell[];
  /** The most recent visit that examined it, if any. */
  latest?: ProgressCell;
}

export interface ThemedParagraph {
  report: RecordReport;
  paragraph: ReportParagraph;
}

export interface InspectionRecord {
  themes: WithLine<Theme>[];
  /** Context for the timeline, oldest first. */
  events: WithLine<TimelineEvent>[];
  /** Newest first. */
  reports: RecordReport[];
  /** The visits after the baseline, oldest first: the matrix's columns. */
  visits: RecordReport[];
  weaknessProgress: WeaknessProgress[];
  themeById: ReadonlyMap<string, WithLine<Theme>>;
  weaknessById: ReadonlyMap<string, WithLine<Weakness>>;
  /** Theme id -> tagged paragraphs, newest report first, in document order within a report. */
  paragraphsByTheme: ReadonlyMap<string, ThemedParagraph[]>;
}

export interface RecordInput {
  themes: WithLine<Theme>[];
  events: WithLine<TimelineEvent>[];
  weaknesses: WithLine<Weakness>[];
  reports: RecordReport[];
}

function statusList(): string {
  return Object.keys(STATUS_INFO).join(', ');
}

/**
 * Checks every cross-reference and derives the progress of each weakness. Returns the problems
 * instead of throwing, so that tests can assert on them and the loader can list them all.
 */
export function buildRecord(input: RecordInput): { record?: InspectionRecord; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const themeById = new Map(input.themes.map((theme) => [theme.id, theme]));
  const weaknessById = new Map(input.weaknesses.map((weakness) => [weakness.id, weakness]));
  const reports = sortNewestFirst(input.reports);
  const reportById = new Map(reports.map((report) => [report.id, report]));
  const themeIds = [...themeById.keys()].join(', ');

  problems.push(...reportProblems(reports));

  /**
   * The paragraph a weakness's `field` points at (`2018-06-inspection#p6`), or a problem naming
   * the file, the line and the fix when the report or the anchor does not exist.
   */
  function resolveParagraph(weakness: WithLine<Weakness>, field: string, reference: string, fix: string): QuotedParagraph | undefined {
    const [slug = '', anchor = ''] = reference.split('#');
    const report = reportById.get(slug);
    const paragraph = report?.paragraphs.find((candidate) => candidate.id === anchor);
    if (report && paragraph) return { report, paragraph };
    const ref = parseParagraphId(anchor);
    problems.push({
      file: WEAKNESSES_FILE,
      line: weakness.line,
      message: report
        ? `weakness "${weakness.id}" ${field} ${reference}, but that report has no ${ref ? paragraphLabel(ref) : `anchor "${anchor}"`} (its anchors run ${report.paragraphs[0]?.id ?? 'nowhere'} to ${report.paragraphs.at(-1)?.id ?? 'nowhere'}, ${report.paragraphs.length} in all).`
        : `weakness "${weakness.id}" ${field} ${reference}, but there is no report "${slug}".`,
      fix,
    });
    return undefined;
  }

  // Weaknesses: themes and every paragraph they point at must exist.
  const sources = new Map<string, WeaknessProgress['source']>();
  const improvementItems = new Map<string, QuotedParagraph>();
  const histories = new Map<string, WeaknessProgress['history']>();
  for (const weakness of input.weaknesses) {
    for (const theme of weakness.themes) {
      if (!themeById.has(theme)) {
        problems.push({
          file: WEAKNESSES_FILE,
          line: weakness.line,
          message: `weakness "${weakness.id}" has an unknown theme "${theme}".`,
          fix: `use ids from ${THEMES_FILE} (${themeIds}), or add the theme there.`,
        });
      }
    }
    const source = resolveParagraph(
      weakness,
      'comes from',
      weakness.source,
      'point source at the paragraph of the 2018 report that states the weakness (open the report page and copy the anchor of its paragraph link, e.g. p6, or p6-1 for a point of paragraph 6).',
    );
    if (source) sources.set(weakness.id, source);
    if (weakness.improvementItem !== undefined) {
      const item = resolveParagraph(
        weakness,
        'is named by the improvement item',
        weakness.improvementItem,
        'point improvementItem at the item of the 2018 report’s “What needs to improve” list (its anchor, e.g. s7), or remove it.',
      );
      if (item) improvementItems.set(weakness.id, item);
    }
    const history: WeaknessProgress['history'] = [];
    for (const earlier of weakness.history) {
      const found = resolveParagraph(
        weakness,
        'has history in',
        earlier.paragraph,
        'point history at the paragraph of the earlier report that found the same weakness (e.g. 2014-04-inspection#p58), or remove the entry.',
      );
      if (found) history.push({ ...found, note: earlier.note });
    }
    histories.set(weakness.id, history);
  }

  // Annotations: themes, weaknesses and statuses must exist; one status per weakness per report.
  const paragraphsByTheme = new Map<string, ThemedParagraph[]>(input.themes.map((theme) => [theme.id, []]));
  const claimsByReport = new Map<string, Map<string, { status: Status; paragraphs: ReportParagraph[] }>>();
  for (const report of reports) {
    const claims = new Map<string, { status: Status; paragraphs: ReportParagraph[] }>();
    claimsByReport.set(report.id, claims);
    for (const paragraph of report.paragraphs) {
      const line = paragraph.annotationLine ?? paragraph.line;
      if (paragraph.suggested) {
        problems.push({
          file: report.file,
          line,
          message: `${paragraphLabel(paragraph.ref)} still has the importer’s suggested themes, not yet reviewed by an editor.`,
          fix: 'check its themes (and add progress for any 2018 weakness it speaks to), then delete the word suggested from the tag.',
        });
      }
      for (const theme of paragraph.themes) {
        const tagged = paragraphsByTheme.get(theme);
        if (tagged) tagged.push({ report, paragraph });
        else
          problems.push({
            file: report.file,
            line,
            message: `unknown theme "${theme}" on ${paragraphLabel(paragraph.ref)}.`,
            fix: `use ids from ${THEMES_FILE} (${themeIds}), or add the theme there.`,
          });
      }
      for (const claim of paragraph.progress) {
        if (!weaknessById.has(claim.weakness)) {
          problems.push({
            file: report.file,
            line,
            message: `unknown weakness "${claim.weakness}" on ${paragraphLabel(paragraph.ref)}.`,
            fix: `use ids from ${WEAKNESSES_FILE} (${[...weaknessById.keys()].join(', ')}).`,
          });
          continue;
        }
        if (!isStatus(claim.status)) {
          problems.push({
            file: report.file,
            line,
            message: `unknown status "${claim.status}" for weakness "${claim.weakness}" on ${paragraphLabel(paragraph.ref)}.`,
            fix: `use one of: ${statusList()}.`,
          });
          continue;
        }
        const earlier = claims.get(claim.weakness);
        if (!earlier) {
          claims.set(claim.weakness, { status: claim.status, paragraphs: [paragraph] });
        } else if (earlier.status === claim.status) {
          earlier.paragraphs.push(paragraph);
        } else {
          const first = earlier.paragraphs[0]!;
          problems.push({
            file: report.file,
            line,
            message: `${paragraphLabel(paragraph.ref)} gives weakness "${claim.weakness}" the status ${claim.status}, but ${paragraphLabel(first.ref)} (line ${first.annotationLine ?? first.line}) gives it ${earlier.status}.`,
            fix: 'a visit has one status per weakness: make the paragraphs agree, or keep the status on the paragraph that best justifies it.',
          });
        }
      }
    }
  }

  if (problems.length > 0) return { problems };

  // The baseline is the report the weaknesses come from; the matrix's columns are the visits after
  // it. Earlier reports (the 2014 inspection) are history, not columns.
  const baselineStart = [...sources.values()].map((source) => source.report.data.visitStart).sort().at(-1) ?? '';
  const visits = [...reports].reverse().filter((report) => report.data.visitStart > baselineStart);
  const weaknessProgress = input.weaknesses.map((weakness): WeaknessProgress => {
    const cells = visits.map((report): ProgressCell => {
      const claim = claimsByReport.get(report.id)?.get(weakness.id);
      return {
        report,
        status: claim?.status,
        paragraphs: evidenceFirst(claim?.paragraphs ?? []),
        basis: report.data.text === 'full' ? 'letter' : 'summary',
      };
    });
    const examined = cells.filter((cell) => cell.status !== undefined);
    return {
      weakness,
      source: sources.get(weakness.id)!,
      improvementItem: improvementItems.get(weakness.id),
      history: histories.get(weakness.id) ?? [],
      cells,
      latest: examined.at(-1),
    };
  });

  return {
    problems,
    record: {
      themes: input.themes,
      events: [...input.events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
      reports,
      visits,
      weaknessProgress,
      themeById,
      weaknessById,
      paragraphsByTheme,
    },
  };
}

/**
 * The headings of the lists in which a letter names what must improve: “What needs to improve in
 * this area of social work practice” and, in a letter that has them, “Areas for priority action”.
 */
const IMPROVEMENT_HEADING = /^(?:what needs to improve|areas? for priority action)\b/i;

/**
 * Whether a block only names what must improve: a report's summary block (anchor sK: its summary
 * paragraphs and its “What needs to improve” items), or a block under a letter's “What needs to
 * improve” or “Areas for priority action” heading.
 */
export function isImprovementItem(paragraph: Pick<ReportParagraph, 'ref' | 'heading'>): boolean {
  return paragraph.ref.kind === 'summary' || (paragraph.heading !== undefined && IMPROVEMENT_HEADING.test(paragraph.heading));
}

/**
 * A status's paragraphs with the evidence first: where a report or a letter gives a status both
 * in an item that names what must improve (isImprovementItem) and in a paragraph that carries the
 * detail, the matrix links, and the journey quotes first, the paragraph with the evidence. Within
 * each group, document order.
 */
export function evidenceFirst(paragraphs: ReportParagraph[]): ReportParagraph[] {
  const item = (paragraph: ReportParagraph) => (isImprovementItem(paragraph) ? 1 : 0);
  return [...paragraphs].sort((a, b) => item(a) - item(b) || a.position - b.position);
}

/**
 * How many of the latest visits the matrix, the home page's strips and a weakness's journey show
 * in full: twelve fit a laptop screen without sideways scrolling. Herefordshire's record has
 * exactly twelve visits after 2018, so today every page shows them all; the cap only bites as the
 * record grows, and keeps those pages' size from growing with it (each weakness's page still lists
 * every visit, compactly; see `journeyOf`).
 */
export const LATEST_VISITS = 12;

/**
 * How many of the latest visits this build shows in full: LATEST_VISITS, or LATEST_VISITS from the
 * environment (the tests' build under a sub-path shows 10, so that the real record's twelve
 * visits exercise the pages a longer record gets, with nothing made up).
 */
export function latestVisitsShown(environment: Readonly<Record<string, string | undefined>>): number {
  return countSetting(environment, 'LATEST_VISITS', LATEST_VISITS);
}

/** The matrix cut to its latest visits (`latestVisits`). */
export interface LatestVisits extends Pick<InspectionRecord, 'visits' | 'weaknessProgress'> {
  /** The visits left out, oldest first: none when every visit is shown. */
  earlier: RecordReport[];
}

/**
 * The matrix's columns and rows limited to the most recent visits (all of them when `latest` is
 * undefined), with the visits left out: the matrix and the home page's strips stay small however
 * long the record grows.
 */
export function latestVisits(record: Pick<InspectionRecord, 'visits' | 'weaknessProgress'>, latest?: number): LatestVisits {
  const first = latest === undefined ? 0 : Math.max(0, record.visits.length - latest);
  return {
    visits: record.visits.slice(first),
    weaknessProgress: record.weaknessProgress.map((progress) => ({ ...progress, cells: progress.cells.slice(first) })),
    earlier: record.visits.slice(0, first),
  };
}

/** A weakness's journey as its page shows it (`journeyOf`). */
export interface Journey {
  /** The latest visits, oldest first, examined or not: each with its paragraphs quoted in full. */
  recent: ProgressCell[];
  /** The earlier visits that looked at the weakness, oldest first: listed compactly, linked. */
  earlierExamined: ProgressCell[];
  /** How many earlier visits did not look at it. */
  earlierNotExamined: number;
}

/**
 * A weakness's visits split for its page: the latest `latest` in full, and the earlier ones that
 * examined it in a compact list, so that the page grows by one short line per such visit rather
 * than by every paragraph of every visit. Visits that did not look at the weakness are counted,
 * not listed: a line per visit saying "not examined" would bury the ones that did.
 */
export function journeyOf(cells: readonly ProgressCell[], latest = LATEST_VISITS): Journey {
  const first = Math.max(0, cells.length - latest);
  const earlier = cells.slice(0, first);
  const earlierExamined = earlier.filter((cell) => cell.status !== undefined);
  return { recent: cells.slice(first), earlierExamined, earlierNotExamined: earlier.length - earlierExamined.length };
}
