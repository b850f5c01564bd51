/**
 * The briefing basket in a real browser: collect paragraphs from a report page and a theme page,
 * put them in order on /briefing/, export them in every form, and share the briefing as a link
 * that opens the same briefing in a fresh browser. Loading a briefing fetches only its reports.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import type { ReportParagraphsFile } from '../../src/lib/briefing.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/site.ts';
import { TEST_SITE_URL } from './global-setup.ts';

const SCREENSHOTS = path.join(repoRoot, 'test-results');
const VISIT = '2025-06-monitoring-visit-7';
const INSPECTION = '2025-11-inspection';

let server: RunningServer;
let browser: Browser;
let visitP12: ReportParagraphsFile['paragraphs'][number];
let inspectionP49: ReportParagraphsFile['paragraphs'][number];

async function paragraphOf(slug: string, anchor: string) {
  const file = JSON.parse(await readFile(path.join(inject('distDir'), 'data/paragraphs', `${slug}.json`), 'utf8')) as ReportParagraphsFile;
  const paragraph = file.paragraphs.find((candidate) => candidate.anchor === anchor);
  if (!paragraph) throw new Error(`${slug} has no ${anchor}`);
  return paragraph;
}

beforeAll(async () => {
  server = await serve({ dir: inject('distDir') });
  browser = await launchBrowser();
  visitP12 = await paragraphOf(VISIT, 'p12');
  inspectionP49 = await paragraphOf(INSPECTION, 'p49');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function clipboardContext(): Promise<BrowserContext> {
  return browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 900 } });
}

const headerCount = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Briefing/ }).textContent();
const statusOf = (page: Page, selector: string) => page.locator(selector).textContent();

/** The order in which two strings appear in a text. */
function inOrder(text: string, first: string, second: string): boolean {
  const a = text.indexOf(first);
  const b = text.indexOf(second);
  return a >= 0 && b > a;
}

describe('the paragraph files a briefing loads', () => {
  it('give every published anchor of every report, with the manifest’s fingerprint and a citation that links to it', async () => {
    const manifest = JSON.parse(await readFile(path.join(repoRoot, 'content/anchors.json'), 'utf8')) as Record<string, Record<string, string>>;
    const folder = path.join(inject('distDir'), 'data/paragraphs');
    const files = (await readdir(folder)).sort();
    expect(files).toEqual(Object.keys(manifest).map((slug) => `${slug}.json`).sort());
    for (const name of files) {
      const file = JSON.parse(await readFile(path.join(folder, name), 'utf8')) as ReportParagraphsFile;
      const anchors = manifest[file.report]!;
      expect(file.paragraphs.map((paragraph) => paragraph.anchor), name).toEqual(Object.keys(anchors));
      for (const paragraph of file.paragraphs) {
        expect(paragraph.fingerprint).toBe(anchors[paragraph.anchor]!.slice(0, 8));
        expect(paragraph.url).toBe(`${TEST_SITE_URL}reports/${file.report}/#${paragraph.anchor}`);
        expect(paragraph.citation.endsWith(`, ${paragraph.label}, ${paragraph.url}, text fingerprint ${paragraph.fingerprint}`)).toBe(true);
      }
    }
  });
});

describe('the briefing basket', () => {
  let link = '';

  it('collects, reorders, exports every form, and shares a link that opens the same briefing elsewhere', async () => {
    const context = await clipboardContext();
    const page = await context.newPage();

    // A paragraph from a report page, by keyboard.
    await page.goto(`${server.url}reports/${VISIT}/`);
    expect((await headerCount(page))?.replace(/\s+/g, ' ').trim()).toBe('Briefing (0)');
    const add = page.getByRole('button', { name: 'Add to briefing (paragraph 12)', exact: true });
    // The name says what pressing it will do; no aria-pressed as well, which would read "Remove from briefing, pressed".
    expect(await add.getAttribute('aria-pressed')).toBeNull();
    await add.focus();
    await page.keyboard.press('Enter');
    const pressed = page.getByRole('button', { name: 'Remove from briefing (paragraph 12)', exact: true });
    expect(await pressed.count()).toBe(1);
    await expect.poll(() => statusOf(page, '[data-briefing-announcer]')).toBe('Paragraph 12 added to your briefing (1 paragraph).');
    expect((await headerCount(page))?.replace(/\s+/g, ' ').trim()).toBe('Briefing (1)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'briefing-report-button.png') });

    // A paragraph of another report, from a theme page.
    await page.goto(`${server.url}themes/workforce/`);
    const quote = page.locator(`figure[data-briefing-report="${INSPECTION}"][data-briefing-anchor="p49"]`);
    await quote.getByRole('button', { name: /^Add to briefing \(paragraph 49 of / }).click();
    expect((await headerCount(page))?.replace(/\s+/g, ' ').trim()).toBe('Briefing (2)');

    // The briefing page fetches the two reports' files and nothing else of the record.
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/data/')) fetched.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}briefing/`);
    const titles = page.locator('.briefing-item-title');
    await expect.poll(() => titles.count()).toBe(2);
    expect(fetched.sort()).toEqual([`/data/paragraphs/${VISIT}.json`, `/data/paragraphs/${INSPECTION}.json`].sort());
    expect(await titles.nth(0).textContent()).toContain('paragraph 12');

    // Move the theme page's paragraph to the top: focus stays with it, and it is announced.
    await page.getByRole('button', { name: /^Move up \(.*paragraph 49\)$/ }).click();
    expect(await titles.nth(0).textContent()).toContain('paragraph 49');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Move down \(.*paragraph 49\)$/);
    await expect.poll(() => statusOf(page, '[data-briefing-status]')).toMatch(/paragraph 49 moved to position 1 of 2\.$/);

    // Rich text for Word or email: HTML with a plain-text alternative.
    await page.getByRole('button', { name: 'Copy for Word or email' }).click();
    await expect.poll(() => statusOf(page, '[data-briefing-status]')).toContain('copied, ready to paste');
    const rich = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { html: await (await item!.getType('text/html')).text(), plain: await (await item!.getType('text/plain')).text(), types: item!.types };
    });
    expect(rich.html).toContain('<blockquote>');
    for (const form of [rich.html, rich.plain]) {
      expect(inOrder(form, inspectionP49.words.slice(0, 60), visitP12.words.slice(0, 60))).toBe(true);
      expect(inOrder(form, inspectionP49.url, visitP12.url)).toBe(true);
      expect(form).toContain(`text fingerprint ${visitP12.fingerprint}`);
      expect(form).toContain('Open Government Licence');
    }
    expect(rich.html).toContain(`<a href="${visitP12.url}">`);
    expect(rich.plain).toContain(visitP12.citation);

    // Plain text.
    await page.getByRole('button', { name: 'Copy as plain text' }).click();
    await expect.poll(() => statusOf(page, '[data-briefing-status]')).toContain('copied as plain text');
    const plain = await page.evaluate(() => navigator.clipboard.readText());
    expect(inOrder(plain, `“${inspectionP49.words}”\n${inspectionP49.citation}`, `“${visitP12.words}”\n${visitP12.citation}`)).toBe(true);

    // Markdown, downloaded as a file named after the day.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^briefing-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^# Briefing/);
    expect(inOrder(markdown, `<${inspectionP49.url}>`, `<${visitP12.url}>`)).toBe(true);
    expect(markdown).toContain(`> ${visitP12.words.slice(0, 40)}`);

    // The briefing link.
    await page.getByRole('button', { name: 'Copy briefing link' }).click();
    await expect.poll(() => statusOf(page, '[data-briefing-status]')).toContain('Link to this briefing');
    link = await page.evaluate(() => navigator.clipboard.readText());
    // At the site's public address (SITE_URL), like the citations, wherever the page was opened.
    expect(link).toBe(`${TEST_SITE_URL}briefing/?p=${INSPECTION}:p49,${VISIT}:p12`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'briefing-desktop.png'), fullPage: true });
    await context.close();

    // Opened in a fresh browser (empty storage): the same briefing, in the same order, now kept there.
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    // The same address on the test server, which stands in for the public host.
    await other.goto(link.replace(TEST_SITE_URL, server.url));
    const otherTitles = other.locator('.briefing-item-title');
    await expect.poll(() => otherTitles.count()).toBe(2);
    expect(await otherTitles.allTextContents()).toEqual([expect.stringContaining('paragraph 49'), expect.stringContaining('paragraph 12')]);
    expect(await other.locator('[data-briefing-notices]').textContent()).toContain('opened from a link');
    expect(new URL(other.url()).search).toBe('');
    expect((await headerCount(other))?.replace(/\s+/g, ' ').trim()).toBe('Briefing (2)');
    await other.reload();
    await expect.poll(() => otherTitles.count()).toBe(2);
    await fresh.close();
  });

  it('offers each paragraph of a search result for the briefing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=supervision`);
    const first = page.locator('[data-result]').first();
    await first.getByRole('button', { name: /^Add to briefing \(paragraph \d+ of / }).click();
    expect(await first.getByRole('button', { name: /^Remove from briefing \(paragraph \d+ of / }).count()).toBe(1);
    const stored = await page.evaluate(() => Object.entries(localStorage).map(([key, value]) => [key, JSON.parse(value) as string[]]));
    expect(stored).toEqual([['herefordshire-inspections:briefing:/', [expect.stringMatching(/^[a-z0-9-]+:p\d+$/)]]]);
    await context.close();
  });

  it('lists the entries of a link that name no published paragraph, and keeps the rest', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}briefing/?p=no-such-report:p1,${VISIT}:p999,${VISIT}:p12,rubbish`);
    await expect.poll(() => page.locator('.briefing-item-title').count()).toBe(1);
    const notices = (await page.locator('[data-briefing-notices]').textContent()) ?? '';
    expect(notices).toContain('3 paragraphs could not be found');
    expect(notices).toContain('no-such-report:p1: there is no report called “no-such-report”');
    expect(notices).toContain(`${VISIT}:p999: Monitoring visit 7`);
    expect(notices).toContain('rubbish: not a paragraph reference');
    await context.close();
  });

  it('prints one finding after another with its citation, without the controls', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}briefing/?p=${VISIT}:p12`);
    await expect.poll(() => page.locator('.briefing-item-title').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      ['.site-header', '.briefing-actions', '.briefing-item-actions', '.briefing-citation', '.briefing-item blockquote'].map(
        (selector) => getComputedStyle(document.querySelector(selector)!).display,
      ),
    );
    expect(shown).toEqual(['none', 'none', 'none', 'block', 'block']);
    await context.close();
  });

  it('without JavaScript, shows no buttons and says what the page needs', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}briefing/`);
    expect(await page.locator('main').textContent()).toContain('needs JavaScript');
    expect(await page.getByRole('button').count()).toBe(1); // the header's Search button
    await page.goto(`${server.url}reports/${VISIT}/`);
    expect(await page.getByRole('button', { name: /briefing/ }).count()).toBe(0);
    await context.close();
  });
});
