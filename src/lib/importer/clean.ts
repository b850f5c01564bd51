/**
 * From the raw text of an Ofsted letter to its parts: the letter head, the body's paragraphs,
 * headings and lists, and the sign-off, with the artefacts of PDF extraction removed.
 *
 * Everything here works on lines and never changes a word: it only drops whole lines that are
 * not the letter's (page numbers, Ofsted's address block, running headers and footers), removes
 * bullet glyphs, and decides where the letter's own paragraphs begin and end. The one exception
 * is the narrow, documented postcode repair in `fixPostcode`.
 */
import { ofstedNumber as printedNumber } from '../record/paragraph-numbering.ts';
import type { Block } from './block.ts';
import { liftLetterFootnotes, type LetterFootnote } from './letter-footnotes.ts';

// One block of the body, in document order: defined in block.ts, which letter-footnotes.ts reads too.
export type { Block } from './block.ts';

/** The letter, split into the parts the MDX writes out. */
export interface LetterParts {
  /** The letter head before the salutation, one line each: the date, the addressee block. */
  head: string[];
  /** "Dear Tina" */
  salutation?: string;
  /** The subject line, e.g. "Monitoring visit to Herefordshire children’s services". */
  subject?: string;
  body: Block[];
  /** "Yours sincerely" */
  closing?: string;
  /** The lines after the closing, in groups separated by blank lines (name, title). */
  signature: string[][];
  /** The footnotes, lifted from the foot of their pages (see letter-footnotes.ts). */
  footnotes?: LetterFootnote[];
}

/** A line of text, and whether it is the first line of a new page. Blank lines are ''. */
export interface Line {
  text: string;
  pageStart: boolean;
}

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** A line that is nothing but a date, like the date at the top of a letter: "17 July 2025". */
export const DATE_LINE = new RegExp(`^\\d{1,2}(?:st|nd|rd|th)? (?:${MONTH_NAMES}) \\d{4}$`);

export const SALUTATION = /^Dear\s+\S/;
/** "Yours sincerely", and Ofsted's own typo "Your sincerely" (Isle of Wight 2021), kept as issued. */
export const CLOSING = /^Yours?\s+(?:sincerely|faithfully)\b/i;

/**
 * Windows and old Mac line endings become \n, a byte-order mark goes, and trailing spaces go:
 * none of them is part of the letter. No-break spaces (Word puts them after numbers and before
 * dashes) become plain spaces, and soft hyphens (invisible unless a line breaks there) go, so
 * that search finds the word they sit in. The Symbol font's minus, which extraction gives as the
 * private use character U+F02D, between two digits ("2016−17", Shropshire 2017) is the minus sign
 * it prints (U+2212); at a line's start it is the 2014 reports' sub-item dash (SUB_BULLET), kept.
 */
export function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\u00AD/g, '')
    .replace(/(?<=\d)\uF02D(?=\d)/g, '\u2212')
    .replace(/[ \t]+$/gm, '');
}

/**
 * Page numbers as extraction leaves them between pages: "2", "Page 2 of 5", "2 of 5", "- 2 -".
 * At most three digits, so that a line holding only a year ("2022") is never taken for one.
 */
export function isPageNumber(line: string): boolean {
  return /^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$/i.test(line) || /^[-–]\s*\d{1,3}\s*[-–]$/.test(line);
}

/**
 * Contact lines that cannot be prose, wherever they appear: Ofsted's web address, e-mail
 * addresses at ofsted.gov.uk, and telephone lines. They are the repeated footer of many letters.
 */
function isOfstedContactLine(line: string): boolean {
  const l = line.trim();
  return (
    // "www.gov.uk.ofsted" is a misprint some 2018 letters carry.
    /^(?:https?:\/\/)?www\.(?:gov\.uk[/.]ofsted|ofsted\.gov\.uk|gov\.uk\/government\/organisations\/ofsted)\/?$/i.test(l) ||
    /^(?:(?:e-?mail|direct\s+e-?mail)\s*:?\s*)?[\w.+-]+@ofsted\.gov\.uk$/i.test(l) ||
    /^(?:direct\s+)?(?:t|tel|telephone|textphone|minicom|f|fax)\b\.?\s*:?\s*[0-9][0-9 ]{9,}$/i.test(l)
  );
}

/**
 * The lines of Ofsted's own address block, as printed at the top of older letters (and at the
 * foot of some pages). Only removed from the letter head and from page edges, because a town
 * such as "Manchester" could also be a line of an addressee's address or of the text.
 */
const OFSTED_ADDRESS_LINES = new Set(
  [
    'ofsted',
    'piccadilly gate',
    'store street',
    'manchester',
    'm1 2wd',
    'agora',
    '6 cumberland place',
    'nottingham',
    'ng1 6hj',
    // Ofsted's London office, on older letters. Not "London" alone: a council's address has it.
    'clive house',
    '70 petty france',
    '70 petty france,',
    'westminster,',
    'sw1h 9ex',
    'london sw1h 9ex',
    'raising standards, improving lives',
    'raising standards improving lives',
    // Ofsted's other offices, on 2018-19 letters (the town only with its postcode).
    'aviation house',
    '125 kingsway',
    'london wc2b 6se',
    'wc2b 6se',
    '2 rivergate',
    'temple quay',
    'bristol bs1 6eh',
    'bs1 6eh',
    'store st',
  ].map((line) => line.toLowerCase()),
);

function isOneOfOfstedsAddressLines(line: string): boolean {
  const key = line.trim().replace(/\s+/g, ' ').replace(/,$/, '').toLowerCase();
  return OFSTED_ADDRESS_LINES.has(key) || isOfstedContactLine(line);
}

/** The longest line Ofsted's address block could make, all its lines run together. */
const MAX_ADDRESS_LINE = 400;

/**
 * Ofsted's letters print the address block in two columns: the address on the left, telephone,
 * email and web address on the right, on the same lines ("Piccadilly Gate   T 0300 123 1231").
 * Extraction keeps both columns on one line, and may run two of the address's lines into one
 * ("Manchester M1 2WD www.gov.uk/ofsted", "Agora 6 Cumberland Place"), so a line is the block's
 * if its words are, in order, nothing but the block's lines: address lines and contact lines.
 */
function isRunTogetherAddressLine(line: string): boolean {
  // The whole block run into one line is well under this; a longer line is prose, and trying
  // every split of it took minutes on a text with no line breaks.
  if (line.length > MAX_ADDRESS_LINE) return false;
  const words = line.trim().split(/\s+/);
  // ends[i]: the words from i to the end are made of the block's lines.
  const ends: boolean[] = new Array<boolean>(words.length + 1).fill(false);
  ends[words.length] = true;
  for (let from = words.length - 1; from >= 0; from--) {
    // No line of the block has more than a few words ("Direct T 0300 123 1231").
    for (let to = from + 1; to <= Math.min(words.length, from + 8) && !ends[from]; to++) {
      if (ends[to] && isOneOfOfstedsAddressLines(words.slice(from, to).join(' '))) ends[from] = true;
    }
  }
  return words.length > 0 && ends[0]!;
}

/**
 * A line of Ofsted's address block (see OFSTED_ADDRESS_LINES): whole known lines, or several of
 * them run together. "Manchester" or "Nottingham" alone is one: callers only ask about lines
 * above the letter's date or at a page's edge, never an addressee's.
 */
export function isOfstedAddressLine(line: string): boolean {
  return isOneOfOfstedsAddressLines(line) || isRunTogetherAddressLine(line);
}

/**
 * OCR sometimes reads the zero at the start of a postcode's inward part as a capital O: the
 * seed has "HR4 OLE" for "HR4 0LE". The inward part of a UK postcode is always a digit then two
 * letters, so an O in that place can only be a zero. This is the only repair made to the words,
 * and only to a postcode at the end of a line of the letter head.
 */
export function fixPostcode(line: string): string {
  return line.replace(/\b([A-Z]{1,2}[0-9][A-Z0-9]?) O([ABD-HJLNP-UW-Z]{2})$/, '$1 0$2');
}

/** Collapses runs of spaces inside a line: the rendered words are the same. */
function tidy(line: string): string {
  return line.replace(/[ \t]+/g, ' ').trim();
}

/**
 * Text without blank lines, as people have it: Word's plain-text export and a copy from a PDF
 * viewer give one paragraph per line, or the page's lines with no gap between paragraphs.
 * Blank lines are put back where paragraphs end: after every line, when lines are paragraph
 * long (some longer than any printed line); otherwise after a line that ends a sentence or
 * stands as a heading, falls well short of the text's width, and is followed by a capital.
 * Text with blank lines of its own (more than one line in twenty blank) is left as it is; below
 * that the few blank lines it has are dropped and the breaks worked out as above.
 */
function restoreParagraphBreaks(text: string): string {
  const lines = text.split('\n');
  const filled = lines.filter((line) => line.trim() !== '');
  const blanks = lines.length - filled.length;
  if (filled.length < 8 || blanks > filled.length / 20) return text;
  if (filled.some((line) => line.trim().length > 150)) return filled.join('\n\n');
  const width = [...filled].map((line) => line.trim().length).sort((a, b) => a - b)[Math.floor(filled.length * 0.9)]!;
  const out: string[] = [];
  filled.forEach((line, index) => {
    out.push(line);
    const next = filled[index + 1];
    const text = line.trim();
    const ends = endsSentence(text) || looksLikeHeading([text]) || SURE_BULLET.test(next?.trim() ?? '');
    if (next !== undefined && ends && text.length < width * 0.8 && startsWithCapital(next.trim().replace(SURE_BULLET, ''))) out.push('');
  });
  return out.join('\n');
}

/**
 * Splits the text into lines marked with page starts, and drops the lines that belong to the
 * page rather than to the letter.
 *
 * Page breaks are recognised three ways: a form feed; a line starting with exactly one space,
 * which is how the text extracted from Ofsted's PDFs marks a new page (see the seed); and a
 * page-number line, which sits between two pages.
 */
export function splitLines(raw: string): Line[] {
  const pages: string[][] = [[]];
  const current = (): string[] => pages[pages.length - 1]!;
  const newPage = (): void => {
    if (current().some((line) => line !== '')) pages.push([]);
  };

  const rawLines = restoreParagraphBreaks(normalise(raw)).split('\n');
  // If many lines start with one space, the extraction indents every line: that space marks
  // nothing. Page starts are a handful of lines in a letter (4 of 150 in the seed).
  const filled = rawLines.filter((line) => line.trim() !== '').length;
  const spaced = rawLines.filter((line) => /^ \S/.test(line)).length;
  // Text with form feeds marks its pages with them: a leading space there is layout.
  const spaceMarksPages = !raw.includes('\f') && spaced <= Math.max(3, filled / 5);

  for (const rawLine of rawLines) {
    const parts = rawLine.split('\f');
    parts.forEach((part, index) => {
      if (index > 0) newPage();
      // "\fNext page" leaves an empty part before the form feed: not a blank line of the letter.
      if (parts.length > 1 && part.trim() === '') return;
      if (spaceMarksPages && /^ \S/.test(part)) newPage();
      const text = tidy(part);
      if (isPageNumber(text)) {
        newPage();
        return;
      }
      if (isOfstedContactLine(text)) return;
      current().push(text);
    });
  }

  stripPageEdges(pages);
  // Blank lines at the top or bottom of a page say nothing about paragraphs: whether a page
  // break also ends a paragraph is decided by the words either side of it (see buildBlocks).
  for (const page of pages) {
    while (page[0] === '') page.shift();
    while (page[page.length - 1] === '') page.pop();
  }

  const lines: Line[] = [];
  pages.forEach((page, pageIndex) => {
    let first = pageIndex > 0;
    for (const text of page) {
      lines.push({ text, pageStart: first && text !== '' });
      if (text !== '') first = false;
    }
  });
  return lines;
}

/**
 * A running header or footer line without the page number printed at its end: inspection
 * reports print the inspection dates and the page number on one line ("10 to 21 November 2025
 * 11"), so the line differs on every page but its text does not.
 */
function withoutPageNumber(line: string): string {
  return line.replace(/\s+\d{1,3}$/, '');
}

/**
 * Running headers and footers: a short line that stands at the top or the bottom of two or more
 * pages is the page's, not the letter's (such as the letter's title repeated on every page, or
 * "Ofsted"), with or without the page number at its end. Ofsted's address lines at a page edge
 * go too. An inspection report's footer has two such lines (its title, then its dates and the
 * page number), so edges are stripped line by line while they are artefacts.
 */
function stripPageEdges(pages: string[][]): void {
  const edgeCounts = new Map<string, number>();
  const edges = (page: string[]): string[] => {
    const filled = page.filter((line) => line !== '');
    // A table of contents' entry ("The local authority 3") is a section's heading with its page
    // number: counted, it would be one more time the heading stands at a page's edge, and the
    // heading at the top of its page would go as a running header (2014-18 reports, whose part
    // heading "The local authority" also heads the explanation of the grades at the end).
    const contents = filled.findIndex((line) => /^Contents$/i.test(line));
    const entry = (line: string): boolean => contents >= 0 && filled.indexOf(line) > contents && /\S\s+\d{1,3}$/.test(line);
    const candidates = [filled[0], filled[1], filled[filled.length - 2], filled[filled.length - 1]];
    return [...new Set(candidates.filter((line): line is string => line !== undefined && !entry(line)).map(withoutPageNumber))];
  };
  for (const page of pages) {
    for (const line of edges(page)) edgeCounts.set(line, (edgeCounts.get(line) ?? 0) + 1);
  }
  // A line of the text that recurs ("(Recommendation)" after many of a 2015-17 report's
  // paragraphs) stands at a page's edge now and then; a running header or footer stands there
  // at least two times in three.
  const counts = new Map<string, number>();
  for (const line of pages.flat()) if (line !== '') counts.set(withoutPageNumber(line), (counts.get(withoutPageNumber(line)) ?? 0) + 1);
  const mostlyAtEdges = (line: string): boolean => (edgeCounts.get(line) ?? 0) * 3 >= (counts.get(line) ?? 0) * 2;
  // Twice is enough in a short letter; a long report repeats its header on most pages, and a
  // section's title can stand at a page edge twice (once in the contents, once at its start), or
  // more often in a long report without a running header ("Inspection findings" at the top of
  // three of Gateshead 2016's 45 pages): there a header stands on a quarter of the pages at least.
  const repeats = pages.length >= 6 ? Math.max(3, Math.ceil(pages.length / 4)) : 2;
  const isEdgeArtefact = (line: string): boolean =>
    isOfstedAddressLine(line) ||
    (pages.length > 1 && line.length <= 100 && (edgeCounts.get(withoutPageNumber(line)) ?? 0) >= repeats && mostlyAtEdges(withoutPageNumber(line)));

  pages.forEach((page, pageIndex) => {
    // From the top, then from the bottom, while the edge line is an artefact. The first page
    // has no running header: a line at its top that repeats is the document's title, which
    // the running header repeats ("Inspection of Bracknell Forest local authority ...").
    for (;;) {
      const index = page.findIndex((line) => line !== '');
      if (index < 0 || !isEdgeArtefact(page[index]!) || (pageIndex === 0 && !isOfstedAddressLine(page[index]!))) break;
      page.splice(index, 1);
    }
    for (;;) {
      let index = page.length - 1;
      while (index >= 0 && page[index] === '') index--;
      if (index < 0 || !isEdgeArtefact(page[index]!)) break;
      page.splice(index, 1);
    }
  });
}

/** The line ends a sentence: `.`, `!`, `?` or `:`, perhaps followed by closing quotes or brackets. */
export function endsSentence(line: string): boolean {
  return /[.!?:]["”’')\]]*$/.test(line);
}

/** Starts with a capital letter, perhaps after an opening quote or bracket. */
function startsWithCapital(line: string): boolean {
  return /^["“‘'(]*\p{Lu}/u.test(line);
}

/**
 * Bullet glyphs as extraction leaves them. `•`-like glyphs, `◼` (Ofsted from 2021) and the
 * symbol fonts' glyphs, which extraction gives as private use characters (U+F06E, Wingdings'
 * square, in 2018-19; U+F02D, a dash, for sub-items in 2014), are always bullets. A stray `B` (the seed: the bullet font's glyph read as a
 * letter), `-` and `*` could also begin a wrapped line of prose, so they count only where a new
 * block can begin (see `buildBlocks`).
 */
const BULLET_GLYPHS = '[•●▪■◼◾◦‣⁃∙·\\uF020-\\uF0FF]';
const SURE_BULLET = new RegExp(`^${BULLET_GLYPHS}\\s*(?=\\S)`);
const MAYBE_BULLET = /^(?:B|-|\*)\s+(?=\S)/;
const LONE_BULLET = new RegExp(`^${BULLET_GLYPHS}$`);

/**
 * Joins the lines of one paragraph. A line ending in a hyphen after a letter ("well-" then
 * "matched") is a hyphenated word broken at the hyphen: Ofsted's letters are not hyphenated by
 * the typesetter, so the hyphen is real and the halves join without a space.
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else if (/\p{L}-$/u.test(text) && /^\p{L}/u.test(line)) text += line;
    else text += ` ${line}`;
  }
  return text;
}

/**
 * The section headings Ofsted's letters use. Matched as whole lines, they are headings even when
 * extraction left no blank line after them.
 */
const KNOWN_HEADINGS = new Set(
  [
    'Areas covered by the visit',
    'Areas covered',
    'Headline findings',
    'Findings and evaluation of progress',
    'Evaluation of progress',
    'Findings',
    'Summary of findings',
    'Overall findings',
    'Areas for priority action',
    'Areas for improvement',
    'Areas for development',
    'What needs to improve',
    'What needs to improve?',
    'What does the local authority need to improve?',
    'What does the LSCB need to improve?',
    // 2016-18 reports: it may open a page after a list whose last item ends with no full stop.
    'Recommendations',
    'Next steps',
  ].map((heading) => heading.toLowerCase()),
);

/**
 * The heading over a focused-visit letter's list of improvements, which Ofsted prints with a
 * question mark, a colon or nothing after it: a heading in every form, so that the letters read
 * alike (a question mark or colon would otherwise make it a paragraph).
 */
const IMPROVE_HEADING = /^What needs to improve in this area of (?:social work )?practice[?:]?$/i;

function isKnownHeading(line: string): boolean {
  return KNOWN_HEADINGS.has(line.toLowerCase()) || IMPROVE_HEADING.test(line);
}

/**
 * A paragraph that is one short line, starts with a capital and does not end with punctuation
 * stands alone as a section heading ("Headline findings"). An inspection report's section
 * headings name a judgement area and its grade, and wrap ("The experiences and progress of
 * children who need help and" / "protection: good"): there, up to three lines.
 */
/**
 * A line of a report's inspection team: a role, a colon, the names ("Lead inspector: …", "Team
 * inspectors: …", "Quality assurance manager: …", "Senior data analyst: …"). Short and with no
 * full stop, it would pass for a heading; it is a line of the list under "The inspection team".
 */
const TEAM_ROLE = /^[\p{Lu}][\p{L} -]{0,40}\b(?:inspectors?|managers?|analysts?)(?: \([^()]*\))?:\s+\S/iu;

function looksLikeHeading(lines: readonly string[], maxLines = 1): boolean {
  if (lines.length === 0 || lines.length > maxLines) return false;
  const line = lines.join(' ');
  return (
    !TEAM_ROLE.test(line) &&
    line.length <= 80 * lines.length &&
    line.split(' ').length <= 12 * lines.length &&
    /^\p{Lu}/u.test(line) &&
    !/[.,;:!?]["”’')\]]*$/.test(line) &&
    !DATE_LINE.test(line)
  );
}

/**
 * Ofsted's own paragraph number at the start of a line ("6. The current ..."), in a report that
 * numbers its paragraphs: the number, or undefined. Only the next number in sequence counts, so
 * that a line of prose that happens to start with a number is never taken for one; or, where a
 * block may begin (`atBlockStart`), the one after it: Ofsted printed a number without its full
 * stop (Nottingham 2022, "34     Most children …"), which is no number here, and the count must go
 * on at 35, or every later paragraph at a page's top would run into the one before.
 */
function numberInSequence(line: string, expected: number, atBlockStart: boolean): number | undefined {
  // printedNumber also reads a number with nothing after it, a paragraph Ofsted left empty
  // (Waltham Forest 2015, 89): the next number follows it, and would otherwise be run into it.
  const printed = printedNumber(line);
  if (printed === expected) return expected;
  return atBlockStart && printed === expected + 1 ? expected + 1 : undefined;
}

/** The first words of Ofsted's notice on complaints, at the end of a 2014-18 report. */
const COMPLAINTS_NOTICE = /^Any complaints about the inspection\b/i;

/**
 * Ofsted's note after a 2015-17 report's paragraph, on a line of its own ("(Recommendation)"), or
 * at the end of the paragraph's last line, after its last sentence ("… or learning.
 * (Recommendation)", Shropshire 2017).
 */
const BRACKETED_NOTE = /(?:^|[.!?]["”’')\]]*\s+)\([^()]+\)$/;

/** How the blocks of a document are read: letters as they always were, or reports. */
interface BlockRules {
  /** Ofsted numbers the paragraphs (inspection reports): "1. ...", "2. ...", in sequence. */
  numberedParagraphs?: boolean;
}

interface Draft {
  kind: 'paragraph' | 'item';
  lines: string[];
  /** An item's depth: 1 for a sub-item (see SUB_BULLET). */
  level?: number;
}

/**
 * The sub-item glyph: the 2014 report prints its sub-items (the statistics under "Of this
 * number:") with a dash from the symbol font, which extraction reads as U+F02D, and its items
 * with U+F06E. A sub-item is nested under the item before it.
 */
const SUB_BULLET = /^\uF02D\s*/;

/**
 * A report's headings are not always followed by a blank line ("Summary of key findings" /
 * "This local authority requires improvement ..." / "1. ..."): a short line that does not end a
 * sentence, followed by a line that starts with a capital, is a heading of its own. A heading
 * may wrap once, going on in lower case ("What the inspection judgements mean: the local" /
 * "authority").
 */
function leadingHeadingLength(lines: readonly string[]): number {
  for (const length of [1, 2]) {
    const heading = lines.slice(0, length);
    const next = lines[length];
    if (next === undefined || !startsWithCapital(next) || printedNumber(lines[0]!) !== undefined) continue;
    if (heading.some((line) => line.length > 60) || heading.slice(1).some((line) => !/^\p{Ll}/u.test(line))) continue;
    if (looksLikeHeading(heading, length)) return length;
  }
  return 0;
}

function peelHeadings(draft: Draft, headings: Set<Draft>): Draft[] {
  if (draft.kind !== 'paragraph' || headings.has(draft)) return [draft];
  const peeled: Draft[] = [];
  let lines = draft.lines;
  for (let length = leadingHeadingLength(lines); length > 0; length = leadingHeadingLength(lines)) {
    const heading: Draft = { kind: 'paragraph', lines: lines.slice(0, length) };
    headings.add(heading);
    peeled.push(heading);
    lines = lines.slice(length);
  }
  return [...peeled, { kind: 'paragraph', lines }];
}

/**
 * Rebuilds the body's paragraphs, headings and lists from its lines.
 *
 * A blank line ends a paragraph. A page break ends one only if the line before it ends a
 * sentence and the line after it starts with a capital letter: otherwise the page broke the
 * paragraph, and its halves are joined. A bullet starts a list item; the lines after it continue
 * the item until a blank line or the next bullet. In a report, Ofsted's next paragraph number
 * starts a paragraph too, blank line or not; the number stays at the start of its text.
 */
export function buildBlocks(lines: readonly Line[], rules: BlockRules = {}): Block[] {
  const drafts: Draft[] = [];
  const headings = new Set<Draft>();
  let current: Draft | undefined;
  let nextNumber = 1;
  const flush = (): void => {
    if (current) drafts.push(current);
    current = undefined;
  };
  const lastLine = (): string | undefined => current?.lines[current.lines.length - 1];

  // A bullet glyph alone on its line: extraction set it apart from its item's first line.
  let glyphAlone = false;
  for (const [index, { text, pageStart }] of lines.entries()) {
    if (text === '') {
      flush();
      continue;
    }
    if (LONE_BULLET.test(text)) {
      glyphAlone = true;
      continue;
    }
    const afterGlyph = glyphAlone;
    glyphAlone = false;
    const number = rules.numberedParagraphs ? numberInSequence(text, nextNumber, current === undefined || endsSentence(lastLine() ?? '')) : undefined;
    if (number !== undefined) {
      flush();
      current = { kind: 'paragraph', lines: [text] };
      nextNumber = number + 1;
      continue;
    }
    // Where a new block may begin: after a blank line, inside a list, or after a sentence ends.
    const atBlockStart = current === undefined || current.kind === 'item' || endsSentence(lastLine() ?? '');

    if (afterGlyph) {
      flush();
      current = { kind: 'item', lines: [text] };
      continue;
    }
    const sure = SURE_BULLET.exec(text);
    const maybe = atBlockStart ? MAYBE_BULLET.exec(text) : null;
    const bullet = sure ?? maybe;
    if (bullet) {
      // A sub-item only under an item of the same list (nothing but items since it).
      const previous = current?.kind === 'item' ? current : drafts.at(-1)?.kind === 'item' && current === undefined ? drafts.at(-1) : undefined;
      const level = SUB_BULLET.test(text) && previous !== undefined ? 1 : 0;
      flush();
      current = { kind: 'item', lines: [text.slice(bullet[0].length)], ...(level > 0 ? { level } : {}) };
      continue;
    }

    // In a report, a short heading can follow a list with no blank line ("... 13.6%)." /
    // "Child protection in this area"): it ends the item rather than continuing it.
    const headingAfterItem = rules.numberedParagraphs && current?.kind === 'item' && endsSentence(lastLine() ?? '') && text.length <= 60 && looksLikeHeading([text]);
    if (headingAfterItem) flush();

    if (atBlockStart && isKnownHeading(text)) {
      flush();
      const heading: Draft = { kind: 'paragraph', lines: [text] };
      headings.add(heading);
      drafts.push(heading);
      continue;
    }

    // In a report, a paragraph also ends with Ofsted's note in brackets on a line of its own
    // ("(Recommendation)"); and a short heading standing alone at the top of a page (a blank line
    // after it) starts a section, even after an item or a paragraph without a full stop.
    const ended = endsSentence(lastLine() ?? '') || (rules.numberedParagraphs === true && BRACKETED_NOTE.test(lastLine() ?? ''));
    const headingAtPageTop = rules.numberedParagraphs && pageStart && (lines[index + 1]?.text ?? '') === '' && looksLikeHeading([text]);
    if (current && pageStart && ((ended && startsWithCapital(text)) || headingAtPageTop)) flush();
    // Ofsted's notice on complaints opens the page after a 2014-18 report's text: a paragraph of
    // its own, though the line before it (the inspection team's last, the grades' explanation's
    // last) may end with no full stop.
    if (current && pageStart && rules.numberedParagraphs && COMPLAINTS_NOTICE.test(text)) flush();
    if (current) current.lines.push(text);
    else current = { kind: 'paragraph', lines: [text] };
  }
  flush();

  const headingLines = rules.numberedParagraphs ? 3 : 1;
  const blocks: Block[] = [];
  for (const draft of rules.numberedParagraphs ? drafts.flatMap((d) => peelHeadings(d, headings)) : drafts) {
    const text = joinLines(draft.lines);
    if (draft.kind === 'item') {
      const previous = blocks[blocks.length - 1];
      const level = draft.level ?? 0;
      if (previous?.type === 'list') {
        previous.items.push(text);
        if (level > 0 || previous.levels) (previous.levels ??= previous.items.slice(0, -1).map(() => 0)).push(level);
      } else {
        blocks.push({ type: 'list', items: [text] });
      }
    } else if (headings.has(draft) || (printedNumber(text) === undefined && looksLikeHeading(draft.lines, headingLines))) {
      blocks.push({ type: 'heading', text });
    } else {
      blocks.push({ type: 'paragraph', text });
    }
  }
  return blocks;
}

/**
 * Ofsted's address block stands above the letter's date, in columns that extraction does not
 * always keep apart ("Piccadilly Gate Textphone 0161 618" / "Store Street 8524"): when any line
 * above the date is the block's, every line above the date is, and all go. Without a date, the
 * block is the run of the block's lines the head starts with. The lines after it are the
 * addressee's, kept whole: a council's own address may be in Manchester or Nottingham.
 */
function withoutOfstedBlock(head: readonly string[]): readonly string[] {
  const date = head.findIndex((line) => DATE_LINE.test(line));
  if (date > 0 && head.slice(0, date).some(isOfstedAddressLine)) return head.slice(date);
  if (date >= 0) return head;
  let start = 0;
  while (start < head.length && (head[start] === '' || isOfstedAddressLine(head[start]!))) start++;
  return head.slice(start);
}

/**
 * Some letters leave no gap between some of their paragraphs (Darlington 2021: "... see their
 * workers regularly." / "Assessments in pathway plans ..."): a line that ends a sentence well
 * short of the body's width (three quarters of its usual longest line), followed by a line that
 * starts with a capital, ends its paragraph. A printed line falls that short only where its
 * paragraph ends, or where the next word is longer than a quarter of the line.
 */
const CLOSING_SENTENCE = /^Ofsted will take the findings from this\b/;

function withParagraphEnds(lines: readonly Line[]): Line[] {
  const lengths = lines.filter((line) => line.text !== '').map((line) => line.text.length).sort((a, b) => a - b);
  if (lengths.length < 8) return [...lines];
  const width = lengths[Math.floor(lengths.length * 0.9)]!;
  const out: Line[] = [];
  lines.forEach((line, index) => {
    out.push(line);
    const next = lines[index + 1];
    if (!next || line.text === '' || next.text === '' || next.pageStart) return;
    const ends = /[.!?]["”’')\]]*$/.test(line.text);
    // Ofsted's closing sentence is a paragraph of its own, even after a list item's long last line.
    if (ends && (CLOSING_SENTENCE.test(next.text) || (line.text.length < width * 0.75 && startsWithCapital(next.text)))) {
      out.push({ text: '', pageStart: false });
    }
  });
  return out;
}

/** An inspector's title under the name that signs a letter. */
const SIGNER_TITLE = /^(?:(?:Senior )?(?:His|Her) Majesty[’']s Inspector|HMI|Senior HMI)$/;

/**
 * Where the sign-off starts in a letter Ofsted sent without "Yours sincerely" (Bedford 2019,
 * Harrow 2018): the signer's name, then their title ("Her Majesty’s Inspector"), as the last
 * lines of the letter, with or without a blank line between them. Without both, the letter has
 * no sign-off: `lines.length`.
 */
function unclosedSignatureStart(lines: readonly Line[], from: number): number {
  const filled = lines.map((line, index) => ({ text: line.text, index })).filter((line, index) => index >= from && line.text !== '');
  const title = filled.at(-1);
  const name = filled.at(-2);
  if (!title || !name || !SIGNER_TITLE.test(title.text)) return lines.length;
  if (!/^\p{Lu}[\p{L}’'.-]*(?: \p{Lu}[\p{L}’'.-]*){1,3}$/u.test(name.text)) return lines.length;
  return name.index;
}

/**
 * Splits the letter into head, salutation, subject, body and sign-off.
 *
 * The head is everything before "Dear ...": Ofsted's address block is dropped from it, blank
 * lines in it carry no meaning (the seed has one after every address line), and postcodes are
 * repaired. The subject is the line after the salutation, with any following line that starts
 * in lower case (a long subject wrapped). The sign-off starts at the last "Yours sincerely", or,
 * in a letter without one, at the signer's name and title that end it.
 */
export function parseLetter(raw: string): LetterParts {
  const { text, footnotes } = liftLetterFootnotes(normalise(raw));
  const lines = splitLines(text);
  const salutationIndex = lines.findIndex((line) => SALUTATION.test(line.text));
  let closingIndex = -1;
  lines.forEach((line, index) => {
    if (CLOSING.test(line.text) && index > salutationIndex) closingIndex = index;
  });

  const head: string[] = [];
  let salutation: string | undefined;
  let subject: string | undefined;
  let bodyStart = 0;

  if (salutationIndex >= 0) {
    for (const text of withoutOfstedBlock(lines.slice(0, salutationIndex).map((line) => line.text))) {
      if (text !== '') head.push(fixPostcode(text));
    }
    salutation = lines[salutationIndex]!.text;
    let index = salutationIndex + 1;
    while (index < lines.length && lines[index]!.text === '') index++;
    const end = closingIndex >= 0 ? closingIndex : lines.length;
    if (index < end) {
      const subjectLines = [lines[index]!.text];
      index++;
      while (index < end && lines[index]!.text !== '' && /^\p{Ll}/u.test(lines[index]!.text)) {
        subjectLines.push(lines[index]!.text);
        index++;
      }
      subject = joinLines(subjectLines);
    }
    bodyStart = index;
  }

  const signatureStart = closingIndex >= 0 ? closingIndex + 1 : unclosedSignatureStart(lines, bodyStart);
  const bodyEnd = closingIndex >= 0 ? closingIndex : signatureStart;
  // A few letters (2020) number their findings "1.", "2.", ... with no gap between them: the
  // numbers, read as in a report, are where those paragraphs begin.
  const bodyLines = withParagraphEnds(lines.slice(bodyStart, bodyEnd));
  const numbered = ['1', '2'].every((number) => bodyLines.some((line) => new RegExp(`^${number}\\. \\p{Lu}`, 'u').test(line.text)));
  const body = buildBlocks(bodyLines, numbered ? { numberedParagraphs: true } : {});

  const signature: string[][] = [];
  let closing: string | undefined;
  if (closingIndex >= 0) closing = lines[closingIndex]!.text;
  if (signatureStart < lines.length) {
    let group: string[] = [];
    for (const { text } of lines.slice(signatureStart)) {
      if (text === '') {
        if (group.length > 0) signature.push(group);
        group = [];
      } else if (group.length > 0 && /Majesty[’']s$/.test(group[group.length - 1]!)) {
        // "His Majesty’s" / "Inspector" broken across two lines is one title.
        group[group.length - 1] += ` ${text}`;
      } else {
        group.push(text);
      }
    }
    if (group.length > 0) signature.push(group);
  }

  return { head, salutation, subject, body, closing, signature, ...(footnotes.length > 0 ? { footnotes } : {}) };
}
