/**
 * Whole letters in the formats extraction really produces, written for these tests about a
 * fictional council (tests/fixtures/letters/).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter, type TextBlock } from '../../../src/lib/importer/blocks.ts';
import { importLetter } from '../../../src/lib/importer/index.ts';
import { sharedFile } from '../../helpers/shared.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/letters');

async function imported(name: string) {
  const text = await readFile(path.join(fixtures, name), 'utf8');
  const result = importLetter(text, { fileName: `letters/${name}` });
  return { text, result, blocks: mdxBlocks(stripFrontmatter(result.mdx)) };
}

const texts = (blocks: readonly TextBlock[], type: TextBlock['type']): string[] =>
  blocks.filter((block) => block.type === type).map((block) => block.text);

describe('an older focused-visit letter (2019): Ofsted’s address block, • bullets, page numbers', async () => {
  const { result, blocks } = await imported('focused-visit-2019.txt');

  it('finds its frontmatter, with the signing inspector first', () => {
    expect(result.slug).toBe('2019-02-focused-visit');
    expect(result.frontmatter).toMatchObject({
      title: 'Focused visit to Exampleshire County Council children’s services',
      kind: 'focused-visit',
      authority: 'Exampleshire County Council',
      visitStart: '2019-02-05',
      visitEnd: '2019-02-06',
      letterDate: '2019-03-14',
      inspectors: ['Jane Example', 'Sam Sample'],
      areasCovered: ['The local authority’s arrangements for children in need and children subject to a child protection plan.'],
      text: 'full',
    });
    expect(result.frontmatter).not.toHaveProperty('visitNumber');
    expect(result.missing).toEqual(['headline', 'sources']);
  });

  it('drops Ofsted’s address block, the page numbers and the running title on each page', () => {
    expect(blocks[0]).toEqual({ type: 'paragraph', text: '14 March 2019' });
    expect(blocks[1]!.text).toBe('Pat Placeholder\nDirector of Children’s Services\nExampleshire County Council\nCounty Hall\nSampleton\nZZ1 2AB');
    for (const gone of ['Piccadilly Gate', 'M1 2WD', 'Textphone', 'enquiries@ofsted.gov.uk', 'www.gov.uk/ofsted']) {
      expect(result.mdx).not.toContain(gone);
    }
    expect(result.mdx).not.toMatch(/^\d+$/m);
    // The subject appears once, in bold in the letter head: its repeats as a running title are gone.
    expect(result.mdx.split('Focused visit to Exampleshire County Council children’s services').length - 1).toBe(2);
  });

  it('joins the paragraph the page break split, and keeps the letter’s paragraphs in order', () => {
    expect(texts(blocks, 'paragraph')).toContain(
      'Child protection enquiries are timely and thorough. Strategy discussions are well attended by partner agencies, and decisions about next steps are recorded clearly. Children are seen alone when it is appropriate, and their views inform the plans that are made for them.',
    );
    expect(texts(blocks, 'heading')).toEqual(['Overview', 'What needs to improve in this area of social work practice']);
    expect(texts(blocks, 'list-item')).toEqual([
      'The quality and consistency of assessments, so that they consider family history and identify risks to children clearly.',
      'The clarity of management direction in supervision.',
      'The timeliness of plans for children in need.',
    ]);
    expect(blocks.slice(-3).map((block) => block.text)).toEqual([
      'Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.',
      'Yours sincerely',
      'Jane Example\nHer Majesty’s Inspector',
    ]);
  });
});

describe('a monitoring visit as extracted from the PDF: B bullets, page breaks inside paragraphs', async () => {
  const { result, blocks } = await imported('monitoring-visit-b-bullets.txt');

  it('finds its frontmatter', () => {
    expect(result.slug).toBe('2024-03-monitoring-visit-3');
    expect(result.frontmatter).toMatchObject({
      kind: 'monitoring-visit',
      visitNumber: 3,
      authority: 'Exampleshire County Council',
      visitStart: '2024-03-12',
      visitEnd: '2024-03-13',
      letterDate: '2024-04-20',
      inspectors: ['Robin Placeholder', 'Alex Sample'],
      areasCovered: [
        'The timeliness and quality of the local authority’s response to contacts and referrals at the front door.',
        'The quality of management oversight and supervision.',
      ],
      followsUp: { grade: 'inadequate', date: '2023-05' },
    });
  });

  it('joins a paragraph broken by a page mid-sentence, whether the next page starts in lower or upper case', () => {
    const paragraphs = texts(blocks, 'paragraph');
    expect(paragraphs).toContain(
      'Children who need help are identified quickly. Social workers in the multi-agency safeguarding hub gather information from partner agencies and use it to understand the risks to children. When children are at risk of significant harm, strategy discussions are held promptly and the right agencies attend them. Most social workers and managers record the reasons for their decisions clearly, so that it is easy to see why a child’s case has been passed to another team.',
    );
    expect(paragraphs).toContain(
      'Management oversight is regular, and most supervision records show the actions agreed for each child. Supervision does not always consider the progress made since the last session, and in a small number of children’s records the actions agreed are not followed up. Leaders know this and have introduced a new supervision template in Exampleshire, which is too recent for its impact to be seen.',
    );
    // ... but a page break after a full stop, before a capital, starts a new paragraph.
    expect(paragraphs).toContain('Social workers say that they feel well supported by their managers. Caseloads are manageable, and the number of agency social workers has reduced.');
  });

  it('keeps a hyphenated word broken across lines whole, with its hyphen', () => {
    expect(texts(blocks, 'paragraph').join('\n')).toContain('a consultation line that is now well-established helps');
  });

  it('reads B bullets as a list, with multi-line items joined', () => {
    expect(texts(blocks, 'list-item')).toEqual([
      'The timeliness and quality of the local authority’s response to contacts and referrals at the front door.',
      'The quality of management oversight and supervision.',
    ]);
    expect(result.mdx).not.toMatch(/^B /m);
  });

  it('repairs the misread postcode, and normalises the Windows line endings and trailing spaces', () => {
    expect(blocks[1]!.text.split('\n').at(-1)).toBe('ZZ1 0AB');
    expect(result.mdx).not.toMatch(/\r|[ \t]$/m);
    expect(texts(blocks, 'heading')).toEqual(['Areas covered by the visit', 'Headline findings', 'Findings and evaluation of progress']);
  });
});

describe('a visit spanning two months, with form feeds and “Page N of M” lines', async () => {
  const { result, blocks } = await imported('monitoring-visit-two-months.txt');

  it('reads 30 September to 2 October 2024, and takes its slug from the month the visit started', () => {
    expect(result.frontmatter.visitStart).toBe('2024-09-30');
    expect(result.frontmatter.visitEnd).toBe('2024-10-02');
    expect(result.slug).toBe('2024-09-monitoring-visit-5');
    expect(result.frontmatter.inspectors).toEqual(['Chris Sample', 'Lee Example', 'Jo Placeholder-Smith']);
    expect(result.frontmatter.followsUp).toEqual({ grade: 'inadequate', date: '2022-02' });
  });

  it('drops the page lines and footers, and joins the paragraph split across the form feed', () => {
    expect(result.mdx).not.toMatch(/Page \d of 3|www\.gov\.uk|\f/);
    expect(texts(blocks, 'paragraph')).toContain(
      'Pathway plans are completed on time but are too often written for young people rather than with them. Plans do not always reflect what young people want to achieve, and contingency plans are weak.',
    );
    expect(texts(blocks, 'heading')).toContain('Findings and evaluation of progress');
    expect(texts(blocks, 'list-item')).toEqual(['The experiences and progress of care leavers.', 'The quality of pathway plans.']);
  });
});

describe('“His Majesty’s” broken across a line', async () => {
  const { result, blocks } = await imported('monitoring-visit-broken-majesty.txt');

  it('still finds the inspectors, lead (the signer) first', () => {
    expect(result.frontmatter.inspectors).toEqual(['Kit Example', 'Dana Sample']);
    expect(result.frontmatter).toMatchObject({ visitNumber: 1, visitStart: '2022-11-28', visitEnd: '2022-12-01', followsUp: { grade: 'inadequate', date: '2022-07' } });
    expect(result.slug).toBe('2022-11-monitoring-visit-1');
  });

  it('writes the signature’s title on one line, and the paragraph with the phrase whole', () => {
    expect(blocks.at(-1)).toEqual({ type: 'paragraph', text: 'Kit Example\nHis Majesty’s Inspector' });
    expect(texts(blocks, 'paragraph').join('\n')).toContain('His Majesty’s inspectors for this visit were Dana Sample and Kit Example.');
  });

  it('reads - and ▪ bullets, with indented continuation lines', () => {
    expect(texts(blocks, 'list-item')).toEqual([
      'The quality of help and protection for children at risk of exploitation.',
      'The response to children who go missing from home or care.',
      'Leaders should ensure that return home interviews are offered to every child who goes missing, and that what children say informs their plans.',
      'Managers should ensure that risk assessments for children at risk of exploitation are reviewed when circumstances change.',
    ]);
    expect(texts(blocks, 'heading')).toEqual(['Areas covered by the visit', 'Areas for priority action', 'Findings and evaluation of progress']);
  });
});

/**
 * A real news story about an inspection: it names Ofsted and the inspection, but is no letter.
 * It is in the shared folder beside the checkout (../shared/seeds, as in CI), never in the
 * repository, so where that folder is absent its refusal is not registered.
 */
const pressSummary = sharedFile('seeds/2018-inspection-press-summary.txt');

describe('text that is not an Ofsted letter', () => {
  it('not-a-letter.txt is refused', async () => {
    const text = await readFile(path.join(fixtures, 'not-a-letter.txt'), 'utf8');
    expect(() => importLetter(text, { fileName: 'not-a-letter.txt' })).toThrow(/no inspector or visit wording found/);
  });

  it.runIf(pressSummary !== undefined)('2018-inspection-press-summary.txt is refused', async () => {
    const text = await readFile(pressSummary!, 'utf8');
    expect(() => importLetter(text, { fileName: '2018-inspection-press-summary.txt' })).toThrow(/no “Dear \.\.\.” salutation/);
  });
});

describe('a letter without a fact every report needs', () => {
  it('is refused, naming what is missing, rather than written with a guess', async () => {
    const text = (await readFile(path.join(fixtures, 'monitoring-visit-broken-majesty.txt'), 'utf8'))
      .replace('from 28 November to 1 December 2022', 'recently')
      .replace('This was the first\nmonitoring visit', 'This was a\nmonitoring visit');
    expect(() => importLetter(text, { fileName: 'letters/undated.txt' })).toThrow(
      /^import: letters\/undated\.txt: could not find the monitoring visit’s number \(visitNumber\) and the dates of the visit \(visitStart\), which every report needs\. Fix: /,
    );
  });
});
