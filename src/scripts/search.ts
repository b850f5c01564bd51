/**
 * The search page, on Pagefind's JS API. Every result is one paragraph (see
 * src/integrations/pagefind.ts), linked to its permanent anchor with the words searched for, so
 * the report page can highlight them. The filters combine (any value within a group, every group
 * together), show counts, and are ordinary checkboxes in fieldsets; the number of results is
 * announced politely; the address always holds the current search.
 */
import { SEARCH_FILTERS } from '../lib/search-records.ts';
import {
  emptyFilters,
  hasFilters,
  pagefindFilters,
  parseSearchState,
  resultHref,
  searchStateToQueryString,
  type FilterName,
  type SearchState,
} from '../lib/search-state.ts';

type FilterCounts = Record<string, Record<string, number>>;

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(query: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse | null>;
  debouncedSearch(
    query: string | null,
    options?: { filters?: Record<string, unknown> },
    timeout?: number,
  ): Promise<PagefindResponse | null>;
}

const FILTER_LEGENDS: Record<FilterName, string> = {
  theme: 'Theme',
  kind: 'Type of report',
  year: 'Year of visit',
};

const PAGE_SIZE = 20;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

/** Years newest first; everything else alphabetically. */
function sortedValues(name: FilterName, counts: Record<string, number>): string[] {
  const values = Object.keys(counts);
  return name === 'year' ? values.sort().reverse() : values.sort((a, b) => a.localeCompare(b));
}

export async function startSearch(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
  const ui = root.querySelector<HTMLElement>('[data-search-ui]')!;
  const filtersContainer = root.querySelector<HTMLElement>('[data-filters]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;

  // Show the query from the address at once, before the search bundle has loaded.
  let state: SearchState = parseSearchState(window.location.search);
  input.value = state.query;

  const pagefind = (await import(/* @vite-ignore */ root.dataset.bundle!)) as Pagefind;
  // No web worker: for a record this size the search is quick on the main thread, and the
  // worker script is about a quarter of what a first search downloads (measured by npm run bench).
  await pagefind.options({ excerptLength: 36, noWorker: true });
  await pagefind.init();
  const allCounts = await pagefind.filters();

  // One fieldset of checkboxes per filter; the labels' counts are updated after each search.
  const countLabels = new Map<string, HTMLElement>();
  for (const name of SEARCH_FILTERS) {
    const counts = allCounts[name] ?? {};
    const fieldset = element('fieldset', { className: 'filter-group' }, element('legend', {}, FILTER_LEGENDS[name]));
    const options = element('ul', { className: 'filter-options' });
    for (const value of sortedValues(name, counts)) {
      const id = `filter-${name}-${value.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      const checkbox = element('input', { type: 'checkbox', id, name, value, checked: state.filters[name].includes(value) });
      const count = element('span', { className: 'filter-count' }, `(${counts[value] ?? 0})`);
      countLabels.set(`${name}:${value}`, count);
      options.append(element('li', {}, checkbox, element('label', { htmlFor: id }, `${value} `, count)));
    }
    fieldset.append(options);
    filtersContainer.append(fieldset);
  }
  // On a phone the filters start folded, so the results are not pushed below two dozen
  // checkboxes; on wider screens they sit open beside the results. Chosen filters always show.
  const panel = root.querySelector<HTMLDetailsElement>('[data-filter-panel]');
  if (panel) panel.open = window.matchMedia('(min-width: 48em)').matches || hasFilters(state);
  ui.hidden = false;

  let results: PagefindResult[] = [];
  let shown = 0;
  let runId = 0;

  function readForm(): SearchState {
    const filters = emptyFilters();
    for (const name of SEARCH_FILTERS) {
      filters[name] = [...filtersContainer.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((box) => box.value);
    }
    return { query: input.value.trim(), filters };
  }

  function updateCounts(counts: FilterCounts): void {
    for (const [key, label] of countLabels) {
      const [name = '', value = ''] = key.split(/:(.*)/s);
      label.textContent = `(${counts[name]?.[value] ?? 0})`;
    }
  }

  async function renderMore(): Promise<void> {
    const page = results.slice(shown, shown + PAGE_SIZE);
    const loaded = await Promise.all(page.map(async (result) => ({ score: result.score, item: await result.data() })));
    // Pagefind orders by relevance; among equally relevant paragraphs, the newest visit comes first.
    loaded.sort((a, b) => b.score - a.score || (b.item.meta.date ?? '').localeCompare(a.item.meta.date ?? ''));
    const data = loaded.map(({ item }) => item);
    for (const item of data) {
      const link = element('a', { href: resultHref(item.url, state.query) }, item.meta.title ?? item.url);
      const meta = element('p', { className: 'meta' }, `${item.meta.kind ?? ''} · inspectors on site ${item.meta.dates ?? ''}`);
      if (item.meta.text === 'summary') meta.append(element('strong', { className: 'summary-label' }, ' · Our summary, not Ofsted’s words'));
      const excerpt = element('p', { className: 'excerpt' });
      // Pagefind escapes the indexed text and adds only <mark> around matched words.
      excerpt.innerHTML = item.excerpt;
      list.append(element('li', { className: 'search-result' }, element('h2', {}, link), meta, excerpt));
    }
    shown += page.length;
    more.hidden = shown >= results.length;
  }

  async function run(): Promise<void> {
    const id = ++runId;
    state = readForm();
    window.history.replaceState(null, '', `${window.location.pathname}${searchStateToQueryString(state)}`);
    if (state.query === '' && !hasFilters(state)) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      updateCounts(allCounts);
      root.dataset.completed = '';
      return;
    }
    const response = await pagefind.search(state.query === '' ? null : state.query, { filters: pagefindFilters(state) });
    if (id !== runId || !response) return; // a newer search has started
    results = response.results;
    shown = 0;
    list.replaceChildren();
    updateCounts(response.filters);
    await renderMore();
    // Lets tests (and anyone scripting the page) know which search the list shows.
    root.dataset.completed = searchStateToQueryString(state);
    const count = response.results.length;
    const what = state.query === '' ? 'with the chosen filters' : `for “${state.query}”`;
    status.textContent = count === 0 ? `No paragraphs found ${what}.` : `${count} ${count === 1 ? 'paragraph' : 'paragraphs'} found ${what}.`;
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
  more.addEventListener('click', () => void renderMore());

  // Also covers words typed while the bundle was loading.
  if (input.value.trim() !== '' || hasFilters(state)) await run();
}
