/**
 * The judgement history chart's data and geometry (src/lib/pictures/judgement-history.ts,
 * src/lib/pictures/judgement-chart.ts), over the real inspection reports' frontmatter and
 * content/events.yaml, and over small examples for the rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHART, chartDescription, chartModel, labelWidth, SERIES_STYLES } from '../../../src/lib/pictures/judgement-chart.ts';
import { AREA_SERIES, EVENT_SERIES, historyCell, judgementHistory, NO_OVERALL_LABEL, SERIES_IDS, type HistoryReport } from '../../../src/lib/pictures/judgement-history.ts';
import { eventSchema, GRADES, reportSchema } from '../../../src/lib/record/schema.ts';

const contentDir = new URL('../../../content/', import.meta.url);
const reports: HistoryReport[] = readdirSync(new URL('reports/', contentDir))
  .filter((name) => name.endsWith('-inspection.mdx'))
  .sort()
  .map((name) => {
    const source = readFileSync(new URL(`reports/${name}`, contentDir), 'utf8');
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(source)![1]!;
    return { id: name.replace(/\.mdx$/, ''), file: `content/reports/${name}`, data: reportSchema.parse(parse(frontmatter)) };
  });
const events = (parse(readFileSync(new URL('events.yaml', contentDir), 'utf8')) as unknown[]).map((raw) => eventSchema.parse(raw));

const inspection = (id: string, visitStart: string, judgements: Array<[string, (typeof GRADES)[number]]>): HistoryReport => ({
  id,
  data: { kind: 'inspection', visitStart, judgements: judgements.map(([area, grade]) => ({ area, grade })) },
});

describe('judgementHistory over the real record', () => {
  const history = judgementHistory(reports, events);

  it('has the 2012 child protection inspection and the four inspection reports, oldest first', () => {
    expect(history.inspections.map((item) => [item.id, item.when])).toEqual([
      ['2012-child-protection-inspection', '2012'],
      ['2014-04-inspection', 'April 2014'],
      ['2018-06-inspection', 'June 2018'],
      ['2022-07-inspection', 'July 2022'],
      ['2025-11-inspection', 'November 2025'],
    ]);
  });

  it('puts every graded area of every report on a line or in the not-drawn list, and nothing else', () => {
    for (const report of reports) {
      const index = history.inspections.findIndex((item) => item.reportId === report.id);
      for (const judgement of report.data.judgements) {
        const drawn = history.series.flatMap((series) => series.points).filter((point) => point.inspection === index && point.area === judgement.area);
        const notDrawn = history.notCharted.filter((item) => item.inspection === index && item.area === judgement.area);
        expect(drawn.length + notDrawn.length, `${report.id}: ${judgement.area}`).toBeGreaterThan(0);
        for (const point of drawn) expect(point.grade).toBe(judgement.grade);
        for (const item of notDrawn) expect(item.grade).toBe(judgement.grade);
      }
    }
  });

  it('draws each line from the grades the sources give', () => {
    const grades = Object.fromEntries(history.series.map((series) => [series.id, series.points.map((point) => `${history.inspections[point.inspection]!.year} ${point.grade}`)]));
    expect(grades).toEqual({
      overall: ['2014 requires-improvement', '2018 requires-improvement', '2022 inadequate', '2025 good'],
      'help-and-protection': ['2012 inadequate', '2014 requires-improvement', '2018 requires-improvement', '2022 inadequate', '2025 good'],
      'children-in-care': ['2014 requires-improvement', '2018 requires-improvement', '2022 inadequate', '2025 good'],
      'care-leavers': ['2014 requires-improvement', '2018 requires-improvement', '2022 inadequate', '2025 good'],
      leaders: ['2014 requires-improvement', '2018 inadequate', '2022 inadequate', '2025 outstanding'],
    });
    expect(history.notCharted.map((item) => `${history.inspections[item.inspection]!.year} ${item.area}: ${item.grade}`)).toEqual([
      '2014 Adoption performance: good',
      '2014 The effectiveness of the Local Safeguarding Children Board: requires-improvement',
    ]);
  });

  it('draws the 2012 point only on the help and protection line, citing the event’s sources and the 2014 report', () => {
    const points2012 = history.series.flatMap((series) => series.points).filter((point) => point.inspection === 0);
    expect(points2012).toHaveLength(1);
    expect(points2012[0]).toMatchObject({ series: 'help-and-protection', grade: 'inadequate' });
    expect(points2012[0]!.citations.map((citation) => `${citation.report}#${citation.anchor}`)).toEqual(['2014-04-inspection#p1', '2014-04-inspection#p44-36']);
    expect(history.inspections[0]!.sources!.every((source) => source.url?.startsWith('https://'))).toBe(true);
    // The event's own grade, not one this module supplies: change it, and the point follows.
    const regraded = events.map((event) => (event.id === '2012-child-protection-inspection' ? { ...event, grade: 'good' as const } : event));
    const point = judgementHistory(reports, regraded).series.flatMap((series) => series.points).find((item) => item.inspection === 0);
    expect(point?.grade).toBe('good');
  });

  it('maps only known events', () => {
    for (const id of Object.keys(EVENT_SERIES)) expect(events.map((event) => event.id)).toContain(id);
  });
});

describe('judgementHistory rules', () => {
  it('stops on an area it does not map, naming the file and the fix', () => {
    const strange = { ...inspection('2030-01-inspection', '2030-01', [['Overall effectiveness', 'good'], ['Something new', 'good']]), file: 'content/reports/2030-01-inspection.mdx' };
    expect(() => judgementHistory([strange], [])).toThrow(/content\/reports\/2030-01-inspection\.mdx: judgement area “Something new” is not mapped.*AREA_SERIES in src\/lib\/pictures\/judgement-history\.ts/);
  });

  it('ignores reports without judgements and areas in other letter case', () => {
    const visit: HistoryReport = { id: '2023-03-monitoring-visit-1', data: { kind: 'monitoring-visit', visitStart: '2023-03', judgements: [] } };
    const history = judgementHistory([visit, inspection('2018-06-inspection', '2018-06', [['OVERALL EFFECTIVENESS', 'good']])], []);
    expect(history.inspections.map((item) => item.id)).toEqual(['2018-06-inspection']);
    expect(history.series.find((series) => series.id === 'overall')!.points).toHaveLength(1);
  });

  it('gives one judgement to both lines where ILACS judged children in care and care leavers together', () => {
    const history = judgementHistory([inspection('2018-06-inspection', '2018-06', [['The experiences and progress of children in care and care leavers', 'inadequate']])], []);
    expect(history.series.filter((series) => series.points.length > 0).map((series) => series.id)).toEqual(['children-in-care', 'care-leavers']);
  });

  it('draws one judgement per line per inspection, listing a second as not drawn', () => {
    const history = judgementHistory([inspection('2018-06-inspection', '2018-06', [['Overall effectiveness', 'good'], ['Overall judgement', 'inadequate']])], []);
    expect(history.series.find((series) => series.id === 'overall')!.points.map((point) => point.grade)).toEqual(['good']);
    expect(history.notCharted).toEqual([expect.objectContaining({ area: 'Overall judgement', grade: 'inadequate' })]);
  });

  it('keeps only the latest inspections when asked', () => {
    const history = judgementHistory(reports, events, { latest: 2 });
    expect(history.inspections.map((item) => item.id)).toEqual(['2022-07-inspection', '2025-11-inspection']);
    expect(history.series.find((series) => series.id === 'overall')!.points.map((point) => point.inspection)).toEqual([0, 1]);
  });

  it('has each area once', () => {
    const areas = AREA_SERIES.map((entry) => entry.area.toLowerCase());
    expect(new Set(areas).size).toBe(areas.length);
  });
});

describe('chartModel', () => {
  const history = judgementHistory(reports, events);
  const model = chartModel(history);

  it('stacks the four grades, Outstanding at the top, inside the viewBox', () => {
    expect(model.bands.map((band) => band.label)).toEqual(['Outstanding', 'Good', 'Requires improvement', 'Inadequate']);
    for (const [index, band] of model.bands.entries()) if (index > 0) expect(band.y).toBeGreaterThan(model.bands[index - 1]!.y);
    for (const line of model.lines) {
      for (const point of line.points) {
        expect(point.x).toBeGreaterThanOrEqual(0);
        expect(point.x).toBeLessThanOrEqual(model.width);
        const band = model.bands.find((candidate) => candidate.grade === point.grade)!;
        // Each point lies in its grade's band, below the grade's name.
        expect(point.y).toBeGreaterThan(band.labelY);
        expect(point.y).toBeLessThan(band.y + band.height);
      }
    }
    expect(Math.max(...model.ticks.map((tick) => tick.y))).toBeLessThanOrEqual(model.height);
  });

  it('places inspections by date and steps at each inspection', () => {
    const xs = model.ticks.map((tick) => tick.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const leaders = model.lines.find((line) => line.series === 'leaders')!;
    const [p2014, p2018, p2022, p2025] = leaders.points;
    expect(leaders.d).toBe(`M${p2014!.x} ${p2014!.y} H${p2018!.x} V${p2018!.y} H${p2022!.x} H${p2025!.x} V${p2025!.y}`);
  });

  it('keeps lines that share a grade apart, and year labels from touching', () => {
    const at2018 = model.lines.map((line) => line.points.find((point) => point.inspection === 2)!).filter((point) => point.grade === 'requires-improvement');
    expect(new Set(at2018.map((point) => point.y)).size).toBe(at2018.length);
    for (const [index, tick] of model.ticks.entries()) {
      const previous = model.ticks.slice(0, index).filter((other) => other.y === tick.y).at(-1);
      if (previous) expect(tick.x - labelWidth(tick.label) / 2).toBeGreaterThan(previous.x + labelWidth(previous.label) / 2);
    }
    expect(model.ticks.map((tick) => tick.label)).toEqual(['2012', '2014', '2018', '2022', '2025']);
  });

  it('tells the lines apart by dash and marker as well as colour', () => {
    const styles = Object.values(SERIES_STYLES);
    expect(new Set(styles.map((style) => style.marker)).size).toBe(styles.length);
    expect(new Set(styles.map((style) => `${style.dash}/${style.strokeWidth}`)).size).toBe(styles.length);
    expect(CHART.fontSize).toBeGreaterThanOrEqual(14);
  });

  it('describes the chart in words', () => {
    expect(chartDescription(history)).toContain('Overall effectiveness: requires improvement in 2014, requires improvement in 2018, inadequate in 2022, good in 2025.');
    expect(chartDescription(history)).toContain('Children who need help and protection: inadequate in 2012,');
  });
});

describe('a report without an overall judgement (the framework from April 2026)', () => {
  // Fictional: Herefordshire has no such report yet. Four judgements, as the framework gives them.
  const fictional2026 = inspection('2026-09-inspection', '2026-09-14', [
    ['The impact of leaders on practice with children and families', 'good'],
    ['The experiences and progress of children who need help and protection', 'good'],
    ['The experiences and progress of children in care', 'requires-improvement'],
    ['The experiences and progress of care leavers', 'good'],
  ]);
  const history = judgementHistory([...reports, fictional2026], events);
  const model = chartModel(history);
  const index = history.inspections.findIndex((item) => item.id === '2026-09-inspection');

  it('draws no point on the overall line for it, and stops the line there rather than carrying the 2025 grade on', () => {
    expect(history.inspections[index]!.noOverall).toBe(true);
    const overall = model.lines.find((line) => line.series === 'overall')!;
    expect(overall.points.map((point) => point.inspection)).not.toContain(index);
    expect(overall.points.map((point) => point.grade)).toEqual(['requires-improvement', 'requires-improvement', 'inadequate', 'good']);
    const tick = model.ticks.find((candidate) => candidate.inspection === index)!;
    const last = overall.points.at(-1)!;
    // The 2025 grade holds until the 2026 inspection, and there the line ends.
    expect(overall.d.endsWith(`H${last.x} V${last.y} H${tick.x}`)).toBe(true);
    expect(overall.d).not.toContain(`M${tick.x}`);
    // The four areas it judged are drawn at it.
    for (const series of SERIES_IDS.filter((id) => id !== 'overall')) {
      expect(model.lines.find((line) => line.series === series)!.points.at(-1)!.inspection).toBe(index);
    }
  });

  it('breaks the overall line at it when a graded inspection follows', () => {
    const later = inspection('2029-05-inspection', '2029-05-14', [
      ['The impact of leaders on social work practice with children and families', 'good'],
      ['The experiences and progress of children who need help and protection', 'good'],
      ['The experiences and progress of children in care', 'good'],
      ['The experiences and progress of care leavers', 'good'],
      ['Overall effectiveness', 'outstanding'],
    ]);
    const withLater = judgementHistory([...reports, fictional2026, later], events);
    const overall = chartModel(withLater).lines.find((line) => line.series === 'overall')!;
    const [, , , p2025, p2029] = overall.points;
    const gapX = chartModel(withLater).ticks.find((tick) => tick.inspection === index)!.x;
    expect(overall.d).toContain(`H${p2025!.x} V${p2025!.y} H${gapX} M${p2029!.x} ${p2029!.y}`);
  });

  it('says “no overall judgement” in the table, never a grade, and gives the other four lines their grades', () => {
    const rows = Object.fromEntries(SERIES_IDS.map((series) => [series, historyCell(history, series, index).label]));
    expect(rows).toEqual({
      overall: NO_OVERALL_LABEL,
      'help-and-protection': 'Good',
      'children-in-care': 'Requires improvement to be good',
      'care-leavers': 'Good',
      leaders: 'Good',
    });
    expect(historyCell(history, 'overall', index).kind).toBe('no-overall');
    // An earlier inspection that did not judge a line is “not judged”, as before.
    expect(historyCell(history, 'overall', 0)).toEqual({ kind: 'not-judged', label: 'Not judged' });
    expect(chartDescription(history)).toContain('good in 2025, no overall judgement in 2026 (the framework from April 2026).');
  });

  it('is a judgement like any other before April 2026: a report then without an overall judgement is not marked so', () => {
    const before = judgementHistory([inspection('2026-03-inspection', '2026-03-02', [['The experiences and progress of children in care', 'good']])], []);
    expect(before.inspections[0]!.noOverall).toBeUndefined();
    expect(historyCell(before, 'overall', 0).kind).toBe('not-judged');
  });
});
