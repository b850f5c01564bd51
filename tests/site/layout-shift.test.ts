/**
 * Nothing in view moves when the scripts arrive (issue 22): a deep link's paragraph stays where it
 * landed as Copy link, Copy citation and Add to briefing are added, the search page does not
 * jump as its results appear, and no page moves when the header's "Briefing (0)" gets its count. Measured as the web-vitals library measures Cumulative Layout
 * Shift: every 'layout-shift' entry not caused by recent input, summed, from the first paint.
 *
 * The page's scripts are held back until the page has painted without them, as on a slow
 * connection (on this machine they would often arrive before the first paint, and hide a shift).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, servedSite } from '../helpers/served-site.ts';

/** Web Vitals' line between a "good" and a "needs improvement" layout shift score. */
const GOOD_CLS = 0.1;

const site = servedSite();

interface Measured {
  cls: number;
  /** Each shift: its score and what moved. */
  shifts: string[];
  /** The top of the element `still` names, in the window, at the first paint and once settled. */
  first?: number;
  settled?: number;
}

declare global {
  interface Window {
    __layout: { cls: number; shifts: string[]; landed?: number };
  }
}

/** Sums layout shifts, and records where the address's #fragment first showed in the window. */
function recordShifts(): void {
  window.__layout = { cls: 0, shifts: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
      if (entry.hadRecentInput) continue;
      window.__layout.cls += entry.value;
      const moved = (entry.sources ?? []).map((source) => (source.node instanceof Element ? `${source.node.tagName.toLowerCase()}.${source.node.className}#${source.node.id}` : source.node?.nodeName));
      window.__layout.shifts.push(`${entry.value.toFixed(4)} ${moved.join(' ')}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const id = decodeURIComponent(window.location.hash.slice(1));
  const frame = (): void => {
    const target = id ? document.getElementById(id) : null;
    if (target && window.__layout.landed === undefined) {
      const top = target.getBoundingClientRect().top;
      if (top >= 0 && top < window.innerHeight) window.__layout.landed = top;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Opens `address` with its scripts held until the page has painted without them, then lets them
 * run, waits for `done` and a quiet moment, and returns the shifts and where `still` was at both
 * moments. Screenshots both moments.
 */
async function openSlowly(page: Page, address: string, name: string, done: (page: Page) => Promise<void>, still?: string): Promise<Measured> {
  const top = (): Promise<number | undefined> =>
    still ? page.locator(still).evaluate((element) => element.getBoundingClientRect().top) : Promise.resolve(undefined);
  await page.addInitScript(recordShifts);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.js(\?.*)?$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.url}${address}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('footer') && performance.getEntriesByName('first-contentful-paint').length > 0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  // The page painted before any script ran: the case this test is about.
  expect(await page.locator('.cite-tools, [data-result]').count()).toBe(0);
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: path.join(SCREENSHOTS, `layout-shift-${name}-${width}-first.png`) });
  const first = await top();
  release();
  await done(page);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), { timeout: 2_000 })));
  await page.screenshot({ path: path.join(SCREENSHOTS, `layout-shift-${name}-${width}-settled.png`) });
  const settled = await top();
  return { ...(await page.evaluate(() => ({ cls: window.__layout.cls, shifts: window.__layout.shifts }))), first, settled };
}

/** Every numbered paragraph of the letter has its buttons, the briefing's among them. */
async function buttonsAdded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const paragraphs = document.querySelectorAll('.letter :has(> .paragraph-link)').length;
    return paragraphs > 0 && document.querySelectorAll('.letter .cite-tools [data-briefing-id]').length === paragraphs;
  });
}

const DEEP_LINKS = ['reports/2022-07-inspection/#p6', 'reports/2018-06-inspection/#p41'];
const WIDTHS = [390, 1280];

describe('layout shift', () => {
  for (const width of WIDTHS) {
    for (const address of DEEP_LINKS) {
      it(`${address} at ${width} px: the page does not move as the paragraph buttons arrive, and the paragraph stays where it landed`, async () => {
        const page = await site.browser.newPage({ viewport: { width, height: 800 } });
        const id = address.split('#')[1]!;
        const measured = await openSlowly(page, address, address.split('/')[1]!, buttonsAdded);
        const { landed, now } = await page.evaluate((anchor) => ({ landed: window.__layout.landed, now: document.getElementById(anchor)!.getBoundingClientRect().top }), id);
        await page.close();
        expect(measured.cls, measured.shifts.join('\n')).toBeLessThan(GOOD_CLS);
        expect(landed).toBeDefined();
        expect(Math.abs(now - landed!)).toBeLessThanOrEqual(3);
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThan(800);
      });
    }

    it(`/search/?q=caseloads at ${width} px: nothing in view moves as the results and their counts arrive`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      const counted = async (): Promise<void> => {
        await page.waitForFunction(() => document.querySelector('[data-search]')?.getAttribute('data-counted') === window.location.search);
      };
      const measured = await openSlowly(page, 'search/?q=caseloads', 'search', counted, '#search-query');
      const results = await page.locator('[data-result]').count();
      await page.close();
      expect(results).toBeGreaterThan(0);
      expect(measured.cls, measured.shifts.join('\n')).toBeLessThan(GOOD_CLS);
      expect(Math.abs(measured.settled! - measured.first!)).toBeLessThanOrEqual(3);
    });
  }

  // Widths at which "Briefing" fits on the header's line and "Briefing (0)" did not.
  for (const width of [610, 690]) {
    it(`at ${width} px, the header does not rewrap, nor the page move, when the briefing count arrives`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      const counted = async (): Promise<void> => {
        await page.waitForFunction(() => document.querySelector('[data-briefing-count]')?.textContent === ' (0)');
      };
      const measured = await openSlowly(page, 'about/', 'header', counted, 'main');
      await page.close();
      expect(measured.settled).toBe(measured.first);
      expect(measured.cls, measured.shifts.join('\n')).toBe(0);
    });
  }
});
