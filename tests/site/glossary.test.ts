/**
 * The glossary in the built site: the /glossary/ page, and the first use of each term linked on
 * the report, theme and weakness pages without a word of the letters changing (the anchor
 * manifest test and the search index test check the words themselves).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { anchorsInPage, paragraphText } from '../../src/lib/record/anchor-manifest.ts';
import { readGlossary } from '../../src/loaders/glossary.ts';
import { glossaryMatcher, sortedTerms } from '../../src/lib/glossary/matching.ts';
import { builtPage, text } from '../helpers/site.ts';
import { servedSite } from '../helpers/served-site.ts';

// Read and validated as the build reads it (defaults included).
const { terms } = readGlossary();
const matcher = glossaryMatcher(terms);

async function reportSlugs(): Promise<string[]> {
  return (await readdir(path.join(inject('distDir'), 'reports'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function termLinks(root: Parameters<typeof selectAll>[1]): Element[] {
  return selectAll('a.term', root);
}

function termIdOf(link: Element): string {
  return String(link.properties.href).split('#')[1] ?? '';
}

describe('/glossary/', () => {
  it('lists every term alphabetically, each with its anchor, its expansion, a definition and its source', async () => {
    const { tree } = await builtPage('/glossary/');
    const entries = selectAll('dl.glossary > div.glossary-entry', tree);
    expect(entries.length).toBe(terms.length);
    expect(entries.length).toBeGreaterThanOrEqual(30);
    expect(entries.map((entry) => String(entry.properties.id))).toEqual(sortedTerms(terms).map((term) => term.id));
    const mash = select('#mash', tree)!;
    expect(text(select('dt', mash)!)).toBe('MASH (multi-agency safeguarding hub)');
    expect(select('dd a', mash)!.properties.href).toBe('https://www.gov.uk/government/publications/working-together-to-safeguard-children--2');
    for (const entry of entries) {
      expect(select('dt dfn', entry), String(entry.properties.id)).toBeDefined();
      expect(select('dd a[href^="https://"]', entry), String(entry.properties.id)).toBeDefined();
    }
  });

  it('is linked from the footer of every page', async () => {
    const { tree } = await builtPage('/');
    expect(select('.footer-links a[href="/glossary/"]', tree)).toBeDefined();
  });
});

describe('terms on the report pages', () => {
  it('link the first use on each page of MASH, section 47 and child protection plan, wherever they occur', async () => {
    let checked = 0;
    for (const slug of await reportSlugs()) {
      const { html, tree } = await builtPage(`/reports/${slug}/`);
      const article = select('article', tree)!;
      for (const id of ['mash', 'section-47', 'child-protection-plan']) {
        // The first numbered paragraph whose words use the term, as the reader meets it.
        const first = anchorsInPage(html).find((anchor) => matcher.matches(anchor.text).some((match) => match.term.id === id));
        const links = termLinks(article).filter((link) => termIdOf(link) === id);
        if (!first) continue;
        checked += 1;
        expect(links, `${slug}: ${id}`).toHaveLength(1);
        const paragraph = select(`[id="${first.id}"]`, article)!;
        expect(termLinks(paragraph).map(termIdOf), `${slug}#${first.id}`).toContain(id);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('never link in headings, the letter head or sign-off, or the permalinks, and link each term once a page', async () => {
    for (const slug of await reportSlugs()) {
      const { tree } = await builtPage(`/reports/${slug}/`);
      expect(selectAll(':is(h1, h2, h3, h4, .letter-head, .sign-off, .paragraph-link) a.term', tree), slug).toEqual([]);
      const ids = termLinks(tree).map(termIdOf);
      expect(new Set(ids).size, slug).toBe(ids.length);
      for (const id of ids) expect(terms.some((term) => term.id === id), `${slug}: ${id}`).toBe(true);
    }
  });

  it('give an acronym its expansion in the link’s name and attributes, never in the words', async () => {
    const { tree } = await builtPage('/reports/2014-04-inspection/');
    const link = termLinks(tree).find((candidate) => termIdOf(candidate) === 'lscb')!;
    expect(text(link)).toBe('LSCB');
    expect(link.properties.ariaLabel).toBe('LSCB (Local Safeguarding Children Board)');
    expect(link.properties.dataExpansion).toBe('Local Safeguarding Children Board');
    expect(text(select('#s2', tree)!)).toBe('The LSCB is not yet demonstrating the characteristics of good.');
    // No page carries an expansion as text beside its term any more.
    for (const slug of await reportSlugs()) expect(selectAll('.term-expansion', (await builtPage(`/reports/${slug}/`)).tree), slug).toEqual([]);
  });
});

describe('terms on the theme and weakness pages', () => {
  it('link the first use of each term on the page, once, keeping the quoted words as published', async () => {
    const findings = JSON.parse(await readFile(path.join(inject('distDir'), 'data/findings.json'), 'utf8')) as Array<{ words: string }>;
    const published = new Set(findings.map((finding) => finding.words));
    for (const page of ['/themes/workforce/', '/themes/child-protection/', '/weaknesses/supervision/']) {
      const { tree } = await builtPage(page);
      const ids = termLinks(tree).map(termIdOf);
      expect(ids.length, page).toBeGreaterThan(0);
      expect(new Set(ids).size, page).toBe(ids.length);
      // Herefordshire's paragraphs (the open data's); the neighbours' are checked against their pages in tests/site/neighbours.test.ts.
      const neighbours = new Set(selectAll('.neighbour-theme blockquote p', tree));
      for (const quote of selectAll('blockquote p', tree).filter((quote) => !neighbours.has(quote))) expect(published.has(paragraphText(quote)), `${page}: ${paragraphText(quote)}`).toBe(true);
    }
  });
});

describe('a term’s expansion in the browser', () => {
  const site = servedSite();

  /** The generated expansion after the 2014 report's first LSCB, and the term's width with it. */
  async function expansion(page: Page): Promise<{ content: string; width: number }> {
    return page.locator('a.term[href$="#lscb"]').evaluate((a) => ({ content: getComputedStyle(a, '::after').content, width: a.getBoundingClientRect().width }));
  }

  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 800 }],
  ] as const) {
    it(`on a ${device}, is hidden until the term is focused or hovered, then shown inline after it, covering nothing`, async () => {
      const page = await site.browser.newPage({ viewport });
      await page.goto(`${site.url}reports/2014-04-inspection/`);
      const link = page.locator('a.term[href$="#lscb"]');
      const hidden = await expansion(page);
      expect(hidden.content).toBe('none');
      // The accessible name is the letter's word, then its expansion.
      expect(await link.getAttribute('aria-label')).toBe('LSCB (Local Safeguarding Children Board)');
      const start = await link.evaluate((a) => a.getClientRects()[0]!.left);
      await link.focus();
      const focused = await expansion(page);
      expect(focused.content).toBe('" (Local Safeguarding Children Board)" / ""');
      expect(focused.width).toBeGreaterThan(hidden.width + 100);
      // Inline after the term: the term itself does not move.
      expect(await link.evaluate((a) => a.getClientRects()[0]!.left)).toBe(start);
      await link.blur();
      expect((await expansion(page)).content).toBe('none');
      await link.hover();
      expect((await expansion(page)).width).toBeGreaterThan(hidden.width + 100);
      await page.close();
    });
  }

  it('is printed in brackets after the term', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}reports/2014-04-inspection/`);
    const hidden = await expansion(page);
    await page.emulateMedia({ media: 'print' });
    const printed = await expansion(page);
    expect(printed.content).toBe('" (Local Safeguarding Children Board)" / ""');
    expect(printed.width).toBeGreaterThan(hidden.width + 100);
    // Printed, but still not part of the paragraph's text.
    expect(await page.locator('#s2').innerText()).toContain('The LSCB is not yet');
    await page.close();
  });
});
