/**
 * Reads an MDX body back into its text blocks (headings, paragraphs, list items, in order) the
 * way the site's Markdown parser sees them, looking through any component that wraps them
 * (<LetterHead>, <Finding>, <SignOff>). The parser is the build's own, Sätteri, with the features
 * astro.config.mjs gives it, so that the check reads the MDX exactly as the site will.
 *
 * The importer uses it to prove that what it wrote renders as exactly the words it meant to
 * write (every escape undone, nothing read as syntax); the tests use it to compare an import
 * with a hand-made reference file.
 */
import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';

export interface TextBlock {
  type: 'heading' | 'paragraph' | 'list-item';
  /** The words; a hard line break is a newline. */
  text: string;
}

/** As astro.config.mjs has them; positions are never read here. */
const PARSE_OPTIONS = { features: { smartPunctuation: false }, position: false } as const;

/** The text of a node, with hard breaks as newlines (mdast-util-to-string drops them). */
function textOf(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** Removes a YAML frontmatter block, if there is one. */
export function stripFrontmatter(mdx: string): string {
  return mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Throws (with the parser's message) if the body is not valid MDX. */
export function mdxBlocks(body: string): TextBlock[] {
  const tree = mdxToMdast(body, PARSE_OPTIONS) as unknown as Root;
  const blocks: TextBlock[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') blocks.push({ type: 'heading', text: textOf(node) });
    else if (node.type === 'paragraph') blocks.push({ type: 'paragraph', text: textOf(node) });
    else if (node.type === 'listItem') {
      // A list item's words are its own; a list nested in it follows as its own items.
      blocks.push({ type: 'list-item', text: node.children.filter((child) => child.type !== 'list').map(textOf).join('\n') });
      for (const child of node.children) if (child.type === 'list') visit(child);
    }
    else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return blocks;
}
