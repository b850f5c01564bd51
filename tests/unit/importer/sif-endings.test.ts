/**
 * The end of a single inspection framework report (2014-2018, issue 24): the part heading "The
 * local authority", which the contents list names and the explanation of the grades repeats,
 * kept where the part starts, and "Recommendations" at the top of its pages; the notice on
 * complaints a paragraph of its own after the inspection team; and the check over the source
 * (verify.ts) reading those headings as the report prints them. The report is
 * fictional, page by page as the PDF's text gives it (each page's number at its foot, a form
 * feed after it).
 */
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter } from '../../../src/lib/importer/blocks.ts';
import { importDocument } from '../../../src/lib/importer/index.ts';
import { importDefects, sourceWordStream } from '../../../src/lib/importer/verify.ts';
import { BOARD_REVIEW_HEAD } from '../../helpers/board-review.ts';

// Blank lines stand between paragraphs and between the table's rows, as in the PDF's text.
const spaced = (...lines: string[]): string[] => lines.flatMap((line, index) => (index === 0 ? [line] : ['', line]));

const pages = [
  [
    'Exampleshire County Council',
    '',
    'Inspection of services for children in need of help and',
    'protection, children looked after and care leavers',
    '',
    'and',
    '',
    'Review of the effectiveness of the Local Safeguarding Children',
    'Board',
    '',
    'Inspection date: 2 March 2015 – 26 March 2015',
    '',
    'Report published: 8 May 2015',
    '',
    'The overall judgement is that children’s services are good',
    '',
    'The judgements on areas of the service that contribute to overall effectiveness are:',
    '',
    '1. Children who need help and protection Good',
    '',
    '2. Children looked after and achieving permanence Good',
    '',
    '2.1 Adoption performance Good',
    '',
    '2.2 Experiences and progress of care leavers Good',
    '',
    '3. Leadership, management and governance Good',
    '',
    'The effectiveness of the Local Safeguarding Children Board (LSCB) is good.',
  ],
  spaced(
    'Contents',
    'The local authority 3',
    'Summary of findings 3',
    'Recommendations 4',
    'Recommendations 5',
    'What the inspection judgements mean 6',
    'The local authority 6',
    'The LSCB 6',
    'Information about this inspection 7',
  ),
  [
    'The local authority',
    '',
    'Summary of findings',
    '',
    'Children’s services in Exampleshire are good because:',
    '',
    '1. Leaders in Exampleshire have a clear view of the quality of social work and',
    'act on what they find.',
    '',
    '2. Children who need help are seen promptly by social workers who know them well.',
    '',
    'The casework model used in this area',
    '',
    '• Signs of Safety',
  ],
  ['Recommendations', '', '3. Children in care live in stable homes near the people who matter to them.', '', '4. Care leavers are helped to find homes, training and work.'],
  ['Recommendations', '', '5. Reviews of children’s plans are timely, and children take part in them.', '', '6. The board checks the work of its partners and reports on it every year.'],
  [
    'What the inspection judgements mean',
    '',
    'The local authority',
    '',
    'A good council in this fictional scheme gives children the help they need when',
    'they need it.',
    '',
    'The LSCB',
    '',
    'A good board in this fictional scheme helps the local authority and its partners',
    'to learn from what they do.',
  ],
  [
    'Information about this inspection',
    '',
    'Inspectors read the records of children in Exampleshire and spoke to them and to',
    'the people who work with them.',
    '',
    'The inspection team',
    '',
    'Lead inspector: Alice Example',
    '',
    'Team inspectors: Ben Sample, Cara Fictional, Dan Madeup, Eve Invented,',
    'Fay Notreal',
  ],
  [
    'Any complaints about the inspection or the report go through the fictional procedure',
    'that this test describes, which is set out on a fictional website.',
    '',
    'The Office for Standards in Education, Children’s Services and Skills (Ofsted) regulates and inspects',
    'services in this fictional world.',
  ],
];

const source = pages.map((lines, index) => [...lines, '', String(index + 1)].join('\n')).join('\n\f');
const result = importDocument(source, { fileName: 'exampleshire--children-s-services-inspection-08-may-2015.txt' });
const blocks = mdxBlocks(stripFrontmatter(result.mdx));

describe('the end of a 2014-18 report', () => {
  it('keeps the inspection team’s lines as paragraphs, each role and its names, never as headings', () => {
    const team = blocks.filter((block) => /^(?:Lead inspector|Team inspectors):/.test(block.text));
    expect(team.map((block) => block.type)).toEqual(['paragraph', 'paragraph']);
    expect(team[1]!.text).toBe('Team inspectors: Ben Sample, Cara Fictional, Dan Madeup, Eve Invented, Fay Notreal');
  });

  it('keeps the part heading “The local authority” where the part starts, and again over the explanation of the grades', () => {
    const headings = blocks.filter((block) => block.type === 'heading').map((block) => block.text);
    const summary = headings.indexOf('Summary of findings');
    expect(headings.slice(summary - 1, summary + 1)).toEqual(['The local authority', 'Summary of findings']);
    expect(headings).toContain('What the inspection judgements mean');
    expect(headings.filter((heading) => heading === 'The local authority')).toHaveLength(2);
  });

  it('keeps “Recommendations” at the top of its pages, apart from a list item before it that ends with no full stop', () => {
    expect(blocks.filter((block) => block.type === 'heading' && block.text === 'Recommendations')).toHaveLength(2);
    expect(blocks.filter((block) => block.type === 'list-item').map((block) => block.text)).toEqual(['Signs of Safety']);
  });

  it('sets the notice on complaints apart from the inspection team’s last line', () => {
    const team = blocks.find((block) => block.text.startsWith('Team inspectors:'));
    expect(team?.text).toBe('Team inspectors: Ben Sample, Cara Fictional, Dan Madeup, Eve Invented, Fay Notreal');
    expect(blocks.at(-1)?.text).toMatch(/^Any complaints about the inspection or the report go through/);
  });

  it('checks the import against the headings as the report prints them: no running header made of a contents entry', () => {
    expect(sourceWordStream(source)).toContain('thelocalauthoritysummaryoffindings');
    expect(importDefects(result, source)).toEqual([]);
  });
});

describe('a board reviewed on its own, headed with the board’s name', () => {
  const review = (paragraph: string[]): string =>
    [
      ...BOARD_REVIEW_HEAD,
      '\fInspection findings',
      '',
      '1. The board’s chair provides strong leadership.',
      '',
      ...paragraph,
      '',
    ].join('\n');

  it('takes the council the text names with the board’s place, wrapped or not', () => {
    const named = importDocument(review(['2. The chair meets the chief executive of Exampleshire', 'County Council every month.']), { fileName: 'exampleshire-2015.txt' });
    expect(named.frontmatter.authority).toBe('Exampleshire County Council');
  });

  it('keeps the board’s name where the text names no council (never a guess)', () => {
    const unnamed = importDocument(review(['2. The chair meets the chief executive every month.']), { fileName: 'exampleshire-2015.txt' });
    expect(unnamed.frontmatter.authority).toBe('Exampleshire Safeguarding Children Board');
  });
});

describe('a contents list of other shapes', () => {
  // Lincolnshire 2015 glues a page number to a question mark; Merton 2017 lists a section's first
  // titles with no page number, the next entry giving it.
  const contents = spaced(
    'Contents',
    'The local authority 3',
    'Summary of findings 3',
    'What does the local authority need to improve?3',
    'Information about this local authority area',
    'Recommendations',
    'Summary for children and young people 4',
    'What the inspection judgements mean 6',
  );

  const shaped = pages.map((lines, index) => (index === 1 ? contents : lines));
  const text = shaped.map((lines, index) => [...lines, '', String(index + 1)].join('\n')).join('\n\f');
  const imported = importDocument(text, { fileName: 'exampleshire--children-s-services-inspection-08-may-2015.txt' });

  it('leaves the whole list out of the text', () => {
    const headings = mdxBlocks(stripFrontmatter(imported.mdx)).filter((block) => block.type === 'heading');
    expect(headings.filter((heading) => /\d$/.test(heading.text))).toEqual([]);
    expect(importDefects(imported, text)).toEqual([]);
  });

  it('is named by the checks where a list’s entry is kept as a heading', () => {
    const kept = { ...result, mdx: result.mdx.replace('## Summary of findings', '## Summary of findings 3\n\n## Summary of findings') };
    expect(importDefects(kept, source).map((defect) => `${defect.part} ${defect.check}`)).toContain('body contents');
  });
});

describe('a paragraph Ofsted left empty, its number alone at a page’s foot', () => {
  // Waltham Forest 2015 prints "89." with no words, and 90 at the top of the next page.
  const shaped = pages.map((lines, index) =>
    index === 3 ? ['3. Children in care live in stable homes near the people who matter to them.', '', '4.'] : index === 4 ? ['5. Reviews of children’s plans are timely, and children take part in them.', '', '6. The board checks the work of its partners and reports on it every year.'] : lines,
  );
  const text = shaped.map((lines, index) => [...lines, '', String(index + 1)].join('\n')).join('\n\f');
  const imported = importDocument(text, { fileName: 'exampleshire--children-s-services-inspection-08-may-2015.txt' });
  const numbered = mdxBlocks(stripFrontmatter(imported.mdx)).filter((block) => /^\d+\./.test(block.text));

  it('keeps the number as a paragraph of its own, and the next one apart from it', () => {
    expect(numbered.map((block) => block.text.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(numbered[3]!.text).toBe('4.');
    expect(importDefects(imported, text).filter((defect) => defect.check === 'numbering')).toEqual([]);
  });
});

describe('a paragraph number printed without its full stop', () => {
  // Nottingham 2022 prints "34     Most children …": no number as the import reads one. The count
  // goes on at the next, so that a later paragraph at a page's top starts a paragraph of its own.
  const shaped = pages.map((lines, index) =>
    index === 3
      ? ['Recommendations', '', '3 Children in care live in stable homes near the people who matter to them.', '', '4. Care leavers are helped to find homes, training and work.']
      : index === 4
        ? ['5. Reviews of children’s plans are timely, and children take part in them.', '', '6. The board checks the work of its partners and reports on it every year.']
        : lines,
  );
  const text = shaped.map((lines, index) => [...lines, '', String(index + 1)].join('\n')).join('\n\f');
  const imported = importDocument(text, { fileName: 'exampleshire--children-s-services-inspection-08-may-2015.txt' });
  const blocks = mdxBlocks(stripFrontmatter(imported.mdx));

  it('keeps the paragraph as printed, and the paragraphs after it apart', () => {
    expect(blocks.map((block) => block.text)).toContain('3 Children in care live in stable homes near the people who matter to them.');
    expect(blocks.map((block) => block.text)).toContain('4. Care leavers are helped to find homes, training and work.');
    expect(blocks.map((block) => block.text)).toContain('5. Reviews of children’s plans are timely, and children take part in them.');
  });
});

describe('a second report bound after the first one’s back page', () => {
  // Kingston upon Hull 2015: the council's inspection, its back page, then the board's review
  // with its own head, footnotes (numbered from 1 again) and back page.
  const second = [
    [
      'Exampleshire Safeguarding Children Board',
      '',
      'Inspection of the effectiveness of the local safeguarding children board',
      '',
      'Inspection date: 2 March 2015 – 26 March 2015',
      '',
      'The Local Safeguarding Children Board requires improvement',
      '',
      '1. The board meets often.1',
      '',
      '1 A note of the second report, which no mark of the first carries.',
    ],
    ['2. Its chair is new to the work.'],
    ['The Office for Standards in Education, Children’s Services and Skills (Ofsted) regulates and inspects', 'services in this fictional world.'],
  ];
  const text = [...pages, ...second].map((lines, index) => [...lines, '', String(index + 1)].join('\n')).join('\n\f');
  const imported = importDocument(text, { fileName: 'exampleshire--children-s-services-inspection-08-may-2015.txt' });

  it('imports the first report, takes no footnote from the second, and names the second for the editor', () => {
    expect(imported.mdx).not.toMatch(/board meets often|<Footnote/);
    expect(imported.notes.join('\n')).toContain('“Inspection of the effectiveness of the local safeguarding children board”: not imported here');
  });

  it('is counted by the checks, and the first report’s words are checked against the first report alone', () => {
    const defects = importDefects(imported, text).map((defect) => `${defect.part} ${defect.check}`);
    expect(defects).toEqual(['body bound report']);
  });
});
