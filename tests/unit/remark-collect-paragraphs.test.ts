/**
 * The remark plugin inside the real MDX pipeline: it must hand over the same paragraphs and
 * annotations as parseParagraphs reads from text, with lines of the file, on the frontmatter
 * Astro exports.
 */
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { parseParagraphs } from '../../src/lib/paragraphs.ts';
import remarkCollectParagraphs, { collectedParagraphs, COLLECTED_PARAGRAPHS_KEY } from '../../src/plugins/remark-collect-paragraphs.ts';

/** Compiles as @astrojs/mdx does: the frontmatter blanked to empty lines, data.astro.frontmatter set. */
async function collect(source: string): Promise<Record<string, unknown>> {
  const frontmatter: Record<string, unknown> = { title: 'A letter' };
  await compile({ value: source, data: { astro: { frontmatter } } }, { remarkPlugins: [remarkCollectParagraphs] });
  return frontmatter;
}

const BODY = `<LetterHead>

Dear Tina

</LetterHead>

First paragraph.

<Finding themes="workforce, education" progress="supervision: improved" note="Why.">

- A list item.
- Another.

</Finding>

<Finding themes="nope" progress="broken">

Last paragraph.

</Finding>
`;

describe('remark-collect-paragraphs', () => {
  it('hands over what parseParagraphs reads, with the lines of the file', async () => {
    const blankedFrontmatter = '\n\n\n'; // three lines of frontmatter, blanked as @astrojs/mdx does
    const frontmatter = await collect(blankedFrontmatter + BODY);
    const collected = collectedParagraphs(frontmatter);
    const fromText = parseParagraphs(BODY, { file: '', lineOffset: 3 });
    expect(collected).toEqual(JSON.parse(JSON.stringify(fromText)));
    expect(collected?.paragraphs.map((p) => [p.number, p.line, p.themes])).toEqual([
      [1, 10, []],
      [2, 14, ['workforce', 'education']],
      [3, 15, ['workforce', 'education']],
      [4, 21, ['nope']],
    ]);
    // Annotation syntax problems travel too; unknown ids are the record's to check.
    expect(collected?.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [19, 'progress entry "broken" is not of the form "weakness-id: status".'],
    ]);
  });

  it('keeps the frontmatter it was given, and leaves files without one alone', async () => {
    const frontmatter = await collect('One.\n');
    expect(frontmatter.title).toBe('A letter');
    expect(Object.keys(frontmatter)).toEqual(['title', COLLECTED_PARAGRAPHS_KEY]);
    await expect(compile('One.\n', { remarkPlugins: [remarkCollectParagraphs] })).resolves.toBeDefined();
  });

  it('reads back only a well-formed value', () => {
    expect(collectedParagraphs({})).toBeUndefined();
    expect(collectedParagraphs({ [COLLECTED_PARAGRAPHS_KEY]: { paragraphs: 'x', problems: [] } })).toBeUndefined();
    expect(collectedParagraphs({ [COLLECTED_PARAGRAPHS_KEY]: { paragraphs: [], problems: [] } })).toEqual({ paragraphs: [], problems: [] });
  });
});
