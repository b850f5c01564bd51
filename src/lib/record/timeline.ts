/**
 * The home page's timeline: every report and every context event, in date order, and the
 * current judgement (the most recent graded inspection, whether a report or an event).
 */
import type { EventKind, Grade, ReportData, TimelineEvent } from './schema.ts';
import { formatDate, formatDateRange, formatMonth, yearOf } from '../utils/dates.ts';
import type { RecordReport } from './build-record.ts';
import { displayTitle, gradeLabel, kindLabel } from './report-entries.ts';
import { reportPath } from '../site/urls.ts';

export interface TimelineItem {
  /** Sort key: a partial date. */
  date: string;
  /** As shown: "17 and 18 June 2025", "September 2012", "Autumn 2022". */
  when: string;
  /** For reports: when the letter was dated and when it was published, where the sources say. */
  publication: PublicationDate[];
  kindLabel: string;
  title: string;
  /** The overall judgement, or what the visit looked at. */
  judgementOrFocus?: string;
  headline: string;
  /** A page on this site, relative to the base, for reports. */
  path?: string;
  /** Links to sources, for events. */
  sources: TimelineEvent['sources'];
  isSummary: boolean;
}

/** A date shown beside a visit's dates: "letter 17 July 2025", "published 2 August 2023". */
export interface PublicationDate {
  label: 'letter' | 'published';
  /** The partial date, for <time datetime>. */
  date: string;
  /** As shown: "17 July 2025", "June 2023". */
  when: string;
}

/**
 * The letter's date and its publication date, in that order, each only where the frontmatter
 * gives it (and so a source does). A publication date equal to the letter's date adds nothing.
 */
export function publicationDates(report: Pick<ReportData, 'letterDate' | 'published'>): PublicationDate[] {
  const dates: PublicationDate[] = [];
  if (report.letterDate) dates.push({ label: 'letter', date: report.letterDate, when: formatDate(report.letterDate) });
  if (report.published && report.published !== report.letterDate) {
    dates.push({ label: 'published', date: report.published, when: formatDate(report.published) });
  }
  return dates;
}

const EVENT_KIND_LABELS: Record<EventKind, string> = {
  inspection: 'Inspection',
  'focused-visit': 'Focused visit',
  court: 'Court',
  intervention: 'Government intervention',
  council: 'Council',
};

export interface CurrentJudgement {
  grade: Grade;
  /** The month of the inspection, as shown. */
  when: string;
  /** The inspection's report page, when there is one. */
  path?: string;
}

function overallGrade(report: RecordReport): Grade | undefined {
  const judgements = report.data.judgements;
  // Only a judgement the report names as overall: another area's grade shown as "Overall" would
  // misstate it.
  return judgements.find((judgement) => /overall/i.test(judgement.area))?.grade;
}

function focusOf(report: RecordReport): string | undefined {
  const grade = overallGrade(report);
  if (grade) return `Overall: ${gradeLabel(grade).toLowerCase()}`;
  if (report.data.areasCovered.length > 0) return `Looked at: ${report.data.areasCovered.join(' ')}`;
  return undefined;
}

export function timeline(reports: readonly RecordReport[], events: readonly TimelineEvent[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...reports.map((report) => ({
      date: report.data.visitStart,
      when: formatDateRange(report.data.visitStart, report.data.visitEnd),
      publication: publicationDates(report.data),
      kindLabel: kindLabel(report.data.kind),
      title: displayTitle(report.data),
      judgementOrFocus: focusOf(report),
      headline: report.data.headline,
      path: reportPath(report.id),
      sources: [],
      isSummary: report.data.text === 'summary',
    })),
    ...events.map((event) => ({
      date: event.date,
      when: event.dateLabel ?? formatDate(event.date),
      publication: [],
      kindLabel: EVENT_KIND_LABELS[event.kind],
      title: event.title,
      judgementOrFocus: event.grade ? `Overall: ${gradeLabel(event.grade).toLowerCase()}` : undefined,
      headline: event.summary,
      sources: event.sources,
      isSummary: false,
    })),
  ];
  // Oldest first; a report before an event in the same month, then by title, so the order is stable.
  return items.sort((a, b) => a.date.localeCompare(b.date) || Number(a.path === undefined) - Number(b.path === undefined) || a.title.localeCompare(b.title));
}

/** The judgement in force: the most recent inspection with an overall grade. */
export function currentJudgement(reports: readonly RecordReport[], events: readonly TimelineEvent[]): CurrentJudgement | undefined {
  const candidates: Array<CurrentJudgement & { date: string }> = [];
  for (const report of reports) {
    const grade = overallGrade(report);
    if (grade) {
      candidates.push({ grade, date: report.data.visitStart, when: formatMonth(report.data.visitStart), path: reportPath(report.id) });
    }
  }
  for (const event of events) {
    if (event.grade) candidates.push({ grade: event.grade, date: event.date, when: formatMonth(event.date) });
  }
  candidates.sort((a, b) => b.date.localeCompare(a.date));
  const latest = candidates[0];
  if (!latest) return undefined;
  const { date: _date, ...judgement } = latest;
  return judgement;
}

/** A year of the timeline: its entries in date order, runs of context events folded together. */
export interface TimelineYear {
  year: number;
  /** A report on its own, or a run of consecutive context events (folded on the home page). */
  groups: Array<{ kind: 'report'; item: TimelineItem } | { kind: 'events'; items: TimelineItem[] }>;
}

/**
 * The timeline by year, oldest first. Within a year the order is unchanged; consecutive events
 * (entries without a report page) become one group, so the reports lead and the context can be
 * folded away without reordering anything.
 */
export function timelineByYear(items: readonly TimelineItem[]): TimelineYear[] {
  const years: TimelineYear[] = [];
  for (const item of items) {
    const year = yearOf(item.date);
    let current = years.at(-1);
    if (current?.year !== year) {
      current = { year, groups: [] };
      years.push(current);
    }
    const last = current.groups.at(-1);
    if (item.path) current.groups.push({ kind: 'report', item });
    else if (last?.kind === 'events') last.items.push(item);
    else current.groups.push({ kind: 'events', items: [item] });
  }
  return years;
}
