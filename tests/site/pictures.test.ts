/**
 * The pictures (issue 17): the judgement history chart on the home page and the reports list,
 * the weakness strips, and the home page's shape and size. Read from the built HTML.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { gradeName } from '../../src/lib/pictures/judgement-history.ts';
import { gradeLabel } from '../../src/lib/record/report-entries.ts';
import type { Grade } from '../../src/lib/record/schema.ts';
import { pageTransfer } from '../../scripts/bench/weight.ts';
import { builtPage, text } from '../helpers/site.ts';
import { SCREENSHOTS, servedSite } from '../helpers/served-site.ts';

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
    expect(text(select('.strip-month', last)!)).toBe('Nov');
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
  it('shows where things stand, then the chart, how Herefordshire compares, the strips, then the timeline', async () => {
    const { tree } = await builtPage('/');
    const headings = selectAll('main h2', tree).map(text);
    expect(headings).toEqual(['Where things stand', 'How the judgements moved', 'How Herefordshire compares', 'The 2018 weaknesses at a glance', 'Timeline']);
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

/*
 * The strips and the matrix in a browser: laid out, at the widths people use. Screenshots go to
 * test-results/ for a person to look at.
 */
describe('the pictures in a browser', () => {
  const site = servedSite();

  async function open(sitePath: string, width: number): Promise<Page> {
    const page = await site.browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${site.url}${sitePath.replace(/^\//, '')}`);
    return page;
  }

  /** Each home page strip: its weakness, how far apart its cells' tops are, and where its last cell lies. */
  function strips(page: Page) {
    return page.evaluate(() =>
      [...document.querySelectorAll('.strips > li')].map((row) => {
        const cells = [...row.querySelectorAll('.strip-cell')].map((cell) => cell.getBoundingClientRect());
        const tops = cells.map((box) => box.top);
        const last = cells.at(-1)!;
        return {
          weakness: row.querySelector('.strip-title')!.textContent,
          cells: cells.length,
          topSpread: Math.max(...tops) - Math.min(...tops),
          lastLeft: last.left,
          lastRight: last.right,
          viewport: window.innerWidth,
          pageWidth: document.documentElement.scrollWidth,
        };
      }),
    );
  }

  for (const width of [320, 360, 768, 1024, 1280, 1920]) {
    it(`shows each weakness on the home page as one line of cells at ${width} px, the latest visit last and in view`, async () => {
      const page = await open('/', width);
      const rows = await strips(page);
      expect(rows).toHaveLength(16);
      for (const row of rows) {
        expect(row.cells, row.weakness!).toBe(12);
        expect(row.topSpread, `${row.weakness} at ${width} px: the cells wrap`).toBeLessThanOrEqual(2);
        expect(row.lastLeft, row.weakness!).toBeGreaterThanOrEqual(0);
        expect(row.lastRight, `${row.weakness} at ${width} px: the latest visit is off the screen`).toBeLessThanOrEqual(row.viewport);
        expect(row.pageWidth, `the page scrolls sideways at ${width} px`).toBeLessThanOrEqual(row.viewport);
      }
      if (width === 320 || width === 1280) {
        await page.locator('#strips-heading').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SCREENSHOTS, `home-strips-${width}.png`) });
      }
      await page.close();
    });
  }

  it('says on each cell which visit it is (the two 2019 visits read differently: "’19" on a phone), and names the visit and status to screen readers', async () => {
    for (const [width, year] of [[320, '’19'], [390, '’19'], [1280, '2019']] as const) {
      const page = await open('/', width);
      const row = page.locator('.strips > li').filter({ hasText: 'High caseloads' });
      // What the eye sees: the cell's rendered words, the generated apostrophe of "’19" included.
      const labels = await row.locator('.strip-cell').evaluateAll((cells) =>
        cells.map((cell) => {
          const year = cell.querySelector('.strip-year')!;
          const before = getComputedStyle(year, '::before').content;
          const prefix = before && before !== 'none' && before !== 'normal' ? before.replace(/^"|"$/g, '') : '';
          return `${(cell.querySelector('.strip-month') as HTMLElement).innerText} ${prefix}${(year as HTMLElement).innerText}`;
        }),
      );
      expect(labels.slice(0, 2), `at ${width} px`).toEqual([`Jan ${year}`, `Dec ${year}`]);
      expect(new Set(labels).size, `at ${width} px every cell reads differently: ${labels.join(', ')}`).toBe(labels.length);
      // What a screen reader hears: the visit and the status, from the accessibility tree.
      expect(await row.getByRole('link', { name: 'Focused visit, January 2019: Improved', exact: true }).count()).toBe(1);
      expect(await row.getByRole('link', { name: 'Focused visit, December 2019: Not improved', exact: true }).count()).toBe(1);
      expect(await row.getByRole('listitem').nth(4).textContent()).toContain('Monitoring visit 1, March 2023: Not examined');
      await page.close();
    }
  });

  /** The matrix's scrolling box, and its last column's header, as laid out. */
  function matrixLayout(page: Page) {
    return page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.matrix-wide .table-scroll')!;
      const last = [...document.querySelectorAll('table.matrix thead th')].at(-1)!;
      const box = last.getBoundingClientRect();
      return {
        lastColumn: last.textContent!.replace(/\s+/g, ' ').trim(),
        lastLeft: box.left,
        lastRight: box.right,
        viewport: window.innerWidth,
        scrollWidth: scroller.scrollWidth,
        clientWidth: scroller.clientWidth,
        pageWidth: document.documentElement.scrollWidth,
      };
    });
  }

  for (const width of [1280, 1440, 1920]) {
    it(`shows the matrix’s latest visits at ${width} px with no sideways scrolling`, async () => {
      const page = await open('/weaknesses/', width);
      const layout = await matrixLayout(page);
      expect(layout.lastColumn).toBe('Inspection November 2025');
      expect(layout.lastLeft).toBeGreaterThanOrEqual(0);
      expect(layout.lastRight, `the last column ends ${layout.lastRight - layout.viewport} px off the screen`).toBeLessThanOrEqual(layout.viewport);
      expect(layout.scrollWidth, 'the table scrolls sideways').toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
      if (width === 1280) {
        await page.locator('table.matrix').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SCREENSHOTS, 'matrix-1280.png') });
      }
      await page.close();
    });
  }

  it('keeps the weakness names in view, on an opaque ground, when the matrix scrolls sideways (768 px, the narrowest screen that shows the table)', async () => {
    const page = await open('/weaknesses/', 768);
    const scroller = page.locator('.matrix-wide .table-scroll');
    const before = await matrixLayout(page);
    expect(before.scrollWidth, 'the table must need to scroll at this width for the test to mean anything').toBeGreaterThan(before.clientWidth);
    await scroller.evaluate((element) => (element.scrollLeft = element.scrollWidth));
    const state = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.matrix-wide .table-scroll')!;
      const header = document.querySelector<HTMLElement>('table.matrix tbody th[scope="row"]')!;
      header.scrollIntoView({ block: 'center', inline: 'nearest' });
      const box = header.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + 8, box.top + box.height / 2);
      return {
        scrolled: scroller.scrollLeft,
        headerLeft: box.left,
        scrollerLeft: scroller.getBoundingClientRect().left,
        onTop: hit !== null && header.contains(hit),
        background: getComputedStyle(header).backgroundColor,
      };
    });
    expect(state.scrolled).toBeGreaterThan(100);
    expect(Math.abs(state.headerLeft - state.scrollerLeft), 'the first row header scrolled away').toBeLessThanOrEqual(1);
    expect(state.onTop, 'the cells show over the row header').toBe(true);
    expect(state.background).toBe('rgb(255, 255, 255)');
    await page.close();
  });
});
