/**
 * The search page's state and the address that holds it: `/search/?q=caseloads&theme=Education`.
 * Keeping the state in the address means a search can be bookmarked or pasted into a briefing.
 * Pure functions, shared by the search page and the highlighter on report pages.
 */
import { SEARCH_FILTERS } from './search-records.ts';

export type FilterName = (typeof SEARCH_FILTERS)[number];

export interface SearchState {
  query: string;
  filters: Record<FilterName, string[]>;
}

export function emptyFilters(): Record<FilterName, string[]> {
  return { theme: [], kind: [], year: [] };
}

export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const name of SEARCH_FILTERS) filters[name] = params.getAll(name).filter((value) => value !== '');
  return { query: (params.get('q') ?? '').trim(), filters };
}

export function searchStateToQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  for (const name of SEARCH_FILTERS) for (const value of state.filters[name]) params.append(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function hasFilters(state: SearchState): boolean {
  return SEARCH_FILTERS.some((name) => state.filters[name].length > 0);
}

/** Pagefind's filter argument: any of the chosen values within a group, all groups together. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const result: Record<string, { any: string[] }> = {};
  for (const name of SEARCH_FILTERS) if (state.filters[name].length > 0) result[name] = { any: state.filters[name] };
  return result;
}

/** A result's link, carrying the words searched for so the report page can highlight them. */
export function resultHref(url: string, query: string): string {
  if (query === '') return url;
  const [path = '', fragment] = url.split('#');
  const highlighted = `${path}?highlight=${encodeURIComponent(query)}`;
  return fragment === undefined ? highlighted : `${highlighted}#${fragment}`;
}


// The words to highlight on arrival: in its own module, so that a report page, which highlights
// but never searches, does not load the rest of this one.
export { highlightPattern } from './highlight-pattern.ts';
