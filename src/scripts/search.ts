/**
 * The search page, on Pagefind's JS API (src/lib/search-pagefind.ts): reads the form, runs the
 * search, keeps the address and the filter counts up to date, and lists the results in batches.
 * What a result shows is worked out in src/lib/search-results.ts and built in ./search-render.ts.
 *
 * What it downloads, and when (the first search's weight, README: Search):
 * - on opening the page, Pagefind's script, entry, metadata and WebAssembly (`init`). Not the filter
 *   chunks: the filters and their starting counts are in the page's HTML (src/pages/search.astro).
 * - on the first search or filter, every filter chunk (`filters()`, a few hundred bytes here), since
 *   only then do the counts differ from the starting ones, with the index chunks for the words.
 * - the data of the first five reports found; "Show more results" loads the next five.
 */
import { countOf, filterCountText } from '../lib/search-filters.ts';
import { acronymQuery, acronymResults, alternativeQuery, type SearchExpansions, filtersWithValue, mergeSearchResults, reportsFound } from '../lib/search-glossary.ts';
import type { FilterCounts, Pagefind, PagefindResult } from '../lib/search-pagefind.ts';
import { SEARCH_FILTERS } from '../lib/search-records.ts';
import {
  EXCERPT_WORDS,
  preloadTerm,
  progressText,
  rankBatch,
  reportResult,
  RESULTS_PER_BATCH,
  statusText,
  type ThemeLabels,
} from '../lib/search-results.ts';
import { emptyFilters, hasFilters, pagefindFilters, parseSearchState, searchStateToQueryString, type SearchState } from '../lib/search-state.ts';
import { reportItem } from './search-render.ts';

export function startSearch(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
  const ui = root.querySelector<HTMLElement>('[data-search-ui]')!;
  const filtersContainer = root.querySelector<HTMLElement>('[data-filters]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const progress = root.querySelector<HTMLElement>('[data-progress]')!;
  const themeLabels = JSON.parse(root.dataset.themeLabels ?? '{}') as ThemeLabels;
  // Spelled-out glossary terms -> their acronym, to search for both (src/lib/search-glossary.ts).
  const glossary = JSON.parse(root.dataset.glossary ?? '{}') as SearchExpansions;

  // The checkboxes and their starting counts come with the page; the address says which are chosen.
  let state: SearchState = parseSearchState(window.location.search);
  input.value = state.query;
  const checkboxes = [...filtersContainer.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const countOfBox = new Map<HTMLInputElement, HTMLElement>();
  for (const box of checkboxes) {
    box.checked = SEARCH_FILTERS.some((name) => box.name === name && state.filters[name].includes(box.value));
    const count = root.querySelector<HTMLElement>(`label[for="${box.id}"] [data-starting-count]`);
    if (count) countOfBox.set(box, count);
  }
  // On a phone the filters start folded, so the results are not pushed below two dozen
  // checkboxes; on wider screens they sit open beside the results. Chosen filters always show.
  const panel = root.querySelector<HTMLDetailsElement>('[data-filter-panel]');
  if (panel) panel.open = window.matchMedia('(min-width: 48em)').matches || hasFilters(state);
  ui.hidden = false;

  const pagefind: Promise<Pagefind> = (async () => {
    const bundle = (await import(/* @vite-ignore */ root.dataset.bundle!)) as Pagefind;
    // No web worker: for a record this size the search is quick on the main thread, and the
    // worker script is about a quarter of what a first search downloads (measured by npm run bench).
    await bundle.options({ excerptLength: EXCERPT_WORDS, noWorker: true });
    await bundle.init();
    return bundle;
  })();
  let filterChunks: Promise<unknown> | undefined;

  let results: PagefindResult[] = [];
  // The words a result link highlights on the report page: the query, and the acronym searched for with it.
  let highlightWords = '';
  let shown = 0;
  let runId = 0;
  let loadingMore = false;

  function readForm(): SearchState {
    const filters = emptyFilters();
    for (const name of SEARCH_FILTERS) filters[name] = checkboxes.filter((box) => box.name === name && box.checked).map((box) => box.value);
    return { query: input.value.trim(), filters };
  }

  /** Pagefind's counts for this search; undefined puts back the starting ones from the page. */
  /**
   * The counts for a search run twice (the spelled-out words and their acronym): Pagefind counts
   * each search's own results, so each value is counted again over both, a report that both found
   * counted once. One pair of searches per checkbox, in the index chunks already loaded, one at a time.
   */
  async function mergedCounts(engine: Pagefind, queries: readonly string[], filters: Record<string, unknown>): Promise<FilterCounts> {
    const counts: FilterCounts = {};
    // In turn, not together: see run().
    for (const box of countOfBox.keys()) {
      const found: PagefindResult[][] = [];
      for (const query of queries) found.push((await engine.search(query, { filters: filtersWithValue(filters, box.name, box.value) }))?.results ?? []);
      (counts[box.name] ??= {})[box.value] = reportsFound(found);
    }
    return counts;
  }

  function updateCounts(counts: FilterCounts | undefined): void {
    for (const [box, label] of countOfBox) {
      label.textContent = filterCountText(counts ? countOf(counts, box.name, box.value) : Number(label.dataset.startingCount));
    }
  }

  function showProgress(): void {
    const remaining = shown < results.length;
    more.hidden = !remaining;
    progress.hidden = !remaining;
    progress.textContent = remaining ? progressText(shown, results.length) : '';
    root.dataset.shown = String(shown);
  }

  /** Loads and lists the next batch of results; returns the first report added. */
  async function renderBatch(id: number): Promise<HTMLLIElement | undefined> {
    const batch = results.slice(shown, shown + RESULTS_PER_BATCH);
    const loaded = await Promise.all(batch.map(async (result) => ({ score: result.score, item: await result.data() })));
    if (id !== runId) return undefined; // a newer search has started
    const items = rankBatch(loaded, state.filters.theme, themeLabels).map(({ item }) => reportItem(reportResult(item, state.filters.theme, themeLabels), highlightWords));
    list.append(...items);
    shown += batch.length;
    showProgress();
    return items[0];
  }

  async function run(): Promise<void> {
    const id = ++runId;
    state = readForm();
    window.history.replaceState(null, '', `${window.location.pathname}${searchStateToQueryString(state)}`);
    if (state.query === '' && !hasFilters(state)) {
      results = [];
      shown = 0;
      list.replaceChildren();
      showProgress();
      status.textContent = '';
      updateCounts(undefined);
      root.dataset.completed = '';
      return;
    }
    const engine = await pagefind;
    const filters = pagefindFilters(state);
    // Counts now differ from the starting ones: Pagefind counts only the filters whose chunk it
    // has, so load them all, once, alongside the index chunks for the words.
    filterChunks ??= engine.filters();
    const acronym = alternativeQuery(state.query, glossary);
    const acronymSearch = acronym && acronymQuery(acronym);
    await Promise.all([
      filterChunks,
      state.query === '' ? undefined : engine.preload(preloadTerm(state.query), { filters }),
      acronym && engine.preload(acronym, { filters }),
    ]);
    // With filters alone there is no relevance to order by: newest visit first.
    const response =
      state.query === '' ? await engine.search(null, { filters, sort: { date: 'desc' } }) : await engine.search(state.query, { filters });
    // One search at a time: two of Pagefind's searches in flight together can leave a result's
    // data() answering with the other search's matches (seen with "PA" and '"PA"' together).
    const exact = acronymSearch ? await engine.search(acronymSearch, { filters }) : null;
    const bare = acronym ? await engine.search(acronym, { filters }) : null;
    const also = acronym && exact && bare ? acronymResults(bare.results, new Set(exact.results.map((result) => result.id)), acronym) : null;
    const counts = also && acronymSearch ? await mergedCounts(engine, [state.query, acronymSearch], filters) : response?.filters;
    if (id !== runId || !response) return; // a newer search has started
    results = also ? mergeSearchResults(response.results, also) : response.results;
    highlightWords = acronym ? `${state.query} ${acronym}` : state.query;
    shown = 0;
    list.replaceChildren();
    updateCounts(counts);
    await renderBatch(id);
    if (id !== runId) return;
    status.textContent = statusText(results.length, state);
    // Lets tests (and anyone scripting the page) know which search the list shows.
    root.dataset.completed = searchStateToQueryString(state);
  }

  async function showMore(): Promise<void> {
    if (loadingMore) return;
    loadingMore = true;
    try {
      const first = await renderBatch(runId);
      // Keyboard and screen reader users go on from the first report added, and hear how many are listed.
      first?.querySelector<HTMLAnchorElement>('h2 a')?.focus();
      if (first) status.textContent = progressText(shown, results.length);
    } finally {
      loadingMore = false;
    }
  }

  let typingTimer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => void run(), 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  filtersContainer.addEventListener('change', () => void run());
  more.addEventListener('click', () => void showMore());

  pagefind.then(
    () => (root.dataset.ready = ''),
    () => (status.textContent = 'Search could not be loaded. Try reloading the page.'),
  );
  // The search in the address, if any; nothing is downloaded for counts or results until then.
  if (state.query !== '' || hasFilters(state)) void run();
}
