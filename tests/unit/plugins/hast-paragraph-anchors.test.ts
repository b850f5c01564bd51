/**
 * The hast plugin inside the real Sätteri MDX pipeline (tests/helpers/satteri.ts), as the build
 * runs it: which blocks get which anchors, their permalinks and their Pagefind titles.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { paragraphText } from '../../../src/lib/record/anchor-manifest.ts';
import hastParagraphAnchors, { PARAGRAPH_LINK_CLASS } from '../../../src/plugins/hast-paragraph-anchors.ts';
import { compileMdx, staticHtml } from '../../helpers/satteri.ts';

/** Runs the plugin in the pipeline and returns the tree it produced. */
async function anchorTree(mdx: string, frontmatter: Record<string, unknown> = {}): Promise<Root> {
  return (await compileMdx(mdx, { hastPlugins: [hastParagraphAnchors], frontmatter })).tree;
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

describe('hast-paragraph-anchors (Sätteri)', () => {
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
    // The permalink holds no text (its number is CSS generated content), so the block's text is its words.
    expect(ids[0]?.text).toBe('First paragraph.');
    expect(ids[5]?.text).toContain('A paragraph inside an annotation.');
  });

  it('gives each numbered block a permalink whose accessible name says which paragraph, and no text to copy', async () => {
    const tree = await anchorTree('One.\n\nTwo.\n');
    const links = selectAll(`a.${PARAGRAPH_LINK_CLASS}`, tree);
    expect(links.map((link) => [link.properties.href, link.properties.ariaLabel, link.properties.dataNumber, toText(link)])).toEqual([
      ['#p1', 'Link to paragraph 1', '1', ''],
      ['#p2', 'Link to paragraph 2', '2', ''],
    ]);
    expect(links.every((link) => link.properties.dataPagefindIgnore === '')).toBe(true);
  });

  it('numbers the blocks inside a <Finding> like any other, and titles none for a search index (search reads the open data)', async () => {
    const tree = await anchorTree('One.\n\n<Finding themes="workforce, education">\n\n- Two.\n- Three.\n\n</Finding>\n\nFour.\n');
    expect(selectAll('[id]', tree).map((node) => [node.properties.id, node.properties.dataPagefindTitle])).toEqual([
      ['p1', undefined],
      ['p2', undefined],
      ['p3', undefined],
      ['p4', undefined],
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

  it('writes the attributes into the compiled module as the page renders them', async () => {
    const { code } = await compileMdx('<Finding themes="workforce">\n\nOne.\n\n</Finding>\n', { hastPlugins: [hastParagraphAnchors] });
    const html = staticHtml(code);
    expect(html).toContain('<p id="p1">');
    expect(html).not.toContain('data-pagefind-title');
    expect(html).toContain('data-pagefind-ignore=""');
  });

  it('hands each <Finding> the anchors of the blocks it wraps, as its `anchors` prop, in the compiled module', async () => {
    const mdx = 'Intro.\n\n<Finding themes="workforce">\n\nOne.\n\n- a\n- b\n\n</Finding>\n\nMid.\n\n<Finding themes="plans">\n\nTwo.\n\n</Finding>\n';
    const { code } = await compileMdx(mdx, { hastPlugins: [hastParagraphAnchors] });
    const props = [...code.matchAll(/_jsx\(Finding, \{\s*themes: "([^"]+)",\s*anchors: "([^"]*)"/g)].map((match) => [match[1], match[2]]);
    expect(props).toEqual([
      ['workforce', 'p2 p3 p4'],
      ['plans', 'p6'],
    ]);
  });

  it('keeps the letters’ quotation marks and dashes as written (no smart punctuation)', async () => {
    const tree = await anchorTree('He said "no" -- and it\'s done...\n');
    expect(paragraphText(select('p', tree)!)).toBe('He said "no" -- and it\'s done...');
  });
});

/** A report that numbers its own paragraphs: the body of tests/fixtures/numbered-report. */
const NUMBERED_REPORT = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/numbered-report/2018-06-inspection.mdx'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

describe('hast-paragraph-anchors in a report that numbers its own paragraphs', () => {
  it('anchors Ofsted’s paragraph N as pN, the blocks after it pN-k, and the summary sK', async () => {
    const tree = await anchorTree(NUMBERED_REPORT, { paragraphNumbers: 'ofsted' });
    expect(numbered(tree).map(({ id, tag }) => `${id}:${tag}`)).toEqual([
      's1:p',
      's2:p',
      's3:li',
      's4:li',
      'p1:p',
      'p2:p',
      'p2-1:li',
      'p2-2:li',
      'p2-3:p',
      'p3:p',
      'p4:p',
    ]);
    const p2 = select('#p2', tree)!;
    // The number stays in the words, as printed.
    expect(paragraphText(p2)).toBe('2. The current arrangements for the front door are not fully collaborative:');
  });

  it('gives a further part of a published block, <Part of="s1">, that anchor with a letter, and moves no other anchor (issue 22, item 7)', async () => {
    const mdx = `The first part.\n\n<Part of="s1">\n\nThe second part.\n\n</Part>\n\nThe summary’s second paragraph.\n\n1\\. One.\n`;
    const tree = await anchorTree(mdx, { paragraphNumbers: 'ofsted' });
    expect(numbered(tree).map(({ id, text }) => `${id}:${text}`)).toEqual(['s1:The first part.', 's1b:The second part.', 's2:The summary’s second paragraph.', 'p1:1. One.']);
    expect(select('#s1b > a', tree)!.properties.ariaLabel).toBe('Link to summary, paragraph 1b');
  });

  it('names the other forms in full for screen readers, with a short visible marker', async () => {
    const tree = await anchorTree(NUMBERED_REPORT, { paragraphNumbers: 'ofsted' });
    const link = (id: string): Element => select(`#${id} > a.${PARAGRAPH_LINK_CLASS}`, tree)!;
    const shown = (id: string) => [link(id).properties.href, link(id).properties.ariaLabel, link(id).properties.dataNumber, toText(link(id))];
    expect(shown('p2')).toEqual(['#p2', 'Link to paragraph 2', '2', '']);
    expect(shown('p2-1')).toEqual(['#p2-1', 'Link to paragraph 2, point 1', '2-1', '']);
    expect(shown('s1')).toEqual(['#s1', 'Link to summary, paragraph 1', 's1', '']);
  });

  it('keeps Ofsted’s printed number in the paragraph’s words', async () => {
    const tree = await anchorTree(NUMBERED_REPORT, { paragraphNumbers: 'ofsted' });
    expect(paragraphText(select('#p2', tree)!)).toMatch(/^2\. The current arrangements/);
  });

  it('numbers the same text p1, p2, ... when the frontmatter does not say ofsted', async () => {
    const ids = numbered(await anchorTree(NUMBERED_REPORT));
    expect(ids.map(({ id }) => id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11']);
  });
});
