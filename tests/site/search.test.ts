/**
 * Search in a real browser against the built site: report results with their matching
 * paragraphs, filters, the address, highlighting on arrival, the no-JavaScript fallback, and what
 * the index holds.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Finding } from '../../src/lib/findings.ts';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/site.ts';

const SCREENSHOTS = path.join(repoRoot, 'test-results');

let server: RunningServer;
let browser: Browser;
let findings: Finding[];

beforeAll(async () => {
  server = await serve({ dir: inject('distDir') });
  browser = await launchBrowser();
  findings = JSON.parse(await readFile(path.join(inject('distDir'), 'data/findings.json'), 'utf8')) as Finding[];
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until the list shows the search the address describes. */
async function completed(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const done = document.querySelector<HTMLElement>('[data-search]')?.dataset.completed;
    return done !== undefined && done === window.location.search;
  });
}

/** Clicks "Show more results" until every report found is listed. */
async function showAll(page: Page): Promise<void> {
  await completed(page);
  const more = page.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) {
    const before = await page.locator('.search-result').count();
    await more.click();
    await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(before);
  }
}

/** The report links of the results, in order. */
async function results(page: Page): Promise<string[]> {
  await completed(page);
  return page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** Each result's report link and its paragraph links: the ones shown, and the folded ones. */
async function resultParagraphs(page: Page): Promise<Array<{ report: string; shown: string[]; folded: string[] }>> {
  await completed(page);
  return page.locator('.search-result').evaluateAll((items) =>
    items.map((item) => {
      const hrefs = (selector: string) => [...item.querySelectorAll(selector)].map((link) => link.getAttribute('href') ?? '');
      return {
        report: item.querySelector('h2 a')?.getAttribute('href') ?? '',
        shown: hrefs(':scope > .paragraph-results .paragraph-result a'),
        folded: hrefs('.more-paragraphs .paragraph-result a'),
      };
    }),
  );
}

function paragraphOf(href: string): Finding | undefined {
  const [pathPart = '', anchor] = href.split('#');
  const slug = pathPart.split('/')[2];
  return findings.find((finding) => finding.report === slug && finding.anchor === anchor);
}

/**
 * The counts beside the filters are of the reports listed (for a search by a term's spelled-out
 * words, those the two searches found together): for each kind, year and theme, how many of them
 * have it.
 */
async function expectCountsOfReportsListed(page: Page, reports: readonly string[]): Promise<void> {
  const shownCounts = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => [
      `${box.name}=${box.value}`,
      Number(/\((\d+)\)/.exec(document.querySelector(`label[for="${box.id}"] .filter-count`)?.textContent ?? '')?.[1]),
    ]),
  );
  const facets = (report: string): string[] => {
    const paragraphs = findings.filter((finding) => finding.report === report);
    return [`kind=${paragraphs[0]!.kindLabel}`, `year=${paragraphs[0]!.year}`, ...new Set(paragraphs.flatMap((finding) => finding.themes.map((theme) => `theme=${theme.label}`)))];
  };
  const expectedCounts = new Map<string, number>();
  for (const report of reports) for (const facet of facets(report)) expectedCounts.set(facet, (expectedCounts.get(facet) ?? 0) + 1);
  const checked = shownCounts.filter(([facet]) => /^(kind|year|theme)=/.test(String(facet)));
  expect(checked.length).toBeGreaterThan(10);
  expect(Object.fromEntries(checked)).toEqual(Object.fromEntries(checked.map(([facet]) => [facet, expectedCounts.get(String(facet)) ?? 0])));
}

function reportOf(href: string): string {
  return href.split('/')[2] ?? '';
}

/** What Pagefind indexed: each fragment is gzip after a short signature, holding JSON. */
async function indexedPages(): Promise<Array<{ url: string; content: string }>> {
  const dir = path.join(inject('distDir'), 'pagefind/fragment');
  const files = (await readdir(dir)).sort();
  return Promise.all(
    files.map(async (name) => {
      const text = gunzipSync(await readFile(path.join(dir, name))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
    }),
  );
}

describe('search', () => {
  it('finds a phrase in exactly one paragraph and links straight to it', async () => {
    const unique = 'prayer mats';
    expect(findings.filter((finding) => finding.words.toLowerCase().includes(unique))).toHaveLength(1);
    const page = await browser.newPage();
    await page.goto(`${server.url}search/`);
    await page.getByLabel('Words or a phrase to search for').fill(unique);
    const found = await resultParagraphs(page);
    expect(found.map(({ report }) => report)).toEqual(['/reports/2025-06-monitoring-visit-7/?highlight=prayer%20mats']);
    // Other paragraphs may have one of the words; the one with both comes first.
    expect(found[0]?.shown[0]).toBe('/reports/2025-06-monitoring-visit-7/?highlight=prayer%20mats#p13');
    expect(await page.locator('[data-status]').textContent()).toBe('1 report found for “prayer mats”.');
    await expect.poll(() => page.locator('.paragraph-result').first().locator('mark').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Show more results' }).isVisible()).toBe(false);
    await page.close();
  });

  it('downloads no filter data on opening, then for a first query the data of five reports only, and prints its weight', async () => {
    const context = await browser.newContext();
    const requests: string[] = [];
    const bodies: Array<Promise<Buffer>> = [];
    context.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (!pathname.startsWith('/pagefind/')) return;
      requests.push(pathname);
      bodies.push(response.body().catch(() => Buffer.alloc(0)));
    });
    const page = await context.newPage();
    await page.goto(`${server.url}search/`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset.ready !== undefined);
    // Pagefind's script, entry, metadata and WebAssembly only: the filters came with the page.
    expect(requests.filter((request) => /\/(filter|fragment|index)\//.test(request))).toEqual([]);
    expect(await page.getByRole('checkbox').count()).toBeGreaterThan(10);

    await page.getByLabel('Words or a phrase to search for').fill('children');
    await completed(page);
    const total = Number((await page.locator('[data-status]').textContent())?.match(/^(\d+) reports found/)?.[1]);
    expect(total).toBeGreaterThan(5);
    const fragments = () => requests.filter((request) => request.startsWith('/pagefind/fragment/'));
    expect(fragments()).toHaveLength(5);
    expect(await page.locator('.search-result').count()).toBe(5);
    expect(requests.some((request) => request.startsWith('/pagefind/filter/'))).toBe(true);
    const received = await Promise.all(bodies);
    const raw = received.reduce((sum, body) => sum + body.length, 0);
    const gzipped = received.reduce((sum, body) => sum + Math.min(body.length, gzipSync(body).length), 0);
    console.log(`search: a first query for “children” fetched ${requests.length} files from /pagefind/: ${raw} bytes, ${gzipped} gzipped (${(gzipped / 1024).toFixed(1)} KB)`);

    // "Show more results" works from the keyboard, loads the next five, moves focus to the first
    // of them and says how many are listed.
    expect(await page.locator('[data-progress]').textContent()).toBe(`Showing 5 of ${total} reports.`);
    await page.getByRole('button', { name: 'Show more results' }).focus();
    await page.keyboard.press('Enter');
    const now = Math.min(10, total);
    await page.waitForFunction((count) => document.querySelector<HTMLElement>('[data-search]')?.dataset.shown === String(count), now);
    expect(await page.locator('.search-result').count()).toBe(now);
    expect(fragments()).toHaveLength(now);
    expect(new Set(fragments()).size).toBe(now);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe(await page.locator('.search-result h2 a').nth(5).getAttribute('href'));
    expect(await page.locator('[data-status]').textContent()).toBe(now === total ? `Showing all ${total} reports.` : `Showing ${now} of ${total} reports.`);
    await context.close();
  });

  it('has the starting counts in the page itself, equal to Pagefind’s', async () => {
    const html = await readFile(path.join(inject('distDir'), 'search/index.html'), 'utf8');
    const inHtml: Record<string, Record<string, number>> = { theme: {}, kind: {}, year: {} };
    for (const match of html.matchAll(/<input type="checkbox" id="[^"]+" name="(\w+)" value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="filter-count" data-starting-count="(\d+)">\((\d+)\)<\/span>/g)) {
      const [, name = '', value = '', starting, shown] = match;
      expect(shown).toBe(starting);
      inHtml[name]![value.replace(/&amp;/g, '&')] = Number(shown);
    }
    expect(Object.keys(inHtml.theme!).length).toBeGreaterThan(10);
    // Every report has a kind and a year: each group's counts add up to the number of reports.
    const reports = new Set(findings.map((finding) => finding.report)).size;
    expect(Object.values(inHtml.kind!).reduce((a, b) => a + b, 0)).toBe(reports);
    expect(Object.values(inHtml.year!).reduce((a, b) => a + b, 0)).toBe(reports);

    const page = await browser.newPage();
    await page.goto(`${server.url}search/`);
    // A string, so that Vitest does not rewrite the import() meant for the browser.
    const fromPagefind = (await page.evaluate(`import('/pagefind/pagefind.js').then(async (pagefind) => {
      await pagefind.options({ noWorker: true });
      return pagefind.filters();
    })`)) as Record<string, Record<string, number>>;
    expect(inHtml).toEqual({ theme: fromPagefind.theme, kind: fromPagefind.kind, year: fromPagefind.year });
    await page.close();
  });

  it('lists under each report the paragraphs that have the word, and finds every report that has it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=asylum`);
    await showAll(page);
    const found = await resultParagraphs(page);
    const expected = new Set(findings.filter((finding) => /\basylum/i.test(finding.words)).map((finding) => finding.report));
    expect(expected.size).toBeGreaterThan(1);
    expect(new Set(found.map(({ report }) => reportOf(report)))).toEqual(expected);
    const listed = found.flatMap(({ shown, folded }) => [...shown, ...folded]).filter((href) => paragraphOf(href) !== undefined);
    for (const href of listed) expect(paragraphOf(href)?.words).toMatch(/\basylum/i);
    // Every paragraph with the word is listed under its report.
    expect(listed.map((href) => paragraphOf(href)?.path).sort()).toEqual(
      findings.filter((finding) => /\basylum/i.test(finding.words)).map((finding) => finding.path).sort(),
    );
    await page.close();
  });

  it('finds a report by its words only, never by the names of the themes it is tagged with', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=caseloads`);
    await showAll(page);
    const found = await resultParagraphs(page);
    const withWord = new Set(findings.filter((finding) => /\bcaseloads?\b/i.test(finding.words)).map((finding) => finding.report));
    const tagged = new Set(findings.filter((finding) => finding.themes.some((theme) => /caseloads/i.test(theme.label))).map((finding) => finding.report));
    // The test means something only while some report is tagged with the theme but never says the word.
    expect([...tagged].some((report) => !withWord.has(report))).toBe(true);
    expect(new Set(found.map(({ report }) => reportOf(report)))).toEqual(withWord);
    for (const { report, shown, folded } of found) expect(shown.length + folded.length, report).toBeGreaterThan(0);
    await page.close();
  });

  it('narrows results by theme, kind and year, with counts of reports, and the filters combine', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${server.url}search/?q=children`);
    await showAll(page);
    const all = await results(page);
    expect(all.length).toBeGreaterThan(3);
    const education = page.getByRole('checkbox', { name: /^Education \(\d+\)$/ });
    const label = await page.locator('label', { has: page.locator('.filter-count') }).filter({ hasText: /^Education/ }).textContent();
    await education.check();
    await expect.poll(() => page.url()).toContain('theme=Education');
    await showAll(page);
    const filtered = await resultParagraphs(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    expect(label).toBe(`Education (${filtered.length})`);
    const onEducation = (href: string) => paragraphOf(href)?.themes.map((theme) => theme.label).includes('Education');
    for (const { report, shown, folded } of filtered) {
      // Every report kept has a paragraph on the theme; the paragraphs shown are on it, the rest fold away.
      expect(findings.some((finding) => finding.report === reportOf(report) && finding.themes.some((theme) => theme.label === 'Education'))).toBe(true);
      for (const href of shown) expect(onEducation(href)).toBe(true);
      for (const href of folded) expect(onEducation(href)).toBeFalsy();
    }
    expect(filtered.some(({ shown }) => shown.length > 0)).toBe(true);

    await page.getByRole('checkbox', { name: /^2025 / }).check();
    await expect.poll(() => page.url()).toContain('year=2025');
    await showAll(page);
    const both = await resultParagraphs(page);
    expect(both.length).toBeGreaterThan(0);
    for (const { report } of both) expect(findings.find((finding) => finding.report === reportOf(report))?.year).toBe(2025);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-filtered.png'), fullPage: true });
    await page.close();
  });

  it('with a theme and no words, lists every paragraph on the theme, newest report first', async () => {
    const theme = 'Life-story work and identity';
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?theme=${encodeURIComponent(theme)}`);
    await completed(page);
    const status = await page.locator('[data-status]').textContent();
    await showAll(page);
    const found = await resultParagraphs(page);
    const expected = findings.filter((finding) => finding.themes.some((t) => t.label === theme));
    expect(found.flatMap(({ shown }) => shown).map((href) => href.replace(/^\//, '')).sort()).toEqual(expected.map((finding) => finding.path).sort());
    const starts = found.map(({ report }) => findings.find((finding) => finding.report === reportOf(report))!.visitStart);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(status).toBe(`${found.length} ${found.length === 1 ? 'report' : 'reports'} found with the chosen filters.`);
    await page.close();
  });

  it('opens /search/?q=caseloads with the query filled in and results shown, and labels summaries', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=caseloads`);
    expect(await page.getByLabel('Words or a phrase to search for').inputValue()).toBe('caseloads');
    const hrefs = await results(page);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(await page.locator('[data-status]').textContent()).toMatch(/^\d+ reports? found for “caseloads”\.$/);
    const summaries = hrefs.filter((href) => findings.find((finding) => finding.report === reportOf(href))?.text === 'summary').length;
    expect(await page.locator('.search-result .summary-label').count()).toBe(summaries);
    await page.close();
  });

  it('takes a result to its paragraph, marked as the target, with the words highlighted', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=caseloads`);
    await completed(page);
    const first = page.locator('.paragraph-result a').first();
    const href = (await first.getAttribute('href'))!;
    // Any anchor id: paragraphs are p12, and may be s3 or p6-1.
    expect(href).toMatch(/#[\w-]+$/);
    await first.click();
    await page.waitForURL((url) => url.hash === `#${href.split('#')[1]}`);
    const target = await page.evaluate(() => {
      const element = document.querySelector(':target');
      return { id: element?.id, marks: element?.querySelectorAll('mark.search-term').length ?? 0 };
    });
    expect(target.id).toBe(href.split('#')[1]);
    expect(target.marks).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-arrival.png') });
    await page.close();
  });

  it('on a phone, shows the results first and folds the filters away until asked for', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${server.url}search/?q=asylum`);
    await results(page);
    expect(await page.getByRole('checkbox').first().isVisible()).toBe(false);
    const firstResult = await page.locator('.search-result').first().boundingBox();
    expect(firstResult!.y).toBeLessThan(740);
    await page.getByText('Filter by theme, type of report and year').click();
    expect(await page.getByRole('checkbox').first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-phone.png') });
    await page.close();
  });

  it('without JavaScript, says search needs it and links to the themes and the reports', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=caseloads`);
    const message = page.locator('.notice', { hasText: 'Search needs JavaScript' });
    expect(await message.isVisible()).toBe(true);
    expect(await message.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '/themes/',
      '/reports/',
    ]);
    await context.close();
  });

  it('is reachable from every page through the header search box', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}weaknesses/`);
    await page.getByRole('searchbox', { name: 'Search the reports' }).fill('life story');
    await page.getByRole('searchbox', { name: 'Search the reports' }).press('Enter');
    await page.waitForURL(/\/search\/\?q=life\+story/);
    expect((await results(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('finds the paragraphs that say MASH when searched for “multi-agency safeguarding hub”, which the index does not hold beside it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('multi-agency safeguarding hub')}`);
    await showAll(page);
    const found = await resultParagraphs(page);
    const listed = found.flatMap(({ shown, folded }) => [...shown, ...folded]).map((href) => href.replace(/\?[^#]*/, ''));
    expect(paragraphOf('/reports/2018-06-inspection/#p6')?.words).toMatch(/\bMASH\b/);
    expect(paragraphOf('/reports/2018-06-inspection/#p6')?.words).not.toMatch(/safeguarding hub/i);
    expect(listed).toContain('/reports/2018-06-inspection/#p6');
    // Every report that says MASH or spells it out is found (with any that have the three words
    // apart), each once, its paragraphs each once.
    const reports = found.map(({ report }) => reportOf(report));
    const expected = findings.filter((finding) => /\bMASH\b|multi-agency safeguarding hub/i.test(finding.words)).map((finding) => finding.report);
    for (const report of expected) expect(reports).toContain(report);
    expect(new Set(reports).size).toBe(reports.length);
    expect(new Set(listed).size).toBe(listed.length);
    // The link highlights the acronym on arrival too.
    expect(await page.locator('.search-result a[href*="2018-06-inspection"][href$="#p6"]').getAttribute('href')).toContain('highlight=multi-agency%20safeguarding%20hub%20MASH');
    await expectCountsOfReportsListed(page, reports);
    await page.close();
  });

  it('searches an acronym as a word, not a prefix, and counts beside the filters the reports that either search found', async () => {
    const page = await browser.newPage();
    // "personal advisor": the spelling some reports use; others say only "PA".
    await page.goto(`${server.url}search/?q=${encodeURIComponent('personal advisor')}`);
    await showAll(page);
    const reports = (await resultParagraphs(page)).map(({ report }) => reportOf(report));
    const says = (pattern: RegExp) => new Set(findings.filter((finding) => pattern.test(finding.words)).map((finding) => finding.report));
    const saysPa = says(/\bPAs?\b/);
    const spellsItOut = says(/personal advisor/i);
    // The acronym's search adds reports the words' search does not find...
    expect([...saysPa].filter((report) => !spellsItOut.has(report)).some((report) => reports.includes(report))).toBe(true);
    // ...and only those: "PA" is not a prefix of "paragraph", "part" or "parents".
    const wordsAnywhere = says(/\bpersonal\b/i);
    for (const report of reports) expect(saysPa.has(report) || wordsAnywhere.has(report), report).toBe(true);
    await expectCountsOfReportsListed(page, reports);
    await page.close();
  });

  it('lists, for a report both searches find, the paragraphs of both: those with the words and those with the acronym', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('personal adviser')}`);
    await showAll(page);
    const found = await resultParagraphs(page);
    const listed = new Set(found.flatMap(({ shown, folded }) => [...shown, ...folded]).map((href) => href.replace(/\?[^#]*/, '')));
    const pathOf = (finding: Finding) => `/reports/${finding.report}/#${finding.anchor}`;
    // Found by the words' search (Pagefind stems "personal" to "person" and matches "adviser" as a
    // prefix) but not by the acronym's.
    const wordsSearch = /\bperson|\badvi/i;
    const spelledOut = findings.filter((finding) => wordsSearch.test(finding.words) && !/\bPAs?\b/.test(finding.words));
    const acronymOnly = findings.filter((finding) => /\bPAs?\b/.test(finding.words) && !wordsSearch.test(finding.words));
    const both = [...new Set(spelledOut.map((finding) => finding.report))].filter((report) => acronymOnly.some((finding) => finding.report === report));
    expect(both.length).toBeGreaterThan(0);
    for (const report of both) {
      expect(spelledOut.filter((finding) => finding.report === report).some((finding) => listed.has(pathOf(finding))), report).toBe(true);
      expect(acronymOnly.filter((finding) => finding.report === report).some((finding) => listed.has(pathOf(finding))), report).toBe(true);
    }
    // No paragraph is listed for a word "PA" only begins ("paragraph", "partners").
    for (const path of listed) {
      const finding = findings.find((item) => pathOf(item) === path);
      if (finding && !wordsSearch.test(finding.words)) expect(finding.words, path).toMatch(/\bPAs?\b/);
    }
    await page.close();
  });

  it('indexes the report pages only, their letters\u2019 words without the site\u2019s controls, and no word glued to the next', async () => {
    const pages = await indexedPages();
    expect(pages.map((page) => page.url).sort()).toEqual([...new Set(findings.map((finding) => `/reports/${finding.report}/`))].sort());
    for (const { url, content } of pages) {
      expect(content, url).not.toMatch(/Link to paragraph|Copy citation|Themes:|Skip to main content/);
      expect(content.match(/[a-z][.!?][A-Z]|[a-z]{2}[A-Z][a-z]/g) ?? [], url).toEqual([]);
    }
    const letter = pages.find((page) => page.url === '/reports/2025-06-monitoring-visit-7/')!;
    for (const finding of findings.filter((f) => f.report === '2025-06-monitoring-visit-7')) expect(letter.content).toContain(finding.words);
    // The glossary's expansions beside the terms on the page (data-pagefind-ignore) are not indexed.
    for (const { url, content } of pages) expect(content, url).not.toMatch(/\((?:Local Safeguarding Children Board|multi-agency safeguarding hub|independent reviewing officer|public law outline)\)/);
  });

  it('does not index Ofsted’s printed paragraph numbers, which stay in the words on the page', async () => {
    const pages = await indexedPages();
    const numbered = findings.filter((finding) => /^\d+\. /.test(finding.words));
    expect(numbered.length).toBeGreaterThan(100);
    for (const finding of numbered) {
      const content = pages.find((page) => page.url === `/reports/${finding.report}/`)!.content;
      const [, number, rest = ''] = /^(\d+)\. (.*)$/s.exec(finding.words)!;
      const opening = rest.slice(0, 40);
      expect(content, finding.path).toContain(opening);
      expect(content, finding.path).not.toContain(`${number}. ${opening}`);
    }
  });

  it('a search for “section 47” lists no paragraph for its printed number 47 alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('section 47')}`);
    await showAll(page);
    const listed = (await resultParagraphs(page)).flatMap((result) => [...result.shown, ...result.folded]);
    expect(listed.length).toBeGreaterThan(0);
    for (const href of listed) {
      const finding = paragraphOf(href);
      if (!finding) continue;
      // The words after Ofsted's printed number ("47. ") are what was found.
      expect(finding.words.replace(/^\d+\. /, ''), href).toMatch(/section|47/i);
    }
    await page.close();
  });

  it('has no axe violations with results and filters shown', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=caseloads`);
    await results(page);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });
});
