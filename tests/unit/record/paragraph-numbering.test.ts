/**
 * The paragraph contract (src/lib/record/paragraph-numbering.ts): anchors, their wording, and the
 * numbering of a report that numbers its own paragraphs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { citation, citationPrefix } from '../../../src/lib/publish/citation.ts';
import {
  isParagraphId,
  paragraphId,
  paragraphLabel,
  paragraphMarker,
  ParagraphNumberer,
  parseParagraphId,
  paragraphTitle,
  type ParagraphRef,
} from '../../../src/lib/record/paragraph-numbering.ts';
import { parseParagraphs } from '../../../src/lib/record/paragraphs.ts';
import { reportSchema, weaknessSchema } from '../../../src/lib/record/schema.ts';
import { parse } from 'yaml';

const REFS: Array<[ParagraphRef, string, string, string, string]> = [
  [{ kind: 'paragraph', number: 12 }, 'p12', 'paragraph 12', '12', 'Paragraph 12'],
  [{ kind: 'point', number: 6, point: 2 }, 'p6-2', 'paragraph 6, point 2', '6-2', 'Paragraph 6, point 2'],
  [{ kind: 'summary', number: 3 }, 's3', 'summary, paragraph 3', 's3', 'Summary, paragraph 3'],
];

describe('anchors', () => {
  it.each(REFS)('%o is spelled %s, cited “%s”, marked %s, titled “%s”, and reads back', (ref, id, label, marker, title) => {
    expect(paragraphId(ref)).toBe(id);
    expect(parseParagraphId(id)).toEqual(ref);
    expect(paragraphLabel(ref)).toBe(label);
    expect(paragraphMarker(ref)).toBe(marker);
    expect(paragraphTitle(ref)).toBe(title);
  });

  it('keeps the letters’ spelling: a number is pN', () => {
    expect(paragraphId(7)).toBe('p7');
  });

  it.each(['p0', 'p06', 'p6-0', 'p', 's', 's0', 'p6-', 'q6', 'p6-2-1', 'paragraph-6', 'P6'])('refuses %s', (id) => {
    expect(parseParagraphId(id)).toBeUndefined();
    expect(isParagraphId(id)).toBe(false);
  });
});

describe('citations', () => {
  const report = reportSchema.parse({
    title: 'Inspection of Exampleshire children’s services',
    kind: 'inspection',
    authority: 'Exampleshire',
    headline: 'h',
    visitStart: '2018-06-04',
    letterDate: '2018-07-20',
    text: 'full',
    paragraphNumbers: 'ofsted',
    sources: [{ title: 't', url: 'https://example.org/' }],
  });
  const prefix = citationPrefix(report);
  it.each([
    ['p6', 'paragraph 6'],
    ['p6-2', 'paragraph 6, point 2'],
    ['s3', 'summary, paragraph 3'],
  ])('cite #%s as “%s”', (anchor, words) => {
    expect(citation(prefix, anchor, `https://x/reports/r/#${anchor}`)).toBe(
      `Ofsted, Inspection of Exampleshire children’s services, letter of 20 July 2018, ${words}, https://x/reports/r/#${anchor}`,
    );
  });

  it('carries the paragraph’s fingerprint when given one', () => {
    expect(citation(prefix, 'p6', 'https://x/reports/r/#p6', '3fa2b9c1')).toBe(
      'Ofsted, Inspection of Exampleshire children’s services, letter of 20 July 2018, paragraph 6, https://x/reports/r/#p6, text fingerprint 3fa2b9c1',
    );
  });

  it('refuses to cite something that is not a paragraph anchor', () => {
    expect(() => citation(prefix, 'top', 'https://x/')).toThrow(/not a paragraph anchor/);
  });
});

describe('a weakness’s source', () => {
  const weakness = { id: 'w', title: 't', finding: 'f', area: 'leadership', themes: ['workforce'] };
  it.each(['2018-06-inspection#p6', '2018-06-inspection#p6-1', '2018-06-inspection#s3', '2018-06-inspection#p12'])('accepts %s', (source) => {
    expect(weaknessSchema.safeParse({ ...weakness, source }).success).toBe(true);
  });
  it.each(['2018-06-inspection#p0', '2018-06-inspection#6', '2018-06-inspection', '2018-06-inspection#p6-0', '2018-06-inspection#x3'])('refuses %s', (source) => {
    expect(weaknessSchema.safeParse({ ...weakness, source }).success).toBe(false);
  });
});

describe('ParagraphNumberer', () => {
  const paragraph = (text: string) => ({ kind: 'paragraph' as const, text });
  const item = (text: string) => ({ kind: 'list-item' as const, text });

  it('numbers every block p1, p2, ... for a letter, whatever its words', () => {
    const numberer = new ParagraphNumberer('site');
    expect([paragraph('Intro.'), paragraph('6. Looks numbered.'), item('A point.')].map((block) => numberer.next(block).id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('follows Ofsted’s numbers, and says what is wrong with a gap or a repeat', () => {
    const numberer = new ParagraphNumberer('ofsted');
    const results = [paragraph('Summary.'), paragraph('1. One.'), item('A point.'), paragraph('3. Three.'), paragraph('3. Again.'), paragraph('2. Back.')].map((block) => numberer.next(block));
    expect(results.map((result) => result.id)).toEqual(['s1', 'p1', 'p1-1', 'p3', 'p3', 'p2']);
    expect(results.map((result) => result.problem?.message)).toEqual([
      undefined,
      undefined,
      undefined,
      'paragraph number 3 skips 2: Ofsted’s paragraphs must run 1, 2, 3, ... in order.',
      'paragraph number 3 repeats or goes backwards: the previous numbered paragraph is 3, so this one should be 4.',
      'paragraph number 2 repeats or goes backwards: the previous numbered paragraph is 3, so this one should be 4.',
    ]);
    expect(results[3]?.problem?.fix).toContain('“2\\. ...”');
  });

  it('reads a list item that starts with a number as a point, not as Ofsted’s paragraph', () => {
    const numberer = new ParagraphNumberer('ofsted');
    expect([paragraph('1. One.'), item('2. Not a paragraph.')].map((block) => numberer.next(block).id)).toEqual(['p1', 'p1-1']);
  });
});

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/numbered-report/2018-06-inspection.mdx');

/** The fixture's body with its frontmatter blanked, as @astrojs/mdx does, and its mode. */
function fixture(): { body: string; paragraphNumbers: unknown } {
  const source = readFileSync(FIXTURE, 'utf8');
  const [, frontmatter = ''] = /^---\n([\s\S]*?)\n---\n/.exec(source) ?? [];
  const blank = `\n`.repeat(frontmatter.split('\n').length + 2);
  return { body: blank + source.slice(frontmatter.length + 9), paragraphNumbers: (parse(frontmatter) as { paragraphNumbers?: unknown }).paragraphNumbers };
}

describe('reading a report that numbers its own paragraphs (tests/fixtures/numbered-report)', () => {
  it('anchors Ofsted’s paragraph N as pN, the points after it pN-k, the summary sK, with lines of the file', () => {
    const { body, paragraphNumbers } = fixture();
    expect(paragraphNumbers).toBe('ofsted');
    const { paragraphs, problems } = parseParagraphs(body, { file: 'f.mdx', mode: 'ofsted' });
    expect(problems).toEqual([]);
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    expect(paragraphs.map((p) => [p.id, p.text.slice(0, 24), lines[p.line - 1]!.slice(0, 10)])).toEqual([
      ['s1', 'Children and families in', 'Children a'],
      ['s2', 'Leaders have a clear und', 'Leaders ha'],
      ['s3', 'The timeliness of assess', '- The time'],
      ['s4', 'Management oversight of ', '- Manageme'],
      ['p1', '1. Children and families', '1\\. Childr'],
      ['p2', '2. The current arrangeme', '2\\. The cu'],
      ['p2-1', 'partners do not always a', '- partners'],
      ['p2-2', 'thresholds are applied i', '- threshol'],
      ['p2-3', 'A paragraph the report l', 'A paragrap'],
      ['p3', '3. Social workers know t', '3\\. Social'],
      ['p4', '4. Most children in care', '4\\. Most c'],
    ]);
    expect(paragraphs.find((p) => p.id === 'p2')?.themes).toEqual(['child-protection']);
  });

  it('fails a gap, a repeat and an unescaped number, each with its line', () => {
    const body = 'Summary.\n\n1\\. One.\n\n3\\. Three.\n\n3\\. Three again.\n\n5. Five, its full stop not escaped.\n';
    const { problems } = parseParagraphs(body, { file: 'f.mdx', mode: 'ofsted', lineOffset: 10 });
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [15, 'paragraph number 3 skips 2: Ofsted’s paragraphs must run 1, 2, 3, ... in order.'],
      [17, 'paragraph number 3 repeats or goes backwards: the previous numbered paragraph is 3, so this one should be 4.'],
      [19, 'a numbered list starting at 5: in a report with Ofsted’s paragraph numbers, this is probably paragraph 5 with its full stop unescaped.'],
    ]);
  });

  it('fails a paragraph numbered like Ofsted’s in a report that does not say it numbers its own', () => {
    const { body } = fixture();
    const { problems } = parseParagraphs(body, { file: 'f.mdx' });
    expect(problems).toHaveLength(4);
    expect(problems[0]?.message).toBe(
      'this paragraph starts with a paragraph number (“1. ”), but the report does not say it numbers its own paragraphs, so its anchor would not be p1.',
    );
    expect(problems[0]?.fix).toMatch(/paragraphNumbers: ofsted/);
  });
});
