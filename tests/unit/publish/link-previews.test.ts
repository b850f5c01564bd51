import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { parsePreviewLine } from '../../../scripts/bench/build.ts';
import { htmlProblems, pageFacts } from '../../../scripts/checks/page-rules.ts';
import { previewLogLine } from '../../../scripts/preview-pages.ts';
import {
  openingWords,
  previewPage,
  previewPages,
  siteFromHomePage,
  type PreviewParagraph,
  type PreviewReport,
  type PreviewSite,
} from '../../../src/lib/publish/link-previews.ts';
import { CSP_META } from '../../../src/lib/site/content-security-policy.ts';

const letter: PreviewReport = { title: 'Monitoring visit to Herefordshire children’s services', text: 'full', letterDate: '2025-07-17', visitStart: '2025-06-17' };
const summary: PreviewReport = { title: 'Monitoring visit to Herefordshire children’s services', text: 'summary', visitStart: '2023-06' };

const words =
  'Most supervision is regular, reflective and purposeful, and social workers say that they feel supported by their managers, who are visible and approachable. Supervision records show clear actions & "timescales" <for> children.';
const paragraph: PreviewParagraph = { report: '2025-06-monitoring-visit-7', reportTitle: 'Monitoring visit 7, June 2025', text: 'full', anchor: 'p12', label: 'paragraph 12', words };
const site: PreviewSite = { home: 'https://example.org/inspections/', stylesheets: ['/inspections/_astro/site.css'] };

function meta(html: string, selector: string): string | undefined {
  const value = select(selector, fromHtml(html))?.properties.content;
  return value === undefined ? undefined : String(value);
}

describe('openingWords', () => {
  it('keeps a short paragraph whole', () => {
    expect(openingWords('Caseloads are lower.')).toBe('Caseloads are lower.');
  });

  it('cuts a long one at a word boundary, within the limit, with an ellipsis', () => {
    const cut = openingWords(words);
    expect(cut.length).toBeLessThanOrEqual(201);
    expect(cut.endsWith('…')).toBe(true);
    expect(words.startsWith(cut.slice(0, -1))).toBe(true);
    expect(words.charAt(cut.length - 1)).toMatch(/[\s,]/);
    expect(openingWords('one two, three four', 10)).toBe('one two…');
  });

  it('cuts a single overlong word where it must', () => {
    expect(openingWords('x'.repeat(300), 20)).toBe(`${'x'.repeat(20)}…`);
  });
});

describe('a paragraph’s preview page', () => {
  const page = previewPage(paragraph, letter, site);
  const tree = fromHtml(page.html);

  it('is written at r/<slug>/<anchor>/index.html', () => {
    expect(page.file).toBe('r/2025-06-monitoring-visit-7/p12/index.html');
  });

  it('carries the document, its date and the paragraph as its title, and the opening words as its description', () => {
    const title = 'Monitoring visit 7, June 2025: Ofsted, Monitoring visit to Herefordshire children’s services, letter of 17 July 2025, paragraph 12';
    expect(meta(page.html, 'meta[property="og:title"]')).toBe(title);
    expect(meta(page.html, 'meta[name="twitter:title"]')).toBe(title);
    expect(toText(select('title', tree)!)).toBe(`${title} – Herefordshire children’s services inspections`);
    expect(toText(select('h1', tree)!)).toBe('Paragraph 12 of Monitoring visit 7, June 2025');
    expect(toText(select('main .lead', tree)!)).toBe('Ofsted, Monitoring visit to Herefordshire children’s services, letter of 17 July 2025');
    const description = openingWords(words);
    for (const selector of ['meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]']) {
      expect(meta(page.html, selector)).toBe(description);
    }
    expect(meta(page.html, 'meta[property="og:site_name"]')).toBe('Herefordshire children’s services inspections');
    expect(meta(page.html, 'meta[property="og:type"]')).toBe('article');
    expect(meta(page.html, 'meta[name="twitter:card"]')).toBe('summary');
    expect(meta(page.html, 'meta[property="og:url"]')).toBe('https://example.org/inspections/r/2025-06-monitoring-visit-7/p12/');
  });

  it('points at the paragraph’s permanent address: canonical (absolute), an immediate refresh and a visible link', () => {
    expect(select('link[rel="canonical"]', tree)?.properties.href).toBe('https://example.org/inspections/reports/2025-06-monitoring-visit-7/#p12');
    expect(meta(page.html, 'meta[http-equiv="refresh"]')).toBe('0; url=/inspections/reports/2025-06-monitoring-visit-7/#p12');
    const link = select('main a', tree)!;
    expect(link.properties.href).toBe('/inspections/reports/2025-06-monitoring-visit-7/#p12');
    expect(toText(link)).toBe('Go to paragraph 12 of Monitoring visit 7, June 2025');
  });

  it('quotes the whole paragraph, escaped, and has no script', () => {
    expect(toText(select('blockquote', tree)!).trim()).toBe(words);
    expect(page.html).toContain('&amp; &quot;timescales&quot; &lt;for&gt;');
    expect(select('script', tree)).toBeUndefined();
  });

  it('has the site’s CSP, language, stylesheets and landmarks, and is valid HTML', async () => {
    expect(meta(page.html, 'meta[http-equiv="content-security-policy"]')).toBe(CSP_META);
    expect(select('html', tree)?.properties.lang).toBe('en-GB');
    expect(select('link[rel="stylesheet"]', tree)?.properties.href).toBe('/inspections/_astro/site.css');
    expect(pageFacts('/inspections/r/2025-06-monitoring-visit-7/p12/', page.html).problems).toEqual([]);
    expect(await htmlProblems(page.html)).toEqual([]);
  });

  it('labels a summary as this site’s, never as Ofsted’s words', () => {
    const ours = previewPage({ ...paragraph, report: '2023-06-monitoring-visit-5', reportTitle: 'Monitoring visit 5, June 2023', text: 'summary', anchor: 'p1', label: 'paragraph 1', words: 'Inspectors found some progress.' }, summary, site);
    expect(meta(ours.html, 'meta[property="og:title"]')).toBe(
      'Monitoring visit 5, June 2023: Herefordshire children’s services inspections, summary of Ofsted’s monitoring visit to Herefordshire children’s services (June 2023), paragraph 1',
    );
    expect(meta(ours.html, 'meta[property="og:description"]')).toBe('Our summary, not Ofsted’s words: Inspectors found some progress.');
    expect(toText(select('main', fromHtml(ours.html))!)).toContain('This is our summary, not Ofsted’s words.');
  });

  it('works for a site at the root', () => {
    const root = previewPage(paragraph, letter, { home: 'https://example.org/', stylesheets: [] });
    expect(select('link[rel="canonical"]', fromHtml(root.html))?.properties.href).toBe('https://example.org/reports/2025-06-monitoring-visit-7/#p12');
    expect(meta(root.html, 'meta[http-equiv="refresh"]')).toBe('0; url=/reports/2025-06-monitoring-visit-7/#p12');
  });
});

describe('previewPages', () => {
  it('writes one page per paragraph, and names a paragraph whose report is missing', () => {
    expect([...previewPages([paragraph], new Map([[paragraph.report, letter]]), site)].map((page) => page.file)).toEqual(['r/2025-06-monitoring-visit-7/p12/index.html']);
    expect(() => [...previewPages([paragraph], new Map(), site)]).toThrow(/2025-06-monitoring-visit-7#p12 names a report that is not in data\/reports.json/);
  });
});

describe('siteFromHomePage', () => {
  it('reads the site’s address from the home page’s canonical link, and its stylesheets', () => {
    const html = '<!doctype html><html><head><link rel="canonical" href="https://example.org/inspections/"><link rel="stylesheet" href="/inspections/_astro/a.css"></head><body></body></html>';
    expect(siteFromHomePage(html)).toEqual({ home: 'https://example.org/inspections/', stylesheets: ['/inspections/_astro/a.css'] });
  });

  it('fails, naming the file and the fix, without an absolute canonical link', () => {
    expect(() => siteFromHomePage('<title>x</title>', 'dist/index.html')).toThrow(/dist\/index.html: .*canonical.*SITE_URL/);
  });
});

describe('the build’s log line', () => {
  it('is what the benchmark reads the count and time from', () => {
    expect(parsePreviewLine(previewLogLine({ pages: 597, milliseconds: 358 }))).toEqual({ pages: 597, seconds: 0.358 });
  });
});
