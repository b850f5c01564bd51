import { describe, expect, it } from 'vitest';
import { buildRecord, journeyOf, LATEST_VISITS, latestVisits, latestVisitsShown, type RecordInput } from '../../../src/lib/record/build-record.ts';
import { report } from '../../helpers/record-fixture.ts';

const baseline = report('2018-06-inspection', { kind: 'inspection', visitStart: '2018-06', text: 'summary' }, `
<Finding themes="workforce">

- Caseloads were high.
- Supervision was irregular.

</Finding>
`);

const visit1 = report('2023-03-monitoring-visit-1', { kind: 'monitoring-visit', visitNumber: 1, visitStart: '2023-03', text: 'summary' }, `
<Finding themes="workforce" progress="high-caseloads: not-improved">

Caseloads remain high.

</Finding>
`);

const visit2 = report('2024-02-monitoring-visit-2', { kind: 'monitoring-visit', visitNumber: 2, visitStart: '2024-02-21' }, `
Opening words.

<Finding themes="workforce, leadership" progress="high-caseloads: improved, supervision: strength">

Caseloads are lower and supervision is good.

</Finding>

<Finding themes="workforce" progress="high-caseloads: improved">

More on caseloads.

</Finding>
`);

function input(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    themes: [
      { id: 'workforce', label: 'Workforce', description: 'd', keywords: [], line: 1 },
      { id: 'leadership', label: 'Leadership', description: 'd', keywords: [], line: 4 },
    ],
    weaknesses: [
      { id: 'high-caseloads', title: 'High caseloads', finding: 'f', area: 'help-and-protection', themes: ['workforce'], source: '2018-06-inspection#p1', history: [], line: 1 },
      { id: 'supervision', title: 'Supervision', finding: 'f', area: 'leadership', themes: ['workforce'], source: '2018-06-inspection#p2', history: [], line: 7 },
    ],
    events: [],
    reports: [visit2, baseline, visit1],
    ...overrides,
  };
}

describe('buildRecord', () => {
  it('derives each weakness’s status at every later visit, oldest first, with its paragraphs', () => {
    const { record, problems } = buildRecord(input());
    expect(problems).toEqual([]);
    expect(record!.visits.map((visit) => visit.id)).toEqual(['2023-03-monitoring-visit-1', '2024-02-monitoring-visit-2']);
    const [caseloads, supervision] = record!.weaknessProgress;
    expect(caseloads!.cells.map((cell) => [cell.status, cell.basis, cell.paragraphs.map((p) => p.position)])).toEqual([
      ['not-improved', 'summary', [1]],
      ['improved', 'letter', [2, 3]],
    ]);
    expect(caseloads!.source.paragraph.text).toBe('Caseloads were high.');
    expect(supervision!.cells.map((cell) => cell.status)).toEqual([undefined, 'strength']);
    expect(supervision!.latest?.report.id).toBe('2024-02-monitoring-visit-2');
  });

  it('indexes paragraphs by theme, newest report first', () => {
    const { record } = buildRecord(input());
    const workforce = record!.paragraphsByTheme.get('workforce')!;
    expect(workforce.map(({ report, paragraph }) => `${report.id}#${paragraph.id}`)).toEqual([
      '2024-02-monitoring-visit-2#p2',
      '2024-02-monitoring-visit-2#p3',
      '2023-03-monitoring-visit-1#p1',
      '2018-06-inspection#p1',
      '2018-06-inspection#p2',
    ]);
    expect(record!.paragraphsByTheme.get('leadership')).toHaveLength(1);
  });

  it('fails on every dangling reference, naming the file, the line and the fix', () => {
    const broken = report('2024-02-monitoring-visit-2', { kind: 'monitoring-visit', visitNumber: 2, visitStart: '2024-02-21' }, `
<Finding themes="workforce, caseload" progress="high-caseloads: better, nonsense: improved">

One.

</Finding>

<Finding themes="workforce" progress="supervision: strength">

Two.

</Finding>

<Finding themes="workforce" progress="supervision: not-improved">

Three.

</Finding>
`);
    const { record, problems } = buildRecord(
      input({
        reports: [broken, baseline],
        weaknesses: [
          ...input().weaknesses,
          { id: 'missing-source', title: 'T', finding: 'f', area: 'leadership', themes: ['workforce', 'culture'], source: '2018-06-inspection#p9', history: [], line: 13 },
        ],
      }),
    );
    expect(record).toBeUndefined();
    const lines = problems.map((p) => `${p.file}:${p.line} ${p.message}`);
    expect(lines).toEqual([
      'content/weaknesses.yaml:13 weakness "missing-source" has an unknown theme "culture".',
      'content/weaknesses.yaml:13 weakness "missing-source" comes from 2018-06-inspection#p9, but that report has no paragraph 9 (its anchors run p1 to p2, 2 in all).',
      'content/reports/2024-02-monitoring-visit-2.mdx:2 unknown theme "caseload" on paragraph 1.',
      'content/reports/2024-02-monitoring-visit-2.mdx:2 unknown status "better" for weakness "high-caseloads" on paragraph 1.',
      'content/reports/2024-02-monitoring-visit-2.mdx:2 unknown weakness "nonsense" on paragraph 1.',
      'content/reports/2024-02-monitoring-visit-2.mdx:14 paragraph 3 gives weakness "supervision" the status not-improved, but paragraph 2 (line 8) gives it strength.',
    ]);
    expect(problems.every((p) => p.fix.length > 0)).toBe(true);
    expect(problems[3]?.fix).toBe('use one of: worse, not-improved, some-progress, improved, strength.');
  });

  it('links each weakness to Ofsted’s own improvement item and to its earlier history, and keeps earlier reports out of the matrix', () => {
    const earlier = report('2014-04-inspection', { kind: 'inspection', visitStart: '2014-04-29' }, `
<Finding themes="workforce">

Caseloads were high in 2014 too.

</Finding>
`);
    const weaknesses = input().weaknesses.map((weakness) =>
      weakness.id === 'high-caseloads'
        ? { ...weakness, improvementItem: '2018-06-inspection#p2', history: [{ paragraph: '2014-04-inspection#p1', note: 'In 2014 caseloads were high.' }] }
        : weakness,
    );
    const { record, problems } = buildRecord(input({ weaknesses, reports: [visit2, earlier, baseline, visit1] }));
    expect(problems).toEqual([]);
    const caseloads = record!.weaknessProgress[0]!;
    expect(caseloads.improvementItem?.paragraph.text).toBe('Supervision was irregular.');
    expect(caseloads.history.map((h) => [h.report.id, h.paragraph.text, h.note])).toEqual([
      ['2014-04-inspection', 'Caseloads were high in 2014 too.', 'In 2014 caseloads were high.'],
    ]);
    expect(record!.weaknessProgress[1]!.improvementItem).toBeUndefined();
    // The 2014 report is history: the matrix's columns start after the 2018 baseline.
    expect(record!.visits.map((visit) => visit.id)).toEqual(['2023-03-monitoring-visit-1', '2024-02-monitoring-visit-2']);
  });

  it('links a status to the numbered paragraph that carries the evidence before a summary item that repeats it', () => {
    const inspection = report('2024-11-inspection', { kind: 'inspection', visitStart: '2024-11-04', paragraphNumbers: 'ofsted' }, `
## What needs to improve

<Finding themes="workforce" progress="high-caseloads: not-improved">

- Caseloads.

</Finding>

## Findings

<Finding themes="workforce" progress="high-caseloads: not-improved">

1\\. Caseloads are still too high in most teams.

</Finding>
`);
    const { record, problems } = buildRecord(input({ reports: [visit2, inspection, baseline, visit1] }));
    expect(problems).toEqual([]);
    const cell = record!.weaknessProgress[0]!.cells.find((candidate) => candidate.report.id === '2024-11-inspection')!;
    expect(cell.paragraphs.map((paragraph) => paragraph.id)).toEqual(['p1', 's1']);
  });

  it('in a letter too, links the paragraph with the evidence before an item of its “What needs to improve” or priority-action list', () => {
    const letter = report('2024-11-focused-visit', { kind: 'focused-visit', visitStart: '2024-11-04' }, `
## Overview

Opening words.

## Areas for priority action

<Finding themes="workforce" progress="supervision: some-progress">

- Supervision.

</Finding>

## What needs to improve in this area of social work practice

<Finding themes="workforce" progress="high-caseloads: some-progress">

- Caseloads.

</Finding>

## Findings

<Finding themes="workforce" progress="high-caseloads: some-progress, supervision: some-progress">

- Caseloads are lower in most teams, and supervision is more regular.

</Finding>

<Finding themes="workforce" progress="high-caseloads: some-progress">

More on caseloads.

</Finding>
`);
    const { record, problems } = buildRecord(input({ reports: [visit2, letter, baseline, visit1] }));
    expect(problems).toEqual([]);
    const cellOf = (index: number) => record!.weaknessProgress[index]!.cells.find((candidate) => candidate.report.id === '2024-11-focused-visit')!;
    // p1 is the overview, p2 the priority action, p3 the improvement item, p4 and p5 the findings.
    expect(cellOf(0).paragraphs.map((paragraph) => [paragraph.id, paragraph.heading])).toEqual([
      ['p4', 'Findings'],
      ['p5', 'Findings'],
      ['p3', 'What needs to improve in this area of social work practice'],
    ]);
    expect(cellOf(1).paragraphs.map((paragraph) => paragraph.id)).toEqual(['p4', 'p2']);
  });

  it('fails on an improvement item or a history paragraph that does not exist', () => {
    const weaknesses = input().weaknesses.map((weakness) =>
      weakness.id === 'high-caseloads'
        ? { ...weakness, improvementItem: '2018-06-inspection#s4', history: [{ paragraph: '2014-04-inspection#p58', note: 'n' }] }
        : weakness,
    );
    const { record, problems } = buildRecord(input({ weaknesses }));
    expect(record).toBeUndefined();
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'content/weaknesses.yaml:1 weakness "high-caseloads" is named by the improvement item 2018-06-inspection#s4, but that report has no summary, paragraph 4 (its anchors run p1 to p2, 2 in all).',
      'content/weaknesses.yaml:1 weakness "high-caseloads" has history in 2014-04-inspection#p58, but there is no report "2014-04-inspection".',
    ]);
    expect(problems.every((p) => p.fix.length > 0)).toBe(true);
  });

  it('fails a report whose file name disagrees with its frontmatter', () => {
    const misnamed = { ...visit1, id: '2023-04-monitoring-visit-1', file: 'content/reports/2023-04-monitoring-visit-1.mdx' };
    const { problems } = buildRecord(input({ reports: [baseline, misnamed] }));
    expect(problems.map((p) => p.fix)).toEqual(['rename the file to 2023-03-monitoring-visit-1.mdx, or correct the frontmatter.']);
  });

  it('refuses to publish themes the importer suggested until an editor has reviewed them', () => {
    const imported = report('2023-03-monitoring-visit-1', { kind: 'monitoring-visit', visitNumber: 1, visitStart: '2023-03' }, `
<Finding themes="workforce" suggested>

Caseloads remain high.

</Finding>
`);
    const { problems } = buildRecord(input({ reports: [baseline, imported] }));
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'content/reports/2023-03-monitoring-visit-1.mdx:2 paragraph 1 still has the importer’s suggested themes, not yet reviewed by an editor.',
    ]);
  });

  it('limits the matrix to the latest visits when asked, keeping rows and columns aligned', () => {
    const { record } = buildRecord(input());
    const latest = latestVisits(record!, 1);
    expect(latest.visits.map((visit) => visit.id)).toEqual(['2024-02-monitoring-visit-2']);
    expect(latest.weaknessProgress.map((progress) => progress.cells.map((cell) => cell.report.id))).toEqual([
      ['2024-02-monitoring-visit-2'],
      ['2024-02-monitoring-visit-2'],
    ]);
    expect(latestVisits(record!).visits).toHaveLength(2);
    expect(latestVisits(record!, 10).visits).toHaveLength(2);
  });
});

/**
 * A record with `count` monitoring visits after the baseline, one a year from 2019; `examined`
 * lists the visit numbers that give "high-caseloads" a status.
 */
function longRecord(count: number, examined: number[]) {
  const visits = Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    const month = `${2018 + number}-03`;
    const body = examined.includes(number)
      ? `\n<Finding themes="workforce" progress="high-caseloads: some-progress">\n\nCaseloads at visit ${number}.\n\n</Finding>\n`
      : `\nVisit ${number} looked at something else.\n`;
    return report(`${month}-monitoring-visit-${number}`, { kind: 'monitoring-visit', visitNumber: number, visitStart: month }, body);
  });
  const { record, problems } = buildRecord(input({ reports: [baseline, ...visits] }));
  expect(problems).toEqual([]);
  return record!;
}

describe('the latest visits, at scale', () => {
  it('shows twelve, the number the real record has today', () => {
    expect(LATEST_VISITS).toBe(12);
  });

  it('takes another number from LATEST_VISITS in the environment, and refuses one that is not a count', () => {
    expect(latestVisitsShown({})).toBe(LATEST_VISITS);
    expect(latestVisitsShown({ LATEST_VISITS: '' })).toBe(LATEST_VISITS);
    expect(latestVisitsShown({ LATEST_VISITS: '10' })).toBe(10);
    for (const bad of ['0', '-3', '2.5', 'ten']) expect(() => latestVisitsShown({ LATEST_VISITS: bad })).toThrow(`LATEST_VISITS must be a whole number of at least 1, not "${bad}".`);
  });

  it('keeps the matrix to the latest visits and names the ones left out, oldest first', () => {
    const record = longRecord(15, [1, 14]);
    const shown = latestVisits(record, LATEST_VISITS);
    expect(shown.visits.map((visit) => visit.data.visitNumber)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(shown.earlier.map((visit) => visit.id)).toEqual(['2019-03-monitoring-visit-1', '2020-03-monitoring-visit-2', '2021-03-monitoring-visit-3']);
    for (const progress of shown.weaknessProgress) {
      expect(progress.cells.map((cell) => cell.report.id)).toEqual(shown.visits.map((visit) => visit.id));
    }
    // The record itself is not cut: the weakness pages and the open data still have every visit.
    expect(record.weaknessProgress[0]!.cells).toHaveLength(15);
    expect(record.weaknessProgress[0]!.latest?.report.data.visitNumber).toBe(14);
  });

  it('leaves nothing out when the record has exactly as many visits as it shows', () => {
    const record = longRecord(LATEST_VISITS, [1]);
    const shown = latestVisits(record, LATEST_VISITS);
    expect(shown.visits).toEqual(record.visits);
    expect(shown.earlier).toEqual([]);
  });

  it('splits a weakness’s journey: the latest visits in full, the earlier ones that examined it listed, the rest counted', () => {
    const record = longRecord(16, [1, 3, 14]);
    const [caseloads, supervision] = record.weaknessProgress;
    const journey = journeyOf(caseloads!.cells);
    expect(journey.recent.map((cell) => cell.report.data.visitNumber)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(journey.earlierExamined.map((cell) => [cell.report.data.visitNumber, cell.status, cell.paragraphs.map((p) => p.id)])).toEqual([
      [1, 'some-progress', ['p1']],
      [3, 'some-progress', ['p1']],
    ]);
    expect(journey.earlierNotExamined).toBe(2);
    const never = journeyOf(supervision!.cells);
    expect([never.recent.length, never.earlierExamined, never.earlierNotExamined]).toEqual([12, [], 4]);
  });

  it('shows the whole journey in full when it is no longer than the cap', () => {
    const record = longRecord(LATEST_VISITS, [1, 3]);
    const journey = journeyOf(record.weaknessProgress[0]!.cells);
    expect(journey.recent).toEqual(record.weaknessProgress[0]!.cells);
    expect([journey.earlierExamined, journey.earlierNotExamined]).toEqual([[], 0]);
  });
});

