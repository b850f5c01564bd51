/**
 * Every numbered paragraph of every report as flat, self-describing records: the open data
 * files /data/findings.json and findings.csv. One derivation from the record, so the data and
 * the pages always agree.
 */
import type { ReportKind, Status } from '../record/vocabulary.ts';
import { yearOf } from '../utils/dates.ts';
import { hashText } from '../record/fingerprint.ts';
import { paragraphLabel } from '../record/paragraph-numbering.ts';
import type { InspectionRecord } from '../record/build-record.ts';
import { displayTitle, kindLabel, visitDates } from '../record/report-entries.ts';
import { paragraphPath } from '../site/urls.ts';

/** One numbered paragraph as a row of /data/findings.json and findings.csv (not the <Finding> component of the MDX, which wraps annotated paragraphs). */
export interface FindingRecord {
  report: string;
  reportTitle: string;
  kind: ReportKind;
  kindLabel: string;
  /** `full`: the letter's own words; `summary`: our summary of it. */
  text: 'full' | 'summary';
  visitStart: string;
  visitEnd?: string;
  visitDates: string;
  year: number;
  /** The paragraph's anchor (src/lib/record/paragraph-numbering.ts): p12, or in a report with Ofsted's numbers p6, p6-1, s3. */
  anchor: string;
  /** How it is cited: "paragraph 12", "paragraph 6, point 1", "summary, paragraph 3". */
  label: string;
  /** The paragraph's permanent path, relative to the site's base: reports/<slug>/#<anchor>. */
  path: string;
  words: string;
  /**
   * The full hash of `words` (src/lib/record/fingerprint.ts: sha-256, first 16 hex digits), the same as
   * content/anchors.json records; a citation's "text fingerprint" is its first 8 digits.
   */
  textHash: string;
  themes: Array<{ id: string; label: string }>;
  statuses: Array<{ weakness: string; weaknessTitle: string; status: Status }>;
  note?: string;
  /**
   * Only where the words are not the document's own text: `footnote` (one of its footnotes) or
   * `notice` (Ofsted's back-page boilerplate, such as how to complain).
   */
  role?: 'footnote' | 'notice';
  /** A footnote's mark as printed ("1"). */
  footnoteMark?: string;
  /** What carries a footnote's mark: a paragraph's anchor (its path is reports/<slug>/#<anchor>), a heading's id, or `title`. */
  footnoteOf?: string;
}

/**
 * The findings as JSON, one finding per line: still readable, a change to one paragraph
 * changes one line, and without indentation (which indented every theme and status of every
 * paragraph) the file is about 15% smaller and quicker to write.
 */
export function findingsJson(list: readonly FindingRecord[]): string {
  return list.length === 0 ? '[]\n' : `[\n${list.map((finding) => JSON.stringify(finding)).join(',\n')}\n]\n`;
}

export function findings(record: InspectionRecord): FindingRecord[] {
  const result: FindingRecord[] = [];
  // Oldest report first, paragraphs in order: a stable, readable file.
  for (const report of [...record.reports].reverse()) {
    // What every paragraph of the report shares, worked out once per report.
    const shared = {
      report: report.id,
      reportTitle: displayTitle(report.data),
      kind: report.data.kind,
      kindLabel: kindLabel(report.data.kind),
      text: report.data.text,
      visitStart: report.data.visitStart,
      visitEnd: report.data.visitEnd,
      visitDates: visitDates(report.data),
      year: yearOf(report.data.visitStart),
    };
    for (const paragraph of report.paragraphs) {
      result.push({
        ...shared,
        anchor: paragraph.id,
        label: paragraphLabel(paragraph.ref),
        path: paragraphPath(report.id, paragraph.id),
        words: paragraph.text,
        textHash: hashText(paragraph.text),
        themes: paragraph.themes.map((id) => ({ id, label: record.themeById.get(id)?.label ?? id })),
        statuses: paragraph.progress.map((claim) => ({
          weakness: claim.weakness,
          weaknessTitle: record.weaknessById.get(claim.weakness)?.title ?? claim.weakness,
          status: claim.status as Status,
        })),
        note: paragraph.note,
        ...(paragraph.role ? { role: paragraph.role } : {}),
        ...(paragraph.footnote ? { footnoteMark: paragraph.footnote.mark, footnoteOf: paragraph.footnote.of } : {}),
      });
    }
  }
  return result;
}
