/**
 * Wordings of focused-visit and monitoring letters that Ofsted has used (issue 24, classes 5 and
 * 6), each in a letter written here about a fictional council and fictional inspectors: the ways
 * a letter names its inspectors, and the sign-off misspelt "Your sincerely". Each is imported
 * from its text and from a PDF drawn from that text.
 */
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter, type TextBlock } from '../../../src/lib/importer/blocks.ts';
import { importDocument, importPdf, type ImportResult } from '../../../src/lib/importer/index.ts';
import { layoutPdf } from '../../helpers/pdf.ts';

interface Parts {
  inspectorsSentence?: string;
  closing?: string;
  signature?: string;
}

/** A focused-visit letter in Ofsted's 2021 shape, about a fictional council. */
function letter(parts: Parts = {}): string {
  return `Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD

9 April 2021

Pat Placeholder
Director of Children’s Services
Exampleton Borough Council
Town Hall
Exampleton
ZZ9 8YX

Dear Pat

Focused visit to Exampleton Borough Council children’s services

This letter summarises the findings of a focused visit to Exampleton Borough Council children’s services on 3 and 4 March 2021. ${parts.inspectorsSentence ?? 'The inspectors were Robin Sample and Ash Example, Her Majesty’s Inspectors.'}

Inspectors looked at the local authority’s arrangements for children in care.

Headline findings

Children in care in this fictional borough see their social workers often. Plans for them are too variable in quality.

Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.

${parts.closing ?? 'Yours sincerely'}

${parts.signature ?? 'Robin Sample\nHer Majesty’s Inspector'}
`;
}

/** Long lines wrapped at 90 characters, as a PDF sets them on its page. */
function wrapped(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current !== '' && `${current} ${word}`.length > 90) {
          lines.push(current);
          current = word;
        } else current = current === '' ? word : `${current} ${word}`;
      }
      return [...lines, current].join('\n');
    })
    .join('\n');
}

/** The letter imported from its text, and from a PDF of it with its lines wrapped. */
async function both(text: string): Promise<Array<[string, ImportResult]>> {
  return [
    ['text', importDocument(text, { fileName: 'letter.txt' })],
    ['PDF', await importPdf(await layoutPdf(wrapped(text)), { fileName: 'letter.pdf' })],
  ];
}

const blocksOf = (result: ImportResult): TextBlock[] => mdxBlocks(stripFrontmatter(result.mdx));

describe('inspectors named with a clause after the list (issue 24, class 5)', () => {
  it.each([
    [
      'The inspectors were Robin Sample, Ash Example, Kit Placeholder and Lee Fictional, all of whom are Her Majesty’s Inspectors.',
      ['Robin Sample', 'Ash Example', 'Kit Placeholder', 'Lee Fictional'],
    ],
    ['The inspectors were Ash Example and Robin Sample, both of whom are Her Majesty’s Inspectors.', ['Robin Sample', 'Ash Example']],
  ])('%s', async (sentence, expected) => {
    for (const [from, result] of await both(letter({ inspectorsSentence: sentence }))) {
      expect(result.frontmatter.inspectors, from).toEqual(expected);
      expect(result.missing, from).not.toContain('inspectors');
    }
  });
});

describe('the sign-off misspelt “Your sincerely”, as Ofsted issued some letters (issue 24, class 6)', () => {
  it('is read as the sign-off, keeping Ofsted’s word, never as a heading', async () => {
    for (const [from, result] of await both(letter({ closing: 'Your sincerely' }))) {
      const blocks = blocksOf(result);
      expect(blocks.filter((block) => block.type === 'heading').map((block) => block.text), from).toEqual(['Headline findings']);
      expect(result.mdx, from).toContain('<SignOff>\n\nYour sincerely\n\nRobin Sample\\\nHer Majesty’s Inspector\n\n</SignOff>');
      expect(result.frontmatter.inspectors, from).toEqual(['Robin Sample', 'Ash Example']);
    }
  });

  it('gives the same letter as “Yours sincerely”, but for that word', async () => {
    const [[, misspelt]] = await both(letter({ closing: 'Your sincerely' }));
    const [[, correct]] = await both(letter());
    expect(misspelt!.mdx.replace('Your sincerely', 'Yours sincerely')).toBe(correct!.mdx);
  });
});
