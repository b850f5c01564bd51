import { describe, expect, it } from 'vitest';
import {
  buildBlocks,
  fixPostcode,
  isPageNumber,
  joinLines,
  normalise,
  parseLetter,
  splitLines,
  type Line,
} from '../../../src/lib/importer/clean.ts';

/** Lines as the cleaner sees them; a leading `|` marks a page start. */
function lines(...texts: string[]): Line[] {
  return texts.map((text) => ({ text: text.replace(/^\|/, ''), pageStart: text.startsWith('|') }));
}

describe('normalise', () => {
  it('turns Windows and old Mac line endings into \\n and drops trailing spaces and a BOM', () => {
    expect(normalise('\uFEFFone  \r\ntwo\t\rthree')).toBe('one\ntwo\nthree');
  });
});

describe('page numbers', () => {
  it.each(['2', '12', 'Page 2 of 5', 'page 3', '2 of 5', '- 4 -'])('%s is a page number', (line) => {
    expect(isPageNumber(line)).toBe(true);
  });
  it.each(['2022', '2 children', 'Page two', '17 July 2025'])('%s is not', (line) => {
    expect(isPageNumber(line)).toBe(false);
  });
});

describe('splitLines', () => {
  it('marks a line starting with one space as a new page, and a form feed too', () => {
    expect(splitLines('first page\n second page\nmore')).toEqual([
      { text: 'first page', pageStart: false },
      { text: 'second page', pageStart: true },
      { text: 'more', pageStart: false },
    ]);
    expect(splitLines('first page\nmore\fsecond page')).toEqual([
      { text: 'first page', pageStart: false },
      { text: 'more', pageStart: false },
      { text: 'second page', pageStart: true },
    ]);
  });

  it('takes a leading space for layout, not a page break, in text whose pages end with form feeds', () => {
    // pdftotext -layout indents a report's first page by one space; its pages end with form feeds.
    const result = splitLines(' The end of a sentence.\n Next line.\nmore\fsecond page');
    expect(result.map((line) => line.pageStart)).toEqual([false, false, false, true]);
  });

  it('does not take one space for a page break when the extraction indents every line with it', () => {
    const text = ' The end of a sentence.\n The next sentence\n goes on.\n A fourth line.\n And a fifth.';
    expect(splitLines(text).every((line) => !line.pageStart)).toBe(true);
  });

  it('drops page-number lines and treats them as page breaks', () => {
    const result = splitLines('end of a page\n\n2\n\nnext page');
    expect(result).toEqual([
      { text: 'end of a page', pageStart: false },
      { text: 'next page', pageStart: true },
    ]);
  });

  it('drops a running header repeated at the top of pages, but keeps the same words elsewhere', () => {
    const text = 'Intro.\n\nRunning title\n\nSome text.\n\n1\n\nRunning title\nMore text.\n\n2\n\nRunning title\nLast text.';
    expect(splitLines(text).map((line) => line.text)).toEqual(['Intro.', '', 'Running title', '', 'Some text.', 'More text.', 'Last text.']);
  });

  it('drops Ofsted’s web, e-mail and telephone lines anywhere', () => {
    const text = 'One.\nwww.gov.uk/ofsted\nenquiries@ofsted.gov.uk\nT 0300 123 1231\nTextphone 0161 618 8524\nTwo.';
    expect(splitLines(text).map((line) => line.text)).toEqual(['One.', 'Two.']);
  });
});

describe('joinLines', () => {
  it('joins a hyphenated word broken at its hyphen without a space, keeping the hyphen', () => {
    expect(joinLines(['until a well-', 'matched placement'])).toBe('until a well-matched placement');
  });
  it('joins other lines with one space, and keeps a dash at a line end as a dash', () => {
    expect(joinLines(['one –', 'two', 'three'])).toBe('one – two three');
  });
});

describe('fixPostcode', () => {
  it('reads a capital O at the start of a postcode’s inward part as a zero', () => {
    expect(fixPostcode('HR4 OLE')).toBe('HR4 0LE');
    expect(fixPostcode('Hereford HR4 OLE')).toBe('Hereford HR4 0LE');
    expect(fixPostcode('SW1A OAA')).toBe('SW1A 0AA');
  });
  it('touches nothing else', () => {
    for (const line of ['HR4 0LE', 'OLE', 'Plough Lane Offices', 'HR4 OLEX', 'OLD ROAD', 'HR4 OCE']) {
      expect(fixPostcode(line)).toBe(line);
    }
  });
});

describe('buildBlocks', () => {
  it.each([
    {
      name: 'joins a paragraph split by a page break mid-sentence',
      input: ['Most social workers', '|and managers record decisions.'],
      blocks: [{ type: 'paragraph', text: 'Most social workers and managers record decisions.' }],
    },
    {
      name: 'joins when the next page starts with a capital but the sentence had not ended',
      input: ['a new template in', '|Exampleshire, which is recent.'],
      blocks: [{ type: 'paragraph', text: 'a new template in Exampleshire, which is recent.' }],
    },
    {
      name: 'starts a new paragraph when the page broke after a sentence and the next starts with a capital',
      input: ['The end of one.', '|The start of another.'],
      blocks: [
        { type: 'paragraph', text: 'The end of one.' },
        { type: 'paragraph', text: 'The start of another.' },
      ],
    },
    {
      name: 'reads a stray B, •, ●, ▪ or - as a bullet, and continues an item on the lines after it',
      input: ['In these areas:', '', 'B The first item,', 'which goes on.', 'B The second.', '', '• Third', '● Fourth', '▪ Fifth', '- Sixth'],
      blocks: [
        { type: 'paragraph', text: 'In these areas:' },
        { type: 'list', items: ['The first item, which goes on.', 'The second.', 'Third', 'Fourth', 'Fifth', 'Sixth'] },
      ],
    },
    {
      name: 'does not read a capital B that continues a sentence as a bullet',
      input: ['The plan was called Plan', 'B and it worked.'],
      blocks: [{ type: 'paragraph', text: 'The plan was called Plan B and it worked.' }],
    },
    {
      name: 'makes a short line standing alone without a full stop a heading',
      input: ['Headline findings', '', 'Text.', '', 'Short but a sentence.'],
      blocks: [
        { type: 'heading', text: 'Headline findings' },
        { type: 'paragraph', text: 'Text.' },
        { type: 'paragraph', text: 'Short but a sentence.' },
      ],
    },
    {
      name: 'knows Ofsted’s headings even without a blank line after them',
      input: ['Areas for improvement', 'Leaders should do more.'],
      blocks: [
        { type: 'heading', text: 'Areas for improvement' },
        { type: 'paragraph', text: 'Leaders should do more.' },
      ],
    },
  ])('$name', ({ input, blocks }) => {
    expect(buildBlocks(lines(...input))).toEqual(blocks);
  });
});

describe('parseLetter', () => {
  it('splits the head, salutation, subject, body and sign-off, dropping Ofsted’s address block', () => {
    const letter = parseLetter(
      'Piccadilly Gate\nStore Street\nManchester\nM1 2WD\n\n5 March 2019\n\nA Person\nSome Council\nHR4 OLE\n\nDear A\n\nFocused visit to Some Council children’s\nservices\n\nThe text.\n\nYours sincerely\n\nB Person\nHis Majesty’s\nInspector\n',
    );
    expect(letter).toEqual({
      head: ['5 March 2019', 'A Person', 'Some Council', 'HR4 0LE'],
      salutation: 'Dear A',
      subject: 'Focused visit to Some Council children’s services',
      body: [{ type: 'paragraph', text: 'The text.' }],
      closing: 'Yours sincerely',
      signature: [['B Person', 'His Majesty’s Inspector']],
    });
  });

  it('keeps an addressee in Manchester or Nottingham: the address block is Ofsted’s only above the date', () => {
    for (const town of ['Manchester', 'Nottingham']) {
      const letter = parseLetter(`1 May 2020\n\nA Person\nTown Hall\n${town}\nM60 2LA\n\nDear A\nSubject\n\nText.`);
      expect(letter.head).toEqual(['1 May 2020', 'A Person', 'Town Hall', town, 'M60 2LA']);
    }
  });
});
