/**
 * How Ofsted's graded judgements of Herefordshire's children's services moved from inspection to
 * inspection: the data behind the judgement history chart and its table.
 *
 * The grades come from the inspection reports' frontmatter (`judgements`), and one earlier
 * judgement from content/events.yaml. Three inspection frameworks are involved, and their
 * judgement areas are not the same:
 *
 * - 2012: an inspection of child protection arrangements only (content/events.yaml);
 * - 2014: the single inspection framework (SIF), seven judgements;
 * - 2018 on: inspections of local authority children's services (ILACS), four judgements in 2018
 *   and 2022, five from 2025 (children in care and care leavers judged apart).
 *
 * A line on the chart joins only areas that really correspond: the same question asked of the
 * service under a different name. That mapping is below, with why each holds. An area no later or
 * earlier framework asks about (the SIF's adoption performance and its review of the safeguarding
 * board) is listed beside the chart as not drawn, never squeezed onto a line. An area this module
 * does not know stops the build, naming the report file, so that a new inspection is mapped by a
 * person rather than guessed.
 */
import type { Grade, ReportData, TimelineEvent } from '../record/schema.ts';
import { formatMonth, yearOf } from '../utils/dates.ts';
import { gradeLabel } from '../record/report-entries.ts';

export const SERIES_IDS = ['overall', 'help-and-protection', 'children-in-care', 'care-leavers', 'leaders'] as const;
export type SeriesId = (typeof SERIES_IDS)[number];

/** From 1 April 2026 Ofsted gives four judgements and no overall effectiveness judgement. */
export const FRAMEWORK_2026_FROM = '2026-04-01';

/** What a chart, table or file says in place of an overall grade for a report under that framework: never a grade. */
export const NO_OVERALL_LABEL = 'No overall judgement (the framework from April 2026)';

/** Each line's name, as the chart's legend and the table's rows show it. */
export const SERIES_LABELS: Record<SeriesId, string> = {
  overall: 'Overall effectiveness',
  'help-and-protection': 'Children who need help and protection',
  'children-in-care': 'Children in care',
  'care-leavers': 'Care leavers',
  leaders: 'Leadership',
};

/**
 * Every judgement area the reports name, in the framework's own words (compared in lower case),
 * and the line(s) it belongs to. `[]` means: judged, but with no counterpart in another
 * framework, so not drawn (the reason is shown beside the chart).
 */
export const AREA_SERIES: ReadonlyArray<{ area: string; series: readonly SeriesId[]; why: string }> = [
  // Overall effectiveness: the SIF calls it the overall judgement; both grade the service as a whole.
  { area: 'Overall judgement', series: ['overall'], why: 'The SIF’s name for the overall effectiveness judgement.' },
  { area: 'Overall effectiveness', series: ['overall'], why: 'The ILACS overall judgement.' },
  // Help and protection: the SIF and ILACS ask the same question about the same children.
  { area: 'Children who need help and protection', series: ['help-and-protection'], why: 'SIF wording.' },
  { area: 'The experiences and progress of children who need help and protection', series: ['help-and-protection'], why: 'ILACS wording.' },
  // Children in care: the SIF's "children looked after" are the children ILACS calls "children in care".
  { area: 'Children looked after and achieving permanence', series: ['children-in-care'], why: 'SIF wording for children in care.' },
  { area: 'The experiences and progress of children in care', series: ['children-in-care'], why: 'ILACS wording from 2025, care leavers judged apart.' },
  // In 2018 and 2022 one ILACS judgement covered children in care and care leavers together: its
  // grade is the grade of both, and the table names the joint area so a reader sees it was one.
  {
    area: 'The experiences and progress of children in care and care leavers',
    series: ['children-in-care', 'care-leavers'],
    why: 'One ILACS judgement for both groups (2018 to 2023).',
  },
  { area: 'Experiences and progress of care leavers', series: ['care-leavers'], why: 'SIF wording.' },
  { area: 'The experiences and progress of care leavers', series: ['care-leavers'], why: 'ILACS wording from 2025.' },
  // The 2025 report's judgement table prints this area as "children care leavers" (its section
  // heading says "care leavers"); the frontmatter keeps the table's words as issued.
  { area: 'The experiences and progress of children care leavers', series: ['care-leavers'], why: 'The 2025 table’s words for care leavers.' },
  // Leadership: the SIF graded leadership, management and governance; ILACS grades the impact of
  // leaders on social work practice. Both are the judgement of the service's leaders.
  { area: 'Leadership, management and governance', series: ['leaders'], why: 'SIF wording.' },
  { area: 'The impact of leaders on social work practice with children and families', series: ['leaders'], why: 'ILACS wording.' },
  // From April 2026 the same judgement is worded without "social work" (and there is no overall).
  { area: 'The impact of leaders on practice with children and families', series: ['leaders'], why: 'ILACS wording from April 2026.' },
  // No counterpart: ILACS has no separate adoption judgement (adoption is part of children in
  // care), and the safeguarding board was reviewed alongside the SIF, not part of the council's services.
  { area: 'Adoption performance', series: [], why: 'ILACS has no separate adoption judgement: adoption is part of the children in care judgement.' },
  {
    area: 'The effectiveness of the Local Safeguarding Children Board',
    series: [],
    why: 'A review of the safeguarding children board, not a judgement of the council’s services; later frameworks have none.',
  },
  // The 2013 inspection of looked after children services graded its own sections on the scale
  // before 2014 (outstanding, good, adequate, inadequate), about looked after children alone: no
  // later judgement asks the same question on the same scale, so none is drawn on a line.
  ...[
    'Overall effectiveness of services for looked after children and young people',
    'Capacity to improve',
    'Outcomes for looked after children and young people',
    'Quality of provision',
    'Leadership and management',
  ].map((area) => ({
    area,
    series: [],
    why: 'The 2013 inspection of looked after children services, on the scale before 2014 (with “adequate”): no later judgement is the same question on the same scale.',
  })),
];

/** A paragraph of a report on this site that supports a point, by its permanent anchor. */
export interface ParagraphCitation {
  report: string;
  anchor: string;
  /** As the table shows it, e.g. "2014 report, paragraph 1". */
  label: string;
}

/**
 * Judgements that are not reports on this site but events in content/events.yaml, and the line
 * each belongs to. The 2012 inspection looked at child protection arrangements only: it is the
 * predecessor of the help and protection judgement, and not of overall effectiveness (it did not
 * inspect children in care or care leavers). The 2014 report confirms the grade twice: its
 * paragraph 1 and, under "Other Ofsted inspections", its list of previous inspections.
 *
 * Not drawn: paragraph 2 of the 2014 report says services for looked after children were
 * "judged to be good in 2012", but the same report's list of previous inspections dates that
 * inspection to October 2010. The sources disagree on when, so no point is drawn for it.
 */
export const EVENT_SERIES: Readonly<Record<string, { series: SeriesId; area: string; citations: ParagraphCitation[]; dateNote: string }>> = {
  '2012-child-protection-inspection': {
    series: 'help-and-protection',
    area: 'Child protection arrangements',
    citations: [
      { report: '2014-04-inspection', anchor: 'p1', label: '2014 report, paragraph 1' },
      { report: '2014-04-inspection', anchor: 'p44-36', label: '2014 report, Other Ofsted inspections' },
    ],
    dateNote: 'September 2012 by the Hereford Times; October 2012 by the 2014 report',
  },
};

/** Said beside the chart: a judgement the sources give but the chart does not draw, and why. */
export const NOT_DRAWN_NOTES: readonly { text: string; citations: ParagraphCitation[] }[] = [
  {
    text:
      'Services for looked after children: the 2014 report says they were “judged to be good in 2012” (paragraph 2), but its list of previous inspections dates that inspection to October 2010. The sources disagree on the date, so the chart draws no point for it.',
    citations: [
      { report: '2014-04-inspection', anchor: 'p2', label: '2014 report, paragraph 2' },
      { report: '2014-04-inspection', anchor: 'p44-37', label: '2014 report, Other Ofsted inspections' },
    ],
  },
];

/** The inputs: a report's slug, its file (for messages) and its frontmatter. */
export interface HistoryReport {
  id: string;
  file?: string;
  data: Pick<ReportData, 'kind' | 'visitStart' | 'judgements'>;
}

export interface HistoryInspection {
  /** A report slug, or an event id. */
  id: string;
  /** The partial date inspectors started, for ordering and placing on the time axis. */
  date: string;
  year: number;
  /** As the table's column heading shows it: "April 2014", or "2012" where the sources differ on the month. */
  when: string;
  /** The report page, relative to the base; absent for an event. */
  reportId?: string;
  /** For an event: its sources (each with a URL or a note), shown in the table. */
  sources?: TimelineEvent['sources'];
  dateNote?: string;
  /**
   * An inspection under the framework from April 2026, which gives no overall judgement: the
   * overall line has no point for it (and stops there), and the table says so, never a grade.
   */
  noOverall?: true;
}

export interface HistoryPoint {
  series: SeriesId;
  /** Index into `inspections`. */
  inspection: number;
  grade: Grade;
  /** The judgement area in that framework's own words. */
  area: string;
  /** Paragraphs of reports on this site that support a point not taken from a report's own frontmatter. */
  citations: ParagraphCitation[];
}

export interface NotCharted {
  inspection: number;
  area: string;
  grade: Grade;
  why: string;
}

export interface JudgementHistory {
  /** Oldest first. */
  inspections: HistoryInspection[];
  /** One per line, in SERIES_IDS order; each line's points oldest first. */
  series: Array<{ id: SeriesId; label: string; points: HistoryPoint[] }>;
  notCharted: NotCharted[];
  /** Earlier graded inspections left out to keep the chart readable (`latest`). */
  omitted: number;
}

const AREA_LOOKUP = new Map(AREA_SERIES.map((entry) => [entry.area.toLowerCase(), entry]));

export function seriesForArea(area: string): { series: readonly SeriesId[]; why: string } | undefined {
  return AREA_LOOKUP.get(area.trim().toLowerCase());
}

/**
 * The history from every graded inspection report and the mapped events. Throws, naming the file
 * and what to do, when a report grades an area this module does not map.
 */
export function judgementHistory(
  reports: readonly HistoryReport[],
  events: readonly Pick<TimelineEvent, 'id' | 'date' | 'grade' | 'sources'>[],
  options: { latest?: number } = {},
): JudgementHistory {
  type Entry = { inspection: HistoryInspection; judgements: Array<{ area: string; grade: Grade; series: readonly SeriesId[]; why: string; citations: ParagraphCitation[] }> };
  const entries: Entry[] = [];
  const unknown: string[] = [];
  for (const report of reports) {
    if (report.data.kind !== 'inspection' || report.data.judgements.length === 0) continue;
    const judgements = report.data.judgements.map((judgement) => {
      const mapped = seriesForArea(judgement.area);
      if (!mapped) unknown.push(`${report.file ?? `content/reports/${report.id}.mdx`}: judgement area “${judgement.area}” is not mapped to a line of the judgement chart. Add it to AREA_SERIES in src/lib/pictures/judgement-history.ts (with the line it corresponds to, or [] and why not).`);
      return { area: judgement.area, grade: judgement.grade, series: mapped?.series ?? [], why: mapped?.why ?? '', citations: [] };
    });
    const noOverall = report.data.visitStart >= FRAMEWORK_2026_FROM && !judgements.some((judgement) => judgement.series.includes('overall'));
    entries.push({
      inspection: { id: report.id, date: report.data.visitStart, year: yearOf(report.data.visitStart), when: formatMonth(report.data.visitStart), reportId: report.id, ...(noOverall ? { noOverall: true as const } : {}) },
      judgements,
    });
  }
  if (unknown.length > 0) throw new Error(unknown.join('\n'));
  for (const event of events) {
    const mapped = EVENT_SERIES[event.id];
    if (!mapped) continue;
    if (!event.grade) throw new Error(`content/events.yaml: event ${event.id} is drawn on the judgement chart but has no grade. Give it its grade, or remove it from EVENT_SERIES in src/lib/pictures/judgement-history.ts.`);
    const year = yearOf(event.date);
    entries.push({
      inspection: { id: event.id, date: event.date, year, when: String(year), sources: event.sources, dateNote: mapped.dateNote },
      judgements: [{ area: mapped.area, grade: event.grade, series: [mapped.series], why: '', citations: mapped.citations }],
    });
  }
  entries.sort((a, b) => a.inspection.date.localeCompare(b.inspection.date));
  // However long the record grows, the chart and its table stay readable (and the home page small).
  const omitted = options.latest === undefined ? 0 : Math.max(0, entries.length - options.latest);
  entries.splice(0, omitted);

  const series = SERIES_IDS.map((id) => ({ id, label: SERIES_LABELS[id], points: [] as HistoryPoint[] }));
  const notCharted: NotCharted[] = [];
  entries.forEach((entry, index) => {
    for (const judgement of entry.judgements) {
      if (judgement.series.length === 0) notCharted.push({ inspection: index, area: judgement.area, grade: judgement.grade, why: judgement.why });
      for (const id of judgement.series) {
        const line = series.find((candidate) => candidate.id === id)!;
        // Two areas of one inspection on one line (e.g. a report giving both wordings of a
        // judgement) cannot both be drawn: the first is, the other is listed as not drawn.
        if (line.points.some((point) => point.inspection === index)) {
          notCharted.push({ inspection: index, area: judgement.area, grade: judgement.grade, why: `Another judgement of this inspection is already drawn on the “${line.label}” line.` });
          continue;
        }
        line.points.push({ series: id, inspection: index, grade: judgement.grade, area: judgement.area, citations: judgement.citations });
      }
    }
  });
  return { inspections: entries.map((entry) => entry.inspection), series, notCharted, omitted };
}

/** "Requires improvement to be good": the grade as Ofsted's scale names it, for the table. */
export function gradeName(grade: Grade): string {
  return grade === 'requires-improvement' ? 'Requires improvement to be good' : gradeLabel(grade);
}

/** What the table beside the chart shows for one line at one inspection. */
export type HistoryCell =
  | { kind: 'grade'; point: HistoryPoint; label: string }
  | { kind: 'no-overall'; label: typeof NO_OVERALL_LABEL }
  | { kind: 'not-judged'; label: 'Not judged' };

/** The table's cell for line `series` at inspection `index`: a grade, “no overall judgement” (from April 2026), or not judged. */
export function historyCell(history: JudgementHistory, series: SeriesId, index: number): HistoryCell {
  const point = history.series.find((line) => line.id === series)?.points.find((candidate) => candidate.inspection === index);
  if (point) return { kind: 'grade', point, label: gradeName(point.grade) };
  if (series === 'overall' && history.inspections[index]?.noOverall) return { kind: 'no-overall', label: NO_OVERALL_LABEL };
  return { kind: 'not-judged', label: 'Not judged' };
}
