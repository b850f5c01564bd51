/**
 * The quality gates over every page of the real build (every page in the sitemap, plus 404):
 * no axe violations at WCAG 2.2 A/AA, valid HTML, page rules, working links and fragments, no
 * third-party requests, no cookies, no CSP violations, and no script where none is needed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { sitemapPages } from '../../scripts/checks/pages.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { gateFailures, printReport, runGates, type GateResults } from '../helpers/quality.ts';

let server: RunningServer;
let browser: Browser;
let results: GateResults;
let pages: string[];

const PREVIEW_SAMPLE = ['/r/2025-06-monitoring-visit-7/p12/', '/r/2023-03-monitoring-visit-1/p1/', '/r/2018-06-inspection/s3/'];

/**
 * The statistical neighbours' 30 report pages (and their ten councils' lists) are one template over one importer's output: the
 * browser gates (axe at two widths, CSP, requests) open one of each shape of report, which costs
 * about a minute less than all 30 on the CI machine; every one of them still takes the page rules,
 * HTML validation and the link check, and tests/site/neighbours.test.ts reads each.
 */
const NEIGHBOUR_SAMPLE = [
  '/neighbours/derbyshire/2013-11-inspection/', // single inspection framework, paragraphs unnumbered
  '/neighbours/lancashire/2015-09-inspection/', // single inspection framework, numbered
  '/neighbours/staffordshire/2019-02-inspection/', // short ILACS inspection
  '/neighbours/westmorland-and-furness/2024-04-inspection/', // standard ILACS inspection
  '/neighbours/lancashire/2026-05-inspection/', // the framework from April 2026: no overall judgement
  '/neighbours/lancashire/', // a council's list of its reports (ten of these, one template)
];
const isNeighbourReport = (page: string) => /^\/neighbours\/[^/]+\/(?:[^/]+\/)?$/.test(page);

beforeAll(async () => {
  const distDir = inject('distDir');
  server = await serve({ dir: distDir });
  browser = await launchBrowser();
  // The paragraphs' preview pages are not in the sitemap: a sample of them (a letter's paragraph, a
  // summary's, an inspection report's summary paragraph) takes the browser gates; tests/site/previews.test.ts
  // validates the HTML of every one, and the link check reads every built page.
  pages = [...(await sitemapPages(distDir)), '/404.html', ...PREVIEW_SAMPLE];
  const browserPages = pages.filter((page) => !isNeighbourReport(page) || NEIGHBOUR_SAMPLE.includes(page));
  results = await runGates({ distDir, base: '/', pages, browserPages, browser, origin: new URL(server.url).origin });
  printReport('site', results);
  // Generous: on a shared two-core machine the gates over every page, and the preview sample, took 4 minutes.
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('quality gates over the whole site', () => {
  it('covers every kind of page', () => {
    for (const expected of [...PREVIEW_SAMPLE, ...NEIGHBOUR_SAMPLE, '/neighbours/', '/', '/reports/', '/reports/2025-06-monitoring-visit-7/', '/weaknesses/', '/weaknesses/supervision/', '/themes/', '/themes/workforce/', '/search/', '/briefing/', '/about/', '/data/', '/glossary/', '/compare/', '/404.html']) {
      expect(pages).toContain(expected);
    }
  });

  it('passes every gate', () => {
    expect(gateFailures(results)).toEqual([]);
  });

  it('ships no JavaScript where none is needed: the header’s briefing count everywhere, paragraph tools where there are paragraphs', () => {
    // Every page: the header's "Briefing (N)" (src/browser/briefing-count.ts and the store it reads).
    const HEADER = 1_000;
    // Pages that quote paragraphs add "Add to briefing" (src/browser/briefing-buttons.ts); report
    // pages also copy links and citations and highlight search words.
    // The report and briefing pages' limits grew by 500 B when each feature got an explicit start
    // and a named MissingElementError (src/browser/dom.ts): 8,105 B and 12,210 B at that commit.
    const limits: Array<[RegExp, number]> = [
      [/^\/reports\/[^/]+\/$/, 8_500],
      // A neighbour's report copies links and citations and highlights search words, without "Add to briefing".
      [/^\/neighbours\/[^/]+\/[^/]+\/$/, 8_500],
      [/^\/(themes|weaknesses)\/[^/]+\/$/, 4_500],
      // A theme's later pages (a large record's: /themes/<id>/2/, …) are theme pages too.
      [/^\/themes\/[^/]+\/\d+\/$/, 4_500],
      [/^\/briefing\/$/, 12_500],
      // Pages with the judgement chart (home, the reports list) also print its data table open
      // (src/browser/print-disclosures.ts, started by src/components/JudgementChart.astro).
      [/^\/(?:reports\/)?$/, 1_300],
      // The comparison page prints its disclosures open too (England's lists, the chart's table).
      [/^\/compare\/$/, 1_300],
    ];
    for (const facts of results.browser) {
      if (facts.page === '/search/') continue;
      const limit = limits.find(([pattern]) => pattern.test(facts.page))?.[1] ?? HEADER;
      expect(facts.scriptBytes, facts.page).toBeLessThan(limit);
    }
  });
});
