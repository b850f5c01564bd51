/**
 * The pages generated from the annotations: the matrix, the journeys, the themes, and the
 * annotations on each report page. Read from the built HTML.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { anchorsInPage } from '../../src/lib/record/anchor-manifest.ts';
import { builtPage, text } from '../helpers/site.ts';

const SYMBOLS = /[▼✕◐▲★–]/;

async function targetExists(href: string): Promise<boolean> {
  const [pagePath = '', fragment] = href.split('#');
  const { html } = await builtPage(pagePath);
  if (!fragment) return true;
  return anchorsInPage(html).some((anchor) => anchor.id === fragment) || html.includes(`id="${fragment}"`);
}

describe('/weaknesses/ (the matrix)', () => {
  it('is a real table: weaknesses down, visits across, headers scoped', async () => {
    const { tree } = await builtPage('/weaknesses/');
    const table = select('table.matrix', tree)!;
    // Twelve visits after 2018, the most the matrix shows (LATEST_VISITS): none is left out, so nothing says so.
    expect(text(select('caption', table)!)).toMatch(/^How each weakness found in 2018 stood at every later inspection and monitoring visit \(“Visit 1” is the first monitoring visit\)\. /);
    expect(select('.matrix-earlier', tree)).toBeUndefined();
    const columnHeaders = selectAll('thead th[scope="col"]', table).map(text);
    expect(columnHeaders).toEqual([
      'Weakness found in 2018',
      'Focused visit January 2019',
      'Focused visit December 2019',
      'Focused visit July 2021',
      'Inspection July 2022',
      'Visit 1 March 2023',
      'Visit 2 June 2023',
      'Visit 3 September 2023',
      'Visit 4 February 2024',
      'Visit 5 October 2024',
      'Visit 6 February 2025',
      'Visit 7 June 2025',
      'Inspection November 2025',
    ]);
    const rows = selectAll('tbody tr', table);
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      expect(selectAll('th[scope="row"]', row)).toHaveLength(1);
      expect(selectAll('td', row)).toHaveLength(columnHeaders.length - 1);
    }
  });

  it('shows every status as a word and a symbol, links it to the paragraph that justifies it, and says "Not examined" otherwise', async () => {
    const { tree } = await builtPage('/weaknesses/');
    const cells = selectAll('table.matrix td', tree);
    const examined = cells.filter((cell) => select('a', cell));
    const notExamined = cells.filter((cell) => !select('a', cell));
    expect(examined.length).toBeGreaterThan(0);
    expect(notExamined.length).toBeGreaterThan(0);
    for (const cell of notExamined) expect(text(cell)).toBe('– Not examined');
    for (const cell of examined) {
      expect(text(cell)).toMatch(SYMBOLS);
      expect(text(cell)).toMatch(/Worse|Not improved|Some progress|Improved|Strength/);
      const href = String(select('a', cell)!.properties.href);
      expect(href).toMatch(/^\/reports\/[a-z0-9-]+\/#(?:p\d+(?:-\d+)?|s\d+)$/);
      expect(await targetExists(href)).toBe(true);
    }
    const visitColumn = selectAll('table.matrix thead th[scope="col"]', tree).map(text).indexOf('Visit 7 June 2025') - 1;
    const supervisionRow = selectAll('tbody tr', tree).find((row) => text(select('th a', row)!) === 'Irregular supervision of variable quality')!;
    const visitCell = selectAll('td', supervisionRow)[visitColumn]!;
    expect(text(visitCell)).toBe('▲ Improved');
    expect(select('a', visitCell)!.properties.href).toBe('/reports/2025-06-monitoring-visit-7/#p12');
    const caseloadsRow = selectAll('tbody tr', tree).find((row) => text(select('th a', row)!) === 'High caseloads')!;
    expect(text(select('th', caseloadsRow)!)).toBe('High caseloads In Ofsted’s 2018 list of what needs to improve');
    const lastCell = selectAll('td', caseloadsRow).at(-1)!;
    expect(text(lastCell)).toBe('▲ Improved');
    expect(select('a', lastCell)!.properties.href).toBe('/reports/2025-11-inspection/#p61');
    const summaryCell = selectAll('td', supervisionRow).find((cell) => text(cell).includes('†'));
    expect(summaryCell, 'supervision rests on full texts only').toBeUndefined();
  });

  it('opens a letter’s cell on the paragraph with the evidence, not on an item of its “What needs to improve” list', async () => {
    const { tree } = await builtPage('/weaknesses/');
    const headers = selectAll('table.matrix thead th[scope="col"]', tree).map(text);
    const cell = (weakness: string, visit: string) => {
      const row = selectAll('tbody tr', tree).find((candidate) => text(select('th a', candidate)!) === weakness)!;
      const found = selectAll('td', row)[headers.indexOf(visit) - 1]!;
      return [text(found), String(select('a', found)?.properties.href)];
    };
    // January 2019: p9 to p11 are the letter's "What needs to improve" items, which only name the area.
    const january = 'Focused visit January 2019';
    expect(cell('Inconsistent management oversight', january)).toEqual(['◐ Some progress', '/reports/2019-01-focused-visit/#p25']);
    expect(cell('Irregular supervision of variable quality', january)).toEqual(['◐ Some progress', '/reports/2019-01-focused-visit/#p25']);
    expect(cell('Visits to children not always timely', january)).toEqual(['◐ Some progress', '/reports/2019-01-focused-visit/#p18']);
    expect(cell('Poor practice for children in need', january)).toEqual(['◐ Some progress', '/reports/2019-01-focused-visit/#p18']);
    // July 2021: the "Areas for priority action" item p8 comes after the finding that carries the detail.
    expect(cell('Inconsistent management oversight', 'Focused visit July 2021')).toEqual(['✕ Not improved', '/reports/2021-07-focused-visit/#p23']);
  });

  it('rests mostly on Ofsted’s own words: at least 35 statuses come from full-text paragraphs', async () => {
    const { tree } = await builtPage('/weaknesses/');
    const examined = selectAll('table.matrix td', tree).filter((cell) => select('a', cell));
    const fromFullText = examined.filter((cell) => !text(cell).includes('†'));
    expect(fromFullText.length).toBeGreaterThanOrEqual(35);
  });

  it('has a strip form for phones with the same statuses', async () => {
    const { tree } = await builtPage('/weaknesses/');
    const sections = selectAll('.matrix-narrow .matrix-weakness', tree);
    expect(sections).toHaveLength(16);
    const staff = sections.find((s) => text(select('h3', s)!) === 'Staff disconnected from senior managers')!;
    const cells = selectAll('.strip-cell', staff);
    expect(cells).toHaveLength(12);
    const visit7 = cells.find((cell) => text(select('.visually-hidden', cell)!) === 'Monitoring visit 7, June 2025: Strength')!;
    expect(text(select('.strip-mark', visit7)!)).toBe('★');
    expect(text(select('.strip-year', visit7)!)).toBe('2025');
    expect(String(select('a', visit7)!.properties.href)).toMatch(/^\/reports\/2025-06-monitoring-visit-7\/#/);
  });
});

describe('/weaknesses/<id>/ (a journey)', () => {
  it('tells the 2018 finding, then each visit with its status and the justifying paragraph quoted and linked', async () => {
    const { tree } = await builtPage('/weaknesses/supervision/');
    expect(text(select('h1', tree)!)).toBe('Weakness found in 2018 Irregular supervision of variable quality');
    expect(text(select('.latest-status', tree)!)).toBe('Latest status: ★ Strength at Inspection, November 2025');
    const quotes = selectAll('figure.quote', tree);
    // Ofsted's paragraph 17 of the 2018 report, then the item of its own "What needs to improve" list.
    expect(text(quotes[0]!)).toContain('17. Management oversight of frontline practice is not consistently effective.');
    expect(select('figcaption a', quotes[0]!)!.properties.href).toBe('/reports/2018-06-inspection/#p17');
    expect(text(select('figcaption', quotes[0]!)!)).toBe('Inspection, June 2018, paragraph 17');
    expect(text(quotes[1]!)).toContain('The regularity and quality of social worker supervision.');
    expect(select('figcaption a', quotes[1]!)!.properties.href).toBe('/reports/2018-06-inspection/#s8');
    // Found before: the 2014 report's paragraphs, with what they said.
    expect(text(tree)).toContain('Found before 2018');
    expect(selectAll('figcaption a', tree).map((a) => a.properties.href)).toContain('/reports/2014-04-inspection/#p58');
    const visit7 = quotes.find((quote) => select('figcaption a', quote)!.properties.href === '/reports/2025-06-monitoring-visit-7/#p12')!;
    expect(text(visit7)).toContain('Most supervision is regular, reflective and purposeful');
    expect(text(tree)).toContain('Editor’s note:');
  });

  it('says "not examined" where a visit did not look at the weakness', async () => {
    const { tree } = await builtPage('/weaknesses/life-story-work/');
    expect(text(select('.latest-status', tree)!)).toBe('Latest status: ✕ Not improved at Inspection, July 2022');
    const steps = selectAll('.journey-step', tree);
    expect(steps).toHaveLength(12);
    // Every visit in full: the real record does not reach the cap (the build under a sub-path does, with LATEST_VISITS=10: tests/site/base-path.test.ts).
    expect(select('#earlier-visits', tree)).toBeUndefined();
    // The 2022 inspection (the fourth visit after 2018) is the only one that looked at it.
    steps.forEach((step, index) => {
      if (index === 3) expect(text(step)).toContain('✕ Not improved');
      else expect(text(step)).toMatch(/– Not examined ?: this visit did not look at this weakness\.$/);
    });
  });

  it('has a page for every weakness in content/weaknesses.yaml', async () => {
    const { tree } = await builtPage('/weaknesses/');
    const links = selectAll('.matrix-wide tbody th a', tree).map((a) => String(a.properties.href));
    for (const link of links) await expect(access(path.join(inject('distDir'), link, 'index.html'))).resolves.toBeUndefined();
  });
});

describe('/themes/', () => {
  it('lists every theme with a count, and each theme page quotes its paragraphs grouped by report, newest first', async () => {
    const { tree: index } = await builtPage('/themes/');
    const items = selectAll('.theme-list > li', index);
    expect(items.length).toBeGreaterThanOrEqual(15);
    expect(items.length).toBeLessThanOrEqual(25);

    const { tree } = await builtPage('/themes/workforce/');
    const groups = selectAll('main section.theme-report', tree);
    const headings = groups.map((group) => text(select('h2', group)!));
    expect(headings.slice(0, 2)).toEqual(['Inspection, November 2025', 'Monitoring visit 7, June 2025']);
    expect(headings.slice(-4)).toEqual(['Focused visit, December 2019', 'Focused visit, January 2019', 'Inspection, June 2018', 'Inspection, April 2014']);
    const firstQuote = select('figure.quote', groups[0]!)!;
    expect(text(firstQuote)).toContain('Recruitment and retention initiatives have successfully stabilised the workforce');
    expect(select('figcaption a', firstQuote)!.properties.href).toBe('/reports/2025-11-inspection/#s1');
    const letterQuote = select('figure.quote', groups[1]!)!;
    expect(text(letterQuote)).toContain('Most supervision is regular');
    expect(select('figcaption a', letterQuote)!.properties.href).toBe('/reports/2025-06-monitoring-visit-7/#p12');
  });
});

describe('the real record’s theme pages', () => {
  it('each fit on one page, as before pages were split: every paragraph on the theme, counted, with no page links', async () => {
    const { tree: index } = await builtPage('/themes/');
    for (const item of selectAll('.theme-list > li', index)) {
      const link = select('a', item)!;
      const count = Number(/\((\d+) paragraphs?\)/.exec(text(item))![1]);
      const { tree } = await builtPage(String(link.properties.href));
      // Herefordshire's reports' paragraphs: the neighbours' follow in their own section (tests/site/neighbours.test.ts).
      const quotes = selectAll('main section.theme-report figure.quote', tree);
      expect(quotes, text(link)).toHaveLength(count);
      const reports = selectAll('main section.theme-report', tree).length;
      expect(text(select('main .theme-count', tree)!)).toBe(`${count} paragraphs in ${reports} reports, newest first.`);
      expect(select('main nav.pagination, main a[rel="prev"], main a[rel="next"]', tree), text(link)).toBeUndefined();
    }
  });
});

describe('annotations on a report page', () => {
  it('show each paragraph’s themes and weakness statuses, linked, and kept out of search', async () => {
    const { tree } = await builtPage('/reports/2025-06-monitoring-visit-7/');
    const p12 = select('#p12', tree)!;
    const finding = selectAll('.finding', tree).find((node) => select('#p12', node))!;
    expect(finding).toBeDefined();
    const annotation = select('.annotation', finding)!;
    expect(annotation.properties.dataPagefindIgnore).toBe('');
    // Its own lines' links; "What happened next" below them has its own test.
    const hrefs = selectAll(':scope > p a', annotation).map((a) => String(a.properties.href));
    expect(hrefs).toEqual(['/themes/management-oversight/', '/themes/workforce/', '/themes/planning/', '/weaknesses/supervision/', '/weaknesses/management-oversight/']);
    expect(text(annotation)).toContain('Irregular supervision of variable quality: ▲ Improved');
    expect(text(p12)).not.toContain('Themes');
  });

  it('label a summary page plainly as our summary, and a report page as Ofsted’s report with Ofsted’s numbers', async () => {
    const { tree: summary } = await builtPage('/reports/2023-06-monitoring-visit-2/');
    expect(text(select('.notice', summary)!)).toMatch(/^This is our summary, not Ofsted’s letter\./);
    const { tree } = await builtPage('/reports/2018-06-inspection/');
    expect(text(select('.notice', tree)!)).toMatch(/^Below is the full text of Ofsted’s report, exactly as issued .* The paragraph numbers are Ofsted’s own/);
    expect(select('article.letter', tree)!.properties.ariaLabel).toBe('The report');
    const official = select('.facts dd a', tree)!;
    expect(official.properties.href).toBe('https://files.ofsted.gov.uk/v1/file/50006281');
    expect(text(select('.facts', tree)!)).toContain('Inadequate');
  });
});

describe('/ (home)', () => {
  it('shows the judgement in force, the timeline in date order, and the weakness strips', async () => {
    const { tree } = await builtPage('/');
    expect(text(select('.current-position', tree)!)).toContain('Judgement in force: Good, from the inspection of November 2025.');
    const dates = selectAll('.timeline time', tree).map((time) => String(time.properties.dateTime));
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2012-09');
    expect(selectAll('.timeline h4 a', tree).map((a) => a.properties.href)).toEqual([
      '/reports/2014-04-inspection/',
      '/reports/2018-06-inspection/',
      '/reports/2019-01-focused-visit/',
      '/reports/2019-12-focused-visit/',
      '/reports/2021-07-focused-visit/',
      '/reports/2022-07-inspection/',
      '/reports/2023-03-monitoring-visit-1/',
      '/reports/2023-06-monitoring-visit-2/',
      '/reports/2023-09-monitoring-visit-3/',
      '/reports/2024-02-monitoring-visit-4/',
      '/reports/2024-10-monitoring-visit-5/',
      '/reports/2025-02-monitoring-visit-6/',
      '/reports/2025-06-monitoring-visit-7/',
      '/reports/2025-11-inspection/',
    ]);
    expect(selectAll('.strips > li', tree)).toHaveLength(16);
  });

  it('dates the statutory direction to the day the sources give, 21 September 2022, and quotes no title the sources do not record', async () => {
    const { tree } = await builtPage('/');
    const direction = selectAll('.timeline-events .timeline-item', tree).find((item) => text(select('h4', item)!) === 'Statutory direction and children’s services commissioner')!;
    const time = select('.timeline-when time', direction)!;
    expect([String(time.properties.dateTime), text(time)]).toEqual(['2022-09-21', '21 September 2022']);
    expect(text(direction)).not.toContain('It is very serious');
  });
});

describe('what a document is called', () => {
  const INSPECTIONS = ['2014-04-inspection', '2018-06-inspection', '2022-07-inspection', '2025-11-inspection'];

  it.each(INSPECTIONS)('calls the inspection report %s a report: no “Ofsted letter”, no “Letter dated”', async (slug) => {
    const { html, tree } = await builtPage(`/reports/${slug}/`);
    expect(html).not.toContain('Ofsted letter');
    expect(html).not.toContain('Letter dated');
    expect(text(select('.facts', tree)!)).toMatch(/Licence Ofsted inspection report, © Crown copyright \d{4}, reproduced under the Open Government Licence v3\.0\./);
    expect(select('article.letter', tree)!.properties.ariaLabel).toBe('The report');
  });

  it('gives the November 2025 report the copyright year its document prints, 2026, not the year of the visit', async () => {
    const { tree } = await builtPage('/reports/2025-11-inspection/');
    expect(text(select('.facts', tree)!)).toContain('© Crown copyright 2026');
  });

  it('still calls a letter a letter, with its date', async () => {
    const { tree } = await builtPage('/reports/2025-06-monitoring-visit-7/');
    const facts = text(select('.facts', tree)!);
    expect(facts).toContain('Letter dated 17 July 2025');
    expect(facts).toContain('Ofsted letter, © Crown copyright 2025');
  });

  it('gives the December 2019 letter both areas it says inspectors looked at', async () => {
    const { tree } = await builtPage('/reports/2019-12-focused-visit/');
    const areas = selectAll('.facts dd ul', tree).map(text);
    expect(areas.some((list) => list.includes('children subject to a child protection plan') && list.includes('Elements of contextual safeguarding, particularly those issues relating to peer-on-peer abuse.'))).toBe(true);
  });

  it('on /about/, says the record starts with the 2014 inspection, calls reports reports, and lists what is removed from the full texts', async () => {
    const { tree } = await builtPage('/about/');
    expect(text(select('.lead', tree)!)).toContain('from the inspection of April 2014 onwards');
    expect(text(select('.lead', tree)!)).not.toContain('from the 2018 inspection onwards');
    const listed = selectAll('li', tree).map(text);
    expect(listed.find((item) => item.startsWith('Inspection, April 2014'))).toContain('(the full report)');
    expect(listed.filter((item) => item.includes('(the full letter)')).length).toBeGreaterThan(0);
    for (const artefact of ['address block', 'page numbers', 'running headers and footers', 'back page', 'bullet characters', 'footnote marks', 'no-break spaces', 'soft hyphens']) {
      expect(listed.some((item) => item.includes(artefact)), artefact).toBe(true);
    }
  });
});
