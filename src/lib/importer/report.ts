/**
 * Ofsted's inspection reports (ILACS from 2018, and as far as it goes the 2014 single
 * inspection): not letters, but a title, the inspection dates, the lead inspector and a table
 * of judgements, then summary paragraphs, "What needs to improve", and sections whose
 * paragraphs Ofsted numbers itself ("1.", "2.", ... through the whole report), then a back page
 * of Ofsted's boilerplate.
 *
 * Like the letter cleaner it works on lines and never changes a word: it drops the lines that
 * are the page's (running headers, page numbers) or Ofsted's boilerplate, moves footnotes to the
 * end, and keeps each numbered paragraph's number at the start of its text.
 */
import type { Grade } from '../record/schema.ts';
import { buildBlocks, normalise, splitLines, type Block, type Line } from './clean.ts';
import { INSPECTOR_TITLE, NAME, parseDateRange, splitNames, type DateRange } from './extract.ts';
import { OFSTED_NUMBERING, ParagraphNumberer, TITLE_TARGET, ofstedNumber } from '../record/paragraph-numbering.ts';
import { headingSlug } from '../utils/heading-slug.ts';
import { AREA_SERIES } from '../pictures/judgement-history.ts';

export interface Judgement {
  area: string;
  grade: Grade;
}

/** An inspection report, split into the parts the MDX and its frontmatter are made from. */
export interface ReportParts {
  /** "Inspection of Herefordshire local authority children’s services" */
  title?: string;
  /** The place or council the report is about, as printed: "Herefordshire", "Herefordshire Council". */
  authority?: string;
  dates?: DateRange;
  /** Only the 2014-18 reports print it: "Report published: 30 June 2014". */
  published?: string;
  /** Lead inspector first, then the team where the report names it. */
  inspectors: string[];
  judgements: Judgement[];
  /** Areas of the judgement table whose grade could not be read (left out, never guessed). */
  unreadJudgements: string[];
  /**
   * Rows of an ILACS table whose words are no judgement area the site knows (a row run into
   * another, words that are not an area's): left out, never written as an area.
   */
  unknownJudgements: Judgement[];
  body: Block[];
  /**
   * Ofsted numbers the report's paragraphs ("1. ...", "2. ..."): a paragraph of the body starts
   * with its number. Some 2014 reports print every paragraph as a bullet, with no number
   * (Derbyshire 2014): their blocks are numbered as a letter's are (`paragraphNumbers` left out).
   */
  numbered: boolean;
  /** Footnotes, in order, without their marks: written after the body. */
  footnotes: string[];
  /** The title of a second report bound after this one's back page (not imported). */
  afterBackPage?: string;
  /**
   * The year of the report's own "© Crown copyright YYYY" line (on its back page, which the body
   * leaves out), which may not be the year of its publication; undefined where it prints none.
   */
  copyrightYear?: number;
  /**
   * For each footnote, the words its mark stood after (on its line, whitespace collapsed), to find
   * the paragraph, heading or title that carries it (`footnoteTargets`).
   */
  footnoteMarks: string[];
}

/** The line that gives the inspection's dates: "Inspection dates: 10 to 21 November 2025". */
const DATES_LINE = /^Inspection dates?:\s*(.*)$/i;
/**
 * The label alone, its dates on the next line that holds any: a PDF viewer's copy of a 2018-20
 * report gives the head's two columns one after the other ("Inspection dates:" / "" / "9 March
 * 2020 to 13 March 2020").
 */
const DATES_LABEL = /^Inspection dates?:$/i;
/** "Lead inspector: A", or in 2013 "Reporting inspector A HMI". */
const LEAD_LINE = /^(?:Lead inspector:\s*|Reporting inspector:?\s+)(.+)$/i;
/** The lead inspector's label alone, the name on the next line that holds any (as DATES_LABEL). */
const LEAD_LABEL = /^Lead inspector:$/i;
/**
 * Two lead inspectors, each with their title, perhaps wrapped onto the next line: "Lead
 * inspectors: A, His Majesty’s Inspector, and B," / "His Majesty’s Inspector".
 */
const LEADS_LINE = /^Lead inspectors:\s*(.+)$/i;
const TEAM_LINE = /^Team inspectors?:\s*(.+)$/i;
/** "Report published: 30 June 2014", "Report published: 25/11/2016"; in 2013 "Published: 16 August 2013". */
const PUBLISHED_LINE = /^(?:Report )?published:\s*(.+)$/i;

/**
 * Is this an inspection report rather than a letter? It states its inspection dates on a line
 * of their own near the top ("Inspection dates: ...", which no letter has), with no salutation
 * before them (a letter that quotes a report still starts "Dear ...").
 */
export function isInspectionReport(text: string): boolean {
  const lines = normalise(text).split(/[\n\f]/).map((line) => line.trim());
  const top = lines.slice(0, 40);
  const datesIndex = top.findIndex((line, index) => DATES_LINE.test(line) && (!DATES_LABEL.test(line) || labelledText(top, index) !== undefined));
  return datesIndex >= 0 && !top.slice(0, datesIndex).some((line) => /^Dear\s+\S/.test(line));
}

/**
 * What a label on a line of its own labels: the next line that holds anything, within the two
 * lines after it (a copy may leave a blank line between them), unless that is another label.
 */
function labelledText(lines: readonly string[], index: number): string | undefined {
  for (const line of lines.slice(index + 1, index + 3).map((text) => text.trim())) {
    if (line === '') continue;
    return /:$/.test(line) ? undefined : line;
  }
  return undefined;
}

/**
 * A report of the single inspection framework (2014-2018: "Inspection of services for children
 * in need of help and protection, ...", or its re-inspection) or a 2013 inspection of looked
 * after children services, by its title at the top. Their paragraphs often follow each other
 * with no gap (see pdf.ts); the reports after them set a gap between paragraphs.
 */
export function isOlderInspectionReport(text: string): boolean {
  if (!isInspectionReport(text)) return false;
  const top = normalise(text).split(/[\n\f]/).slice(0, 30).join(' ').replace(/\s+/g, ' ');
  return /\b(?:(?:Re-?)?inspection of (?:services for children in need of help and protection|looked after children services)|Review of the effectiveness of the Local Safeguarding Children Board)\b/i.test(top);
}

/**
 * The start of the back page: Ofsted's description of itself, its licence text, its address
 * and Crown copyright. Nothing from here on is part of the report's findings.
 */
const BACK_PAGE_START = [
  /^The Office for Standards in Education, Children[’']s Services and Skills \(Ofsted\)/,
  /^Ofsted has a duty\b/,
  /^If you would like a copy of this document in a different format\b/,
];

function isBackPageStart(line: string): boolean {
  return BACK_PAGE_START.some((regex) => regex.test(line));
}

/**
 * A grade in words, as a sentence or the table gives it ("are good", "requires improvement",
 * "Requires Improvement to be good"), perhaps with a full stop after it. Anything else is no
 * grade: a grade that cannot be read is reported missing, never guessed.
 */
function gradeInWords(words: string): Grade | undefined {
  const text = words.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
  if (/^requires? improvement(?: to be good)?$/.test(text)) return 'requires-improvement';
  if (text === 'good' || text === 'outstanding' || text === 'inadequate') return text;
  return undefined;
}

/**
 * A grade's words at the end of a table line, longest first: a whole grade, or the first or
 * last part of one split over two lines ("Requires improvement to" / "be good", "Requires
 * improvement" / "to be good", "Requires" / "improvement").
 */
const GRADE_END = /(?:^|\s)(Requires? improvement to be good|Requires? improvement to|Requires? improvement|Requires?|improvement|to be good|be good|Outstanding|Good|Inadequate|Not judged)$/i;

/**
 * A line of the table cut into the area's words and the grade's words at its end. Lower-case
 * "good" or "improvement" ends a grade only where the line is nothing else ("improvement",
 * "be good"), or follows the area's words ("permanence be good", "and protection to be good"): an area never ends in them.
 */
function splitGrade(line: string): { words: string; grade: string } {
  const match = GRADE_END.exec(line);
  if (!match) return { words: line, grade: '' };
  const piece = match[1]!;
  const alone = match.index === 0 && !line.startsWith(' ');
  // "Requires" or "improvement" alone is half a grade only on a line of its own.
  if (/^(?:Requires?|improvement)$/i.test(piece) && !alone) return { words: line, grade: '' };
  // Lower case: only the second half of a split grade, or a grade standing alone.
  if (/^[a-z]/.test(piece) && !alone && !/^(?:to )?be good$/.test(piece)) return { words: line, grade: '' };
  return { words: line.slice(0, match.index).trim(), grade: piece };
}

/** The grade words of a line that is nothing but a grade (or part of one: "Requires", "be good"). */
function gradeFragment(line: string): boolean {
  const split = splitGrade(line);
  return split.grade !== '' && split.words === '';
}

/**
 * The judgement table: each area and its grade, in the table's order. An area may wrap onto
 * several lines, with the grade on its first, its middle or its last line, or split over two
 * ("Requires" / "improvement", "Requires improvement to" / "be good") around the area's words;
 * blank lines separate the areas. The 2014 table numbers its areas ("2.1 Adoption
 * performance"): the numbers are not part of the area's name. An area whose grade's words do
 * not make a grade is left out (and so reported missing), never given a guessed grade.
 */
export function parseJudgementTable(lines: readonly string[]): Judgement[] {
  return readJudgementTable(lines).judgements;
}

/** The table's judgements, and the areas whose grade could not be read (`parseJudgementTable`). */
export function readJudgementTable(lines: readonly string[]): { judgements: Judgement[]; unread: string[] } {
  const groups: string[][] = [[]];
  const gradeOf = (group: readonly string[]): Grade | undefined => gradeInWords(group.map((line) => splitGrade(line).grade).filter((grade) => grade !== '').join(' '));
  for (const line of lines) {
    const group = groups[groups.length - 1]!;
    if (line === '') groups.push([]);
    else if (/^Overall effectiveness\b/i.test(line) && group.some((above) => splitGrade(above).words !== '')) {
      // ILACS: "Overall effectiveness" is always a row of its own, even where the PDF leaves no
      // gap before it; its grade may stand on the line above it, when the row before has its own.
      const above = group[group.length - 1]!;
      const moves = gradeFragment(above) && gradeOf(group.slice(0, -1)) !== undefined;
      if (moves) group.pop();
      groups.push(moves ? [above, line] : [line]);
    } else group.push(line);
  }
  const judgements: Judgement[] = [];
  const unread: string[] = [];
  for (const group of groups) {
    const words: string[] = [];
    const pieces: string[] = [];
    for (const line of group) {
      const split = splitGrade(line);
      if (split.grade !== '') pieces.push(split.grade);
      if (split.words !== '') words.push(split.words);
    }
    const grade = gradeInWords(pieces.join(' '));
    const area = words.join(' ').replace(/^\d+(?:\.\d+)*\.?\s+/, '').trim();
    // "Not judged" (2016, a council with no adoptions to judge) is the table's own answer: the
    // area has no grade, and none is missing.
    if (/^not judged$/i.test(pieces.join(' '))) continue;
    if (grade && area !== '') judgements.push({ area, grade });
    else if (area !== '' || pieces.length > 0) unread.push(area !== '' ? area : pieces.join(' '));
  }
  return { judgements, unread };
}

/**
 * The single inspection framework's overall judgement (2014-2018): "The overall judgement is
 * requires improvement", "The overall judgement is that children’s services require
 * improvement", "Children’s services in Wandsworth require improvement to be good", "Children’s
 * services in the City of London are good." (perhaps with a full stop, perhaps wrapped onto a
 * second or third line). Returns it with the number of lines it takes.
 */
function overallJudgement(lines: readonly Line[], index: number): { judgement: Judgement; lines: number } | undefined {
  let found: { judgement: Judgement; lines: number } | undefined;
  for (const count of [1, 2, 3]) {
    const group = lines.slice(index, index + count);
    // A wrapped sentence goes on line after line: a blank line ends it.
    if (group.length < count || group.some((line) => line.text === '')) break;
    // Once the words make a sentence, a further line is its only as the rest of its grade ("...
    // require improvement" / "to be good"), never a row of the table or the next sentence.
    if (found && !/^(?:to )?be good\.?$/i.test(group[count - 1]!.text.trim())) break;
    const text = group.map((line) => line.text.trim()).join(' ').replace(/\s+/g, ' ');
    // The grade ends the sentence; what comes before it must be one of the sentence's openings.
    // "children’s service requires improvement" (Newham 2014) is Ofsted's own wording.
    const match = /^(.+?) (requires? improvement(?: to be good)?|good|outstanding|inadequate)\.?$/i.exec(text);
    const opening = /^(?:The overall judgement is(?: that children[’']s services?(?: in .+)?(?: are| is)?)?|Children[’']s services(?: in .+)?(?: are| is)?)$/i;
    const grade = match && opening.test(match[1]!) ? gradeInWords(match[2]!) : undefined;
    // The longest reading: "... require improvement" / "to be good" is one sentence, its grade
    // going on to the next line (Brighton and Hove 2015), not a sentence and a stray "to be good".
    if (grade) found = { judgement: { area: 'Overall judgement', grade }, lines: count };
  }
  return found;
}

/**
 * Footnotes: a mark glued to a word or after punctuation in the text ("improve?1", "board1"),
 * or before the first word of its line ("1Information about this local authority area"), and at the foot of the same page the note, starting with its number on a line of its own or
 * before its first word. The notes are lifted out of the page (so they neither split a
 * paragraph the page breaks nor sit between two of Ofsted's numbered paragraphs) and their marks
 * removed; the importer writes the notes after the report.
 */
function liftFootnotes(raw: string): { text: string; footnotes: string[]; marks: string[] } {
  const pages = normalise(raw).split('\f').map((page) => page.split('\n'));
  const footnotes: string[] = [];
  /** Per footnote, the words before its mark, once the mark is found and taken out. */
  const found: Array<string | undefined> = [];
  let seen = '';
  for (const page of pages) {
    for (let index = 0; index < page.length; index++) {
      const line = page[index]!.trim();
      const number = String(footnotes.length + 1);
      const alone = line === number && (page[index + 1] ?? '').trim() !== '';
      const before = new RegExp(`^${number}\\s*(?=\\p{Lu})`, 'u').exec(line);
      const markedAbove = footnoteMark(number).test(seen) || page.slice(0, index).some((above) => leadingMark(number).test(above));
      if ((alone || before) && index > 0 && markedAbove) {
        const end = footnoteEnd(page, index + 1, String(footnotes.length + 2));
        const first = alone ? [] : [line.slice(before![0].length)];
        const note = [...first, ...page.slice(index + 1, end).map((text) => text.trim())].filter((text) => text !== '');
        footnotes.push(note.join(' '));
        // The mark is the nearest one above its note on the page (a "2" after "2." in a table
        // earlier is not it): taken out of that line, and the words before it kept.
        found.push(undefined);
        for (let above = index - 1; above >= 0; above--) {
          const matches = [...page[above]!.matchAll(new RegExp(footnoteMark(number).source, 'gu'))];
          const match = matches.at(-1);
          const leading = match ? null : leadingMark(number).exec(page[above]!);
          if (leading) {
            // A mark before its words: they carry it.
            const start = leading[1]!.length;
            found[found.length - 1] = markContext(page[above]!.slice(start + number.length));
            page[above] = `${page[above]!.slice(0, start)}${page[above]!.slice(start + number.length)}`;
            break;
          }
          if (!match) continue;
          const end = match.index + match[1]!.length;
          found[found.length - 1] = markContext(page[above]!.slice(0, end));
          page[above] = `${page[above]!.slice(0, end)}${page[above]!.slice(end + number.length)}`;
          break;
        }
        page.splice(index, end - index);
        index--;
        continue;
      }
      seen += `${page[index]}\n`;
    }
  }
  // Each note's mark goes from where it stands: the first such number glued to a word.
  let text = pages.map((page) => page.join('\n')).join('\f');
  // A mark on an earlier page than its note: the first such number glued to a word.
  const marks = footnotes.map((_, index) => {
    if (found[index] !== undefined) return found[index];
    const match = footnoteMark(String(index + 1)).exec(text);
    if (!match) return '';
    const end = match.index + match[1]!.length;
    const lineStart = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\f', end - 1)) + 1;
    text = `${text.slice(0, end)}${text.slice(end + String(index + 1).length)}`;
    return markContext(text.slice(lineStart, end));
  });
  return { text, footnotes, marks };
}

/** The last words of a line before a mark, without a bullet glyph: enough to find its block. */
function markContext(before: string): string {
  return before
    .replace(/[•●▪■◼◾◦‣⁃∙·\uF020-\uF0FF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(-60)
    .trim();
}

/**
 * What carries each footnote's mark, as `<Footnote of="...">` names it (src/lib/record/paragraph-numbering.ts):
 * `title` if the words before the mark end the report's title, else the first block whose words
 * hold them: a heading by its id on the page, a paragraph or list item by its anchor, numbered
 * as the site numbers them. Undefined where no block holds them (the editor must then say).
 */
export function footnoteTargets(report: Pick<ReportParts, 'title' | 'body' | 'footnoteMarks'> & Partial<Pick<ReportParts, 'numbered'>>): Array<string | undefined> {
  const numberer = new ParagraphNumberer(report.numbered === false ? 'site' : OFSTED_NUMBERING);
  const places: Array<{ text: string; id: string }> = [];
  for (const block of report.body) {
    if (block.type === 'heading') places.push({ text: block.text, id: headingSlug(block.text) });
    else if (block.type === 'paragraph') places.push({ text: block.text, id: numberer.next({ kind: 'paragraph', text: block.text }).id });
    else for (const item of block.items) places.push({ text: item, id: numberer.next({ kind: 'list-item', text: item }).id });
  }
  const squash = (words: string): string => words.replace(/\s+/g, ' ').trim();
  return report.footnoteMarks.map((before) => {
    if (before === '') return undefined;
    if (report.title !== undefined && squash(report.title).endsWith(before)) return TITLE_TARGET;
    return places.find((place) => squash(place.text).includes(before))?.id;
  });
}

/**
 * A footnote's mark set before the words that carry it, at the start of their line and glued to
 * their first word (Lancashire 2018: "1Information about this local authority area", the mark
 * printed in the margin beside the heading).
 */
function leadingMark(number: string): RegExp {
  return new RegExp(`^(\\s*)${number}(?=\\p{Lu}\\p{Ll})`, 'u');
}

/**
 * A footnote's mark: its number glued to the word or punctuation before it ("improve?1",
 * "care.1"), but not a number's own part ("2.2 Adoption performance" in a table).
 */
function footnoteMark(number: string): RegExp {
  // Punctuation may follow the mark ("residential special schools3, all of whom ...").
  return new RegExp(`(?<![0-9])([\\p{L}.?!:;,)’”])${number}(?=[\\s,;:.)]|$)`, 'u');
}

/**
 * A footnote runs to a blank line, or to the next note, or to the running footer (whose second line ends with the
 * page number), or to the end of the page. A line ending in a number is the footer's only at the
 * page's foot, with at most the page number after it: a note's own line may end in one ("... were
 * originally published on 11" / "February 2014", Slough 2014).
 */
function footnoteEnd(page: readonly string[], from: number, next: string): number {
  let index = from;
  // The next note may follow with no gap, its number before its first word ("2 A full ...").
  const nextNote = new RegExp(`^${next}\\s*\\p{Lu}`, 'u');
  while (index < page.length) {
    const line = page[index]!.trim();
    if (nextNote.test(line)) break;
    const after = page.slice(index + 1).filter((text) => text.trim() !== '').length;
    if (line === '' || /^Inspection of\b/i.test(line) || (/\s\d{1,3}$/.test(line) && after <= 1) || /^\d{1,3}$/.test(line)) break;
    index++;
  }
  return index;
}

/** An inspector's name without the title after it: "Lisa Summers, Her Majesty’s Inspector". */
function inspectorName(text: string): string | undefined {
  const name = text.replace(INSPECTOR_TITLE, '').replace(/\s*\((?:AI|HMI|OI)\)/g, '').trim();
  return NAME.test(name) ? name : undefined;
}

/** "Team inspectors: A, B, C (AI) and D." */
function teamNames(text: string): string[] {
  return splitNames(text.replace(/\.$/, ''))
    .map(inspectorName)
    .filter((name): name is string => name !== undefined);
}

/** "Lead inspector: A, His Majesty’s Inspector", then "Team inspectors: B, C and D" where given. */
function reportInspectors(lines: readonly Line[]): string[] {
  const inspectors: string[] = [];
  const lead = leadField(lines);
  if (lead?.names) inspectors.push(...lead.names);
  const teamIndex = indexOf(lines, (line) => TEAM_LINE.test(line));
  if (teamIndex >= 0) {
    // The team may wrap onto the next line.
    const team = [lines[teamIndex]!.text, lines[teamIndex + 1]?.text ?? ''].join(' ');
    inspectors.push(...teamNames(TEAM_LINE.exec(team.trim())![1]!));
  } else {
    // A PDF viewer's copy: the label alone, the names from the next line that holds any to a
    // blank line; taken only if every one is a name (a list read in part would misstate the team).
    const label = indexOf(lines, (line) => /^Team inspectors?:$/i.test(line.trim()));
    const first = label >= 0 ? nextFilled(lines, label) : -1;
    let end = first;
    while (end >= 0 && end < lines.length && lines[end]!.text.trim() !== '') end++;
    const list = first >= 0 ? lines.slice(first, end).map((line) => line.text.trim()).join(' ').replace(/\.$/, '') : '';
    const parts = list === '' ? [] : splitNames(list);
    const names = parts.map(inspectorName);
    if (names.length > 0 && names.every((name) => name !== undefined)) inspectors.push(...(names as string[]));
  }
  return inspectors;
}

/**
 * The lead inspector(s) in the head: "Lead inspector: A, His Majesty’s Inspector"; the label
 * alone with the name on the next line that holds any (a PDF viewer's copy); or "Lead
 * inspectors: A, His Majesty’s Inspector, and B," wrapped onto a second line. Returns the
 * label's line, the last line the names take, and the names (undefined where they are not all
 * names: reported missing, never guessed).
 */
function leadField(lines: readonly Line[]): { index: number; end: number; names?: string[] } | undefined {
  const index = indexOf(lines, (line) => LEAD_LINE.test(line) || LEAD_LABEL.test(line.trim()) || LEADS_LINE.test(line));
  if (index < 0) return undefined;
  const text = lines[index]!.text.trim();
  const single = LEAD_LINE.exec(text);
  if (single) {
    const name = inspectorName(single[1]!);
    return { index, end: index, names: name ? [name] : undefined };
  }
  const next = nextFilled(lines, index);
  if (LEAD_LABEL.test(text)) {
    const name = next >= 0 ? inspectorName(lines[next]!.text) : undefined;
    return { index, end: name ? next : index, names: name ? [name] : undefined };
  }
  // Two leads: the list wraps where it ends in a comma or "and", or its last title is on the next line.
  let list = LEADS_LINE.exec(text)![1]!.trim();
  let end = index;
  if (next === index + 1 && (/(?:,|\band)$/.test(list) || /^(?:His|Her) Majesty[’']s Inspector\.?$/i.test(lines[next]!.text.trim()))) {
    list = `${list} ${lines[next]!.text.trim()}`;
    end = next;
  }
  const names = splitNames(list.replace(/\.$/, '')).map(inspectorName);
  const all = names.length >= 2 && names.every((name) => name !== undefined);
  return { index, end, names: all ? (names as string[]) : undefined };
}

/** The index of the next line after `index` that holds anything, within two lines, or -1. */
function nextFilled(lines: readonly Line[], index: number): number {
  for (let next = index + 1; next <= index + 2 && next < lines.length; next++) if (lines[next]!.text.trim() !== '') return next;
  return -1;
}

/** The index of the first line that passes the test, from `from` on, or -1. */
function indexOf(lines: readonly Line[], test: (text: string) => boolean, from = 0): number {
  for (let index = from; index < lines.length; index++) if (test(lines[index]!.text)) return index;
  return -1;
}

/**
 * A council's name on a line of its own: "Norfolk County Council", "Medway Council", "Sandwell
 * Metropolitan Borough Council", "London Borough of Camden".
 */
const COUNCIL_LINE = /^(?:the\s+)?(?:(?:London|Royal)\s+Borough\s+of\s+\S.*|\S.*\s(?:Council|Metropolitan\s+Borough|Metropolitan\s+District))$/i;

/**
 * The report's heading: the lines before "Inspection dates": the place or council, and the title
 * ("Inspection of Herefordshire local authority children’s services", wrapped over two lines; or
 * "Herefordshire" then "Inspection of children’s social care services"; "Halton Borough Council"
 * then "Inspection of local authority children’s services" (2018-20), where "local authority" is
 * no council's name; "Somerset County Council" then "Reinspection of services for ..."; the title
 * then the council, "Inspection of looked after children services" / "Norfolk County Council"
 * (2013); or a Trust the report is about, "Inspection of Bradford Children and Families Trust").
 */
function titleAndAuthority(lines: readonly string[]): { title?: string; authority?: string } {
  // A board reviewed on its own (Surrey 2015): "Review of the effectiveness of the Local
  // Safeguarding Children Board", the board's name above it.
  const titleStart = lines.findIndex((line) => /^(?:(?:Re-?)?inspection of|Review of the effectiveness of)\b/i.test(line));
  if (titleStart < 0) return {};
  const titleLines: string[] = [];
  let after: string | undefined;
  for (const line of lines.slice(titleStart)) {
    if (PUBLISHED_LINE.test(line)) break;
    // The council named on its own line after the title (2013) is not part of the title.
    if (titleLines.length > 0 && COUNCIL_LINE.test(line)) {
      after = line;
      break;
    }
    titleLines.push(line);
  }
  const title = titleLines.join(' ').replace(/\s+/g, ' ');
  const inTitle = /^Inspection of (.+?)(?: local authority)? children[’']s services$/i.exec(title) ?? /^Inspection of (.+\sTrust)$/i.exec(title);
  const named = inTitle && !/^local authority$/i.test(inTitle[1]!) ? inTitle[1] : undefined;
  const authority = (named ?? after ?? lines.slice(0, titleStart).join(' ')).trim().replace(/^the\s+/i, '');
  return { title, authority: authority === '' ? undefined : authority };
}

/**
 * A board reviewed on its own (Surrey 2015) is headed with the board's name, "Surrey
 * Safeguarding Children Board", which is no council's: the council is the one the text names
 * with the board's place ("the chief executive of Surrey County Council"). Where the text names
 * none, the board's name stays, for the editor to see (the check names it), never a guess.
 */
function boardsCouncil(authority: string, lines: readonly Line[]): string {
  const board = /^(.+?)\s+(?:Local\s+)?Safeguarding\s+Children\s+Board$/i.exec(authority);
  if (!board) return authority;
  const place = board[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const text = lines.map((line) => line.text).join(' ').replace(/\s+/g, ' ');
  const council = new RegExp(`\\b${place}\\s+(?:(?:County|City|Borough|District|Metropolitan\\s+Borough)\\s+)?Council\\b`, 'i').exec(text);
  return council ? council[0] : authority;
}

/**
 * Splits a report into its parts. The head runs to the end of the judgement table: the line
 * "Overall effectiveness <grade>" (ILACS), or the line before the first section (2014, whose
 * head ends with the board's judgement and is followed by a table of contents).
 */
export function parseReport(raw: string): ReportParts {
  const { report, afterBackPage } = boundReports(raw);
  const { text, footnotes, marks: footnoteMarks } = liftFootnotes(report);
  let lines = splitLines(text);
  const backPage = indexOf(lines, isBackPageStart);
  if (backPage >= 0) lines = lines.slice(0, backPage);

  const datesIndex = indexOf(lines, (line) => DATES_LINE.test(line));
  const headLines = lines.slice(0, Math.max(datesIndex, 0)).map((line) => line.text).filter((line) => line !== '');
  const head = titleAndAuthority(headLines);
  const { title } = head;
  const authority = head.authority !== undefined ? boardsCouncil(head.authority, lines) : undefined;
  const datesText = datesIndex < 0 ? undefined : DATES_LABEL.test(lines[datesIndex]!.text.trim()) ? labelledText(lines.map((line) => line.text), datesIndex) : DATES_LINE.exec(lines[datesIndex]!.text)![1]!;
  const dates = datesText !== undefined ? parseDateRange(datesText) : undefined;

  const publishedIndex = indexOf(lines, (line) => PUBLISHED_LINE.test(line));
  // In 2013 the inspector and the age group stand between the dates and the publication date.
  const published = publishedIndex >= 0 && publishedIndex - datesIndex <= 5 ? publicationDate(PUBLISHED_LINE.exec(lines[publishedIndex]!.text)![1]!) : undefined;
  const inspectors = reportInspectors(lines);
  const lead = leadField(lines);
  // The 2014 report names its lead inspector pages later, with the team.
  const headEnd = lead && lead.index - datesIndex <= 4 ? lead.end : datesIndex;
  const { judgements, unread: unreadJudgements = [], unknown: unknownJudgements = [], bodyStart, headProse = [] } = readJudgements(lines, headEnd);
  const board = judgements.some((judgement) => judgement.area === BOARD_AREA) || !/Safeguarding Children Board/i.test(title ?? '') ? undefined : boardSectionJudgement(lines, bodyStart);
  if (board) judgements.push(board);
  const body = untangledBoxes(buildBlocks([...headProse, { text: '', pageStart: false }, ...withoutContents(lines.slice(bodyStart))], { numberedParagraphs: true }));
  // Any paragraph that starts with a number: without the mode such a paragraph would be refused by
  // the build (its anchor would not be its number), so only a body with none is left unnumbered.
  const numbered = body.some((block) => block.type === 'paragraph' && ofstedNumber(block.text) !== undefined);
  const copyrightYear = crownCopyrightYear(raw);
  return {
    title,
    authority,
    dates,
    published,
    inspectors,
    judgements,
    unreadJudgements,
    unknownJudgements,
    body,
    numbered,
    footnotes,
    footnoteMarks,
    ...(afterBackPage ? { afterBackPage } : {}),
    ...(copyrightYear !== undefined ? { copyrightYear } : {}),
  };
}

/**
 * The year of the document's first "© Crown copyright YYYY" line: the report's own back page,
 * which comes before any second report's bound after it. Read from the whole text, since the
 * body stops where the back page starts.
 */
function crownCopyrightYear(raw: string): number | undefined {
  const line = /©\s*Crown\s+copyright\s+(\d{4})\b/i.exec(normalise(raw));
  return line ? Number(line[1]) : undefined;
}

/**
 * A PDF may bind a second report after the first one's back page (Kingston upon Hull 2015: the
 * council's inspection, then the board's review, each with its own head, numbering, footnotes
 * and back page). The import is the first report: its text ends at its back page, and the
 * second report's footnotes are not taken for the first's. The second is named (its title, as
 * its head gives it) for the editor, who imports it on its own: one page cannot hold two runs
 * of Ofsted's paragraph numbers.
 */
function boundReports(raw: string): { report: string; afterBackPage?: string } {
  const text = normalise(raw);
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    // A page's first line follows a form feed.
    if (isBackPageStart(line.replace(/^.*\f/, '').trim())) {
      const start = offset + (line.includes('\f') ? line.lastIndexOf('\f') + 1 : 0);
      const pageEnd = text.indexOf('\f', start);
      const rest = pageEnd < 0 ? '' : text.slice(pageEnd + 1);
      const head = rest.split(/[\n\f]/).map((next) => next.trim()).slice(0, 40);
      const dates = head.findIndex((next) => DATES_LINE.test(next));
      const titleStart = head.findIndex((next) => /^(?:(?:Re-?)?inspection of|Review of the effectiveness of)\b/i.test(next));
      const afterBackPage = dates > 0 && titleStart >= 0 && titleStart < dates ? head.slice(titleStart, dates).filter((next) => next !== '').join(' ') : undefined;
      return { report: text.slice(0, start), ...(afterBackPage ? { afterBackPage } : {}) };
    }
    offset += line.length + 1;
  }
  return { report: text };
}

/**
 * The names the 2014-18 reports' sections print in a box beside their grade: the judgement areas
 * the site draws on a line, and the children looked after section's longer name. The overall
 * judgement has no section, and a 2013 report's table ("Overall effectiveness Inadequate",
 * "Quality of provision Inadequate") has no boxes.
 */
const SECTION_NAMES = [...AREA_SERIES.filter(({ series }) => series.length > 0).map(({ area }) => area), 'The experiences and progress of children looked after and achieving permanence']
  .filter((name) => !/^Overall\b/i.test(name))
  .map((name) => name.toLowerCase());
/** A word of a grade as a box prints it: "Requires improvement to be good", "Good", "Not Judged". */
const BOX_GRADE_WORD = /^(?:Requires?|[Ii]mprovement|to|be|[Gg]ood|Outstanding|Inadequate|Not|[Jj]udged)$/;

/**
 * A section's box read back from the words the text layer ran together across its two cells
 * ("The experiences and progress of children who need help and Requires improvement protection"):
 * the section's name and its grade, each in Ofsted's words and order. Only where the words
 * other than the grade's are exactly a section's name, and the grade starts with a capital, as
 * a box prints it (Ofsted's own sentence, "… governance requires improvement", is a heading).
 */
function untangledBox(text: string): { name: string; grade: string } | undefined {
  const words = text.trim().split(/\s+/);
  const grade = words.filter((word) => BOX_GRADE_WORD.test(word));
  const name = words.filter((word) => !BOX_GRADE_WORD.test(word)).join(' ');
  if (grade.length === 0 || !/^(?:Requires?|Good|Outstanding|Inadequate|Not)$/.test(grade[0]!)) return undefined;
  const said = grade.join(' ');
  if (gradeInWords(said) === undefined && !/^not judged$/i.test(said)) return undefined;
  return SECTION_NAMES.includes(name.toLowerCase()) ? { name, grade: said } : undefined;
}

/**
 * Each section of a 2014-18 report opens with a box: its name on the left, its grade on the right
 * ("Requires improvement"), which the text layer reads line by line across both, so that the
 * blocks made of it are a name with the grade inside it, or two or three pieces of each
 * ("The experiences and progress of children" / "Requires improvement who need help and
 * protection"). They become the section's name as its heading, then its grade as a paragraph.
 * The 2014 reports head the box with its columns' labels, "Key judgement Judgement grade" (or
 * "… Inspection Grade", Newham 2014): the
 * heading is the key judgement, and the grade is given with its label ("Judgement grade:
 * Requires improvement").
 */
function untangledBoxes(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    let box: { name: string; grade: string; count: number } | undefined;
    for (const count of block.type === 'heading' ? [3, 2, 1] : []) {
      const group = blocks.slice(index, index + count);
      // A box's pieces are short headings or paragraphs, never a list or a numbered paragraph.
      if (group.length < count || group.some((piece) => piece.type === 'list' || piece.text.length > 120 || /^\d+\.\s/.test(piece.text))) continue;
      const found = untangledBox(group.map((piece) => (piece.type === 'list' ? '' : piece.text)).join(' '));
      if (found) {
        box = { ...found, count };
        break;
      }
    }
    if (!box) {
      out.push(block);
      continue;
    }
    const previous = out[out.length - 1];
    const labels = previous?.type === 'heading' ? /^Key judgement ((?:Judgement|Inspection) grade)$/i.exec(previous.text.trim()) : null;
    if (labels) out.pop();
    out.push({ type: 'heading', text: box.name }, { type: 'paragraph', text: labels ? `${labels[1]}: ${box.grade}` : box.grade });
    index += box.count - 1;
  }
  return out;
}

/** The date a report was published: in words, or as Ofsted printed it in 2015-16, "25/11/2016" (day first). */
function publicationDate(text: string): string | undefined {
  const numeric = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!numeric) return parseDateRange(text)?.start;
  const [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * Where an ILACS judgement table ends: after "Overall effectiveness" and its grade, or (the
 * April 2026 framework has no overall judgement) before the first group of lines (between blank
 * lines) where no grade starts and none follows, which is the summary.
 */
function judgementTableEnd(lines: readonly Line[], from: number): number {
  /** The group of lines (between blank lines) from `start`, skipping blank lines before it. */
  const groupAt = (start: number): { start: number; end: number; group: string[] } => {
    while (start < lines.length && lines[start]!.text === '') start++;
    let end = start;
    while (end < lines.length && lines[end]!.text !== '') end++;
    return { start, end, group: lines.slice(start, end).map((line) => line.text) };
  };
  // A grade starts there ("Good", "Requires improvement"): a paragraph whose line ends "… judged
  // to be good" is no row.
  const graded = (group: readonly string[]): boolean => group.some((line) => /^\p{Lu}/u.test(splitGrade(line).grade));
  // A PDF viewer's copy gives the table's two columns one after the other, row by row: the area
  // (a group, or one for each of its lines where the copy had no blank lines and they were put
  // back), then its grade alone. Where the group is such an area, the end of its grade's group.
  const gradeOnly = (group: readonly string[]): boolean => group.length > 0 && group.every(gradeFragment);
  const gradeAfter = (group: { start: number; end: number; group: string[] }): { start: number; end: number; group: string[] } | undefined => {
    let below = group;
    for (let parts = 0; parts < AREA_PARTS && !graded(below.group) && below.group.length > 0 && below.group.length <= 3; parts++) {
      below = groupAt(below.end);
      if (gradeOnly(below.group)) return below;
      // The last row's grade with the summary run on after it, where the copy had no blank lines.
      const words = below.group.findIndex((line) => !gradeFragment(line));
      const grade = below.group.slice(0, words);
      if (words > 0 && gradeInWords(grade.join(' ')) !== undefined) return { start: below.start, end: below.start + words, group: grade };
    }
    return undefined;
  };
  // The last grade words of a group: where they make no grade, the grade goes on after it.
  const pieces = (group: readonly string[]): string[] => group.map((line) => splitGrade(line).grade).filter((piece) => piece !== '').slice(-1);
  // Past the groups of grade words that finish a grade begun before them, where a copy's blank
  // lines were put back inside it ("Requires improvement to" / "be good").
  const finishGrade = (begun: readonly string[], end: number): number => {
    const grade = [...begun];
    for (;;) {
      const next = groupAt(end);
      // Its grade words, up to the summary where the copy ran that on after them.
      const count = next.group.findIndex((line) => !gradeFragment(line));
      const words = count < 0 ? next.group : next.group.slice(0, count);
      const more = words.map((line) => splitGrade(line).grade);
      const whole = gradeInWords([...grade, ...more].join(' ')) !== undefined;
      // A grade goes on where it makes none yet, or where its lower-case end follows ("to be good").
      const goesOn = gradeInWords(grade.join(' ')) === undefined || (/^\p{Ll}/u.test(words[0] ?? '') && whole);
      if (words.length === 0 || !goesOn || (count >= 0 && !whole)) break;
      grade.push(...more);
      end = next.start + words.length;
      if (count >= 0) break;
    }
    return end;
  };
  let index = from;
  while (index < lines.length) {
    const { start, end, group } = groupAt(index);
    const below = gradeAfter({ start, end, group });
    if (group.length === 0 || (!graded(group) && !below)) return start;
    const overall = group.findIndex((line) => /^Overall effectiveness\b/i.test(line));
    if (overall >= 0) {
      if (below) return finishGrade(pieces(below.group), below.end);
      // Its grade: on its line, and on the lines after it that are nothing but grade words
      // ("Requires improvement to" / "be good"); or above it, in the group (judgementTable).
      let last = start + overall + 1;
      while (last < end && gradeFragment(lines[last]!.text)) last++;
      return last < end ? last : finishGrade(pieces(group.slice(overall)), end);
    }
    index = below ? finishGrade(pieces(below.group), below.end) : finishGrade(pieces(group), end);
  }
  return index;
}

/** The most groups an area's name is split into where a copy's blank lines were put back. */
const AREA_PARTS = 3;

/**
 * The ILACS table's lines as `readJudgementTable` reads them, one row to a group (between blank
 * lines). Rows the PDF leaves no gap between are parted where an area starts (its first line
 * starts with a capital; its wrapped lines do not) after a row with its whole grade. Across a
 * blank line, a row without its grade yet takes the area's lower-case rest and its grade, and a
 * grade not yet whole takes the rest of it: a PDF viewer's copy gives each area and then its
 * grade as paragraphs of their own, and where it had no blank lines at all and they were put
 * back, a wrapped area or grade ("Requires improvement" / "to be good") is split by them too.
 */
function ilacsTableRows(lines: readonly string[]): string[] {
  const rows: string[][] = [];
  let gap = true;
  for (const line of lines) {
    if (line === '') {
      gap = true;
      continue;
    }
    const row = rows[rows.length - 1];
    const { words } = splitGrade(line);
    const grade = row?.map((above) => splitGrade(above).grade).filter((piece) => piece !== '') ?? [];
    const hasWords = row?.some((above) => splitGrade(above).words !== '') ?? false;
    const whole = gradeInWords(grade.join(' ')) !== undefined;
    const lowerCase = /^\p{Ll}/u.test(line);
    let joins: boolean;
    if (!row) joins = false;
    else if (/^\p{Lu}/u.test(words) && hasWords && whole) joins = false;
    else if (!gap) joins = true;
    else if (gradeFragment(line)) joins = (hasWords && grade.length === 0) || (grade.length > 0 && !whole) || (lowerCase && whole && gradeInWords([...grade, splitGrade(line).grade].join(' ')) !== undefined);
    else joins = lowerCase && hasWords && grade.length === 0;
    if (joins) row!.push(line);
    else rows.push([line]);
    gap = false;
  }
  return rows.flatMap((row, index) => (index === 0 ? row : ['', ...row]));
}

/**
 * The ILACS judgement areas, in the frameworks' own words (src/lib/pictures/judgement-history.ts): what a
 * table's row must name. Anything else (a row the PDF ran into another, words that are not an
 * area's) is never written as an area: the importer names it in a note, for the editor.
 */
function knownArea(area: string): boolean {
  return AREA_SERIES.some((known) => known.area.toLowerCase() === area.toLowerCase());
}

/** A line that belongs to the head after the dates, not to the report's text. */
function isHeadLine(text: string): boolean {
  return LEAD_LINE.test(text) || /^(?:His|Her) Majesty[’']s Inspector$/i.test(text) || PUBLISHED_LINE.test(text) || /^Age group:/i.test(text);
}

/** What `readJudgements` finds. */
interface JudgementsRead {
  judgements: Judgement[];
  /** The table's areas whose grade could not be read. */
  unread?: string[];
  /** The table's rows that name no known judgement area (ILACS). */
  unknown?: Judgement[];
  /** Where the report's text starts, after the table. */
  bodyStart: number;
  /** Text of the report's own among the table's lines (2014), to be kept before the body. */
  headProse?: Line[];
}

/**
 * The judgement table after the head, and where the report's text starts. ILACS: from the line
 * "Judgement Grade" to "Overall effectiveness" and its grade. 2014: "The overall judgement is
 * ...", the numbered table, the board's judgement, up to the table of contents.
 */
function readJudgements(lines: readonly Line[], headEnd: number): JudgementsRead {
  let start = headEnd + 1;
  while (start < lines.length && (lines[start]!.text === '' || isHeadLine(lines[start]!.text))) start++;

  // The table's head: "Judgement Grade", or in a PDF viewer's copy "Judgement" then "Grade".
  const header = indexOf(lines, (line) => /^Judgement(?:\s+Grade)?$/i.test(line.trim()), start);
  const gradeHeader = header >= 0 && /^Judgement$/i.test(lines[header]!.text.trim()) ? nextFilled(lines, header) : header;
  const tableStart = gradeHeader >= 0 && /Grade$/i.test(lines[gradeHeader]!.text.trim()) ? gradeHeader : -1;
  if (tableStart >= 0 && header - start < 5) {
    const end = judgementTableEnd(lines, tableStart + 1);
    const read = readJudgementTable(ilacsTableRows(lines.slice(tableStart + 1, end).map((line) => line.text)));
    // An area's full stop ("… with children and families.") is not part of its name.
    const named = read.judgements.map((judgement) => ({ ...judgement, area: judgement.area.replace(/\.$/, '') }));
    const judgements = named.filter((judgement) => knownArea(judgement.area));
    const unknown = named.filter((judgement) => !knownArea(judgement.area));
    return { judgements, unread: read.unread, unknown, bodyStart: end };
  }

  // The dates may wrap onto a line of their own ("... and 28 – 30" / "January 2014", Sheffield
  // 2014): the sentence of the overall judgement then starts a line or two later.
  for (let from = start, tries = 0; from < lines.length && tries < 3; from++) {
    if (lines[from]!.text === '') continue;
    const found = overallJudgement(lines, from);
    if (found) return singleInspectionHead(lines, from, found);
    tries++;
  }
  // The 2013 inspection: its front page, then Ofsted's copyright page and the contents, before
  // the text; the contents start its text's page.
  const contents = indexOf(lines, (text) => /^Contents$/i.test(text), start);
  const bodyStart = contents >= 0 && contents - start < 30 ? afterContents(lines, contents) : start;
  return boardReviewHead(lines, start) ?? { ...gradedSections(lines), bodyStart };
}

const BOARD_AREA = 'The effectiveness of the Local Safeguarding Children Board';

/**
 * The board's judgement where the head does not give it (most reports from 2015): the board's
 * section opens with it, a sentence standing alone, perhaps wrapped: "The Local Safeguarding
 * Children Board is good", "The Local Safeguarding Children Board (LSCB) requires improvement".
 * (The explanation of the grades at the end, "The LSCB requires improvement if ...", is not it.)
 */
function boardSectionJudgement(lines: readonly Line[], from: number): Judgement | undefined {
  // "The Local Safeguarding Children is inadequate" (Somerset 2015) is Ofsted's slip for it.
  const sentence = /^The Local Safeguarding Children(?: Board)?(?: \(LSCB\))?(?: in [^.]+?)? (?:is )?(requires? improvement(?: to be good)?|good|outstanding|inadequate)\.?$/i;
  for (let index = from; index < lines.length; index++) {
    const text = lines[index]!.text.trim();
    if (!/^The Local Safeguarding Children\b/i.test(text)) continue;
    const next = lines[index + 1]?.text.trim() ?? '';
    for (const candidate of [text, `${text} ${next}`]) {
      const match = sentence.exec(candidate.replace(/\s+/g, ' '));
      const grade = match ? gradeInWords(match[1]!) : undefined;
      if (grade) return { area: BOARD_AREA, grade };
    }
  }
  return undefined;
}

/** The 2013 inspections' grade, a line of its own under a section's heading: "Grade 4 (inadequate)". */
const SECTION_GRADE = /^Grade [1-4] \((Outstanding|Good|Adequate|Inadequate)\)$/i;

/**
 * The 2013 inspection of looked after children services grades some of its sections, each
 * heading (perhaps wrapped, with blank lines between its lines) followed by "Grade N (word)".
 * The line stays in the text; the grade goes to the judgements. "Adequate", a grade of that
 * scale with no equal in today's, is not read: the section is listed as unread, never mapped.
 */
function gradedSections(lines: readonly Line[]): { judgements: Judgement[]; unread: string[] } {
  const judgements: Judgement[] = [];
  const unread: string[] = [];
  lines.forEach((line, index) => {
    const match = SECTION_GRADE.exec(line.text.trim());
    if (!match) return;
    // The heading: the short lines above, back to the one that starts it with a capital (its
    // wrapped lines start in lower case); never a sentence's end or a numbered paragraph.
    const heading: string[] = [];
    for (let above = index - 1; above >= 0 && heading.length < 4; above--) {
      const text = lines[above]!.text.trim();
      if (text === '') continue;
      if (text.length > 60 || /[.:;]$/.test(text) || /^\d/.test(text)) break;
      heading.unshift(text);
      if (/^\p{Lu}/u.test(text)) break;
    }
    if (!/^\p{Lu}/u.test(heading[0] ?? '')) return;
    const area = heading.join(' ').replace(/\s+/g, ' ');
    if (area === '') return;
    const grade = gradeInWords(match[1]!);
    if (grade) judgements.push({ area, grade });
    else unread.push(area);
  });
  return { judgements, unread };
}

/** A row of the single inspection framework's table starts with its number: "2.1 Adoption performance". */
const TABLE_ROW = /^\d+\.(?:\d+\.?)?\s+\p{Lu}/u;

/**
 * A grade's words at the end of a line of the single inspection framework's table, or the line
 * itself: a whole grade, or the part of one a row's lines split ("Requires" / "improvement",
 * "requires improvement to" / "be good", "improvement to be" / "good"), in capitals or not (the
 * 2018 tables print "inadequate"). No area of the table ends in one of these words.
 */
const TABLE_GRADE_END = /(?:^|\s)((?:Requires?\s+)?improvement(?:\s+to(?:\s+be(?:\s+good)?)?)?|Requires?|(?:(?:to\s+)?be\s+)?good|outstanding|inadequate|not judged)$/i;

/**
 * The single inspection framework's numbered table (its lines, blank lines between some rows):
 * each row starts with its number ("2.1 Adoption performance"), and its grade stands on its
 * line, or after it, or is split around it ("requires" / "1. Children who need help and
 * protection" / "improvement"), even where the PDF leaves no blank line between rows (Barking
 * and Dagenham 2014) or a page break and a footnote fall inside the table. A grade's words
 * belong to the row before them until that row's grade is whole; after that, they start the
 * next row's. A row whose words make no grade is unread (never guessed); "Not judged" is the
 * table's own answer, no grade and none missing.
 */
function readSingleInspectionTable(lines: readonly string[]): { judgements: Judgement[]; unread: string[] } {
  const rows: Array<{ words: string[]; pieces: string[] }> = [];
  let pending: string[] = [];
  const graded = (pieces: readonly string[]): boolean => gradeInWords(pieces.join(' ')) !== undefined || /^not judged$/i.test(pieces.join(' '));
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const match = TABLE_GRADE_END.exec(line);
    const piece = match ? match[1]! : '';
    const words = match ? line.slice(0, match.index).trim() : line;
    if (TABLE_ROW.test(line)) {
      rows.push({ words: [words], pieces: [...pending, ...(piece === '' ? [] : [piece])] });
      pending = [];
      continue;
    }
    const row = rows[rows.length - 1];
    if (piece !== '') {
      // A grade's lower-case rest ("be good") goes on the row whose grade it finishes.
      const finishes = row !== undefined && (!graded(row.pieces) || (/^\p{Ll}/u.test(piece) && graded([...row.pieces, piece]) && !/^requires?$/i.test(piece)));
      if (finishes) row.pieces.push(piece);
      else pending.push(piece);
    }
    if (words !== '') {
      if (row) row.words.push(words);
      else pending.push(words);
    }
  }
  const judgements: Judgement[] = [];
  const unread: string[] = [];
  for (const row of rows) {
    const area = row.words.join(' ').replace(/^\d+(?:\.\d+)*\.?\s+/, '').replace(/\s+/g, ' ').trim();
    const said = row.pieces.join(' ');
    if (/^not judged$/i.test(said)) continue;
    const grade = gradeInWords(said);
    if (grade && area !== '') judgements.push({ area, grade });
    else unread.push([area, ...row.pieces].join(' ').trim());
  }
  if (pending.length > 0) unread.push(pending.join(' '));
  return { judgements, unread };
}


/**
 * A table-of-contents entry: a title, then its page number; after a question mark the number may
 * follow with no space ("What does the local authority need to improve?4", Lincolnshire 2015).
 */
const CONTENTS_ENTRY = /(?:\S\s+|\?)\d{1,3}$/;

/**
 * Where the text starts after a table of contents (the line "Contents" at `contents`): after its
 * entries, one a line or wrapped over two or three ("The experiences and progress of children
 * who need help and" / "protection 10"), each a run of lines whose last gives the page number.
 * From 2017 a section's first headings may be listed without a number, the next entry giving
 * the page ("Information about this local authority area" / "Recommendations" / "Summary for
 * children and young people 5", Merton 2017): up to two such titles, each a line of its own.
 * So is a title whose number, glued to its question mark, was taken for a footnote's mark
 * (Lincolnshire 2015, whose note 4's own mark stands apart from its word).
 */
function afterContents(lines: readonly Line[], contents: number): number {
  let bodyStart = contents + 1;
  const entryEnd = (start: number): number => {
    let end = start;
    while (end < lines.length && end - start < 3 && lines[end]!.text !== '' && !CONTENTS_ENTRY.test(lines[end]!.text)) end++;
    return end < lines.length && CONTENTS_ENTRY.test(lines[end]!.text) ? end : -1;
  };
  const title = (index: number): boolean => index < lines.length && lines[index + 1]?.text === '' && /^\p{Lu}[^.:;,!?]{0,60}\??$/u.test(lines[index]!.text);
  const skipBlank = (index: number): number => {
    while (index < lines.length && lines[index]!.text === '') index++;
    return index;
  };
  for (;;) {
    bodyStart = skipBlank(bodyStart);
    let end = entryEnd(bodyStart);
    for (let start = bodyStart, titles = 0; end < 0 && titles < 2 && title(start); titles++) {
      start = skipBlank(start + 1);
      end = entryEnd(start);
    }
    if (end < 0) return bodyStart;
    bodyStart = end + 1;
  }
}

/**
 * The text without a table of contents standing inside it: from 2016 the contents follow the
 * executive summary, after the head. The line "Contents" and its entries (at least two, each
 * ending with its page number) go; the headings are in the text.
 */
function withoutContents(lines: readonly Line[]): readonly Line[] {
  const contents = indexOf(lines, (text) => /^Contents$/i.test(text));
  if (contents < 0) return lines;
  const end = afterContents(lines, contents);
  const entries = lines.slice(contents + 1, end).filter((line) => CONTENTS_ENTRY.test(line.text)).length;
  return entries >= 2 ? [...lines.slice(0, contents), { text: '', pageStart: false }, ...lines.slice(end)] : lines;
}

/**
 * A board reviewed on its own (Surrey 2015): its judgement is the head's sentence "The Local
 * Safeguarding Children Board requires improvement" (kept in the text), then the contents.
 */
function boardReviewHead(lines: readonly Line[], start: number): JudgementsRead | undefined {
  const first = lines[start]?.text ?? '';
  const sentence = [first, lines[start + 1]?.text ?? ''].join(' ').replace(/\s+/g, ' ').trim();
  const match = /^The Local Safeguarding Children Board(?: \(LSCB\))? (?:is )?(.+)$/i.exec(first) ?? undefined;
  let grade = match ? gradeInWords(match[1]!) : undefined;
  if (!grade) {
    const wrapped = /^The Local Safeguarding Children Board(?: \(LSCB\))? (?:is )?(.+)$/i.exec(sentence);
    grade = wrapped ? gradeInWords(wrapped[1]!) : undefined;
  }
  if (!grade) return undefined;
  const contents = indexOf(lines, (text) => /^Contents$/i.test(text), start);
  const nearContents = contents >= 0 && contents - start < 30;
  return {
    judgements: [{ area: BOARD_AREA, grade }],
    bodyStart: nearContents ? afterContents(lines, contents) : start,
    headProse: nearContents ? [...lines.slice(start, start + 1), { text: '', pageStart: false }, ...lines.slice(start + 1, contents)] : [],
  };
}

/**
 * The single inspection framework's head (2014-2018): the overall judgement (kept in the text:
 * it is a sentence), perhaps a paragraph on what it means, the numbered table of judgements,
 * perhaps the board's judgement (a sentence, kept), and a table of contents (left out: the
 * headings are in the text). The body is everything else, in order.
 */
function singleInspectionHead(lines: readonly Line[], start: number, found: { judgement: Judgement; lines: number }): JudgementsRead {
  const table: string[] = [];
  const body: Line[] = [];
  let index = start;
  // The table: rows, grades, an area's wrapped words in lower case, and blank lines between.
  const inTable = (text: string): boolean => text === '' || TABLE_ROW.test(text) || gradeFragment(text) || /^\p{Ll}/u.test(text);
  // The overall judgement's own lines are prose, kept whole, even where a wrapped line is only
  // the end of its grade ("... require improvement to be" / "good").
  // It stands alone (Ofsted sets it as a line of its own, in bold): what follows it without a
  // blank line is the next paragraph, not more of it.
  body.push(...lines.slice(start, start + found.lines), { text: '', pageStart: false });
  index += found.lines;
  while (index < lines.length && !TABLE_ROW.test(lines[index]!.text) && !gradeFragment(lines[index]!.text) && index < start + 40) {
    body.push(lines[index]!);
    index++;
  }
  while (index < lines.length && inTable(lines[index]!.text)) {
    table.push(lines[index]!.text);
    index++;
  }
  if (table.filter((text) => text !== '').length === 0) return { judgements: [found.judgement], bodyStart: start };
  // After the table, up to the contents: prose of the head (the board's judgement).
  const contents = indexOf(lines, (text) => /^Contents$/i.test(text), index);
  const nearContents = contents >= 0 && contents - index < 30;
  const proseEnd = nearContents ? contents : index;
  // The table stood between the paragraph on the overall judgement and the board's: they are
  // two paragraphs even where the PDF leaves no gap after the table (Barking and Dagenham 2014).
  body.push({ text: '', pageStart: false }, ...lines.slice(index, proseEnd));
  const bodyStart = nearContents ? afterContents(lines, contents) : proseEnd;

  const read = readSingleInspectionTable(table);
  const judgements = [found.judgement, ...read.judgements];
  // The board's judgement, its first sentence: "The effectiveness of the Local Safeguarding
  // Children Board (LSCB) is good." or "The judgement for the effectiveness of the ... Board
  // (LSCB) is requires improvement", perhaps wrapped, perhaps without its full stop.
  // Its lines: the first group after the table (before the contents, if any).
  const after = lines.slice(index, nearContents ? proseEnd : lines.length).map((line) => line.text);
  const first = after.findIndex((text) => text !== '');
  const boardLines = first < 0 ? [] : after.slice(first, after.indexOf('', first) < 0 ? after.length : after.indexOf('', first));
  const boardSentence = boardLines
    .join(' ')
    .replace(/\s+/g, ' ')
    .split(/(?<=[a-z.])\s+(?=The LSCB\b)|(?<=\.)\s+/)[0]!
    .trim();
  const board = /^(?:The judgement for )?the effectiveness of the Local Safeguarding Children Board(?: \(LSCB\))?(?: is)? (.+)$/i.exec(boardSentence);
  const grade = board ? gradeInWords(board[1]!) : undefined;
  if (grade) judgements.push({ area: BOARD_AREA, grade });
  return { judgements, unread: read.unread, bodyStart, headProse: body };
}
