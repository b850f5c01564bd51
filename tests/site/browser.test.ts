/**
 * The report page in a real browser: follow a paragraph link, and open a paragraph's permanent
 * URL directly; the paragraph must be the target, in view, and visibly marked.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AnchorManifest } from '../../src/lib/record/anchor-manifest.ts';
import { repoRoot } from '../helpers/site.ts';
import { TEST_SITE_URL } from './global-setup.ts';
import { SCREENSHOTS, servedSite } from '../helpers/served-site.ts';

const REPORT = 'reports/2025-06-monitoring-visit-7/';

const site = servedSite();

async function targetState(page: Page) {
  return page.evaluate(() => {
    const target = document.querySelector(':target');
    if (!target) return undefined;
    const box = target.getBoundingClientRect();
    return {
      id: target.id,
      inView: box.top >= 0 && box.top < window.innerHeight,
      background: getComputedStyle(target).backgroundColor,
    };
  });
}

describe('paragraph links in the browser', () => {
  it('opening #p12 shows paragraph 12, marked as the target', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}${REPORT}#p12`);
    const state = await targetState(page);
    expect(state).toEqual({ id: 'p12', inView: true, background: 'rgb(255, 247, 191)' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-p12-desktop.png') });
    await page.close();
  });

  it('a paragraph’s link control is reachable by keyboard and makes that paragraph the target', async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${site.url}${REPORT}`);
    const link = page.getByRole('link', { name: 'Link to paragraph 7', exact: true });
    await link.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Link to paragraph 7');
    // The number shown is generated content.
    expect(await link.evaluate((a) => getComputedStyle(a, '::before').content)).toBe('"7" / ""');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#p7$/);
    const state = await targetState(page);
    expect(state?.id).toBe('p7');
    expect(state?.inView).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-p7-phone.png') });
    await page.close();
  });
});

describe('the matrix in the browser', () => {
  it('on a desktop, shows the table; selecting a cell lands on the paragraph that justifies it', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}weaknesses/`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'matrix-desktop.png'), fullPage: true });
    const table = page.getByRole('table');
    expect(await table.isVisible()).toBe(true);
    const row = table.getByRole('row', { name: /Irregular supervision of variable quality/ });
    await row.getByRole('link', { name: /Improved/ }).click();
    await page.waitForURL(/\/reports\/2025-06-monitoring-visit-7\/#p12$/);
    expect((await targetState(page))?.id).toBe('p12');
    await page.close();
  });

  it('on a phone, shows a list with no sideways scrolling; selecting a status lands on the paragraph', async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${site.url}weaknesses/`);
    expect(await page.getByRole('table').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const section = page.locator('.matrix-weakness', { hasText: 'Staff disconnected from senior managers' });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'matrix-phone.png') });
    // The first strength on that row is visit 7's (the 2025 inspection's follows it).
    await section.getByRole('link', { name: /Strength/ }).first().click();
    await page.waitForURL(/#p21$/);
    const state = await targetState(page);
    expect(state?.id).toBe('p21');
    expect(state?.inView).toBe(true);
    await page.close();
  });
});


describe('citing a paragraph', () => {
  it('copies the preview link and a ready citation with its fingerprint, by keyboard, and announces it', async () => {
    const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${site.url}${REPORT}?highlight=supervision#p12`);
    const copyCitation = page.getByRole('button', { name: 'Copy citation for paragraph 12' });
    await copyCitation.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Citation for paragraph 12 copied.');
    // At the site's public address (SITE_URL), as in the exports' citations, not the address the page was opened at.
    const permanent = `${TEST_SITE_URL}${REPORT}#p12`;
    // The citation carries the paragraph's text fingerprint (src/lib/record/fingerprint.ts): the first 8
    // digits of the anchor manifest's hash of its words.
    const manifest = JSON.parse(await readFile(path.join(repoRoot, 'content/anchors.json'), 'utf8')) as AnchorManifest;
    const fingerprint = manifest['2025-06-monitoring-visit-7']!.p12!.slice(0, 8);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `Ofsted, Monitoring visit to Herefordshire children’s services, letter of 17 July 2025, paragraph 12, ${permanent}, text fingerprint ${fingerprint}`,
    );
    // The link copied is the paragraph's preview page, which chat and email previews can show.
    await page.getByRole('button', { name: 'Copy link to paragraph 12' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Link to paragraph 12 copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${TEST_SITE_URL}r/2025-06-monitoring-visit-7/p12/`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-cite.png') });
    await context.close();
  });

  it('without JavaScript, keeps the paragraph number as a plain permanent link', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${REPORT}`);
    expect(await page.getByRole('button', { name: /Copy/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Link to paragraph 12', exact: true }).getAttribute('href')).toBe('#p12');
    await context.close();
  });
});

describe('printing', () => {
  it('drops navigation and controls and prints the address of every cited paragraph', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}weaknesses/supervision/`);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.site-header', '.breadcrumbs', '.footer-links'].map((selector) => getComputedStyle(document.querySelector(selector)!).display),
    );
    expect(hidden).toEqual(['none', 'none', 'none']);
    const printedUrl = await page.evaluate(() => getComputedStyle(document.querySelector('.quote figcaption a')!, '::after').content);
    expect(printedUrl).toContain('/reports/2018-06-inspection/#p17');
    await page.close();
  });
});

describe('the 404 page', () => {
  it('is served for an unknown address, with a search box and a link to the reports', async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(`${site.url}reports/no-such-report/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.getByRole('searchbox', { name: 'Search the reports' }).count()).toBe(2);
    expect(await page.getByRole('link', { name: 'all reports, newest first' }).getAttribute('href')).toBe('/reports/');
    await page.close();
  });
});
