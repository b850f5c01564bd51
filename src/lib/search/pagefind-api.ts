/**
 * The part of Pagefind 1.6's browser API (`pagefind/pagefind.js`, written by the index build) that
 * the search page uses, as types. Pagefind ships no types for the bundle it writes; these follow
 * its source (pagefind_web_js/lib/coupled_search.ts in the Pagefind repository).
 *
 * What each call downloads, which is what a first search costs (README, Search):
 * - `init()`: the entry file, the metadata file (`*.pf_meta`) and the WebAssembly.
 * - `preload(term, options)` and `search(term, options)`: the index chunks whose word range holds
 *   each word of the term (or its stem), and the filter chunks of the filters named in `options`.
 * - `filters()`: every filter chunk. Until a filter chunk is loaded, the counts a search returns
 *   leave that filter out, so the page loads them all once it needs counts.
 * - `result.data()`: that result's fragment (its page's words, anchors and metadata).
 */

/** Filter name -> value -> number of records (here, paragraphs). */
export type FilterCounts = Record<string, Record<string, number>>;

/**
 * A result's data, for the site's records (one per paragraph, src/lib/search/index-records.ts): what the
 * page reads of it. Pagefind's data also has the record's anchors and sub-results, which a custom
 * record does not have.
 */
export interface PagefindResultData {
  /** The paragraph's address, `/reports/<slug>/#<anchor>`. */
  url: string;
  /** Escaped text with <mark> around the matched words. */
  excerpt: string;
  /** The indexed words. */
  content: string;
  meta: Record<string, string>;
  /** The record's filter values: the reader's filters and those a result only reads back. */
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  /** The fragment's hash. */
  id: string;
  score: number;
  /** Downloads the result's fragment. */
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** Per filter value, how many of these results have it (only filters whose chunk is loaded). */
  filters: FilterCounts;
}

export interface PagefindSearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  /**
   * Adds another index (its folder's address) to every later search: downloads its entry and
   * metadata, not the WebAssembly, which the first index's instance shares.
   */
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
}
