/**
 * Reads a report's MDX body into its numbered paragraphs and their annotations.
 *
 * Which blocks are numbered and how their anchors are spelled is the paragraph contract
 * (src/lib/record/paragraph-numbering.ts), which the page plugin (src/plugins/hast-paragraph-anchors.ts)
 * follows too. A site test compares the two for every report, so they cannot drift apart.
 */
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { mdxToMdast } from 'satteri';
import { parseProgress, parseThemes, stringAttribute, type ProgressClaim } from './annotations.ts';
import {
  ANNOTATION_COMPONENT,
  FOOTNOTE_COMPONENT,
  NOTICE_COMPONENT,
  PART_COMPONENT,
  paragraphLabel,
  parseParagraphId,
  TITLE_TARGET,
  ParagraphNumberer,
  UNNUMBERED_COMPONENTS,
  type NumberingMode,
  type ParagraphRef,
} from './paragraph-numbering.ts';
import type { ContentProblem } from '../utils/content-problems.ts';
import { headingSlug } from '../utils/heading-slug.ts';

export interface ReportParagraph {
  /** The anchor, without `#`: `p12`, or in a report with Ofsted's numbers also `p6-2`, `s3`. */
  id: string;
  ref: ParagraphRef;
  /** 1-based position among the report's numbered blocks, in document order. */
  position: number;
  /** The paragraph's words, whitespace collapsed. */
  text: string;
  kind: 'paragraph' | 'list-item';
  /**
   * The words of the `##` heading the block sits under, if any (“What needs to improve in this
   * area of social work practice”): the record puts a letter's improvement items after the
   * paragraphs with the evidence (src/lib/record/build-record.ts).
   */
  heading?: string;
  /** Line in the .mdx file. */
  line: number;
  themes: string[];
  progress: ProgressClaim[];
  note?: string;
  /** Themes suggested by the importer that no editor has reviewed yet (the `suggested` flag). */
  suggested: boolean;
  /** Line of the <Finding> that annotates it, for error messages. */
  annotationLine?: number;
  /**
   * `footnote`: a footnote of the document (inside <Footnote>); `notice`: Ofsted's back-page
   * boilerplate (inside <OfstedNotice>). Absent for the document's own text.
   */
  role?: 'footnote' | 'notice';
  /** A footnote's mark as printed, and what carries it (see FOOTNOTE_COMPONENT). */
  footnote?: FootnoteOf;
}

/** What a footnote belongs to. */
export interface FootnoteOf {
  mark: string;
  /** A paragraph anchor, a heading's id, or `title`. */
  of: string;
  /** In words, for its label: "paragraph 44, point 12", "the heading “What needs to improve?”", "the report’s title". */
  ofLabel: string;
}

export { headingSlug } from '../utils/heading-slug.ts';

export interface ParseOptions {
  /** Path from the repository root, for messages. */
  file: string;
  /** Lines before the body in the file (the frontmatter), so lines point into the file. */
  lineOffset?: number;
  /** How the report numbers its paragraphs: its `paragraphNumbers` field (`site` when absent). */
  mode?: NumberingMode;
}

interface Annotation {
  themes: string[];
  progress: ProgressClaim[];
  note?: string;
  suggested: boolean;
  line: number;
}

/** A report's numbered paragraphs and annotations, and what is wrong with them. */
export interface ReportParagraphs {
  /** The numbering the paragraphs were read with, for the record to check against the frontmatter. */
  mode: NumberingMode;
  paragraphs: ReportParagraph[];
  problems: ContentProblem[];
}

/**
 * Parses an MDX body with Sätteri, the parser of the build, and reads its paragraphs. The build
 * does not use this: it reads the tree Astro's MDX compile has already parsed
 * (src/plugins/mdast-collect-paragraphs.ts); the importer and the tests read text.
 */
export function parseParagraphs(body: string, options: ParseOptions): ReportParagraphs {
  const { file, lineOffset = 0, mode = 'site' } = options;
  let tree: Root;
  try {
    tree = mdxToMdast(body) as Root;
  } catch (error) {
    // Sätteri's MDX errors start with the place: "3:1: Expected a closing tag for `<Finding>` (3:1) ...".
    const message = error instanceof Error ? error.message : String(error);
    const place = /^(\d+):\d+:\s*/.exec(message);
    return {
      mode,
      paragraphs: [],
      problems: [
        {
          file,
          line: place ? Number(place[1]) + lineOffset : undefined,
          message: `the MDX cannot be read: ${place ? message.slice(place[0].length) : message}`,
          fix: 'check the tags and braces on that line.',
        },
      ],
    };
  }
  return paragraphsFromTree(tree, options);
}

/**
 * Reads the numbered paragraphs and their annotations from a parsed MDX tree (Sätteri's mdast,
 * which has the shape of remark-parse with remark-mdx).
 */
export function paragraphsFromTree(tree: Root, options: ParseOptions): ReportParagraphs {
  const { file, lineOffset = 0, mode = 'site' } = options;
  const paragraphs: ReportParagraph[] = [];
  const problems: ContentProblem[] = [];
  const numberer = new ParagraphNumberer(mode);
  const lineOf = (node: { position?: { start: { line: number } } }): number => (node.position?.start.line ?? 1) + lineOffset;
  let heading: string | undefined;

  /** Inside <Part of="s1">: the block numbered as a further part of s1 (s1b). */
  let partOf: string | undefined;
  /** Inside <Footnote> or <OfstedNotice>: what the blocks there are. */
  let role: { role: 'footnote' | 'notice'; mark?: string; of?: string; line: number } | undefined;
  const footnoteParagraphs: Array<{ paragraph: ReportParagraph; of: string; mark: string; line: number }> = [];
  const headings = new Map<string, string>();

  function number(node: Paragraph | ListItem, annotation: Annotation | undefined): void {
    const kind = node.type === 'listItem' ? 'list-item' : 'paragraph';
    // A list item's words are its own: a list nested in it is its items', numbered after it.
    const own = node.type === 'listItem' ? node.children.filter((child) => child.type !== 'list') : [node];
    const text = own
      .map((child) => toString(child, { includeHtml: false }))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    const line = lineOf(node);
    const { ref, id, problem } = partOf !== undefined ? numberer.part(partOf) : numberer.next({ kind, text });
    partOf = undefined;
    if (problem) problems.push({ file, line, ...problem });
    paragraphs.push({
      id,
      ref,
      position: paragraphs.length + 1,
      text,
      kind,
      heading,
      line,
      themes: annotation?.themes ?? [],
      progress: annotation?.progress ?? [],
      note: annotation?.note,
      suggested: annotation?.suggested ?? false,
      annotationLine: annotation?.line,
      ...(role ? { role: role.role } : {}),
    });
    if (role?.role === 'footnote' && role.mark !== undefined && role.of !== undefined) {
      footnoteParagraphs.push({ paragraph: paragraphs[paragraphs.length - 1]!, of: role.of, mark: role.mark, line: role.line });
    }
  }

  /** <Footnote mark="3" of="p44-12"> or <OfstedNotice>: exactly one paragraph, no annotation. */
  function readRole(element: MdxJsxFlowElement | MdxJsxTextElement, annotation: Annotation | undefined): boolean {
    const line = lineOf(element);
    const footnote = element.name === FOOTNOTE_COMPONENT;
    const name = `<${element.name}>`;
    if (element.type === 'mdxJsxTextElement' || annotation || role) {
      problems.push({ file, line, message: `${name} must stand on its own lines, outside any other component, around one paragraph.`, fix: `put ${name} and its closing tag on their own lines, with a blank line between them and the paragraph.` });
      return false;
    }
    const known = new Set(footnote ? ['mark', 'of'] : []);
    for (const attr of element.attributes) {
      if (attr.type !== 'mdxJsxAttribute' || !known.has(attr.name) || typeof attr.value !== 'string') {
        const attrName = attr.type === 'mdxJsxAttribute' ? attr.name : '{...}';
        problems.push({ file, line, message: `${name} has an unknown or unquoted attribute ${attrName}.`, fix: footnote ? 'write <Footnote mark="1" of="p62">: the mark as printed, and the anchor (or heading id, or "title") that carries it.' : 'write <OfstedNotice> without attributes.' });
      }
    }
    const mark = footnote ? stringAttribute(element as MdxJsxFlowElement, 'mark') : undefined;
    const of = footnote ? stringAttribute(element as MdxJsxFlowElement, 'of') : undefined;
    if (footnote && (mark === undefined || !/^[0-9*†‡a-z]{1,3}$/.test(mark) || of === undefined || of === '')) {
      problems.push({ file, line, message: '<Footnote> needs its mark as printed and what carries it.', fix: 'write <Footnote mark="1" of="p62">, of being a paragraph anchor, a heading’s id, or "title".' });
    }
    const blocks = element.children.filter((child) => child.type === 'paragraph');
    if (blocks.length !== 1 || element.children.length !== 1) {
      problems.push({ file, line, message: `${name} must wrap exactly one paragraph, and this one wraps ${describe(element.children as RootContent[])}.`, fix: `give each footnote or notice its own ${name}.` });
    }
    role = { role: footnote ? 'footnote' : 'notice', mark, of, line };
    return true;
  }

  function readAnnotation(element: MdxJsxFlowElement): Annotation {
    const line = lineOf(element);
    const known = new Set(['themes', 'progress', 'note', 'suggested']);
    for (const attr of element.attributes) {
      if (attr.type !== 'mdxJsxAttribute' || !known.has(attr.name)) {
        const name = attr.type === 'mdxJsxAttribute' ? attr.name : '{...}';
        problems.push({ file, line, message: `<${ANNOTATION_COMPONENT}> has an unknown attribute ${name}.`, fix: 'use only themes, progress, note and suggested.' });
      } else if (attr.name === 'suggested') {
        if (attr.value !== null && attr.value !== undefined) {
          problems.push({ file, line, message: '`suggested` takes no value.', fix: 'write the bare word suggested, or remove it once the themes are checked.' });
        }
      } else if (typeof attr.value !== 'string') {
        problems.push({ file, line, message: `<${ANNOTATION_COMPONENT}> attribute ${attr.name} must be a plain quoted string.`, fix: `write ${attr.name}="...".` });
      }
    }
    const { claims, malformed } = parseProgress(stringAttribute(element, 'progress'));
    for (const part of malformed) {
      problems.push({
        file,
        line,
        message: `progress entry "${part}" is not of the form "weakness-id: status".`,
        fix: 'write, e.g., progress="supervision: improved, high-caseloads: some-progress".',
      });
    }
    const suggested = element.attributes.some((attr) => attr.type === 'mdxJsxAttribute' && attr.name === 'suggested');
    return { themes: parseThemes(stringAttribute(element, 'themes')), progress: claims, note: stringAttribute(element, 'note'), suggested, line };
  }

  function walk(node: RootContent, annotation: Annotation | undefined, insideListItem: boolean): void {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (node.name !== null && UNNUMBERED_COMPONENTS.has(node.name)) return;
      if (node.name === PART_COMPONENT) {
        const of = stringAttribute(node as MdxJsxFlowElement, 'of');
        const only = node.children.length === 1 && node.children[0]!.type === 'paragraph';
        if (node.type === 'mdxJsxTextElement' || of === undefined || !only) {
          problems.push({ file, line: lineOf(node), message: `<${PART_COMPONENT}> must wrap one paragraph and name the anchor it is a further part of.`, fix: `write <${PART_COMPONENT} of="s1"> on its own line, the paragraph, then </${PART_COMPONENT}>.` });
          return;
        }
        partOf = of;
        for (const child of node.children) walk(child as RootContent, annotation, insideListItem);
        return;
      }
      if (node.name === FOOTNOTE_COMPONENT || node.name === NOTICE_COMPONENT) {
        if (readRole(node, annotation)) {
          for (const child of node.children) walk(child as RootContent, annotation, insideListItem);
          role = undefined;
        }
        return;
      }
      if (node.name === ANNOTATION_COMPONENT) {
        const where = lineOf(node);
        if (node.type === 'mdxJsxTextElement') {
          problems.push({
            file,
            line: where,
            message: `<${ANNOTATION_COMPONENT}> is inside a sentence: an annotation must wrap a whole paragraph or list.`,
            fix: `put <${ANNOTATION_COMPONENT} ...> and </${ANNOTATION_COMPONENT}> on their own lines, with a blank line between them and the paragraph.`,
          });
          return;
        }
        if (annotation) {
          problems.push({ file, line: where, message: `<${ANNOTATION_COMPONENT}> is nested inside another.`, fix: 'annotate each paragraph once, with all its themes and progress in one tag.' });
          return;
        }
        const blocks = node.children.filter((child) => child.type === 'paragraph' || child.type === 'list');
        const others = node.children.filter((child) => child.type !== 'paragraph' && child.type !== 'list');
        if (blocks.length !== 1 || others.length > 0) {
          problems.push({
            file,
            line: where,
            message: `annotation outside a paragraph: <${ANNOTATION_COMPONENT}> must wrap exactly one paragraph or one list, and this one wraps ${describe(node.children)}.`,
            fix: `move the tags so that they wrap a single paragraph (or list), with blank lines around it.`,
          });
          return;
        }
        const current = readAnnotation(node);
        for (const child of node.children) walk(child, current, insideListItem);
        return;
      }
    }
    // A heading is not numbered; the blocks after it are under it (its children are still walked,
    // for a misplaced inline <Finding>). Its slug is what a footnote's `of` may name.
    if (node.type === 'heading') {
      headings.set(headingSlug(toString(node)), toString(node));
      heading = toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
    }
    if (node.type === 'paragraph') {
      if (!insideListItem) number(node, annotation);
      // Only an inline <Finding> can hide inside a paragraph, and it is always a mistake.
      for (const child of node.children) walk(child as RootContent, annotation, insideListItem);
      return;
    }
    if (node.type === 'listItem') {
      number(node, annotation);
      for (const child of node.children) walk(child, annotation, true);
      return;
    }
    if (node.type === 'list') {
      // `6. The current ...` without the backslash is a Markdown ordered list, not Ofsted's paragraph 6.
      if (mode !== 'site' && node.ordered && (node.start ?? 1) > 1) {
        problems.push({
          file,
          line: lineOf(node),
          message: `a numbered list starting at ${node.start}: in a report with Ofsted’s paragraph numbers, this is probably paragraph ${node.start} with its full stop unescaped.`,
          fix: `write it as “${node.start}\\. ...” (a backslash before the full stop), so that it stays a paragraph with its number.`,
        });
      }
      for (const child of (node as List).children) walk(child, annotation, insideListItem);
      return;
    }
    if ('children' in node) {
      for (const child of node.children as RootContent[]) walk(child, annotation, insideListItem);
    }
  }

  for (const child of tree.children) walk(child, undefined, false);
  // What each footnote belongs to must be on the page: a paragraph of this report, a heading, or the title.
  const ids = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  for (const { paragraph, of, mark, line } of footnoteParagraphs) {
    const target = ids.get(of);
    const ref = parseParagraphId(of);
    let ofLabel: string | undefined;
    if (target && ref && target !== paragraph) ofLabel = paragraphLabel(ref);
    else if (of === TITLE_TARGET) ofLabel = 'the report’s title';
    else if (headings.has(of)) ofLabel = `the heading “${headings.get(of)!}”`;
    if (ofLabel === undefined) {
      problems.push({ file, line, message: `<Footnote of="${of}">: this report has no paragraph, heading or title “${of}” to carry the mark.`, fix: 'write the anchor of the paragraph that carries the mark (p44-12), the id of the heading (what-needs-to-improve), or "title".' });
    } else {
      paragraph.footnote = { mark, of, ofLabel };
    }
  }
  return { mode, paragraphs, problems };
}

function describe(children: readonly RootContent[]): string {
  if (children.length === 0) return 'nothing';
  const names = children.map((child) => {
    if (child.type === 'heading') return 'a heading';
    if (child.type === 'paragraph') return 'a paragraph';
    if (child.type === 'list') return 'a list';
    if (child.type === 'mdxJsxFlowElement') return `<${child.name ?? ''}>`;
    return child.type;
  });
  return names.join(', ');
}
