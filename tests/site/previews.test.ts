/**
 * The paragraphs' link-preview pages (/r/<slug>/<anchor>/, src/lib/publish/link-previews.ts) and their
 * text fingerprints (src/lib/record/fingerprint.ts), read from the real build. The preview addresses are
 * as permanent as the anchors: every anchor in content/anchors.json must have one, pointing at the
 * paragraph, and following it in a browser must land on the paragraph.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { builtAnchors } from '../../scripts/anchors.ts';
import { htmlProblems } from '../../scripts/checks/page-rules.ts';
import { isNeighbourPage, manifestPagePath, type AnchorManifest } from '../../src/lib/record/anchor-manifest.ts';
import type { FindingRecord } from '../../src/lib/publish/findings.ts';
import { fingerprint } from '../../src/lib/record/fingerprint.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/site.ts';
import { TEST_SITE_URL } from './global-setup.ts';

const SITE = TEST_SITE_URL.replace(/\/$/, '');
const dist = () => inject('distDir');
let manifest: AnchorManifest;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  manifest = JSON.parse(await readFile(path.join(repoRoot, 'content/anchors.json'), 'utf8')) as AnchorManifest;
  server = await serve({ dir: dist() });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function every(): Array<[string, string]> {
  // Herefordshire's reports: the statistical neighbours' paragraphs have no preview pages.
  return Object.entries(manifest).filter(([slug]) => !isNeighbourPage(slug)).flatMap(([slug, anchors]) => Object.keys(anchors).map((anchor): [string, string] => [slug, anchor]));
}

describe('link-preview pages', () => {
  it('exist for every anchor in content/anchors.json, with its opening words and pointing at the paragraph', async () => {
    const built = await builtAnchors(dist());
    const problems: string[] = [];
    for (const [slug, anchor] of every()) {
      const words = built[slug]?.find((candidate) => candidate.id === anchor)?.text ?? '';
      const file = path.join(dist(), 'r', slug, anchor, 'index.html');
      const html = await readFile(file, 'utf8').catch(() => undefined);
      if (html === undefined) {
        problems.push(`/r/${slug}/${anchor}/ is missing`);
        continue;
      }
      const tree = fromHtml(html);
      const description = String(select('meta[name="description"]', tree)?.properties.content ?? '');
      const opening = description.replace(/^Our summary, not Ofsted’s words: /, '').replace(/…$/, '');
      if (opening.length < Math.min(words.length, 100) || !words.startsWith(opening)) problems.push(`/r/${slug}/${anchor}/ description is not its opening words: ${description}`);
      const canonical = select('link[rel="canonical"]', tree)?.properties.href;
      if (canonical !== `${SITE}/reports/${slug}/#${anchor}`) problems.push(`/r/${slug}/${anchor}/ canonical is ${String(canonical)}`);
      const refresh = select('meta[http-equiv="refresh"]', tree)?.properties.content;
      if (refresh !== `0; url=/reports/${slug}/#${anchor}`) problems.push(`/r/${slug}/${anchor}/ refresh is ${String(refresh)}`);
    }
    expect(every().length).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });

  it('are valid HTML, every one', async () => {
    const problems: string[] = [];
    for (const slug of await readdir(path.join(dist(), 'r'))) {
      for (const anchor of await readdir(path.join(dist(), 'r', slug))) {
        const html = await readFile(path.join(dist(), 'r', slug, anchor, 'index.html'), 'utf8');
        for (const problem of await htmlProblems(html)) problems.push(`/r/${slug}/${anchor}/ ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('are in neither the sitemap nor the search index', async () => {
    const sitemap = await readFile(path.join(dist(), 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/reports/2025-06-monitoring-visit-7/');
    expect(sitemap).not.toContain('/r/');
    const entry = JSON.parse(await readFile(path.join(dist(), 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    // One search record per published paragraph (scripts/search-index.ts), none for a preview page.
    const paragraphs = Object.entries(manifest).filter(([slug]) => !isNeighbourPage(slug)).reduce((sum, [, anchors]) => sum + Object.keys(anchors).length, 0);
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(paragraphs);
  });

  it('land on the paragraph in a browser: one paragraph of every report', async () => {
    const page = await browser.newPage();
    for (const [slug, anchors] of Object.entries(manifest).filter(([key]) => !isNeighbourPage(key))) {
      const ids = Object.keys(anchors);
      const anchor = slug === '2025-06-monitoring-visit-7' ? 'p12' : ids[Math.floor(ids.length / 2)]!;
      await page.goto(`${server.url}r/${slug}/${anchor}/`);
      await page.waitForURL(`${server.url}reports/${slug}/#${anchor}`);
      expect(await page.evaluate(() => window.location.hash)).toBe(`#${anchor}`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor);
    }
    await page.close();
  });
});

describe('text fingerprints', () => {
  it('on every report page are the fingerprint of each paragraph’s words and the start of its manifest hash', async () => {
    const built = await builtAnchors(dist());
    for (const [slug, anchors] of Object.entries(built)) {
      const html = await readFile(path.join(dist(), manifestPagePath(slug), 'index.html'), 'utf8');
      const list = String(select('article.letter', fromHtml(html))?.properties.dataFingerprints ?? '');
      const shipped = Object.fromEntries(list.split(' ').map((pair) => pair.split(':')));
      expect(shipped, slug).toEqual(Object.fromEntries(anchors.map((anchor) => [anchor.id, fingerprint(anchor.text)])));
      expect(shipped, slug).toEqual(Object.fromEntries(Object.entries(manifest[slug] ?? {}).map(([id, hash]) => [id, hash.slice(0, 8)])));
    }
  });

  it('in /data/findings.json are the manifest’s full hashes', async () => {
    const findings = JSON.parse(await readFile(path.join(dist(), 'data/findings.json'), 'utf8')) as FindingRecord[];
    expect(findings.length).toBe(every().length);
    for (const finding of findings) expect(finding.textHash, `${finding.report}#${finding.anchor}`).toBe(manifest[finding.report]?.[finding.anchor]);
  });

  it('are explained on /about/ with a worked example whose fingerprint is right', async () => {
    const html = await readFile(path.join(dist(), 'about/index.html'), 'utf8');
    const tree = fromHtml(html);
    expect(select('#checking-a-quotation', tree)).toBeDefined();
    const command = select('pre.command code', tree);
    const words = /^printf '%s' '(.*)' \| sha256sum \| cut -c1-8$/.exec(String(command?.children.map((child) => ('value' in child ? child.value : '')).join('')))?.[1];
    expect(words).toBeDefined();
    expect(html).toContain(`Its fingerprint is <code>${fingerprint(words!)}</code>`);
    // The example is a published paragraph: its fingerprint starts one of the manifest's hashes.
    expect(Object.values(manifest).some((anchors) => Object.values(anchors).some((hash) => hash.startsWith(fingerprint(words!))))).toBe(true);
  });
});
