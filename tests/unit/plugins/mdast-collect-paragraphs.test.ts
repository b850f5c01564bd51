/**
 * The mdast plugin inside the real Sätteri MDX pipeline (tests/helpers/satteri.ts): it must hand
 * over the same paragraphs and annotations as parseParagraphs reads from text, with lines of the
 * file, under the file's path, numbered as the frontmatter says.
 */
import { describe, expect, it } from 'vitest';
import { parseParagraphs } from '../../../src/lib/record/paragraphs.ts';
import { compiledParagraphs } from '../../../src/plugins/compiled-paragraphs.ts';
import mdastCollectParagraphs from '../../../src/plugins/mdast-collect-paragraphs.ts';
import { compileMdx } from '../../helpers/satteri.ts';

/** Compiles as @astrojs/mdx does (the frontmatter blanked to empty lines), as the given file. */
async function compileAs(filePath: string, source: string, frontmatter: Record<string, unknown> = {}): Promise<void> {
  await compileMdx(source, { filePath, frontmatter, mdastPlugins: [mdastCollectParagraphs] });
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

describe('mdast-collect-paragraphs (Sätteri)', () => {
  it('hands over what parseParagraphs reads, with the lines of the file', async () => {
    const blankedFrontmatter = '\n\n\n'; // three lines of frontmatter, blanked as @astrojs/mdx does
    await compileAs('/content/reports/a-letter.mdx', blankedFrontmatter + BODY);
    const collected = compiledParagraphs('/content/reports/a-letter.mdx');
    expect(collected).toEqual(parseParagraphs(BODY, { file: '', lineOffset: 3 }));
    expect(collected?.paragraphs.map((p) => [p.id, p.line, p.themes])).toEqual([
      ['p1', 10, []],
      ['p2', 14, ['workforce', 'education']],
      ['p3', 15, ['workforce', 'education']],
      ['p4', 21, ['nope']],
    ]);
    // Annotation syntax problems travel too; unknown ids are the record's to check.
    expect(collected?.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [19, 'progress entry "broken" is not of the form "weakness-id: status".'],
    ]);
  });

  it('numbers as the frontmatter says, and hands over the mode for the record to check', async () => {
    const body = 'Summary.\n\n1\\. First.\n\n- A point.\n\n2\\. Second.\n';
    await compileAs('/content/reports/numbered.mdx', body, { paragraphNumbers: 'ofsted' });
    const collected = compiledParagraphs('/content/reports/numbered.mdx');
    expect(collected?.mode).toBe('ofsted');
    expect(collected?.paragraphs.map((p) => [p.id, p.text])).toEqual([
      ['s1', 'Summary.'],
      ['p1', '1. First.'],
      ['p1-1', 'A point.'],
      ['p2', '2. Second.'],
    ]);
    expect(collected).toEqual(parseParagraphs(body, { file: '', mode: 'ofsted' }));
  });

  it('keeps each file apart, and a later compile of a file replaces the earlier', async () => {
    await compileAs('/content/reports/one.mdx', 'One.\n');
    await compileAs('/content/reports/two.mdx', 'Two.\n\nThree.\n');
    expect(compiledParagraphs('/content/reports/one.mdx')?.paragraphs.map((p) => p.text)).toEqual(['One.']);
    expect(compiledParagraphs('/content/reports/two.mdx')?.paragraphs.map((p) => p.text)).toEqual(['Two.', 'Three.']);
    await compileAs('/content/reports/one.mdx', 'Changed.\n');
    expect(compiledParagraphs('/content/reports/one.mdx')?.paragraphs.map((p) => p.text)).toEqual(['Changed.']);
  });

  it('knows nothing of a file it has not compiled', () => {
    expect(compiledParagraphs('/content/reports/never.mdx')).toBeUndefined();
  });
});
