/**
 * Sätteri hast plugin: gives every numbered block of a report its permanent anchor on the page.
 *
 * Which blocks are numbered and how the anchors are spelled is the paragraph contract
 * (src/lib/paragraph-numbering.ts): p1, p2, ... for a letter; Ofsted's own pN, with pN-k and sK
 * for the blocks between, in a report whose frontmatter says `paragraphNumbers: ofsted`. The
 * anchors are public: a published `#p12` must always reach the same words, which the committed
 * anchor manifest (content/anchors.json) enforces.
 *
 * Each numbered element gets:
 * - its id, and a visible, keyboard-reachable permalink ("Link to paragraph N") in the margin;
 * - `data-pagefind-title`: Pagefind (1.6) splits a page's search result into sub-results on
 *   elements with an id and that attribute, so a result lists the matching paragraphs of a
 *   report, each linking to its own anchor. Inside a `<Finding themes="...">`, the title also
 *   carries the theme ids (`Paragraph N [a, b]`), read with the record's parser.
 *
 * How it uses Sätteri (pinned in package.json: its plugin API is 0.x): the plugin is a factory,
 * called once per compiled file, so the numbering starts again for each document. The element
 * visitor is filtered to `p` and `li`, so only those cross from Rust to JavaScript; it walks up
 * with `ctx.parent` to skip what the contract leaves unnumbered and to find the `<Finding>`
 * around a block. Visitors run in document order, which the numbering relies on (the unit test
 * checks it). The mode comes from the file's frontmatter, which @astrojs/markdown-satteri hands to
 * plugins as `data.astro.frontmatter`; the record checks the mode the paragraphs were read with
 * against the frontmatter it validated.
 *
 * Numbering problems (a gap or repeat in Ofsted's numbers) are not thrown here: the paragraph
 * reader (src/plugins/mdast-collect-paragraphs.ts), which runs in the same compile and follows the
 * same contract, reports them with file and line, and the record fails the build listing them
 * with every other content problem (a throw here would stop at the first).
 */
import type { Element, ElementContent, Parents } from 'hast';
import type { HastPluginDefinition, HastVisitorContext, PluginFactoryContext } from 'satteri';
import { parseThemes, stringAttribute } from '../lib/annotations.ts';
import {
  ANNOTATION_COMPONENT,
  numberingModeOfCompile,
  paragraphId,
  paragraphLabel,
  paragraphMarker,
  paragraphSearchTitle,
  ParagraphNumberer,
  UNNUMBERED_COMPONENTS,
  type NumberingMode,
  type ParagraphRef,
} from '../lib/paragraph-numbering.ts';

/** The class of the permalink control, for styling and for tests. */
export const PARAGRAPH_LINK_CLASS = 'paragraph-link';

function hidden(text: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: text }] };
}

function permalink(ref: ParagraphRef): Element {
  // "Link to paragraph 12", the visible part being the number. The other forms say in full which
  // block they are ("Link to paragraph 6, point 2") and show a short marker ("6-2") that screen
  // readers skip, so that the name is not read twice.
  const children: ElementContent[] =
    ref.kind === 'paragraph'
      ? [hidden('Link to paragraph '), { type: 'text', value: String(ref.number) }]
      : [
          hidden(`Link to ${paragraphLabel(ref)}`),
          { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: paragraphMarker(ref) }] },
        ];
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: [PARAGRAPH_LINK_CLASS],
      href: `#${paragraphId(ref)}`,
      // Search excerpts and the anchor manifest must hold the letter's words only.
      dataPagefindIgnore: '',
    },
    children,
  };
}

interface Place {
  /** Inside <LetterHead> or <SignOff>, or a paragraph inside a list item. */
  skip: boolean;
  /** The themes of the <Finding> around the block. */
  themes: string[];
}

/** Where a `p` or `li` sits, found by walking up its ancestors. */
function place(node: Readonly<Element>, ctx: HastVisitorContext): Place {
  let themes: string[] = [];
  let foundFinding = false;
  for (let ancestor: Readonly<Parents> | undefined = ctx.parent(node); ancestor; ancestor = ctx.parent(ancestor)) {
    if (ancestor.type === 'mdxJsxFlowElement' || ancestor.type === 'mdxJsxTextElement') {
      const name = ancestor.name ?? '';
      if (UNNUMBERED_COMPONENTS.has(name)) return { skip: true, themes };
      if (name === ANNOTATION_COMPONENT && !foundFinding) {
        foundFinding = true;
        themes = parseThemes(stringAttribute(ancestor, 'themes'));
      }
    } else if (ancestor.type === 'element' && ancestor.tagName === 'li' && node.tagName === 'p') {
      return { skip: true, themes };
    }
  }
  return { skip: false, themes };
}

/** The plugin for one document, numbered in the given mode. */
function paragraphAnchorsPlugin(mode: NumberingMode): HastPluginDefinition {
  const numberer = new ParagraphNumberer(mode);
  return {
    name: 'paragraph-anchors',
    element: {
      filter: ['p', 'li'],
      visit(node, ctx) {
        const where = place(node, ctx);
        if (where.skip) return;
        const kind = node.tagName === 'li' ? 'list-item' : 'paragraph';
        // Only Ofsted's numbering reads the words (does the paragraph start "6. "?); in a letter,
        // a paragraph that looks numbered is the reader's to report, not the page's.
        const { ref, id } = numberer.next({ kind, text: mode === 'site' ? '' : ctx.textContent(node) });
        const existing = node.properties.id;
        if (existing !== undefined && existing !== id) {
          throw new Error(`The block anchored ${id} already has the id "${String(existing)}"; paragraph ids are assigned automatically, remove it.`);
        }
        ctx.setProperty(node, 'id', id);
        ctx.setProperty(node, 'dataPagefindTitle', paragraphSearchTitle(ref, where.themes));
        ctx.prependChild(node, permalink(ref));
      },
    },
  };
}

/** The Sätteri plugin entry: a factory, called once per compiled file. */
export default function hastParagraphAnchors(ctx: PluginFactoryContext): HastPluginDefinition {
  return paragraphAnchorsPlugin(numberingModeOfCompile(ctx.data));
}
