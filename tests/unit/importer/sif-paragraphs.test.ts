/**
 * The numbered paragraphs of the single inspection framework's reports (2014-2018, issue 24):
 * lines of the text that recur at a page's edge now and then and are no running header. A
 * 2015-17 report ends many paragraphs with "(Recommendation)" on a line of its own, and opens
 * several sections with the same heading ("Inspection findings") at the top of a page; neither
 * may be taken out as a header, and a section's heading at the top of a page is a heading of its
 * own, not the end of the paragraph before it. The texts are written here as the PDF's text
 * layer gives them (a page number, then a form feed), about a fictional council.
 */
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter } from '../../../src/lib/importer/blocks.ts';
import { importDocument } from '../../../src/lib/importer/index.ts';
import { importDefects, sourceWordStream } from '../../../src/lib/importer/verify.ts';
import { HELP_GOOD, LEADERSHIP_GOOD, sifHead } from '../../helpers/single-inspection.ts';


const HEAD_2016 = sifHead({ dates: ['Inspection dates: 2 March 2016 – 26 March 2016', 'Report published: 8 May 2016'], overall: 'Children’s services in Exampleshire are good', rows: [HELP_GOOD] });

/**
 * Sixteen pages of findings, four numbered paragraphs a page. Every third paragraph ends with
 * "(Recommendation)", which falls at the foot of pages 4, 8 and 12; "Inspection findings" opens
 * pages 2, 7 and 13; the last page opens with "Information about this inspection" after a
 * paragraph that ended with its note at the foot of the page before; page 10 opens with
 * "Recommendations" after a list's last item, which has no full stop.
 */
function report(): string {
  const pages: string[][] = [[...HEAD_2016]];
  let number = 1;
  for (let page = 2; page <= 17; page++) {
    const lines: string[] = [];
    if ([2, 7, 13].includes(page)) lines.push('Inspection findings', '');
    if (page === 10) lines.push('Recommendations', '');
    if (page === 17) lines.push('Information about this inspection', '', 'Inspectors looked at the experiences of children in Exampleshire.');
    for (let index = 0; index < 4 && page < 17; index++) {
      lines.push(`${number}. Social workers in team ${number} of Exampleshire visit children regularly and`, 'know them well. Managers in the team oversee their work and check their', 'records every month.');
      const last = index === 3;
      if ((last && [4, 8, 12, 16].includes(page)) || (!last && number % 3 === 0)) lines.push('(Recommendation)');
      if (last && page === 9) lines.push('', '• Graded care profile');
      if (!last) lines.push('');
      number++;
    }
    pages.push(lines);
  }
  return pages.map((lines, index) => `${lines.join('\n')}\n\n${index + 1}`).join('\f');
}

const text = report();
const result = importDocument(text, { fileName: 'exampleshire-2016.txt' });
const blocks = mdxBlocks(stripFrontmatter(result.mdx));
const texts = blocks.map((block) => block.text);

describe('a note and a heading that recur at a page’s edge (2015-17 reports)', () => {
  it('keeps every “(Recommendation)” at the end of its paragraph, those at a page’s foot too', () => {
    const notes = text.split('\n').filter((line) => line === '(Recommendation)').length;
    expect(notes).toBeGreaterThan(6);
    expect(texts.filter((block) => /^\d+\. .*\(Recommendation\)$/.test(block))).toHaveLength(notes);
    expect(texts.filter((block) => /\(Recommendation\)./.test(block))).toEqual([]);
  });

  it('keeps each “Inspection findings” at the top of a page as a heading', () => {
    expect(blocks.filter((block) => block.type === 'heading' && block.text === 'Inspection findings')).toHaveLength(3);
  });

  it('starts a section at a heading atop a page, after a note or an item without a full stop', () => {
    expect(blocks.filter((block) => block.type === 'heading').map((block) => block.text)).toContain('Information about this inspection');
    expect(blocks.filter((block) => block.type === 'heading').map((block) => block.text)).toContain('Recommendations');
    expect(blocks.find((block) => block.type === 'list-item')?.text).toBe('Graded care profile');
  });

  it('is checked as words of the text, not a running header', () => {
    const stream = sourceWordStream(text);
    expect(stream.split('recommendation').length - 1).toBe(text.toLowerCase().split('recommendation').length - 1);
    expect(stream.split('inspectionfindings').length - 1).toBe(3);
    expect(importDefects(result, text)).toEqual([]);
  });
});

describe('a running header on every page', () => {
  it('is still left out, by the importer and by the check', () => {
    const pages = report()
      .split('\f')
      .map((page, index) => (index === 0 ? page : `Exampleshire inspection report\n${page}`));
    const withHeader = pages.join('\f');
    const imported = importDocument(withHeader, { fileName: 'exampleshire-2016.txt' });
    expect(imported.mdx).not.toContain('Exampleshire inspection report');
    expect(sourceWordStream(withHeader)).not.toContain('exampleshireinspectionreport');
  });
});

describe('a 2014 report that prints its paragraphs as bullets, without numbers', () => {
  const head = [
    ...sifHead({ dates: ['Inspection date: 19 November 2013 – 11 December 2013'], overall: 'The overall judgement is good.', rows: [HELP_GOOD, LEADERSHIP_GOOD] }),
    'Contents',
    'Section 1: the local authority 3',
    '',
  ];
  const findings = [
    'Section 1: the local authority',
    'Summary of key findings',
    'This local authority is good because:',
    '',
    '\uF06E Social workers in Exampleshire assess children’s needs well and see',
    'children alone.',
    '\uF06E Leaders know their services and visit social work teams regularly.',
    '',
    'Inspection judgements about the local authority',
    'The experiences and progress of children who need help and protection',
    'are good.',
    '',
    '\uF06E Strategy meetings are timely and their decisions are appropriate.',
    '\uF06E Nearly all assessments are of good quality and some are very good.',
    '',
  ];
  const text = [...head, '\f', ...findings].join('\n');
  const imported = importDocument(text, { fileName: 'exampleshire-2014.txt' });
  const body = mdxBlocks(stripFrontmatter(imported.mdx));

  it('is not marked as numbering its own paragraphs: its blocks are numbered as a letter’s are', () => {
    expect(imported.frontmatter).not.toHaveProperty('paragraphNumbers');
    expect(imported.mdx).not.toMatch(/^paragraphNumbers:/m);
    expect(importDefects(imported, text).filter((defect) => defect.check === 'numbering')).toEqual([]);
  });

  it('keeps its bullets as the list items Ofsted printed', () => {
    expect(body.filter((block) => block.type === 'list-item').map((block) => block.text)).toEqual([
      'Social workers in Exampleshire assess children’s needs well and see children alone.',
      'Leaders know their services and visit social work teams regularly.',
      'Strategy meetings are timely and their decisions are appropriate.',
      'Nearly all assessments are of good quality and some are very good.',
    ]);
  });

  it('a report that numbers its paragraphs is still marked so', () => {
    const numbered = text.replace('\uF06E Strategy meetings', '1. Strategy meetings').replace('\uF06E Nearly all', '2. Nearly all');
    expect(importDocument(numbered, { fileName: 'exampleshire-2014.txt' }).frontmatter.paragraphNumbers).toBe('ofsted');
  });
});

describe('the Symbol font’s minus between two years (“2016\uF02D17”, 2017)', () => {
  it('is the minus sign it prints, not a glyph left in the text; the 2014 sub-item dash still nests', () => {
    const text = [...HEAD_2016, '\fInspection findings', '', '1. Twelve children were adopted in 2016\uF02D17 and 20 in 2015\uF02D16.', '', '\uF06E Of this number:', '\uF02D five were brothers and sisters', ''].join('\n');
    const imported = importDocument(text, { fileName: 'exampleshire-2017.txt' });
    const body = stripFrontmatter(imported.mdx);
    expect(body).toContain('1\\. Twelve children were adopted in 2016\u221217 and 20 in 2015\u221216.');
    expect(body).toContain('- Of this number:\n  - five were brothers and sisters');
    expect(body).not.toMatch(/[\uF000-\uF0FF]/u);
  });
});

describe('a contents entry kept as a heading, with its page number (Lincolnshire 2015)', () => {
  it('is a defect the checks name', () => {
    // The entry as a faulty import keeps it: a heading with its page number, beside the heading it lists.
    const faulty = { ...result, mdx: result.mdx.replace('## Inspection findings', '## Inspection findings 2\n\n## Inspection findings') };
    expect(importDefects(result, text).filter((defect) => defect.check === 'contents')).toEqual([]);
    expect(importDefects(faulty, text).filter((defect) => defect.check === 'contents').map((defect) => defect.detail)).toEqual(['a contents entry kept as a heading: “Inspection findings 2”']);
  });
});
