/**
 * The quality gates (DESIGN.md §6), run the same way over any built site: the real build, the
 * build under a sub-path, and the deliberately broken fixture that proves each gate can fail.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { checkInBrowser, type BrowserFacts } from '../../scripts/checks/browser.ts';
import { inParallel } from '../../scripts/checks/in-parallel.ts';
import { checkLinks, type LinkReport } from '../../scripts/checks/links.ts';
import { pageRuleProblems, type PageProblem } from '../../scripts/checks/page-rules.ts';
import { pageFile } from '../../scripts/checks/pages.ts';

/** Pages open in the browser at once. */
const BROWSER_PAGES_AT_ONCE = 2;

export interface GateResults {
  pageRules: string[];
  html: string[];
  links: LinkReport;
  browser: BrowserFacts[];
}

/**
 * `browserPages`: the pages to open in the browser (axe, CSP, requests), when not every page: the
 * page rules, HTML validity and links are checked on every page of `pages` either way. `phone:
 * false` skips axe's second pass at phone width (the base-path build, whose pages the root build
 * already checks at both widths).
 */
export async function runGates(options: { distDir: string; base: string; pages: string[]; browserPages?: string[]; browser: Browser; origin: string; phone?: boolean }): Promise<GateResults> {
  const { distDir, base, pages, browser, origin, phone } = options;
  const browserPages = options.browserPages ?? pages;
  const sources = [];
  for (const page of pages) sources.push({ page, html: await readFile(pageFile(distDir, base, page), 'utf8') });
  const problems = await pageRuleProblems(sources);
  const line = ({ page, problem }: PageProblem) => `${page} ${problem}`;
  const pageRules = problems.rules.map(line);
  const html = problems.html.map(line);
  const links = await checkLinks(distDir, base);
  // Two pages at a time: each page's axe passes keep a core busy in Chromium while this process
  // waits, and the test machine has two cores (one at a time, the gates took six minutes).
  const browserFacts: BrowserFacts[] = await inParallel(browserPages, BROWSER_PAGES_AT_ONCE, (page) => checkInBrowser(browser, origin, page, { phone }));
  return { pageRules, html, links, browser: browserFacts };
}

/** Every failure in one list, so a failed gate shows everything to fix at once. */
export function gateFailures(results: GateResults): string[] {
  return [
    ...results.pageRules.map((problem) => `page rule: ${problem}`),
    ...results.html.map((problem) => `html: ${problem}`),
    ...results.links.broken.map((problem) => `link: ${problem}`),
    ...results.browser.flatMap((facts) => [
      ...facts.axe.map((violation) => `axe: ${facts.page} ${violation}`),
      ...facts.thirdParty.map((request) => `third-party request: ${facts.page} ${request}`),
      ...facts.cookies.map((cookie) => `cookie: ${facts.page} ${cookie}`),
      ...facts.cspViolations.map((violation) => `csp: ${facts.page} ${violation}`),
    ]),
  ];
}

/** Printed, not asserted: script bytes per page and the external links found. */
export function printReport(label: string, results: GateResults): void {
  const lines = results.browser.map((facts) => `  ${String(facts.scriptBytes).padStart(7)} B  ${facts.page}`);
  console.log(`${label}: script bytes per page\n${lines.join('\n')}`);
  // Each paragraph's preview page (/r/<slug>/<anchor>/) links only its paragraph's own absolute
  // address (its canonical link): hundreds of lines that say nothing, so they are counted instead.
  const isPreview = (page: string) => /\/r\/[^/]+\/[^/]+\/$/.test(page);
  const entries = [...results.links.external.entries()];
  const previewOnly = entries.filter(([, pages]) => pages.every(isPreview));
  const external = entries.filter((entry) => !previewOnly.includes(entry)).map(([link, pages]) => `  ${link} (${pages.length} page${pages.length === 1 ? '' : 's'})`);
  if (previewOnly.length > 0) external.push(`  and ${previewOnly.length} paragraph addresses, each the canonical link of its preview page (/r/<slug>/<anchor>/)`);
  console.log(`${label}: ${results.links.pagesChecked} pages link-checked; external links (not fetched):\n${external.join('\n')}`);
}
