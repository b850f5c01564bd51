/**
 * rehype plugin: give every paragraph and list item of a report its permanent anchor.
 *
 * Paragraphs and list items are numbered `p1`, `p2`, ... in document order (DESIGN.md §3), and
 * each gets a visible, keyboard-reachable "Link to paragraph N" control. The numbers are part of
 * the public contract: a published `#p12` must always reach the same words, which the committed
 * anchor manifest (content/anchors.json) enforces.
 *
 * What is not numbered:
 * - a paragraph inside a list item (the list item carries the number);
 * - the letter's head and sign-off (address, salutation, "Yours sincerely"), which editors wrap
 *   in `<LetterHead>` and `<SignOff>`: they are not findings and nobody cites them.
 *
 * Each numbered element also gets `data-pagefind-title="Paragraph N"`: Pagefind (1.6) splits a
 * page's search result into sub-results on elements with an id and that attribute, so a search
 * result lists the matching paragraphs of a report, each linking to its own anchor. Inside a
 * `<Finding themes="...">`, the title also carries the theme ids (`Paragraph N [a, b]`, see
 * src/lib/search-records.ts), read with the same parser as the record's.
 *
 * The counter lives in the transformer, so each document starts again at p1.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { ANNOTATION_COMPONENT, parseThemes, stringAttribute } from '../lib/annotations.ts';
import { paragraphSearchTitle } from '../lib/search-records.ts';

/** MDX components whose content is part of the letter but carries no paragraph numbers. */
export const UNNUMBERED_COMPONENTS: ReadonlySet<string> = new Set(['LetterHead', 'SignOff']);

/** The class of the permalink control, for styling and for tests. */
export const PARAGRAPH_LINK_CLASS = 'paragraph-link';

export function paragraphId(n: number): string {
  return `p${n}`;
}

type AnyNode = Root | RootContent | ElementContent;

interface MdxJsxElementLike {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<{ type: string; name?: string; value?: unknown }>;
  children: RootContent[];
}

function isMdxJsxElement(node: AnyNode): node is AnyNode & MdxJsxElementLike {
  const type = (node as { type: string }).type;
  return type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement';
}

function permalink(n: number): Element {
  const id = paragraphId(n);
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: [PARAGRAPH_LINK_CLASS],
      href: `#${id}`,
      // Search excerpts and the anchor manifest must hold the letter's words only.
      dataPagefindIgnore: '',
    },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'] },
        children: [{ type: 'text', value: 'Link to paragraph ' }],
      },
      { type: 'text', value: String(n) },
    ],
  };
}

export default function rehypeParagraphAnchors() {
  return function transformer(tree: Root): void {
    let count = 0;

    function walk(node: AnyNode, insideListItem: boolean, themes: string[]): void {
      if (isMdxJsxElement(node) && node.name !== null && UNNUMBERED_COMPONENTS.has(node.name)) {
        return;
      }
      let childrenThemes = themes;
      if (isMdxJsxElement(node) && node.name === ANNOTATION_COMPONENT) {
        childrenThemes = parseThemes(stringAttribute(node, 'themes'));
      }
      let childrenInsideListItem = insideListItem;
      if (node.type === 'element') {
        const numbered = node.tagName === 'li' || (node.tagName === 'p' && !insideListItem);
        if (numbered) {
          count += 1;
          const existing = node.properties.id;
          if (existing !== undefined && existing !== paragraphId(count)) {
            throw new Error(
              `Paragraph ${count} already has the id "${String(existing)}"; paragraph ids are assigned automatically, remove it.`,
            );
          }
          node.properties.id = paragraphId(count);
          node.properties.dataPagefindTitle = paragraphSearchTitle(count, themes);
          node.children.unshift(permalink(count));
        }
        if (node.tagName === 'li') childrenInsideListItem = true;
      }
      if ('children' in node) {
        // The permalink just prepended holds no p or li, so walking it numbers nothing.
        for (const child of node.children) walk(child, childrenInsideListItem, childrenThemes);
      }
    }

    walk(tree, false, []);
  };
}
