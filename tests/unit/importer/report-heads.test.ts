/**
 * The heads of reports the importer refused or misread (issue 24, classes 9 and 15): the 2018-20
 * template that names the council above "Inspection of local authority children’s services";
 * a "Reinspection of services ..." (no hyphen); a report on a Trust; and the 2013 inspection of
 * looked after children services, which names the council on its own line after the title.
 * Each fixture is written here about a fictional council, in Ofsted's wording pattern.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument, importPdf } from '../../../src/lib/importer/index.ts';
import { layoutPdf } from '../../helpers/pdf.ts';
import { sifJudgements } from '../../helpers/single-inspection.ts';


const ilacs = await readFile(path.resolve(import.meta.dirname, '../../fixtures/letters/ilacs-report.txt'), 'utf8');
const ILACS_TITLE = /Inspection of Exampleshire local\nauthority children’s services|Inspection of Exampleshire local authority children’s services/g;

/** What the ILACS fixture says after its title, whatever the head: an inspection, its dates and its lead inspector. */
const ILACS_VISIT = { kind: 'inspection', visitStart: '2024-09-30', visitEnd: '2024-10-11', inspectors: ['Jane Example'] };

/** The ILACS fixture with another head (its title, and the running footer that repeats it). */
function withHead(head: string, footer: string): string {
  let first = true;
  return ilacs.replace(ILACS_TITLE, () => {
    const replacement = first ? head : footer;
    first = false;
    return replacement;
  });
}

describe('the 2018-20 template: the council above “Inspection of local authority children’s services” (class 9)', () => {
  const text = withHead('Wyvernshire Borough Council\n\nInspection of local authority children’s services', 'Inspection of local authority children’s services');

  it('reads the council’s own name, never “local authority”', () => {
    const result = importDocument(text, { fileName: 'wyvernshire.txt' });
    expect(result.frontmatter).toMatchObject({ ...ILACS_VISIT, title: 'Inspection of local authority children’s services', authority: 'Wyvernshire Borough Council' });
    expect(result.frontmatter.judgements).toHaveLength(4);
  });

  it('takes a Herefordshire report in that template for Herefordshire’s', () => {
    const own = text.replace('Wyvernshire Borough Council', 'Herefordshire Council');
    expect(importDocument(own, { fileName: 'herefordshire.txt' }).frontmatter.authority).toBe('Herefordshire Council');
  });
});

describe('a report on a Trust: “Inspection of … Children and Families Trust” (class 15)', () => {
  // The PDF's text leaves a blank line inside the title.
  const text = withHead('Inspection of Wyvern Children and\n\nFamilies Trust', 'Inspection of Wyvern Children and Families Trust');

  it('is imported, the Trust it names as its subject as the authority', async () => {
    const expected = { ...ILACS_VISIT, title: 'Inspection of Wyvern Children and Families Trust', authority: 'Wyvern Children and Families Trust' };
    expect(importDocument(text, { fileName: 'trust.txt' }).frontmatter).toMatchObject(expected);
    expect((await importPdf(await layoutPdf(text), { fileName: 'trust.pdf' })).frontmatter).toMatchObject(expected);
  });
});

describe('“Reinspection of services …”, without a hyphen (class 15)', () => {
  const text = [
    'Wyvernshire County Council',
    '',
    'Reinspection of services for children in need of help and',
    'protection, children looked after and care leavers',
    '',
    'Inspection date: 6 November 2017 to 29 November 2017',
    '',
    'Report published: 26 January 2018',
    '',
    'Children’s services in Wyvernshire require improvement to be good',
    '',
    '1. Children who need help and protection             Requires improvement',
    '',
    '2. Children looked after and achieving permanence    Requires improvement',
    '',
    '   2.1 Adoption performance                          Good',
    '',
    '   2.2 Experiences and progress of care leavers      Requires improvement',
    '',
    '3. Leadership, management and governance             Requires improvement',
    '',
    'Executive summary',
    '',
    'Since the last inspection, the local authority has made steady progress in',
    'improving the help that children receive.',
    '',
    'Summary of key findings',
    '',
    '1. Senior leaders know their services well and have a credible plan.',
    '',
    '2. Most children who need help receive it promptly.',
    '',
  ].join('\n');

  it('is imported with its title, council, dates and every grade of its table', () => {
    const result = importDocument(text, { fileName: 'reinspection.txt' });
    expect(result.frontmatter).toMatchObject({
      title: 'Reinspection of services for children in need of help and protection, children looked after and care leavers',
      kind: 'inspection',
      authority: 'Wyvernshire County Council',
      visitStart: '2017-11-06',
      visitEnd: '2017-11-29',
      published: '2018-01-26',
    });
    expect(result.frontmatter.judgements).toEqual([
      { area: 'Overall judgement', grade: 'requires-improvement' },
      ...sifJudgements('requires-improvement', 'requires-improvement', 'good', 'requires-improvement', 'requires-improvement'),
    ]);
  });
});

describe('the 2013 inspection of looked after children services: the council on its own line after the title (class 15)', () => {
  const text = [
    'Inspection of looked after children',
    '',
    'services',
    '',
    'Wyvernshire Metropolitan Borough Council',
    '',
    'Inspection dates: 8 – 12 July 2013',
    'Reporting inspector Jane Example HMI',
    '',
    'Age group: All',
    '',
    'About this inspection',
    '',
    '1. The purpose of the inspection is to evaluate the contribution made by',
    'relevant services to the quality of service provision for looked after',
    'children and care leavers.',
    '',
    'Service information',
    '',
    '2. Wyvernshire is a largely rural county with a small number of towns.',
    '',
    'Overall effectiveness of services for looked',
    '',
    'after children and young people',
    '',
    'Grade 4 (inadequate)',
    '',
    '3. The local authority is not meeting its responsibilities for looked after',
    'children in key areas.',
    '',
    'Capacity to improve',
    '',
    'Grade 3 (Adequate)',
    '',
    '4. Senior leaders have begun to act on what they know, but it is too early',
    'to see the effect.',
    '',
    'Leadership and management',
    '',
    'Grade 2 (Good)',
    '',
    '5. Elected members are well informed about the experiences of children in',
    'care.',
    '',
  ].join('\n');

  it('is imported with its title, council, dates, reporting inspector and the grades of its sections', async () => {
    const expected = {
      title: 'Inspection of looked after children services',
      kind: 'inspection',
      authority: 'Wyvernshire Metropolitan Borough Council',
      visitStart: '2013-07-08',
      visitEnd: '2013-07-12',
      inspectors: ['Jane Example'],
      judgements: [
        { area: 'Overall effectiveness of services for looked after children and young people', grade: 'inadequate' },
        { area: 'Leadership and management', grade: 'good' },
      ],
    };
    const fromText = importDocument(text, { fileName: 'lac-2013.txt' });
    expect(fromText.frontmatter).toEqual(expect.objectContaining(expected));
    expect((await importPdf(await layoutPdf(text), { fileName: 'lac-2013.pdf' })).frontmatter).toEqual(expect.objectContaining(expected));
  });

  it('never maps “Adequate”, a grade today’s scale has not: that section is listed missing', () => {
    const result = importDocument(text, { fileName: 'lac-2013.txt' });
    expect(result.missing).toContain('judgements');
    expect(result.notes.join('\n')).toContain('“Capacity to improve”');
    // The grade lines stay in the text: they are Ofsted's words.
    expect(result.mdx).toContain('Grade 3 (Adequate)');
  });
});
