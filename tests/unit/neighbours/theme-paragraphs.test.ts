/**
 * "In neighbouring councils" (src/lib/neighbours/theme-paragraphs.ts), on fictional reports parsed
 * with the build's parser: which judgement each paragraph is shown with, read from the report's
 * own headings, and which paragraphs a theme page quotes.
 */
import { describe, expect, it } from 'vitest';
import { buildNeighbourRecord, type NeighbourReportInput } from '../../../src/lib/neighbours/reports.ts';
import { areaOfHeading, neighbourThemeSection, paragraphJudgements } from '../../../src/lib/neighbours/theme-paragraphs.ts';
import { parseParagraphs } from '../../../src/lib/record/paragraphs.ts';
import { neighbourReportSchema } from '../../../src/lib/record/schema.ts';

const ILACS = [
  { area: 'The impact of leaders on social work practice with children and families', grade: 'good' },
  { area: 'The experiences and progress of children who need help and protection', grade: 'requires-improvement' },
  { area: 'The experiences and progress of children in care', grade: 'good' },
  { area: 'The experiences and progress of care leavers', grade: 'outstanding' },
  { area: 'Overall effectiveness', grade: 'good' },
];

function report(id: string, visitStart: string, judgements: unknown[], body: string): NeighbourReportInput {
  const data = neighbourReportSchema.parse({
    title: 'Inspection of Exampleshire local authority children’s services',
    kind: 'inspection',
    authority: 'Exampleshire',
    laCode: '990',
    visitStart,
    published: '2026-12-01',
    judgements,
    text: 'full',
    paragraphNumbers: 'ofsted',
    sources: [{ title: 'Ofsted: the inspection report (PDF)', url: 'https://files.ofsted.gov.uk/v1/file/990' }],
  });
  const file = `content/neighbours/${id}.mdx`;
  const parsed = parseParagraphs(body, { file, mode: 'ofsted' });
  expect(parsed.problems).toEqual([]);
  return { id, file, data, paragraphs: parsed.paragraphs };
}

const finding = (themes: string, text: string) => `<Finding themes="${themes}" suggested>\n\n${text}\n\n</Finding>\n`;

const BODY = [
  finding('workforce', 'Services are good.'),
  '## The experiences and progress of children who need help and protection requires improvement to be good\n',
  finding('workforce', '1\\. Caseloads are high.'),
  '## The experiences and progress of care leavers: outstanding\n',
  finding('care-leavers', '2\\. Care leavers are helped.'),
  '## Information about this inspection\n',
  finding('workforce', '3\\. Inspectors looked at caseloads.'),
].join('\n');

const { record } = buildNeighbourRecord(
  [
    report('exampleshire/2024-09-inspection', '2024-09-30', ILACS, BODY),
    report('exampleshire/2026-05-inspection', '2026-05-11', ILACS.slice(0, 4), BODY.replace(/1\\\./, '1\\.').replace('Services are good.', 'Services are better.')),
  ],
  [{ laCode: '990', name: 'Exampleshire' }],
  [{ id: 'workforce' }, { id: 'care-leavers' }],
);

describe('the judgement beside a neighbour’s paragraph', () => {
  it('is the area whose section it is in, else the overall one, never another area’s', () => {
    const judgements = paragraphJudgements(record.byId.get('exampleshire/2024-09-inspection')!);
    expect(Object.fromEntries(judgements)).toEqual({
      s1: { kind: 'overall', area: 'Overall effectiveness', grade: 'good' },
      p1: { kind: 'area', area: 'The experiences and progress of children who need help and protection', grade: 'requires-improvement' },
      p2: { kind: 'area', area: 'The experiences and progress of care leavers', grade: 'outstanding' },
      p3: { kind: 'overall', area: 'Overall effectiveness', grade: 'good' },
    });
  });

  it('is none under the framework from April 2026, outside an area', () => {
    const judgements = paragraphJudgements(record.byId.get('exampleshire/2026-05-inspection')!);
    expect(judgements.get('s1')).toEqual({ kind: 'no-overall' });
    expect(judgements.get('p2')).toMatchObject({ kind: 'area', grade: 'outstanding' });
  });

  it('reads an area from a heading in other words, the most specific area first', () => {
    const sif = [
      { area: 'Children looked after and achieving permanence', grade: 'good' as const },
      { area: 'Experiences and progress of care leavers', grade: 'inadequate' as const },
      { area: 'Adoption performance', grade: 'requires-improvement' as const },
    ];
    expect(areaOfHeading('The graded judgment about the experience and progress of care leavers is that it is inadequate', sif)?.area).toBe('Experiences and progress of care leavers');
    expect(areaOfHeading('The graded judgment for adoption performance is that it requires improvement', sif)?.area).toBe('Adoption performance');
    expect(areaOfHeading('The experiences and progress of children in care and care leavers is good', ILACS.map((j) => ({ ...j, grade: 'good' as const })))?.area).toBe('The experiences and progress of children in care');
    expect(areaOfHeading('Recommendations', sif)).toBeUndefined();
  });
});

describe('a theme’s paragraphs in neighbouring councils', () => {
  it('quotes the newest first, in reading order, and lists the rest by report', () => {
    const section = neighbourThemeSection(record, 'workforce', 2);
    expect(section.total).toBe(6);
    expect(section.reports).toBe(2);
    expect(section.shown.map((item) => `${item.report.id}#${item.paragraph.id}`)).toEqual(['exampleshire/2026-05-inspection#s1', 'exampleshire/2026-05-inspection#p1']);
    expect(section.older.map((entry) => [entry.report.id, entry.paragraphs])).toEqual([
      ['exampleshire/2026-05-inspection', 1],
      ['exampleshire/2024-09-inspection', 3],
    ]);
  });
});
