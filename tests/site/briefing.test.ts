/**
 * The briefing basket in a real browser: collect paragraphs from a report page and a theme page,
 * put them in order on /briefing/, export them in every form, and share the briefing as a link
 * that opens the same briefing in a fresh browser. Loading a briefing fetches only its reports.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AXE_TAGS, DESKTOP, PHONE } from '../../scripts/checks/browser.ts';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import type { ReportParagraphsFile } from '../../src/lib/briefing/basket.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/site.ts';
import { isNeighbourPage } from '../../src/lib/record/anchor-manifest.ts';
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
/** A shared machine can be slow: loads and status messages are waited for, never timed. */
const SLOW = { timeout: 15_000 };
const BRIEFING_KEY = 'herefordshire-inspections:briefing:/';
/** The reader's own briefing as this browser stores it; null when it has none. */
const stored = (page: Page) =>
  page.evaluate((key) => {
    const value = localStorage.getItem(key);
    return value === null ? null : (JSON.parse(value) as string[]);
  }, BRIEFING_KEY);

/** Checks the page with axe at the desktop and the phone width, with a screenshot at each (briefing-<name>-<width>.png), and leaves it at the desktop width. */
async function accessibleAtBothWidths(page: Page, name: string): Promise<void> {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(violations.map((violation) => `${violation.id} at ${viewport.width} px`)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, `briefing-${name}-${viewport.width}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

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
    // Herefordshire's reports: a briefing quotes only them, not the statistical neighbours'.
    expect(files).toEqual(Object.keys(manifest).filter((slug) => !isNeighbourPage(slug)).map((slug) => `${slug}.json`).sort());
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
    await expect.poll(() => statusOf(page, '[data-briefing-announcer]'), SLOW).toBe('Paragraph 12 added to your briefing (1 paragraph).');
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
    await expect.poll(() => titles.count(), SLOW).toBe(2);
    expect(fetched.sort()).toEqual([`/data/paragraphs/${VISIT}.json`, `/data/paragraphs/${INSPECTION}.json`].sort());
    expect(await titles.nth(0).textContent()).toContain('paragraph 12');

    // Move the theme page's paragraph to the top: focus stays with it, and it is announced.
    await page.getByRole('button', { name: /^Move up \(.*paragraph 49\)$/ }).click();
    expect(await titles.nth(0).textContent()).toContain('paragraph 49');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Move down \(.*paragraph 49\)$/);
    await expect.poll(() => statusOf(page, '[data-briefing-status]'), SLOW).toMatch(/paragraph 49 moved to position 1 of 2\.$/);

    // Rich text for Word or email: HTML with a plain-text alternative.
    await page.getByRole('button', { name: 'Copy for Word or email' }).click();
    await expect.poll(() => statusOf(page, '[data-briefing-status]'), SLOW).toContain('copied, ready to paste');
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
    await expect.poll(() => statusOf(page, '[data-briefing-status]'), SLOW).toContain('copied as plain text');
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
    await expect.poll(() => statusOf(page, '[data-briefing-status]'), SLOW).toContain('Link to this briefing');
    link = await page.evaluate(() => navigator.clipboard.readText());
    // At the site's public address (SITE_URL), like the citations, wherever the page was opened.
    expect(link).toBe(`${TEST_SITE_URL}briefing/?p=${INSPECTION}:p49,${VISIT}:p12`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'briefing-desktop.png'), fullPage: true });
    await context.close();

    // Opened in a fresh browser (empty storage): the same briefing, in the same order, shown as a
    // shared one and kept only when the reader adds it to theirs.
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    // The same address on the test server, which stands in for the public host.
    await other.goto(link.replace(TEST_SITE_URL, server.url));
    const otherTitles = other.locator('.briefing-item-title');
    await expect.poll(() => otherTitles.count(), SLOW).toBe(2);
    expect(await otherTitles.allTextContents()).toEqual([expect.stringContaining('paragraph 49'), expect.stringContaining('paragraph 12')]);
    expect(await other.getByRole('heading', { level: 1 }).innerText()).toBe('A briefing shared with you: 2 paragraphs');
    expect(await stored(other)).toBeNull();
    expect((await headerCount(other))?.replace(/\s+/g, ' ').trim()).toBe('Briefing (0)');
    await other.getByRole('button', { name: 'Add these to my briefing' }).click();
    expect(await stored(other)).toEqual([`${INSPECTION}:p49`, `${VISIT}:p12`]);
    expect((await headerCount(other))?.replace(/\s+/g, ' ').trim()).toBe('Briefing (2)');
    await other.goto(`${server.url}briefing/`);
    await expect.poll(() => otherTitles.count(), SLOW).toBe(2);
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
    await expect.poll(() => page.locator('.briefing-item-title').count(), SLOW).toBe(1);
    const notices = (await page.locator('[data-briefing-notices]').textContent()) ?? '';
    expect(notices).toContain('Not found, so left out of this briefing: 3 paragraphs.');
    expect(notices).toContain('no-such-report:p1: there is no report called “no-such-report”');
    expect(notices).toContain(`${VISIT}:p999: Monitoring visit 7`);
    expect(notices).toContain('rubbish: not a paragraph reference');
    await context.close();
  });

  it('prints one finding after another with its citation, without the controls', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A shared briefing: no choices printed.
    await page.goto(`${server.url}briefing/?p=${VISIT}:p12`);
    await expect.poll(() => page.locator('.briefing-item-title').count(), SLOW).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const displays = (selectors: string[]) => page.evaluate((list) => list.map((selector) => getComputedStyle(document.querySelector(selector)!).display), selectors);
    expect(await displays(['.site-header', '.briefing-actions', '.briefing-yours', '.briefing-citation', '.briefing-item blockquote'])).toEqual(['none', 'none', 'none', 'block', 'block']);
    // The reader's own: no Move and Remove printed.
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Add these to my briefing' }).click();
    await page.goto(`${server.url}briefing/`);
    await expect.poll(() => page.locator('.briefing-item-title').count(), SLOW).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await displays(['.site-header', '.briefing-actions', '.briefing-item-actions', '.briefing-citation', '.briefing-item blockquote'])).toEqual(['none', 'none', 'none', 'block', 'block']);
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

describe('a briefing shared with a reader who has their own', () => {
  /** The reader's own briefing, and a shared one of three other paragraphs. */
  const OWN = [`${VISIT}:p12`, `${INSPECTION}:p49`];
  const SHARED = [`${VISIT}:p1`, `${VISIT}:p2`, `${INSPECTION}:p1`];
  const shareLink = (ids: readonly string[]) => `${server.url}briefing/?p=${ids.join(',')}`;
  const shownIds = (page: Page) => page.locator('.briefing-item').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id));
  const count = async (page: Page) => (await headerCount(page))?.replace(/\s+/g, ' ').trim();
  const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim());
  const yours = (page: Page) => page.getByRole('region', { name: 'Your own briefing' });

  /** A browser whose reader has collected `own` (none when empty), at the page that opens `ids`. */
  async function reader(own: readonly string[], ids: readonly string[], viewport: { width: number; height: number } = DESKTOP) {
    const context = await browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    if (own.length > 0) {
      await page.goto(`${server.url}about/`);
      await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [BRIEFING_KEY, JSON.stringify(own)]);
    }
    await page.goto(shareLink(ids));
    await expect.poll(() => page.locator('.briefing-item').count(), SLOW).toBe(ids.length);
    return { context, page };
  }

  it('shows the shared paragraphs as themselves, says the reader’s own exist, and stores nothing', async () => {
    const { context, page } = await reader(OWN, SHARED);
    expect(await shownIds(page)).toEqual(SHARED);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('A briefing shared with you: 3 paragraphs');
    expect(await page.title()).toMatch(/^A briefing shared with you: 3 paragraphs/);
    expect((await yours(page).innerText()).replace(/\s+/g, ' ')).toContain('your own briefing of 2 paragraphs');
    expect(await yours(page).innerText()).not.toContain('You have no briefing');
    const view = yours(page).getByRole('link', { name: 'View your briefing' });
    expect(new URL((await view.getAttribute('href'))!, page.url()).href).toBe(`${server.url}briefing/`);
    expect(await yours(page).getByRole('button', { name: 'Add these to my briefing' }).isVisible()).toBe(true);
    expect(await yours(page).getByRole('button', { name: 'Replace my briefing', exact: true }).isVisible()).toBe(true);
    // Read-only: no Move, Remove or Clear all; the exports are there.
    expect(await page.getByRole('button', { name: /^(Move up|Move down|Remove|Clear all)\b/ }).count()).toBe(0);
    expect(await stored(page)).toEqual(OWN);
    expect(await count(page)).toBe('Briefing (2)');

    // Its exports are the shared briefing's.
    const first = await paragraphOf(VISIT, 'p1');
    const last = await paragraphOf(INSPECTION, 'p1');
    await page.getByRole('button', { name: 'Copy as plain text' }).click();
    await expect.poll(() => statusOf(page, '[data-briefing-status]'), SLOW).toContain('copied as plain text');
    const plain = await page.evaluate(() => navigator.clipboard.readText());
    expect(inOrder(plain, first.citation, last.citation)).toBe(true);
    expect(plain).not.toContain(visitP12.citation);

    // The page is accessible at both widths; these are the screenshots to look at.
    await accessibleAtBothWidths(page, 'shared');

    // Reloading, going to the reader's own briefing and coming back keep the own briefing as it was.
    await page.reload();
    await expect.poll(() => shownIds(page), SLOW).toEqual(SHARED);
    expect(await stored(page)).toEqual(OWN);
    await view.click();
    await page.waitForURL(`${server.url}briefing/`);
    await expect.poll(() => shownIds(page), SLOW).toEqual(OWN);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your briefing');
    expect(await page.getByRole('button', { name: /^Remove \(/ }).count()).toBe(2);
    await page.goBack();
    await expect.poll(() => shownIds(page), SLOW).toEqual(SHARED);
    expect(await stored(page)).toEqual(OWN);
    await context.close();
  });

  it('“Add these to my briefing” appends the shared paragraphs not already in it, in order, and says so', async () => {
    const { context, page } = await reader(OWN, SHARED);
    await page.getByRole('button', { name: 'Add these to my briefing' }).click();
    expect(await stored(page)).toEqual([...OWN, ...SHARED]);
    const message = '3 paragraphs added to your briefing. It now has 5 paragraphs.';
    await expect.poll(() => statusOf(page, '[data-briefing-status]'), SLOW).toBe(message);
    expect(await focused(page)).toContain(message);
    expect(await count(page)).toBe('Briefing (5)');
    expect((await yours(page).innerText()).replace(/\s+/g, ' ')).toContain('your own briefing of 5 paragraphs');
    // Again: nothing to add, no duplicate.
    await page.getByRole('button', { name: 'Add these to my briefing' }).click();
    expect(await stored(page)).toEqual([...OWN, ...SHARED]);
    await expect.poll(() => statusOf(page, '[data-briefing-status]'), SLOW).toBe('These paragraphs are all in your briefing already. It still has 5 paragraphs.');
    await context.close();

    // A shared briefing that overlaps the reader's own: only the new ones are added.
    const overlap = [`${VISIT}:p1`, OWN[0]!, `${INSPECTION}:p1`];
    const second = await reader(OWN, overlap);
    await second.page.getByRole('button', { name: 'Add these to my briefing' }).click();
    expect(await stored(second.page)).toEqual([...OWN, `${VISIT}:p1`, `${INSPECTION}:p1`]);
    await expect
      .poll(() => statusOf(second.page, '[data-briefing-status]'), SLOW)
      .toBe('2 paragraphs added to your briefing (1 paragraph in it already). It now has 4 paragraphs.');
    await second.context.close();
  });

  it('“Replace my briefing” asks first, replaces only when confirmed, and keeps the result', async () => {
    const { context, page } = await reader(OWN, SHARED);
    const replace = page.getByRole('button', { name: 'Replace my briefing', exact: true });
    await replace.click();
    const question = page.getByRole('heading', { name: 'Replace your briefing?' });
    expect(await question.isVisible()).toBe(true);
    expect(await focused(page)).toBe('Replace your briefing?');
    expect((await page.locator('[data-briefing-confirm]').innerText()).replace(/\s+/g, ' ')).toContain('your briefing of 2 paragraphs');
    expect(await stored(page)).toEqual(OWN);
    await accessibleAtBothWidths(page, 'replace');

    // Cancel: nothing changes, and focus goes back to the button.
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await question.isVisible()).toBe(false);
    expect(await focused(page)).toBe('Replace my briefing');
    await expect.poll(() => statusOf(page, '[data-briefing-status]'), SLOW).toBe('Your briefing has not changed.');
    expect(await stored(page)).toEqual(OWN);

    // Confirmed: the reader's briefing is the shared one.
    await replace.click();
    await page.getByRole('button', { name: 'Yes, replace my briefing' }).click();
    expect(await stored(page)).toEqual(SHARED);
    const message = 'Your briefing now has the 3 paragraphs shared with you, in place of the 2 paragraphs it had.';
    await expect.poll(() => statusOf(page, '[data-briefing-status]'), SLOW).toBe(message);
    expect(await focused(page)).toContain(message);
    expect(await question.isVisible()).toBe(false);
    expect(await count(page)).toBe('Briefing (3)');
    await page.goto(`${server.url}briefing/`);
    await expect.poll(() => shownIds(page), SLOW).toEqual(SHARED);
    await context.close();
  });

  it('a reader with no briefing of their own is told that adding is how to keep it', async () => {
    const { context, page } = await reader([], SHARED);
    expect(await stored(page)).toBeNull();
    expect((await yours(page).innerText()).replace(/\s+/g, ' ')).toContain('You have no briefing of your own in this browser');
    expect(await yours(page).innerText()).not.toContain('You also have');
    expect(await page.getByRole('button', { name: 'Replace my briefing', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Add these to my briefing' }).click();
    expect(await stored(page)).toEqual(SHARED);
    await expect.poll(() => statusOf(page, '[data-briefing-status]'), SLOW).toBe('3 paragraphs added to your briefing. It now has 3 paragraphs.');
    expect(await count(page)).toBe('Briefing (3)');
    await context.close();
  });
});
