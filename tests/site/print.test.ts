/**
 * Printing (issue 22): "What happened next" and the other disclosures print open, in Chromium's
 * print media and in the PDF it prints, and the reader's own open and closed ones are as they were
 * afterwards.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfToText } from '../../src/lib/importer/pdf.ts';
import { SCREENSHOTS, servedSite } from '../helpers/served-site.ts';

const REPORT = 'reports/2018-06-inspection/';

const site = servedSite();

/** Whether each disclosure is open. */
function openStates(page: Page): Promise<boolean[]> {
  return page.locator('main details').evaluateAll((all) => all.map((details) => (details as HTMLDetailsElement).open));
}

/** The disclosures whose content (everything but the line that opens them) cannot be seen. */
function hiddenContents(page: Page): Promise<string[]> {
  return page.locator('main details').evaluateAll((all) =>
    all
      .filter((details) => [...details.children].filter((child) => child.tagName !== 'SUMMARY').every((child) => !child.checkVisibility()))
      .map((details) => details.querySelector('summary')?.textContent?.trim() ?? ''),
  );
}

/** Opens the first "What happened next" as a reader would, and returns the states to restore. */
async function readerOpensOne(page: Page, selector: string): Promise<boolean[]> {
  await page.locator(selector).first().locator('summary').click();
  const states = await openStates(page);
  expect(states.filter(Boolean).length).toBeGreaterThan(0);
  expect(states.filter((open) => !open).length).toBeGreaterThan(5);
  return states;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ');

describe('printing disclosures', () => {
  for (const [address, selector] of [
    [REPORT, 'details.next'],
    ['', '.timeline-events details'],
  ] as const) {
    it(`in print media, shows the content of every disclosure on /${address}, opening none of them`, async () => {
      const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${site.url}${address}`);
      const states = await readerOpensOne(page, selector);
      expect((await hiddenContents(page)).length).toBeGreaterThan(5);
      await page.emulateMedia({ media: 'print' });
      expect(await hiddenContents(page)).toEqual([]);
      expect(await openStates(page)).toEqual(states);
      await page.locator(selector).nth(2).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, `print-disclosures-${address.split('/')[1] || 'home'}.png`) });
      await page.emulateMedia({ media: 'screen' });
      expect((await hiddenContents(page)).length).toBeGreaterThan(5);
      await page.close();
    });
  }

  it('prints every “What happened next” list into the PDF, and leaves the reader’s open and closed ones as they were', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}${REPORT}`);
    const states = await readerOpensOne(page, 'details.next');
    // Each list starts "<weakness>, at later visits:" (or "at every later visit:"); each disclosure
    // holds one or more. Closed,
    // only the reader's open one would be printed.
    const lists = await page.locator('details.next').evaluateAll((all) => all.map((details) => details.textContent!.split('later visit').length - 1).reduce((sum, count) => sum + count, 0));
    expect(lists).toBeGreaterThanOrEqual(states.length);
    const printed = collapse(await pdfToText(new Uint8Array(await page.pdf({ format: 'A4' })), `${REPORT}.pdf`));
    expect(printed.split('later visit').length - 1).toBe(lists);
    expect(await openStates(page)).toEqual(states);
    await page.close();
  });

  it('opens the closed ones for printing and closes the same ones after, for browsers whose stylesheet cannot', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}${REPORT}`);
    const states = await readerOpensOne(page, 'details.next');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect((await openStates(page)).every(Boolean)).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await openStates(page)).toEqual(states);
    await page.close();
  });
});
