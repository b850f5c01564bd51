import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findings, findingsJson } from '../../../src/lib/publish/findings.ts';
import { parseParagraphs } from '../../../src/lib/record/paragraphs.ts';
import { buildRecord } from '../../../src/lib/record/build-record.ts';
import { reportSchema } from '../../../src/lib/record/schema.ts';

const body = `
<Finding themes="workforce" progress="high-caseloads: improved">

Caseloads are lower.

</Finding>

Managers say "thank you", and mean it.
`;

function record() {
  const { paragraphs } = parseParagraphs(body, { file: 'content/reports/2024-02-monitoring-visit-2.mdx' });
  const data = reportSchema.parse({
    title: 'Monitoring visit',
    authority: 'Exampleshire County Council',
    headline: 'A headline.',
    text: 'full',
    kind: 'monitoring-visit',
    visitNumber: 2,
    visitStart: '2024-02-21',
    visitEnd: '2024-02-22',
    sources: [{ title: 'Ofsted', url: 'https://reports.ofsted.gov.uk/' }],
  });
  const baseline = reportSchema.parse({ ...data, kind: 'inspection', visitNumber: undefined, visitStart: '2018-06', visitEnd: undefined, text: 'summary' });
  const built = buildRecord({
    themes: [{ id: 'workforce', label: 'Workforce', description: 'd', keywords: [], line: 1 }],
    weaknesses: [{ id: 'high-caseloads', title: 'High caseloads', finding: 'f', area: 'help-and-protection', themes: ['workforce'], source: '2018-06-inspection#p1', history: [], line: 1 }],
    events: [],
    reports: [
      { id: '2024-02-monitoring-visit-2', file: 'a.mdx', data, paragraphs },
      { id: '2018-06-inspection', file: 'b.mdx', data: baseline, paragraphs: parseParagraphs('<Finding themes="workforce">\n\nCaseloads were high.\n\n</Finding>\n', { file: 'b.mdx' }).paragraphs },
    ],
  });
  expect(built.problems).toEqual([]);
  return built.record!;
}

describe('findings', () => {
  it('gives every paragraph its report’s details, oldest report first', () => {
    const list = findings(record());
    expect(list.map((finding) => finding.path)).toEqual([
      'reports/2018-06-inspection/#p1',
      'reports/2024-02-monitoring-visit-2/#p1',
      'reports/2024-02-monitoring-visit-2/#p2',
    ]);
    const [, improved, untagged] = list;
    expect(improved).toMatchObject({
      reportTitle: 'Monitoring visit 2, February 2024',
      visitDates: '21 and 22 February 2024',
      year: 2024,
      words: 'Caseloads are lower.',
      // The anchor manifest's hash of the same words (src/lib/record/fingerprint.ts).
      textHash: createHash('sha256').update('Caseloads are lower.').digest('hex').slice(0, 16),
      themes: [{ id: 'workforce', label: 'Workforce' }],
      statuses: [{ weakness: 'high-caseloads', weaknessTitle: 'High caseloads', status: 'improved' }],
    });
    expect(untagged).toMatchObject({ reportTitle: 'Monitoring visit 2, February 2024', anchor: 'p2', label: 'paragraph 2', themes: [], statuses: [] });
  });
});

describe('findingsJson', () => {
  it('writes one finding per line, and reads back as the same list', () => {
    const list = findings(record());
    const json = findingsJson(list);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(list)));
    const lines = json.trimEnd().split('\n');
    expect(lines).toHaveLength(list.length + 2);
    expect(lines[0]).toBe('[');
    expect(lines.at(-1)).toBe(']');
    expect(lines[3]).toContain('Managers say \\"thank you\\", and mean it.');
  });

  it('writes an empty list as []', () => {
    expect(JSON.parse(findingsJson([]))).toEqual([]);
  });
});
