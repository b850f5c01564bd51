/**
 * The open data files under /data/, derived from the same record as the pages, never by hand.
 * Column lists live here so that the /data/ page documents exactly what the files contain.
 */
import { STATUS_INFO } from '../record/annotations.ts';
import { GRADES, REPORT_KINDS, STATUSES } from '../record/vocabulary.ts';
import type { FindingRecord } from './findings.ts';
import type { InspectionRecord } from '../record/build-record.ts';
import { displayTitle } from '../record/report-entries.ts';
import { paragraphPath, reportPath } from '../site/urls.ts';

/** "a, b or c": a fixed list as the documentation names it, from the vocabulary itself. */
function oneOf(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

export const REPORT_FIELDS: Array<[string, string]> = [
  ['slug', 'The report’s permanent identifier; its page is /reports/<slug>/.'],
  ['title', 'The letter’s own title.'],
  ['displayTitle', 'A short unique title, e.g. “Monitoring visit 7, June 2025”.'],
  ['kind', `${oneOf(REPORT_KINDS)}.`],
  ['visitNumber', 'For monitoring visits.'],
  ['visitStart, visitEnd', 'Days inspectors were on site (YYYY-MM-DD, or YYYY-MM when only the month is known).'],
  ['letterDate, published', 'When known.'],
  ['inspectors', 'Lead inspector first, unless leadInspectorNamed is false.'],
  ['leadInspectorNamed', 'false when the sources name the inspectors but not which of them led.'],
  ['areasCovered', 'What the visit looked at.'],
  ['judgements', `For inspections: { area, grade } for each judgement; grade is ${oneOf(GRADES)}.`],
  ['followsUp', 'For monitoring visits: the judgement they follow up.'],
  ['text', '“full” (the letter as issued) or “summary” (our own words).'],
  ['headline', 'One line in plain English (ours).'],
  ['sources', 'Where the facts come from, the official letter first.'],
  ['path', 'The report page, relative to the site.'],
];

export const FINDING_COLUMNS: Array<[string, string]> = [
  ['report', 'The report’s slug.'],
  ['reportTitle', 'The report’s short title.'],
  ['kind', `${oneOf(REPORT_KINDS)}.`],
  ['text', '“full” if the words are Ofsted’s, “summary” if they are ours.'],
  ['visitStart', 'The first day (or month) of the visit.'],
  ['year', 'The year of the visit.'],
  ['anchor', 'The paragraph’s anchor: p<N> (in a report that numbers its own paragraphs, Ofsted’s paragraph N), p<N>-<k> (the k-th point after paragraph N), s<K> (the K-th paragraph of the summary before paragraph 1).'],
  ['label', 'How the paragraph is cited, e.g. “paragraph 6, point 2”.'],
  ['path', 'The paragraph’s permanent link, relative to the site.'],
  ['words', 'The paragraph’s words.'],
  ['themes', 'Theme ids, separated by “;”.'],
  ['statuses', 'weakness-id=status for each 2018 weakness it speaks to, separated by “;”.'],
  ['note', 'The editor’s note on the status, if any.'],
  // Added after the file was first published: last, so that readers by column position still work.
  ['textHash', 'A hash of the words, to check a quotation is unchanged: the first 16 hex digits of the SHA-256 of the words (as in “words”, UTF-8, spaces collapsed). A citation’s “text fingerprint” is its first 8 digits (see About, “Checking a quotation”).'],
  ['role', 'Empty for the document’s own text; “footnote” for one of its footnotes; “notice” for Ofsted’s back-page boilerplate kept with the report (such as how to complain), which is not a finding.'],
  ['footnoteMark', 'For a footnote: its mark as printed, e.g. “1”.'],
  ['footnoteOf', 'For a footnote: what carries its mark: a paragraph’s anchor (as in “anchor”), a heading’s id on the report page, or “title” (the report’s title).'],
];

export const PROGRESS_COLUMNS: Array<[string, string]> = [
  ['weakness', 'The 2018 weakness’s id.'],
  ['weaknessTitle', 'Its short title.'],
  ['report', 'The later visit’s slug.'],
  ['reportTitle', 'The visit’s short title.'],
  ['visitStart', 'The first day (or month) of the visit.'],
  ['status', `${oneOf([...STATUSES, 'not-examined'])}.`],
  ['statusLabel', 'The status in words.'],
  ['basis', '“letter” if judged from the letter itself, “summary” if from our summary of it.'],
  ['paragraphs', 'The paths of the paragraphs that justify the status, separated by “;”.'],
];

export function reportsData(record: InspectionRecord): Array<Record<string, unknown>> {
  return [...record.reports].reverse().map((report) => ({
    slug: report.id,
    displayTitle: displayTitle(report.data),
    ...report.data,
    path: reportPath(report.id),
  }));
}

/** RFC 4180: quote a field that holds a comma, quote or line break; double its quotes. */
export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  return [columns, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function findingsCsv(findings: readonly FindingRecord[]): string {
  return toCsv(
    FINDING_COLUMNS.map(([name]) => name),
    findings.map((finding) => [
      finding.report,
      finding.reportTitle,
      finding.kind,
      finding.text,
      finding.visitStart,
      finding.year,
      finding.anchor,
      finding.label,
      finding.path,
      finding.words,
      finding.themes.map((theme) => theme.id).join(';'),
      finding.statuses.map((status) => `${status.weakness}=${status.status}`).join(';'),
      finding.note,
      finding.textHash,
      finding.role,
      finding.footnoteMark,
      finding.footnoteOf,
    ]),
  );
}

export function progressCsv(record: InspectionRecord): string {
  const rows = record.weaknessProgress.flatMap((progress) =>
    progress.cells.map((cell) => [
      progress.weakness.id,
      progress.weakness.title,
      cell.report.id,
      displayTitle(cell.report.data),
      cell.report.data.visitStart,
      cell.status ?? 'not-examined',
      cell.status ? STATUS_INFO[cell.status].label : 'Not examined',
      cell.basis,
      cell.paragraphs.map((paragraph) => paragraphPath(cell.report.id, paragraph.id)).join(';'),
    ]),
  );
  return toCsv(PROGRESS_COLUMNS.map(([name]) => name), rows);
}
