/**
 * The single inspection framework's head (2014-2018 reports): the overall judgement as a
 * sentence, the numbered table of judgements, perhaps the board's judgement (issue 24, class 1).
 * Each fixture is written here about a fictional council, in Ofsted's wording pattern and in the
 * shapes `pdftotext -layout` and the PDF give real reports: a full stop after the grade, "that
 * children's services require improvement", a sentence wrapped onto the next line, "Improvement"
 * capitalised, a grade split over two lines around its area, the board's judgement wrapped.
 * The table's grades go to the frontmatter; its rows never become numbered paragraphs; a grade
 * that cannot be read is missing, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { mdxBlocks, stripFrontmatter } from '../../../src/lib/importer/blocks.ts';
import { importDocument, importPdf, type ImportResult } from '../../../src/lib/importer/index.ts';
import { parseJudgementTable } from '../../../src/lib/importer/report.ts';
import { layoutPdf } from '../../helpers/pdf.ts';
import { SIF_AND_REVIEW_TITLE, sifHead, sifJudgements } from '../../helpers/single-inspection.ts';



interface Shape {
  /** The lines between the dates and the table: the overall judgement, perhaps a paragraph. */
  overall: string;
  /** The table's rows, blank lines between them. */
  table: string;
  /** After the table: the board's judgement, or nothing. */
  after?: string;
}

const STANDARD_TABLE = [
  '1. Children who need help and protection                      Good',
  '',
  '2. Children looked after and achieving permanence             Good',
  '',
  '   2.1 Adoption performance                                   Outstanding',
  '',
  '   2.2 Experiences and progress of care leavers               Good',
  '',
  '3. Leadership, management and governance                      Good',
].join('\n');

const ALL_GOOD = sifJudgements('good', 'good', 'outstanding', 'good', 'good');

/** A whole short report of that shape: head, table, contents, and three numbered paragraphs. */
function report({ overall, table, after = '' }: Shape): string {
  return [
    ...sifHead({ title: SIF_AND_REVIEW_TITLE, dates: ['Inspection date: 2 March 2015 – 26 March 2015', '', 'Report published: 8 May 2015'], overall, rows: [table] }),
    after,
    '',
    'Executive summary',
    '',
    'Leaders in Exampleshire know their services well and have a clear plan for',
    'improving the help that children receive.',
    '',
    'Summary of key findings',
    '',
    '1. Senior leaders have a realistic view of the quality of practice and have acted',
    '   on it.',
    '',
    '2. Most children who need help receive it promptly from social workers who know',
    '   them well.',
    '',
    '3. Children in care live in stable homes and are helped to keep in touch with',
    '   the people who matter to them.',
    '',
  ].join('\n');
}

/** Ofsted's numbers of the paragraphs, in order, and every block's text. */
function body(result: ImportResult): { numbers: number[]; text: string } {
  const blocks = mdxBlocks(stripFrontmatter(result.mdx));
  const numbered = blocks.filter((block) => /^\d{1,3}\. /.test(block.text));
  return { numbers: numbered.map((block) => Number(block.text.split('.')[0])), text: blocks.map((block) => block.text).join('\n') };
}

interface ShapeCase {
  name: string;
  shape: Shape;
  judgements: Array<{ area: string; grade: string }>;
}

/** A shape of the overall judgement's sentence over the standard table: that grade, then the table's. */
function sentenceShape(name: string, overall: string, grade: string): ShapeCase {
  return { name, shape: { overall, table: STANDARD_TABLE }, judgements: [{ area: 'Overall judgement', grade }, ...ALL_GOOD] };
}

const SHAPES: ShapeCase[] = [
  sentenceShape('a full stop after the overall grade (“The overall judgement is good.”)', 'The overall judgement is good.\nThe local authority leads effective services that meet the requirements for good.', 'good'),
  sentenceShape('“Children’s services in … are good.” with its full stop', 'Children’s services in Exampleshire County Council are good.', 'good'),
  sentenceShape('“…that children’s services require improvement.”', 'The overall judgement is that children’s services require improvement.', 'requires-improvement'),
  sentenceShape('the sentence wrapped, its grade’s last word alone on the next line', 'Children’s services in Exampleshire require improvement to be\ngood', 'requires-improvement'),
  sentenceShape('the sentence wrapped over three lines', 'The overall judgement is that children’s services in the\nCouncil of the Example Isles require improvement to be\ngood.', 'requires-improvement'),
  {
    name: '“Improvement” capitalised, in the sentence and in the table',
    shape: {
      overall: 'The overall judgement is Requires Improvement',
      table: STANDARD_TABLE.replace(/(1\. Children who need help and protection\s+)Good/, '$1Requires Improvement'),
    },
    judgements: [{ area: 'Overall judgement', grade: 'requires-improvement' }, { area: 'Children who need help and protection', grade: 'requires-improvement' }, ...ALL_GOOD.slice(1)],
  },
  {
    name: 'a grade split over two lines, after the area’s first line and around the area',
    shape: {
      overall: 'Children’s services in Exampleshire are good',
      table: [
        '1. Children who need help and protection                      Good',
        '',
        '2. Children looked after and achieving                        Requires improvement to',
        '   permanence                                                 be good',
        '',
        '   2.1 Adoption performance                                   Outstanding',
        '',
        '                                                              Requires improvement to',
        '   2.2 Experiences and progress of care leavers',
        '                                                              be good',
        '',
        '3. Leadership, management and governance                      Good',
      ].join('\n'),
    },
    judgements: [{ area: 'Overall judgement', grade: 'good' }, ...sifJudgements('good', 'requires-improvement', 'outstanding', 'requires-improvement', 'good')],
  },
  {
    name: 'the board’s judgement wrapped, its grade alone with a full stop',
    shape: {
      overall: 'The overall judgement is good',
      table: STANDARD_TABLE,
      after: 'The effectiveness of the Local Safeguarding Children Board (LSCB) is\ngood.\nThe LSCB coordinates the activity of statutory partners and has mechanisms in\nplace to monitor the effectiveness of local arrangements.',
    },
    judgements: [{ area: 'Overall judgement', grade: 'good' }, ...ALL_GOOD, { area: 'The effectiveness of the Local Safeguarding Children Board', grade: 'good' }],
  },
  {
    name: '“The judgement for the effectiveness of the … Board (LSCB) is requires improvement.”',
    shape: {
      overall: 'The overall judgement is good.',
      table: STANDARD_TABLE,
      after: 'The judgement for the effectiveness of the Local Safeguarding Children\nBoard (LSCB) is requires improvement.',
    },
    judgements: [{ area: 'Overall judgement', grade: 'good' }, ...ALL_GOOD, { area: 'The effectiveness of the Local Safeguarding Children Board', grade: 'requires-improvement' }],
  },
  sentenceShape('the sentence wrapped after a whole grade, “to be good” going on on the next line', 'Children’s services in Exampleshire require improvement\nto be good', 'requires-improvement'),
  sentenceShape('“…that children’s service requires improvement.” (service, singular)', 'The overall judgement is that children’s service requires\nimprovement.', 'requires-improvement'),
  {
    name: '“Not judged” for an area (a council with no adoptions to judge): no grade, none missing',
    shape: {
      overall: 'Children’s services in Exampleshire are good',
      table: [
        '1. Children who need help and protection                      Good',
        '',
        '2. Children looked after and achieving',
        '                                                              Good',
        '   permanence',
        '',
        '   2.1 Adoption performance                                   Not judged',
        '',
        '   2.2 Experiences and progress of care leavers               Good',
        '',
        '3. Leadership, management and governance                      Good',
      ].join('\n'),
    },
    judgements: [{ area: 'Overall judgement', grade: 'good' }, ...ALL_GOOD.filter((judgement) => judgement.area !== 'Adoption performance')],
  },
  {
    name: 'rows with no blank line between them, each grade split around its row (“requires” / “1. …” / “improvement”)',
    shape: {
      overall: 'The overall judgement is requires improvement',
      table: [
        '                                                              requires',
        '1. Children who need help and protection',
        '                                                              improvement',
        '',
        '                                                              requires',
        '2. Children looked after and achieving permanence',
        '                                                              improvement',
        '                                                              requires',
        '   2.1 Adoption performance',
        '                                                              improvement',
        '                                                              requires',
        '   2.2 Experiences and progress of care leavers',
        '                                                              improvement',
        '                                                              requires',
        '3. Leadership, management and governance',
        '                                                              improvement',
      ].join('\n'),
    },
    judgements: [{ area: 'Overall judgement', grade: 'requires-improvement' }, ...ALL_GOOD.map(({ area }) => ({ area, grade: 'requires-improvement' }))],
  },
  {
    name: 'a grade split at the ends of a wrapped row’s lines (“… achieving Requires” / “permanence Improvement”)',
    shape: {
      overall: 'The overall judgement is requires improvement',
      table: STANDARD_TABLE.replace('2. Children looked after and achieving permanence             Good', '2. Children looked after and achieving                        Requires\n   permanence                                                 Improvement'),
    },
    judgements: [{ area: 'Overall judgement', grade: 'requires-improvement' }, ALL_GOOD[0]!, { area: 'Children looked after and achieving permanence', grade: 'requires-improvement' }, ...ALL_GOOD.slice(2)],
  },
  {
    name: 'grades in lower case (2018), “Requires” above a row and “improvement to be” / “good” after it, a page break inside the table',
    shape: {
      overall: 'Children’s services in Exampleshire are inadequate',
      table: [
        '1. Children who need help and protection                      inadequate',
        '',
        '                                                              Requires',
        '2. Children looked after and achieving                        improvement to be',
        '   permanence                                                 good',
        '',
        '   2.1 Adoption performance                                   good',
        '\f   2.2 Experiences and progress of care leavers               not judged',
        '',
        '3. Leadership, management and governance                      inadequate',
      ].join('\n'),
    },
    judgements: [{ area: 'Overall judgement', grade: 'inadequate' }, ...sifJudgements('inadequate', 'requires-improvement', 'good', undefined, 'inadequate')],
  },
];

describe('the single inspection framework’s judgement table, in each shape Ofsted printed it', () => {
  for (const { name, shape, judgements } of SHAPES) {
    describe(name, () => {
      const text = report(shape);
      const result = importDocument(text, { fileName: 'exampleshire-2015.txt' });

      it('reads every judgement from the table, in its order', () => {
        expect(result.frontmatter.judgements).toEqual(judgements);
        expect(result.missing).not.toContain('judgements');
      });

      it('keeps the table’s rows out of the text: Ofsted’s numbers 1-3 once each, the sentences whole', () => {
        const { numbers, text: words } = body(result);
        expect(numbers).toEqual([1, 2, 3]);
        expect(words).not.toMatch(/Adoption performance|Leadership, management and governance/);
        // The overall judgement and the board's judgement are sentences: kept, every word.
        const sentences = [shape.overall, shape.after ?? ''].map((lines) => lines.replace(/\s+/g, ' ').trim()).filter((lines) => lines !== '');
        for (const sentence of sentences) expect(words.replace(/\s+/g, ' ')).toContain(sentence);
      });
    });
  }

  it('reads the same from the PDF as from the text (a grade split over lines, the board’s judgement wrapped)', async () => {
    for (const index of [3, 6, 7]) {
      const { shape, judgements } = SHAPES[index]!;
      const text = report(shape);
      const fromPdf = await importPdf(await layoutPdf(text), { fileName: 'exampleshire-2015.pdf' });
      expect(fromPdf.frontmatter.judgements, SHAPES[index]!.name).toEqual(judgements);
      expect(body(fromPdf).numbers, SHAPES[index]!.name).toEqual([1, 2, 3]);
    }
  });
});

describe('the overall judgement with a paragraph straight after it, no blank line between', () => {
  it('is a block of its own, not the start of the next paragraph', () => {
    const result = importDocument(report(SHAPES[0]!.shape), { fileName: 'exampleshire-2015.txt' });
    const texts = mdxBlocks(stripFrontmatter(result.mdx)).map((block) => block.text);
    expect(texts).toContain('The overall judgement is good.');
    expect(texts).toContain('The local authority leads effective services that meet the requirements for good.');
  });
});

describe('a footnote straight after the table, its number before its first word', () => {
  it('is not taken for a row of the table: every word of it is kept', () => {
    const note = '1 Ofsted produces this report under its power to combine reports in accordance with section 152 of\nthe Education and Inspections Act 2006.';
    const result = importDocument(report({ overall: 'Children’s services in Exampleshire are good', table: STANDARD_TABLE, after: note }), { fileName: 'exampleshire-2015.txt' });
    expect(result.frontmatter.judgements).toEqual([{ area: 'Overall judgement', grade: 'good' }, ...ALL_GOOD]);
    expect(result.notes.join('\n')).not.toMatch(/could not read the grade/);
    expect(body(result).text.replace(/\s+/g, ' ')).toContain('under its power to combine reports in accordance with section 152 of the Education and Inspections Act 2006.');
  });
});

describe('a grade that cannot be read', () => {
  it('leaves that area out of the table, never guessing its grade', () => {
    expect(
      parseJudgementTable([
        '1. Children who need help and protection Requires',
        '',
        '2. Children looked after and achieving Requires improvement to',
        '   permanence',
        '',
        '3. Leadership, management and governance Good',
      ]),
    ).toEqual([{ area: 'Leadership, management and governance', grade: 'good' }]);
  });

  it('lists the judgements for the editor, quoting the row it could not read', () => {
    const table = STANDARD_TABLE.replace(/(2\.1 Adoption performance\s+)Outstanding/, '$1Requires');
    const result = importDocument(report({ overall: 'The overall judgement is good', table }), { fileName: 'exampleshire-2015.txt' });
    expect(result.frontmatter.judgements?.map((judgement) => judgement.area)).not.toContain('Adoption performance');
    expect(result.missing).toEqual(['headline', 'inspectors', 'judgements', 'sources']);
    expect(result.notes.join('\n')).toContain('could not read the grade of “Adoption performance Requires”');
  });

  it('lists the judgements as missing when the overall judgement’s words are not a grade', () => {
    const result = importDocument(report({ overall: 'The overall judgement is pending', table: STANDARD_TABLE }), { fileName: 'exampleshire-2015.txt' });
    expect(result.frontmatter.judgements).toBeUndefined();
    expect(result.missing).toContain('judgements');
  });
});
