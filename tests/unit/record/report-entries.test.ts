import { describe, expect, it } from 'vitest';
import { reportSchema, type ReportData } from '../../../src/lib/record/schema.ts';
import { displayTitle, expectedSlug, reportProblems, sortNewestFirst, visitDates } from '../../../src/lib/record/report-entries.ts';

function report(overrides: Record<string, unknown>): ReportData {
  return reportSchema.parse({
    title: 'Monitoring visit to Exampleshire children’s services',
    kind: 'monitoring-visit',
    visitNumber: 2,
    authority: 'Exampleshire County Council',
    headline: 'A headline.',
    visitStart: '2023-06-28',
    visitEnd: '2023-06-29',
    text: 'full',
    sources: [{ title: 'Ofsted', url: 'https://reports.ofsted.gov.uk/' }],
    ...overrides,
  });
}

describe('report frontmatter schema', () => {
  it('keeps YAML dates as plain day strings', () => {
    expect(report({ visitStart: new Date('2025-06-17T00:00:00Z'), visitEnd: undefined }).visitStart).toBe('2025-06-17');
  });

  it('names the field and the fix on bad input', () => {
    const result = reportSchema.safeParse({ ...report({}), visitNumber: undefined, sources: [] });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
    expect(messages).toContain('sources: Give at least one source: { title, url }.');
    expect(messages).toContain('visitNumber: A monitoring visit needs its visitNumber (e.g. visitNumber: 7).');
  });

  it('rejects a visit that ends before it starts, and a source that is not a URL', () => {
    expect(reportSchema.safeParse({ ...report({}), visitEnd: '2023-06-01' }).success).toBe(false);
    expect(reportSchema.safeParse({ ...report({}), sources: [{ title: 'x', url: 'not a url' }] }).success).toBe(false);
  });
});

describe('report model', () => {
  it('derives the slug from the month the visit started', () => {
    expect(expectedSlug(report({}))).toBe('2023-06-monitoring-visit-2');
    expect(expectedSlug(report({ kind: 'inspection', visitNumber: undefined, visitStart: '2018-06' }))).toBe(
      '2018-06-inspection',
    );
  });

  it('reports a file whose name disagrees with its frontmatter, naming the file and the fix', () => {
    const problems = reportProblems([{ id: '2023-07-monitoring-visit-2', data: report({}) }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe('content/reports/2023-07-monitoring-visit-2.mdx');
    expect(problems[0]?.fix).toBe('rename the file to 2023-06-monitoring-visit-2.mdx, or correct the frontmatter.');
    expect(reportProblems([{ id: '2023-06-monitoring-visit-2', data: report({}) }])).toEqual([]);
  });

  it('sorts newest first whatever order it is given, slug breaking ties', () => {
    const entries = [
      { id: 'b', data: report({ visitStart: '2024-02-21', visitEnd: undefined }) },
      { id: 'c', data: report({ visitStart: '2025-06-17', visitEnd: undefined }) },
      { id: 'a', data: report({ visitStart: '2024-02-21', visitEnd: undefined }) },
    ];
    expect(sortNewestFirst(entries).map((entry) => entry.id)).toEqual(['c', 'a', 'b']);
    expect(sortNewestFirst([...entries].reverse()).map((entry) => entry.id)).toEqual(['c', 'a', 'b']);
  });

  it('titles and dates a report for lists', () => {
    expect(displayTitle(report({}))).toBe('Monitoring visit 2, June 2023');
    expect(visitDates(report({}))).toBe('28 and 29 June 2023');
  });
});
