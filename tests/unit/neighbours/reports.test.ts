/**
 * The statistical neighbours' reports as the build reads them (src/lib/neighbours/reports.ts), on
 * fictional reports parsed with the build's parser: in order, by council, and refused, naming the
 * file and the line, wherever a file is misplaced, of a council not on the list, graded in an
 * area nobody mapped, or annotated as only Herefordshire's reports are.
 */
import { describe, expect, it } from 'vitest';
import { buildNeighbourRecord, councilSlug, neighbourTitle, overallGrade, type NeighbourReportInput } from '../../../src/lib/neighbours/reports.ts';
import { parseParagraphs } from '../../../src/lib/record/paragraphs.ts';
import { neighbourReportSchema } from '../../../src/lib/record/schema.ts';

const NEIGHBOURS = [
  { laCode: '991', name: 'Sampleton' },
  { laCode: '990', name: 'East Exampleshire' },
];
const THEMES = [{ id: 'caseloads' }, { id: 'leadership' }];

function input(id: string, overrides: Record<string, unknown> = {}, body = '<Finding themes="caseloads" suggested>\n\n1\\. Caseloads are manageable.\n\n</Finding>\n'): NeighbourReportInput {
  const data = neighbourReportSchema.parse({
    title: 'Inspection of East Exampleshire local authority children’s services',
    kind: 'inspection',
    authority: 'East Exampleshire',
    laCode: '990',
    visitStart: '2024-09-30',
    visitEnd: '2024-10-11',
    published: '2024-12-03',
    judgements: [
      { area: 'The experiences and progress of children in care', grade: 'good' },
      { area: 'Overall effectiveness', grade: 'good' },
    ],
    text: 'full',
    paragraphNumbers: 'ofsted',
    sources: [{ title: 'Ofsted: the inspection report (PDF)', url: 'https://files.ofsted.gov.uk/v1/file/990' }],
    ...overrides,
  });
  const file = `content/neighbours/${id}.mdx`;
  const { paragraphs, problems } = parseParagraphs(body, { file, mode: 'ofsted' });
  expect(problems).toEqual([]);
  return { id, file, data, paragraphs };
}

describe('the neighbours’ reports', () => {
  it('are newest first, grouped by council in the list’s order, each with its address parts', () => {
    const { record, problems } = buildNeighbourRecord(
      [
        input('east-exampleshire/2019-04-inspection', { visitStart: '2019-04-01', visitEnd: '2019-04-05', published: '2019-06-01' }),
        input('sampleton/2023-01-inspection', { authority: 'Sampleton', laCode: '991', visitStart: '2023-01-09', visitEnd: '2023-01-13', published: '2023-03-01' }),
        input('east-exampleshire/2024-09-inspection'),
      ],
      NEIGHBOURS,
      THEMES,
    );
    expect(problems).toEqual([]);
    expect(record.reports.map((report) => report.id)).toEqual(['east-exampleshire/2024-09-inspection', 'sampleton/2023-01-inspection', 'east-exampleshire/2019-04-inspection']);
    expect(record.councils.map((council) => [council.name, council.reports.map((report) => report.slug)])).toEqual([
      ['Sampleton', ['2023-01-inspection']],
      ['East Exampleshire', ['2024-09-inspection', '2019-04-inspection']],
    ]);
    const latest = record.byId.get('east-exampleshire/2024-09-inspection')!;
    expect([latest.councilSlug, latest.slug, latest.council, latest.laCode]).toEqual(['east-exampleshire', '2024-09-inspection', 'East Exampleshire', '990']);
    expect(neighbourTitle(latest)).toBe('East Exampleshire: inspection, September 2024');
    expect(latest.paragraphs[0]).toMatchObject({ id: 'p1', themes: ['caseloads'], suggested: true });
  });

  it('refuse a misplaced file, a council not on the list, an unmapped judgement area, a status, a note and an unknown theme, naming file and line', () => {
    const { problems } = buildNeighbourRecord(
      [
        input('exampleshire/2024-09-inspection'),
        input('sampleton/2024-10-inspection', { authority: 'Elsewhere', laCode: '999', visitStart: '2024-10-07', visitEnd: '2024-10-11' }),
        input('east-exampleshire/2025-01-inspection', {
          visitStart: '2025-01-06',
          visitEnd: '2025-01-10',
          published: '2025-03-01',
          judgements: [{ area: 'The quality of the weather', grade: 'good' }],
        }, '<Finding themes="caseloads, rainfall" progress="caseloads:improved" note="Ours.">\n\n1\\. Caseloads are manageable.\n\n</Finding>\n'),
      ],
      NEIGHBOURS,
      THEMES,
    );
    const lines = problems.map((problem) => `${problem.file}:${problem.line} ${problem.message} Fix: ${problem.fix}`);
    expect(lines).toEqual([
      expect.stringMatching(/^content\/neighbours\/exampleshire\/2024-09-inspection\.mdx:1 the file is not where its frontmatter puts it.*Fix: move it to content\/neighbours\/east-exampleshire\/2024-09-inspection\.mdx/),
      expect.stringMatching(/^content\/neighbours\/sampleton\/2024-10-inspection\.mdx:1 laCode 999 \(Elsewhere\) is not one of Herefordshire’s statistical neighbours/),
      expect.stringMatching(/^content\/neighbours\/east-exampleshire\/2025-01-inspection\.mdx:1 grades “The quality of the weather”, a judgement area the site does not know.*AREA_SERIES/),
      expect.stringMatching(/^content\/neighbours\/east-exampleshire\/2025-01-inspection\.mdx:1 paragraph 1 gives a 2018 weakness a status, but this is another council’s report\. Fix: remove progress/),
      expect.stringMatching(/^content\/neighbours\/east-exampleshire\/2025-01-inspection\.mdx:1 paragraph 1 has an editor’s note/),
      expect.stringMatching(/^content\/neighbours\/east-exampleshire\/2025-01-inspection\.mdx:1 unknown theme "rainfall" on paragraph 1\./),
    ]);
  });

  it('give no overall grade where the framework from April 2026 gives none', () => {
    expect(overallGrade(input('east-exampleshire/2024-09-inspection').data)).toBe('good');
    const from2026 = input('east-exampleshire/2026-05-inspection', {
      visitStart: '2026-05-11',
      visitEnd: '2026-05-22',
      published: '2026-08-20',
      judgements: [{ area: 'The experiences and progress of children in care', grade: 'good' }],
    });
    expect(overallGrade(from2026.data)).toBeUndefined();
  });

  it('name each council’s folder from its name as the DfE writes it', () => {
    expect(councilSlug('East Riding of Yorkshire')).toBe('east-riding-of-yorkshire');
    expect(councilSlug('Westmorland and Furness')).toBe('westmorland-and-furness');
    expect(councilSlug('Bristol, City of')).toBe('bristol-city-of');
  });
});
