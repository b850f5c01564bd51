/**
 * The remark plugin inside the real MDX pipeline: it must hand over the same paragraphs and
 * annotations as parseParagraphs reads from text, with lines of the file, under the file's path.
 */
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { parseParagraphs } from '../../src/lib/paragraphs.ts';
import remarkCollectParagraphs, { collectedParagraphs } from '../../src/plugins/remark-collect-paragraphs.ts';

/** Compiles as @astrojs/mdx does (the frontmatter blanked to empty lines), as the given file. */
async function compileAs(filePath: string, source: string): Promise<void> {
  await compile({ value: source, path: filePath }, { remarkPlugins: [remarkCollectParagraphs] });
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
    await compileAs('/content/reports/a-letter.mdx', blankedFrontmatter + BODY);
    const collected = collectedParagraphs('/content/reports/a-letter.mdx');
    expect(collected).toEqual(parseParagraphs(BODY, { file: '', lineOffset: 3 }));
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

  it('keeps each file apart, and a later compile of a file replaces the earlier', async () => {
    await compileAs('/content/reports/one.mdx', 'One.\n');
    await compileAs('/content/reports/two.mdx', 'Two.\n\nThree.\n');
    expect(collectedParagraphs('/content/reports/one.mdx')?.paragraphs.map((p) => p.text)).toEqual(['One.']);
    expect(collectedParagraphs('/content/reports/two.mdx')?.paragraphs.map((p) => p.text)).toEqual(['Two.', 'Three.']);
    await compileAs('/content/reports/one.mdx', 'Changed.\n');
    expect(collectedParagraphs('/content/reports/one.mdx')?.paragraphs.map((p) => p.text)).toEqual(['Changed.']);
  });

  it('knows nothing of a file it has not compiled, or of text compiled without a path', async () => {
    await compile('Anonymous.\n', { remarkPlugins: [remarkCollectParagraphs] });
    expect(collectedParagraphs('/content/reports/never.mdx')).toBeUndefined();
  });
});
