/**
 * The councils chart's geometry (src/lib/compare/councils-chart.ts): one row per council, a marker
 * per inspection by its overall judgement, a report of April 2026's framework drawn as its own
 * marker, never as a grade; over fictional councils, and over the committed data.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComparisonData } from '../../../src/lib/compare/data.ts';
import { COUNCILS_CHART, councilsChartDescription, councilsChartModel, MARK_STYLES, MARKS, overallMark, textWidth, type ChartCouncil, type ChartInspection } from '../../../src/lib/compare/councils-chart.ts';
import { NO_OVERALL_LABEL } from '../../../src/lib/compare/england-picture.ts';
import { CARE_LEAVERS, HELP, IN_CARE, LEADERS } from '../../helpers/ilacs-areas.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function inspection(date: string, overall: 'outstanding' | 'good' | 'requires-improvement' | 'inadequate' | undefined): ChartInspection {
  return {
    date,
    published: date,
    judgements: [
      { area: LEADERS, grade: 'good' },
      { area: HELP, grade: 'good' },
      { area: IN_CARE, grade: 'good' },
      { area: CARE_LEAVERS, grade: 'good' },
      ...(overall ? [{ area: 'Overall effectiveness', grade: overall }] : []),
    ],
    officialUrl: `https://files.ofsted.gov.uk/v1/file/${date}`,
  };
}

const councils: ChartCouncil[] = [
  { laCode: '990', name: 'Exampleshire', role: 'council', inspections: [inspection('2022-05-09', 'inadequate'), inspection('2018-03-05', 'requires-improvement'), inspection('2025-03-03', 'good')] },
  { laCode: '993', name: 'Mockford', role: 'neighbour', inspections: [inspection('2026-05-11', undefined)] },
  { laCode: '991', name: 'Sampleton', role: 'neighbour', inspections: [inspection('2024-01-08', 'outstanding'), inspection('2024-05-06', 'requires-improvement'), inspection('2024-09-02', 'good')] },
];

describe('councilsChartModel', () => {
  const model = councilsChartModel(councils);

  it('draws a row per council in the order given, the council this site is about highlighted', () => {
    expect(model.rows.map((row) => [row.council.name, row.highlight])).toEqual([
      ['Exampleshire', true],
      ['Mockford', false],
      ['Sampleton', false],
    ]);
    for (const [index, row] of model.rows.entries()) {
      if (index > 0) expect(row.y).toBe(model.rows[index - 1]!.y + model.rows[index - 1]!.height);
      for (const marker of row.markers) {
        expect(marker.y).toBeGreaterThan(row.nameY);
        expect(marker.y).toBeLessThan(row.y + row.height);
      }
    }
    expect(model.axisY).toBe(model.rows.at(-1)!.y + model.rows.at(-1)!.height);
    expect(model.height).toBeGreaterThan(model.axisY);
  });

  it('marks each inspection by its overall grade, oldest first, placed by date', () => {
    const marks = model.rows.map((row) => row.markers.map((marker) => `${marker.inspection.date} ${marker.mark}`));
    expect(marks).toEqual([
      ['2018-03-05 requires-improvement', '2022-05-09 inadequate', '2025-03-03 good'],
      ['2026-05-11 no-overall'],
      ['2024-01-08 outstanding', '2024-05-06 requires-improvement', '2024-09-02 good'],
    ]);
    const xs = model.rows[0]!.markers.map((marker) => marker.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // Same date, same x, whichever row.
    const all = model.rows.flatMap((row) => row.markers);
    expect(Math.min(...all.map((marker) => marker.x))).toBeGreaterThanOrEqual(COUNCILS_CHART.left);
    expect(Math.max(...all.map((marker) => marker.x))).toBeLessThanOrEqual(COUNCILS_CHART.width - COUNCILS_CHART.right);
    expect(model.ticks[0]!.label).toBe('2018');
    expect(Number(model.ticks.at(-1)!.label)).toBeGreaterThanOrEqual(2026);
  });

  it('draws a report of April 2026’s framework as its own marker, labelled as no overall judgement, never a grade', () => {
    const marker = model.rows[1]!.markers[0]!;
    expect(marker.mark).toBe('no-overall');
    expect(marker.style).toEqual(MARK_STYLES['no-overall']);
    expect(marker.style.label).toBe(NO_OVERALL_LABEL);
    expect(new Set(Object.values(MARK_STYLES).map((style) => style.shape)).size).toBe(MARKS.length);
    expect(new Set(Object.values(MARK_STYLES).map((style) => style.abbreviation)).size).toBe(MARKS.length);
    expect(model.marks).toEqual(['outstanding', 'good', 'requires-improvement', 'inadequate', 'no-overall']);
    expect(councilsChartDescription(model)).toContain('Mockford: May 2026: no overall judgement (the framework from April 2026).');
  });

  it('keeps labels from touching: beside a marker when there is room, else under it, and inside the chart', () => {
    for (const row of model.rows) {
      const spans = row.markers.map((marker) => {
        const width = textWidth(marker.style.abbreviation);
        const left = marker.labelAnchor === 'start' ? marker.labelX : marker.labelAnchor === 'end' ? marker.labelX - width : marker.labelX - width / 2;
        return { left, right: left + width, below: marker.labelAnchor === 'middle' };
      });
      for (const span of spans) {
        expect(span.left).toBeGreaterThanOrEqual(0);
        expect(span.right).toBeLessThanOrEqual(model.width);
      }
      const beside = spans.filter((span) => !span.below);
      for (const [index, span] of beside.entries()) if (index > 0) expect(span.left).toBeGreaterThan(beside[index - 1]!.right);
      for (const [index, span] of spans.entries()) {
        if (span.below) continue;
        for (const other of row.markers) if (other !== row.markers[index]) expect(other.x < span.left || other.x > span.right).toBe(true);
      }
    }
    // Sampleton's three inspections are four months apart: the first label goes left, the last
    // right, the middle one under its marker, and the row grows.
    const sampleton = model.rows[2]!;
    expect(sampleton.markers.map((marker) => marker.labelAnchor)).toEqual(['end', 'middle', 'start']);
    expect(sampleton.height).toBe(COUNCILS_CHART.rowHeight + COUNCILS_CHART.dropHeight);
  });

  it('leaves out, and lists, an inspection before April 2026 with no overall judgement', () => {
    const partial = councilsChartModel([{ laCode: '990', name: 'Exampleshire', role: 'council', inspections: [inspection('2013-09-01', undefined), inspection('2025-03-03', 'good')] }]);
    expect(partial.rows[0]!.markers.map((marker) => marker.mark)).toEqual(['good']);
    expect(partial.notDrawn.map((item) => item.inspection.date)).toEqual(['2013-09-01']);
    expect(overallMark(inspection('2013-09-01', undefined))).toBeUndefined();
    expect(overallMark(inspection('2026-04-01', undefined))).toBe('no-overall');
  });
});

describe('the councils chart over the committed data', () => {
  it('draws Lancashire’s and Somerset’s 2026 reports as no overall judgement', async () => {
    const data = readComparisonData(
      await readFile(path.join(repoRoot, 'content/england/latest-reports.json'), 'utf8'),
      await readFile(path.join(repoRoot, 'content/england/statistical-neighbours.json'), 'utf8'),
    );
    const byCode = new Map(data.latest.reports.map((report) => [report.laCode, report]));
    const model = councilsChartModel(
      data.neighbours.neighbours.map((neighbour) => {
        const report = byCode.get(neighbour.laCode)!;
        return { laCode: neighbour.laCode, name: neighbour.name, role: 'neighbour', inspections: [{ date: report.visitStart, published: report.published, judgements: report.judgements, officialUrl: report.officialUrl }] };
      }),
    );
    const noOverall = model.rows.filter((row) => row.markers.some((marker) => marker.mark === 'no-overall')).map((row) => row.council.name);
    expect(noOverall).toEqual(['Somerset', 'Lancashire']);
    expect(model.rows).toHaveLength(10);
  });
});
