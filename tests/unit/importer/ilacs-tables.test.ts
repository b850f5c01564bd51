/**
 * The head and judgement table of ILACS reports (2018-2026) in the shapes the importer misread
 * (issue 24): a PDF viewer's copy of the text, which gives the table's two columns one after the
 * other (class 11); the April 2026 framework, four judgements and no overall effectiveness
 * (class 16); and tables whose rows ran together or carried words that are no area's (class 4).
 * Each fixture is written here about a fictional council, in Ofsted's wording and layout.
 */
import { describe, expect, it } from 'vitest';
import { importDocument, importPdf } from '../../../src/lib/importer/index.ts';
import { judgementHistory } from '../../../src/lib/pictures/judgement-history.ts';
import type { Judgement } from '../../../src/lib/importer/report.ts';
import { CARE_AND_LEAVERS, CARE_LEAVERS, HELP, IN_CARE, LEADERS } from '../../helpers/ilacs-areas.ts';
import { layoutPdf } from '../../helpers/pdf.ts';

const LEADERS_2026 = 'The impact of leaders on practice with children and families';

/**
 * The report after its judgement table. A line of the summary ends "… to be good", as Ofsted's
 * do: part of a paragraph, not a grade.
 */
const BODY = [
  'Wyvernshire’s services for children have improved since the last inspection, when they were',
  'judged to be good',
  'in two areas. Leaders know their services well and have a credible plan.',
  'Most children get the help they need when they need it.',
  'What needs to improve?',
  '◼ The quality of plans for children in need.',
  '',
  'The experiences and progress of children who need help and protection: good',
  '1. Children are seen quickly when concerns are raised. Strategy discussions',
  'are held promptly and include the right professionals.',
  '2. Early help is well coordinated.',
];

const report = (...parts: string[][]): string => [...parts.flat(), ...BODY].join('\n');

/** A table as a PDF viewer's copy gives it: row by row, each row's two cells one after the other, a blank line after each cell. */
const cells = (...rows: Array<[string, string]>): string[] => rows.flat().flatMap((text) => [...text.split('\n'), '']);

describe('a PDF viewer’s copy (plain pdftotext) of an ILACS report (class 11)', () => {
  it('reads the head and table of the 2018-20 template, labels and columns one after the other', () => {
    // The head's columns too come one after the other: "Inspection dates:", then the dates.
    const text = report([
      'London Borough of Wyvern',
      'Inspection of children’s social care services',
      'Inspection dates:',
      '',
      '9 March 2020 to 13 March 2020',
      '',
      'Lead inspector:',
      '',
      'Robin Sample',
      'Her Majesty’s Inspector',
      '',
      ...cells(
        ['Judgement', 'Grade'],
        ['The impact of leaders on social work practice with\nchildren and families', 'Requires improvement to\nbe good'],
        ['The experiences and progress of children who need help\nand protection', 'Good'],
        ['The experiences and progress of children in care and care\nleavers', 'Outstanding'],
        ['Overall effectiveness', 'Requires improvement\nto be good'],
      ),
    ]);
    const result = importDocument(text, { fileName: 'wyvern.txt' });
    expect(result.frontmatter).toMatchObject({
      title: 'Inspection of children’s social care services',
      authority: 'London Borough of Wyvern',
      visitStart: '2020-03-09',
      visitEnd: '2020-03-13',
      inspectors: ['Robin Sample'],
      judgements: [
        { area: LEADERS, grade: 'requires-improvement' },
        { area: HELP, grade: 'good' },
        { area: CARE_AND_LEAVERS, grade: 'outstanding' },
        { area: 'Overall effectiveness', grade: 'requires-improvement' },
      ],
    });
    expect(result.missing).not.toContain('judgements');
    // The table's words are not the report's text.
    expect(result.mdx).not.toMatch(/^(?:Judgement|Grade|Good|Outstanding|be good|Robin Sample)$/m);
    expect(result.mdx).toContain('Wyvernshire’s services for children have improved');
  });

  it('reads the five judgements of 2023-25, the summary’s “… to be good” line no grade', () => {
    const text = report([
      'Inspection of Wyvernshire local authority',
      'children’s services',
      'Inspection dates: 10 to 21 June 2024',
      'Lead inspector: Ash Example, His Majesty’s Inspector',
      ...cells(
        ['Judgement', 'Grade'],
        ['The impact of leaders on social work\npractice with children and families', 'Good'],
        ['The experiences and progress of\nchildren who need help and protection', 'Requires improvement to be good'],
        ['The experiences and progress of\nchildren in care', 'Outstanding'],
        ['The experiences and progress of care\nleavers', 'Inadequate'],
        ['Overall effectiveness', 'Good'],
      ),
    ]);
    const result = importDocument(text, { fileName: 'wyvernshire.txt' });
    expect(result.frontmatter).toMatchObject({
      visitStart: '2024-06-10',
      visitEnd: '2024-06-21',
      inspectors: ['Ash Example'],
      judgements: [
        { area: LEADERS, grade: 'good' },
        { area: HELP, grade: 'requires-improvement' },
        { area: IN_CARE, grade: 'outstanding' },
        { area: CARE_LEAVERS, grade: 'inadequate' },
        { area: 'Overall effectiveness', grade: 'good' },
      ],
    });
    expect(result.notes).toEqual([]);
  });
});

describe('a PDF viewer’s copy with no blank lines at all (class 11)', () => {
  // Each line as the copy gives it; the importer puts back the paragraph breaks, which here fall
  // inside the table's areas and grades too.
  const table = [
    'Judgement',
    'Grade',
    'The impact of leaders on social work',
    'practice with children and families',
    'Good',
    'The experiences and progress of children who need help and',
    'protection',
    'Requires improvement',
    'to be good',
    'The experiences and progress of',
    'children in care',
    'Requires improvement to',
    'be good',
    'The experiences and progress of care',
    'leavers',
    'Outstanding',
    'Overall effectiveness',
    'Requires improvement',
    'to be good',
  ];

  it('reads every row, and the summary run on after the last grade is text', () => {
    const text = report(['Inspection of Wyvernshire local authority', 'children’s services', 'Inspection dates: 10 to 21 June 2024', 'Lead inspector: Ash Example, His Majesty’s Inspector'], table);
    const result = importDocument(text, { fileName: 'wyvernshire.txt' });
    expect(result.frontmatter.judgements).toEqual([
      { area: LEADERS, grade: 'good' },
      { area: HELP, grade: 'requires-improvement' },
      { area: IN_CARE, grade: 'requires-improvement' },
      { area: CARE_LEAVERS, grade: 'outstanding' },
      { area: 'Overall effectiveness', grade: 'requires-improvement' },
    ]);
    expect(result.notes).toEqual([]);
    expect(result.mdx).toContain('Wyvernshire’s services for children have improved');
  });
});

describe('the April 2026 framework: four judgements, no overall effectiveness (class 16)', () => {
  const head = ['Inspection of Wyvernshire local authority', 'children’s services', 'Inspection dates: 11 to 22 May 2026', '', 'Lead inspector: Kit Placeholder, His Majesty’s Inspector', '', ''];
  const layout = report(head, [
    ' Judgement                                  Grade',
    '',
    ' The impact of leaders on practice with     Outstanding',
    ' children and families',
    '',
    ' The experiences and progress of            Good',
    ' children who need help and protection',
    '',
    ' The experiences and progress of            Requires improvement to be good',
    ' children in care',
    '',
    ' The experiences and progress of care       Good',
    ' leavers',
    '',
  ]);
  const copy = report(head, [
    'Judgement',
    '',
    'Grade',
    '',
    'The impact of leaders on practice with',
    'children and families',
    '',
    'Outstanding',
    '',
    'The experiences and progress of',
    'children who need help and protection',
    '',
    'Good',
    '',
    'The experiences and progress of',
    'children in care',
    '',
    'Requires improvement to be good',
    '',
    'The experiences and progress of care',
    'leavers',
    '',
    'Good',
    '',
  ]);
  const expected: Judgement[] = [
    { area: LEADERS_2026, grade: 'outstanding' },
    { area: HELP, grade: 'good' },
    { area: IN_CARE, grade: 'requires-improvement' },
    { area: CARE_LEAVERS, grade: 'good' },
  ];

  it('imports the four judgements, and never an overall one, from the PDF, its layout text and a viewer’s copy', async () => {
    const results = [
      await importPdf(await layoutPdf(layout), { fileName: 'wyvernshire.pdf' }),
      importDocument(layout, { fileName: 'wyvernshire.txt' }),
      importDocument(copy, { fileName: 'wyvernshire-copy.txt' }),
    ];
    for (const result of results) {
      expect(result.frontmatter.judgements).toEqual(expected);
      expect(result.missing).not.toContain('judgements');
      expect(result.mdx).toContain('Wyvernshire’s services for children have improved');
    }
  });

  it('is an area the site’s judgement history knows, on the leaders’ line', () => {
    const history = judgementHistory([{ id: '2026-05-inspection', data: { kind: 'inspection', visitStart: '2026-05', judgements: expected } }], []);
    expect(history.series.find((series) => series.id === 'leaders')!.points.map((point) => point.grade)).toEqual(['outstanding']);
    expect(history.series.find((series) => series.id === 'overall')!.points).toEqual([]);
  });
});

describe('judgement tables whose rows ran together or carry words that are no area’s (class 4)', () => {
  const head = ['Wyvernshire Borough Council', '', 'Inspection of children’s social care services', '', 'Inspection dates: 25 November 2019 to 6 December 2019', '', 'Lead inspector: Lee Fictional, Her Majesty’s Inspector', ''];

  it('parts rows the PDF leaves no gap between, the grade on an area’s middle line', async () => {
    const layout = report(head, [
      ' Judgement                                                     Grade',
      ' The impact of leaders on social work practice with children',
      '                                                               Inadequate',
      ' and families',
      ' The experiences and progress of children who need help and',
      '                                                               Requires improvement',
      ' protection',
      '',
      ' The experiences and progress of children in care and care',
      '                                                               Good',
      ' leavers',
      '',
      ' Overall effectiveness                                         Inadequate',
      '',
      '',
    ]);
    const expected = [
      { area: LEADERS, grade: 'inadequate' },
      { area: HELP, grade: 'requires-improvement' },
      { area: CARE_AND_LEAVERS, grade: 'good' },
      { area: 'Overall effectiveness', grade: 'inadequate' },
    ];
    expect(importDocument(layout, { fileName: 'wyvernshire.txt' }).frontmatter.judgements).toEqual(expected);
    expect((await importPdf(await layoutPdf(layout), { fileName: 'wyvernshire.pdf' })).frontmatter.judgements).toEqual(expected);
  });

  it('reads the overall grade wrapped onto the line after it, and an area’s name without its full stop', async () => {
    const layout = report(head, [
      'Judgement                                                  Grade',
      '',
      'The impact of leaders on social work practice with         Good',
      'children and families.',
      '',
      'The experiences and progress of children who need          Requires improvement to',
      'help and protection                                        be good',
      '',
      'The experiences and progress of children in care and       Good',
      'care leavers',
      '',
      'Overall effectiveness                                      Requires improvement to',
      '                                                           be good',
      '',
      '',
    ]);
    const expected = [
      { area: LEADERS, grade: 'good' },
      { area: HELP, grade: 'requires-improvement' },
      { area: CARE_AND_LEAVERS, grade: 'good' },
      { area: 'Overall effectiveness', grade: 'requires-improvement' },
    ];
    for (const result of [importDocument(layout, { fileName: 'wyvernshire.txt' }), await importPdf(await layoutPdf(layout), { fileName: 'wyvernshire.pdf' })]) {
      expect(result.frontmatter.judgements).toEqual(expected);
      expect(result.notes).toEqual([]);
      // The grade's last words are not a paragraph of the report.
      expect(result.mdx).not.toMatch(/^be good$/m);
    }
  });

  it('never writes words that are no judgement area as one: the row is listed for the editor', () => {
    const layout = report(head, [
      'Judgement                                                  Grade',
      '',
      'The impact of leaders on social work practice with         Good',
      'children and families',
      '',
      'The experiences and progress of children who need          Good',
      'help and protection (see note)',
      '',
      'The experiences and progress of children in care and       Good',
      'care leavers',
      '',
      'Overall effectiveness                                      Good',
      '',
      '',
    ]);
    const result = importDocument(layout, { fileName: 'wyvernshire.txt' });
    expect(result.frontmatter.judgements!.map((judgement) => judgement.area)).toEqual([LEADERS, CARE_AND_LEAVERS, 'Overall effectiveness']);
    expect(result.missing).toContain('judgements');
    expect(result.notes.join('\n')).toContain('“The experiences and progress of children who need help and protection (see note)” (good) names no judgement area');
  });
});

describe('the inspectors in a copy: labels alone, names on the lines after them', () => {
  it('reads the team under “Team inspectors:”, a list wrapped inside a name, and only a list of names', () => {
    const head = ['Inspection of Wyvernshire local authority', 'children’s services', 'Inspection dates:', '', '10 to 21 June 2024', '', 'Lead inspector:', '', 'Robin Sample', ''];
    const table = ['Judgement', '', 'Grade', '', 'Overall effectiveness', '', 'Good', ''];
    const team = (names: string[]): string =>
      [report(head, table), '', 'The inspection team', 'Team inspectors:', '', ...names, '', 'Senior data analyst:', '', 'Kit Placeholder', ''].join('\n');
    const read = (names: string[]): string[] | undefined => importDocument(team(names), { fileName: 'wyvernshire.txt' }).frontmatter.inspectors;
    expect(read(['Ash Example, Lee Fictional, Jo', 'Sample and Sam Placeholder'])).toEqual(['Robin Sample', 'Ash Example', 'Lee Fictional', 'Jo Sample', 'Sam Placeholder']);
    // One a line, with titles; a list with anything that is not a name is not read in part.
    expect(read(['Ash Example, HMI', 'Lee Fictional, Ofsted Inspector'])).toEqual(['Robin Sample', 'Ash Example', 'Lee Fictional']);
    expect(read(['Ash Example, HMI', 'Lee Fictional, HMI (see note)'])).toEqual(['Robin Sample']);
  });
});

describe('two lead inspectors', () => {
  it('names both, the list wrapped onto a second line', () => {
    const text = report([
      'Inspection of Wyvernshire local',
      'authority children’s services',
      'Inspection dates: 3 to 14 October 2022',
      '',
      'Lead inspectors: Robin Sample, His Majesty’s Inspector, and Ash Example,',
      'His Majesty’s Inspector',
      '',
      'Judgement                                  Grade',
      '',
      'The impact of leaders on social work       Good',
      'practice with children and families',
      '',
      'The experiences and progress of            Good',
      'children who need help and protection',
      '',
      'The experiences and progress of            Good',
      'children in care and care leavers',
      '',
      'Overall effectiveness                      Good',
      '',
    ]);
    const result = importDocument(text, { fileName: 'wyvernshire.txt' });
    expect(result.frontmatter.inspectors).toEqual(['Robin Sample', 'Ash Example']);
    expect(result.frontmatter.judgements).toHaveLength(4);
    expect(result.mdx).not.toMatch(/^His Majesty’s Inspector$/m);
  });
});
