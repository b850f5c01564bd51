/**
 * Every internal URL of the site, in one place (DESIGN.md §2: these are permanent). Paths are
 * relative to the site's base so that the record can be hosted under a sub-path; `withBase`
 * adds the base the site was built with.
 */

/** Joins the configured base (e.g. `/` or `/inspections/`) and a path relative to it. */
export function withBase(base: string, path = ''): string {
  const trimmedBase = base.endsWith('/') ? base : `${base}/`;
  return `${trimmedBase}${path.replace(/^\//, '')}`;
}

export function reportPath(slug: string): string {
  return `reports/${slug}/`;
}

/** A paragraph's permanent path: `anchor` is its id (src/lib/record/paragraph-numbering.ts), e.g. p12 or p6-1. */
export function paragraphPath(slug: string, anchor: string): string {
  return `${reportPath(slug)}#${anchor}`;
}

/**
 * A paragraph's link-preview page: a small page with the paragraph's title and opening words for
 * the preview services of Teams, email and chat (which never see a `#p12` fragment), redirecting to
 * `paragraphPath`. As permanent as the anchor itself.
 */
export function paragraphPreviewPath(slug: string, anchor: string): string {
  return `${reportPreviewsPath(slug)}${anchor}/`;
}

/** The folder of a report's preview pages, `r/<slug>/`: each paragraph's is this plus `<anchor>/`. */
export function reportPreviewsPath(slug: string): string {
  return `r/${slug}/`;
}

export const REPORTS_PATH = 'reports/';

/** The statistical neighbours' reports (issue 26): `/neighbours/`, and one council's, `/neighbours/<council>/`. */
export const NEIGHBOURS_PATH = 'neighbours/';

export function neighbourCouncilPath(councilSlug: string): string {
  return `${NEIGHBOURS_PATH}${councilSlug}/`;
}

/** A neighbour's report: `id` is its collection id, `<council>/<slug>`, e.g. `lancashire/2026-05-inspection`. */
export function neighbourReportPath(id: string): string {
  return `${NEIGHBOURS_PATH}${id}/`;
}

/** A paragraph of a neighbour's report: `neighbours/<council>/<slug>/#<anchor>`, as paragraphPath is for Herefordshire's. */
export function neighbourParagraphPath(id: string, anchor: string): string {
  return `${neighbourReportPath(id)}#${anchor}`;
}

/** The site's icon (public/), linked from every page: the SVG, and the ICO browsers still ask for (scripts/favicon.ts makes it from the SVG). */
export const FAVICON_SVG_PATH = 'favicon.svg';
export const FAVICON_ICO_PATH = 'favicon.ico';

/** The Open Government Licence, under which Ofsted publishes its letters. */
export const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

export const WEAKNESSES_PATH = 'weaknesses/';
export const THEMES_PATH = 'themes/';

export function weaknessPath(id: string): string {
  return `${WEAKNESSES_PATH}${id}/`;
}

export function themePath(id: string): string {
  return `${THEMES_PATH}${id}/`;
}

/**
 * Page `page` of a theme's paragraphs, newest first (src/lib/record/theme-pages.ts): the first is the
 * theme's own address, `themes/<id>/`; the later ones are `themes/<id>/2/`, `themes/<id>/3/`, …
 */
export function themePagePath(id: string, page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new Error(`A theme page number is a whole number from 1, not ${page}.`);
  return page === 1 ? themePath(id) : `${themePath(id)}${page}/`;
}

export const GLOSSARY_PATH = 'glossary/';

/** A term's entry on the glossary page: its id is the anchor (content/glossary.yaml). */
export function glossaryTermPath(id: string): string {
  return `${GLOSSARY_PATH}#${id}`;
}

/** A theme's Atom feed of its paragraphs (src/lib/publish/paragraph-feeds.ts). */
export function themeFeedPath(id: string): string {
  return `${themePath(id)}feed.xml`;
}

/** A weakness's Atom feed: its 2018 paragraphs and every later status. */
export function weaknessFeedPath(id: string): string {
  return `${weaknessPath(id)}feed.xml`;
}

/** Herefordshire beside England and its statistical neighbours (issue 26); built only where the content has content/england/. */
export const COMPARE_PATH = 'compare/';

/** A count of England's picture on the comparison page: the list of the councils it counts. */
export function compareCountPath(series: string, count: string): string {
  return `${COMPARE_PATH}#england-${series}-${count}`;
}

/** The comparison as open data: one record per council of England. */
export const COMPARISON_JSON_PATH = 'data/comparison.json';
export const COMPARISON_CSV_PATH = 'data/comparison.csv';
