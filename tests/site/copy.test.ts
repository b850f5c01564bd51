/**
 * What a reader copies, in a real browser (issue 21): a selection of a paragraph's text, by a
 * mouse drag from its first word to its last or by a triple-click, copied with Control+C, holds
 * exactly the words as published (/data/findings.json `words`), as plain text and as HTML, with no
 * glossary expansion, permalink number or button text. And the copy buttons say what happened.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FindingRecord } from '../../src/lib/publish/findings.ts';
import { anchorsInPage } from '../../src/lib/record/anchor-manifest.ts';
import { builtPage } from '../helpers/site.ts';
import { SCREENSHOTS, servedSite } from '../helpers/served-site.ts';


const site = servedSite();
let context: BrowserContext;
let findings: FindingRecord[];

beforeAll(async () => {
  context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 1400 } });
  findings = JSON.parse(await readFile(path.join(inject('distDir'), 'data/findings.json'), 'utf8')) as FindingRecord[];
});

afterAll(async () => {
  await context?.close();
});

interface Copied {
  plain: string;
  html: string;
}

/** Control+C, then what the clipboard holds, both flavours (emptied first, so nothing stale is read). */
async function copySelection(page: Page): Promise<Copied> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+C');
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const flavour = async (type: string) => (item?.types.includes(type) ? (await item.getType(type)).text() : '');
    return { plain: await flavour('text/plain'), html: await flavour('text/html') };
  });
}

/**
 * Where a reader's mouse goes on the element's words (`selector` in the page): the left edge of
 * the first character, the right edge of the last, and the middle of a character that is not in
 * a link (a triple-click there must not follow it). The buttons the scripts add are not words.
 */
async function wordPoints(page: Page, selector: string, scroll = true) {
  return page.evaluate(([selector, scroll]) => {
    const element = document.querySelector(selector)!;
    if (scroll) element.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        // A list nested in a list item is its own items' words, not the parent item's.
        (node as Text).data.trim() !== '' && !node.parentElement!.closest('.cite-tools, .visually-hidden') && !element.contains(node.parentElement!.closest('ul, ol'))
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_REJECT,
    });
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const rect = (node: Text, at: number, which: 'first' | 'last') => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const rects = [...range.getClientRects()];
      return which === 'first' ? rects[0]! : rects.at(-1)!;
    };
    const first = nodes[0]!;
    const last = nodes.at(-1)!;
    const start = rect(first, first.data.search(/\S/), 'first');
    const end = rect(last, last.data.trimEnd().length - 1, 'last');
    // A drag cannot start on a link in Chromium (it would drag the link): where the words start
    // with one (a glossary term, "Early help work had improved ..."), a reader starts just before it.
    const onLink = (node: Text) => node.parentElement!.closest('a') !== null;
    const before = onLink(first) ? 3 : -1;
    const after = onLink(last) ? 3 : -1;
    const plain = nodes.find((node) => !node.parentElement!.closest('a'))!;
    const inside = rect(plain, plain.data.search(/\S/), 'first');
    return {
      from: { x: start.left - before, y: start.top + start.height / 2 },
      to: { x: end.right + after, y: end.top + end.height / 2 },
      inside: { x: inside.left + inside.width / 2, y: inside.top + inside.height / 2 },
    };
  }, [selector, scroll] as const);
}

async function drag(page: Page, selector: string, endSelector = selector): Promise<void> {
  const { from, to: end } = await wordPoints(page, selector);
  // Over two paragraphs: the first is in view, centred; the second is measured where it is.
  const { to } = endSelector === selector ? { to: end } : await wordPoints(page, endSelector, false);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

async function tripleClick(page: Page, selector: string): Promise<void> {
  const { inside } = await wordPoints(page, selector);
  await page.mouse.click(inside.x, inside.y, { clickCount: 3 });
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What must never be in a copy of the words: the site's own text around them. */
const NOT_WORDS = /Link to paragraph|Link to summary|Copy link|Copy citation|to briefing|Our annotation|Themes:/;

/** The copied HTML, parsed: its text, and anything hidden, generated or added by the site in it. */
function htmlCopy(html: string) {
  const tree = fromHtml(html, { fragment: true });
  return {
    text: collapse(toText(tree)),
    // (An emptied wrapper, such as the buttons' group with its buttons left out, carries no text.)
    extras: selectAll('.visually-hidden, .term-expansion, button, .cite-tools, [aria-hidden]', tree)
      .map((node) => toText(node))
      .filter((extra) => extra.trim() !== ''),
  };
}

/** Drags over and triple-clicks each element, copies each time, and returns every copy that is not `words` exactly. */
async function copiesOf(page: Page, items: Array<{ selector: string; words: string; where: string }>): Promise<string[]> {
  const wrong: string[] = [];
  for (const { selector, words, where } of items) {
    for (const [how, select] of [
      ['drag', drag],
      ['triple-click', tripleClick],
    ] as const) {
      await select(page, selector);
      const copied = await copySelection(page);
      if (copied.plain.trim() !== words) wrong.push(`${where} (${how}), plain text:\n  copied: ${JSON.stringify(copied.plain.trim())}\n  words:  ${JSON.stringify(words)}`);
      const html = htmlCopy(copied.html);
      if (html.text !== collapse(words) || html.extras.length > 0) wrong.push(`${where} (${how}), HTML: ${JSON.stringify(html)}`);
    }
  }
  return wrong;
}

describe('copying a selection of Ofsted’s words', () => {
  it('on every report page, every paragraph copied by a drag or a triple-click is its words as published, as plain text and as HTML', async () => {
    const slugs = [...new Set(findings.map((finding) => finding.report))];
    expect(slugs.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    let copied = 0;
    for (const slug of slugs) {
      const page = await context.newPage();
      await page.goto(`${site.url}reports/${slug}/`);
      // The scripts have added their buttons: they must stay out of the copies.
      await page.locator('.cite-tools button').first().waitFor();
      const items = findings.filter((finding) => finding.report === slug).map((finding) => ({ selector: `[id="${finding.anchor}"]`, words: finding.words, where: finding.path }));
      wrong.push(...(await copiesOf(page, items)));
      copied += items.length;
      await page.close();
    }
    expect(copied).toBe(findings.length);
    expect(wrong).toEqual([]);
  }, 600_000);

  it('with a term’s expansion shown on hover, the copy still holds the words only', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}reports/2014-04-inspection/`);
    const words = findings.find((finding) => finding.path === 'reports/2014-04-inspection/#p74')!.words;
    expect(words).toContain('The Judiciary and CAFCASS report');
    await page.locator('#p74 a.term').hover();
    expect(await copiesOf(page, [{ selector: '#p74', words, where: '#p74' }])).toEqual([]);
    await page.close();
  });

  for (const [what, address] of [
    ['a theme page', 'themes/workforce/'],
    ['a weakness journey', 'weaknesses/supervision/'],
  ] as const) {
    it(`on ${what}, every quoted paragraph copies as its words`, async () => {
      const page = await context.newPage();
      await page.goto(`${site.url}${address}`);
      await page.locator('.quote .briefing-button').first().waitFor();
      // Each quote's report and anchor, and a mark to find it by.
      const quotes = await page.locator('figure.quote:not(.neighbour-quote)').evaluateAll((figures) =>
        figures.map((figure, index) => {
          figure.setAttribute('data-test-quote', String(index));
          return [(figure as HTMLElement).dataset.briefingReport!, (figure as HTMLElement).dataset.briefingAnchor!] as const;
        }),
      );
      expect(quotes.length).toBeGreaterThan(3);
      // The statistical neighbours' paragraphs quoted on a theme page ("In neighbouring councils"): each copies as
      // the words of the paragraph it links to, as its own page publishes them.
      const neighbourQuotes = await page.locator('figure.neighbour-quote').evaluateAll((figures) =>
        figures.map((figure, index) => {
          figure.setAttribute('data-test-neighbour', String(index));
          return figure.querySelector('figcaption a')!.getAttribute('href')!;
        }),
      );
      const neighbourWords = await Promise.all(
        neighbourQuotes.map(async (href) => {
          const [pagePath = '', anchor] = href.split('#');
          return anchorsInPage((await builtPage(pagePath)).html).find((candidate) => candidate.id === anchor)!.text;
        }),
      );
      const wrong = await copiesOf(page, [
        ...quotes.map(([report, anchor], index) => ({
          selector: `[data-test-quote="${index}"] blockquote p`,
          words: findings.find((finding) => finding.report === report && finding.anchor === anchor)!.words,
          where: `${address} ${report}#${anchor}`,
        })),
        ...neighbourQuotes.map((href, index) => ({ selector: `[data-test-neighbour="${index}"] blockquote p`, words: neighbourWords[index]!, where: `${address} ${href}` })),
      ]);
      expect(wrong).toEqual([]);
      await page.close();
    });
  }

  it('on a paragraph’s preview page, the quotation copies as its words', async () => {
    const page = await context.newPage();
    const finding = findings.find((candidate) => candidate.path === 'reports/2014-04-inspection/#p74')!;
    // The preview page sends the reader on at once: a 204 No Content for the report keeps the
    // browser on the preview.
    await page.route('**/reports/**', (route) => route.fulfill({ status: 204 }));
    await page.goto(`${site.url}r/2014-04-inspection/p74/`);
    await page.waitForTimeout(200);
    expect(await copiesOf(page, [{ selector: '.preview-quote p', words: finding.words, where: '/r/2014-04-inspection/p74/' }])).toEqual([]);
    await page.close();
  });

  it('a selection over two paragraphs copies both paragraphs’ words and nothing the site adds', async () => {
    const page = await context.newPage();
    const SLUG = '2014-04-inspection';
    await page.goto(`${site.url}reports/${SLUG}/`);
    await page.locator('.cite-tools button').first().waitFor();
    // Two paragraphs one after the other, with no annotation between them.
    const [first, second] = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll<HTMLElement>('article.letter p[id]')];
      const pair = paragraphs.find((paragraph) => paragraph.nextElementSibling?.matches('p[id]'))!;
      return [pair.id, pair.nextElementSibling!.id];
    });
    const words = (anchor: string) => findings.find((finding) => finding.report === SLUG && finding.anchor === anchor)!.words;
    await drag(page, `#${first}`, `#${second}`);
    const copied = await copySelection(page);
    expect(copied.plain).not.toMatch(NOT_WORDS);
    expect(copied.plain.split(/\n+/).map((line) => line.trim()).filter(Boolean)).toEqual([words(first!), words(second!)]);
    const html = htmlCopy(copied.html);
    expect(html.extras).toEqual([]);
    expect(html.text).toBe(collapse(`${words(first!)} ${words(second!)}`));
    // Selected by script across the whole letter, the buttons and permalink numbers stay out too.
    await page.evaluate(() => window.getSelection()!.selectAllChildren(document.querySelector('article.letter')!));
    const all = await copySelection(page);
    expect(all.plain).not.toMatch(/Link to paragraph|Copy link|Copy citation|Add to briefing/);
    expect(htmlCopy(all.html).extras.filter((extra) => /Link to|Copy|briefing/.test(extra))).toEqual([]);
    await page.close();
  });
});

describe('the copy buttons say what happened', () => {
  const REPORT = 'reports/2025-06-monitoring-visit-7/';

  it('“Copy citation” says “Citation copied”, and the status region announces it', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}${REPORT}`);
    const button = page.locator('#p12 .cite-tools button', { hasText: 'Copy citation' });
    await button.click();
    await expect.poll(() => page.locator('#p12 .cite-tools button').nth(1).textContent()).toMatch(/^Citation copied/);
    expect(await page.getByRole('button', { name: 'Citation copied for paragraph 12' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Citation for paragraph 12 copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/paragraph 12, .*#p12, text fingerprint [0-9a-f]{8}$/);
    await page.locator('#p12').screenshot({ path: path.join(SCREENSHOTS, 'copy-citation-copied.png') });
    // A few seconds later, it is a "Copy citation" button again.
    await expect.poll(() => page.locator('#p12 .cite-tools button').nth(1).textContent(), { timeout: 8_000 }).toBe('Copy citation for paragraph 12');
    await page.close();
  });

  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`on a ${device}, where the browser refuses to copy, shows the citation in a box, selected, to copy by hand`, async () => {
      const refusing = await site.browser.newContext({ viewport });
      await refusing.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', {
          configurable: true,
          get: () => ({ writeText: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')), write: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) }),
        });
      });
      const page = await refusing.newPage();
      await page.goto(`${site.url}${REPORT}`);
      const button = page.getByRole('button', { name: 'Copy citation for paragraph 12' });
      await button.focus();
      await page.keyboard.press('Enter');
      const box = page.locator('.copy-by-hand');
      await box.waitFor();
      expect(await box.isVisible()).toBe(true);
      const field = box.getByRole('textbox', { name: /Copy the citation for paragraph 12/ });
      const citation = await field.inputValue();
      expect(citation).toMatch(/^Ofsted, Monitoring visit to Herefordshire children’s services, letter of 17 July 2025, paragraph 12, .*#p12, text fingerprint [0-9a-f]{8}$/);
      expect(await field.getAttribute('readonly')).not.toBeNull();
      // Focused, and all of it selected, ready for Control+C.
      expect(await field.evaluate((area: HTMLTextAreaElement) => [document.activeElement === area, area.selectionStart, area.selectionEnd])).toEqual([true, 0, citation.length]);
      const shown = await box.boundingBox();
      expect(shown!.width).toBeGreaterThan(200);
      expect(shown!.x + shown!.width).toBeLessThanOrEqual(viewport.width);
      await page.locator('#p12').screenshot({ path: path.join(SCREENSHOTS, `copy-by-hand-${device}.png`) });
      // Escape (or Close) takes it away and puts focus back on the button.
      await page.keyboard.press('Escape');
      expect(await box.count()).toBe(0);
      expect(await button.evaluate((control) => document.activeElement === control)).toBe(true);
      await button.click();
      await box.getByRole('button', { name: 'Close' }).click();
      expect(await box.count()).toBe(0);
      await refusing.close();
    });
  }

  it('on the briefing page, a copy button says it copied, or shows the briefing in a box where the browser refuses', async () => {
    const VISIT = '2025-06-monitoring-visit-7';
    const page = await context.newPage();
    await page.goto(`${site.url}briefing/?p=${VISIT}:p12`);
    await page.getByRole('button', { name: 'Copy as plain text' }).click();
    await expect.poll(() => page.locator('[data-action="copy-text"]').textContent()).toBe('Copied');
    await expect.poll(() => page.locator('[data-briefing-status]').textContent()).toContain('copied as plain text');
    await page.close();

    const refusing = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await refusing.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
    });
    const refused = await refusing.newPage();
    await refused.goto(`${site.url}briefing/?p=${VISIT}:p12`);
    await refused.getByRole('button', { name: 'Copy for Word or email' }).click();
    const field = refused.locator('.copy-by-hand').getByRole('textbox', { name: /Copy the briefing/ });
    await field.waitFor();
    const words = findings.find((finding) => finding.report === VISIT && finding.anchor === 'p12')!.words;
    expect(await field.inputValue()).toContain(words);
    expect(await field.evaluate((area: HTMLTextAreaElement) => [document.activeElement === area, area.selectionEnd - area.selectionStart === area.value.length])).toEqual([true, true]);
    await refused.screenshot({ path: path.join(SCREENSHOTS, 'briefing-copy-by-hand.png') });
    await refusing.close();
  });
});
