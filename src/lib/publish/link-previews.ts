/**
 * Link-preview pages: one small page per paragraph at /r/<slug>/<anchor>/ (src/lib/site/urls.ts,
 * paragraphPreviewPath), for the preview services of Teams, email and chat. Those services fetch
 * the page a link names but never see its `#p12` fragment, so a link to /reports/<slug>/#p12
 * previews the whole report. The preview page carries the paragraph's own title and opening
 * words as Open Graph and Twitter card tags, quotes the paragraph, and sends a reader straight on
 * to the paragraph's permanent address (a zero-delay refresh, and a visible link for when
 * refreshes are off). It has no script.
 *
 * They are written after `astro build` by scripts/preview-pages.ts, from the open data the build
 * made (/data/findings.json and /data/reports.json), not rendered as Astro pages: at 1,000
 * reports there are about 50,000 paragraphs, and each Astro page costs far more than writing a
 * string. They are not in the sitemap (a copy of a paragraph that lives elsewhere) and not in
 * the search index (scripts/search-index.ts indexes reports/<slug>/index.html only).
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { ReportData } from '../record/schema.ts';
import { citationPrefix } from './citation.ts';
import { escapeHtml } from '../utils/escape.ts';
import { SITE_NAME } from '../site/council.ts';
import { CSP_META } from '../site/content-security-policy.ts';
import { FAVICON_ICO_PATH, FAVICON_SVG_PATH, paragraphPath, paragraphPreviewPath, withBase } from '../site/urls.ts';

/** What a preview page needs of a paragraph: the fields of a /data/findings.json record it reads. */
export interface PreviewParagraph {
  report: string;
  reportTitle: string;
  text: 'full' | 'summary';
  anchor: string;
  label: string;
  words: string;
}

/** What it needs of the paragraph's report: the fields citationPrefix reads (/data/reports.json). */
export type PreviewReport = Pick<ReportData, 'title' | 'text' | 'letterDate' | 'visitStart'>;

/** The built site's own address and look, read from its home page (`siteFromHomePage`). */
export interface PreviewSite {
  /** The home page's absolute address, base included: https://example.org/inspections/ */
  home: string;
  /** The site's stylesheets, so a reader whose browser does not follow the refresh sees a styled page. */
  stylesheets: string[];
}

/** About the length a preview service shows; og:description is cut to it at a word boundary. */
export const DESCRIPTION_LENGTH = 200;

/** The opening words of `text`, at most `max` characters, cut at a word boundary with an ellipsis. */
export function openingWords(text: string, max = DESCRIPTION_LENGTH): string {
  const words = text.replace(/\s+/g, ' ').trim();
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // A single word longer than `max` (a long URL) is cut where it must be.
  const head = (space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:.\u2013\u2014-]+$/, '');
  return `${head}…`;
}

/**
 * The page's title: the report, the document and its date, and the paragraph, e.g.
 * "Monitoring visit 7, June 2025: Ofsted, Monitoring visit to Herefordshire children’s services,
 * letter of 17 July 2025, paragraph 12". For a summary the citation prefix names this site's
 * summary, never Ofsted.
 */
export function previewTitle(paragraph: PreviewParagraph, report: PreviewReport): string {
  return `${paragraph.reportTitle}: ${citationPrefix(report)}, ${paragraph.label}`;
}

/** The description: the opening words, labelled as ours when the paragraph is our summary. */
export function previewDescription(paragraph: PreviewParagraph): string {
  const words = openingWords(paragraph.words);
  return paragraph.text === 'summary' ? `Our summary, not Ofsted’s words: ${words}` : words;
}

/** The site's home address and stylesheets, from the built home page's canonical link and <link rel="stylesheet">s. */
export function siteFromHomePage(html: string, file = 'index.html'): PreviewSite {
  const tree = fromHtml(html);
  const canonical = select('link[rel="canonical"]', tree)?.properties.href;
  if (typeof canonical !== 'string' || !/^https?:\/\//.test(canonical)) {
    throw new Error(`${file}: the home page has no absolute <link rel="canonical">, which gives the site's address for the preview pages. Fix: set \`site\` in astro.config.mjs (SITE_URL).`);
  }
  const stylesheets = selectAll('link[rel="stylesheet"]', tree)
    .map((link: Element) => link.properties.href)
    .filter((href): href is string => typeof href === 'string');
  return { home: canonical, stylesheets };
}

export interface PreviewPage {
  /** Relative to the output folder: r/<slug>/<anchor>/index.html */
  file: string;
  html: string;
}

/** One paragraph's preview page. */
export function previewPage(paragraph: PreviewParagraph, report: PreviewReport, site: PreviewSite): PreviewPage {
  const home = new URL(site.home);
  const base = home.pathname;
  /** The paragraph's permanent address: relative to the host for the refresh and the link (so they work wherever the site is served), absolute for the canonical link and og:url. */
  const target = withBase(base, paragraphPath(paragraph.report, paragraph.anchor));
  const canonical = new URL(target, home).href;
  const ownPath = paragraphPreviewPath(paragraph.report, paragraph.anchor);
  const ownUrl = new URL(withBase(base, ownPath), home).href;
  const title = previewTitle(paragraph, report);
  // The page's own heading is shorter than the title a preview service shows: "Paragraph 12 of
  // Monitoring visit 7, June 2025", the document and its date under it.
  const heading = `${paragraph.label.charAt(0).toUpperCase()}${paragraph.label.slice(1)} of ${paragraph.reportTitle}`;
  const description = previewDescription(paragraph);
  const isSummary = paragraph.text === 'summary';
  const attribute = escapeHtml;
  const meta = (property: string, content: string) => `<meta property="${property}" content="${attribute(content)}">`;
  const named = (name: string, content: string) => `<meta name="${name}" content="${attribute(content)}">`;
  const html = `<!DOCTYPE html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="content-security-policy" content="${attribute(CSP_META)}">
    <meta http-equiv="refresh" content="0; url=${attribute(target)}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)} – ${escapeHtml(SITE_NAME)}</title>
    ${named('description', description)}
    <link rel="icon" href="${attribute(withBase(base, FAVICON_ICO_PATH))}" sizes="32x32">
    <link rel="icon" href="${attribute(withBase(base, FAVICON_SVG_PATH))}" type="image/svg+xml">
    <link rel="canonical" href="${attribute(canonical)}">
${site.stylesheets.map((href) => `    <link rel="stylesheet" href="${attribute(href)}">\n`).join('')}    ${meta('og:type', 'article')}
    ${meta('og:site_name', SITE_NAME)}
    ${meta('og:title', title)}
    ${meta('og:description', description)}
    ${meta('og:url', ownUrl)}
    ${meta('og:locale', 'en_GB')}
    ${named('twitter:card', 'summary')}
    ${named('twitter:title', title)}
    ${named('twitter:description', description)}
  </head>
  <body>
    <a class="skip-link" href="#main">Skip to main content</a>
    <header class="site-header">
      <div class="width-container">
        <a class="site-name" href="${attribute(base)}">${escapeHtml(SITE_NAME)}</a>
        <nav aria-label="Main">
          <ul class="site-nav">
            <li><a href="${attribute(base)}">Home</a></li>
            <li><a href="${attribute(withBase(base, 'reports/'))}">Reports</a></li>
          </ul>
        </nav>
      </div>
    </header>
    <main id="main" class="width-container" tabindex="-1">
      <h1>${escapeHtml(heading)}</h1>
      <p class="lead">${escapeHtml(citationPrefix(report))}</p>
      <p><a href="${attribute(target)}">Go to ${escapeHtml(paragraph.label)} of ${escapeHtml(paragraph.reportTitle)}</a></p>
      ${isSummary ? '<p class="notice"><strong>This is our summary, not Ofsted’s words.</strong></p>\n      ' : ''}<blockquote class="preview-quote" cite="${attribute(target)}">
        <p>${escapeHtml(paragraph.words)}</p>
      </blockquote>
    </main>
    <footer class="site-footer">
      <div class="width-container">
        <p>
          Ofsted material is © Crown copyright and is reproduced under the Open Government Licence v3.0.
          Summaries and annotations are editorial judgements by this site and are not Ofsted’s words.
        </p>
      </div>
    </footer>
  </body>
</html>
`;
  return { file: `${ownPath}index.html`, html };
}

/**
 * Every paragraph's preview page, one at a time (at 1,000 reports, 50,000 pages of about 3 KB: the
 * writer need not hold them all). Fails, naming the paragraph, if a paragraph's report is not in
 * /data/reports.json (the two files come from one build, so this means they are out of step).
 */
export function* previewPages(paragraphs: Iterable<PreviewParagraph>, reports: ReadonlyMap<string, PreviewReport>, site: PreviewSite): Generator<PreviewPage> {
  for (const paragraph of paragraphs) {
    const report = reports.get(paragraph.report);
    if (!report) throw new Error(`data/findings.json: paragraph ${paragraph.report}#${paragraph.anchor} names a report that is not in data/reports.json. Fix: rebuild the site (npm run build).`);
    yield previewPage(paragraph, report, site);
  }
}
