/**
 * The search page, on Pagefind's JS API (src/lib/search/pagefind-api.ts): reads the form, runs the
 * searches, keeps the address and the filter counts up to date, and lists the paragraphs found in
 * batches. The order is worked out in src/lib/search/results.ts and the elements built in
 * ./search-render.ts.
 *
 * What it downloads, and when (the first search's weight, README: Search):
 * - on opening the page, Pagefind's script, entry, metadata and WebAssembly (`init`). Not the filter
 *   chunks: the filters and their starting counts are in the page's HTML (src/pages/search.astro).
 * - on a search, the index chunks holding its words, then the data of the first ten paragraphs
 *   (a few hundred bytes each); "Show more results" loads the next ten.
 * - once those are listed, the chunks of the three filters the reader chooses from, for the counts
 *   beside them (never the chunks of the filter values a result only reads back).
 */
import { byFilter, countOf, filterCountText, SEARCH_FILTERS, type SearchFilterName } from '../lib/search/filters.ts';
import { filtersWithValue, normalQuery, otherForms, paragraphsFound, type SearchExpansions } from '../lib/search/term-forms.ts';
import type { FilterCounts, Pagefind, PagefindResult } from '../lib/search/pagefind-api.ts';
import {
  EXCERPT_WORDS,
  exactQuery,
  newestFirstAcross,
  paragraphResult,
  preloadTerm,
  progressText,
  queryWords,
  rankResults,
  RESULTS_PER_BATCH,
  statusText,
  Candidates,
  type Ranked,
} from '../lib/search/results.ts';
import {
  emptyFilters,
  hasFilters,
  MAX_QUERY_LENGTH,
  pagefindFilters,
  readSearchState,
  searchStateToQueryString,
  type SearchState,
} from '../lib/search/state.ts';
import { paragraphItem, searchLink } from './search-render.ts';
import { required } from './dom.ts';

/**
 * The filter Pagefind gives every record of a tier (its number, newest tier 0), for ordering across
 * tiers; the statistical neighbours' index has the value `neighbours`.
 */
const TIER_FILTER = 'tier';
const NEIGHBOURS_TIER = 'neighbours';

const WHAT = 'search page';

/** What the searches for one state found, ready to list. */
interface Outcome {
  ranked: Ranked[];
  /** Each paragraph's result object, from the search that placed it (its excerpt marks those words). */
  byId: Map<string, PagefindResult>;
  /** Paragraphs with the exact words or all of them (the count in the status). */
  main: number;
  /** Paragraphs with only some of the words. */
  some: number;
  /** The searches whose union the counts beside the filters count, as Pagefind terms (null: filters alone). */
  counted: Array<string | null>;
  /** Words the result links highlight on the report page. */
  highlight: string;
  /** Searched with the statistical neighbours' reports: every result says whose report it is. */
  withNeighbours: boolean;
}

export function startSearch(root: HTMLElement): void {
  const form = required<HTMLFormElement>(root, 'form', WHAT);
  const input = required<HTMLInputElement>(root, 'input[name="q"]', WHAT);
  const sortSelect = required<HTMLSelectElement>(root, 'select[name="sort"]', WHAT);
  const ui = required<HTMLElement>(root, '[data-search-ui]', WHAT);
  const filtersContainer = required<HTMLElement>(root, '[data-filters]', WHAT);
  const status = required<HTMLElement>(root, '[data-status]', WHAT);
  const notices = required<HTMLElement>(root, '[data-notices]', WHAT);
  const suggestions = required<HTMLElement>(root, '[data-suggestions]', WHAT);
  const list = required<HTMLOListElement>(root, '[data-results]', WHAT);
  const partial = required<HTMLElement>(root, '[data-partial]', WHAT);
  const partialList = required<HTMLOListElement>(root, '[data-results-partial]', WHAT);
  const more = required<HTMLButtonElement>(root, '[data-more]', WHAT);
  const progress = required<HTMLElement>(root, '[data-progress]', WHAT);
  const scope = required<HTMLElement>(root, '[data-scope]', WHAT);
  const scopeText = required<HTMLElement>(scope, '[data-scope-text]', WHAT);
  const scopeButton = required<HTMLButtonElement>(scope, '[data-scope-button]', WHAT);
  // The index's tiers, newest reports first (src/lib/search/index-records.ts): the first is searched
  // from the start, the others added in turn (`merged` counts the tiers searched).
  const tiers = JSON.parse(root.dataset.tiers ?? '[]') as Array<{ bundle: string; reports: number; from: number; to: number }>;
  let merged = 1;
  let merging: Promise<void> = Promise.resolve();
  // Each report's visit start and number of paragraphs, newest first (src/lib/search/index-records.ts
  // reportsNewestFirst): Herefordshire's, and the statistical neighbours'.
  const reports = JSON.parse(root.dataset.reports ?? '[]') as Array<[string, number]>;
  const neighbourReports = JSON.parse(root.dataset.neighbourReports ?? '[]') as Array<[string, number]>;
  // The neighbours' index (issue 26), added to the search the first time the reader asks for it.
  const neighboursBundle = root.dataset.neighbours;
  let neighboursMerged = false;
  const scopeChoice = root.querySelector<HTMLElement>('[data-search-scope]');
  const scopeBox = root.querySelector<HTMLInputElement>('input[name="scope"]');
  // Each form of a glossary term -> its other forms, to search for as well (src/lib/search/term-forms.ts).
  const glossary = JSON.parse(root.dataset.glossary ?? '{}') as SearchExpansions;

  // The checkboxes and their starting counts come with the page; the address says which are chosen.
  const checkboxes = [...filtersContainer.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const known = byFilter((name) => new Set(checkboxes.filter((box) => box.name === name).map((box) => box.value)));
  const read = readSearchState(window.location.search, known, neighboursBundle !== undefined);
  let state: SearchState = read.state;
  showNotices(read.notices);
  input.value = state.query;
  sortSelect.value = state.sort;
  if (scopeBox) scopeBox.checked = state.scope === 'neighbours';
  const countOfBox = new Map<HTMLInputElement, HTMLElement>();
  for (const box of checkboxes) {
    box.checked = state.filters[box.name as SearchFilterName]?.includes(box.value) ?? false;
    const count = root.querySelector<HTMLElement>(`label[for="${box.id}"] [data-starting-count]`);
    if (count) countOfBox.set(box, count);
  }
  // On a phone the filters start folded, so the results are not pushed below two dozen
  // checkboxes, with how many are chosen in the line that opens them; on wider screens they sit
  // open beside the results.
  const panel = root.querySelector<HTMLDetailsElement>('[data-filter-panel]');
  if (panel) panel.open = window.matchMedia('(min-width: 48em)').matches;
  const chosen = root.querySelector<HTMLElement>('[data-chosen]');
  const showChosen = (): void => {
    const count = checkboxes.filter((box) => box.checked).length;
    if (chosen) chosen.textContent = count === 0 ? '' : ` (${count} chosen)`;
  };
  showChosen();
  showScopeValues();
  ui.hidden = false;
  required<HTMLElement>(root, '[data-search-sort]', WHAT).hidden = false;
  if (scopeChoice) scopeChoice.hidden = false;

  const pagefind: Promise<Pagefind> = (async () => {
    const bundle = (await import(/* @vite-ignore */ root.dataset.bundle!)) as Pagefind;
    // No web worker: the search is quick on the main thread, and the worker script is about a
    // quarter of what a first search downloads (measured by npm run bench).
    // Every record of a tier carries its tier as a filter value Pagefind adds itself (`mergeFilter`),
    // so that each tier can be listed newest first on its own: Pagefind orders the results of
    // several indexes by score, which would mix the tiers' dates.
    await bundle.options({ excerptLength: EXCERPT_WORDS, noWorker: true });
    await bundle.init();
    // After init: the filter is added to the loaded index.
    await bundle.options({ mergeFilter: { [TIER_FILTER]: '0' } });
    return bundle;
  })();

  let outcome: Outcome | undefined;
  let shown = 0;
  let runId = 0;
  let loadingMore = false;

  function showNotices(messages: readonly string[]): void {
    notices.replaceChildren(...messages.map((message) => Object.assign(document.createElement('p'), { textContent: message })));
    notices.hidden = messages.length === 0;
  }

  function readForm(): SearchState {
    const filters = emptyFilters();
    for (const name of SEARCH_FILTERS) filters[name] = checkboxes.filter((box) => box.name === name && box.checked).map((box) => box.value);
    const scope = scopeBox?.checked ? 'neighbours' : 'herefordshire';
    return { query: input.value.trim().slice(0, MAX_QUERY_LENGTH), filters, sort: sortSelect.value === 'newest' ? 'newest' : 'best', scope };
  }

  /**
   * Pagefind's filters for a state: the reader's, and, once the neighbours' index is part of the
   * search (it cannot be taken out again), Herefordshire's tiers only unless the reader asked for
   * the neighbours.
   */
  function scopedFilters(current: SearchState): Record<string, unknown> {
    const filters: Record<string, unknown> = pagefindFilters(current);
    if (neighboursMerged && current.scope === 'herefordshire') filters[TIER_FILTER] = { any: Array.from({ length: merged }, (_, tier) => String(tier)) };
    return filters;
  }

  /** Adds the neighbours' index to every later search, once. */
  function mergeNeighbours(engine: Pagefind): Promise<void> {
    merging = merging.then(async () => {
      if (neighboursMerged || neighboursBundle === undefined) return;
      // Its records' addresses are under the site's base, as Herefordshire's are: the folder's parent.
      await engine.mergeIndex(neighboursBundle, { baseUrl: neighboursBundle.replace(/[^/]+\/$/, ''), mergeFilter: { [TIER_FILTER]: NEIGHBOURS_TIER } });
      neighboursMerged = true;
    });
    return merging;
  }

  /**
   * The paragraphs the reader's filters keep (none: every paragraph) in the indexes searched,
   * newest first, each with its report. Pagefind orders several indexes' results by score, so each
   * tier is searched on its own, newest first; Herefordshire's tiers follow each other in time,
   * and the neighbours' paragraphs are merged in by their visits' dates (newestFirstAcross).
   */
  async function newestFirst(engine: Pagefind, current: SearchState, filters: Record<string, unknown>): Promise<Array<{ item: PagefindResult; report: string }>> {
    const herefordshire: PagefindResult[] = [];
    for (let tier = 0; tier < merged; tier++) {
      herefordshire.push(...((await engine.search(null, { filters: { ...filters, [TIER_FILTER]: String(tier) }, sort: { date: 'desc' } }))?.results ?? []));
    }
    const lists = [{ results: herefordshire, reports }];
    if (current.scope === 'neighbours' && neighboursMerged) {
      const theirs = (await engine.search(null, { filters: { ...filters, [TIER_FILTER]: NEIGHBOURS_TIER }, sort: { date: 'desc' } }))?.results ?? [];
      lists.push({ results: theirs, reports: neighbourReports });
    }
    return newestFirstAcross(lists);
  }

  /** The searches for a state, one at a time: two of Pagefind's searches in flight together can mix their results' data. */
  async function searchFor(engine: Pagefind, current: SearchState): Promise<Outcome> {
    const filters = scopedFilters(current);
    // Every paragraph searched, newest first: the date order all rankings use, and, with the
    // reports' sizes the page was given, which report each paragraph is in. (A place in a
    // filtered list would not tell the report.)
    const every = await newestFirst(engine, current, {});
    const dateOrder = new Map(every.map(({ item }, place) => [item.id, place]));
    const reportById = new Map(every.map(({ item, report }) => [item.id, report]));
    const reportOf = (id: string): string | undefined => reportById.get(id);
    // Every paragraph the filters keep, newest first: what a search by filters alone lists.
    const byDate = hasFilters(current)
      ? [...((await engine.search(null, { filters }))?.results ?? [])].sort((a, b) => (dateOrder.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (dateOrder.get(b.id) ?? Number.MAX_SAFE_INTEGER))
      : every.map(({ item }) => item);
    if (queryWords(current.query).length === 0) {
      // Filters alone (or a query of punctuation only, which lists nothing): newest first.
      const results = current.query === '' && hasFilters(current) ? byDate : [];
      return { ranked: results.map((result) => ({ id: result.id, tier: 'all', score: 0 })), byId: new Map(results.map((result) => [result.id, result])), main: results.length, some: 0, counted: [null], highlight: '', withNeighbours: current.scope === 'neighbours' };
    }
    const forms = otherForms(current.query, glossary);
    await Promise.all([engine.preload(preloadTerm(current.query), { filters }), ...forms.map((form) => engine.preload(form, { filters }))]);
    const candidates = new Candidates();
    const byId = new Map<string, PagefindResult>();
    const search = async (term: string | undefined): Promise<PagefindResult[]> => {
      const results = term ? ((await engine.search(term, { filters }))?.results ?? []) : [];
      // The first search to find a paragraph gives its excerpt: the best tier's, marking the words that placed it.
      for (const result of results) if (!byId.has(result.id)) byId.set(result.id, result);
      return results;
    };
    candidates.place('exact', await search(exactQuery(current.query)));
    for (const form of forms) {
      candidates.place('exact', await search(exactQuery(form)));
      // Scores only: the form's words in any order or form are not what was asked for.
      candidates.score((await engine.search(form, { filters }))?.results ?? []);
    }
    const all = await search(current.query);
    candidates.place('all', all);
    candidates.score(all);
    const words = queryWords(current.query);
    if (words.length > 1 && candidates.tiers.size < RESULTS_PER_BATCH) {
      for (const word of words) candidates.someWord(await search(word));
    }
    const ranked = rankResults(candidates, dateOrder, current.sort, reportOf);
    const main = ranked.filter((item) => item.tier !== 'some').length;
    return {
      ranked,
      byId,
      main,
      some: ranked.length - main,
      // The exact searches find a part of the search for all the words; the other forms may find more.
      counted: [current.query, ...forms.map((form) => exactQuery(form) ?? form)],
      highlight: [current.query, ...forms].join(' '),
      withNeighbours: current.scope === 'neighbours',
    };
  }

  /**
   * The counts beside the filters for this search: one search per checkbox over the terms counted,
   * in the index chunks already loaded, once the three filters' chunks are (Pagefind counts only
   * filters whose chunk it has). A paragraph two terms found is counted once.
   */
  async function countsFor(engine: Pagefind, current: SearchState, counted: ReadonlyArray<string | null>): Promise<FilterCounts> {
    const filters = scopedFilters(current);
    // A search by the three filters with no value chosen keeps every paragraph, and loads their
    // chunks whether or not the reader searched for words.
    await engine.search(null, { filters: byFilter((): string[] => []) });
    if (counted.length === 1) {
      const term = counted[0] ?? null;
      return (await engine.search(term, { filters }))?.filters ?? {};
    }
    const counts: FilterCounts = {};
    for (const box of countOfBox.keys()) {
      const found: PagefindResult[][] = [];
      for (const term of counted) found.push((await engine.search(term, { filters: filtersWithValue(filters, box.name, box.value) }))?.results ?? []);
      (counts[box.name] ??= {})[box.value] = paragraphsFound(found);
    }
    return counts;
  }

  function updateCounts(counts: FilterCounts | undefined): void {
    for (const [box, label] of countOfBox) {
      const starting = state.scope === 'neighbours' ? label.dataset.withNeighbours : label.dataset.startingCount;
      label.textContent = filterCountText(counts ? countOf(counts, box.name, box.value) : Number(starting));
    }
  }

  /** Shows the filter values the reports searched have (a year only the neighbours have is shown with them), and any chosen. */
  function showScopeValues(): void {
    for (const [box, label] of countOfBox) {
      const item = box.closest<HTMLElement>('[data-filter-value]');
      const starting = Number(state.scope === 'neighbours' ? label.dataset.withNeighbours : label.dataset.startingCount);
      if (item) item.hidden = starting === 0 && !box.checked;
    }
  }

  function showProgress(): void {
    const total = outcome?.ranked.length ?? 0;
    const remaining = shown < total;
    more.hidden = !remaining;
    progress.hidden = !remaining;
    progress.textContent = remaining ? progressText(shown, total) : '';
    root.dataset.shown = String(shown);
    showScope();
  }

  /** While only the newest reports' tiers are searched, says so, with a button to search them all. */
  function showScope(): void {
    const partial = merged < tiers.length && outcome !== undefined;
    scope.hidden = !partial;
    if (!partial) return;
    const searched = tiers.slice(0, merged);
    const reports = searched.reduce((sum, tier) => sum + tier.reports, 0);
    const all = tiers.reduce((sum, tier) => sum + tier.reports, 0);
    scopeText.textContent = `These are from the newest ${reports.toLocaleString('en-GB')} reports (visits from ${searched.at(-1)!.from} to ${searched[0]!.to}).`;
    scopeButton.textContent = `Search all ${all.toLocaleString('en-GB')} reports`;
  }

  /** Adds the next `count` tiers of older reports to every later search, newest first. */
  function mergeOlder(engine: Pagefind, count: number): Promise<void> {
    merging = merging.then(async () => {
      for (const tier of tiers.slice(merged, merged + count)) {
        await engine.mergeIndex(tier.bundle, { mergeFilter: { [TIER_FILTER]: String(merged) } });
        merged += 1;
      }
    });
    return merging;
  }

  /** Loads and lists the next batch of results; returns the first one added. */
  async function renderBatch(id: number): Promise<HTMLLIElement | undefined> {
    const current = outcome;
    if (!current) return undefined;
    const batch = current.ranked.slice(shown, shown + RESULTS_PER_BATCH);
    const loaded = await Promise.all(batch.map(async (item) => ({ item, data: await current.byId.get(item.id)!.data() })));
    if (id !== runId) return undefined; // a newer search has started
    const items = loaded.map(({ item, data }) => ({ tier: item.tier, element: paragraphItem(paragraphResult(data), current.highlight, current.withNeighbours) }));
    list.append(...items.filter((entry) => entry.tier !== 'some').map((entry) => entry.element));
    partialList.append(...items.filter((entry) => entry.tier === 'some').map((entry) => entry.element));
    partial.hidden = partialList.childElementCount === 0;
    shown += batch.length;
    showProgress();
    return items[0]?.element;
  }

  /** Other searches to offer when one finds nothing: without the filters, in the neighbours' reports too, or with a glossary term's other form. */
  function suggest(current: SearchState, found: number): void {
    const links: HTMLLIElement[] = [];
    if (found === 0) {
      const path = window.location.pathname;
      if (hasFilters(current)) links.push(searchLink(`Search for “${current.query}” without the filters`, `${path}${searchStateToQueryString({ ...current, filters: emptyFilters() })}`));
      if (current.scope === 'herefordshire' && neighboursBundle !== undefined && current.query !== '') {
        links.push(searchLink(`Search for “${current.query}” in the statistical neighbours’ reports too`, `${path}${searchStateToQueryString({ ...current, scope: 'neighbours' })}`));
      }
      const normal = ` ${normalQuery(current.query)} `;
      for (const [form, others] of Object.entries(glossary)) {
        if (!normal.includes(` ${form} `)) continue;
        for (const other of others.slice(0, 2)) {
          const query = normal.replace(` ${form} `, ` ${other} `).trim();
          links.push(searchLink(`Search for “${query}”`, `${path}${searchStateToQueryString({ ...current, query })}`));
        }
        break;
      }
    }
    const offered = document.createElement('ul');
    offered.append(...links);
    suggestions.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'You could try:' }), offered);
    suggestions.hidden = links.length === 0;
  }

  async function run(): Promise<void> {
    const id = ++runId;
    state = readForm();
    showScopeValues();
    window.history.replaceState(null, '', `${window.location.pathname}${searchStateToQueryString(state)}`);
    if (state.query === '' && !hasFilters(state)) {
      outcome = undefined;
      shown = 0;
      list.replaceChildren();
      partialList.replaceChildren();
      partial.hidden = true;
      suggestions.hidden = true;
      showProgress();
      status.textContent = '';
      updateCounts(undefined);
      root.dataset.completed = '';
      return;
    }
    const engine = await pagefind;
    if (state.scope === 'neighbours') await mergeNeighbours(engine);
    await merging;
    if (id !== runId) return;
    let found = await searchFor(engine, state);
    // Less than a page with the words from the reports searched so far: add the next older tier.
    while (found.main < RESULTS_PER_BATCH && merged < tiers.length && queryWords(state.query).length > 0) {
      await mergeOlder(engine, 1);
      if (id !== runId) return;
      found = await searchFor(engine, state);
    }
    if (id !== runId) return; // a newer search has started
    outcome = found;
    shown = 0;
    list.replaceChildren();
    partialList.replaceChildren();
    partial.hidden = true;
    await renderBatch(id);
    if (id !== runId) return;
    status.textContent =
      queryWords(state.query).length === 0 && state.query !== ''
        ? `Type a word to search for: “${state.query}” has no letters or numbers.`
        : statusText(found.main, state, found.some);
    suggest(state, found.ranked.length);
    // Lets tests (and anyone scripting the page) know which search the list shows.
    root.dataset.completed = searchStateToQueryString(state);
    const counts = await countsFor(engine, state, found.counted);
    if (id !== runId) return;
    updateCounts(counts);
    root.dataset.counted = searchStateToQueryString(state);
  }

  async function showMore(): Promise<void> {
    if (loadingMore) return;
    loadingMore = true;
    try {
      const first = await renderBatch(runId);
      // Keyboard and screen reader users go on from the first result added, and hear how many are listed.
      first?.querySelector<HTMLAnchorElement>('h2 a')?.focus();
      if (first) status.textContent = progressText(shown, outcome?.ranked.length ?? 0);
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
  sortSelect.addEventListener('change', () => void run());
  scopeBox?.addEventListener('change', () => void run());
  scopeButton.addEventListener('click', async () => {
    scopeButton.disabled = true;
    await mergeOlder(await pagefind, tiers.length);
    scopeButton.disabled = false;
    await run();
    // The list starts again: go on from its first result.
    list.querySelector<HTMLAnchorElement>('h2 a')?.focus();
  });
  filtersContainer.addEventListener('change', () => {
    showChosen();
    void run();
  });
  more.addEventListener('click', () => void showMore());

  pagefind.then(
    () => (root.dataset.ready = ''),
    () => (status.textContent = 'Search could not be loaded. Try reloading the page.'),
  );
  // The search in the address, if any; nothing is downloaded for counts or results until then.
  if (state.query !== '' || hasFilters(state)) void run();
}
