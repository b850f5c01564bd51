import { compile } from '@mdx-js/mdx';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import rehypeParagraphAnchors, { PARAGRAPH_LINK_CLASS } from '../../src/plugins/rehype-paragraph-anchors.ts';

/** Runs the plugin inside the real MDX pipeline and returns the tree it produced. */
async function anchorTree(mdx: string): Promise<Root> {
  let tree: Root | undefined;
  await compile(mdx, {
    rehypePlugins: [
      rehypeParagraphAnchors,
      () => (result: Root) => {
        tree = structuredClone(result);
      },
    ],
  });
  if (!tree) throw new Error('the pipeline did not run');
  return tree;
}

function numbered(tree: Root): Array<{ id: string; tag: string; text: string }> {
  return selectAll('[id]', tree).map((node: Element) => ({
    id: String(node.properties.id),
    tag: node.tagName,
    text: toText(node),
  }));
}

const LETTER = `<LetterHead>

17 July 2025

Dear Tina

</LetterHead>

First paragraph.

## A heading

Second paragraph, with *emphasis*.

- A list item.
- Another, with a nested list:
  - Nested item.

<Finding>

A paragraph inside an annotation.

</Finding>

<SignOff>

Yours sincerely

</SignOff>
`;

describe('rehype-paragraph-anchors', () => {
  it('numbers paragraphs and list items p1, p2, ... in document order, skipping the letter head and sign-off', async () => {
    const ids = numbered(await anchorTree(LETTER));
    expect(ids.map(({ id, tag }) => `${id}:${tag}`)).toEqual([
      'p1:p',
      'p2:p',
      'p3:li',
      'p4:li',
      'p5:li',
      'p6:p',
    ]);
    expect(ids[0]?.text).toBe('Link to paragraph 1First paragraph.');
    expect(ids[5]?.text).toContain('A paragraph inside an annotation.');
  });

  it('gives each numbered block a permalink whose accessible name says which paragraph', async () => {
    const tree = await anchorTree('One.\n\nTwo.\n');
    const links = selectAll(`a.${PARAGRAPH_LINK_CLASS}`, tree);
    expect(links.map((link) => [link.properties.href, toText(link)])).toEqual([
      ['#p1', 'Link to paragraph 1'],
      ['#p2', 'Link to paragraph 2'],
    ]);
    expect(links.every((link) => link.properties.dataPagefindIgnore === '')).toBe(true);
  });

  it('titles each numbered block for Pagefind, with the themes of the <Finding> around it', async () => {
    const tree = await anchorTree('One.\n\n<Finding themes="workforce, education">\n\n- Two.\n- Three.\n\n</Finding>\n\nFour.\n');
    expect(selectAll('[id]', tree).map((node) => [node.properties.id, node.properties.dataPagefindTitle])).toEqual([
      ['p1', 'Paragraph 1'],
      ['p2', 'Paragraph 2 [workforce, education]'],
      ['p3', 'Paragraph 3 [workforce, education]'],
      ['p4', 'Paragraph 4'],
    ]);
  });

  it('does not number a paragraph inside a loose list item twice', async () => {
    const ids = numbered(await anchorTree('- Loose item one.\n\n- Loose item two.\n'));
    expect(ids.map(({ id, tag }) => `${id}:${tag}`)).toEqual(['p1:li', 'p2:li']);
  });

  it('starts again at p1 for every document', async () => {
    await anchorTree('A.\n\nB.\n\nC.\n');
    const ids = numbered(await anchorTree('Only one.\n'));
    expect(ids.map(({ id }) => id)).toEqual(['p1']);
  });
});
