/**
 * Each artefact of real Ofsted documents, as people have them, reproduced in fixtures built here
 * (fictional councils, our own words): the two-column address block, every bullet glyph with and
 * without blank lines, visit days without a year, councils named in any form, text without blank
 * lines, every encoding and invisible character, and the documents that must be refused or cut.
 */
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter, type TextBlock } from '../../../src/lib/importer/blocks.ts';
import { decodeText, ImportError, importDocument, importPdf, type ImportResult } from '../../../src/lib/importer/index.ts';
import { layoutPdf } from '../../helpers/pdf.ts';
import { councilPlace, isSiteCouncil, otherCouncilWarning } from '../../../src/lib/importer/council.ts';

interface LetterParts {
  letterDate?: string;
  council?: string;
  subject?: string;
  opening?: string;
  body?: string;
  addressBlock?: string;
}

const TWO_COLUMNS = [
  'Ofsted',
  'Piccadilly Gate          T 0300 123 1231',
  'Store Street             Textphone 0161 618 8524',
  'Manchester               enquiries@ofsted.gov.uk',
  'M1 2WD                   www.gov.uk/ofsted',
].join('\n');

const BODY = `Overview

Leaders in this fictional council know their services well. Most children are seen quickly.

Plans for children are too variable in quality, and some children wait too long for help.`;

/** A focused-visit letter in the shape Ofsted sends them, with the parts a test varies. */
function letter(parts: LetterParts = {}): string {
  const council = parts.council ?? 'Exampleshire County Council';
  return `${parts.addressBlock ?? TWO_COLUMNS}



${parts.letterDate ?? '14 March 2019'}

Pat Placeholder
Director of Children’s Services
${council}
County Hall
Sampleton
ZZ1 2AB

Dear Pat

${parts.subject ?? `Focused visit to ${council} children’s services`}

${parts.opening ?? `This letter summarises the findings of the focused visit to ${council} children’s services on 5 and 6 February 2019. The inspectors were Sam Sample, HMI, and Jane Example, HMI.`}

${parts.body ?? BODY}

Yours sincerely

Sam Sample
His Majesty’s Inspector
`;
}

function imported(text: string, fileName = 'letter.txt'): { result: ImportResult; blocks: TextBlock[] } {
  const result = importDocument(text, { fileName });
  return { result, blocks: mdxBlocks(stripFrontmatter(result.mdx)) };
}

const texts = (blocks: readonly TextBlock[], type: TextBlock['type']): string[] =>
  blocks.filter((block) => block.type === type).map((block) => block.text);

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('Ofsted’s address block in two columns', () => {
  it('is left out, as laid out by pdftotext, as a PDF viewer runs the columns together, and with its right column shifted a line', () => {
    const shifted = 'Ofsted T 0300 123 1231\nPiccadilly Gate Textphone 0161 618\nStore Street 8524\nManchester enquiries@ofsted.gov.uk\nM1 2WD www.gov.uk/ofsted';
    for (const addressBlock of [TWO_COLUMNS, TWO_COLUMNS.replace(/ {2,}/g, ' '), shifted]) {
      const { result, blocks } = imported(letter({ addressBlock }));
      expect(blocks[0]).toEqual({ type: 'paragraph', text: '14 March 2019' });
      expect(result.mdx).not.toMatch(/Piccadilly|Textphone|enquiries@|0300 123 1231|M1 2WD/);
      expect(result.frontmatter.letterDate).toBe('2019-03-14');
    }
  });
});

describe('Ofsted’s address block however its lines wrap or split (issue 22, item 10)', () => {
  // The shapes real letters have (2018-2021): the right column read onto the address's lines, two
  // address lines run together ("Manchester M1 2WD"), the top lines already taken as page edges,
  // the web address misprinted, and Ofsted's other offices.
  const shapes = {
    'the town and postcode on one line, with the web address': 'T 0300 123 1231\nPiccadilly Gate Textphone 0161 618 8524\nStore Street enquiries@ofsted.gov.uk\nManchester M1 2WD www.gov.uk/ofsted',
    'the town and postcode on one line, with the e-mail address': 'Piccadilly Gate T 0300 123 1231\nStore Street Textphone 0161 618 8524\nManchester M1 2WD enquiries@ofsted.gov.uk\nwww.gov.uk/ofsted',
    'the web address misprinted': 'Ofsted\nPiccadilly Gate T 0300 123 1231\nStore Street Textphone 0161 618 8524\nManchester enquiries@ofsted.gov.uk\nM1 2WD www.gov.uk.ofsted',
    'only the last line left': 'Manchester M1 2WD www.gov.uk/ofsted',
    'the Nottingham office': 'Agora T 0300 123 1231\n6 Cumberland Place Textphone 0161 618 8524\nNottingham NG1 6HJ enquiries@ofsted.gov.uk\nwww.gov.uk/ofsted',
    'the Nottingham office on one line': 'Agora 6 Cumberland Place Nottingham NG1 6HJ',
    'the Bristol office': 'Ofsted T 0300 123 1231\n2 Rivergate, Textphone 0161 618 8524\nTemple Quay, enquiries@ofsted.gov.uk\nBristol BS1 6EH www.gov.uk/ofsted',
    'the London office': 'Aviation House T 0300 123 1231\n125 Kingsway enquiries@ofsted.gov.uk\nLondon WC2B 6SE www.ofsted.gov.uk',
  };
  for (const [shape, addressBlock] of Object.entries(shapes)) {
    it(`is left out whole: ${shape}`, () => {
      const { result, blocks } = imported(letter({ addressBlock }));
      expect(blocks[0]).toEqual({ type: 'paragraph', text: '14 March 2019' });
      expect(blocks[1]).toEqual({ type: 'paragraph', text: 'Pat Placeholder\nDirector of Children’s Services\nExampleshire County Council\nCounty Hall\nSampleton\nZZ1 2AB' });
      expect(stripFrontmatter(result.mdx)).not.toMatch(/Piccadilly|Cumberland|Rivergate|Kingsway|Textphone|enquiries@|0300 123 1231|M1 2WD|NG1 6HJ|BS1 6EH|WC2B|gov\.uk.ofsted|ofsted\.gov\.uk/);
    });
  }

  for (const town of ['Manchester', 'Nottingham']) {
    it(`keeps an addressee’s town when it is ${town}, on a line of its own or with its postcode`, () => {
      for (const townLines of [`${town}\nM60 2LA`, `${town} NG2 3NG`]) {
        const text = letter({ addressBlock: TWO_COLUMNS }).replace('Sampleton\nZZ1 2AB', townLines);
        const { blocks } = imported(text);
        expect(blocks[1]).toEqual({ type: 'paragraph', text: `Pat Placeholder\nDirector of Children’s Services\nExampleshire County Council\nCounty Hall\n${townLines}` });
      }
    });
  }
});

describe('bullets', () => {
  const glyphs = ['\uF06E', '◼', '•', 'B', '-'];
  const items = ['The quality of plans for children in need.', 'The timeliness of life-story work for children in care.', 'Supervision that helps social workers to reflect'];

  for (const glyph of glyphs) {
    for (const spacing of ['\n', '\n\n']) {
      it(`${glyph === '\uF06E' ? 'U+F06E' : glyph}, ${spacing === '\n' ? 'no blank lines' : 'blank lines'} between items: one list item each, no glyph`, () => {
        const list = items.map((item) => `${glyph} ${item}`).join(spacing);
        const { result, blocks } = imported(letter({ body: `What needs to improve in this area of social work practice\n\n${list}\n\n${BODY}` }));
        expect(texts(blocks, 'list-item')).toEqual(items);
        expect(result.mdx).not.toMatch(/[\uF06E◼•]/u);
      });
    }
  }

  it('keeps a bullet item’s wrapped lines (with their hanging indent) in the item', () => {
    const list = '\uF06E The quality of plans for children in need, which do not\n  say who will do what.\n\uF06E Supervision.';
    const { blocks } = imported(letter({ body: `Areas for improvement\n\n${list}\n\n${BODY}` }));
    expect(texts(blocks, 'list-item')).toEqual(['The quality of plans for children in need, which do not say who will do what.', 'Supervision.']);
  });
});

describe('visit days without a year', () => {
  it('take the letter’s year', () => {
    const opening = 'This letter summarises the findings of the focused visit to Exampleshire County Council children’s services on 5 and 6 February. The inspectors were Sam Sample, HMI, and Jane Example, HMI.';
    const { result } = imported(letter({ opening }));
    expect(result.frontmatter).toMatchObject({ visitStart: '2019-02-05', visitEnd: '2019-02-06' });
  });

  it('read “on the 5 and 6 of February 2019” too', () => {
    const opening = 'This letter summarises the findings of the focused visit to Exampleshire County Council children’s services on the 5 and 6 of February 2019. The inspectors were Sam Sample, HMI, and Jane Example, HMI.';
    expect(imported(letter({ opening })).result.frontmatter).toMatchObject({ visitStart: '2019-02-05', visitEnd: '2019-02-06' });
  });

  it('take the year before for a December visit reported in January', () => {
    const opening = 'This letter summarises the findings of the focused visit to Exampleshire County Council children’s services on 4 December. The inspectors were Sam Sample, HMI, and Jane Example, HMI.';
    const { result } = imported(letter({ opening, letterDate: '21 January 2020' }));
    expect(result.frontmatter).toMatchObject({ visitStart: '2019-12-04', visitEnd: '2019-12-04', letterDate: '2020-01-21' });
    expect(result.slug).toBe('2019-12-focused-visit');
  });

  it('run over the new year: between 30 December and 2 January', () => {
    const opening = 'This letter summarises the findings of the focused visit to Exampleshire County Council children’s services, carried out between 30 December and 2 January. The inspectors were Sam Sample, HMI, and Jane Example, HMI.';
    const { result } = imported(letter({ opening, letterDate: '3 February 2020' }));
    expect(result.frontmatter).toMatchObject({ visitStart: '2019-12-30', visitEnd: '2020-01-02' });
  });
});

describe('councils, however a letter names them', () => {
  it.each([
    ['Dudley Metropolitan Borough', 'Dudley Metropolitan Borough'],
    ['London Borough of Exampleham', 'London Borough of Exampleham'],
    ['Sampleton City Council', 'Sampleton City Council'],
    ['Exampleshire local authority', 'Exampleshire'],
  ])('“Focused visit to %s children’s services” gives %s', (named, authority) => {
    const council = named.endsWith('local authority') ? 'Exampleshire Partnership Trust' : named;
    const text = letter({ council, subject: `Focused visit to ${named} children’s services`, opening: `This letter summarises the findings of the focused visit to ${named} children’s services on 5 and 6 February 2019. The inspectors were Sam Sample, HMI, and Jane Example, HMI.` });
    expect(imported(text).result.frontmatter.authority).toBe(authority);
  });

  it('takes the council from the address block when the subject says “local authority”', () => {
    const text = letter({
      council: 'Herefordshire Council',
      subject: 'Focused visit to Herefordshire local authority children’s services',
      opening: 'This letter summarises the findings of a focused visit to Herefordshire local authority children’s services on 22 January 2019. The inspectors were Sam Sample, HMI, and Jane Example, HMI.',
    });
    expect(imported(text).result.frontmatter.authority).toBe('Herefordshire Council');
  });

  it('knows the site’s council by its place, whatever the form, and names both councils otherwise', () => {
    expect(councilPlace('Dudley Metropolitan Borough Council')).toBe('Dudley');
    expect(councilPlace('London Borough of Camden')).toBe('Camden');
    expect(isSiteCouncil('Herefordshire County Council')).toBe(true);
    expect(isSiteCouncil('Herefordshire local authority')).toBe(true);
    expect(otherCouncilWarning('Herefordshire Council')).toBeUndefined();
    expect(otherCouncilWarning('Dudley Metropolitan Borough')).toMatch(/about Dudley Metropolitan Borough, not Herefordshire Council/);
  });
});

describe('text without blank lines', () => {
  const clean = imported(letter());

  it('one paragraph per line (Word’s plain-text export) gives the same blocks', () => {
    const word = letter()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .join('\n');
    const { blocks } = imported(word);
    // Up to the sign-off, whose name and title Word gives as two paragraphs.
    const upToSignOff = (list: readonly TextBlock[]) => list.slice(0, list.findIndex((block) => block.text === 'Yours sincerely'));
    expect(upToSignOff(blocks)).toEqual(upToSignOff(clean.blocks));
    expect(upToSignOff(blocks).length).toBeGreaterThan(6);
  });

  it('wrapped lines with no gap between paragraphs (a PDF viewer’s copy) are joined into their paragraphs', () => {
    const body = [
      'Leaders in this fictional council know their services well, and they have used that',
      'knowledge to plan the changes that matter most to children and families this year.',
      'Most children are seen quickly.',
      'Plans for children are too variable in quality, and some children wait too long for',
      'the help that they need, because their plans do not say who will do what by when.',
      'Supervision is regular.',
    ].join('\n');
    const opening = 'This letter summarises the findings of the focused visit to Exampleshire County Council\nchildren’s services on 5 and 6 February 2019. The inspectors were Sam Sample, HMI, and\nJane Example, HMI.';
    const text = letter({ body, opening })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .join('\n');
    const { blocks } = imported(text);
    expect(texts(blocks, 'paragraph')).toEqual(
      expect.arrayContaining([
        'Leaders in this fictional council know their services well, and they have used that knowledge to plan the changes that matter most to children and families this year. Most children are seen quickly.',
        'Plans for children are too variable in quality, and some children wait too long for the help that they need, because their plans do not say who will do what by when. Supervision is regular.',
      ]),
    );
  });
});

describe('encodings and invisible characters', () => {
  const reference = imported(letter()).result.mdx;
  const source = letter();

  it.each([
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(source)])],
    ['UTF-16 little-endian with a byte-order mark', utf16(source, true)],
    ['UTF-16 big-endian with a byte-order mark', utf16(source, false)],
    ['Windows-1252', windows1252(source)],
    ['CRLF line endings', new TextEncoder().encode(source.replace(/\n/g, '\r\n'))],
  ])('%s reads as the same letter', (_, bytes) => {
    expect(imported(decodeText(bytes, 'letter.txt')).result.mdx).toBe(reference);
  });

  it('turns no-break spaces into spaces and removes soft hyphens, so search finds the word', () => {
    const text = source.replace('Most children', 'Most\u00A0children').replace('quickly', 'quick\u00ADly');
    const { result } = imported(text);
    expect(result.mdx).toBe(reference);
  });

  it.each([
    ['UTF-32', new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]), /UTF-32/],
    ['UTF-16 without a byte-order mark', utf16(source, true).subarray(2), /UTF-16 text without a byte-order mark/],
    ['a Word document', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Word \(\.docx\)/],
  ])('refuses %s, naming it', (_, bytes, reason) => {
    const error = refusal(() => decodeText(bytes, 'letter.txt'));
    expect(error.code).toBe('unreadable-text');
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(/^import: letter\.txt: .+\. Fix: .+/);
  });
});

describe('documents that are not an Ofsted children’s services letter or report', () => {
  it.each([
    [
      'an area SEND inspection',
      letter({ subject: 'Area SEND inspection of Exampleshire Local Area Partnership', body: 'Children and young people with special educational needs and/or disabilities (SEND) wait too long for assessments.' }),
      /area SEND inspection report/,
    ],
    [
      'an adult social care assessment',
      'Exampleshire County Council: local authority assessment\nCare Quality Commission\n\nHow the local authority works with people\n\nAdult social care services in Exampleshire support people to live independently. Inspection of how the local authority meets its duties under the Care Act 2014.\n',
      /adult social care assessment/,
    ],
    [
      'a school letter',
      letter({ council: 'Sampleton Primary School', subject: 'Short inspection of Sampleton Primary School', opening: 'Following my visit to the school on 5 February 2019, I write on behalf of His Majesty’s Chief Inspector to report the inspection findings. The headteacher and governors have maintained the good quality of education.' }),
      /school or college inspection/,
    ],
    [
      'a scrutiny report quoting a letter',
      'Children and Young People Scrutiny Committee\n\nReport title: Ofsted focused visit\n\nPurpose of the report\n\nTo inform the committee of the findings of the Ofsted focused visit in February 2019. Inspectors said that “most children are seen quickly”.\n\nRecommendations\n\nThat the committee notes the letter.\n',
      /council report \(a committee, cabinet or scrutiny paper\)/,
    ],
  ])('refuses %s, saying what it seems to be', (_, text, reason) => {
    const error = refusal(() => importDocument(text, { fileName: 'document.txt' }));
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(/^import: document\.txt: .+\. Fix: .+/);
  });

  it('imports only the letter of a council report that wraps one, saying so', () => {
    const covering = [
      'Cabinet',
      '',
      'Report title: Ofsted focused visit of children’s services',
      'Report by: Director of Children’s Services',
      '',
      'Purpose of the report',
      '',
      'To share with Cabinet the letter the council received after the focused visit, attached as Appendix A, and the council’s response to its findings, which the council welcomes.',
      '',
      'Recommendations',
      '',
      'That Cabinet notes the findings and endorses the action plan.',
      '',
      'Appendix A',
      '',
    ].join('\n');
    const after = '\nAppendix B: action plan\n\nThe council will improve its plans by the end of the year, and report to the committee every quarter.\n';
    const { result } = imported(`${covering}\n${letter()}${after}`, 'cabinet-report.txt');
    expect(result.mdx).toBe(imported(letter()).result.mdx);
    expect(result.mdx).not.toMatch(/Cabinet|Appendix|action plan/);
    expect(result.notes).toEqual([expect.stringMatching(/^cabinet-report\.txt: imported only the Ofsted letter \(lines 16 to \d+\); the council’s report around it is left out/)]);
  });

  it('never starts the letter at a covering report’s sentence that begins with “Ofsted”', () => {
    const covering = [
      'Cabinet',
      '',
      'Purpose of the report',
      '',
      'To share with Cabinet the letter the council received after the visit, attached as Appendix A, with its response.',
      '',
      'Ofsted carried out a focused visit of the council’s children’s services and wrote to the director with its findings, which the council welcomes and has acted on.',
      '',
      'Appendix A',
      '',
    ].join('\n');
    const { result } = imported(`${covering}\n${letter()}`, 'cabinet-report.txt');
    expect(result.mdx).toBe(imported(letter()).result.mdx);
    expect(result.mdx).not.toMatch(/carried out a focused visit of the council’s/);
    // The letter starts at Ofsted's address block (line 11), not at the sentence (line 7).
    expect(result.notes).toEqual([expect.stringMatching(/imported only the Ofsted letter \(lines 11 to \d+\)/)]);
  });
});

describe('a letter from its PDF (2021 on): two-column address block, ◼ bullets, a page number inside a sentence', async () => {
  const body = [
    'Areas for priority action',
    '',
    '◼ The quality of plans for children in need.',
    '◼ The timeliness of life-story work for children in care.',
    '',
    'Main findings',
    '',
    'Plans for children are too variable in quality, and some children wait too long for',
    '',
    '',
    '                                                                              1',
    '\fthe help they need. Leaders know this and have a credible plan to improve it.',
  ].join('\n');
  // Lines as wide as a page: PDF.js reads no text beyond its edge.
  const opening = 'This letter summarises the findings of the focused visit to Exampleshire County Council\nchildren’s services on 5 and 6 February 2019. The inspectors were Sam Sample, HMI, and\nJane Example, HMI.';
  const text = letter({ body, opening });
  const fromText = imported(text);
  const fromPdf = await importPdf(await layoutPdf(text), { fileName: 'letter.pdf' });

  it('gives the letter its text gives, with no address line, glyph or page number', () => {
    expect(fromPdf.mdx).toBe(fromText.result.mdx);
    expect(texts(fromText.blocks, 'list-item')).toEqual(['The quality of plans for children in need.', 'The timeliness of life-story work for children in care.']);
    expect(texts(fromText.blocks, 'paragraph')).toContain(
      'Plans for children are too variable in quality, and some children wait too long for the help they need. Leaders know this and have a credible plan to improve it.',
    );
    expect(fromPdf.mdx).not.toMatch(/Piccadilly|Textphone|◼|^1$/mu);
  });
});

describe('a letter pasted below other text', () => {
  it('is imported alone, never with the text above it in its letter head', () => {
    const above = 'Forwarded for information. Please find below the letter we received from Ofsted after the visit in February, which the team discussed at length on Monday and will respond to.\n\n';
    const { result } = imported(`${above}${letter()}`, 'email.txt');
    expect(result.mdx).toBe(imported(letter()).result.mdx);
    expect(result.notes).toEqual([expect.stringMatching(/^email\.txt: imported only the Ofsted letter \(lines 3 to \d+\); the text around it is left out/)]);
  });
});

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let index = 0; index < text.length; index++) view.setUint16(2 + index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}

/** Windows-1252: ASCII, with the curly quotes and dashes at their single-byte places. */
function windows1252(text: string): Uint8Array {
  const map: Record<string, number> = { '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '•': 0x95 };
  return new Uint8Array([...text].map((char) => map[char] ?? char.charCodeAt(0)));
}
