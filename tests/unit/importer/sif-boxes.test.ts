/**
 * The boxes that open each section of a 2014-18 report (issue 24): the section's name on the
 * left, its grade on the right, which the text layer reads line by line across both cells
 * ("The experiences and progress of children" / "Requires improvement" / "who need help and
 * protection"). The section's name is its heading, in Ofsted's words and order, and the grade
 * the paragraph after it; in 2014 the box is headed by its columns' labels, "Key judgement
 * Judgement grade", and the grade keeps its label. Ofsted's own sentence, "Leadership,
 * management and governance requires improvement", stays the heading it is. The fixture is a
 * fictional council's report, in the shapes real reports give.
 */
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter } from '../../../src/lib/importer/blocks.ts';
import { importDocument, importPdf, type ImportResult } from '../../../src/lib/importer/index.ts';
import { importDefects } from '../../../src/lib/importer/verify.ts';
import { layoutPdf } from '../../helpers/pdf.ts';
import { sifHead } from '../../helpers/single-inspection.ts';


const HEAD = sifHead({
  dates: ['Inspection date: 2 March 2015 – 26 March 2015', 'Report published: 8 May 2015'],
  overall: 'Children’s services in Exampleshire require improvement to be good',
  rows: [
    '1. Children who need help and protection                      Requires improvement',
    '2. Children looked after and achieving permanence             Good',
    '3. Leadership, management and governance                      Requires improvement',
  ],
});

/** The report's sections, each opened by its box in one of the shapes the text layer gives. */
const SECTIONS = [
  'The experiences and progress of',
  '                                                    Requires improvement',
  'children who need help and protection',
  '',
  'Summary',
  '',
  '1. Children in need of help wait too long for their assessments to be completed.',
  '',
  'The experiences and progress of',
  'children looked after and achieving                 Good',
  'permanence',
  '',
  'Summary',
  '',
  '2. Children in care live in stable homes and see their social workers often.',
  '',
  'Leadership, management and                          Requires improvement',
  'governance                                          to be good',
  '',
  'Summary',
  '',
  '3. Leaders know their services well and have a clear plan for improving them.',
  '',
  'Leadership, management and governance requires improvement',
  '',
  '4. Senior leaders have not yet made practice good everywhere.',
  '',
  'Overall effectiveness Inadequate',
  '',
  '5. The overall judgement has no section of its own, and no box.',
  '',
];

/** The same sections as a 2014 report heads them, with the box's columns' labels. */
const LABELLED = [
  'Inspection judgements about the local authority',
  'Key judgement                                       Judgement grade',
  '',
  'The experiences and progress of children',
  '                                                    Requires improvement',
  'who need help and protection',
  '',
  'Summary',
  '',
  '1. Children in need of help wait too long for their assessments to be completed.',
  '',
];

const blocks = (result: ImportResult): string[] => mdxBlocks(stripFrontmatter(result.mdx)).map((block) => `${block.type}: ${block.text}`);

describe('a 2014-18 section’s box, its name and grade interleaved', () => {
  const text = [...HEAD, ...SECTIONS].join('\n');

  it('is the section’s name as its heading, then its grade, each in Ofsted’s words', async () => {
    for (const result of [importDocument(text, { fileName: 'exampleshire-2015.txt' }), await importPdf(await layoutPdf(text), { fileName: 'exampleshire-2015.pdf' })]) {
      const body = blocks(result);
      const at = (heading: string): string[] => body.slice(body.indexOf(`heading: ${heading}`), body.indexOf(`heading: ${heading}`) + 2);
      expect(at('The experiences and progress of children who need help and protection')).toEqual([
        'heading: The experiences and progress of children who need help and protection',
        'paragraph: Requires improvement',
      ]);
      expect(at('The experiences and progress of children looked after and achieving permanence')).toEqual([
        'heading: The experiences and progress of children looked after and achieving permanence',
        'paragraph: Good',
      ]);
      expect(at('Leadership, management and governance')).toEqual(['heading: Leadership, management and governance', 'paragraph: Requires improvement to be good']);
      // Ofsted's own sentence is a heading as printed.
      expect(body).toContain('heading: Leadership, management and governance requires improvement');
      expect(body).toContain('heading: Overall effectiveness Inadequate');
      expect(body.filter((block) => /heading: .*(?:Good|Requires improvement)/.test(block))).toEqual([]);
      expect(body.filter((block) => /heading: .*Inadequate/.test(block))).toEqual(['heading: Overall effectiveness Inadequate']);
    }
  });

  it('passes the checks: every word kept, no heading with a grade run into it', () => {
    const result = importDocument(text, { fileName: 'exampleshire-2015.txt' });
    expect(importDefects(result, text)).toEqual([]);
  });
});

describe('a 2014 section’s box headed “Key judgement Judgement grade”', () => {
  const text = [...HEAD, ...LABELLED].join('\n');

  it('is the key judgement as the heading, then the grade with its label, the labels no heading of their own', () => {
    const body = blocks(importDocument(text, { fileName: 'exampleshire-2014.txt' }));
    const at = body.indexOf('heading: Inspection judgements about the local authority');
    expect(body.slice(at, at + 4)).toEqual([
      'heading: Inspection judgements about the local authority',
      'heading: The experiences and progress of children who need help and protection',
      'paragraph: Judgement grade: Requires improvement',
      'heading: Summary',
    ]);
  });

  it('passes the checks', () => {
    expect(importDefects(importDocument(text, { fileName: 'exampleshire-2014.txt' }), text)).toEqual([]);
  });

  it('is read the same where the grade’s column is labelled “Inspection Grade”', () => {
    const inspection = text.replace('Judgement grade', 'Inspection Grade').replace('Key judgement', 'Key Judgement');
    const result = importDocument(inspection, { fileName: 'exampleshire-2014.txt' });
    expect(blocks(result)).toContain('paragraph: Inspection Grade: Requires improvement');
    expect(blocks(result).filter((block) => /Key Judgement/.test(block))).toEqual([]);
    expect(importDefects(result, inspection)).toEqual([]);
  });
});

/**
 * A 2015-17 paragraph may end with Ofsted's note on the same line as its last sentence
 * ("… to inform future learning. (Recommendation)"), at the foot of a page whose next opens with
 * a section's box (Shropshire 2017): the note ends the paragraph, and the box is the next
 * section's heading and grade, not words run on into the paragraph.
 */
describe('a section’s box at the top of the page after a paragraph that ends with its note', () => {
  const text = [
    ...HEAD,
    'The experiences and progress of',
    'children who need help and                          Good',
    'protection',
    '',
    'Summary',
    '',
    '1. Children in need of help are seen quickly by social workers who know them well.',
    '',
    '2.   Arrangements for children to take part in their conferences are weak. Some',
    '     children are helped to speak at their meetings. However, the council does not',
    '     count how many children take part to inform future learning. (Recommendation)',
    '',
    '',
    '14',
    '\fThe experiences and progress of',
    '                                                    Requires improvement',
    'children looked after and achieving',
    'permanence                                          to be good',
    '',
    'Summary',
    '',
    '3. Children in care live in stable homes and see their social workers often.',
    '',
  ].join('\n');

  it('ends the paragraph with its note; the box is the next section’s heading, then its grade', async () => {
    for (const result of [importDocument(text, { fileName: 'exampleshire-2017.txt' }), await importPdf(await layoutPdf(text), { fileName: 'exampleshire-2017.pdf' })]) {
      const body = blocks(result);
      const at = body.findIndex((block) => block.startsWith('paragraph: 2. '));
      expect(body.slice(at, at + 4)).toEqual([
        'paragraph: 2. Arrangements for children to take part in their conferences are weak. Some children are helped to speak at their meetings. However, the council does not count how many children take part to inform future learning. (Recommendation)',
        'heading: The experiences and progress of children looked after and achieving permanence',
        'paragraph: Requires improvement to be good',
        'heading: Summary',
      ]);
    }
  });

  it('passes the checks', () => {
    expect(importDefects(importDocument(text, { fileName: 'exampleshire-2017.txt' }), text)).toEqual([]);
  });
});
