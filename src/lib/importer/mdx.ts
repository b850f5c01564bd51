/**
 * Writes a letter as MDX, in the format of content/reports/2025-06-monitoring-visit-7.mdx:
 * YAML frontmatter, then <LetterHead>, the body (paragraphs, `##` headings, `-` lists), and
 * <SignOff>, each component with blank lines inside it.
 */
import { stringify } from 'yaml';
import { ANNOTATION_COMPONENT, FOOTNOTE_COMPONENT, LETTER_HEAD, SIGN_OFF } from '../record/paragraph-numbering.ts';
import { suggestThemes, type ThemeKeywords } from './suggest-themes.ts';
import type { Block, LetterParts } from './clean.ts';
import { letterFootnoteTargets } from './letter-footnotes.ts';

/**
 * Escapes what MDX would read as syntax, so the words render exactly as given:
 * `{` `}` (expressions), `<` `>` (JSX, HTML, autolinks, block quotes), `*` `_` `~` and backticks
 * (emphasis, strikethrough, code), `[` (links), `\` itself, and `&` where it would start a
 * character reference. Each escape is a backslash before ASCII punctuation, which Markdown
 * turns back into the character alone.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>~]/g, (char) => `\\${char}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/**
 * Escapes what would make a line start a block it is not: a heading (`#`), a list item (`-`,
 * `+`, `*`, `1.`, `1)`) or a thematic break. `import`/`export` at the start of a line would be
 * read by MDX as JavaScript; a character reference for the first letter keeps the word.
 */
export function escapeLineStart(text: string): string {
  const numbered = /^(\d{1,9})([.)])(?=\s|$)/.exec(text);
  if (numbered) return `${numbered[1]}\\${numbered[2]}${text.slice(numbered[0].length)}`;
  if (/^[#+-]/.test(text)) return `\\${text}`;
  if (/^(?:import|export)\b/.test(text)) return `&#${text.charCodeAt(0)};${text.slice(1)}`;
  return text;
}

export function escapeText(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/** Lines joined with a trailing backslash: Markdown's hard line break. */
function hardBreaks(lines: readonly string[]): string {
  return lines.map(escapeText).join('\\\n');
}

/**
 * The letter head's paragraphs: the date alone, and each run of other lines (the addressee
 * block) as one paragraph with hard breaks, in the order the letter gives them.
 */
export function headParagraphs(head: readonly string[], isDate: (line: string) => boolean): string[][] {
  const paragraphs: string[][] = [];
  let run: string[] = [];
  for (const line of head) {
    if (isDate(line)) {
      if (run.length > 0) paragraphs.push(run);
      paragraphs.push([line]);
      run = [];
    } else {
      run.push(line);
    }
  }
  if (run.length > 0) paragraphs.push(run);
  return paragraphs;
}

/** The frontmatter as YAML: plain scalars unless YAML needs quotes, no folding of long lines. */
export function frontmatterYaml(frontmatter: Record<string, unknown>): string {
  return stringify(frontmatter, { lineWidth: 0, minContentWidth: 0 });
}

/** A component with blank lines inside it, as the reference file has them. */
function component(name: string, paragraphs: readonly string[]): string {
  return [`<${name}>`, ...paragraphs, `</${name}>`].join('\n\n');
}

/**
 * Wraps a paragraph or list in the annotation the build reads, with the suggested themes and the
 * `suggested` flag: the same form editors write by hand, so reviewing is editing, not retyping.
 */
function suggestedFinding(markdown: string, text: string, themes: readonly ThemeKeywords[] | undefined): string {
  if (!themes) return markdown;
  return `<${ANNOTATION_COMPONENT} themes="${suggestThemes(text, themes).join(', ')}" suggested>\n\n${markdown}\n\n</${ANNOTATION_COMPONENT}>`;
}

/** The body's paragraphs, `##` headings and `-` lists, each paragraph or list with its suggested themes. */
function renderBlocks(blocks: readonly Block[], themes: readonly ThemeKeywords[] | undefined): string[] {
  return blocks.map((block) => {
    // A heading's trailing `#`s would be read as its closing sequence and dropped.
    if (block.type === 'heading') return `## ${escapeInline(block.text).replace(/#$/, '\\#')}`;
    if (block.type === 'paragraph') return suggestedFinding(escapeText(block.text), block.text, themes);
    // A sub-item is indented under the item before it: a nested list, as the document prints it.
    const items = block.items.map((item, index) => `${'  '.repeat(block.levels?.[index] ?? 0)}- ${escapeText(item)}`);
    return suggestedFinding(items.join('\n'), block.items.join(' '), themes);
  });
}

export function renderBody(letter: LetterParts, isDate: (line: string) => boolean, themes?: readonly ThemeKeywords[]): string {
  const sections: string[] = [];

  const head = headParagraphs(letter.head, isDate).map(hardBreaks);
  if (letter.salutation) head.push(escapeText(letter.salutation));
  if (letter.subject) head.push(`**${escapeInline(letter.subject)}**`);
  if (head.length > 0) sections.push(component(LETTER_HEAD, head));

  sections.push(...renderBlocks(letter.body, themes));

  if (letter.closing || letter.signature.length > 0) {
    sections.push(component(SIGN_OFF, [...(letter.closing ? [escapeText(letter.closing)] : []), ...letter.signature.map(hardBreaks)]));
  }
  // Footnotes last, as in a report: after the sign-off, so the body's anchors are as they were.
  const footnotes = letter.footnotes ?? [];
  const targets = letterFootnoteTargets(letter.body, footnotes);
  footnotes.forEach((note, index) => {
    sections.push(`<${FOOTNOTE_COMPONENT} mark="${note.mark}" of="${targets[index] ?? FOOTNOTE_TARGET_UNKNOWN}">\n\n${escapeText(note.text)}\n\n</${FOOTNOTE_COMPONENT}>`);
  });
  return `${sections.join('\n\n')}\n`;
}

/**
 * An inspection report's body: its blocks as they come (Ofsted's numbered paragraph N starts
 * with its number, the full stop escaped by `escapeLineStart`: `6\\. The current ...`), then its
 * footnotes as plain paragraphs, unannotated: they explain the report, they are not findings.
 */
export function renderReportBody(
  blocks: readonly Block[],
  footnotes: readonly string[],
  themes?: readonly ThemeKeywords[],
  targets: ReadonlyArray<string | undefined> = [],
): string {
  // Each note as <Footnote mark="N" of="...">: its mark is its number; `of` what carries the
  // mark, or, where the importer could not tell, a value the build refuses until an editor says.
  const notes = footnotes.map(
    (note, index) => `<${FOOTNOTE_COMPONENT} mark="${index + 1}" of="${targets[index] ?? FOOTNOTE_TARGET_UNKNOWN}">\n\n${escapeText(note)}\n\n</${FOOTNOTE_COMPONENT}>`,
  );
  return `${[...renderBlocks(blocks, themes), ...notes].join('\n\n')}\n`;
}

/** `of` of a footnote whose mark the importer could not place: no anchor, heading or title is spelled so. */
export const FOOTNOTE_TARGET_UNKNOWN = 'TODO-where-is-the-mark';

export function renderMdx(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${frontmatterYaml(frontmatter)}---\n\n${body}`;
}
