/**
 * A letter's footnotes. Since 2025 Ofsted's focused-visit letters mark the heading "What needs to
 * improve in this area of social work practice?" with a footnote ("practice?1") and print the
 * note at the foot of the page, where it may fall in the middle of a paragraph that runs on to
 * the next page. The note is lifted out of the page and its mark out of the heading, so that the
 * paragraph is whole again and the heading reads as the heading; the MDX writes the note after
 * the letter, as <Footnote mark="1" of="..."> (src/lib/record/paragraph-numbering.ts).
 *
 * Letters only: inspection reports lift their footnotes in report.ts, by rules of their own.
 */
import { headingSlug } from '../utils/heading-slug.ts';
import { ParagraphNumberer } from '../record/paragraph-numbering.ts';
import type { Block } from './block.ts';

export interface LetterFootnote {
  /** The mark as printed: "1". */
  mark: string;
  /** The note's words, its lines joined. */
  text: string;
  /** The words the mark stood after (whitespace collapsed), to find what carries it. */
  before: string;
}

/**
 * A footnote's mark: its number glued to a word in lower case or to punctuation ("practice?1",
 * "care.1"), never part of a number, a word with digits ("COVID-19", "2.2") or a postcode ("M1").
 */
function markPattern(mark: string): RegExp {
  return new RegExp(`(?<![0-9])([\\p{Ll}.?!:;,)’”])${mark}(?=\\s|$)`, 'gu');
}

/**
 * The one note Ofsted has printed without its number (Nottinghamshire, January 2026): its first
 * words are always these, so it is known by them when the numbered note is not there.
 */
const UNNUMBERED_NOTE = /^The areas for improvement have been cross-referenced\b/;

/** A note runs to a blank line, a page number, or the end of its page. */
function noteEnd(page: readonly string[], from: number): number {
  let index = from;
  while (index < page.length && page[index]!.trim() !== '' && !/^\d{1,3}$/.test(page[index]!.trim())) index++;
  return index;
}

/**
 * Takes the footnotes out of a letter's text (normalised, pages split by form feeds): a note is a
 * line after a blank line that starts with the next footnote number ("1 The areas ..." or "1The
 * areas ..."), at the foot of the page, whose mark stands glued to a word above it. The mark is
 * taken out of its line and the note's lines out of the page; nothing else changes. A mark with
 * no note, or a number with no mark, is left as it is.
 */
export function liftLetterFootnotes(text: string): { text: string; footnotes: LetterFootnote[] } {
  const pages = text.split('\f').map((page) => page.split('\n'));
  const footnotes: LetterFootnote[] = [];
  for (let pageIndex = 0; pageIndex < pages.length; pageIndex++) {
    const page = pages[pageIndex]!;
    for (let index = 1; index < page.length; index++) {
      if (page[index - 1]!.trim() !== '') continue;
      const mark = String(footnotes.length + 1);
      const line = page[index]!.trim();
      const numbered = new RegExp(`^${mark}\\s*(?=\\p{Lu})`, 'u').exec(line);
      const unnumbered = !numbered && mark === '1' && UNNUMBERED_NOTE.test(line);
      if (!numbered && !unnumbered) continue;
      // The mark: the nearest above the note, on this page or an earlier one.
      let found: { page: number; line: number; end: number } | undefined;
      for (let p = pageIndex; p >= 0 && !found; p--) {
        const lines = pages[p]!;
        for (let l = p === pageIndex ? index - 1 : lines.length - 1; l >= 0 && !found; l--) {
          const match = [...lines[l]!.matchAll(markPattern(mark))].at(-1);
          if (match) found = { page: p, line: l, end: match.index + match[1]!.length };
        }
      }
      if (!found) continue;
      const end = noteEnd(page, index);
      // At the foot of the page: nothing but a page number after it.
      if (page.slice(end).some((rest) => rest.trim() !== '' && !/^\d{1,3}$/.test(rest.trim()))) continue;
      const first = numbered ? line.slice(numbered[0].length) : line;
      const rest = page.slice(index + 1, end).map((text) => text.trim());
      const markLine = pages[found.page]![found.line]!;
      const before = markLine.slice(0, found.end).replace(/\s+/g, ' ').trim().slice(-60).trim();
      pages[found.page]![found.line] = `${markLine.slice(0, found.end)}${markLine.slice(found.end + mark.length)}`;
      footnotes.push({ mark, text: [first, ...rest].filter((part) => part !== '').join(' '), before });
      page.splice(index, end - index);
      index--;
    }
  }
  return { text: pages.map((page) => page.join('\n')).join('\f'), footnotes };
}

/**
 * What carries each note's mark, as <Footnote of="..."> names it: the id of the heading, or the
 * anchor of the paragraph or list item (the site's numbering, as letters have), whose words hold
 * the words before the mark. Undefined where none does: the editor must say.
 */
export function letterFootnoteTargets(body: readonly Block[], footnotes: readonly LetterFootnote[]): Array<string | undefined> {
  const numberer = new ParagraphNumberer('site');
  const places: Array<{ text: string; id: string }> = [];
  for (const block of body) {
    if (block.type === 'heading') places.push({ text: block.text, id: headingSlug(block.text) });
    else if (block.type === 'paragraph') places.push({ text: block.text, id: numberer.next({ kind: 'paragraph', text: block.text }).id });
    else for (const item of block.items) places.push({ text: item, id: numberer.next({ kind: 'list-item', text: item }).id });
  }
  return footnotes.map((note) => (note.before === '' ? undefined : places.find((place) => place.text.replace(/\s+/g, ' ').includes(note.before))?.id));
}
