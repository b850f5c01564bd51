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
  /** The letter's first paragraph, where it names the inspectors. */
  opening?: string;
  inspectorsSentence?: string;
  closing?: string;
  signature?: string;
}

const OPENING = 'This letter summarises the findings of a focused visit to Exampleton Borough Council children’s services on 3 and 4 March 2021';

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

${parts.opening ?? `${OPENING}. ${parts.inspectorsSentence ?? 'The inspectors were Robin Sample and Ash Example, Her Majesty’s Inspectors.'}`}

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
    ['The inspectors were Ash Example and Robin Sample, both Her Majesty’s Inspectors.', ['Robin Sample', 'Ash Example']],
    [
      'The visit was carried out by Ash Example, Kit Placeholder and Lee Fictional, all of whom are Her Majesty’s Inspectors (HMI), and Robin Sample (HMI designate).',
      ['Robin Sample', 'Ash Example', 'Kit Placeholder', 'Lee Fictional'],
    ],
  ])('%s', async (sentence, expected) => {
    for (const [from, result] of await both(letter({ inspectorsSentence: sentence }))) {
      expect(result.frontmatter.inspectors, from).toEqual(expected);
      expect(result.missing, from).not.toContain('inspectors');
    }
  });
});

describe('inspectors named with a title or role before a name, or a rank after it (issue 24, class 5)', () => {
  it.each([
    // A title before the next name once joined the two names into one.
    [
      'The inspectors were Robin Sample, Her Majesty’s Inspector, HMI Ash Example, Her Majesty’s Inspector, and Kit Placeholder, Her Majesty’s Inspector.',
      ['Robin Sample', 'Ash Example', 'Kit Placeholder'],
    ],
    ['The visit was carried out by Her Majesty’s Inspector, Ash Example and Her Majesty’s Inspector, Robin Sample.', ['Robin Sample', 'Ash Example']],
    ['The inspectors were Ash Example, Her Majesty’s Inspector, and Robin Sample, Senior Her Majesty’s Inspector.', ['Robin Sample', 'Ash Example']],
    [
      'The inspectors were Robin Sample and Ash Example, Her Majesty’s Inspectors (HMI) Social Care, and Kit Placeholder, HMI Schools.',
      ['Robin Sample', 'Ash Example', 'Kit Placeholder'],
    ],
    [
      'His Majesty’s Inspectors for this visit were lead inspector Robin Sample and team inspectors Ash Example and Kit Placeholder.',
      ['Robin Sample', 'Ash Example', 'Kit Placeholder'],
    ],
    ['Her Majesty’s Inspectors (HMI) for this visit were Robin Sample and Ash Example, with Kit Placeholder, HMI designate.', ['Robin Sample', 'Ash Example', 'Kit Placeholder']],
  ])('%s', async (sentence, expected) => {
    for (const [from, result] of await both(letter({ inspectorsSentence: sentence }))) {
      expect(result.frontmatter.inspectors, from).toEqual(expected);
    }
  });

  it.each([
    [`${OPENING}, carried out by Ash Example and Robin Sample, Her Majesty’s Inspectors.`, ['Robin Sample', 'Ash Example']],
    [`${OPENING} which was carried out by Her Majesty’s Inspectors Ash Example, Kit Placeholder and Robin Sample.`, ['Robin Sample', 'Ash Example', 'Kit Placeholder']],
  ])('in the sentence that gives the visit: %s', async (opening, expected) => {
    for (const [from, result] of await both(letter({ opening }))) {
      expect(result.frontmatter.inspectors, from).toEqual(expected);
    }
  });

  it('are listed missing, never guessed, when the list names someone who is not an inspector', async () => {
    const sentence = 'Her Majesty’s Inspectors for this visit were Robin Sample, lead inspector, Ash Example, team inspector and Kit Placeholder, who observed the visit.';
    for (const [from, result] of await both(letter({ inspectorsSentence: sentence }))) {
      expect(result.frontmatter.inspectors, from).toBeUndefined();
      expect(result.missing, from).toContain('inspectors');
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
