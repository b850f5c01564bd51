/**
 * The search page's filters (theme, type of report, year): their legends, the order of their
 * values, the checkboxes' ids, and the starting counts.
 *
 * The starting counts (how many paragraphs each value keeps when nothing is searched for) are
 * worked out when the page is built, from the same records Pagefind indexes
 * (src/lib/search/index-records.ts). So the page shows them without asking Pagefind, whose filter
 * chunks would be downloaded before anyone has searched.
 */
import type { FilterCounts } from './pagefind-api.ts';
import { SEARCH_FILTERS, type ParagraphSearchRecord } from './index-records.ts';
import type { FilterName } from './state.ts';

export const FILTER_LEGENDS: Readonly<Record<FilterName, string>> = {
  theme: 'Theme',
  kind: 'Type of report',
  year: 'Year of visit',
};

/** How many paragraphs have each value of each filter the reader chooses from. */
export function startingFilterCounts(records: ReadonlyArray<Pick<ParagraphSearchRecord, 'filters'>>): Record<FilterName, Record<string, number>> {
  const counts: Record<FilterName, Record<string, number>> = { theme: {}, kind: {}, year: {} };
  for (const { filters } of records) {
    for (const name of SEARCH_FILTERS) {
      for (const value of new Set(filters[name])) counts[name][value] = (counts[name][value] ?? 0) + 1;
    }
  }
  return counts;
}

/** A filter's values in the order shown: years newest first, everything else alphabetically. */
export function sortedFilterValues(name: FilterName, counts: Readonly<Record<string, number>>): string[] {
  const values = Object.keys(counts);
  return name === 'year' ? values.sort().reverse() : values.sort((a, b) => a.localeCompare(b));
}

/** The id of a value's checkbox: `filter-theme-workforce-and-caseloads`. */
export function filterInputId(name: FilterName, value: string): string {
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
