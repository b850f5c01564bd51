/**
 * The site built under a sub-path (`BASE_PATH=/inspections/`), as a council hosting it at
 * /inspections/ would: pages, paragraph links and search all carry the base.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { sitemapPages } from '../../scripts/checks/pages.ts';
import { gateFailures, runGates } from '../helpers/quality.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from './global-setup.ts';

const BASE = '/inspections/';
let outDir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'herefordshire-base-'));
  await buildSite(outDir, { BASE_PATH: BASE });
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
    const reports = await page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(reports.length).toBeGreaterThan(0);
    for (const href of reports) expect(href).toMatch(/^\/inspections\/reports\/[a-z0-9-]+\/\?highlight=caseloads$/);
    const paragraphs = await page.locator('.paragraph-result a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const href of paragraphs) expect(href).toMatch(/^\/inspections\/reports\/[a-z0-9-]+\/\?highlight=caseloads(#[a-z0-9-]+)?$/);
    expect(failed).toEqual([]);
    await page.locator('.paragraph-result a').first().click();
    await page.waitForURL(/\/inspections\/reports\//);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toMatch(/^p\d+$/);
    await page.close();
  });

  it('gives a paragraph’s preview page the base: its canonical address, its refresh, and where it lands', async () => {
    const html = await readFile(path.join(outDir, 'r/2025-06-monitoring-visit-7/p12/index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="https://herefordshire-inspections.example/inspections/reports/2025-06-monitoring-visit-7/#p12">');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/inspections/reports/2025-06-monitoring-visit-7/#p12">');
    expect(html).toContain('<meta property="og:url" content="https://herefordshire-inspections.example/inspections/r/2025-06-monitoring-visit-7/p12/">');
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

  it('passes the same quality gates as the site at the root', async () => {
    const pages = [...(await sitemapPages(outDir)), `${BASE}404.html`, `${BASE}r/2025-06-monitoring-visit-7/p12/`];
    expect(pages.every((page) => page.startsWith(BASE))).toBe(true);
    const results = await runGates({ distDir: outDir, base: BASE, pages, browser, origin: new URL(server.url).origin, phone: false });
    expect(gateFailures(results)).toEqual([]);
  }, 600_000); // ten minutes, as in quality.test.ts: on a loaded 2-core machine the gates have taken over five
});
