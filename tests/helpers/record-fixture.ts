/**
 * A small record for unit tests of what is derived from it: an earlier inspection, the 2018
 * baseline (two weaknesses, one with an improvement item), and three later visits, one a summary
 * and one that examines neither weakness.
 */
import { expect } from 'vitest';
import { numberingMode } from '../../src/lib/record/paragraph-numbering.ts';
import { parseParagraphs } from '../../src/lib/record/paragraphs.ts';
import { buildRecord, type InspectionRecord, type RecordReport } from '../../src/lib/record/build-record.ts';
import { reportSchema } from '../../src/lib/record/schema.ts';

export function report(id: string, frontmatter: Record<string, unknown>, body: string): RecordReport {
  const file = `content/reports/${id}.mdx`;
  const parsed = parseParagraphs(body, { file, mode: numberingMode(frontmatter.paragraphNumbers) });
  expect(parsed.problems).toEqual([]);
  return {
    id,
    file,
    paragraphs: parsed.paragraphs,
    data: reportSchema.parse({
      title: 'A title',
      authority: 'Exampleshire County Council',
      headline: 'A headline.',
      text: 'full',
      sources: [{ title: 'Ofsted', url: 'https://reports.ofsted.gov.uk/' }],
      ...frontmatter,
    }),
  };
}

const earlier = report('2014-04-inspection', { kind: 'inspection', visitStart: '2014-04' }, `
Caseloads were high then too.
`);

const baseline = report('2018-06-inspection', { kind: 'inspection', visitStart: '2018-06' }, `
<Finding themes="workforce">

- Caseloads were high.
- Supervision was irregular.

</Finding>

<Finding themes="workforce">

Improve supervision.

</Finding>
`);

const visit1 = report('2023-03-monitoring-visit-1', { kind: 'monitoring-visit', visitNumber: 1, visitStart: '2023-03', text: 'summary' }, `
<Finding themes="workforce" progress="high-caseloads: not-improved">

Caseloads remain high.

</Finding>
`);

// Says nothing about either weakness: "not examined", and left out of what happened next.
const visit2 = report('2023-09-monitoring-visit-2', { kind: 'monitoring-visit', visitNumber: 2, visitStart: '2023-09' }, `
<Finding themes="workforce">

Nothing on caseloads.

</Finding>
`);

const visit3 = report('2024-02-monitoring-visit-3', { kind: 'monitoring-visit', visitNumber: 3, visitStart: '2024-02-21' }, `
Opening words.

<Finding themes="workforce" progress="high-caseloads: improved, supervision: strength">

Caseloads are lower and supervision is good.

</Finding>

<Finding themes="workforce" progress="high-caseloads: improved">

More on caseloads.

</Finding>
`);

export function fixtureRecord(): InspectionRecord {
  const built = buildRecord({
    themes: [{ id: 'workforce', label: 'Workforce', description: 'd', keywords: [], line: 1 }],
    weaknesses: [
      { id: 'high-caseloads', title: 'High caseloads', finding: 'f', area: 'help-and-protection', themes: ['workforce'], source: '2018-06-inspection#p1', history: [], line: 1 },
      {
        id: 'supervision',
        title: 'Supervision',
        finding: 'f',
        area: 'leadership',
        themes: ['workforce'],
        source: '2018-06-inspection#p2',
        improvementItem: '2018-06-inspection#p3',
        history: [],
        line: 7,
      },
    ],
    events: [],
    // Deliberately unsorted: the record sorts.
    reports: [visit3, earlier, visit1, baseline, visit2],
  });
  expect(built.problems).toEqual([]);
  return built.record!;
}
