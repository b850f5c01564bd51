/**
 * The Atom feeds of each theme and each 2018 weakness, read from the build: valid Atom (RFC 4287),
 * announced in the page head and linked on the page, and listing the latest paragraphs the page
 * quotes (FEED_ENTRY_LIMIT at most), in its order, each linking to an anchor that exists.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { paragraphText } from '../../src/lib/record/anchor-manifest.ts';
import { FEED_ENTRY_LIMIT, FEED_LIMIT_NOTE } from '../../src/lib/publish/paragraph-feeds.ts';
import { atomProblems, parseAtom, type ParsedFeed } from '../helpers/atom.ts';
import { anchorExists, builtPage, text } from '../helpers/site.ts';

interface Quote {
  href: string;
  words: string;
  summary: boolean;
}

function quote(figure: Element): Quote {
  return {
    href: String(select('figcaption a', figure)!.properties.href),
    // The quote's words as published (the glossary's expansions are attributes, never text).
    words: paragraphText(select('blockquote', figure)!),
    summary: text(select('figcaption', figure)!).includes('(our summary, not Ofsted’s words)'),
  };
}

/** The site path of an absolute address the feed gives. */
function sitePath(address: string): string {
  const parsed = new URL(address);
  return `${parsed.pathname}${parsed.hash}`;
}

async function readFeed(pagePath: string): Promise<{ xml: string; feed: ParsedFeed }> {
  const xml = await readFile(path.join(inject('distDir'), pagePath, 'feed.xml'), 'utf8');
  return { xml, feed: parseAtom(xml) };
}

/** The page announces its feed in the head and links it visibly, both at the same address. */
function announced(tree: Root, pagePath: string, follow: string): void {
  const links = selectAll('head link[rel="alternate"][type="application/atom+xml"]', tree);
  expect(links.map((link) => link.properties.href)).toEqual([`${pagePath}feed.xml`]);
  expect(String(links[0]!.properties.title)).toMatch(/\(Atom feed\)$/);
  const visible = select('main .feed-link', tree)!;
  expect(text(visible)).toMatch(new RegExp(`^Follow this ${follow}: Atom feed`));
  expect(select('a', visible)!.properties.href).toBe(`${pagePath}feed.xml`);
}

/** What every entry must agree with: the page's quote of the same paragraph, the latest FEED_ENTRY_LIMIT of them. */
async function checkEntries(feed: ParsedFeed, allQuotes: Quote[]): Promise<void> {
  const quotes = allQuotes.slice(0, FEED_ENTRY_LIMIT);
  expect(feed.entries.map((entry) => sitePath(entry.links[0]!.href))).toEqual(quotes.map((q) => q.href));
  for (const [index, entry] of feed.entries.entries()) {
    const q = quotes[index]!;
    expect(entry.id).toBe(entry.links[0]!.href);
    expect(entry.links).toEqual([{ rel: 'alternate', type: 'text/html', href: entry.links[0]!.href }]);
    expect(entry.content).toEqual({ type: 'text', text: q.summary ? `Our summary, not Ofsted’s words: ${q.words}` : q.words });
    expect(entry.title).toMatch(q.summary ? /, (paragraph|summary, paragraph) [\d, a-z]+ \(our summary\)$/ : /of Herefordshire children’s services, [A-Z][a-z]+ \d{4}, (summary, )?paragraph \d+(, point \d+)?$/);
    expect(await anchorExists(q.href), q.href).toBe(true);
  }
  // Newest first, the feed dated by its newest entry.
  const dates = feed.entries.map((entry) => entry.updated);
  expect(dates).toEqual([...dates].sort().reverse());
  if (dates[0]) expect(feed.updated).toBe(dates[0]);
}

function checkFeedHead(feed: ParsedFeed, pagePath: string): void {
  expect(sitePath(feed.id)).toBe(`${pagePath}feed.xml`);
  expect(feed.links.map((link) => [link.rel, sitePath(link.href)])).toEqual([
    ['self', `${pagePath}feed.xml`],
    ['alternate', pagePath],
  ]);
  expect(feed.authors).toEqual(['Herefordshire children’s services inspections']);
  expect(feed.rights).toContain('Open Government Licence v3.0');
  // What a feed carries, said where a feed reader shows it, after the theme's or weakness's own words.
  expect(feed.subtitle).toMatch(/\S \S/);
  expect(feed.subtitle!.endsWith(` ${FEED_LIMIT_NOTE}`), feed.subtitle).toBe(true);
}

/** A page and its feed, checked as every such pair must be: valid Atom, announced on the page, the feed's head. */
async function checkedPageAndFeed(pagePath: string, follow: string): Promise<{ tree: Root; feed: ParsedFeed }> {
  const { xml, feed } = await readFeed(pagePath);
  expect(atomProblems(xml), pagePath).toEqual([]);
  const { tree } = await builtPage(pagePath);
  announced(tree, pagePath, follow);
  checkFeedHead(feed, pagePath);
  return { tree, feed };
}

/** A theme's quotes on all its pages, following each page's "Older" link (rel="next"). */
async function themeQuotes(pagePath: string): Promise<Quote[]> {
  const quotes: Quote[] = [];
  for (let next: string | undefined = pagePath; next; ) {
    const { tree } = await builtPage(next);
    // Herefordshire's paragraphs: the feed follows them, not the neighbours' quoted under them.
    quotes.push(...selectAll('main section.theme-report figure.quote', tree).map(quote));
    const older = select('main a[rel="next"]', tree);
    next = older ? String(older.properties.href) : undefined;
  }
  return quotes;
}

describe('theme feeds', () => {
  it('are valid Atom, announced on each theme page, and list the latest of its pages’ paragraphs in their order (newest report first)', async () => {
    const { tree: index } = await builtPage('/themes/');
    const pages = selectAll('.theme-list > li a', index).map((a) => String(a.properties.href));
    expect(pages.length).toBeGreaterThanOrEqual(15);
    let entries = 0;
    for (const pagePath of pages) {
      const { tree, feed } = await checkedPageAndFeed(pagePath, 'theme');
      expect(feed.title).toBe(`${text(select('h1', tree)!).replace(/^Theme /, 'Theme: ')} – Herefordshire children’s services inspections`);
      await checkEntries(feed, await themeQuotes(pagePath));
      entries += feed.entries.length;
    }
    expect(entries).toBeGreaterThan(300);
  });
});

describe('weakness feeds', () => {
  it('are valid Atom, announced on each journey, and list its statuses newest visit first, then the 2018 paragraphs', async () => {
    const { tree: matrix } = await builtPage('/weaknesses/');
    const pages = selectAll('.matrix-wide tbody th a', matrix).map((a) => String(a.properties.href));
    expect(pages).toHaveLength(16);
    for (const pagePath of pages) {
      const { tree, feed } = await checkedPageAndFeed(pagePath, 'weakness');
      // The page: the 2018 quotes, the 2014 history (context, not in the feed), then each visit
      // oldest first. The feed: each visit newest first, each visit's paragraphs in the page's
      // order, then the 2018 quotes.
      const origins: Quote[] = [];
      let section = '';
      for (const node of select('main', tree)!.children) {
        if (node.type !== 'element') continue;
        if (node.tagName === 'h2') section = text(node);
        if (section === 'What Ofsted found in 2018' && node.tagName === 'figure') origins.push(quote(node));
      }
      const visits = selectAll('.journey-step', tree).map((step) => selectAll('figure.quote', step).map(quote));
      await checkEntries(feed, [...visits.reverse().flat(), ...origins]);
    }
  });

  it('give the supervision journey’s latest status first, and a theme feed marks our summaries as ours', async () => {
    const { feed } = await readFeed('/weaknesses/supervision/');
    expect(feed.entries[0]!.title).toBe('Inspection of Herefordshire children’s services, November 2025, paragraph 59');
    expect(feed.entries.at(-2)!.title).toBe('Inspection of Herefordshire children’s services, June 2018, paragraph 17');
    const { feed: workforce } = await readFeed('/themes/workforce/');
    const summary = workforce.entries.find((entry) => entry.links[0]!.href.includes('/2023-06-monitoring-visit-2/'));
    expect(summary?.title).toMatch(/^Monitoring visit 2 of Herefordshire children’s services, June 2023, paragraph \d+ \(our summary\)$/);
    expect(summary?.content?.text).toMatch(/^Our summary, not Ofsted’s words: /);
  });
});
