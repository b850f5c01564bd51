/**
 * The body of the single inspection framework's reports (2014-2018, issue 24, classes 2 and 8):
 * footnote marks on the title, paragraph breaks the PDF shows only by its line geometry, and
 * footnotes told apart from the text. The PDFs are drawn here, about a fictional council, line by
 * line at the sizes and places Ofsted's Word exports put them.
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter } from '../../../src/lib/importer/blocks.ts';
import { importDocument, importPdf } from '../../../src/lib/importer/index.ts';
import { pdfToText } from '../../../src/lib/importer/pdf.ts';
import { BOARD_REVIEW_HEAD } from '../../helpers/board-review.ts';
import { HELP_GOOD, LEADERSHIP_GOOD, SIF_AND_REVIEW_TITLE, SIF_TITLE, sifHead } from '../../helpers/single-inspection.ts';


/** A run of text drawn at a size; `x` from the page's left margin; `dy` the step down to it. */
interface Run {
  text: string;
  size?: number;
  x?: number;
  /** How far below the previous line's baseline (default: the line spacing of its size). */
  dy?: number;
  /** A raised footnote mark drawn after the text, smaller. */
  mark?: string;
  /** Text drawn after the mark on the same baseline, after a space set at the mark's size. */
  after?: string;
}

async function drawPdf(pages: Run[][]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font: PDFFont = await document.embedFont(StandardFonts.Helvetica);
  for (const runs of pages) {
    const page = document.addPage([595, 842]);
    let y = 800;
    for (const run of runs) {
      const size = run.size ?? 12;
      y -= run.dy ?? Math.round(size * 1.2);
      const x = 70 + (run.x ?? 0);
      page.drawText(run.text, { x, y, size, font });
      if (run.mark) {
        const markX = x + font.widthOfTextAtSize(run.text, size) + 0.5;
        page.drawText(run.mark, { x: markX, y: y + size * 0.35, size: 9, font });
        if (run.after !== undefined) {
          const spaceX = markX + font.widthOfTextAtSize(run.mark, 9);
          page.drawText(' ', { x: spaceX, y: y + size * 0.35, size: 9, font });
          page.drawText(run.after, { x: spaceX + font.widthOfTextAtSize(' ', 9) + 0.5, y, size, font });
        }
      }
    }
  }
  return document.save();
}

/** A 2015 report's dates, for fixtures about its body. */
const DATES_2015 = ['Inspection date: 2 March 2015 – 26 March 2015', 'Report published: 8 May 2015'];

/** The local authority's part at the top of a page: its heading and its first paragraph. */
const LOCAL_AUTHORITY_PAGE = ['\fThe local authority', '', '1. Senior leaders know their services well.', ''];

const words = (result: { mdx: string }): string[] => mdxBlocks(stripFrontmatter(result.mdx)).map((block) => block.text);

describe('a footnote mark on the title, the first page mostly the footnote’s small print', () => {
  // The title is set at 14 points and its mark at 9: beside the page's commonest size (the
  // footnote's 10-point print) the mark is not small, but beside the title's line it is.
  const note = [
    'Ofsted produces this report under its power to combine reports in accordance with section 152 of',
    'the Education and Inspections Act 2006. This report includes the report of the inspection of local',
    'authority functions carried out under section 136 of the Education and Inspections Act 2006 and the',
    'report of the review of the Local Safeguarding Children Board carried out under the Local',
    'Safeguarding Children Boards (Review) Regulations 2013, which is what Exampleshire was inspected under.',
  ];
  const first: Run[] = [
    { text: 'Exampleshire County Council', size: 20 },
    { text: 'Inspection of services for children in need of help and', size: 14, dy: 26 },
    { text: 'protection, children looked after and care leavers', size: 14 },
    { text: 'and', size: 14, dy: 22 },
    { text: 'Review of the effectiveness of the Local Safeguarding Children', size: 14, dy: 22 },
    { text: 'Board', size: 14, mark: '1' },
    { text: 'Inspection date: 2 March 2015 – 26 March 2015', size: 14, dy: 22 },
    { text: 'Report published: 8 May 2015', size: 14, dy: 22 },
    { text: 'Children’s services in Exampleshire are good', size: 14, dy: 40 },
    { text: '1. Children who need help and protection', x: 5, dy: 26 },
    { text: 'Good', x: 380, dy: 0 },
    { text: '2. Leadership, management and governance', x: 5, dy: 26 },
    { text: 'Good', x: 380, dy: 0 },
    { text: '1', size: 9, dy: 80 },
    ...note.map((text, index) => ({ text, size: 10, x: index === 0 ? 8 : 0, dy: index === 0 ? 4 : 12 })),
    { text: '1', x: 440, dy: 40 },
  ];
  const second: Run[] = [
    { text: 'Executive summary', size: 14 },
    { text: 'Leaders in Exampleshire know their services well and act on what they know.', dy: 24 },
    { text: 'Summary of key findings', size: 14, dy: 30 },
    { text: '1. Senior leaders have a realistic view of the quality of practice.', dy: 24 },
    { text: '2. Most children who need help receive it promptly.', dy: 24 },
  ];

  it('is read as the title’s mark, not as a line of its own', async () => {
    const text = await pdfToText(await drawPdf([first, second]), 'exampleshire.pdf');
    expect(text).toContain('\nBoard1\n');
  });

  it('lifts the note out of the text to a footnote on the title, its words whole', async () => {
    const result = await importPdf(await drawPdf([first, second]), { fileName: 'exampleshire-2015.pdf' });
    const blocks = words(result);
    expect(blocks.some((block) => /^1 ?Ofsted produces/.test(block))).toBe(false);
    expect(result.mdx).toContain('<Footnote mark="1" of="title">');
    expect(blocks).toContain(note.join(' '));
  });
});

describe('paragraphs with no gap between them (class 2: Ofsted’s executive summaries)', () => {
  // Ragged-right prose at 12 points: each paragraph's last line falls short of the margin by
  // more than the next paragraph's first word, which is how the PDF shows where it ends. The
  // middle lines of a paragraph run to the margin even where they end a sentence.
  const para = (lines: string[]): Run[] => lines.map((text) => ({ text, dy: 15 }));
  const summary: Run[] = [
    ...para([
      'Children’s services in Exampleshire are good. Leaders have built a stable workforce and',
      'social workers know the children they work with well. Managers oversee their work closely.',
      'Children are seen alone and their views shape their plans.',
    ]),
    ...para([
      'Early help is well coordinated and families receive help when they first need it. Partners',
      'understand thresholds and refer appropriately, and the front door responds swiftly to them.',
      'Strategy meetings are timely.',
    ]),
    ...para([
      'Children in care live in homes that meet their needs and most are helped to stay in touch',
      'with the people who matter to them. Care leavers are supported by personal advisers.',
    ]),
  ];
  const filler: Run[] = Array.from({ length: 20 }, (_, index) => ({
    text: `Line ${index + 1} of the report’s other text runs all the way across to the right margin.`,
    dy: 15,
  }));
  const pages: Run[][] = [
    [
      { text: 'Exampleshire County Council', size: 20 },
      { text: 'Inspection of services for children in need of help and', size: 14, dy: 26 },
      { text: 'protection, children looked after and care leavers', size: 14 },
      { text: 'Inspection date: 2 March 2015 – 26 March 2015', size: 14, dy: 22 },
      { text: 'Report published: 8 May 2015', size: 14, dy: 22 },
      { text: 'Children’s services in Exampleshire are good', size: 14, dy: 40 },
      { text: '1. Children who need help and protection', x: 5, dy: 26 },
      { text: 'Good', x: 380, dy: 0 },
    ],
    // A section's heading set larger and further left than the text (Derby 2017).
    [{ text: 'The Local Safeguarding Children Board (LSCB) of Exampleshire', size: 16, x: -6 }, { text: 'Executive summary', size: 14, dy: 24 }, ...summary, { text: 'Summary of key findings', size: 14, dy: 30 }, { text: '1. Senior leaders know their services well.', dy: 24 }, ...filler],
  ];

  it('ends a paragraph at a sentence’s end where the next line’s first word would have fitted', async () => {
    const blocks = words(await importPdf(await drawPdf(pages), { fileName: 'exampleshire-2015.pdf' }));
    expect(blocks).toContain(summary.slice(0, 3).map((run) => run.text).join(' '));
    expect(blocks).toContain(summary.slice(3, 6).map((run) => run.text).join(' '));
    expect(blocks).toContain(summary.slice(6).map((run) => run.text).join(' '));
  });

  it('leaves a letter’s lines as they were read', async () => {
    const letter: Run[] = [{ text: 'Dear Ms Example' }, { text: 'Focused visit to Exampleshire children’s services', dy: 24 }, ...summary, ...filler, { text: 'Yours sincerely', dy: 24 }];
    const text = await pdfToText(await drawPdf([letter]), 'letter.pdf');
    expect(text).toContain('Children are seen alone and their views shape their plans.\nEarly help is well coordinated');
  });
});

describe('a single inspection report’s head: dates wrapped, contents entries wrapped', () => {
  const text = [
    ...sifHead({ dates: ['Inspection dates: 4 November – 22 November 2013 and 27 – 29', 'January 2014'], overall: 'The overall judgement is good', rows: [HELP_GOOD, LEADERSHIP_GOOD] }),
    'Contents',
    '',
    'The local authority 3',
    '',
    'The experiences and progress of children who need help and',
    'protection 10',
    '',
    'Information about this inspection 12',
    '',
    'The local authority',
    '',
    'Summary of key findings',
    '',
    '1. Senior leaders know their services well.',
    '',
    '2. Most children who need help receive it promptly.',
    '',
  ].join('\n');
  const result = importDocument(text, { fileName: 'exampleshire-2014.txt' });
  const blocks = words(result);

  it('reads the overall judgement and the table after dates that wrap onto a line of their own', () => {
    expect(result.frontmatter.judgements).toEqual([
      { area: 'Overall judgement', grade: 'good' },
      { area: 'Children who need help and protection', grade: 'good' },
      { area: 'Leadership, management and governance', grade: 'good' },
    ]);
    expect(blocks.filter((block) => /^\d+\. /.test(block)).map((block) => block.split('.')[0])).toEqual(['1', '2']);
  });

  it('leaves out the contents, entries wrapped over two lines included', () => {
    expect(blocks.join('\n')).not.toMatch(/protection 10|Information about this inspection 12/);
  });
});

describe('a footnote whose own line ends in a number (“… originally published on 11” / “February 2014”)', () => {
  const text = [
    ...sifHead({
      title: [SIF_TITLE[0]!, 'protection, children looked after and care leavers and', 'Review of the effectiveness of the Local Safeguarding Children Board2'],
      dates: ['Inspection dates: 4 November – 22 November 2013', 'Report published: 11 February 2014'],
      overall: 'The overall judgement is good1',
      rows: [HELP_GOOD, LEADERSHIP_GOOD],
    }),
    '1',
    'The sections of this report that are about the local authority were originally published on 11',
    'February 2014',
    '2',
    'Ofsted produces this report under its power to combine reports.',
    ...LOCAL_AUTHORITY_PAGE,
  ].join('\n');

  it('keeps the note whole, not an empty note, and imports', () => {
    const result = importDocument(text, { fileName: 'exampleshire-2014.txt' });
    const blocks = words(result);
    expect(blocks).toContain('The sections of this report that are about the local authority were originally published on 11 February 2014');
    expect(blocks).toContain('Ofsted produces this report under its power to combine reports.');
    expect(blocks.filter((block) => /^1\. /.test(block))).toHaveLength(1);
  });
});

describe('a board reviewed on its own (“Review of the effectiveness of the Local Safeguarding Children Board”)', () => {
  const text = [
    ...BOARD_REVIEW_HEAD,
    'The arrangements in place to evaluate the effectiveness of what is done require improvement.',
    '',
    '\fContents',
    '',
    'Information about this area 3',
    '',
    'Executive summary 5',
    '',
    '\fInformation about this area',
    '',
    'Executive summary',
    '',
    'The board has a clear view of its priorities.',
    '',
    '1. The board’s chair provides strong leadership.',
    '',
  ].join('\n');

  it('reads its title, the board as printed, and the board’s judgement; leaves the contents out', () => {
    const result = importDocument(text, { fileName: 'exampleshire-2015.txt' });
    expect(result.frontmatter.title).toBe('Review of the effectiveness of the Local Safeguarding Children Board');
    expect(result.frontmatter.authority).toBe('Exampleshire Safeguarding Children Board');
    expect(result.frontmatter.judgements).toEqual([{ area: 'The effectiveness of the Local Safeguarding Children Board', grade: 'requires-improvement' }]);
    const blocks = words(result);
    expect(blocks).toContain('The arrangements in place to evaluate the effectiveness of what is done require improvement.');
    expect(blocks.join('\n')).not.toMatch(/Executive summary 5/);
  });
});

describe('the publication date as the 2013 and 2015-16 reports print it', () => {
  const head = (published: string, after: string[] = []): string =>
    [
      ...sifHead({ dates: ['Inspection date: 2 March 2015 – 26 March 2015', published], overall: 'The overall judgement is good', rows: [HELP_GOOD] }),
      ...after,
      'The local authority',
      '',
      '1. Senior leaders know their services well.',
      '',
    ].join('\n');

  it('reads “Report published: 25/11/2016”, day first', () => {
    expect(importDocument(head('Report published: 08/05/2015'), { fileName: 'exampleshire-2015.txt' }).frontmatter).toMatchObject({ published: '2015-05-08' });
  });

  it('reads the 2013 inspection’s “Published:” after the inspector and age group, and leaves out the copyright page and contents', () => {
    const text = [
      'Inspection of looked after children',
      'services',
      'Exampleshire County Council',
      'Inspection dates: 8 – 12 July 2013',
      'Reporting inspector Ann Example HMI',
      '',
      'Age group: All',
      'Published: 16 August 2013',
      '\f© Crown copyright 2013',
      '',
      'Website: www.ofsted.gov.uk',
      'This document may be reproduced in whole or in part for non-commercial purposes.',
      '\fExampleshire County Council Inspection of looked after children services 1',
      '',
      'Contents',
      '',
      'About this inspection 2',
      '',
      'Overall effectiveness of services for looked after children and',
      'young people 4',
      '',
      '\fAbout this inspection',
      '',
      '1. The purpose of the inspection is to evaluate the services for looked after children.',
      '',
    ].join('\n');
    const result = importDocument(text, { fileName: 'exampleshire-2013.txt' });
    expect(result.frontmatter).toMatchObject({ published: '2013-08-16' });
    const blocks = words(result);
    expect(blocks[0]).toBe('About this inspection');
    expect(blocks.join('\n')).not.toMatch(/Crown copyright|Age group|young people 4/);
  });
});

describe('the board’s judgement given only in the board’s own section', () => {
  const text = (sentence: string): string =>
    [
      ...sifHead({ title: SIF_AND_REVIEW_TITLE, dates: DATES_2015, overall: 'Children’s services in Exampleshire are good', rows: [HELP_GOOD] }),
      'The local authority',
      '',
      '1. Senior leaders know their services well.',
      '',
      'The Local Safeguarding Children Board (LSCB)',
      sentence,
      'Executive summary',
      'The board is well chaired.',
      '',
      'What the inspection judgements mean: the LSCB',
      '',
      'The LSCB requires improvement if it does not yet demonstrate the characteristics of good.',
      '',
    ].join('\n');

  it('is read from the sentence that opens the section', () => {
    for (const [sentence, grade] of [
      ['The Local Safeguarding Children Board is good', 'good'],
      ['The Local Safeguarding Children Board (LSCB) requires improvement', 'requires-improvement'],
      ['The Local Safeguarding Children is inadequate', 'inadequate'],
    ] as const) {
      const judgements = importDocument(text(sentence), { fileName: 'exampleshire-2015.txt' }).frontmatter.judgements;
      expect(judgements, sentence).toContainEqual({ area: 'The effectiveness of the Local Safeguarding Children Board', grade });
    }
  });

  it('is never read from the explanation of the grades', () => {
    const judgements = importDocument(text('The board coordinates its partners well.'), { fileName: 'exampleshire-2015.txt' }).frontmatter.judgements;
    expect(judgements).toEqual([
      { area: 'Overall judgement', grade: 'good' },
      { area: 'Children who need help and protection', grade: 'good' },
    ]);
  });
});

describe('a footnote mark in the text followed by a space set at the mark’s size (Birmingham 2014)', () => {
  const page: Run[] = [
    { text: 'Executive summary', size: 14 },
    { text: 'Partners work together, particularly between children’s services, the police and', dy: 24 },
    { text: 'schools, as the review found.', mark: '3', after: 'Partners contributed to the review.', dy: 15 },
    { text: 'Senior leaders have acted on what it found and report on it to the board.', dy: 15 },
    { text: '3', size: 9, dy: 300 },
    { text: 'The review was commissioned by the council in 2013.', size: 9, x: 6, dy: 4 },
  ];

  it('keeps the mark on its line, not a line of its own', async () => {
    const text = await pdfToText(await drawPdf([page]), 'exampleshire.pdf');
    expect(text).toContain('schools, as the review found.3 Partners contributed to the review.');
  });
});

describe('the board’s judgement straight after the table, no blank line between', () => {
  it('is a paragraph of its own, not the end of the paragraph on the overall judgement', () => {
    const text = [
      'Exampleshire County Council',
      SIF_TITLE[0]!,
      'protection, children looked after and care leavers and Review of the effectiveness of the',
      'local safeguarding children board',
      ...DATES_2015,
      '',
      'The overall judgement is good',
      'The local authority leads effective services that meet the requirements for good.',
      '1. Children who need help and protection                      Good',
      '2. Leadership, management and governance                      Good',
      'The effectiveness of the Local Safeguarding Children Board (LSCB) is good.',
      '',
      '\fContents',
      '',
      'The local authority 3',
      '',
      ...LOCAL_AUTHORITY_PAGE,
    ].join('\n');
    const blocks = words(importDocument(text, { fileName: 'exampleshire-2015.txt' }));
    expect(blocks).toContain('The local authority leads effective services that meet the requirements for good.');
    expect(blocks).toContain('The effectiveness of the Local Safeguarding Children Board (LSCB) is good.');
  });
});

describe('the contents after the executive summary (2016-17 reports)', () => {
  // A summary long enough (more than a page) that the contents are not the head's.
  const summary = Array.from({ length: 20 }, (_, index) => `Leaders in Exampleshire know service ${index + 1} well.`);
  it('are left out of the text; the headings stay where they stand in it', () => {
    const text = [
      ...sifHead({ dates: ['Inspection date: 2 March 2017 – 26 March 2017', 'Report published: 8 May 2017'], overall: 'Children’s services in Exampleshire are good', rows: [HELP_GOOD] }),
      '\fExecutive summary',
      '',
      ...summary.flatMap((paragraph) => [paragraph, '']),
      '\fContents',
      '',
      'Recommendations 2',
      '',
      'The local authority 3',
      '',
      'The experiences and progress of children who need help and',
      'protection 4',
      '',
      ...LOCAL_AUTHORITY_PAGE,
    ].join('\n');
    const blocks = words(importDocument(text, { fileName: 'exampleshire-2017.txt' }));
    expect(blocks).toEqual([
      'Children’s services in Exampleshire are good',
      'Executive summary',
      ...summary,
      'The local authority',
      '1. Senior leaders know their services well.',
    ]);
  });
});

describe('two footnotes at a page’s foot with no gap between them, the second’s number before its words', () => {
  it('are two notes, each on its mark', () => {
    const text = [
      ...sifHead({ dates: DATES_2015, overall: 'The overall judgement is good1\nIt is Ofsted’s expectation that all children receive good help.2', rows: [HELP_GOOD] }),
      '1 Ofsted produces this report under its power to combine reports.',
      '2 A full description of what the inspection judgements mean can be found at the end.',
      '',
      ...LOCAL_AUTHORITY_PAGE,
    ].join('\n');
    const result = importDocument(text, { fileName: 'exampleshire-2015.txt' });
    expect(result.mdx).toContain('<Footnote mark="1"');
    expect(result.mdx).toMatch(/<Footnote mark="2" of="s\d+">\n\nA full description of what the inspection judgements mean can be found at the end\.\n/);
    expect(words(result)).toContain('Ofsted produces this report under its power to combine reports.');
  });
});

describe('a footnote mark with a comma after it (“residential special schools3, all of whom …”)', () => {
  it('is the note’s mark: the note goes to the end, the mark out of the text', () => {
    const text = [
      ...sifHead({ dates: DATES_2015, overall: 'The overall judgement is good', rows: [HELP_GOOD] }),
      '\fInformation about this local authority area',
      '',
      '• four live in residential special schools1, all of whom live outside the area',
      '• 120 live with foster families',
      '',
      '1 These are residential special schools that look after children for 295 days or fewer per year.',
      '',
      ...LOCAL_AUTHORITY_PAGE,
    ].join('\n');
    const result = importDocument(text, { fileName: 'exampleshire-2015.txt' });
    expect(result.mdx).toMatch(/<Footnote mark="1" of="[^"]+">\n\nThese are residential special schools/);
    expect(words(result)).toContain('four live in residential special schools, all of whom live outside the area');
  });
});

/**
 * A mark set in the margin before the heading that carries it (Lancashire 2018: a 3-point "1"
 * just left of "Information about this local authority area"), which the text layer glues to
 * the heading's first word: the heading stays a heading, without the mark, and the note at the
 * page's foot goes to the end as the heading's footnote, as with a mark after its words.
 */
describe('a footnote mark before the heading that carries it (“1Information about this local authority area”)', () => {
  const text = [
    ...sifHead({ dates: DATES_2015, overall: 'The overall judgement is good', rows: [HELP_GOOD] }),
    '\fThe local authority',
    '',
    '1Information about this local authority area',
    'Previous Ofsted inspections',
    '',
    '• The local authority operates 14 children’s homes.',
    '',
    '1 The local authority was given the opportunity to review this section of the report.',
    '',
    '\fThe experiences and progress of children who need help and protection',
    '',
    '1. Senior leaders know their services well.',
    '',
  ].join('\n');

  it('is the heading’s mark: the heading without it, the note at the end on the heading', () => {
    const result = importDocument(text, { fileName: 'exampleshire-2018.txt' });
    const blocks = mdxBlocks(stripFrontmatter(result.mdx)).map((block) => `${block.type}: ${block.text}`);
    const at = blocks.indexOf('heading: The local authority');
    expect(blocks.slice(at, at + 4)).toEqual([
      'heading: The local authority',
      'heading: Information about this local authority area',
      'heading: Previous Ofsted inspections',
      'list-item: The local authority operates 14 children’s homes.',
    ]);
    expect(result.mdx).toMatch(/<Footnote mark="1" of="information-about-this-local-authority-area">\n\nThe local authority was given the opportunity to review this section of the report\.\n/);
    expect(words(result).filter((block) => /^1\s?\p{Lu}/u.test(block))).toEqual([]);
  });
});
