import { describe, expect, it } from 'vitest';
import { parseParagraphs } from '../../../src/lib/record/paragraphs.ts';

const FILE = 'content/reports/fixture.mdx';

describe('parseParagraphs', () => {
  it('numbers paragraphs and list items like the rehype plugin, and reads their annotations', () => {
    const body = `
<LetterHead>

Dear Tina

</LetterHead>

Unannotated first paragraph.

<Finding themes="workforce, leadership" progress="supervision: improved; high-caseloads: some-progress" note="Why.">

Annotated *second* paragraph.

</Finding>

<Finding themes="education">

- Item one.
- Item two.

</Finding>

<SignOff>

Yours sincerely

</SignOff>
`;
    const { paragraphs, problems } = parseParagraphs(body, { file: FILE, lineOffset: 10 });
    expect(problems).toEqual([]);
    expect(paragraphs.map((p) => [p.position, p.kind, p.text, p.themes])).toEqual([
      [1, 'paragraph', 'Unannotated first paragraph.', []],
      [2, 'paragraph', 'Annotated second paragraph.', ['workforce', 'leadership']],
      [3, 'list-item', 'Item one.', ['education']],
      [4, 'list-item', 'Item two.', ['education']],
    ]);
    expect(paragraphs[1]?.progress).toEqual([
      { weakness: 'supervision', status: 'improved' },
      { weakness: 'high-caseloads', status: 'some-progress' },
    ]);
    expect(paragraphs[1]?.note).toBe('Why.');
    // Lines point into the file: the body starts after 10 lines of frontmatter.
    expect(paragraphs[1]?.annotationLine).toBe(10 + 10);
    expect(paragraphs[0]?.line).toBe(10 + 8);
  });

  it.each([
    ['wraps a heading', '<Finding themes="x">\n\n## A heading\n\n</Finding>\n', /wraps a heading/],
    ['wraps two paragraphs', '<Finding themes="x">\n\nOne.\n\nTwo.\n\n</Finding>\n', /wraps a paragraph, a paragraph/],
    ['wraps nothing', '<Finding themes="x">\n</Finding>\n', /wraps nothing/],
  ])('fails an annotation outside a paragraph: one that %s', (_name, body, message) => {
    const { problems } = parseParagraphs(`Intro.\n\n${body}`, { file: FILE });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 3 });
    expect(problems[0]?.message).toMatch(/^annotation outside a paragraph/);
    expect(problems[0]?.message).toMatch(message);
    expect(problems[0]?.fix).toMatch(/wrap a single paragraph/);
  });

  it('fails an annotation inside a sentence, naming the line', () => {
    const { problems } = parseParagraphs('Intro.\n\nSome <Finding themes="x">words</Finding> here.\n', { file: FILE });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3 });
    expect(problems[0]?.message).toMatch(/inside a sentence/);
  });

  it('fails malformed progress and unknown attributes', () => {
    const { problems } = parseParagraphs('<Finding themes="x" progres="y" progress="supervision improved">\n\nText.\n\n</Finding>\n', { file: FILE });
    expect(problems.map((p) => p.message)).toEqual([
      '<Finding> has an unknown attribute progres.',
      'progress entry "supervision improved" is not of the form "weakness-id: status".',
    ]);
  });

  it('reports MDX it cannot read, with the line', () => {
    const { problems } = parseParagraphs('Fine.\n\n<Finding themes="x">\n\nUnclosed.\n', { file: FILE, lineOffset: 5 });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^the MDX cannot be read/);
    expect(problems[0]?.line).toBeGreaterThan(5);
  });
});

describe('nested lists (issue 22, item 7)', () => {
  it('numbers a nested item after its parent, in document order, and gives the parent its own words only', () => {
    const body = `<Finding themes="education">

- The proportion of children entitled to free school meals:
  - in primary schools is 10.5%
  - in secondary schools is 9%.
- Children from minority ethnic groups account for 6.3%.

</Finding>
`;
    const { paragraphs, problems } = parseParagraphs(body, { file: FILE });
    expect(problems).toEqual([]);
    expect(paragraphs.map((p) => [p.id, p.text, p.themes])).toEqual([
      ['p1', 'The proportion of children entitled to free school meals:', ['education']],
      ['p2', 'in primary schools is 10.5%', ['education']],
      ['p3', 'in secondary schools is 9%.', ['education']],
      ['p4', 'Children from minority ethnic groups account for 6.3%.', ['education']],
    ]);
  });
});

describe('footnotes and Ofsted’s notices (issue 22, item 6)', () => {
  const body = `## What needs to improve?

<Finding themes="education">

- An item with a footnote mark.

</Finding>

1\\. The first numbered paragraph.

<OfstedNotice>

Any complaints about the inspection should be made to Ofsted.

</OfstedNotice>

<Footnote mark="1" of="what-needs-to-improve">

The areas for improvement have been cross-referenced.

</Footnote>

<Footnote mark="2" of="s1">

A note on the item.

</Footnote>

<Footnote mark="3" of="title">

A note on the title.

</Footnote>
`;

  it('numbers them like any block (their anchors stay), marked as footnote or notice, each footnote with its mark and what carries it', () => {
    const { paragraphs, problems } = parseParagraphs(body, { file: FILE, mode: 'ofsted' });
    expect(problems).toEqual([]);
    expect(paragraphs.map((p) => [p.id, p.role, p.footnote])).toEqual([
      ['s1', undefined, undefined],
      ['p1', undefined, undefined],
      ['p1-1', 'notice', undefined],
      ['p1-2', 'footnote', { mark: '1', of: 'what-needs-to-improve', ofLabel: 'the heading “What needs to improve?”' }],
      ['p1-3', 'footnote', { mark: '2', of: 's1', ofLabel: 'summary, paragraph 1' }],
      ['p1-4', 'footnote', { mark: '3', of: 'title', ofLabel: 'the report’s title' }],
    ]);
  });

  it('fails, naming the line, a footnote whose mark is on nothing in the report, or without its mark', () => {
    const bad = `Text.\n\n<Footnote mark="1" of="p9">\n\nA note.\n\n</Footnote>\n\n<Footnote of="p1">\n\nAnother.\n\n</Footnote>\n`;
    const { problems } = parseParagraphs(bad, { file: FILE });
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [9, '<Footnote> needs its mark as printed and what carries it.'],
      [3, '<Footnote of="p9">: this report has no paragraph, heading or title “p9” to carry the mark.'],
    ]);
  });
});

describe('a further part of a published block (issue 22, item 7)', () => {
  it('numbers <Part of="s1"> as s1b, the next part s1c, moving no other anchor, and refuses a Part that does not follow its block', () => {
    const body = `First.\n\n<Part of="s1">\n\nSecond.\n\n</Part>\n\n<Part of="s1">\n\nThird.\n\n</Part>\n\nFourth.\n\n1\\. One.\n`;
    const { paragraphs, problems } = parseParagraphs(body, { file: FILE, mode: 'ofsted' });
    expect(problems).toEqual([]);
    expect(paragraphs.map((p) => [p.id, p.text])).toEqual([['s1', 'First.'], ['s1b', 'Second.'], ['s1c', 'Third.'], ['s2', 'Fourth.'], ['p1', '1. One.']]);
    const wrong = parseParagraphs(`First.\n\nSecond.\n\n<Part of="s1">\n\nThird.\n\n</Part>\n`, { file: FILE, mode: 'ofsted' });
    expect(wrong.problems.map((problem) => [problem.line, problem.message])).toEqual([[7, '<Part of="s1"> does not follow the block anchored s1 (it follows s2).']]);
  });
});

describe('suggested annotations', () => {
  it('reads the importer’s bare `suggested` flag', () => {
    const { paragraphs, problems } = parseParagraphs('<Finding themes="education" suggested>\n\nText.\n\n</Finding>\n', { file: FILE });
    expect(problems).toEqual([]);
    expect(paragraphs[0]).toMatchObject({ themes: ['education'], suggested: true });
  });
});
