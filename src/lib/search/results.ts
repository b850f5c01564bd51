/**
 * What the search page shows, worked out from Pagefind's answers: pure functions, with no DOM, so
 * that the ranking is unit-tested (tests/unit/search/results.test.ts) and
 * src/browser/search-render.ts only turns the outcome into elements.
 *
 * A result is one paragraph (Pagefind indexes one record per paragraph, src/lib/search/index-records.ts).
 *
 * The ranking (DESIGN.md §5). Pagefind scores each paragraph (BM25 over its words) and finds only
 * paragraphs with every word of the query, the last one as a prefix ("caseload" finds
 * "caseloads"), stemmed. The page runs a few searches over the same loaded index and puts their
 * results in tiers, each tier before the next whatever the scores:
 * 1. the exact words: the query as a phrase (`"life story"`, which "life-styles" does not match;
 *    for one word, the word itself rather than its plurals or stems), and the other forms of a
 *    glossary term the query is ("section 47" with "child protection enquiries"; src/lib/search/term-forms.ts);
 * 2. every word, in any order or form;
 * 3. only when tiers 1 and 2 together fill less than a batch: paragraphs with some of the words,
 *    most words first, shown under their own heading.
 * Within a tier, Pagefind's score, nudged towards the newest visits (RECENCY_WEIGHT), so that
 * among paragraphs that answer about as well the newest report's come first. "Newest first"
 * orders the same paragraphs by the visit's date, then by their place in the report.
 */
import { idFromParagraphUrl } from '../briefing/paragraph-id.ts';
import { paragraphTitle, parseParagraphId } from '../record/paragraph-numbering.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import { hasFilters, type SearchState } from './state.ts';

/** Paragraphs whose data is loaded at a time: each costs a download of a few hundred bytes. */
export const RESULTS_PER_BATCH = 10;
/** Words in an excerpt (Pagefind's option). */
export const EXCERPT_WORDS = 36;
/**
 * How much a paragraph's recency adds to its score: the newest paragraph's score is multiplied by
 * 1 + RECENCY_WEIGHT, the oldest's by 1. Tuned on the judged queries (npm run search-quality).
 */
export const RECENCY_WEIGHT = 0.7;

/** The tiers, best first. */
export const TIERS = ['exact', 'all', 'some'] as const;
export type Tier = (typeof TIERS)[number];

/** One paragraph found by one of the page's searches. */
export interface Found {
  id: string;
  score: number;
}

/** A paragraph in the final order, with the tier it was placed in. */
export interface Ranked {
  id: string;
  tier: Tier;
  score: number;
}

/**
 * What the page's searches found, gathered: each paragraph's best tier, and its best relevance
 * score. Pagefind gives every paragraph of an exact (quoted) search the same score, 1, so an exact
 * search places paragraphs in a tier (`placing`) and the searches for the words themselves give
 * the scores (`scoring`); a search may do both. `some` counts, for tier 3, how many of the query's
 * words each paragraph has.
 */
export class Candidates {
  readonly tiers = new Map<string, Tier>();
  readonly scores = new Map<string, number>();
  readonly words = new Map<string, number>();

  place(tier: Tier, results: readonly Found[]): void {
    for (const { id } of results) {
      const earlier = this.tiers.get(id);
      if (earlier === undefined || TIERS.indexOf(tier) < TIERS.indexOf(earlier)) this.tiers.set(id, tier);
    }
  }

  score(results: readonly Found[]): void {
    for (const { id, score } of results) this.scores.set(id, Math.max(this.scores.get(id) ?? 0, score));
  }

  /**
   * A search for one of the query's words: a paragraph not placed yet goes in tier 3, scored by
   * its best single word. Paragraphs already placed keep their tier and score.
   */
  someWord(results: readonly Found[]): void {
    const some = results.filter(({ id }) => !this.tiers.has(id) || this.tiers.get(id) === 'some');
    for (const { id } of some) {
      this.tiers.set(id, 'some');
      this.words.set(id, (this.words.get(id) ?? 0) + 1);
    }
    this.score(some);
  }
}

/**
 * Where, in a best-match list, the newest report found has its best paragraph at the latest
 * (a 1-based place): someone asking what inspectors found about a topic wants to see what the
 * latest visit said among the first few results, even when an older report says more about it.
 * Tuned on the judged queries (npm run search-quality).
 */
export const NEWEST_REPORT_BY = 3;

/**
 * The final order. `dateOrder` gives each paragraph's place in a newest-first list (0 the newest);
 * a paragraph missing from it counts as the oldest. `reportOf` names a paragraph's report, where
 * the caller knows it (best match then brings the newest report's best paragraph up to
 * NEWEST_REPORT_BY).
 */
export function rankResults(candidates: Candidates, dateOrder: ReadonlyMap<string, number>, sort: 'best' | 'newest', reportOf?: (id: string) => string | undefined): Ranked[] {
  const places = dateOrder.size;
  const recency = (id: string): number => {
    const place = dateOrder.get(id);
    return place === undefined || places <= 1 ? 0 : 1 - place / (places - 1);
  };
  const date = (id: string): number => dateOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  const ranked: Ranked[] = [...candidates.tiers].map(([id, tier]) => ({ id, tier, score: (candidates.scores.get(id) ?? 0) * (1 + RECENCY_WEIGHT * recency(id)) }));
  const words = (id: string): number => candidates.words.get(id) ?? 0;
  const sorted = ranked.sort(
    (a, b) =>
      TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) ||
      (a.tier === 'some' ? words(b.id) - words(a.id) : 0) ||
      (sort === 'newest' ? date(a.id) - date(b.id) : b.score - a.score || date(a.id) - date(b.id)),
  );
  if (sort === 'newest') return sorted;
  // The newest paragraph found, among those with all the words, belongs to the newest report;
  // that report's best paragraph moves up to NEWEST_REPORT_BY if it is lower.
  const main = sorted.filter((item) => item.tier !== 'some');
  const newest = main.reduce<Ranked | undefined>((best, item) => (best === undefined || date(item.id) < date(best.id) ? item : best), undefined);
  if (!newest || !reportOf) return sorted;
  const report = reportOf(newest.id);
  const at = sorted.findIndex((item) => item.tier !== 'some' && reportOf(item.id) === report);
  if (at < NEWEST_REPORT_BY) return sorted;
  const [moved] = sorted.splice(at, 1);
  sorted.splice(NEWEST_REPORT_BY - 1, 0, moved!);
  return sorted;
}

/**
 * Which report (its index, newest first) holds the paragraph at `place` of a newest-first list of
 * every paragraph, given each report's end in that list (`ends`: the running totals of
 * reportSizesNewestFirst, src/lib/search/index-records.ts). A binary search: it runs for many results.
 */
export function reportAt(ends: readonly number[], place: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ends[middle]! <= place) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One index's paragraphs newest first (a search sorted by date), with its reports' visit starts and sizes, newest first. */
export interface DatedList<T> {
  results: readonly T[];
  /** Each report's visit start and number of paragraphs, newest report first (reportsNewestFirst, src/lib/search/index-records.ts). */
  reports: ReadonlyArray<readonly [start: string, count: number]>;
}

/**
 * Several indexes' paragraphs newest first, together (Herefordshire's and the neighbours'):
 * Pagefind sorts each index's by date but orders several indexes' results by score. A
 * paragraph's place in its own list gives its report (reportAt) and so its visit's start; the
 * lists are merged by that date, the earlier list first on the same day, each in its own order.
 * `report` names each paragraph's report (`<list>:<report>`), for rankResults.
 */
export function newestFirstAcross<T>(lists: ReadonlyArray<DatedList<T>>): Array<{ item: T; report: string }> {
  const dated = lists.flatMap((list, which) => {
    const ends: number[] = [];
    for (const [, count] of list.reports) ends.push((ends.at(-1) ?? 0) + count);
    return list.results.map((item, place) => {
      const report = reportAt(ends, place);
      return { item, which, place, start: list.reports[report]?.[0] ?? '', report: `${which}:${report}` };
    });
  });
  dated.sort((a, b) => (a.start === b.start ? a.which - b.which || a.place - b.place : a.start < b.start ? 1 : -1));
  return dated.map(({ item, report }) => ({ item, report }));
}

/**
 * The words of a query, as Pagefind would split them (letters and digits; case ignored). A hyphen
 * inside a word stays: Pagefind indexes "multi-agency" as one word (and its parts), and an exact
 * search for "multi agency" would miss it.
 */
export function queryWords(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .split(/[^\p{L}\p{N}’'-]+/u)
        .map((word) => word.replace(/^['’-]+|['’-]+$/g, ''))
        .filter((word) => word !== ''),
    ),
  ];
}

/** The query as an exact phrase for Pagefind, or undefined when it has no word. */
export function exactQuery(query: string): string | undefined {
  const words = queryWords(query);
  return words.length === 0 ? undefined : `"${words.join(' ')}"`;
}

/** A paragraph result, ready to render. */
export interface ParagraphResult {
  /** The paragraph's address, `/reports/<slug>/#p12`, or a neighbour's `/neighbours/<council>/<slug>/#p12`. */
  url: string;
  /** `<slug>#<anchor>`, a neighbour's `neighbours/<council>/<slug>#<anchor>`: what the page marks each result with (data-result). */
  key: string;
  /** "Inspection, November 2025"; a neighbour's "Lancashire: inspection, May 2026". */
  reportTitle: string;
  /** A statistical neighbour's paragraph: its council ("Lancashire"). Herefordshire's have none. */
  council?: string;
  /** "Paragraph 12", "Summary, paragraph 3". */
  label: string;
  /** The type of report, e.g. `Monitoring visit`. */
  kind: string;
  /** The dates inspectors were on site, in words. */
  dates: string;
  /** Our summary of the letter rather than its words. */
  summary: boolean;
  /** Pagefind's excerpt: escaped text with <mark> around the matched words. */
  excerptHtml: string;
  /** Theme labels. */
  themes: string[];
}

/** A neighbour's paragraph's address (`/inspections/neighbours/<council>/<slug>/?highlight=x#p12`): `neighbours/<council>/<slug>` and the anchor. */
export function neighbourParagraphOfUrl(address: string): { report: string; anchor: string } | undefined {
  const match = /(?:^|\/)(neighbours\/[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*)\/(?:\?[^#]*)?#([a-z0-9-]+)$/.exec(address);
  return match ? { report: match[1]!, anchor: match[2]! } : undefined;
}

/** A paragraph result from its Pagefind data (the record src/lib/search/index-records.ts made). */
export function paragraphResult(item: Pick<PagefindResultData, 'url' | 'excerpt' | 'filters'>): ParagraphResult {
  const neighbour = neighbourParagraphOfUrl(item.url);
  // The briefing's id of the paragraph (`<slug>:<anchor>`), respelled as the page marks results.
  const id = neighbour ? `${neighbour.report}:${neighbour.anchor}` : (idFromParagraphUrl(item.url) ?? item.url);
  const [slug = id, anchor = ''] = id.split(':');
  const ref = parseParagraphId(anchor);
  const council = item.filters.council?.[0];
  return {
    url: item.url,
    key: `${slug}#${anchor}`,
    ...(council ? { council } : {}),
    reportTitle: item.filters.report?.[0] ?? slug,
    label: ref ? paragraphTitle(ref) : id,
    kind: item.filters.kind?.[0] ?? '',
    dates: item.filters.dates?.[0] ?? '',
    summary: item.filters.text?.includes('summary') ?? false,
    excerptHtml: item.excerpt,
    themes: item.filters.theme ?? [],
  };
}

/** What was searched for, in words: `for “caseloads” with the chosen filters`. */
function searchedFor(state: SearchState): string {
  return [
    state.query === '' ? '' : `for “${state.query}”`,
    hasFilters(state) ? 'with the chosen filters' : '',
    state.scope === 'neighbours' ? 'in Herefordshire’s and its statistical neighbours’ reports' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function paragraphs(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'paragraph' : 'paragraphs'}`;
}

/** The sentence announced when a search completes; `some` counts the paragraphs with only some of the words. */
export function statusText(count: number, state: SearchState, some = 0): string {
  const what = searchedFor(state);
  if (count === 0 && some === 0) return `No paragraphs found ${what}.`;
  const also = some === 0 ? '' : `, and ${paragraphs(some)} with some of the words`;
  return count === 0 ? `No paragraph has all the words ${what}${also}.` : `${paragraphs(count)} found ${what}${also}.`;
}

/** How many of the paragraphs found are listed: shown beside "Show more results", announced after it. */
export function progressText(shown: number, total: number): string {
  return shown >= total ? `Showing all ${paragraphs(total)}.` : `Showing ${shown.toLocaleString('en-GB')} of ${paragraphs(total)}.`;
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
