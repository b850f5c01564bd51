/**
 * The search page's filters (theme, type of report, year), in one place: their names, their
 * legends, the order of their values, the checkboxes' ids, and the starting counts. The index
 * (index-records.ts), the address (state.ts) and the page take the names from here.
 *
 * The starting counts (how many paragraphs each value keeps when nothing is searched for) are
 * worked out when the page is built, from the same records Pagefind indexes
 * (src/lib/search/index-records.ts). So the page shows them without asking Pagefind, whose filter
 * chunks would be downloaded before anyone has searched.
 */
import type { FilterCounts } from './pagefind-api.ts';

/** The filters a reader chooses from, in the order shown (and the names they have in the address and the index). */
export const SEARCH_FILTERS = ['theme', 'kind', 'year'] as const;

export type SearchFilterName = (typeof SEARCH_FILTERS)[number];

/** One value for each filter, made fresh for each (so that no two filters share an array or object). */
export function byFilter<T>(make: (name: SearchFilterName) => T): Record<SearchFilterName, T> {
  return Object.fromEntries(SEARCH_FILTERS.map((name) => [name, make(name)])) as Record<SearchFilterName, T>;
}

export const FILTER_LEGENDS: Readonly<Record<SearchFilterName, string>> = {
  theme: 'Theme',
  kind: 'Type of report',
  year: 'Year of visit',
};

/** How many paragraphs have each value of each filter the reader chooses from. */
export function startingFilterCounts(records: ReadonlyArray<{ filters: Readonly<Record<SearchFilterName, readonly string[]>> }>): Record<SearchFilterName, Record<string, number>> {
  const counts = byFilter((): Record<string, number> => ({}));
  for (const { filters } of records) {
    for (const name of SEARCH_FILTERS) {
      for (const value of new Set(filters[name])) counts[name][value] = (counts[name][value] ?? 0) + 1;
    }
  }
  return counts;
}

/** A filter's values in the order shown: years newest first, everything else alphabetically. */
export function sortedFilterValues(name: SearchFilterName, counts: Readonly<Record<string, number>>): string[] {
  const values = Object.keys(counts);
  return name === 'year' ? values.sort().reverse() : values.sort((a, b) => a.localeCompare(b));
}

/** The id of a value's checkbox: `filter-theme-workforce-and-caseloads`. */
export function filterInputId(name: SearchFilterName, value: string): string {
  return `filter-${name}-${value.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** The count beside a value, as shown: `(3)`. */
export function filterCountText(count: number): string {
  return `(${count})`;
}

/** A value's count in Pagefind's counts; a value no result has is missing there, so 0. */
export function countOf(counts: FilterCounts, name: string, value: string): number {
  return counts[name]?.[value] ?? 0;
}
