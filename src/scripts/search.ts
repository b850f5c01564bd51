/**
 * The search page, on Pagefind's JS API. A result is a report (Pagefind indexes one record per
 * report page, see scripts/search-index.ts) with the paragraphs that matched as
 * sub-results, each linked to its permanent anchor with the words searched for, so the report
 * page can highlight them. The filters combine (any value within a group, every group together),
 * show how many reports each would keep, and are ordinary checkboxes in fieldsets; the number of
 * results is announced politely; the address always holds the current search.
 */
import { parseParagraphSearchTitle, SEARCH_FILTERS } from '../lib/search-records.ts';
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

interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  title?: string;
  location: number;
}

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  anchor?: PagefindAnchor;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The indexed words; an anchor's location is the index of its first word. */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
  anchors: PagefindAnchor[];
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

interface SearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(query: string | null, options?: SearchOptions): Promise<PagefindResponse | null>;
}

const FILTER_LEGENDS: Record<FilterName, string> = {
  theme: 'Theme',
  kind: 'Type of report',
  year: 'Year of visit',
};

/** Reports per batch of results: each one shown costs a download of its text (a fragment). */
const PAGE_SIZE = 10;
/** Paragraphs listed under a report; the rest fold under "more paragraphs". */
const PARAGRAPHS_SHOWN = 3;
/** Words in an excerpt (Pagefind's option) and in a paragraph shown for a filter alone. */
const EXCERPT_WORDS = 36;

/** One matching paragraph (or heading, or the opening of the letter) under a report result. */
interface ParagraphHit {
  label: string;
  url: string;
  /** Pagefind's excerpt: escaped text with <mark> around the matched words. */
  excerptHtml?: string;
  /** Plain text, shown as text. */
  excerptText?: string;
  themes: string[];
}

/** Theme id -> label, from the search page (the record's themes). */
type ThemeLabels = Readonly<Record<string, string>>;

/** The report page's address, without any fragment. */
function reportUrlOf(item: PagefindResultData): string {
  return item.url.split('#')[0] ?? item.url;
}

/** The theme labels of a paragraph, from its sub-result title (src/lib/search-records.ts). */
function themesOf(anchor: PagefindAnchor | undefined, labels: ThemeLabels): string[] {
  const parsed = anchor?.title ? parseParagraphSearchTitle(anchor.title) : undefined;
  return (parsed?.themeIds ?? []).map((id) => labels[id] ?? id);
}

/** A paragraph's label: "Paragraph 12" (its title carries the themes too). */
function labelOf(anchor: PagefindAnchor): string {
  const parsed = anchor.title ? parseParagraphSearchTitle(anchor.title) : undefined;
  return parsed ? `Paragraph ${parsed.paragraph}` : (anchor.title ?? anchor.text ?? anchor.id);
}

/** The start of a paragraph's words (up to the next anchor), for a paragraph shown without a match. */
function openingWords(item: PagefindResultData, anchor: PagefindAnchor): string {
  const words = item.content.split(/\s+/);
  const later = item.anchors.map((other) => other.location).filter((location) => location > anchor.location);
  const paragraphEnd = later.length > 0 ? Math.min(...later) : words.length;
  const end = Math.min(paragraphEnd, anchor.location + EXCERPT_WORDS);
  const text = words.slice(anchor.location, end).join(' ');
  return end < paragraphEnd ? `${text} …` : text;
}

/**
 * The paragraphs that matched in a report, from Pagefind's sub-results: the ones with most
 * matches first, then in reading order. With filters alone there are no matches, so a chosen
 * theme lists the report's paragraphs on it, with the start of their text.
 */
function paragraphHits(item: PagefindResultData, state: SearchState, labels: ThemeLabels): ParagraphHit[] {
  if (item.sub_results.length > 0) {
    return item.sub_results
      .map((sub, order) => {
        // Words before the first paragraph: the letter's date, address and greeting.
        const label = sub.anchor ? labelOf(sub.anchor) : 'Opening of the letter';
        const hit = { label, url: sub.url, excerptHtml: sub.excerpt, themes: themesOf(sub.anchor, labels) };
        return { hit, matches: sub.locations.length, order };
      })
      .sort((a, b) => b.matches - a.matches || a.order - b.order)
      .map(({ hit }) => hit);
  }
  const chosen = new Set(state.filters.theme);
  if (chosen.size === 0) return [];
  const reportUrl = reportUrlOf(item);
  return item.anchors
    .filter((anchor) => themesOf(anchor, labels).some((theme) => chosen.has(theme)))
    .sort((a, b) => a.location - b.location)
    .map((anchor) => ({ label: labelOf(anchor), url: `${reportUrl}#${anchor.id}`, excerptText: openingWords(item, anchor), themes: themesOf(anchor, labels) }));
}

/** Whether any paragraph on a chosen theme matched the words searched for. */
function matchesOnChosenTheme(item: PagefindResultData, state: SearchState, labels: ThemeLabels): boolean {
  return item.sub_results.some((sub) => themesOf(sub.anchor, labels).some((theme) => state.filters.theme.includes(theme)));
}

function paragraphItem(hit: ParagraphHit, query: string): HTMLLIElement {
  const heading = element('p', { className: 'paragraph-heading' }, element('a', { href: resultHref(hit.url, query) }, hit.label));
  if (hit.themes.length > 0) heading.append(element('span', { className: 'paragraph-themes' }, ` · Themes: ${hit.themes.join(', ')}`));
  const excerpt = element('p', { className: 'excerpt' });
  // Pagefind escapes the indexed text and adds only <mark> around matched words.
  if (hit.excerptHtml !== undefined) excerpt.innerHTML = hit.excerptHtml;
  else excerpt.textContent = hit.excerptText ?? '';
  return element('li', { className: 'paragraph-result' }, heading, excerpt);
}

function reportResult(item: PagefindResultData, state: SearchState, labels: ThemeLabels): HTMLLIElement {
  const reportUrl = reportUrlOf(item);
  const link = element('a', { href: resultHref(reportUrl, state.query) }, item.meta.title ?? reportUrl);
  const meta = element('p', { className: 'meta' }, `${item.filters.kind?.[0] ?? ''} · inspectors on site ${item.meta.dates ?? ''}`);
  if (item.filters.text?.includes('summary')) meta.append(element('strong', { className: 'summary-label' }, ' · Our summary, not Ofsted’s words'));
  const result = element('li', { className: 'search-result' }, element('h2', {}, link), meta);

  const hits = paragraphHits(item, state, labels);
  if (hits.length === 0) {
    const excerpt = element('p', { className: 'excerpt' });
    excerpt.innerHTML = item.excerpt;
    result.append(excerpt);
    return result;
  }
  // Pagefind's theme filter keeps whole reports. Within one, the paragraphs on a chosen theme
  // are the answer; the report's other matches fold away beneath them.
  const chosen = new Set(state.filters.theme);
  const onTheme = chosen.size === 0 ? [] : hits.filter((hit) => hit.themes.some((theme) => chosen.has(theme)));
  const shown = chosen.size === 0 ? hits.slice(0, PARAGRAPHS_SHOWN) : onTheme;
  const folded = hits.filter((hit) => !shown.includes(hit));
  if (shown.length > 0) {
    result.append(element('ul', { className: 'paragraph-results' }, ...shown.map((hit) => paragraphItem(hit, state.query))));
  } else {
    result.append(element('p', { className: 'no-paragraph' }, `No paragraph on ${chosen.size === 1 ? 'the chosen theme' : 'the chosen themes'} has these words.`));
  }
  if (folded.length > 0) {
    const others = chosen.size === 0 ? 'more' : 'other';
    result.append(
      element(
        'details',
        { className: 'more-paragraphs' },
        element('summary', {}, `${folded.length} ${others} ${folded.length === 1 ? 'paragraph' : 'paragraphs'} in this report`),
        element('ul', { className: 'paragraph-results' }, ...folded.map((hit) => paragraphItem(hit, state.query))),
      ),
    );
  }
  return result;
}

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

  const themeLabels = JSON.parse(root.dataset.themeLabels ?? '{}') as ThemeLabels;

  // Show the query from the address at once, before the search bundle has loaded.
  let state: SearchState = parseSearchState(window.location.search);
  input.value = state.query;

  const pagefind = (await import(/* @vite-ignore */ root.dataset.bundle!)) as Pagefind;
  // No web worker: for a record this size the search is quick on the main thread, and the
  // worker script is about a quarter of what a first search downloads (measured by npm run bench).
  await pagefind.options({ excerptLength: EXCERPT_WORDS, noWorker: true });
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
    // Pagefind orders by relevance; among equally relevant reports, the newest visit comes first.
    // With a theme chosen, reports where the words are in a paragraph on it come before those
    // where they are only elsewhere in the report.
    // Report URLs start with the month of the visit (reports/2025-06-...), so they order by date.
    const onTheme = (item: PagefindResultData): number => Number(matchesOnChosenTheme(item, state, themeLabels));
    loaded.sort((a, b) => onTheme(b.item) - onTheme(a.item) || b.score - a.score || b.item.url.localeCompare(a.item.url));
    for (const { item } of loaded) list.append(reportResult(item, state, themeLabels));
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
    // With filters alone there is no relevance to order by: newest visit first.
    const response =
      state.query === ''
        ? await pagefind.search(null, { filters: pagefindFilters(state), sort: { date: 'desc' } })
        : await pagefind.search(state.query, { filters: pagefindFilters(state) });
    if (id !== runId || !response) return; // a newer search has started
    results = response.results;
    shown = 0;
    list.replaceChildren();
    updateCounts(response.filters);
    await renderMore();
    // Lets tests (and anyone scripting the page) know which search the list shows.
    root.dataset.completed = searchStateToQueryString(state);
    const count = response.results.length;
    const what = [state.query === '' ? '' : `for “${state.query}”`, hasFilters(state) ? 'with the chosen filters' : ''].filter(Boolean).join(' ');
    status.textContent = count === 0 ? `No reports found ${what}.` : `${count} ${count === 1 ? 'report' : 'reports'} found ${what}.`;
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
