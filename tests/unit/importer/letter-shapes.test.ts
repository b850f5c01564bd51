/**
 * Shapes of focused-visit letters that the importer once read wrongly (issue 24: the heading
 * over the improvements, footnotes, the letter head, the council's name, paragraphs, the areas
 * covered), each in a letter written here about a fictional council and fictional inspectors,
 * imported from its text and, where the shape is the PDF's, from a PDF drawn from that text.
 */
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter, type TextBlock } from '../../../src/lib/importer/blocks.ts';
import { ImportError, importDocument, importPdf, type ImportResult } from '../../../src/lib/importer/index.ts';
import { layoutPdf } from '../../helpers/pdf.ts';

const blocksOf = (result: ImportResult): TextBlock[] => mdxBlocks(stripFrontmatter(result.mdx));
const headings = (result: ImportResult): string[] => blocksOf(result).filter((block) => block.type === 'heading').map((block) => block.text);
const fromText = (text: string): ImportResult => importDocument(text, { fileName: 'letter.txt' });

interface Parts {
  head?: string;
  improveHeading?: string;
  /** The council as the subject line and first paragraph name it. */
  council?: string;
  /** The paragraph after the first, where the letter states its focus. */
  focus?: string;
  /** The pages after the first, each starting with a form feed. */
  pages?: string;
}

/** A focused-visit letter in Ofsted's 2023 shape, about a fictional council. */
function letter(parts: Parts = {}): string {
  return `${parts.head ?? `Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD

9 April 2023

Pat Placeholder
Director of Children’s Services
Exampleton Borough Council
Town Hall
Exampleton
ZZ9 8YX`}

Dear Pat

Focused visit to ${parts.council ?? 'Exampleton Borough Council'} children’s services

This letter summarises the findings of the focused visit to ${parts.council ?? 'Exampleton Borough Council'} children’s services on 3 and 4 March 2023. His Majesty’s Inspectors for this visit were Robin Sample and Ash Example.

${parts.focus ?? 'Inspectors looked at the local authority’s arrangements for children in care.'}

Headline findings

Children in care in this fictional borough see their social workers often. Plans for them are too variable in quality.

${parts.improveHeading ?? 'What needs to improve in this area of social work practice?'}

◼ The quality of plans for children in care.

Main findings

Social workers know the children well and visit them often.
${parts.pages ?? ''}
Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.

Yours sincerely

Robin Sample
His Majesty’s Inspector
`;
}

describe('the heading over the improvements (issue 24)', () => {
  it.each([
    'What needs to improve in this area of social work practice?',
    'What needs to improve in this area of social work practice:',
    'What needs to improve in this area of social work practice',
    'What needs to improve in this area of practice',
  ])('“%s” is a heading, as Ofsted printed it', async (heading) => {
    for (const result of [fromText(letter({ improveHeading: heading })), await importPdf(await layoutPdf(letter({ improveHeading: heading })), { fileName: 'letter.pdf' })]) {
      expect(headings(result)).toEqual(['Headline findings', heading, 'Main findings']);
    }
  });
});

describe('a footnote at the foot of a page in the middle of a paragraph (issue 24, class 7)', () => {
  const NOTE = 'The areas for improvement have been cross-referenced with the fictional framework. This guidance is invented for this test.';
  const pages = `\fAnother paragraph of the letter starts on this page and its sentence runs on to
the next page, where it ends with

1 ${NOTE.replace(' This guidance', '\nThis guidance')}
2
\fthe words that finish it. A new sentence follows.
`;
  const twoPages = letter({ improveHeading: 'What needs to improve in this area of social work practice?1', pages });

  it.each([
    ['text', (): ImportResult => fromText(twoPages)],
    ['PDF', async (): Promise<ImportResult> => importPdf(await layoutPdf(twoPages), { fileName: 'letter.pdf' })],
  ])('from the %s: the paragraph is whole, the heading has no stray mark, the note follows the letter', async (_from, read) => {
    const result = await read();
    expect(headings(result)).toEqual(['Headline findings', 'What needs to improve in this area of social work practice?', 'Main findings']);
    const paragraphs = blocksOf(result).map((block) => block.text);
    expect(paragraphs).toContain(
      'Another paragraph of the letter starts on this page and its sentence runs on to the next page, where it ends with the words that finish it. A new sentence follows.',
    );
    expect(paragraphs.at(-1)).toBe(NOTE);
    expect(result.mdx).toContain(`<Footnote mark="1" of="what-needs-to-improve-in-this-area-of-social-work-practice">\n\n${NOTE}\n\n</Footnote>\n`);
    expect(result.mdx.indexOf('</SignOff>')).toBeLessThan(result.mdx.indexOf('<Footnote'));
    expect(result.notes).toEqual([]);
  });

  it('the note printed without its number is still the heading’s note', () => {
    const result = fromText(twoPages.replace('1 The areas', 'The areas'));
    expect(headings(result)).toContain('What needs to improve in this area of social work practice?');
    expect(result.mdx).toContain(`<Footnote mark="1" of="what-needs-to-improve-in-this-area-of-social-work-practice">\n\n${NOTE}\n\n</Footnote>\n`);
  });

  it('a postcode in the address is never taken for a mark, nor a numbered address line for a note', () => {
    const head = `9 April 2023

Pat Placeholder
Exampleton Borough Council

1 Town Square
Exampleton EX1 1AA`;
    const result = fromText(letter({ head }));
    expect(result.mdx).toContain('Pat Placeholder\\\nExampleton Borough Council\\\n1 Town Square\\\nExampleton EX1 1AA');
    expect(result.mdx).not.toContain('<Footnote');
  });
});

describe('the areas covered: the stated focus, never the sentence about the evidence (issue 24, class 10)', () => {
  const EVIDENCE = 'Inspectors looked at a range of evidence, including children’s case records.';
  it.each([
    [`The focus of this visit was on planning and achieving permanence for children.\n\n${EVIDENCE}`, 'Planning and achieving permanence for children.'],
    [`During this visit, inspectors looked at the local authority’s arrangements for children in need.\n\n${EVIDENCE}`, 'The local authority’s arrangements for children in need.'],
    [`Inspectors looked at the local authority’s arrangements for the ‘front door.’\n\n${EVIDENCE}`, 'The local authority’s arrangements for the ‘front door.’'],
    [`${EVIDENCE} Inspectors evaluated the quality of care planning for children in care.`, 'The quality of care planning for children in care.'],
  ])('%s', (focus, area) => {
    expect(fromText(letter({ focus })).frontmatter.areasCovered).toEqual([area]);
  });

  it('are listed missing, never the evidence, when the letter states no focus', () => {
    const result = fromText(letter({ focus: EVIDENCE }));
    expect(result.frontmatter.areasCovered).toBeUndefined();
    expect(result.missing).toContain('areasCovered');
  });
});

describe('the council’s name, as the letter gives it, without other words (issue 24, class 14)', () => {
  const head = (line: string): string => `9 April 2023\n\nPat Placeholder\n${line}\nTown Hall\nExampleton\nZZ9 8YX`;
  it.each([
    ['the London Borough of Exampleton local authority', 'Director of Children’s Services', 'London Borough of Exampleton'],
    ['Exampleton, Sampleford and Testbury', 'Exampleton, Sampleford and Testbury Council', 'Exampleton, Sampleford and Testbury Council'],
    ['Exampleton', 'Director of Children’s Services Exampleton City Council', 'Exampleton City Council'],
    ['Exampleton local authority', 'Exampleton Children First and Exampleton Borough Council', 'Exampleton Borough Council'],
    ['Exampleton local authority', 'Exampleton Children First & Exampleton Borough Council', 'Exampleton Borough Council'],
    ['Exampleton and Sampleford', 'Exampleton and Sampleford Council', 'Exampleton and Sampleford Council'],
    ['Exampleton', 'Director, Children’s Services, Exampleton Council', 'Exampleton Council'],
  ])('visit to “%s”, addressed to “%s”: %s', (council, line, authority) => {
    expect(fromText(letter({ council, head: head(line) })).frontmatter.authority).toBe(authority);
  });

  it('never runs on past the end of a sentence (a subject line run into the first paragraph, with the postcode beside it)', () => {
    const council = 'the London Borough of Exampleton local authority children’sZZ9 8YX services. This letter summarises the findings of a focused visit to the London Borough of Exampleton local authority';
    expect(fromText(letter({ council })).frontmatter.authority).toBe('London Borough of Exampleton');
  });
});

describe('findings numbered “1.”, “2.” with no gap between them (issue 24, class 13)', () => {
  const pages = `
Findings

1. Referrals in this fictional borough are answered
promptly. Thresholds are applied well.
2. Families in need of early help receive it
in time. Plans are reviewed often.
3. Children in care live in homes that meet
their needs.
`;
  it.each([
    ['text', (): ImportResult => fromText(letter({ pages }))],
    ['PDF', async (): Promise<ImportResult> => importPdf(await layoutPdf(letter({ pages })), { fileName: 'letter.pdf' })],
  ])('from the %s: each number starts a paragraph of its own, the number kept', async (_from, read) => {
    const paragraphs = blocksOf(await read()).map((block) => block.text);
    expect(paragraphs).toContain('1. Referrals in this fictional borough are answered promptly. Thresholds are applied well.');
    expect(paragraphs).toContain('2. Families in need of early help receive it in time. Plans are reviewed often.');
    expect(paragraphs).toContain('3. Children in care live in homes that meet their needs.');
  });
});

describe('inspectors named with the part one played, or with no full stop after them (issue 24, class 5)', () => {
  const opening = 'This letter summarises the findings of the focused visit to Exampleton Borough Council children’s services on 3 and 4 March 2023.';
  it.each([
    [
      'The inspectors were Robin Sample and Ash Example, Her Majesty’s Inspectors, and Kit Placeholder, Her Majesty’s Inspector (designate), as a supernumerary inspector.',
      ['Robin Sample', 'Ash Example', 'Kit Placeholder'],
    ],
    ['His Majesty’s Inspectors for this visit were Robin Sample and Ash Example', ['Robin Sample', 'Ash Example']],
  ])('%s', (sentence, expected) => {
    const text = letter().replace(/This letter summarises[^\n]*\n/, `${opening} ${sentence}\n`);
    const result = fromText(text);
    expect(result.frontmatter.inspectors).toEqual(expected);
    expect(result.missing).not.toContain('inspectors');
  });
});

describe('a letter sent without “Yours sincerely” (issue 24)', () => {
  it.each([
    ['the title under the name', 'Robin Sample\nHis Majesty’s Inspector'],
    ['a blank line between them', 'Robin Sample\n\nHis Majesty’s Inspector'],
  ])('with %s: the signer’s name and title are its sign-off, never a paragraph or heading', async (_shape, signature) => {
    const text = letter().replace('Yours sincerely\n\nRobin Sample\nHis Majesty’s Inspector', signature);
    for (const result of [fromText(text), await importPdf(await layoutPdf(text), { fileName: 'letter.pdf' })]) {
      expect(headings(result)).toEqual(['Headline findings', 'What needs to improve in this area of social work practice?', 'Main findings']);
      const signOff = /<SignOff>\n\n([\s\S]*?)\n\n<\/SignOff>/.exec(result.mdx)?.[1];
      expect(signOff?.replace(/\\?\n+/g, ' / ')).toBe('Robin Sample / His Majesty’s Inspector');
      expect(result.mdx).toMatch(/planning your next inspection or visit\.\n\n<SignOff>/);
    }
  });
});

describe('a text with no line breaks (issue 24)', () => {
  // A letter saved as one line of about 1 MB: the check for Ofsted's address block once tried
  // every way of splitting the line into the block's lines, and never finished.
  const sentence = 'Social workers in this fictional borough visit children often and plans are reviewed. ';
  const oneLine = `Dear Pat Focused visit to Exampleton Borough Council children’s services ${sentence.repeat(12_000)}Yours sincerely Robin Sample His Majesty’s Inspector`;

  it('finishes, refusing it with the reason', () => {
    expect(() => importDocument(oneLine, { fileName: 'letter.txt' })).toThrow(ImportError);
  }, 30_000);
});

describe('paragraphs printed with no gap between them (issue 24, class 2 in letters)', () => {
  const pages = `
Leaders know the service well, and plans are clear for most of the children in
the borough. Staff are positive about working here.
Supervision is regular and helps social workers to reflect on their practice with
the children and families they support, and on what to do next for them.
`;
  it('a sentence ending well short of the line, and a capital after it, start a new paragraph', () => {
    const paragraphs = blocksOf(fromText(letter({ pages }))).map((block) => block.text);
    expect(paragraphs).toContain('Leaders know the service well, and plans are clear for most of the children in the borough. Staff are positive about working here.');
    expect(paragraphs).toContain(
      'Supervision is regular and helps social workers to reflect on their practice with the children and families they support, and on what to do next for them.',
    );
  });

  it('Ofsted’s closing sentence right after a list item’s full last line is a paragraph of its own', () => {
    const text = letter({
      pages: `
◼ The response to children who go missing is effective in most cases, and the return interviews
are timely and well recorded for the children placed out of the area by the local authority.
`,
    }).replace('\nOfsted will take the findings', 'Ofsted will take the findings');
    const blocks = blocksOf(fromText(text));
    expect(blocks.at(-4)?.text).toBe(
      'The response to children who go missing is effective in most cases, and the return interviews are timely and well recorded for the children placed out of the area by the local authority.',
    );
    expect(blocks.at(-3)?.text).toBe('Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.');
  });

  it('a subject line that extraction put after another line is still read for the kind of visit', () => {
    const text = letter().replace('Dear Pat\n\nFocused visit', 'Dear Pat\nExampleton\nFocused visit');
    const result = fromText(text);
    expect(result.frontmatter.kind).toBe('focused-visit');
  });
});

describe('a postcode glued to the start of the subject line (issue 24)', () => {
  it('is left out of the title, and kept where the text has it', () => {
    const text = letter().replace('Dear Pat\n\nFocused visit', 'Dear Pat\n\nZZ9 8YXFocused visit');
    const result = fromText(text);
    expect(result.frontmatter.title).toBe('Focused visit to Exampleton Borough Council children’s services');
    expect(result.mdx).toContain('Dear Pat\n\n**ZZ9 8YXFocused visit to Exampleton Borough Council children’s services**');
  });
});

describe('a letter dated before its visit (issue 24)', () => {
  it('leaves the letter’s date for the editor, never a date that cannot be', () => {
    const result = fromText(letter().replace('9 April 2023', '9 April 2022'));
    expect(result.frontmatter.letterDate).toBeUndefined();
    expect(result.missing).toContain('letterDate');
    expect(result.mdx).toContain('<LetterHead>\n\n9 April 2022\n\n');
  });
});
