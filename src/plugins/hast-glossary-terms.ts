/**
 * Sätteri hast plugin: links the first use on a report page of each glossary term to its entry on
 * /glossary/, with the term's expansion available beside it, without changing the letter's words.
 *
 * The matching (which words are a term, first use per page) is src/lib/glossary/matching.ts, shared with
 * the theme and weakness pages (src/components/GlossaryText.astro), which render the same markup
 * (`termMarkup`):
 *
 *   <a class="term" href="/glossary/#mash" aria-label="MASH (multi-agency safeguarding hub)"
 *     data-expansion="multi-agency safeguarding hub">MASH</a>
 *
 * - The link's text is the letter's own words and nothing else, so the words of the paragraph (the
 *   anchor manifest, src/lib/record/anchor-manifest.ts paragraphText), the search index and what a reader copies
 *   do not change: the expansion is in attributes only, never in the text flow. (It used to be a
 *   visually hidden span after the term, which Chromium copied with the words, glued on, and
 *   which cut a triple-click's selection short at the term.)
 * - Screen readers read the link's name, the term then its expansion, where the term is in the
 *   text, and on Tab.
 * - On screen, hovering or focusing the link shows the expansion inline, right after the term, as
 *   CSS generated content (`content: ... / ""`, so that it is not read a second time; generated
 *   content is never selected or copied; src/styles/glossary.css), rather than as a tooltip over the
 *   text. WCAG 2.2 1.4.13 asks that content shown on hover or focus can be dismissed without moving
 *   the pointer or focus, unless it obscures nothing: a tooltip would need a script for Escape,
 *   and the theme and weakness pages load no script. Shown inline it covers nothing, stays while
 *   the pointer is on the term or on the expansion itself (it is part of the link's box:
 *   hoverable), and until focus or pointer leaves (persistent). The term does not move when the
 *   expansion appears (the text after it does).
 * - On a phone a tap follows the link to the glossary entry, which gives the definition too.
 * - Printed, the expansion is always shown, in brackets.
 * A term with no expansion (a phrase such as "section 47") is a plain link to its definition.
 *
 * Never marked: headings, links (the permalink controls among them), anything the site adds
 * (data-pagefind-ignore), code, and the letter head and sign-off (<LetterHead>, <SignOff>).
 * Text nodes are visited in document order, so "first use" is the first in the letter.
 */
import type { Element, ElementContent, Parents, Text } from 'hast';
import type { HastPluginDefinition, HastVisitorContext, PluginFactoryContext } from 'satteri';
import { glossaryMatcher, segmentText, TERM_CLASS, termMarkup, type GlossaryMatcher, type GlossaryTerm } from '../lib/glossary/matching.ts';
import { UNNUMBERED_COMPONENTS } from '../lib/record/paragraph-numbering.ts';
import { glossaryTermPath, withBase } from '../lib/site/urls.ts';

export interface GlossaryTermsOptions {
  terms: readonly GlossaryTerm[];
  /** The site's base path (`/` or `/inspections/`), for the links. */
  base: string;
}

/** The class of a marked term's link, for styling and for tests. */

const SKIPPED_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'button', 'code', 'pre', 'script', 'style']);

/** Whether a text node is somewhere a term must not be marked. */
function skipped(node: Readonly<Text>, ctx: HastVisitorContext): boolean {
  for (let ancestor: Readonly<Parents> | undefined = ctx.parent(node); ancestor; ancestor = ctx.parent(ancestor)) {
    if (ancestor.type === 'element') {
      if (SKIPPED_TAGS.has(ancestor.tagName) || ancestor.properties.dataPagefindIgnore !== undefined) return true;
    } else if (ancestor.type === 'mdxJsxFlowElement' || ancestor.type === 'mdxJsxTextElement') {
      if (UNNUMBERED_COMPONENTS.has(ancestor.name ?? '')) return true;
    }
  }
  return false;
}

/** The link for one use of a term (the markup described above, `termMarkup`). */
export function termElements(used: string, term: GlossaryTerm, base: string): ElementContent[] {
  const { text, href, label, expansion } = termMarkup(used, term, withBase(base, glossaryTermPath(term.id)));
  return [
    {
      type: 'element',
      tagName: 'a',
      properties: { className: [TERM_CLASS], href, ...(label && { ariaLabel: label }), ...(expansion && { dataExpansion: expansion }) },
      children: [{ type: 'text', value: text }],
    },
  ];
}

function glossaryTermsPlugin(matcher: GlossaryMatcher, base: string): HastPluginDefinition {
  const seen = new Set<string>();
  return {
    name: 'glossary-terms',
    text(node, ctx) {
      if (seen.size === matcher.terms.length || skipped(node, ctx)) return;
      const pieces = segmentText(node.value, matcher, seen);
      if (pieces.every((piece) => !piece.term)) return;
      ctx.replaceNode(
        node,
        pieces.flatMap((piece): ElementContent[] => (piece.term ? termElements(piece.text, piece.term, base) : [{ type: 'text', value: piece.text }])),
      );
    },
  };
}

/**
 * The plugin for astro.config.mjs: given the glossary and the base once, it returns the factory
 * Sätteri calls for each compiled file, so the first use is counted again on every page.
 */
export default function hastGlossaryTerms(options: GlossaryTermsOptions): (ctx: PluginFactoryContext) => HastPluginDefinition {
  const matcher = glossaryMatcher(options.terms);
  return () => glossaryTermsPlugin(matcher, options.base);
}
