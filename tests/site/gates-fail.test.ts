/**
 * Each quality gate must be able to fail. The same gates that pass over the real site are run
 * over a deliberately broken fixture (tests/fixtures/broken-site/), and each fault is caught.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { sitemapPages } from '../../scripts/checks/pages.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { gateFailures, runGates, type GateResults } from '../helpers/quality.ts';
import { repoRoot } from '../helpers/site.ts';

const FIXTURE = path.join(repoRoot, 'tests/fixtures/broken-site');
let server: RunningServer;
let browser: Browser;
let failures: string[];
let results: GateResults;

beforeAll(async () => {
  server = await serve({ dir: FIXTURE });
  browser = await launchBrowser();
  results = await runGates({ distDir: FIXTURE, base: '/', pages: await sitemapPages(FIXTURE), browser, origin: new URL(server.url).origin });
  failures = gateFailures(results);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function matching(pattern: RegExp): string[] {
  return failures.filter((failure) => pattern.test(failure));
}

describe('every quality gate fails on the broken fixture', () => {
  it('page rules: one h1, lang, description, landmarks, skip link, unique titles', () => {
    expect(matching(/^page rule: \/ has 2 h1 elements/)).toHaveLength(1);
    expect(matching(/^page rule: \/ <html lang> is "en", not "en-GB"/)).toHaveLength(1);
    expect(matching(/^page rule: \/ has no meta description/)).toHaveLength(1);
    expect(matching(/^page rule: \/ has no navigation landmark/)).toHaveLength(1);
    expect(matching(/^page rule: \/ has no contentinfo \(footer\) landmark/)).toHaveLength(1);
    expect(matching(/^page rule: \/ has no skip link/)).toHaveLength(1);
    expect(matching(/^page rule: \/second\/ has the same title as \//)).toHaveLength(1);
    expect(matching(/^page rule: \/ has a space before punctuation: “….*First link , with/)).toHaveLength(1);
  });

  it('valid HTML (html-validate)', () => {
    expect(matching(/^html: \/ \d+:\d+ no-dup-id:/).length).toBeGreaterThan(0);
  });

  it('links and fragments', () => {
    expect(matching(/^link: \/ -> \/missing\/: no such page or file$/)).toHaveLength(1);
    expect(matching(/^link: \/ -> \/second\/#nowhere: no element with id "nowhere" on that page$/)).toHaveLength(1);
    // A refresh's target is checked like a link (the paragraphs' preview pages redirect).
    expect(matching(/^link: \/moved\/ -> \/second\/#gone: no element with id "gone" on that page$/)).toHaveLength(1);
    expect([...results.links.external.keys()]).toEqual(['https://third-party.invalid/tracker.js']);
  });

  it('axe at WCAG 2.2 A/AA', () => {
    // Once at each width axe checks: a desktop and a phone.
    expect(matching(/^axe: \/ image-alt \(\w+\): /)).toHaveLength(1);
    expect(matching(/^axe: \/ image-alt \(\w+\) at phone width: /)).toHaveLength(1);
  });

  it('third-party requests (stopped before they leave the machine), cookies and CSP violations', () => {
    expect(matching(/^third-party request: \/ https:\/\/third-party\.invalid\/tracker\.js$/)).toHaveLength(1);
    expect(matching(/^cookie: \/ tracking$/)).toHaveLength(1);
    expect(matching(/^csp: \/second\/ script-src/).length).toBeGreaterThan(0);
  });

  it('script bytes are measured, so a page that should ship none can be caught', () => {
    const home = results.browser.find((facts) => facts.page === '/')!;
    // The local script is counted (the third-party one was refused, the inline one is no download).
    expect(home.scriptBytes).toBe(Buffer.byteLength("console.log('a script on a page that needs none');\n"));
    expect(results.browser.map((facts) => facts.page)).toEqual(['/', '/second/']);
  });
});
