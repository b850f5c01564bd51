/**
 * What a report page tells Pagefind about itself, beyond its words: the metadata a search result
 * shows, the filter values it can be narrowed by, its sort key, and the title of each paragraph's
 * sub-result. The report page renders the first three as hidden `data-pagefind-*` elements
 * (src/components/SearchFacets.astro); src/plugins/hast-paragraph-anchors.ts gives each
 * numbered paragraph its title. The search page reads them back in src/lib/search-results.ts.
 *
 * Pagefind indexes one record per report page, split into one sub-result per paragraph (see
 * scripts/search-index.ts). Its filters apply to whole pages, so a report carries every theme any
 * of its paragraphs has; which paragraph has which theme travels in the paragraph's sub-result
 * title, so the search page can show each paragraph's themes and the paragraphs on a chosen one.
 *
 * Why there, and not in the page's metadata: Pagefind makes every metadata field searchable, so
 * theme names there made a search for "caseloads" find every report with a paragraph tagged
 * "Workforce and caseloads", whether or not its words mention caseloads. Sub-result titles and
 * filter values are not searched. For the same reason the metadata holds only the title and the
 * dates; the kind of report and whether it is our summary travel as filter values.
 */
import { yearOf } from './dates.ts';
import type { RecordReport } from './record.ts';
import { displayTitle, kindLabel, visitDates } from './reports.ts';

/** The filters a reader chooses from, in the order shown. */
export const SEARCH_FILTERS = ['theme', 'kind', 'year'] as const;

export type SearchFilterName = (typeof SEARCH_FILTERS)[number];

export interface ReportSearchFacets {
  meta: {
    title: string;
    /** The dates inspectors were on site, in words. */
    dates: string;
  };
  /**
   * The reader's filters, and `text`: `full` for the letter's own words, `summary` for our
   * summary of it (a filter no reader sees, so that results can label summaries).
   */
  filters: Record<SearchFilterName | 'text', string[]>;
  sort: { date: string };
}

export function reportSearchFacets(report: RecordReport, themeLabel: (id: string) => string): ReportSearchFacets {
  const { data } = report;
  const themes = new Set(report.paragraphs.flatMap((paragraph) => paragraph.themes.map(themeLabel)));
  return {
    meta: {
      title: displayTitle(data),
      dates: visitDates(data),
    },
    filters: {
      theme: [...themes].sort((a, b) => a.localeCompare(b)),
      kind: [kindLabel(data.kind)],
      year: [String(yearOf(data.visitStart))],
      text: [data.text],
    },
    sort: { date: data.visitStart },
  };
}
