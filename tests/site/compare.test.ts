/**
 * The comparison page (/compare/) and its open data agree with content/england/: the neighbours'
 * table row by row, England's counts with englandPicture's, and no overall grade anywhere for a
 * report under the framework from April 2026 (Lancashire's and Somerset's). Read from the built
 * site; the expectations are worked out here from the JSON files directly.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { readComparisonData, type LatestReport } from '../../src/lib/compare/data.ts';
import { englandPicture, placeWords, comparisonPlaces } from '../../src/lib/compare/england-picture.ts';
import { gradeName, NO_OVERALL_LABEL, seriesForArea, SERIES_IDS, SERIES_LABELS, type SeriesId } from '../../src/lib/pictures/judgement-history.ts';
import { formatDate } from '../../src/lib/utils/dates.ts';
import { parseCsv } from '../../src/lib/utils/csv.ts';
import { builtPage, repoRoot, text } from '../helpers/site.ts';

const data = readComparisonData(
  await readFile(path.join(repoRoot, 'content/england/latest-reports.json'), 'utf8'),
  await readFile(path.join(repoRoot, 'content/england/statistical-neighbours.json'), 'utf8'),
);
const byCode = new Map(data.latest.reports.map((report) => [report.laCode, report]));
const readDist = (file: string) => readFile(path.join(inject('distDir'), file), 'utf8');
const GRADE_WORDS = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'];

/** A report's grade on a line, in words, straight from its judgements. */
function lineWords(report: LatestReport, series: SeriesId): string {
  const judgement = report.judgements.find(({ area }) => seriesForArea(area)?.series.includes(series));
  if (judgement) return gradeName(judgement.grade);
  expect(series, `${report.council} has no judgement on ${series}`).toBe('overall');
  return NO_OVERALL_LABEL;
}

const from2026 = data.latest.reports.filter((report) => report.visitStart >= '2026-04-01');

describe('/compare/', () => {
  it('has the 2026 framework’s reports among the neighbours, as the data does (Somerset’s and Lancashire’s)', () => {
    const codes = data.neighbours.neighbours.map((neighbour) => neighbour.laCode);
    expect(from2026.filter((report) => codes.includes(report.laCode)).map((report) => report.council).sort()).toEqual(['Lancashire', 'Somerset']);
  });

  it('gives Herefordshire’s place on each line, and links its report here and at Ofsted', async () => {
    const { tree } = await builtPage('/compare/');
    expect(text(select('h1', tree)!)).toBe('Herefordshire compared with England and its statistical neighbours');
    const { council } = comparisonPlaces(data);
    const items = selectAll('.compare-place li', tree);
    expect(items.map((item) => item.properties.dataSeries)).toEqual([...SERIES_IDS]);
    for (const [index, line] of council.areas.entries()) {
      expect(text(items[index]!)).toBe(`${SERIES_LABELS[line.series]}: ${line.label}. Herefordshire is ${placeWords(line)}`);
    }
    const section = select('section[aria-labelledby="place-heading"]', tree)!;
    const hrefs = selectAll('a', section).map((a) => String(a.properties.href));
    expect(hrefs).toContain('/reports/2025-11-inspection/');
    expect(hrefs).toContain(byCode.get('884')!.officialUrl);
    expect(text(section)).toContain(`published ${formatDate(byCode.get('884')!.published)}`);
  });

  it('has a row per council in the neighbours’ table, Herefordshire first and then closest first, agreeing with latest-reports.json', async () => {
    const { tree } = await builtPage('/compare/');
    const rows = selectAll('#neighbours-table tbody tr', tree);
    const expected = [data.neighbours.council, ...data.neighbours.neighbours];
    expect(rows.map((row) => row.properties.dataLaCode)).toEqual(expected.map((council) => council.laCode));
    expect(selectAll('#neighbours-table thead th', tree).map((th) => text(th))).toEqual(['Council', ...SERIES_IDS.map((series) => SERIES_LABELS[series]), 'Published', 'Report']);
    for (const [index, row] of rows.entries()) {
      const report = byCode.get(expected[index]!.laCode)!;
      expect(text(select('th', row)!)).toContain(expected[index]!.name);
      const cells = selectAll('td', row);
      expect(cells.slice(0, SERIES_IDS.length).map((cell) => text(cell))).toEqual(SERIES_IDS.map((series) => lineWords(report, series)));
      expect(text(cells[SERIES_IDS.length]!)).toBe(formatDate(report.published));
      // Ofsted's copy last, after the report on this site where the site holds it (Herefordshire's, and the neighbours' in content/neighbours/).
      const links = selectAll('a', cells[SERIES_IDS.length + 1]!).map((a) => String(a.properties.href));
      expect(links.at(-1)).toBe(report.officialUrl);
      expect(links.slice(0, -1)).toEqual([expect.stringMatching(index === 0 ? /^\/reports\/[^/]+\/$/ : /^\/neighbours\/[^/]+\/[^/]+\/$/)]);
    }
  });

  it('draws a marker per inspection in the chart: Herefordshire’s four, each neighbour’s ending with its latest, the chart’s table the same', async () => {
    const { tree } = await builtPage('/compare/');
    const svg = select('svg.councils-chart-svg', tree)!;
    expect(svg.properties.role).toBe('img');
    const rows = selectAll('.councils-chart-row', svg);
    expect(rows.map((row) => row.properties.dataLaCode)).toEqual(['884', ...data.neighbours.neighbours.map((neighbour) => neighbour.laCode)]);
    const marks = (row: Element) => selectAll('[data-mark]', row).map((mark) => String(mark.properties.dataMark));
    expect(marks(rows[0]!)).toEqual(['requires-improvement', 'requires-improvement', 'inadequate', 'good']);
    // Each neighbour's reports on this site come first (tests/site/neighbours.test.ts checks each against its
    // frontmatter); the newest is its latest report, as England's data gives it.
    for (const row of rows.slice(1)) {
      const report = byCode.get(String(row.properties.dataLaCode))!;
      const overall = report.judgements.find(({ area }) => seriesForArea(area)?.series.includes('overall'));
      expect(marks(row).at(-1)).toEqual(overall ? overall.grade : 'no-overall');
    }
    const tableRows = selectAll('.councils-chart-table tbody tr', tree);
    expect(tableRows.map((row) => row.properties.dataLaCode)).toEqual(rows.map((row) => row.properties.dataLaCode));
    for (const [index, row] of tableRows.entries()) expect(marks(row)).toEqual(marks(rows[index]!));
    for (const row of tableRows.slice(1)) {
      const report = byCode.get(String(row.properties.dataLaCode))!;
      expect(selectAll('li', row).map((item) => selectAll('a', item).at(-1)!.properties.href).at(-1)).toBe(report.officialUrl);
    }
  });

  it('counts England’s councils on each line as englandPicture does, each count listing its councils linked to their reports', async () => {
    const { tree } = await builtPage('/compare/');
    const picture = englandPicture(data.latest);
    expect(picture.councils).toBe(153);
    for (const line of picture.areas) {
      const counts = selectAll(`details[data-series="${line.series}"]`, tree);
      expect(counts.map((count) => count.properties.dataCount)).toEqual(line.counts.map((count) => count.count));
      for (const [index, count] of line.counts.entries()) {
        const details = counts[index]!;
        expect(text(select('summary', details)!)).toBe(`${count.label}: ${count.councils.length} ${count.councils.length === 1 ? 'council' : 'councils'}`);
        const items = selectAll('.england-councils li', details);
        expect(items.map((item) => item.properties.dataLaCode)).toEqual(count.councils.map((council) => council.laCode));
        expect(items.map((item) => String(select('a', item)!.properties.href))).toEqual(count.councils.map((council) => council.officialUrl));
        for (const [at, item] of items.entries()) expect(text(item)).toContain(`published ${formatDate(count.councils[at]!.published)}`);
      }
      // Herefordshire and each neighbour are marked wherever they are counted.
      expect(selectAll(`details[data-series="${line.series}"] .england-council--council`, tree).map((item) => item.properties.dataLaCode)).toEqual(['884']);
      expect(selectAll(`details[data-series="${line.series}"] .england-council--neighbour`, tree).map((item) => item.properties.dataLaCode).sort()).toEqual(
        data.neighbours.neighbours.map((neighbour) => neighbour.laCode).sort(),
      );
    }
    // Each of Herefordshire's places links to its count's list.
    for (const link of selectAll('.compare-place a', tree)) expect(select(String(link.properties.href).replace('/compare/', ''), tree), String(link.properties.href)).toBeTruthy();
  });

  it('shows no overall grade anywhere for a report under the framework from April 2026', async () => {
    const { tree } = await builtPage('/compare/');
    expect(from2026.length).toBeGreaterThan(0);
    for (const report of from2026) {
      const code = report.laCode;
      // England's picture: counted as no overall judgement, and under no grade.
      const overallCounts = selectAll(`details[data-series="overall"]`, tree).filter((details) => selectAll(`li[data-la-code="${code}"]`, details).length > 0);
      expect(overallCounts.map((details) => details.properties.dataCount), report.council).toEqual(['no-overall']);
      // Wherever its latest report is (the table, the chart, the chart's table), its overall is “no overall judgement”;
      // the council's earlier reports keep their own grades.
      for (const row of selectAll(`[data-la-code="${code}"]`, tree).filter((node) => node.tagName === 'tr' || node.tagName === 'g')) {
        const overallCell = select('td[data-series="overall"]', row);
        if (overallCell) expect(text(overallCell)).toBe(NO_OVERALL_LABEL);
        const latestMark = selectAll('[data-mark]', row).at(-1);
        if (latestMark) expect(latestMark.properties.dataMark).toBe('no-overall');
        // The chart's row ends with “None”.
        if (row.tagName === 'g') expect(text(row)).toMatch(new RegExp(`^${report.council} .*None$`));
      }
      const chartTableRow = select(`.councils-chart-table tr[data-la-code="${code}"]`, tree);
      if (chartTableRow) {
        const latestItem = selectAll('li', chartTableRow).at(-1)!;
        expect(text(latestItem)).toContain('no overall judgement (the framework from April 2026)');
        for (const grade of GRADE_WORDS) expect(text(latestItem)).not.toContain(grade);
      }
    }
    for (const code of ['888', '933']) {
      const row = select(`#neighbours-table tr[data-la-code="${code}"]`, tree)!;
      const overallCell = select('td[data-series="overall"]', row)!;
      expect(text(overallCell)).toBe(NO_OVERALL_LABEL);
      for (const grade of GRADE_WORDS) expect(text(overallCell)).not.toContain(grade);
    }
  });
});

describe('/data/comparison.json and comparison.csv', () => {
  it('hold one record per council with the DfE codes, Herefordshire and its neighbours marked', async () => {
    const json = JSON.parse(await readDist('data/comparison.json')) as { asAt: string; sources: { statisticalNeighbours: { url: string } }; councils: Array<Record<string, unknown>> };
    const csv = parseCsv(await readDist('data/comparison.csv'));
    const codes = data.latest.reports.map((report) => report.laCode);
    expect(json.councils).toHaveLength(153);
    expect(csv).toHaveLength(153);
    expect(json.councils.map((record) => record.laCode)).toEqual(codes);
    expect(csv.map((row) => row.laCode)).toEqual(codes);
    expect(json.asAt).toBe(englandPicture(data.latest).asAt);
    expect(json.sources.statisticalNeighbours.url).toBe(data.neighbours.source.url);
    expect(json.councils.filter((record) => record.thisCouncil).map((record) => record.laCode)).toEqual(['884']);
    expect(csv.filter((row) => row.statisticalNeighbour === 'true').map((row) => row.laCode).sort()).toEqual(data.neighbours.neighbours.map((neighbour) => neighbour.laCode).sort());
    for (const [index, report] of data.latest.reports.entries()) {
      const record = json.councils[index]!;
      expect(record.officialUrl).toBe(report.officialUrl);
      expect(csv[index]!.published).toBe(report.published);
      const overall = report.judgements.find(({ area }) => seriesForArea(area)?.series.includes('overall'));
      expect(record.overallEffectiveness).toBe(overall ? overall.grade : 'no overall judgement');
      expect(csv[index]!.overallEffectiveness).toBe(record.overallEffectiveness);
    }
    for (const council of ['Lancashire', 'Somerset']) {
      expect(json.councils.find((record) => record.council === council)!.overallEffectiveness).toBe('no overall judgement');
      expect(csv.find((row) => row.council === council)!.overallEffectiveness).toBe('no overall judgement');
    }
  });

  it('are documented on /data/, each column', async () => {
    const { tree } = await builtPage('/data/');
    const hrefs = selectAll('h2 a', tree).map((a) => String(a.properties.href));
    expect(hrefs).toEqual(expect.arrayContaining(['/data/comparison.json', '/data/comparison.csv']));
    const header = (await readDist('data/comparison.csv')).split('\r\n')[0]!.split(',');
    const documented = selectAll('section', tree).find((section) => selectAll('h2 a', section).some((a) => a.properties.href === '/data/comparison.csv'))!;
    expect(selectAll('tbody th code', documented).flatMap((code) => text(code).split(', '))).toEqual(header);
  });
});

describe('the home page', () => {
  it('says how Herefordshire compares, from the data, and links the comparison; so does the navigation', async () => {
    const { tree } = await builtPage('/');
    const section = select('.home-compare', tree)!;
    const { council, picture } = comparisonPlaces(data);
    const overall = council.areas[0]!;
    expect(text(section)).toContain(`Herefordshire’s overall effectiveness is judged ${overall.label.toLowerCase()}, as is that of ${overall.sharedWith - 1} of England’s other ${overall.total - 1} councils (as at ${formatDate(picture.asAt)}).`);
    expect(selectAll('a', section).map((a) => a.properties.href)).toEqual(['/compare/']);
    expect(selectAll('nav a', tree).map((a) => a.properties.href)).toContain('/compare/');
  });
});
