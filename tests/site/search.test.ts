/**
 * Search in a real browser against the built site: paragraph-level results, filters, the
 * address, highlighting on arrival, the no-JavaScript fallback, and a build under a sub-path.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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

/** The result links, once the list shows the search the address describes. */
async function results(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const completed = document.querySelector<HTMLElement>('[data-search]')?.dataset.completed;
    return completed !== undefined && completed === window.location.search;
  });
  return page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

function paragraphOf(href: string): Finding | undefined {
  const [pathPart = '', anchor] = href.split('#');
  const slug = pathPart.split('/')[2];
  return findings.find((finding) => finding.report === slug && finding.anchor === anchor);
}

describe('search', () => {
  it('finds a phrase in exactly one paragraph and links straight to it', async () => {
    const unique = 'prayer mats';
    expect(findings.filter((finding) => finding.words.toLowerCase().includes(unique))).toHaveLength(1);
    const page = await browser.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      if (response.url().includes('/pagefind/')) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${server.url}search/`);
    await page.getByLabel('Words or a phrase to search for').fill(unique);
    const hrefs = await results(page);
    expect(hrefs[0]).toBe('/reports/2025-06-monitoring-visit-7/?highlight=prayer%20mats#p13');
    await expect.poll(() => page.locator('.search-result').first().locator('mark').count()).toBeGreaterThan(0);
    console.log(`search: bytes fetched from /pagefind/ for the first query: ${bytes}`);
    await page.close();
  });

  it('narrows results by theme, kind and year, with counts, and the filters combine', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${server.url}search/?q=children`);
    const all = await results(page);
    expect(all.length).toBeGreaterThan(5);
    const education = page.getByRole('checkbox', { name: /^Education \(\d+\)$/ });
    const label = await page.locator('label', { has: page.locator('.filter-count') }).filter({ hasText: /^Education/ }).textContent();
    await education.check();
    await expect.poll(() => page.url()).toContain('theme=Education');
    const filtered = await results(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    expect(label).toBe(`Education (${filtered.length})`);
    for (const href of filtered) expect(paragraphOf(href)?.themes.map((theme) => theme.label)).toContain('Education');

    await page.getByRole('checkbox', { name: /^2025 / }).check();
    await expect.poll(() => page.url()).toContain('year=2025');
    const both = await results(page);
    for (const href of both) {
      const finding = paragraphOf(href)!;
      expect(finding.year).toBe(2025);
      expect(finding.themes.map((theme) => theme.label)).toContain('Education');
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-filtered.png'), fullPage: true });
    await page.close();
  });

  it('opens /search/?q=caseloads with the query filled in and results shown, and labels summaries', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=caseloads`);
    expect(await page.getByLabel('Words or a phrase to search for').inputValue()).toBe('caseloads');
    const hrefs = await results(page);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(await page.locator('[data-status]').textContent()).toMatch(/^\d+ paragraphs? found for “caseloads”\.$/);
    const summaries = hrefs.filter((href) => paragraphOf(href)?.text === 'summary').length;
    expect(await page.locator('.search-result .summary-label').count()).toBe(summaries);
    await page.close();
  });

  it('takes a result to its paragraph, marked as the target, with the words highlighted', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=caseloads`);
    await results(page);
    const first = page.locator('.search-result h2 a').first();
    const href = (await first.getAttribute('href'))!;
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

  it('indexes words with the spaces they should have (no words glued across inline elements)', () => {
    const glued = findings.filter((finding) => /[a-z][.!?][A-Z]|[a-z]{2}[A-Z][a-z]/.test(finding.words));
    expect(glued.map((finding) => `${finding.path}: ${finding.words}`)).toEqual([]);
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
