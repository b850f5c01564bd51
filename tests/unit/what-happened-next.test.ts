import { describe, expect, it } from 'vitest';
import { laterSteps, paragraphIdsInHtml, sourceReportIds, whatHappenedNext, type WeaknessNext } from '../../src/lib/what-happened-next.ts';
import { fixtureRecord as record } from '../helpers/record-fixture.ts';

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
      '<ul><li id="p6-1"><a class="paragraph-link" href="#p6-1">1</a>One</li>' +
      '<li class="x" id="p6-2">Two <span id="term-1">t</span></li></ul><p id="s3">Three</p><pre id="p9">no</pre><p>no id</p>';
    expect(paragraphIdsInHtml(html)).toEqual(['p6-1', 'p6-2', 's3']);
  });
});
