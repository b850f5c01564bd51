/**
 * What a search result shows, worked out from Pagefind's data for it: pure functions, with no DOM,
 * so that the ranking and the folding of paragraphs are unit-tested (tests/unit/search-results.test.ts)
 * and src/scripts/search-render.ts only turns the outcome into elements.
 *
 * A result is a report (Pagefind indexes one record per report page, scripts/search-index.ts)
 * with the paragraphs that matched as sub-results. Each paragraph's themes travel in its
 * sub-result title (`Paragraph 12 [workforce, education]`, src/lib/paragraph-numbering.ts).
 */
import type { PagefindAnchor, PagefindResultData } from './search-pagefind.ts';
import { parseParagraphSearchTitle } from './paragraph-numbering.ts';
import { hasFilters, type SearchState } from './search-state.ts';

/**
 * Reports whose data is loaded at a time: each one costs a download of its text (a fragment), so
 * a first search loads five and "Show more results" the next five.
 */
export const RESULTS_PER_BATCH = 5;
/** Paragraphs listed under a report; the rest fold under "more paragraphs". */
const PARAGRAPHS_SHOWN = 3;
/** Words in an excerpt (Pagefind's option) and in a paragraph shown for a filter alone. */
export const EXCERPT_WORDS = 36;

/** Theme id -> label (the record's themes, given to the page when it is built). */
export type ThemeLabels = Readonly<Record<string, string>>;

/** One matching paragraph (or heading, or the opening of the letter) under a report result. */
export interface ParagraphHit {
  label: string;
  /** The paragraph's address, with its anchor, e.g. `/reports/<slug>/#p12` (any anchor id). */
  url: string;
  /** Pagefind's excerpt: escaped text with <mark> around the matched words. */
  excerptHtml?: string;
  /** Plain text, to be shown as text. */
  excerptText?: string;
  /** Theme labels. */
  themes: string[];
}

/** A report result, ready to render. */
export interface ReportResult {
  /** The report page's address, without a fragment. */
  url: string;
  title: string;
  /** The type of report, e.g. `Monitoring visit`. */
  kind: string;
  /** The dates inspectors were on site, in words. */
  dates: string;
  /** Our summary of the letter rather than its words. */
  summary: boolean;
  /** Pagefind's excerpt of the whole report, shown when no paragraph is listed. */
  excerptHtml: string;
  /** The paragraphs listed under the report. */
  shown: ParagraphHit[];
  /** The paragraphs folded under `foldLabel`. */
  folded: ParagraphHit[];
  /** "3 more paragraphs in this report", when some are folded. */
  foldLabel?: string;
  /** Set when themes are chosen and none of the report's paragraphs on them has the words. */
  noParagraphOnTheme?: string;
}

/** The report page's address, without any fragment. */
function reportUrlOf(item: Pick<PagefindResultData, 'url'>): string {
  return item.url.split('#')[0] ?? item.url;
}

/** The theme labels of a paragraph, from its sub-result title. */
function themesOf(anchor: PagefindAnchor | undefined, labels: ThemeLabels): string[] {
  const parsed = anchor?.title ? parseParagraphSearchTitle(anchor.title) : undefined;
  return (parsed?.themeIds ?? []).map((id) => labels[id] ?? id);
}

/**
 * A paragraph's label as the page shows it ("Paragraph 12", "Paragraph 6, point 2", "Summary,
 * paragraph 3": the wording is src/lib/paragraph-numbering.ts's); a heading's own words.
 */
export function labelOf(anchor: PagefindAnchor): string {
  const parsed = anchor.title ? parseParagraphSearchTitle(anchor.title) : undefined;
  return parsed ? parsed.label : (anchor.title ?? anchor.text?.trim() ?? anchor.id);
}

/** The start of a paragraph's words (up to the next anchor), for a paragraph shown without a match. */
export function openingWords(item: Pick<PagefindResultData, 'content' | 'anchors'>, anchor: PagefindAnchor, words = EXCERPT_WORDS): string {
  const all = item.content.split(/\s+/);
  const later = item.anchors.map((other) => other.location).filter((location) => location > anchor.location);
  const paragraphEnd = later.length > 0 ? Math.min(...later) : all.length;
  const end = Math.min(paragraphEnd, anchor.location + words);
  const text = all.slice(anchor.location, end).join(' ');
  return end < paragraphEnd ? `${text} …` : text;
}

/**
 * The paragraphs that matched in a report, from Pagefind's sub-results: the ones with most
 * matches first, then in reading order. With filters alone there are no matches, so a chosen
 * theme lists the report's paragraphs on it, in reading order, with the start of their words.
 */
export function paragraphHits(item: PagefindResultData, chosenThemes: readonly string[], labels: ThemeLabels): ParagraphHit[] {
  if (item.sub_results.length > 0) {
    return item.sub_results
      .map((sub, order) => {
        // Words before the first anchor: the letter's date, address and greeting.
        const label = sub.anchor ? labelOf(sub.anchor) : 'Opening of the letter';
        const hit: ParagraphHit = { label, url: sub.url, excerptHtml: sub.excerpt, themes: themesOf(sub.anchor, labels) };
        return { hit, matches: sub.locations.length, order };
      })
      .sort((a, b) => b.matches - a.matches || a.order - b.order)
      .map(({ hit }) => hit);
  }
  const chosen = new Set(chosenThemes);
  if (chosen.size === 0) return [];
  const reportUrl = reportUrlOf(item);
  return item.anchors
    .filter((anchor) => themesOf(anchor, labels).some((theme) => chosen.has(theme)))
    .sort((a, b) => a.location - b.location)
    .map((anchor) => ({ label: labelOf(anchor), url: `${reportUrl}#${anchor.id}`, excerptText: openingWords(item, anchor), themes: themesOf(anchor, labels) }));
}

/** Whether any paragraph on a chosen theme has the words searched for. */
function matchesOnChosenTheme(item: PagefindResultData, chosenThemes: readonly string[], labels: ThemeLabels): boolean {
  return item.sub_results.some((sub) => themesOf(sub.anchor, labels).some((theme) => chosenThemes.includes(theme)));
}

/**
 * The order of a batch of loaded results. Pagefind orders by relevance; among equally relevant
 * reports, the newest visit comes first (report addresses start with the month of the visit,
 * reports/2025-06-..., so they order by date). With a theme chosen, reports where the words are in
 * a paragraph on it come before those where they are only elsewhere in the report.
 *
 * Only a batch can be ordered so (five reports, RESULTS_PER_BATCH): the theme and the date are in
 * each report's data, which is downloaded for the reports shown and no others. Batches follow
 * Pagefind's order.
 */
export function rankBatch<T extends { score: number; item: PagefindResultData }>(loaded: readonly T[], chosenThemes: readonly string[], labels: ThemeLabels): T[] {
  const onTheme = (item: PagefindResultData): number => Number(matchesOnChosenTheme(item, chosenThemes, labels));
  return [...loaded].sort((a, b) => onTheme(b.item) - onTheme(a.item) || b.score - a.score || b.item.url.localeCompare(a.item.url));
}

/**
 * A report's result. Without a theme chosen, the first PARAGRAPHS_SHOWN matching paragraphs are
 * listed and the rest fold away. Pagefind's theme filter keeps whole reports: with a theme chosen,
 * the paragraphs on it are the answer and the report's other matches fold away beneath them.
 */
export function reportResult(item: PagefindResultData, chosenThemes: readonly string[], labels: ThemeLabels): ReportResult {
  const base = {
    url: reportUrlOf(item),
    title: item.meta.title ?? reportUrlOf(item),
    kind: item.filters.kind?.[0] ?? '',
    dates: item.meta.dates ?? '',
    summary: item.filters.text?.includes('summary') ?? false,
    excerptHtml: item.excerpt,
  };
  const hits = paragraphHits(item, chosenThemes, labels);
  if (hits.length === 0) return { ...base, shown: [], folded: [] };
  const chosen = new Set(chosenThemes);
  const shown = chosen.size === 0 ? hits.slice(0, PARAGRAPHS_SHOWN) : hits.filter((hit) => hit.themes.some((theme) => chosen.has(theme)));
  const folded = hits.filter((hit) => !shown.includes(hit));
  const result: ReportResult = { ...base, shown, folded };
  if (shown.length === 0) result.noParagraphOnTheme = `No paragraph on ${chosen.size === 1 ? 'the chosen theme' : 'the chosen themes'} has these words.`;
  if (folded.length > 0) {
    result.foldLabel = `${folded.length} ${chosen.size === 0 ? 'more' : 'other'} ${folded.length === 1 ? 'paragraph' : 'paragraphs'} in this report`;
  }
  return result;
}

/** What was searched for, in words: `for “caseloads” with the chosen filters`. */
function searchedFor(state: SearchState): string {
  return [state.query === '' ? '' : `for “${state.query}”`, hasFilters(state) ? 'with the chosen filters' : ''].filter(Boolean).join(' ');
}

/** The sentence announced when a search completes. */
export function statusText(count: number, state: SearchState): string {
  const what = searchedFor(state);
  return count === 0 ? `No reports found ${what}.` : `${count} ${count === 1 ? 'report' : 'reports'} found ${what}.`;
}

/** How many of the reports found are listed: shown beside "Show more results", announced after it. */
export function progressText(shown: number, total: number): string {
  return shown >= total ? `Showing all ${total} ${total === 1 ? 'report' : 'reports'}.` : `Showing ${shown} of ${total} reports.`;
}

/**
 * The words to preload for a search, so that a word cut short finds all its endings. Pagefind
 * loads, for each word, the index chunk whose word range holds it, then matches the words that
 * start with it among the loaded words; endings in the next chunk would be missed. A word followed
 * by U+FFFF sorts after all its endings, so it asks for the chunk holding the last of them too.
 */
export function preloadTerm(query: string): string {
  return query
    .split(/\s+/)
    .filter((word) => word !== '')
    .flatMap((word) => [word, `${word}\uFFFF`])
    .join(' ');
}
