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
import type { Grade } from '../../schema.ts';
import { buildBlocks, normalise, splitLines, type Block, type Line } from './clean.ts';
import { INSPECTOR_TITLE, NAME, parseDateRange, type DateRange } from './extract.ts';

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
  /** Lead inspector first, then the team where the report names it. */
  inspectors: string[];
  judgements: Judgement[];
  body: Block[];
  /** Footnotes, in order, without their marks: written after the body. */
  footnotes: string[];
}

/** The line that gives the inspection's dates: "Inspection dates: 10 to 21 November 2025". */
const DATES_LINE = /^Inspection dates?:\s*(.+)$/i;
const LEAD_LINE = /^Lead inspector:\s*(.+)$/i;
const TEAM_LINE = /^Team inspectors?:\s*(.+)$/i;

/**
 * Is this an inspection report rather than a letter? It states its inspection dates on a line
 * of their own near the top and names its lead inspector or its judgements, and it has no
 * salutation before them (a letter that quotes a report still starts "Dear ...").
 */
export function isInspectionReport(text: string): boolean {
  const lines = normalise(text).split(/[\n\f]/).map((line) => line.trim());
  const top = lines.slice(0, 40);
  const datesIndex = top.findIndex((line) => DATES_LINE.test(line));
  if (datesIndex < 0) return false;
  if (top.slice(0, datesIndex).some((line) => /^Dear\s+\S/.test(line))) return false;
  const oneLine = lines.join(' ');
  return /\bLead inspector:/i.test(oneLine) && /\b(?:Overall effectiveness|overall judgement)\b/i.test(oneLine);
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

export function isBackPageStart(line: string): boolean {
  return BACK_PAGE_START.some((regex) => regex.test(line));
}

/** Ofsted's grades as the table prints them, longest first. */
const GRADE_PHRASES: Array<[RegExp, Grade]> = [
  [/\bRequires improvement to be good$/i, 'requires-improvement'],
  [/\bRequires improvement$/i, 'requires-improvement'],
  [/\bOutstanding$/i, 'outstanding'],
  [/\bGood$/, 'good'],
  [/\bInadequate$/i, 'inadequate'],
];

/** A grade at the end of a line of the judgement table, and the area's words before it. */
export function splitGrade(line: string): { words: string; grade?: Grade } {
  for (const [regex, grade] of GRADE_PHRASES) {
    const match = regex.exec(line);
    if (match) return { words: line.slice(0, match.index).trim(), grade };
  }
  return { words: line };
}

/** The grade words of a line that is nothing but a grade (or half of one: "Requires"). */
function gradeFragment(line: string): boolean {
  return /^(?:Requires|improvement|Requires improvement(?: to be good)?|Outstanding|Good|Inadequate)$/i.test(line);
}

/**
 * The judgement table: each area and its grade, in the table's order. An area may wrap onto
 * several lines, with the grade on its first, its middle or its last line, or (2014) split
 * "Requires" / "improvement" around it; blank lines separate the areas. The 2014 table numbers
 * its areas ("2.1 Adoption performance"): the numbers are not part of the area's name.
 */
export function parseJudgementTable(lines: readonly string[]): Judgement[] {
  const groups: string[][] = [[]];
  for (const line of lines) {
    if (line === '') groups.push([]);
    else groups[groups.length - 1]!.push(line);
  }
  const judgements: Judgement[] = [];
  for (const group of groups) {
    const words: string[] = [];
    let grade: Grade | undefined;
    const fragments: string[] = [];
    for (const line of group) {
      if (gradeFragment(line)) {
        fragments.push(line);
        continue;
      }
      const split = splitGrade(line);
      if (split.grade) grade = split.grade;
      if (split.words !== '') words.push(split.words);
    }
    if (!grade && fragments.length > 0) grade = splitGrade(fragments.join(' ')).grade;
    const area = words.join(' ').replace(/^\d+(?:\.\d+)*\.?\s+/, '').trim();
    if (grade && area !== '') judgements.push({ area, grade });
  }
  return judgements;
}

/** "The overall judgement is requires improvement": the 2014 framework's overall judgement. */
function overallJudgement(line: string): Judgement | undefined {
  const match = /^The overall judgement is (.+)$/i.exec(line);
  const grade = match ? splitGrade(match[1]!.replace(/^\w/, (c) => c.toUpperCase())).grade : undefined;
  return grade ? { area: 'Overall judgement', grade } : undefined;
}

/**
 * Footnotes: a mark glued to a word or after punctuation in the text ("improve?1", "board1"),
 * and at the foot of the same page the note, starting with its number on a line of its own or
 * before its first word. The notes are lifted out of the page (so they neither split a
 * paragraph the page breaks nor sit between two of Ofsted's numbered paragraphs) and their marks
 * removed; the importer writes the notes after the report.
 */
export function liftFootnotes(raw: string): { text: string; footnotes: string[] } {
  const pages = normalise(raw).split('\f').map((page) => page.split('\n'));
  const footnotes: string[] = [];
  let seen = '';
  for (const page of pages) {
    for (let index = 0; index < page.length; index++) {
      const line = page[index]!.trim();
      const number = String(footnotes.length + 1);
      const alone = line === number && (page[index + 1] ?? '').trim() !== '';
      const before = new RegExp(`^${number}\\s*(?=\\p{Lu})`, 'u').exec(line);
      const marked = new RegExp(`[\\p{L}.?!:;,)’”]${number}(?=\\s|$)`, 'u').test(seen);
      if ((alone || before) && marked && index > 0) {
        const end = footnoteEnd(page, index + 1);
        const first = alone ? [] : [line.slice(before![0].length)];
        const note = [...first, ...page.slice(index + 1, end).map((text) => text.trim())].filter((text) => text !== '');
        footnotes.push(note.join(' '));
        seen = seen.replace(new RegExp(`([\\p{L}.?!:;,)’”])${number}(?=\\s|$)`, 'u'), '$1');
        page.splice(index, end - index);
        index--;
        continue;
      }
      seen += `${page[index]}\n`;
    }
  }
  // Remove each mark where it stands: the first glued occurrence of each note's number.
  let text = pages.map((page) => page.join('\n')).join('\f');
  footnotes.forEach((_, index) => {
    text = text.replace(new RegExp(`([\\p{L}.?!:;,)’”])${index + 1}(?=[ \\t]*(?:\\n|\\f|$))`, 'u'), '$1');
  });
  return { text, footnotes };
}

/**
 * A footnote runs to a blank line, or to the running footer (whose second line ends with the
 * page number), or to the end of the page.
 */
function footnoteEnd(page: readonly string[], from: number): number {
  let index = from;
  while (index < page.length) {
    const line = page[index]!.trim();
    if (line === '' || /^Inspection of\b/i.test(line) || /\s\d{1,3}$/.test(line) || /^\d{1,3}$/.test(line)) break;
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
  return text
    .replace(/\.$/, '')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map(inspectorName)
    .filter((name): name is string => name !== undefined);
}

/** The line-index of the first of several patterns, or -1. */
function indexOf(lines: readonly Line[], test: (text: string) => boolean, from = 0): number {
  for (let index = from; index < lines.length; index++) if (test(lines[index]!.text)) return index;
  return -1;
}

/**
 * The report's heading: the lines before "Inspection dates": the place or council, and the title
 * ("Inspection of Herefordshire local authority children’s services", wrapped over two lines; or
 * "Herefordshire" then "Inspection of children’s social care services").
 */
function titleAndAuthority(lines: readonly string[]): { title?: string; authority?: string } {
  const titleStart = lines.findIndex((line) => /^Inspection of\b/i.test(line));
  if (titleStart < 0) return {};
  const titleLines: string[] = [];
  for (const line of lines.slice(titleStart)) {
    // The 2014 title runs on ("... care leavers" / "and" / "Review of the ..."): its first part is the title.
    if (line === 'and' || /^Report published:/i.test(line)) break;
    titleLines.push(line);
  }
  const title = titleLines.join(' ').replace(/\s+/g, ' ');
  const inTitle = /^Inspection of (.+?) local authority children[’']s services$/i.exec(title);
  const authority = inTitle?.[1] ?? lines.slice(0, titleStart).join(' ').trim();
  return { title, authority: authority === '' ? undefined : authority };
}

/**
 * Splits a report into its parts. The head runs to the end of the judgement table: the line
 * "Overall effectiveness <grade>" (ILACS), or the line before the first section (2014, whose
 * head ends with the board's judgement and is followed by a table of contents).
 */
export function parseReport(raw: string): ReportParts {
  const { text, footnotes } = liftFootnotes(raw);
  let lines = splitLines(text);
  const backPage = indexOf(lines, isBackPageStart);
  if (backPage >= 0) lines = lines.slice(0, backPage);

  const datesIndex = indexOf(lines, (line) => DATES_LINE.test(line));
  const headLines = lines.slice(0, Math.max(datesIndex, 0)).map((line) => line.text).filter((line) => line !== '');
  const { title, authority } = titleAndAuthority(headLines);
  const dates = datesIndex >= 0 ? parseDateRange(DATES_LINE.exec(lines[datesIndex]!.text)![1]!) : undefined;

  const inspectors: string[] = [];
  const leadIndex = indexOf(lines, (line) => LEAD_LINE.test(line));
  const lead = leadIndex >= 0 ? inspectorName(LEAD_LINE.exec(lines[leadIndex]!.text)![1]!) : undefined;
  if (lead) inspectors.push(lead);
  const teamIndex = indexOf(lines, (line) => TEAM_LINE.test(line));
  if (teamIndex >= 0) {
    // The team may wrap onto the next line.
    const team = [lines[teamIndex]!.text, lines[teamIndex + 1]?.text ?? ''].join(' ');
    inspectors.push(...teamNames(TEAM_LINE.exec(team.trim())![1]!));
  }

  // The 2014 report names its lead inspector pages later, with the team.
  const headEnd = leadIndex >= 0 && leadIndex - datesIndex <= 3 ? leadIndex : datesIndex;
  const { judgements, bodyStart, headProse = [] } = readJudgements(lines, headEnd);
  const body = buildBlocks([...headProse, { text: '', pageStart: false }, ...lines.slice(bodyStart)], { numberedParagraphs: true });
  return { title, authority, dates, inspectors, judgements, body, footnotes };
}

/** A line that belongs to the head after the dates, not to the report's text. */
function isHeadLine(text: string): boolean {
  return LEAD_LINE.test(text) || /^(?:His|Her) Majesty[’']s Inspector$/i.test(text) || /^Report published:/i.test(text);
}

/**
 * The judgement table after the head, and where the report's text starts. ILACS: from the line
 * "Judgement Grade" to "Overall effectiveness" and its grade. 2014: "The overall judgement is
 * ...", the numbered table, the board's judgement, up to the table of contents.
 */
interface JudgementsRead {
  judgements: Judgement[];
  /** Where the report's text starts, after the table. */
  bodyStart: number;
  /** Text of the report's own among the table's lines (2014), to be kept before the body. */
  headProse?: Line[];
}

function readJudgements(lines: readonly Line[], headEnd: number): JudgementsRead {
  let start = headEnd + 1;
  while (start < lines.length && (lines[start]!.text === '' || isHeadLine(lines[start]!.text))) start++;

  const tableStart = indexOf(lines, (line) => /^Judgement\s+Grade$/i.test(line), start);
  if (tableStart >= 0 && tableStart - start < 5) {
    let end = indexOf(lines, (line) => /^Overall effectiveness\b/i.test(line), tableStart);
    if (end < 0) return { judgements: [], bodyStart: start };
    if (!splitGrade(lines[end]!.text).grade) end++;
    const judgements = parseJudgementTable(lines.slice(tableStart + 1, end + 1).map((line) => line.text));
    return { judgements, bodyStart: end + 1 };
  }

  const overall = overallJudgement(lines[start]?.text ?? '');
  if (!overall) return { judgements: [], bodyStart: start };
  // 2014: the overall judgement's explanation, the numbered table, the board's judgement; the
  // report proper starts at its first section, after the table of contents.
  const contents = indexOf(lines, (line) => /^Contents$/i.test(line), start);
  const firstSection = contents >= 0 ? indexOf(lines, (line) => /^Section 1\b/i.test(line) && !/\s\d{1,3}$/.test(line), contents + 1) : -1;
  if (firstSection < 0) return { judgements: [overall], bodyStart: start };
  // The table runs from its first area ("1. Children who need help and protection", or the
  // "Requires" above it) to the board's judgement, which is a sentence of the text.
  const head = lines.slice(start + 1, contents);
  const isTableLine = (text: string): boolean => /^\d+(?:\.\d+)?\.?\s/.test(text) || gradeFragment(text) || splitGrade(text).grade !== undefined;
  const tableFrom = head.findIndex((line) => isTableLine(line.text));
  const boardAt = head.findIndex((line) => /^The effectiveness of the Local Safeguarding Children Board\b/i.test(line.text));
  const tableTo = boardAt > tableFrom ? boardAt : head.length;
  const table = tableFrom >= 0 ? head.slice(tableFrom, tableTo) : [];
  const judgements = [overall, ...parseJudgementTable(table.map((line) => line.text))];
  const board = /\b(requires improvement|good|outstanding|inadequate)$/i.exec(
    head.slice(boardAt, boardAt + 2).map((line) => line.text).join(' ').replace(/\s+/g, ' '),
  );
  if (boardAt >= 0 && board) {
    const grade = splitGrade(board[1]!.replace(/^\w/, (c) => c.toUpperCase())).grade;
    if (grade) judgements.push({ area: 'The effectiveness of the Local Safeguarding Children Board', grade });
  }
  // The head's prose (what the overall judgement means) is Ofsted's text: it stays.
  const prose = [lines[start]!, ...head.filter((line) => !table.includes(line))];
  return { judgements, bodyStart: firstSection, headProse: prose };
}
