/**
 * Inspection reports (ILACS): not letters, but a head (title, dates, lead inspector), a judgement
 * table, summary paragraphs, "What needs to improve", and sections of paragraphs Ofsted numbers
 * itself. The fixture is written for these tests about a fictional council, in the layout
 * `pdftotext -layout` gives Ofsted's reports: the table's grade on the first or the middle line
 * of its area, U+F06E bullets, a footnote, a running footer with the page number on the dates'
 * line, a page break inside a sentence, and the back page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter, type TextBlock } from '../../../src/lib/importer/blocks.ts';
import { importDocument, importPdf } from '../../../src/lib/importer/index.ts';
import { pdfToText } from '../../../src/lib/importer/pdf.ts';
import { layoutPdf } from '../../helpers/pdf.ts';
import { footnoteTargets, isInspectionReport, parseJudgementTable } from '../../../src/lib/importer/report.ts';
import { buildBlocks } from '../../../src/lib/importer/clean.ts';
import { renderReportBody } from '../../../src/lib/importer/mdx.ts';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/letters/ilacs-report.txt');
const text = await readFile(fixture, 'utf8');

const texts = (blocks: readonly TextBlock[], type: TextBlock['type']): string[] =>
  blocks.filter((block) => block.type === type).map((block) => block.text);

describe('an ILACS inspection report', () => {
  const result = importDocument(text, { fileName: 'letters/ilacs-report.txt' });
  const body = stripFrontmatter(result.mdx);
  const blocks = mdxBlocks(body);

  it('is read as a report, not refused as a letter without “Dear”', () => {
    expect(isInspectionReport(text)).toBe(true);
    expect(result.slug).toBe('2024-09-inspection');
  });

  it('finds the head and the judgement table, grades on any line of their area', () => {
    expect(result.frontmatter).toMatchObject({
      title: 'Inspection of Exampleshire local authority children’s services',
      kind: 'inspection',
      authority: 'Exampleshire',
      visitStart: '2024-09-30',
      visitEnd: '2024-10-11',
      inspectors: ['Jane Example'],
      judgements: [
        { area: 'The impact of leaders on social work practice with children and families', grade: 'requires-improvement' },
        { area: 'The experiences and progress of children who need help and protection', grade: 'good' },
        { area: 'The experiences and progress of children in care', grade: 'good' },
        { area: 'Overall effectiveness', grade: 'requires-improvement' },
      ],
      text: 'full',
      paragraphNumbers: 'ofsted',
    });
  });

  it('gives the year of the report’s own “© Crown copyright” line, from its back page, which may not be the year of the visit', async () => {
    expect(result.frontmatter.copyrightYear).toBe(2024);
    const later = text.replace('© Crown copyright 2024', '© Crown copyright 2025');
    expect(importDocument(later, { fileName: 'report.txt' }).frontmatter.copyrightYear).toBe(2025);
    expect((await importPdf(await layoutPdf(later), { fileName: 'report.pdf' })).frontmatter.copyrightYear).toBe(2025);
    // A report that prints none has none: the page then gives the year it was issued.
    expect(importDocument(text.replace('© Crown copyright 2024', ''), { fileName: 'report.txt' }).frontmatter).not.toHaveProperty('copyrightYear');
  });

  it('keeps a one-line title that the running footer repeats', () => {
    const oneLine = text.replace('Inspection of Exampleshire local\nauthority children’s services', 'Inspection of Exampleshire local authority children’s services');
    expect(importDocument(oneLine, { fileName: 'report.txt' }).frontmatter.title).toBe('Inspection of Exampleshire local authority children’s services');
  });

  it('lists the publication date as missing: a report does not print it', () => {
    expect(result.frontmatter).not.toHaveProperty('published');
    expect(result.missing).toEqual(['headline', 'published', 'sources']);
  });

  it('writes Ofsted’s numbered paragraphs with their numbers, the full stop escaped', () => {
    expect(body).toMatch(/^1\\\. Children are seen quickly/m);
    expect(body).toMatch(/^5\\\. Children come into care/m);
    const numbered = texts(blocks, 'paragraph').filter((block) => /^\d+\. /.test(block));
    expect(numbered.map((block) => block.split('.')[0])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('joins the sentence the page break split, and leaves out the running footer and page numbers', () => {
    expect(texts(blocks, 'paragraph')).toContain(
      '3. Assessments are thorough and consider each child’s history. In a few cases, plans do not say who will do what by when, which means that some children wait too long for help.',
    );
    expect(body).not.toMatch(/30 September to 11 October 2024/);
    expect(body).not.toMatch(/^Inspection of Exampleshire/m);
  });

  it('puts the summary first, then “What needs to improve” as a list, then the sections as headings', () => {
    expect(blocks.slice(0, 6)).toEqual([
      { type: 'paragraph', text: 'Exampleshire’s children’s services have improved since the focused visit in 2022. Leaders know their services well and have a credible plan.' },
      { type: 'paragraph', text: 'Most children get the help they need when they need it, but the quality of plans is still too variable.' },
      { type: 'heading', text: 'What needs to improve?' },
      { type: 'list-item', text: 'The quality of plans for children in need.' },
      { type: 'list-item', text: 'The timeliness of life-story work for children in care.' },
      { type: 'heading', text: 'The experiences and progress of children who need help and protection: good' },
    ]);
    expect(texts(blocks, 'heading')).toEqual([
      'What needs to improve?',
      'The experiences and progress of children who need help and protection: good',
      'The experiences and progress of children in care: good',
    ]);
  });

  it('writes a numbered paragraph’s bullets as a list after it, without the glyph', () => {
    expect(body).toMatch(/^4\\\. Social workers visit children regularly\. They:\n\n- see children alone\n- record their wishes\.$/m);
    expect(body).not.toMatch(/\uF06E/);
  });

  it('moves the footnote to the end as a <Footnote> naming its mark and the heading that carries it, and leaves out the back page', () => {
    expect(blocks[blocks.length - 1]).toEqual({ type: 'paragraph', text: 'The areas for improvement are cross-referenced with the national framework.' });
    expect(body).not.toMatch(/improve\?1/);
    expect(body).toMatch(/\n<Footnote mark="1" of="what-needs-to-improve">\n\nThe areas for improvement are cross-referenced with the national framework\.\n\n<\/Footnote>\n$/);
    expect(result.notes).toEqual([]);
    expect(body).not.toMatch(/Office for Standards|Crown copyright|Piccadilly Gate|0300 123 1231/);
  });
});

describe('footnotes whose marks stand on a list item and on the title (the 2014 report’s shape; issue 22, item 6)', () => {
  // The mark moves from the heading to a bullet ("... in care.1", after its U+F06E glyph).
  const shaped = text.replace('What needs to improve?1', 'What needs to improve?').replace('life-story work for children in care.', 'life-story work for children in care.1');

  it('writes the note as <Footnote mark of> naming the list item’s anchor', () => {
    const result = importDocument(shaped, { fileName: 'report.txt' });
    const body = stripFrontmatter(result.mdx);
    expect(body).toMatch(/<Footnote mark="1" of="s4">\n\nThe areas for improvement are cross-referenced/);
    expect(body).toMatch(/^- The timeliness of life-story work for children in care\.$/m);
    expect(result.notes).toEqual([]);
  });

  it('names the title when the mark ends it, and nothing when no block holds the words before the mark', () => {
    const parts = { title: 'Inspection of Exampleshire children’s services', body: [], footnoteMarks: ['Exampleshire children’s services', 'nowhere at all'] };
    expect(footnoteTargets(parts)).toEqual(['title', undefined]);
  });
});

describe('sub-items (the 2014 report’s U+F02D dash; issue 22, item 7)', () => {
  const lines = (texts: string[]) => texts.map((text) => ({ text, pageStart: false }));
  const list = [
    '\uF06E The proportion of children entitled to free school meals:',
    '\uF02D in primary schools is 10.5% (the national average is 19.2%)',
    '\uF02D in secondary schools is 9% (the national average',
    'is 16.3%).',
    '\uF06E Children from minority ethnic groups account for 6.3%.',
  ];

  it('nests each under the item before it, as the PDF prints them', () => {
    expect(buildBlocks(lines(list), { numberedParagraphs: true })).toEqual([
      {
        type: 'list',
        items: [
          'The proportion of children entitled to free school meals:',
          'in primary schools is 10.5% (the national average is 19.2%)',
          'in secondary schools is 9% (the national average is 16.3%).',
          'Children from minority ethnic groups account for 6.3%.',
        ],
        levels: [0, 1, 1, 0],
      },
    ]);
  });

  it('writes them as a nested list whose items read back with their own words, in order', () => {
    const body = renderReportBody(buildBlocks(lines(list), { numberedParagraphs: true }), []);
    expect(body).toBe(
      '- The proportion of children entitled to free school meals:\n  - in primary schools is 10.5% (the national average is 19.2%)\n  - in secondary schools is 9% (the national average is 16.3%).\n- Children from minority ethnic groups account for 6.3%.\n',
    );
    expect(mdxBlocks(body).map((block) => block.text)).toEqual([
      'The proportion of children entitled to free school meals:',
      'in primary schools is 10.5% (the national average is 19.2%)',
      'in secondary schools is 9% (the national average is 16.3%).',
      'Children from minority ethnic groups account for 6.3%.',
    ]);
  });

  it('is an ordinary item where no item comes before it', () => {
    expect(buildBlocks(lines(['Some text:', '', '\uF02D a dash item']), { numberedParagraphs: true })).toEqual([
      { type: 'paragraph', text: 'Some text:' },
      { type: 'list', items: ['a dash item'] },
    ]);
  });
});

describe('the judgement table', () => {
  it.each([
    {
      name: 'reads “Overall effectiveness” as its own row where no blank line comes before it, its grade on the line above',
      lines: ['The experiences and progress of care Requires improvement to be good', 'leavers', 'Requires improvement to be good', 'Overall effectiveness'],
      rows: [{ area: 'The experiences and progress of care leavers', grade: 'requires-improvement' }, { area: 'Overall effectiveness', grade: 'requires-improvement' }],
    },
    {
      name: 'reads “Requires improvement” / “to be good” split beside an area’s two lines, and around a one-line area (issue 24)',
      lines: [
        'The experiences and progress of children who need help        Requires improvement',
        'and protection                                                to be good',
        '',
        '                                                              Requires Improvement',
        'Overall effectiveness',
        '                                                              to be good',
      ].map((line) => line.replace(/\s{2,}/g, ' ').trim()),
      rows: [{ area: 'The experiences and progress of children who need help and protection', grade: 'requires-improvement' }, { area: 'Overall effectiveness', grade: 'requires-improvement' }],
    },
    {
      name: 'reads an area wrapped round its grade, and “Requires” / “improvement” split around an area (2014)',
      lines: [
        'The experiences and progress of children in care and care',
        'Requires improvement',
        'leavers',
        '',
        'Requires',
        '2. Children looked after and achieving permanence',
        'improvement',
        '',
        '2.1 Adoption performance Good',
        '',
        '3. Leadership, management and governance Require improvement',
      ],
      rows: [
        { area: 'The experiences and progress of children in care and care leavers', grade: 'requires-improvement' },
        { area: 'Children looked after and achieving permanence', grade: 'requires-improvement' },
        { area: 'Adoption performance', grade: 'good' },
        { area: 'Leadership, management and governance', grade: 'requires-improvement' },
      ],
    },
  ])('$name', ({ lines, rows }) => {
    expect(parseJudgementTable(lines)).toEqual(rows);
  });
});

describe('an ILACS inspection report from its PDF', async () => {
  const fromText = importDocument(text, { fileName: 'letters/ilacs-report.txt' });
  const bytes = await layoutPdf(text);
  const fromPdf = await importPdf(bytes, { fileName: 'letters/ilacs-report.pdf' });

  it('is a PDF whose text layer has the artefacts: U+F06E bullets, a raised footnote mark, footers with page numbers', async () => {
    const extracted = await pdfToText(bytes, 'letters/ilacs-report.pdf');
    expect(extracted).toContain('\uF06E The quality of plans');
    expect(extracted).toContain('What needs to improve?1\n');
    expect(extracted).toContain('30 September to 11 October 2024 3\n');
  });

  it('gives the same report as its text: glyphs, footer, page numbers, footnote and back page handled alike', () => {
    expect(fromPdf.frontmatter).toEqual(fromText.frontmatter);
    expect(mdxBlocks(stripFrontmatter(fromPdf.mdx))).toEqual(mdxBlocks(stripFrontmatter(fromText.mdx)));
  });
});

describe('a report’s blocks', () => {
  const lines = (text: string) => text.split('\n').map((line) => ({ text: line, pageStart: false }));

  it('ends a list at a short heading that follows it without a blank line', () => {
    const blocks = buildBlocks(lines('\uF06E Most children live nearby.\n\uF06E Few live in children’s homes.\nChild protection in this area\n\uF06E Plans are reviewed.'), { numberedParagraphs: true });
    expect(blocks).toEqual([
      { type: 'list', items: ['Most children live nearby.', 'Few live in children’s homes.'] },
      { type: 'heading', text: 'Child protection in this area' },
      { type: 'list', items: ['Plans are reviewed.'] },
    ]);
  });

  it('reads a bullet glyph alone on its line as the bullet of the next line, or as nothing before a numbered paragraph', () => {
    const blocks = buildBlocks(lines('1. Children are seen.\n•\n2. Plans are clear.\n◼\nSupervision is regular.'), { numberedParagraphs: true });
    expect(blocks).toEqual([
      { type: 'paragraph', text: '1. Children are seen.' },
      { type: 'paragraph', text: '2. Plans are clear.' },
      { type: 'list', items: ['Supervision is regular.'] },
    ]);
  });

  it('starts Ofsted’s next numbered paragraph without a blank line, and only the next number', () => {
    const blocks = buildBlocks(lines('1. Children are seen.\n2. Plans are reviewed in the\n12. weeks after a referral.\n3. Leaders know.'), { numberedParagraphs: true });
    expect(blocks.map((block) => (block.type === 'paragraph' ? block.text : ''))).toEqual(['1. Children are seen.', '2. Plans are reviewed in the 12. weeks after a referral.', '3. Leaders know.']);
  });
});
