/**
 * The paragraph contract: what a numbered paragraph is, how its anchor is spelled, and how the
 * anchor is shown and cited. The page plugin (src/plugins/hast-paragraph-anchors.ts), the
 * paragraph reader (src/lib/record/paragraphs.ts), the record, citations, open data, search titles, the
 * anchor manifest and the importer all take the rule from here, so they cannot drift apart.
 * Dependency-free on purpose: it runs in the build, in the browser (src/browser/cite.ts) and in
 * the importer.
 *
 * Which blocks are numbered (every report):
 * - each paragraph and each list item, in document order;
 * - not a paragraph inside a list item (the list item carries the anchor);
 * - not anything inside `<LetterHead>` or `<SignOff>` (address, salutation, "Yours sincerely":
 *   not findings, and nobody cites them).
 *
 * How they are spelled depends on the report's `paragraphNumbers` frontmatter field:
 * - absent (letters, which Ofsted does not number): `p1`, `p2`, ... in order, cited "paragraph N".
 * - `ofsted` (inspection reports, which number their own paragraphs; the MDX keeps the number as
 *   printed, full stop escaped: `6\. The current arrangements ...`):
 *   - `pN`: Ofsted's paragraph N, the paragraph whose words start "N. "; cited "paragraph N".
 *   - `pN-k`: the k-th other block (list item, or unnumbered paragraph) after paragraph N and
 *     before N+1, e.g. the bullets of paragraph 6 are p6-1, p6-2; cited "paragraph 6, point 2".
 *   - `sK`: the K-th block before paragraph 1 (the summary and the "What needs to improve"
 *     items); cited "summary, paragraph 3".
 *   The other forms contain a letter or a hyphen, so they cannot be mistaken for Ofsted's numbers.
 *   Ofsted's numbers must run 1, 2, 3, ... with no gap or repeat, or the build fails.
 */

/** The MDX component around the letter's head (date, address, salutation). */
export const LETTER_HEAD = 'LetterHead';

/** The MDX component around the sign-off ("Yours sincerely", the inspector's name). */
export const SIGN_OFF = 'SignOff';

/** MDX components whose content is part of the letter but carries no anchors. */
export const UNNUMBERED_COMPONENTS: ReadonlySet<string> = new Set([LETTER_HEAD, SIGN_OFF]);

/**
 * The MDX component around a footnote: `<Footnote mark="3" of="p44-12">`, the note's paragraph
 * inside. `mark` is the footnote's number as printed; `of` is what carries the mark: a paragraph
 * anchor, a heading's id on the page, or `title` (the report's title). The note keeps its anchor
 * (it is numbered like any block) and is shown and cited as a footnote.
 */
export const FOOTNOTE_COMPONENT = 'Footnote';

/** The MDX component around Ofsted's back-page boilerplate kept in a report ("Any complaints ..."). */
export const NOTICE_COMPONENT = 'OfstedNotice';

/** `of="title"` on a footnote: the mark is on the report's title (the page's h1, id `title`). */
export const TITLE_TARGET = 'title';

/** The MDX component around a further part of a block published as one (see ParagraphRef's `part`). */
export const PART_COMPONENT = 'Part';

/** The MDX component that carries annotations (src/lib/record/annotations.ts). */
export const ANNOTATION_COMPONENT = 'Finding';

/**
 * The attribute the page plugin gives each <Finding>: the anchors of the blocks it wraps, separated
 * by spaces (src/plugins/hast-paragraph-anchors.ts), read by src/components/Finding.astro.
 */
export const FINDING_ANCHORS = 'anchors';

/** The `paragraphNumbers` frontmatter value of a report that numbers its own paragraphs. */
export const OFSTED_NUMBERING = 'ofsted';

/** `site`: the site numbers blocks p1, p2, ...; `ofsted`: the document's own numbers. */
export type NumberingMode = 'site' | typeof OFSTED_NUMBERING;

/** The mode for a report's `paragraphNumbers` frontmatter value (undefined when absent). */
export function numberingMode(paragraphNumbers: unknown): NumberingMode {
  return paragraphNumbers === OFSTED_NUMBERING ? OFSTED_NUMBERING : 'site';
}

/**
 * The mode of the file a Markdown plugin is compiling, from the data bag in which
 * @astrojs/markdown-satteri passes each compile its frontmatter (both plugins need it).
 */
export function numberingModeOfCompile(data: unknown): NumberingMode {
  const frontmatter = (data as { astro?: { frontmatter?: Record<string, unknown> } } | undefined)?.astro?.frontmatter;
  return numberingMode(frontmatter?.paragraphNumbers);
}

/**
 * Where a block sits: `paragraph` is pN (the site's N-th block, or Ofsted's paragraph N), `point`
 * is pN-k, `summary` is sK.
 */
export type ParagraphRef = (
  | { kind: 'paragraph'; number: number }
  | { kind: 'point'; number: number; point: number }
  | { kind: 'summary'; number: number }
) & {
  /**
   * An anchor added by a correction (README, "Permanent paragraph links"): a block published as
   * one that the document prints as two keeps its anchor for the first part, and each further
   * part, wrapped in `<Part of="s1">`, takes that anchor with a letter: s1b, s1c. No other anchor moves.
   */
  part?: string;
};

/** The anchor, without `#`: `p6`, `p6-2`, `s3`. */
export function paragraphId(ref: ParagraphRef | number): string {
  const r: ParagraphRef = typeof ref === 'number' ? { kind: 'paragraph', number: ref } : ref;
  const part = r.part ?? '';
  if (r.kind === 'paragraph') return `p${r.number}${part}`;
  if (r.kind === 'point') return `p${r.number}-${r.point}${part}`;
  return `s${r.number}${part}`;
}

/** An anchor's spelling as a pattern (for schemas and checks): p6, p6-2, s3. Numbers from 1. */
export const PARAGRAPH_ID_SOURCE = '(?:p[1-9][0-9]*(?:-[1-9][0-9]*)?|s[1-9][0-9]*)[b-h]?';

const PARAGRAPH_ID = new RegExp(`^(?:${PARAGRAPH_ID_SOURCE})$`);

/** Reads an anchor back; undefined for anything that is not a paragraph anchor. */
export function parseParagraphId(id: string): ParagraphRef | undefined {
  if (!PARAGRAPH_ID.test(id)) return undefined;
  const part = /[b-h]$/.exec(id)?.[0];
  const [head = '', point] = id.slice(1, part ? -1 : undefined).split('-');
  const ref: ParagraphRef = id.startsWith('s')
    ? { kind: 'summary', number: Number(head) }
    : point === undefined
      ? { kind: 'paragraph', number: Number(head) }
      : { kind: 'point', number: Number(head), point: Number(point) };
  return part ? { ...ref, part } : ref;
}

export function isParagraphId(id: string): boolean {
  return PARAGRAPH_ID.test(id);
}

/** How a paragraph is named in running text and citations: "paragraph 6", "paragraph 6, point 2", "summary, paragraph 3". */
export function paragraphLabel(ref: ParagraphRef): string {
  const part = ref.part ?? '';
  if (ref.kind === 'paragraph') return `paragraph ${ref.number}${part}`;
  if (ref.kind === 'point') return `paragraph ${ref.number}, point ${ref.point}${part}`;
  return `summary, paragraph ${ref.number}${part}`;
}

/** The same, capitalised, to start a title or a line: "Paragraph 6, point 2". */
export function paragraphTitle(ref: ParagraphRef): string {
  const label = paragraphLabel(ref);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The short marker shown in the margin as the permalink's text: "6", "6-2", "s3". */
export function paragraphMarker(ref: ParagraphRef): string {
  return paragraphId(ref).replace(/^p/, '');
}

/**
 * Ofsted's number at the start of a paragraph's words ("6. The current ..."), if any; or the
 * number alone, of a paragraph Ofsted left empty ("89.", Waltham Forest 2015).
 */
export function ofstedNumber(text: string): number | undefined {
  const match = /^\s*([1-9][0-9]{0,3})\.(?:\s|$)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A numbered block as both the Markdown and the HTML trees see it. */
export interface NumberedBlock {
  kind: 'paragraph' | 'list-item';
  /** The block's words (only their start is read). */
  text: string;
}

/** What is wrong with a document's own numbering; the caller adds file and line. */
export interface NumberingProblem {
  message: string;
  fix: string;
}

/**
 * Numbers a report's blocks in document order: one instance per document, fed every numbered
 * block (as defined above) in order. Both the page plugin and the paragraph reader use it, so the
 * page's anchors and the record's are the same by construction.
 */
export class ParagraphNumberer {
  readonly mode: NumberingMode;
  #count = 0;
  #ofsted = 0;
  #point = 0;
  #summary = 0;

  #last: ParagraphRef | undefined;

  constructor(mode: NumberingMode) {
    this.mode = mode;
  }

  /**
   * A further part of the block just numbered, `<Part of="s1">`: that block's anchor with the
   * next letter (s1b, s1c). A problem if `of` is not the block just numbered.
   */
  part(of: string): { ref: ParagraphRef; id: string; problem?: NumberingProblem } {
    const last = this.#last;
    const base = last ? paragraphId({ ...last, part: undefined }) : undefined;
    if (!last || base !== of) {
      const ref: ParagraphRef = last ?? { kind: 'summary', number: 1 };
      return {
        ref,
        id: paragraphId(ref),
        problem: {
          message: `<Part of="${of}"> does not follow the block anchored ${of}${base ? ` (it follows ${base})` : ''}.`,
          fix: `put it straight after the first part, or write of="${base ?? '...'}".`,
        },
      };
    }
    const part = String.fromCharCode((last.part ?? 'a').charCodeAt(0) + 1);
    this.#last = { ...last, part };
    return { ref: this.#last, id: paragraphId(this.#last) };
  }

  next(block: NumberedBlock): { ref: ParagraphRef; id: string; problem?: NumberingProblem } {
    const result = this.#next(block);
    this.#last = result.ref;
    return result;
  }

  #next(block: NumberedBlock): { ref: ParagraphRef; id: string; problem?: NumberingProblem } {
    this.#count += 1;
    if (this.mode === 'site') {
      const ref: ParagraphRef = { kind: 'paragraph', number: this.#count };
      return { ref, id: paragraphId(ref), problem: unexpectedOfstedNumber(block) };
    }
    const printed = block.kind === 'paragraph' ? ofstedNumber(block.text) : undefined;
    if (printed !== undefined) {
      const expected = this.#ofsted + 1;
      let problem: NumberingProblem | undefined;
      if (printed !== expected) {
        problem = {
          message:
            printed <= this.#ofsted
              ? `paragraph number ${printed} repeats or goes backwards: the previous numbered paragraph is ${this.#ofsted}, so this one should be ${expected}.`
              : `paragraph number ${printed} skips ${expected === printed - 1 ? expected : `${expected} to ${printed - 1}`}: Ofsted’s paragraphs must run 1, 2, 3, ... in order.`,
          fix: `check the number against the report as printed (a paragraph split in two or one missing), and write it as “${expected}\\. ...”.`,
        };
      }
      this.#ofsted = Math.max(this.#ofsted, printed);
      this.#point = 0;
      const ref: ParagraphRef = { kind: 'paragraph', number: printed };
      return { ref, id: paragraphId(ref), problem };
    }
    if (this.#ofsted === 0) {
      this.#summary += 1;
      const ref: ParagraphRef = { kind: 'summary', number: this.#summary };
      return { ref, id: paragraphId(ref) };
    }
    this.#point += 1;
    const ref: ParagraphRef = { kind: 'point', number: this.#ofsted, point: this.#point };
    return { ref, id: paragraphId(ref) };
  }
}

/**
 * In a report without `paragraphNumbers: ofsted`, a paragraph that starts like Ofsted's
 * numbered ones ("6. ...") would be anchored p<position>, not p6: a citation of "paragraph 6"
 * would then point at the wrong words. (Markdown reads an unescaped "6. " as a list, so such a
 * paragraph was written as Ofsted's numbered paragraphs are.)
 */
function unexpectedOfstedNumber(block: NumberedBlock): NumberingProblem | undefined {
  const printed = block.kind === 'paragraph' ? ofstedNumber(block.text) : undefined;
  if (printed === undefined) return undefined;
  return {
    message: `this paragraph starts with a paragraph number (“${printed}. ”), but the report does not say it numbers its own paragraphs, so its anchor would not be p${printed}.`,
    fix: 'if the document numbers its own paragraphs, add `paragraphNumbers: ofsted` to its frontmatter (its numbers must then run 1, 2, 3, ...); if not, this is no paragraph number: start the paragraph another way.',
  };
}
