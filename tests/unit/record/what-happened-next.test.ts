import { describe, expect, it } from 'vitest';
import { buildRecord, type InspectionRecord } from '../../../src/lib/record/build-record.ts';
import { LATEST_VISITS_SHOWN, laterSteps, NEXT_VISITS_SHOWN, shownSteps, whatHappenedNext, type WeaknessNext } from '../../../src/lib/record/what-happened-next.ts';
import { fixtureRecord as record, report } from '../../helpers/record-fixture.ts';

/** weakness id, why, then each step as "report: status (basis) anchors". */
function describeNext(next: WeaknessNext[]): Array<[string, string, string[]]> {
  return next.map(({ weakness, reason, steps, omitted }) => {
    expect(omitted, 'the small fixture never omits a visit').toBe(0);
    return [
    weakness.id,
    reason,
    steps.map((step) => `${step.report.id}: ${step.status} (${step.basis}) ${step.paragraphs.map((p) => p.id).join(' ')}`),
    ];
  });
}

/** The 2018 baseline and `visits` monitoring visits a month apart, each giving high caseloads a status. */
function recordWithVisits(visits: number): InspectionRecord {
  const baseline = report('2018-06-inspection', { kind: 'inspection', visitStart: '2018-06' }, '<Finding themes="workforce">\n\nCaseloads were high.\n\n</Finding>\n');
  const later = Array.from({ length: visits }, (_, index) => {
    const month = new Date(Date.UTC(2019, index, 1)).toISOString().slice(0, 7);
    return report(`${month}-monitoring-visit-${index + 1}`, { kind: 'monitoring-visit', visitNumber: index + 1, visitStart: month }, `<Finding themes="workforce" progress="high-caseloads: ${index % 2 ? 'improved' : 'not-improved'}">\n\nCaseloads at visit ${index + 1}.\n\n</Finding>\n`);
  });
  const built = buildRecord({
    themes: [{ id: 'workforce', label: 'Workforce', description: 'd', keywords: [], line: 1 }],
    weaknesses: [{ id: 'high-caseloads', title: 'High caseloads', finding: 'f', area: 'help-and-protection', themes: ['workforce'], source: '2018-06-inspection#p1', history: [], line: 1 }],
    events: [],
    // Shuffled: the record sorts.
    reports: [...later.reverse(), baseline],
  });
  expect(built.problems).toEqual([]);
  return built.record!;
}

const visitNumbers = (steps: WeaknessNext['steps']): number[] => steps.map((step) => step.report.data.visitNumber!);

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

describe('What happened next with many later visits', () => {
  const shown = NEXT_VISITS_SHOWN + LATEST_VISITS_SHOWN;

  it('lists every visit while there are few enough, and omits none for one over', () => {
    for (const visits of [shown, shown + 1]) {
      const [next] = whatHappenedNext(recordWithVisits(visits), { reportId: '2018-06-inspection', paragraphIds: ['p1'] });
      expect(next!.omitted).toBe(0);
      expect(visitNumbers(next!.steps)).toEqual(Array.from({ length: visits }, (_, index) => index + 1));
      expect(next!.latest).toEqual([]);
    }
  });

  it('lists the next visits and the latest, and counts those between, however many there are', () => {
    const [next] = whatHappenedNext(recordWithVisits(200), { reportId: '2018-06-inspection', paragraphIds: ['p1'] });
    expect(next!.reason).toBe('source');
    expect(visitNumbers(next!.steps)).toEqual([1, 2, 3, 4, 5].slice(0, NEXT_VISITS_SHOWN));
    expect(next!.omitted).toBe(200 - shown);
    expect(visitNumbers(next!.latest)).toEqual([196, 197, 198, 199, 200].slice(-LATEST_VISITS_SHOWN));
  });

  it('counts from the paragraph’s own visit: a visit near the end sees only the few after it', () => {
    const r = recordWithVisits(200);
    const visit190 = r.reports.find((candidate) => candidate.data.visitNumber === 190)!;
    const [next] = whatHappenedNext(r, { reportId: visit190.id, weaknessIds: ['high-caseloads'] });
    expect(next!.omitted).toBe(0);
    expect(visitNumbers(next!.steps)).toEqual([191, 192, 193, 194, 195, 196, 197, 198, 199, 200]);
    const visit100 = r.reports.find((candidate) => candidate.data.visitNumber === 100)!;
    const [middle] = whatHappenedNext(r, { reportId: visit100.id, weaknessIds: ['high-caseloads'] });
    expect(visitNumbers(middle!.steps)).toEqual([101, 102, 103, 104, 105]);
    expect(middle!.omitted).toBe(100 - shown);
  });

  it('finds the later steps of every visit alike (binary search against a plain filter)', () => {
    const r = recordWithVisits(37);
    const progress = r.weaknessProgress[0]!;
    for (const [position, visit] of r.reports.entries()) {
      const expected = progress.cells.filter((cell) => cell.status !== undefined && r.reports.indexOf(cell.report) < position).map((cell) => cell.report.id);
      expect(laterSteps(progress, visit.id, r.reports).map((step) => step.report.id), visit.id).toEqual(expected);
    }
  });

  it('shownSteps keeps the order and the count', () => {
    const steps = laterSteps(recordWithVisits(30).weaknessProgress[0]!, '2018-06-inspection', recordWithVisits(30).reports);
    const window = shownSteps(steps);
    expect(window.steps.length + window.omitted + window.latest.length).toBe(30);
  });
});
