/**
 * The head of a fictional single inspection report (2014-18): the council, the title
 * (“Inspection of services for children in need of help and protection, children looked after
 * and care leavers”, over two lines, perhaps with “and” and the board's review after it), the
 * dates, the overall judgement and the table's rows, as the PDF's text layer gives them; and the
 * judgements the importer reads from the table. The importer's tests go on from it with the body
 * each needs.
 */

/** The report's title over two lines. */
export const SIF_TITLE: readonly string[] = ['Inspection of services for children in need of help and', 'protection, children looked after and care leavers'];

/** The title of a report that includes the board's review: “and”, then the review's title over two lines. */
export const SIF_AND_REVIEW_TITLE: readonly string[] = [...SIF_TITLE, 'and', 'Review of the effectiveness of the Local Safeguarding Children', 'Board'];

/** The table's first row, graded good. */
export const HELP_GOOD = '1. Children who need help and protection                      Good';

/** The table's second row in a two-row table, graded good. */
export const LEADERSHIP_GOOD = '2. Leadership, management and governance                      Good';

interface Head {
  /** The title's lines (default: the report's own title). */
  title?: readonly string[];
  /** The lines between the title and the overall judgement: the dates, the publication date. */
  dates: readonly string[];
  /** The overall judgement, as a line of its own. */
  overall: string;
  /** The table's rows, a blank line after each. */
  rows?: readonly string[];
}

/** The head's lines: the council, the title, the dates, a blank line, the overall judgement, a blank line, the rows. */
export function sifHead({ title = SIF_TITLE, dates, overall, rows = [] }: Head): string[] {
  return ['Exampleshire County Council', ...title, ...dates, '', overall, '', ...rows.flatMap((row) => [row, ''])];
}

/** The areas of the five-row table, in its order: the second area's two parts come after it. */
export const SIF_AREAS: readonly string[] = [
  'Children who need help and protection',
  'Children looked after and achieving permanence',
  'Adoption performance',
  'Experiences and progress of care leavers',
  'Leadership, management and governance',
];

/** What the importer reads from a five-row table: each area with its grade, in order; an area not judged (no grade) left out. */
export function sifJudgements(...grades: Array<string | undefined>): Array<{ area: string; grade: string }> {
  return SIF_AREAS.flatMap((area, index) => (grades[index] === undefined ? [] : [{ area, grade: grades[index] }]));
}
