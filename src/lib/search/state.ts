/**
 * The search page's state and the address that holds it:
 * `/search/?q=caseloads&theme=Education&scope=neighbours&sort=newest`.
 * Keeping the state in the address means a search can be bookmarked or pasted into a briefing.
 * Pure functions, shared by the search page and the highlighter on report pages.
 */
import { byFilter, SEARCH_FILTERS, type SearchFilterName } from './filters.ts';

/** How results are ordered: best match (the default, not written in the address) or newest first. */
export const SORTS = ['best', 'newest'] as const;
export type SortOrder = (typeof SORTS)[number];

/**
 * Whose reports are searched: Herefordshire's (the default, not written in the address) or
 * Herefordshire's and its statistical neighbours' (`scope=neighbours`, issue 26).
 */
export const SCOPES = ['herefordshire', 'neighbours'] as const;
export type SearchScope = (typeof SCOPES)[number];

/** The longest query searched; longer ones are cut here, with a notice. */
export const MAX_QUERY_LENGTH = 200;

export interface SearchState {
  query: string;
  filters: Record<SearchFilterName, string[]>;
  sort: SortOrder;
  scope: SearchScope;
}

/** A state read from an address, with what in it was ignored, in words for the reader. */
export interface ReadState {
  state: SearchState;
  notices: string[];
}

export function emptyFilters(): Record<SearchFilterName, string[]> {
  return byFilter((): string[] => []);
}

export function parseSearchState(search: string): SearchState {
  return readSearchState(search).state;
}

/**
 * The state in an address, and notices for what was ignored: a filter value the page does not
 * offer (when `known` lists them), an unknown sort, a query cut to MAX_QUERY_LENGTH. An address
 * someone edited, or one from an older version of the site, never breaks the page.
 */
export function readSearchState(search: string, known?: Readonly<Record<SearchFilterName, ReadonlySet<string>>>, offersNeighbours = true): ReadState {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const filters = emptyFilters();
  for (const name of SEARCH_FILTERS) {
    const values = params.getAll(name).filter((value) => value !== '');
    const unknown = known ? [...new Set(values.filter((value) => !known[name].has(value)))] : [];
    const what = name === 'kind' ? ['type of report', 'types of report'] : [name, `${name}s`];
    if (unknown.length === 1) notices.push(`The address asked for “${unknown[0]}”, which is not a ${what[0]} the search offers, so it was left out.`);
    if (unknown.length > 1) notices.push(`The address asked for ${unknown.map((value) => `“${value}”`).join(', ')}, which are not ${what[1]} the search offers, so they were left out.`);
    filters[name] = [...new Set(values.filter((value) => !unknown.includes(value)))];
  }
  const sortValue = params.get('sort');
  let sort: SortOrder = 'best';
  if (sortValue === 'newest') sort = 'newest';
  else if (sortValue !== null && sortValue !== '' && sortValue !== 'best') notices.push(`The address asked to sort by “${sortValue}”, which the search does not offer, so results are in order of best match.`);
  const scopeValue = params.get('scope');
  let scope: SearchScope = 'herefordshire';
  if (scopeValue === 'neighbours' && offersNeighbours) scope = 'neighbours';
  else if (scopeValue === 'neighbours') notices.push('The address asked to search the statistical neighbours’ reports too, which this copy of the record does not have, so only Herefordshire’s reports were searched.');
  else if (scopeValue !== null && scopeValue !== '' && scopeValue !== 'herefordshire') notices.push(`The address asked to search “${scopeValue}”, which the search does not offer, so only Herefordshire’s reports were searched.`);
  let query = (params.get('q') ?? '').trim();
  if (query.length > MAX_QUERY_LENGTH) {
    query = query.slice(0, MAX_QUERY_LENGTH).trim();
    notices.push(`The search was cut to its first ${MAX_QUERY_LENGTH} characters.`);
  }
  return { state: { query, filters, sort, scope }, notices };
}

export function searchStateToQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  for (const name of SEARCH_FILTERS) for (const value of state.filters[name]) params.append(name, value);
  if (state.scope === 'neighbours') params.set('scope', 'neighbours');
  if (state.sort !== 'best') params.set('sort', state.sort);
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
