/**
 * The sweep's model (`npm run sweep`, scripts/sweep.ts): what kind of document each import is,
 * how it compares with a third party's table of grades and dates, and the table of results the
 * README shows. Pure: the script reads the files and imports them; this module only judges.
 *
 * The third-party table is the public collection's `ofsted_csc_ilacs_history.csv`
 * (JT-39/ofsted-ilacs-scrape-tool): a cross-check, not the truth. Where it and the import
 * disagree, a person reads the document; where the table is wrong, the disagreement goes into
 * the errata (scripts/sweep/csv-errata.json) with what the document says, and stops counting.
 */
import type { ImportResult } from './index.ts';
import type { Defect } from './verify.ts';

/** The families the table counts apart, by the framework their judgements come from. */
export type DocumentFamily = 'ilacs' | 'sif' | 'letter' | 'older';

export const FAMILY_LABELS: Record<DocumentFamily, string> = {
  ilacs: 'inspection reports 2018-26',
  sif: 'single-inspection-framework reports 2014-18',
  older: 'inspection reports before 2014',
  letter: 'focused-visit and monitoring letters',
};

const SIF_AREAS = /^(?:overall judgement|children who need help and protection|children looked after|adoption performance|experiences and progress of care leavers|leadership, management and governance|the effectiveness of the local safeguarding)/i;

/** Which family an import belongs to: letters by kind; reports by their judgement areas and date. */
export function familyOf(result: ImportResult): DocumentFamily {
  const fm = result.frontmatter;
  if (fm.kind !== 'inspection') return 'letter';
  const areas = (fm.judgements ?? []).map(({ area }) => area);
  if (areas.some((area) => SIF_AREAS.test(area))) return 'sif';
  if (fm.visitStart < '2014-01-01') return 'older';
  if (fm.visitStart < '2018-01-01') return 'sif';
  return 'ilacs';
}

/** A family guessed from the file's name, for a document that was refused or crashed. */
export function familyOfName(name: string): DocumentFamily {
  if (/focused[- ]visit|monitoring[- ]visit|letter/i.test(name)) return 'letter';
  const year = Number(/(20\d\d)(?!.*20\d\d)/.exec(name)?.[1] ?? 0);
  if (year && year < 2014) return 'older';
  if (year && year < 2018) return 'sif';
  return 'ilacs';
}

/** `dd/mm/yyyy` or `dd/mm/yy` as `yyyy-mm-dd`, or undefined. */
export function isoFromDayFirst(value: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value.trim());
  if (!match) return undefined;
  const year = match[3]!.length === 2 ? `20${match[3]}` : match[3]!;
  return `${year}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** The table's grade columns and the judgement areas (ILACS wording, by their start) they grade. */
const GRADE_COLUMNS: ReadonlyArray<{ column: string; area: RegExp }> = [
  { column: 'overall_effectiveness_grade', area: /^overall effectiveness/i },
  { column: 'impact_of_leaders_grade', area: /^the impact of leaders/i },
  { column: 'help_and_protection_grade', area: /help and protection/i },
  { column: 'in_care_grade', area: /children in care/i },
  { column: 'care_leavers_grade', area: /care leavers/i },
];

export interface Disagreement {
  field: string;
  table: string;
  document: string;
}

/**
 * Where a 2018-26 report's import and the table's row disagree: the dates, the lead inspector and
 * each grade the table gives (a cell that is not a grade, such as `inspection_pre_dates_judgement`,
 * is not compared). Under the 2018-23 frameworks one judgement covers children in care and care
 * leavers together; its grade is compared with both columns.
 */
export function crossCheck(result: ImportResult, row: Record<string, string>): Disagreement[] {
  const fm = result.frontmatter as ImportResult['frontmatter'] & { published?: string };
  const out: Disagreement[] = [];
  const compare = (field: string, table: string | undefined, document: string | undefined): void => {
    if (table !== undefined && table !== document) out.push({ field, table, document: document ?? '(none)' });
  };
  compare('visitStart', isoFromDayFirst(row.inspection_start_date ?? ''), fm.visitStart);
  compare('visitEnd', isoFromDayFirst(row.inspection_end_date ?? ''), fm.visitEnd);
  // A 2018-26 report seldom prints its publication date; the importer then leaves it for the
  // editor (and says so), which is right, so only a date it did read is compared.
  if (fm.published !== undefined) compare('published', isoFromDayFirst(row.publication_date ?? ''), fm.published);
  // The table spaces some hyphenated names ("Paula Thomson -Jones"); the document does not.
  const lead = (row.inspector_name ?? '').trim().replace(/\s*-\s*/g, '-');
  if (lead) compare('lead inspector', lead, fm.inspectors?.[0]);
  const judgements = fm.judgements ?? [];
  for (const { column, area } of GRADE_COLUMNS) {
    const cell = (row[column] ?? '').trim().toLowerCase().replace(/\s+/g, '-');
    if (!['outstanding', 'good', 'requires-improvement', 'inadequate'].includes(cell)) continue;
    const judgement = judgements.find((candidate) => area.test(candidate.area));
    compare(column.replace(/_grade$/, ''), cell, judgement?.grade);
  }
  return out;
}

/** One document's outcome, as the sweep counts it. */
export interface SweepOutcome {
  file: string;
  family: DocumentFamily;
  outcome: 'imported' | 'refused' | 'not-a-document' | 'crashed';
  /** Why it was refused or crashed. */
  reason?: string;
  defects: Defect[];
  /** Defects that are the document's own (listed in the sweep's document errata): shown, not counted. */
  documentsOwn?: Defect[];
  disagreements: Disagreement[];
}

export interface SweepRow {
  family: DocumentFamily;
  documents: number;
  imported: number;
  wrong: number;
  wrongFrontmatter: number;
  wrongBody: number;
  refused: number;
  crashed: number;
}

/** The README's table: per family, documents, imported, wrong in frontmatter or body, refused. */
export function tabulate(outcomes: readonly SweepOutcome[]): SweepRow[] {
  const rows: SweepRow[] = [];
  for (const family of ['ilacs', 'sif', 'older', 'letter'] as const) {
    const mine = outcomes.filter((outcome) => outcome.family === family && outcome.outcome !== 'not-a-document');
    if (mine.length === 0) continue;
    const imported = mine.filter((outcome) => outcome.outcome === 'imported');
    const frontmatter = (outcome: SweepOutcome): boolean =>
      outcome.disagreements.length > 0 || outcome.defects.some((defect) => defect.part === 'frontmatter');
    const body = (outcome: SweepOutcome): boolean => outcome.defects.some((defect) => defect.part === 'body');
    rows.push({
      family,
      documents: mine.length,
      imported: imported.length,
      wrong: imported.filter((outcome) => frontmatter(outcome) || body(outcome)).length,
      wrongFrontmatter: imported.filter(frontmatter).length,
      wrongBody: imported.filter(body).length,
      refused: mine.filter((outcome) => outcome.outcome === 'refused').length,
      crashed: mine.filter((outcome) => outcome.outcome === 'crashed').length,
    });
  }
  return rows;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** The table as Markdown, as the README prints it. */
export function tableMarkdown(rows: readonly SweepRow[]): string {
  const lines = [
    '| documents | imported | wrong in a frontmatter field or in the body | of which frontmatter / body | refused | crashed |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${FAMILY_LABELS[row.family]} (${row.documents}) | ${row.imported} | ${row.wrong} (${percent(row.wrong, row.imported)}) | ${row.wrongFrontmatter} / ${row.wrongBody} | ${row.refused} | ${row.crashed} |`,
    );
  }
  return lines.join('\n');
}

/** How many imports fail each check, most first: where to look next. */
export function defectCounts(outcomes: readonly SweepOutcome[]): Array<{ check: string; documents: number }> {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    const checks = new Set([
      ...outcome.defects.map((defect) => `${outcome.family} ${defect.part}: ${defect.check}`),
      ...outcome.disagreements.map((disagreement) => `${outcome.family} frontmatter: table disagrees on ${disagreement.field}`),
    ]);
    for (const check of checks) counts.set(check, (counts.get(check) ?? 0) + 1);
  }
  return [...counts].map(([check, documents]) => ({ check, documents })).sort((a, b) => b.documents - a.documents || a.check.localeCompare(b.check));
}
