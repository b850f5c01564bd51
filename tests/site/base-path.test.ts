/**
 * The site built under a sub-path (`BASE_PATH=/inspections/`), as a council hosting it at
 * /inspections/ would: pages, paragraph links and search all carry the base. It is also built
 * with small search tiers (SEARCH_TIER_PARAGRAPHS), so that the real record has the several
 * search indexes a large one has (src/lib/search/index-records.ts searchTiers), and small theme pages
 * (THEME_PAGE_PARAGRAPHS), so that its themes have the several pages a large record's have
 * (src/lib/record/theme-pages.ts), and showing the latest 10 visits (LATEST_VISITS), so that the matrix,
 * the home page's strips and the weakness pages leave out the real record's two earliest visits as
 * they leave out a long record's (src/lib/record/build-record.ts latestVisits, journeyOf); the quality gates
 * below cover those pages too.
 */
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { sitemapPages } from '../../scripts/checks/pages.ts';
import { checkSite, findingLine } from '../../scripts/checks/site.ts';
import { checkInBrowser } from '../../scripts/checks/browser.ts';
import { gateFailures, runGates } from '../helpers/quality.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { text } from '../helpers/site.ts';
import { buildSite, TEST_SITE_URL } from './global-setup.ts';

const BASE = '/inspections/';
/** Paragraphs in a search tier of this build: the real record's fourteen reports make three tiers. */
const TIER = 250;
/** Paragraphs on a theme page of this build: the real record's largest themes (87 paragraphs) take five pages. */
const THEME_PAGE = 20;
/** Visits shown in full by this build: the real record has twelve after 2018, so two are earlier. */
const SHOWN_VISITS = 10;
let outDir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'herefordshire-base-'));
  await buildSite(outDir, { BASE_PATH: BASE, SEARCH_TIER_PARAGRAPHS: String(TIER), THEME_PAGE_PARAGRAPHS: String(THEME_PAGE), LATEST_VISITS: String(SHOWN_VISITS) });
  server = await serve({ dir: outDir, base: BASE });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe(`a build under ${BASE}`, () => {
  it('links every page and paragraph under the base', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const hrefs = await page.locator('main a[href^="/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.filter((href) => !href.startsWith(BASE))).toEqual([]);
    await page.goto(`${server.url}weaknesses/`);
    await page.getByRole('row', { name: /Irregular supervision/ }).getByRole('link', { name: /Improved/ }).click();
    await page.waitForURL(`${server.url}reports/2025-06-monitoring-visit-7/#p12`);
    await page.close();
  });

  it('loads the search bundle from the base and returns result URLs that include it', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(`${server.url}search/?q=caseloads`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.completed === window.location.search);
    const paragraphs = await page.locator('[data-result] h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const href of paragraphs) expect(href).toMatch(/^\/inspections\/reports\/[a-z0-9-]+\/\?highlight=caseloads#[a-z0-9-]+$/);
    expect(failed).toEqual([]);
    await page.locator('[data-result] h2 a').first().click();
    await page.waitForURL(/\/inspections\/reports\//);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toMatch(/^(p|s)\d+/);
    // The statistical neighbours' index, merged in when asked: its results' addresses under the base too.
    await page.goto(`${server.url}search/?q=catterick&scope=neighbours`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.completed === window.location.search);
    const theirs = await page.locator('[data-result] h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(theirs.length).toBeGreaterThan(0);
    for (const href of theirs) expect(href).toMatch(/^\/inspections\/neighbours\/north-yorkshire\/[a-z0-9-]+\/\?highlight=catterick#[a-z0-9-]+$/);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('searches the newest reports’ tier first, and the older tiers when asked or, one by one, while a search has less than a page', async () => {
    const findings = JSON.parse(await readFile(path.join(outDir, 'data/findings.json'), 'utf8')) as Array<{ report: string; visitStart: string; words: string }>;
    const reports = [...new Set(findings.map((finding) => finding.report))].sort().reverse();
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}search/?q=children`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.completed === window.location.search);
    // Only the first tier's files: nothing from the older reports' index.
    expect(fetched.filter((pathname) => pathname.startsWith(`${BASE}pagefind-older-`))).toEqual([]);
    const scope = page.locator('[data-scope]');
    expect(await scope.isVisible()).toBe(true);
    const inFirst = Number(/newest (\d+) reports/.exec((await scope.textContent()) ?? '')?.[1]);
    expect(inFirst).toBeGreaterThan(0);
    expect(inFirst).toBeLessThan(reports.length);
    const newest = new Set(reports.slice(0, inFirst));
    const firstKeys = await page.locator('[data-result]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.result ?? ''));
    for (const key of firstKeys) expect(newest.has(key.split('#')[0]!), key).toBe(true);
    const firstCount = Number(/^([\d,]+) paragraphs/.exec((await page.locator('[data-status]').textContent()) ?? '')?.[1]?.replace(/,/g, ''));

    await page.getByRole('button', { name: `Search all ${reports.length} reports` }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search] [data-scope]')?.hidden === true);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.completed === window.location.search);
    expect(fetched.some((pathname) => pathname.startsWith(`${BASE}pagefind-older-`))).toBe(true);
    const allCount = Number(/^([\d,]+) paragraphs/.exec((await page.locator('[data-status]').textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    expect(allCount).toBe(findings.filter((finding) => /children/i.test(finding.words)).length);
    expect(allCount).toBeGreaterThan(firstCount);
    // Newest first across the tiers: the visits' dates never go up, from the newest tier to the 2014 report.
    await page.goto(`${server.url}search/?q=caseloads&sort=newest`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.completed === window.location.search);
    const searchAll = page.getByRole('button', { name: `Search all ${reports.length} reports` });
    if (await searchAll.isVisible()) {
      await searchAll.click();
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search] [data-scope]')?.hidden === true);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.completed === window.location.search);
    }
    const more = page.getByRole('button', { name: 'Show more results' });
    while (await more.isVisible()) {
      const before = await page.locator('[data-result]').count();
      await more.click();
      await page.waitForFunction((count) => document.querySelectorAll('[data-result]').length > count, before);
    }
    const byDate = await page.locator('[data-result]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.result ?? ''));
    const starts = byDate.map((key) => findings.find((finding) => `${finding.report}#` === key.replace(/#.*/, '#'))!.visitStart);
    expect(starts).toContain('2014-04-29');
    expect(starts).toEqual([...starts].sort().reverse());

    // A word only the oldest report has: found at once, from the older reports' index.
    const oldest = reports.at(-1)!;
    expect(newest.has(oldest)).toBe(false);
    const onlyOld = findings.find((finding) => finding.report === oldest && /\bCAFCASS\b/.test(finding.words));
    expect(onlyOld).toBeDefined();
    await page.goto(`${server.url}search/?q=CAFCASS`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.completed === window.location.search);
    const keys = await page.locator('[data-result]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.result ?? ''));
    expect(keys.some((key) => key.startsWith(`${oldest}#`))).toBe(true);
    await page.close();
  });

  it('gives a paragraph’s preview page the base: its canonical address, its refresh, and where it lands', async () => {
    const html = await readFile(path.join(outDir, 'r/2025-06-monitoring-visit-7/p12/index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${TEST_SITE_URL}inspections/reports/2025-06-monitoring-visit-7/#p12">`);
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/inspections/reports/2025-06-monitoring-visit-7/#p12">');
    expect(html).toContain(`<meta property="og:url" content="${TEST_SITE_URL}inspections/r/2025-06-monitoring-visit-7/p12/">`);
    const page = await browser.newPage();
    await page.goto(`${server.url}r/2025-06-monitoring-visit-7/p12/`);
    await page.waitForURL(`${server.url}reports/2025-06-monitoring-visit-7/#p12`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p12');
    await page.close();
  });

  it('keeps a briefing under the base: its paragraph files, permanent links and briefing link', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}briefing/?p=2025-06-monitoring-visit-7:p12`);
    await page.locator('.briefing-item-title').waitFor();
    expect(fetched).toContain(`${BASE}data/paragraphs/2025-06-monitoring-visit-7.json`);
    expect(await page.locator('.briefing-item-title a').getAttribute('href')).toMatch(/^https:\/\/[^/]+\/inspections\/reports\/2025-06-monitoring-visit-7\/#p12$/);
    expect(new URL(page.url()).pathname).toBe(`${BASE}briefing/`);
    await page.close();
  });

  it('links the site icon under the base, from pages and preview pages, and serves it there', async () => {
    for (const file of ['index.html', 'r/2025-06-monitoring-visit-7/p12/index.html']) {
      const html = await readFile(path.join(outDir, file), 'utf8');
      expect(html).toMatch(/<link rel="icon" href="\/inspections\/favicon\.ico" sizes="32x32" ?\/?>/);
      expect(html).toMatch(/<link rel="icon" href="\/inspections\/favicon\.svg" type="image\/svg\+xml" ?\/?>/);
    }
    for (const file of ['favicon.ico', 'favicon.svg']) expect((await fetch(`${server.url}${file}`)).status).toBe(200);
  });

  it('splits a theme into pages newest first, each linked Newer and Older, counted for the whole theme, with its own glossary links', async () => {
    const findings = JSON.parse(await readFile(path.join(outDir, 'data/findings.json'), 'utf8')) as Array<{ report: string; visitStart: string; path: string; themes: Array<{ id: string }> }>;
    // The theme's paragraphs as the pages must list them: newest report first, each report's in reading order.
    const tagged = findings.filter((finding) => finding.themes.some((theme) => theme.id === 'leadership'));
    const reports = [...new Set(tagged.map((finding) => finding.report))].sort((a, b) => {
      const start = (slug: string) => tagged.find((finding) => finding.report === slug)!.visitStart;
      return start(b).localeCompare(start(a));
    });
    const expected = reports.flatMap((slug) => tagged.filter((finding) => finding.report === slug).map((finding) => `${BASE}${finding.path}`));
    expect(expected.length).toBeGreaterThan(4 * THEME_PAGE);

    const pageOf = async (pagePath: string) => fromHtml(await readFile(path.join(outDir, pagePath.slice(BASE.length), 'index.html'), 'utf8'));
    const first = `${BASE}themes/leadership/`;
    const seen: string[] = [];
    const titles: string[] = [];
    let relinked = 0;
    const linkedBefore = new Set<string>();
    let previous: string | undefined;
    let pagePath: string | undefined = first;
    let count = 0;
    for (let number = 1; pagePath; number++) {
      const tree = await pageOf(pagePath);
      expect(pagePath).toBe(number === 1 ? first : `${first}${number}/`);
      // Herefordshire's paragraphs; the neighbours' follow on page 1 in their own section.
      const quotes = selectAll('main section.theme-report figure.quote figcaption a', tree).map((a) => String(a.properties.href));
      expect(quotes.length, pagePath).toBeGreaterThan(0);
      expect(quotes.length, pagePath).toBeLessThanOrEqual(THEME_PAGE);
      seen.push(...quotes);
      titles.push(text(select('title', tree)!));
      // The count is the whole theme's on every page, then where this page is in it.
      const line = text(select('main .theme-count', tree)!);
      expect(line, pagePath).toMatch(new RegExp(`^${expected.length} paragraphs in ${reports.length} reports, newest first\\. This is page ${number} of \\d+: paragraphs ${seen.length - quotes.length + 1} to ${seen.length}, [A-Z][a-z]+ \\d{4}( back to [A-Z][a-z]+ \\d{4})?\\.$`));
      count = Number(/of (\d+):/.exec(line)![1]);
      // Newer and Older, rel prev and next, and the page numbers with this one current.
      const nav = select('nav.pagination[aria-label="Pages of this theme"]', tree)!;
      expect(nav, pagePath).toBeTruthy();
      const newer = select('a[rel="prev"]', nav);
      const older = select('a[rel="next"]', nav);
      expect(newer?.properties.href).toBe(previous);
      if (newer) expect(text(newer)).toBe(`← Newer paragraphs, page ${number - 1}`);
      const current = selectAll('a[aria-current="page"]', nav);
      expect(current.map((a) => [a.properties.href, text(a)])).toEqual([[pagePath, `Page ${number}`]]);
      expect(selectAll('li a', nav).map((a) => text(a))).toContain('Page 1');
      // Each page links the first use of each glossary term on it, whatever earlier pages linked.
      const terms = selectAll('main a.term', tree).map((a: Element) => String(a.properties.href).split('#')[1]);
      expect(new Set(terms).size, pagePath).toBe(terms.length);
      relinked += terms.filter((term) => linkedBefore.has(term!)).length;
      for (const term of terms) linkedBefore.add(term!);
      previous = pagePath;
      pagePath = older ? String(older.properties.href) : undefined;
      if (older) expect(text(older)).toBe(`Older paragraphs, page ${number + 1} →`);
      else expect(number).toBe(count);
    }
    expect(count).toBeGreaterThanOrEqual(5);
    expect(seen).toEqual(expected);
    expect(relinked).toBeGreaterThan(0);
    expect(titles[0]).toBe('Theme: Leadership and governance – Herefordshire children’s services inspections');
    expect(titles[1]).toBe(`Theme: Leadership and governance, page 2 of ${count} – Herefordshire children’s services inspections`);
    // Page 1 has one address only, the theme's own.
    await expect(access(path.join(outDir, 'themes/leadership/1/index.html'))).rejects.toThrow();
    // The feed: the newest paragraphs, from the first pages on.
    const feed = await readFile(path.join(outDir, 'themes/leadership/feed.xml'), 'utf8');
    const entries = [...feed.matchAll(/<entry>.*?<link[^>]*href="([^"]+)"/gs)].map((match) => new URL(match[1]!).pathname + new URL(match[1]!).hash);
    expect(entries).toEqual(expected.slice(0, 100));
  });

  describe('showing the latest 10 of the 12 visits', () => {
    const page = async (sitePath: string) => fromHtml(await readFile(path.join(outDir, sitePath, 'index.html'), 'utf8'));

    it('shows the latest ten visits in the matrix, says so in the caption, and links to the earlier two', async () => {
      const tree = await page('weaknesses');
      const table = select('table.matrix', tree)!;
      expect(text(select('caption', table)!)).toMatch(/^How each weakness found in 2018 stood at the latest 10 of 12 later inspection and monitoring visits \(/);
      const columns = selectAll('thead th[scope="col"]', table).map(text);
      expect(columns).toHaveLength(11);
      expect(columns[1]).toBe('Focused visit July 2021');
      for (const row of selectAll('tbody tr', table)) expect(selectAll('td', row)).toHaveLength(10);
      for (const strip of selectAll('.matrix-narrow .strip', tree)) expect(selectAll('.strip-cell', strip)).toHaveLength(10);
      expect(text(select('p.lead', tree)!)).toContain('This table shows how each one stood at the latest 10 of 12 later visits,');
      const note = select('p.matrix-earlier', tree)!;
      expect(text(note)).toMatch(/^The 2 earlier visits, from Focused visit, January 2019 to Focused visit, December 2019, are not in the table\. Each weakness’s own page/);
      expect(selectAll('a', note).map((a) => a.properties.href)).toEqual([`${BASE}data/progress.csv`, `${BASE}reports/`]);
    });

    it('quotes a weakness’s latest ten visits and lists the earlier ones that examined it, with status and paragraph links', async () => {
      const tree = await page('weaknesses/supervision');
      expect(selectAll('.journey-step', tree)).toHaveLength(10);
      expect(selectAll('.strip-cell', tree)).toHaveLength(10);
      expect(text(select('.journey-step h3', tree)!)).toBe('Focused visit, July 2021');
      expect(selectAll('figure.quote figcaption a', tree).map((a) => String(a.properties.href)).filter((href) => href.startsWith(`${BASE}reports/2019-`))).toEqual([]);
      expect(select('a[href="#earlier-visits"]', tree)).toBeDefined();
      const earlier = select('section[aria-labelledby="earlier-visits"]', tree)!;
      expect(text(select('h2', earlier)!)).toBe('Earlier visits');
      expect(text(select('p', earlier)!)).toBe(
        'All 2 visits before Focused visit, July 2021 looked at this weakness: each is listed here, oldest first, with its status and the paragraphs that justify it.',
      );
      const items = selectAll('.earlier-visits li', earlier);
      expect(items.map(text)).toEqual([
        'Focused visit, January 2019: ◐ Some progress; paragraph 25, paragraph 10',
        'Focused visit, December 2019: ✕ Not improved; paragraph 3, paragraph 13, paragraph 5',
      ]);
      expect(selectAll('a', items[0]!).map((a) => a.properties.href)).toEqual([
        `${BASE}reports/2019-01-focused-visit/`,
        `${BASE}reports/2019-01-focused-visit/#p25`,
        `${BASE}reports/2019-01-focused-visit/#p10`,
      ]);
    });

    it('says so on a weakness that no earlier visit examined', async () => {
      const tree = await page('weaknesses/life-story-work');
      expect(selectAll('.journey-step', tree)).toHaveLength(10);
      const earlier = select('section[aria-labelledby="earlier-visits"]', tree)!;
      expect(text(select('p', earlier)!)).toBe('None of the 2 visits before Focused visit, July 2021 looked at this weakness.');
      expect(select('.earlier-visits', earlier)).toBeUndefined();
    });

    it('keeps the home page’s strips to the latest ten too', async () => {
      const tree = await page('');
      const strips = select('section[aria-labelledby="strips-heading"]', tree)!;
      expect(text(select('p', strips)!)).toContain('The latest 10 of 12 visits.');
      for (const strip of selectAll('.strip', strips)) expect(selectAll('.strip-cell', strip)).toHaveLength(10);
    });
  });

  it('passes npm run check-site’s checks at its address, judged under /inspections/', async () => {
    const report = await checkSite(server.url, { local: true });
    expect(report.url).toBe(server.url);
    expect(report.pagesChecked).toBeGreaterThan(50);
    expect(report.findings.map(findingLine)).toEqual([]);
  }, 300_000);

  it('passes the same quality gates as the site at the root', async () => {
    const pages = [...(await sitemapPages(outDir)), `${BASE}404.html`, `${BASE}r/2025-06-monitoring-visit-7/p12/`];
    expect(pages.every((page) => page.startsWith(BASE))).toBe(true);
    // Every page's rules, HTML and links under the base; in the browser (axe, CSP, requests), one
    // page of each family: what the base changes there is where scripts, styles and data load
    // from, the same for every page of a family, and quality.test.ts opens every page at the root.
    const browserPages = onePagePerFamily(pages);
    expect(browserPages.length).toBeGreaterThanOrEqual(10);
    const results = await runGates({ distDir: outDir, base: BASE, pages, browserPages, browser, origin: new URL(server.url).origin, phone: false });
    expect(gateFailures(results)).toEqual([]);
  }, 600_000); // ten minutes, as in quality.test.ts: on a loaded 2-core machine the gates have taken over five

  it('passes axe at phone width on a theme’s later page, which only a split theme has', async () => {
    // The gates above skip the phone pass here (the root build checks every page family at both
    // widths), but the root build's themes fit on one page, so a later page and its page links
    // are checked at phone width only here.
    const later = (await sitemapPages(outDir)).find((page) => /^\/inspections\/themes\/[a-z0-9-]+\/2\/$/.test(page));
    expect(later).toBeDefined();
    const facts = await checkInBrowser(browser, new URL(server.url).origin, later!, { phone: true });
    expect(facts.axe).toEqual([]);
  }, 120_000);
});

/**
 * The first page of each family: a family is the first folder and the depth, so the reports list
 * (reports/) and a report page (reports/<slug>/) are two, as are /themes/ and a theme page.
 */
function onePagePerFamily(pages: readonly string[]): string[] {
  const families = new Map<string, string>();
  for (const page of [...pages].sort()) {
    const segments = page.slice(BASE.length).split('/').filter(Boolean);
    const family = `${segments[0] ?? ''}/${segments.length}`;
    if (!families.has(family)) families.set(family, page);
  }
  return [...families.values()];
}
