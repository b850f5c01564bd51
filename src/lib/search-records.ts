/**
 * How a paragraph becomes a Pagefind record: its words, the metadata a result shows, and the
 * filter values (theme, kind, year) it can be narrowed by. The filter names are the contract
 * with the search page (src/scripts/search.ts).
 */
import type { Finding } from './findings.ts';

export const SEARCH_FILTERS = ['theme', 'kind', 'year'] as const;

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The URL is relative to the site root, without the base: Pagefind's search script adds the base
 * it was loaded from (its `baseUrl` option defaults to the bundle's own location), so a site built
 * under /inspections/ gets /inspections/reports/... (verified by tests/site/base-path.test.ts).
 */
export function searchRecord(finding: Finding): SearchRecord {
  return {
    url: `/${finding.path}`,
    content: finding.words,
    language: 'en',
    meta: {
      title: `${finding.reportTitle}, paragraph ${finding.paragraph}`,
      report: finding.reportTitle,
      dates: finding.visitDates,
      date: finding.visitStart,
      kind: finding.kindLabel,
      text: finding.text,
    },
    filters: {
      theme: finding.themes.map((theme) => theme.label),
      kind: [finding.kindLabel],
      year: [String(finding.year)],
    },
    sort: { date: finding.visitStart },
  };
}
