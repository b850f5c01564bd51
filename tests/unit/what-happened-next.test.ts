import { describe, expect, it } from 'vitest';
import { numberingMode } from '../../src/lib/paragraph-numbering.ts';
import { parseParagraphs } from '../../src/lib/paragraphs.ts';
import { buildRecord, type InspectionRecord, type RecordReport } from '../../src/lib/record.ts';
import { laterSteps, paragraphIdsInHtml, sourceReportIds, whatHappenedNext, type WeaknessNext } from '../../src/lib/what-happened-next.ts';
import { reportSchema } from '../../src/schema.ts';

function report(id: string, frontmatter: Record<string, unknown>, body: string): RecordReport {
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

function record(): InspectionRecord {
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

/** weakness id, why, then each step as "report: status (basis) anchors". */
function describeNext(next: WeaknessNext[]): Array<[string, string, string[]]> {
  return next.map(({ weakness, reason, steps }) => [
    weakness.id,
    reason,
    steps.map((step) => `${step.report.id}: ${step.status} (${step.basis}) ${step.paragraphs.map((p) => p.id).join(' ')}`),
  ]);
}

describe('whatHappenedNext', () => {
  it('lists, for a paragraph giving a status, the later visits that examined the weakness, oldest first, with their paragraphs', () => {
    const next = whatHappenedNext(record(), { reportId: '2023-03-monitoring-visit-1', weaknessIds: ['high-caseloads'] });
    expect(describeNext(next)).toEqual([
      ['high-caseloads', 'status', ['2024-02-monitoring-visit-3: improved (letter) p2 p3']],
    ]);
  });

  it('gives an empty list when no later visit examined the weakness', () => {
    const next = whatHappenedNext(record(), { reportId: '2024-02-monitoring-visit-3', weaknessIds: ['high-caseloads', 'supervision'] });
    expect(describeNext(next)).toEqual([
      ['high-caseloads', 'status', []],
      ['supervision', 'status', []],
    ]);
  });

  it('gives the 2018 source paragraph the whole journey, skipping the visits that did not examine it', () => {
    const next = whatHappenedNext(record(), { reportId: '2018-06-inspection', paragraphIds: ['p1', 'p2'] });
    expect(describeNext(next)).toEqual([
      ['high-caseloads', 'source', ['2023-03-monitoring-visit-1: not-improved (summary) p1', '2024-02-monitoring-visit-3: improved (letter) p2 p3']],
      ['supervision', 'source', ['2024-02-monitoring-visit-3: strength (letter) p2']],
    ]);
  });

  it('gives the improvement item the journey too, and nothing to a paragraph that is neither', () => {
    const r = record();
    expect(describeNext(whatHappenedNext(r, { reportId: '2018-06-inspection', paragraphIds: ['p3'] }))).toEqual([
      ['supervision', 'improvement-item', ['2024-02-monitoring-visit-3: strength (letter) p2']],
    ]);
    expect(whatHappenedNext(r, { reportId: '2023-09-monitoring-visit-2', paragraphIds: ['p1'] })).toEqual([]);
    // Anchors are per report: p1 of a visit is not the 2018 report's p1.
    expect(whatHappenedNext(r, { reportId: '2023-03-monitoring-visit-1', paragraphIds: ['p1'] })).toEqual([]);
  });

  it('names each weakness once, those the annotation gives a status first', () => {
    const next = whatHappenedNext(record(), { reportId: '2018-06-inspection', paragraphIds: ['p1', 'p2'], weaknessIds: ['supervision'] });
    expect(next.map(({ weakness, reason }) => `${weakness.id} ${reason}`)).toEqual(['supervision status', 'high-caseloads source']);
  });

  it('counts a report before the baseline as earlier than every visit', () => {
    const r = record();
    const caseloads = r.weaknessProgress[0]!;
    expect(laterSteps(caseloads, '2014-04-inspection', r.reports).map((step) => step.report.id)).toEqual([
      '2023-03-monitoring-visit-1',
      '2024-02-monitoring-visit-3',
    ]);
  });

  it('refuses a report or a weakness the record does not have', () => {
    expect(() => whatHappenedNext(record(), { reportId: '2030-01-inspection', weaknessIds: ['supervision'] })).toThrow(/no report "2030-01-inspection"/);
    expect(() => whatHappenedNext(record(), { reportId: '2018-06-inspection', weaknessIds: ['nonsense'] })).toThrow(/no weakness "nonsense"/);
  });
});

describe('sourceReportIds', () => {
  it('is the reports holding a source or an improvement item', () => {
    expect([...sourceReportIds(record())]).toEqual(['2018-06-inspection']);
  });
});

describe('paragraphIdsInHtml', () => {
  it('reads the anchors the page plugin put on paragraphs and list items, and nothing else', () => {
    const html =
      '<ul><li id="p6-1" data-pagefind-title="Paragraph 6, point 1"><a class="paragraph-link" href="#p6-1">1</a>One</li>' +
      '<li class="x" id="p6-2">Two <span id="term-1">t</span></li></ul><p id="s3">Three</p><pre id="p9">no</pre><p>no id</p>';
    expect(paragraphIdsInHtml(html)).toEqual(['p6-1', 'p6-2', 's3']);
  });
});
