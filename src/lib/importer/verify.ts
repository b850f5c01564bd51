/**
 * Checks an import against the document it came from, without knowing the answer beforehand:
 * what every correct import of an Ofsted report or letter must satisfy. The test over the real
 * documents (tests/unit/importer/real-documents.test.ts) and the sweep over a folder of them
 * (`npm run sweep`) both use it, so a defect the sweep counts is one a test would name.
 *
 * Each check is small and named; `importDefects` runs them all. A defect says which part it is
 * in (the frontmatter or the body), what is wrong, and where, in plain words.
 */
import { AREA_SERIES } from '../pictures/judgement-history.ts';
import { mdxBlocks, stripFrontmatter, type TextBlock } from './blocks.ts';
import type { ImportResult } from './index.ts';
import { ofstedNumber } from '../record/paragraph-numbering.ts';

export interface Defect {
  part: 'frontmatter' | 'body';
  /** A short stable name of the check, for counting (e.g. `numbering`, `words`). */
  check: string;
  detail: string;
}

/** Letters and digits only, lower case: the words, whatever the spacing, hyphenation and glyphs. */
export function wordStream(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The source's words without its running headers and page numbers: a line that stands within
 * three lines of a page's edge on three pages or more (the header, with its page number or not),
 * and mostly there, and a line that is only a number go; so does a table of contents ("Contents", then titles
 * with page numbers).
 */
export function sourceWordStream(source: string): string {
  const header = (line: string): string => line.trim().replace(/\s+\d{1,3}$/, '');
  const lines = source.replace(/\f/g, '\n').split('\n');
  // A contents list: "Contents" (a page number may be glued to it), then titles that end in
  // their page number, blank lines between; `pdftotext -layout` also spaces a title from its number.
  // A title too long for its line wraps, its number on the line after.
  // The number may be glued to a title's question mark ("… need to improve?4"); and from 2017 a
  // section's first titles may be listed without one, the next entry giving the page.
  const endsInNumber = /(?:\S\s+|\?)\d{1,3}\s*$/;
  const unnumbered = (index: number): boolean =>
    /^\s*\p{Lu}[^.:;,!?]{0,60}\??\s*$/u.test(lines[index] ?? '') &&
    lines
      .slice(index + 1, index + 6)
      .filter((line) => line.trim() !== '')
      .slice(0, 2)
      .some((line) => endsInNumber.test(line));
  let inContents = false;
  const contents = (line: string, index: number): boolean => {
    if (/^\s*\d{0,3}\s*Contents\s*$/.test(line)) return (inContents = true);
    if (inContents && (line.trim() === '' || endsInNumber.test(line) || endsInNumber.test(lines[index + 1] ?? '') || unnumbered(index))) return true;
    inContents = false;
    return /\S\s{3,}\d{1,3}\s*$/.test(line);
  };
  const pageNumber = (line: string): boolean => /^\s*(?:Page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$/i.test(line);
  const inList = lines.map((line, index) => contents(line, index));
  // A contents entry is no running header: without its page number it is a section's heading
  // ("The local authority 39"), which may also stand at the top of its page and at the top of
  // another section's; counted, it would make the heading a header three times over, and the
  // heading's words would go from the source though the report prints them.
  const counts = new Map<string, number>();
  const pages = source.split('\f');
  let first = 0;
  for (const page of pages) {
    const count = page.split('\n').length;
    const filled = page
      .split('\n')
      .filter((_, index) => !inList[first + index])
      .map(header)
      .filter((line) => line !== '');
    for (const line of new Set([...filled.slice(0, 3), ...filled.slice(-3)])) counts.set(line, (counts.get(line) ?? 0) + 1);
    first += count;
  }
  // A line of the text that recurs ("(Recommendation)" after many of a 2015-17 report's
  // paragraphs, "Inspection findings" opening three of its sections) stands near a page's edge
  // now and then; a running header stands there at least two times in three, and on a quarter
  // of a long document's pages at least (as the importer reads it, clean.ts `stripPageEdges`).
  const everywhere = new Map<string, number>();
  for (const line of lines.map(header)) if (counts.has(line)) everywhere.set(line, (everywhere.get(line) ?? 0) + 1);
  for (const [line, count] of counts) if (count * 3 < everywhere.get(line)! * 2 || count < pages.length / 4) counts.delete(line);
  return wordStream(lines.filter((line, index) => !inList[index] && !pageNumber(line) && (counts.get(header(line)) ?? 0) < 3).join('\n'));
}

/**
 * Ofsted's office address and contact lines, as word streams ("T 0300 …" leaves a lone t),
 * longest first: taking "ofsted" out first would leave "enquiriesgovuk" and "wwwgovuk" behind.
 */
const OFFICE_STREAMS = ['ofsted', 'piccadillygate', 'storestreet', 'manchester', 'm12wd', 'textphone', 'enquiriesofstedgovuk', 'wwwgovukofsted', 't'].sort((a, b) => b.length - a.length);

/** The grades as word streams, longest first (so "requires improvement to be good" goes whole). */
const GRADE_STREAMS = ['requiresimprovementtobegood', 'requiresimprovement', 'outstanding', 'inadequate', 'good'];

/**
 * Every block's words, in order, must be found in the source's, and nothing between two blocks
 * may be left out except a footnote (found elsewhere), a footnote's mark, or what the frontmatter
 * holds (`extra`: the judgement table's areas). What comes before the first block (the address
 * block; a report's head, which is the frontmatter) and after the last (the back page) is not
 * checked. Returns the words left out, one string a gap.
 */
export function unaccountedGaps(source: string, blocks: readonly TextBlock[], extra: readonly string[] = [], footnotes: readonly string[] = []): string[] {
  const text = withoutFootnotes(sourceWordStream(source), footnotes);
  const gaps: string[] = [];
  let cursor = -1;
  const elsewhere: string[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const words = wordStream(blocks[index]!.text);
    if (words === '') continue;
    // A section's name and its grade, which the document prints side by side in a box (2014-18).
    const box = sectionBox(blocks[index]!, blocks[index + 1]);
    const inBox = box ? findBox(text, Math.max(cursor, 0), box) : undefined;
    if (inBox) index++;
    const found = inBox ?? findWords(text, words, Math.max(cursor, 0), footnotes.length > 0);
    if (!found) {
      elsewhere.push(words);
      continue;
    }
    if (cursor >= 0 && found.start > cursor) gaps.push(text.slice(cursor, found.start));
    cursor = found.end;
  }
  const rows = tableRows(extra);
  const known = [...elsewhere, ...extra.map(wordStream)].filter((words) => words.length > 0).sort((a, b) => b.length - a.length);
  // A table's cells interleave in the text layer ("children looked after and achieving good
  // permanence"), so what is left of a judgement table may be its areas' single words.
  const tableWords = [...new Set(extra.flatMap((area) => area.split(/\s+/)).map(wordStream))].filter((word) => word.length > 0).sort((a, b) => b.length - a.length);
  return gaps.filter((gap) => {
    let rest = withoutRows(gap, rows);
    for (const words of known) rest = rest.split(words).join('');
    if (extra.length > 0 && rest.length < 400) {
      for (const grade of GRADE_STREAMS) rest = rest.split(grade).join('');
      for (const word of tableWords) rest = rest.split(word).join('');
    }
    // Ofsted's address block, which a letter's head may print beside the addressee's: left out, rightly.
    if (/piccadillygate|storestreet|m12wd/.test(rest)) for (const words of OFFICE_STREAMS) rest = rest.split(words).join('');
    return !/^(?:\d|requires|improvement|tobegood|to|be|good|outstanding|inadequate|judgement|overall)*$/.test(rest);
  });
}

/**
 * A judgement table's grades as printed, word by word: "Require improvement" as well (Isle of
 * Wight 2014, Thurrock 2016), and "Not judged", the table's own answer for an area it does not
 * grade, which the frontmatter does not hold.
 */
const TABLE_GRADES = ['requires improvement to be good', 'require improvement to be good', 'requires improvement', 'require improvement', 'outstanding', 'inadequate', 'good'].map((grade) => grade.split(' '));
const NOT_JUDGED = ['not', 'judged'];

/** A table's row: its area's words and the grades it may be printed with, word streams each. */
interface TableRow {
  area: string[];
  grades: string[][];
}

/**
 * The rows a report's judgement table may print: each area of the frontmatter with any grade, and
 * any judgement area the site knows as "Not judged". Nothing else: a row whose judgement the
 * import did not read is words left out.
 */
function tableRows(areas: readonly string[]): TableRow[] {
  const words = (text: string): string[] => text.split(/\s+/).map(wordStream).filter((word) => word !== '');
  const graded = areas.map((area) => ({ area: words(area), grades: TABLE_GRADES }));
  return [...graded, ...[...KNOWN_AREAS].map((area) => ({ area: words(area), grades: [NOT_JUDGED] }))].filter((row) => row.area.length > 0);
}

/**
 * Where two runs of words stand interleaved at `at`, each in its own order (a table's cell of
 * several lines beside its other cell, which the text layer reads line by line across both:
 * "children looked after and achieving" "Requires" "permanence" "Improvement"): the end, or -1.
 */
export function interleavedEnd(text: string, at: number, first: readonly string[], second: readonly string[]): number {
  const seen = new Set<string>();
  const walk = (position: number, i: number, j: number): number => {
    if (i === first.length && j === second.length) return position;
    const key = `${position} ${i} ${j}`;
    if (seen.has(key)) return -1;
    seen.add(key);
    if (i < first.length && text.startsWith(first[i]!, position)) {
      const end = walk(position + first[i]!.length, i + 1, j);
      if (end >= 0) return end;
    }
    if (j < second.length && text.startsWith(second[j]!, position)) return walk(position + second[j]!.length, i, j + 1);
    return -1;
  };
  return walk(at, 0, 0);
}

/**
 * The gap without the judgement table's rows: each row's area and grade interleaved as the text
 * layer reads them ("requires" "1" "children who need help and protection" "improvement"); the
 * rows' numbers are left, and pass as numbers.
 */
function withoutRows(gap: string, rows: readonly TableRow[]): string {
  let rest = gap;
  for (const row of rows) {
    for (const grade of row.grades) {
      for (let at = 0; at < rest.length; ) {
        const starts = [row.area[0]!, grade[0]!].map((word) => rest.indexOf(word, at)).filter((index) => index >= 0);
        if (starts.length === 0) break;
        const start = Math.min(...starts);
        const end = interleavedEnd(rest, start, row.area, grade);
        if (end >= 0) rest = rest.slice(0, start) + rest.slice(end);
        else at = start + 1;
      }
    }
  }
  return rest;
}

/** A section's box as the import writes it: its name as a heading, its grade as the paragraph after it. */
interface SectionBox {
  /** The columns' labels that head the box in 2014, "Key judgement Judgement grade" (a word stream), where the grade is given with its label. */
  labels: string;
  name: string[];
  grade: string[];
}

const BOX_GRADE = /^(?:((?:Judgement|Inspection) grade): )?((?:Requires?|Good|Outstanding|Inadequate|Not)\b.*)$/i;

/**
 * A heading followed by a paragraph that is nothing but a grade ("Requires improvement",
 * "Judgement grade: Good"): a 2014-18 section's box, whose two cells the text layer interleaves.
 */
function sectionBox(heading: TextBlock, next: TextBlock | undefined): SectionBox | undefined {
  if (heading.type !== 'heading' || next?.type !== 'paragraph') return undefined;
  const match = BOX_GRADE.exec(next.text.trim());
  if (!match || !TABLE_GRADES.some((grade) => grade.join('') === wordStream(match[2]!)) && wordStream(match[2]!) !== NOT_JUDGED.join('')) return undefined;
  const words = (text: string): string[] => text.split(/\s+/).map(wordStream).filter((word) => word !== '');
  return { labels: match[1] ? `keyjudgement${wordStream(match[1])}` : '', name: words(heading.text), grade: words(match[2]!) };
}

/**
 * Where the box stands from `from` on: its labels (unless the source's words left them out as a
 * running header, printed at the top of three pages or more), then its name and grade interleaved.
 */
function findBox(text: string, from: number, box: SectionBox): { start: number; end: number } | undefined {
  const firsts = [box.name[0]!, box.grade[0]!, ...(box.labels !== '' ? [box.labels] : [])];
  for (let at = from; at < text.length; ) {
    const starts = firsts.map((word) => text.indexOf(word, at)).filter((index) => index >= 0);
    if (starts.length === 0) return undefined;
    const start = Math.min(...starts);
    const labelled = box.labels !== '' && text.startsWith(box.labels, start);
    const end = interleavedEnd(text, labelled ? start + box.labels.length : start, box.name, box.grade);
    if (end >= 0) return { start, end };
    at = start + 1;
  }
  return undefined;
}

/**
 * Where `words` stand in `text` from `from` on. In a document with footnotes, a footnote's mark
 * (a number of one or two digits) may stand between two of the words in the text, which the
 * import (rightly) writes as a link, not as words: it may be skipped there.
 */
function findWords(text: string, words: string, from: number, marks: boolean): { start: number; end: number } | undefined {
  const start = text.indexOf(words, from);
  if (start >= 0) return { start, end: start + words.length };
  // Only for a block of paragraph size: a pattern of a whole section's letters is too large for V8.
  if (!marks || words.length < 20 || words.length > 1_500) return undefined;
  let pattern: RegExp;
  try {
    pattern = new RegExp([...words].join('\\d{0,2}'), 'gu');
  } catch {
    return undefined;
  }
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

/**
 * The source's words with each footnote taken out, mark and all: a footnote stands at the foot of
 * its page in the PDF, often inside a paragraph that runs on to the next page, and the import
 * (rightly) moves it to the end.
 */
function withoutFootnotes(text: string, footnotes: readonly string[]): string {
  let rest = text;
  for (const note of footnotes.map(wordStream).filter((words) => words.length > 0)) {
    // The note as printed, its mark first ("2The local authority …"); else its words alone. Never
    // "any digits" before it: those may be the end of the text above it ("19%" then note 2).
    const at = rest.indexOf(note);
    const bare = note.replace(/^\d{1,2}/, '');
    rest = at >= 0 ? rest.slice(0, at) + rest.slice(at + note.length) : rest.replace(bare, '');
  }
  return rest;
}

/** The words of each <Footnote> the import wrote, after its mark as printed ("2 The local authority …"). */
export function footnoteTexts(body: string): string[] {
  return [...body.matchAll(/<Footnote\b([^>]*)>([\s\S]*?)<\/Footnote>/g)].map((match) => {
    const mark = /\bmark="(\d{1,2})"/.exec(match[1]!)?.[1];
    return `${mark ?? ''} ${match[2]!.trim()}`.trim();
  });
}

/** Blocks whose words are not found in the source at all (invented, or garbled beyond reading). */
export function blocksNotInSource(source: string, blocks: readonly TextBlock[], footnotes: readonly string[] = []): TextBlock[] {
  const text = withoutFootnotes(sourceWordStream(source), footnotes);
  const whole = wordStream(source);
  const boxed = new Set<TextBlock>();
  blocks.forEach((block, index) => {
    const box = sectionBox(block, blocks[index + 1]);
    if (box && findBox(text, 0, box)) boxed.add(block).add(blocks[index + 1]!);
  });
  return blocks.filter((block) => {
    const words = wordStream(block.text);
    return words !== '' && !boxed.has(block) && !findWords(text, words, 0, footnotes.length > 0) && !whole.includes(words);
  });
}

/** Ofsted's paragraph numbers as the body prints them ("12. …", or "89." for one left empty), in order. */
export function ofstedNumbers(blocks: readonly TextBlock[]): number[] {
  // Read as the site reads them (the paragraph contract), so the check and the page agree.
  return blocks.flatMap((block) => (block.type === 'paragraph' ? (ofstedNumber(block.text) ?? []) : []));
}

/** Where numbers that should run 1..N do not: each number missing, repeated or out of order. */
export function numberingProblems(numbers: readonly number[]): string[] {
  if (numbers.length === 0) return ['no numbered paragraphs'];
  const problems: string[] = [];
  for (let index = 0; index < numbers.length; index++) {
    const expected = index === 0 ? 1 : numbers[index - 1]! + 1;
    if (numbers[index] !== expected) problems.push(`${numbers[index]} where ${expected} was due`);
  }
  return problems;
}

const KNOWN_AREAS = new Set(AREA_SERIES.map(({ area }) => area.toLowerCase()));
/**
 * The names a report's sections print beside their grade, in a box (2014-18): the judgement
 * areas, and the children looked after section's longer name; the overall judgement has no section.
 */
const SECTION_NAMES = new Set(
  [...AREA_SERIES.filter(({ series }) => series.length > 0).map(({ area }) => area.toLowerCase()), 'the experiences and progress of children looked after and achieving permanence'].filter(
    (name) => !name.startsWith('overall'),
  ),
);
/** A word of a grade as a box prints it; its first word is capitalised ("Requires", "Good", "Not Judged"). */
const BOX_GRADE_WORD = /^(?:Requires?|[Ii]mprovement|to|be|[Gg]ood|Outstanding|Inadequate|Not|[Jj]udged)$/;

/**
 * A heading that is a section's name with its box's grade run into it, as the text layer reads
 * the box line by line across both cells: the grade inside the name or after it ("… achieving
 * Good permanence", "Leadership, management and governance Inadequate"), or the grade then the
 * name's tail ("Good governance" after a heading "Leadership, management and"). Ofsted's own
 * sentence ("… governance requires improvement") starts its grade in lower case, and is not one.
 */
export function tangledAreaHeading(heading: string): boolean {
  const words = heading.trim().split(/\s+/);
  const grade = words.filter((word) => BOX_GRADE_WORD.test(word));
  if (grade.length === 0 || !/^(?:Requires?|Good|Outstanding|Inadequate|Not)$/.test(grade[0]!)) return false;
  const rest = words.filter((word) => !BOX_GRADE_WORD.test(word));
  if (rest.length === 0) return false;
  const name = rest.join(' ').toLowerCase();
  if (SECTION_NAMES.has(name)) return true;
  // The grade, then the tail of a name whose head is the heading before.
  const gradeFirst = words.findIndex((word) => !BOX_GRADE_WORD.test(word)) === grade.length;
  return gradeFirst && [...SECTION_NAMES].some((section) => section.endsWith(` ${name}`));
}
/**
 * A section's box run into a paragraph, its name and grade interleaved, where the paragraph
 * before it did not end where the importer looked for an end (Shropshire 2017: "… or learning.
 * (Recommendation) The experiences and progress of Requires improvement children looked after
 * and achieving to be good permanence"): the run of words that is the box, or undefined. A run
 * is one that `tangledAreaHeading` takes for a box and that starts with the section's first word
 * (Ofsted's own sentences name an area in lower case, or with its grade in lower case after it).
 * The words check cannot see it: a PDF's text layer may read the box's cells in the very order
 * the paragraph runs them.
 */
export function boxInParagraph(text: string): string | undefined {
  // A full stop may end the box's last word; a colon stays, as in Ofsted's own list ("Children who need help and protection: Inadequate").
  const words = text.trim().split(/\s+/).map((word) => word.replace(/\.$/, ''));
  const firsts = new Set([...SECTION_NAMES].map((name) => name.split(' ')[0]!));
  const longest = Math.max(...[...SECTION_NAMES].map((name) => name.split(' ').length)) + 5;
  for (let start = 0; start < words.length; start++) {
    if (!/^\p{Lu}/u.test(words[start]!) || !firsts.has(words[start]!.toLowerCase())) continue;
    for (let end = start + 2; end <= Math.min(words.length, start + longest); end++) {
      const run = words.slice(start, end).join(' ');
      if (tangledAreaHeading(run)) return run;
    }
  }
  return undefined;
}
const GRADE_WORDS = new Set(['outstanding', 'good', 'requires-improvement', 'inadequate']);
/** Words of Ofsted's office and back page that belong to no report's or letter's text. */
const OFFICE_WORDS = /Piccadilly Gate|M1 2WD|Textphone|www\.gov\.uk\/ofsted|Crown copyright|enquiries@ofsted/i;
/** A paragraph longer than any Ofsted writes: two or more paragraphs run together. */
export const LONGEST_PARAGRAPH = 3_000;

type Frontmatter = ImportResult['frontmatter'] & Record<string, unknown>;

function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** The document's first line is exactly `name` and says whose children's services it inspected. */
function isFirstLineName(name: string, source: string): boolean {
  const first = source.split('\n').map((line) => line.trim()).find((line) => line !== '');
  return first === name && /^\p{Lu}[\p{L} ’'-]* Children[’']s Services$/u.test(name);
}

function frontmatterDefects(fm: Frontmatter, source: string): Defect[] {
  const defects: Defect[] = [];
  const add = (check: string, detail: string): void => void defects.push({ part: 'frontmatter', check, detail });
  const authority = String(fm.authority ?? '');
  // The importer may complete a bare place name ("Inspection of Herefordshire local authority
  // children's services") with "Council"; the place must still be the document's.
  const place = authority.replace(/^the\s+/i, '').replace(/\s+(?:(?:County|City|Borough|Metropolitan Borough|District)\s+)?Council$/i, '');
  if (!authority || /^(?:the\s+)?local authority$/i.test(authority)) add('authority', `the council is “${authority}”`);
  else if (!wordStream(source).includes(wordStream(place))) add('authority', `“${authority}” is not in the document`);
  // A Trust's or a company's own name may hold "Children" (Bradford Children and Families Trust).
  // A report may name the body inspected on its first line as the council's children's services
  // ("Medway Children’s Services", 2019): that is the document's own name for it.
  else if (!/\bTrust\b|\bChildren First\b|^Achieving for Children$/i.test(authority) && !isFirstLineName(authority, source) && /\b(?:children|services|dear|inspection|visit|ofsted)\b/i.test(authority)) add('authority', `“${authority}” holds words that are not the council’s name`);
  // The stated focus of a visit, never the sentence on the evidence inspectors read.
  const areasCovered = Array.isArray(fm.areasCovered) ? (fm.areasCovered as string[]) : [];
  const evidence = areasCovered.find((area) => /^(?:A range of evidence|Case records and)/i.test(area));
  if (evidence) add('areas covered', `the evidence sentence taken for an area covered: “${evidence.slice(0, 80)}”`);
  if (!isDate(fm.visitStart)) add('dates', `visitStart is ${String(fm.visitStart)}`);
  if (fm.visitEnd !== undefined && !isDate(fm.visitEnd)) add('dates', `visitEnd is ${String(fm.visitEnd)}`);
  if (isDate(fm.visitStart) && isDate(fm.visitEnd) && fm.visitEnd < fm.visitStart) add('dates', `the visit ends (${fm.visitEnd}) before it starts (${fm.visitStart})`);
  const after = (field: 'letterDate' | 'published'): void => {
    const value = fm[field];
    if (value === undefined) return;
    if (!isDate(value)) add('dates', `${field} is ${String(value)}`);
    else if (isDate(fm.visitEnd ?? fm.visitStart) && value < String(fm.visitEnd ?? fm.visitStart)) add('dates', `${field} ${value} is before the visit`);
  };
  after('letterDate');
  after('published');
  const inspectors = Array.isArray(fm.inspectors) ? (fm.inspectors as string[]) : [];
  // A few reports name no inspector at all (Devon 2025): then none is right, and the editor is told.
  const namesInspectors = /\b(?:lead|team) inspectors?\s*:|(?:Her|His) Majesty[’']s Inspectors?\b|\bHMI\b|\bSenior Inspector\b/i.test(source);
  if (inspectors.length === 0 && namesInspectors) add('inspectors', 'no inspector, though the document names one');
  for (const name of inspectors) {
    if (!/^[\p{Lu}][\p{L}'’.-]*(?: (?:[\p{Lu}][\p{L}'’.-]*|de|van|von|da|le|la|du|del|di))+$/u.test(name)) add('inspectors', `“${name}” is not one person’s name`);
  }
  if (fm.kind === 'inspection') {
    const judgements = (fm.judgements ?? []) as Array<{ area: string; grade: string }>;
    if (judgements.length === 0) add('judgements', 'no judgement');
    const seen = new Set<string>();
    for (const { area, grade } of judgements) {
      if (!KNOWN_AREAS.has(area.toLowerCase())) add('judgements', `unknown area “${area}”`);
      if (!GRADE_WORDS.has(grade)) add('judgements', `unknown grade “${grade}” for “${area}”`);
      if (seen.has(area.toLowerCase())) add('judgements', `“${area}” twice`);
      seen.add(area.toLowerCase());
    }
    // From April 2026 Ofsted gives no overall effectiveness judgement: one must never be filled in.
    const overall = judgements.some(({ area }) => /^overall effectiveness/i.test(area));
    if (overall && !/overall\s+effectiveness/i.test(source)) add('judgements', 'an overall effectiveness grade the document does not give');
  }
  return defects;
}

/** Ofsted's back page starts with its description of itself. */
const BACK_PAGE = /^[ \t]*The Office for Standards in Education, Children[’']s Services and Skills \(Ofsted\)/m;

/**
 * The first report of a PDF that binds a second after the first's back page, and the second's
 * title (its head: a title, then its inspection dates); undefined for a PDF of one report.
 */
export function boundReport(source: string): { first: string; title: string } | undefined {
  const back = BACK_PAGE.exec(source);
  if (!back) return undefined;
  const pageEnd = source.indexOf('\f', back.index);
  if (pageEnd < 0) return undefined;
  const head = source.slice(pageEnd + 1).split(/[\n\f]/).map((line) => line.trim()).slice(0, 40);
  const dates = head.findIndex((line) => /^Inspection dates?:/i.test(line));
  const title = head.findIndex((line) => /^(?:(?:Re-?)?inspection of|Review of the effectiveness of)\b/i.test(line));
  if (dates < 0 || title < 0 || title > dates) return undefined;
  return { first: source.slice(0, pageEnd), title: head.slice(title, dates).filter((line) => line !== '').join(' ') };
}

function bodyDefects(result: ImportResult, source: string): Defect[] {
  const defects: Defect[] = [];
  const add = (check: string, detail: string): void => void defects.push({ part: 'body', check, detail });
  const fm = result.frontmatter as Frontmatter;
  const body = stripFrontmatter(result.mdx);
  let blocks: TextBlock[];
  try {
    blocks = mdxBlocks(body);
  } catch (error) {
    add('mdx', (error as Error).message);
    return defects;
  }
  if (fm.paragraphNumbers === 'ofsted') {
    const problems = numberingProblems(ofstedNumbers(blocks));
    if (problems.length > 0) add('numbering', problems.slice(0, 3).join('; ') + (problems.length > 3 ? ` and ${problems.length - 3} more` : ''));
  }
  const glyph = body.match(/[\uF000-\uF0FF◼•]/u);
  if (glyph) add('artefacts', `a bullet glyph U+${glyph[0].codePointAt(0)!.toString(16).toUpperCase()}`);
  const lone = blocks.find((block) => /^\d{1,3}$/.test(block.text.trim()));
  if (lone) add('artefacts', `a block that is only the number ${lone.text.trim()}`);
  // "Any complaints about the inspection …" is printed at the end of a 2014-18 report's text, not
  // on its back page: the site keeps it, labelled (<OfstedNotice>), and it may name Ofsted's site.
  const office = blocks.find((block) => OFFICE_WORDS.test(block.text) && !/^Any complaints about the inspection/i.test(block.text));
  if (office) add('artefacts', `Ofsted’s office or back-page words: “${office.text.slice(0, 80)}”`);
  // Ofsted's headings are headings, never paragraphs, so that every letter reads and links alike.
  const heading = blocks.find((block) => block.type !== 'heading' && /^What needs to improve(?: in this area of social work practice)?\??$/i.test(block.text.trim()));
  if (heading) add('headings', `“${heading.text.trim()}” is a ${heading.type}, not a heading`);
  // A contents list kept in the text: a heading that is another heading of the body with a page
  // number after it ("The local authority’s strengths 6"). The words check cannot see it, as the
  // document prints those words too.
  const headings = new Set(blocks.filter((block) => block.type === 'heading').map((block) => block.text.trim()));
  const entry = blocks.find((block) => block.type === 'heading' && headings.has(block.text.trim().replace(/\s*\d{1,3}$/, '')) && /\d$/.test(block.text.trim()));
  if (entry) add('contents', `a contents entry kept as a heading: “${entry.text.trim().slice(0, 80)}”`);
  const tangled = blocks.find((block) => block.type === 'heading' && tangledAreaHeading(block.text));
  if (tangled) add('headings', `a judgement area’s heading with its grade run into it: “${tangled.text}”`);
  const boxed = blocks.find((block) => block.type !== 'heading' && boxInParagraph(block.text) !== undefined);
  if (boxed) add('paragraphs', `a section’s box (its name and grade) run into a ${boxed.type}: “${boxInParagraph(boxed.text)}”`);
  const long = blocks.find((block) => block.text.length > LONGEST_PARAGRAPH);
  if (long) add('paragraphs', `a ${long.text.length}-character ${long.type}, starting “${long.text.slice(0, 60)}”`);
  if (fm.kind !== 'inspection' && !/<SignOff\b/.test(body)) add('sign-off', 'no sign-off');
  if (fm.kind !== 'inspection' && blocks.filter((block) => block.type !== 'heading').length < 5) add('paragraphs', `only ${blocks.length} blocks in the letter`);
  const areas = ((fm.judgements ?? []) as Array<{ area: string }>).map(({ area }) => area);
  const footnotes = footnoteTexts(body);
  // A second report bound after the first one's back page (Kingston upon Hull 2015) is not
  // imported with it (the importer says so): named here, so that it is counted, and left out of
  // the words check, which would otherwise read the first report's words in the second's.
  const bound = boundReport(source);
  if (bound) add('bound report', `another report after the back page, not imported: “${bound.title.slice(0, 80)}”`);
  const gaps = unaccountedGaps(bound?.first ?? source, blocks, areas, footnotes);
  if (gaps.length > 0) add('words', `${gaps.length} passage(s) left out, e.g. “${gaps[0]!.slice(0, 80)}”`);
  const invented = blocksNotInSource(source, blocks, footnotes);
  if (invented.length > 0) add('words', `${invented.length} block(s) whose words are not in the document, e.g. “${invented[0]!.text.slice(0, 80)}”`);
  return defects;
}

/** Everything wrong with an import that can be seen from the document alone. */
export function importDefects(result: ImportResult, source: string): Defect[] {
  return [...frontmatterDefects(result.frontmatter as Frontmatter, source), ...bodyDefects(result, source)];
}
