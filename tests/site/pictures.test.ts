/**
 * The pictures (issue 17): the judgement history chart on the home page and the reports list,
 * the weakness strips, and the home page's shape and size. Read from the built HTML.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { gradeName } from '../../src/lib/judgement-history.ts';
import { gradeLabel } from '../../src/lib/reports.ts';
import type { Grade } from '../../src/schema.ts';
import { pageTransfer } from '../../scripts/bench/weight.ts';
import { builtPage, text } from '../helpers/site.ts';

const readDist = (file: string) => readFile(path.join(inject('distDir'), file), 'utf8');

interface PublishedReport {
  slug: string;
  kind: string;
  judgements: Array<{ area: string; grade: Grade }>;
}

for (const page of ['/', '/reports/']) {
  describe(`the judgement history chart on ${page}`, () => {
    it('is an inline SVG with role img, named by its title and described by its desc', async () => {
      const { tree } = await builtPage(page);
      const svgs = selectAll('svg[role="img"]', tree);
      expect(svgs).toHaveLength(1);
      const svg = svgs[0]!;
      expect(svg.properties.viewBox).toMatch(/^0 0 \d+ \d+$/);
      expect(svg.properties.width).toBe('100%');
      const labelledBy = svg.properties.ariaLabelledBy;
      const [titleId, descId] = Array.isArray(labelledBy) ? labelledBy.map(String) : String(labelledBy).split(' ');
      expect([titleId, descId]).toEqual([expect.stringMatching(/-title$/), expect.stringMatching(/-desc$/)]);
      const title = select(`title#${titleId}`, svg);
      const desc = select(`desc#${descId}`, svg);
      expect(title && text(title)).toBe('Ofsted’s judgements of Herefordshire’s children’s services, 2012 to 2025');
      expect(desc && text(desc)).toContain('Overall effectiveness: requires improvement in 2014, requires improvement in 2018, inadequate in 2022, good in 2025.');
      // The grades are written on the chart, not told by colour alone.
      expect(selectAll('text', svg).map(text)).toEqual(expect.arrayContaining(['Outstanding', 'Good', 'Requires improvement', 'Inadequate', '2012', '2014', '2018', '2022', '2025']));
      // A legend in words beside it, and no script anywhere near it.
      expect(selectAll('.chart-legend li', tree).map(text)).toEqual(['Overall effectiveness', 'Children who need help and protection', 'Children in care', 'Care leavers', 'Leadership']);
      expect(selectAll('script', svg)).toHaveLength(0);
    });

    it('has a table that agrees with every inspection report’s judgements in /data/reports.json', async () => {
      const { tree } = await builtPage(page);
      const table = select('table.judgement-table', tree)!;
      expect(select('caption', table)).toBeDefined();
      expect(selectAll('thead th[scope="col"]', table).length).toBeGreaterThan(1);
      expect(selectAll('tbody th[scope="row"]', table).map(text)).toEqual(['Overall effectiveness', 'Children who need help and protection', 'Children in care', 'Care leavers', 'Leadership']);
      const columns = selectAll('thead th[scope="col"]', table).slice(1);
      const reports = (JSON.parse(await readDist('data/reports.json')) as PublishedReport[]).filter((report) => report.kind === 'inspection' && report.judgements.length > 0);
      expect(reports.map((report) => report.slug)).toEqual(['2014-04-inspection', '2018-06-inspection', '2022-07-inspection', '2025-11-inspection']);
      // Every cell of the table is a report's judgement (grade and area in the report's words), or the 2012 event.
      const cells: Array<{ column: number; cell: Element }> = selectAll('tbody tr', table).flatMap((row) => selectAll('td', row).map((cell, column) => ({ column, cell })));
      const judgementsShown = new Set<string>();
      for (const { column, cell } of cells) {
        const href = select('a', columns[column]!)?.properties.href;
        if (!cell.properties.dataGrade) {
          expect(text(cell)).toBe('Not judged');
          continue;
        }
        const grade = String(cell.properties.dataGrade) as Grade;
        expect(text(select('.judgement-grade', cell)!)).toBe(gradeName(grade));
        const area = text(select('.judgement-area', cell)!);
        if (href === undefined) {
          // The 2012 child protection inspection: from content/events.yaml, with its sources in the cell.
          expect(text(columns[column]!)).toContain('Child protection inspection, 2012');
          expect(grade).toBe('inadequate');
          const links = selectAll('.judgement-sources a', cell).map((a) => String(a.properties.href));
          expect(links).toContain('https://www.herefordtimes.com/news/23571815.decade-failings-herefordshires-childrens-services/');
          expect(links).toContain('/reports/2014-04-inspection/#p1');
          continue;
        }
        const report = reports.find((candidate) => `/reports/${candidate.slug}/` === href)!;
        expect(report, String(href)).toBeDefined();
        const judgement = report.judgements.find((candidate) => candidate.area === area);
        expect(judgement, `${report.slug}: ${area}`).toBeDefined();
        expect(judgement!.grade).toBe(grade);
        judgementsShown.add(`${report.slug}: ${area}`);
      }
      // And every judgement of every report is in the table or listed as not drawn, with its grade.
      const notDrawn = selectAll('.chart-not-drawn li', tree).map(text);
      for (const report of reports) {
        for (const judgement of report.judgements) {
          if (judgementsShown.has(`${report.slug}: ${judgement.area}`)) continue;
          expect(notDrawn.some((item) => item.includes(`${judgement.area}, ${gradeLabel(judgement.grade).toLowerCase()}.`)), `${report.slug}: ${judgement.area}`).toBe(true);
        }
      }
    });
  });
}

describe('the weakness strips', () => {
  it('show each weakness on the home page as one small cell per visit, with the year, the status in words for screen readers, and a link', async () => {
    const { tree } = await builtPage('/');
    const rows = selectAll('.strips > li', tree);
    expect(rows).toHaveLength(16);
    const caseloads = rows.find((row) => text(select('.strip-title', row)!) === 'High caseloads')!;
    const cells = selectAll('.strip-cell', caseloads);
    expect(cells).toHaveLength(12);
    const last = cells.at(-1)!;
    expect(text(select('.strip-mark', last)!)).toBe('▲');
    expect(text(select('.strip-year', last)!)).toBe('2025');
    expect(text(select('.visually-hidden', last)!)).toBe('Inspection, November 2025: Improved');
    expect(select('a', last)!.properties.href).toBe('/reports/2025-11-inspection/#p61');
    const quiet = cells.filter((cell) => cell.properties.className && String(cell.properties.className).includes('status-cell--not-examined'));
    expect(quiet.length).toBeGreaterThan(0);
    for (const cell of quiet) {
      expect(select('a', cell)).toBeUndefined();
      expect(text(select('.strip-mark', cell)!)).toBe('–');
      expect(text(select('.visually-hidden', cell)!)).toMatch(/: Not examined$/);
    }
    expect(select('a[href="/weaknesses/"]', select('section[aria-labelledby="strips-heading"]', tree)!)).toBeDefined();
  });

  it('head each weakness’s journey', async () => {
    const { tree } = await builtPage('/weaknesses/supervision/');
    const strip = select('ol.strip', tree)!;
    // Above the journey, after the 2018 finding.
    expect(selectAll('ol.strip, ol.journey', tree).map((list) => String(list.properties.className))).toEqual(['strip', 'journey']);
    const visit7 = selectAll('.strip-cell', strip).find((cell) => text(select('.visually-hidden', cell)!) === 'Monitoring visit 7, June 2025: Improved')!;
    expect(select('a', visit7)!.properties.href).toBe('/reports/2025-06-monitoring-visit-7/#p12');
  });
});

describe('the home page', () => {
  it('shows where things stand, then the chart, then the strips, then the timeline', async () => {
    const { tree } = await builtPage('/');
    const headings = selectAll('main h2', tree).map(text);
    expect(headings).toEqual(['Where things stand', 'How the judgements moved', 'The 2018 weaknesses at a glance', 'Timeline']);
    expect(text(select('.current-position', tree)!)).toContain('Inspectors were on site 10 to 21 November 2025; Ofsted published the report on 12 January 2026.');
  });

  it('folds the context events of each year, and leaves every report in view', async () => {
    const { tree } = await builtPage('/');
    const years = selectAll('.timeline-year', tree);
    expect(years.map((year) => text(select('h3', year)!))).toEqual(['2012', '2014', '2018', '2019', '2021', '2022', '2023', '2024', '2025']);
    for (const details of selectAll('.timeline details', tree)) {
      expect(details.properties.open).toBeUndefined();
      expect(selectAll('a[href^="/reports/"]', details)).toHaveLength(0);
    }
    expect(text(select('.timeline-events summary', years[0]!)!)).toBe('Event: Inspection of child protection arrangements');
  });

  it('is within its 50 KB budget: everything a browser fetches to show it, gzipped', async () => {
    // What Chromium really asks for (modules a script imports included), as scripts/bench/transfer.ts prints it.
    const transfer = await pageTransfer(inject('distDir'), '/');
    console.log(`home page: ${(transfer.gzipBytes / 1024).toFixed(1)} KB gzipped in ${transfer.responses.length} requests`);
    expect(transfer.responses.map((response) => response.type)).toEqual(expect.arrayContaining(['document', 'stylesheet']));
    expect(transfer.gzipBytes).toBeLessThanOrEqual(50 * 1024);
  }, 60_000);
});
