/**
 * What a report page tells Pagefind about itself, beyond its words: the metadata a search result
 * shows, the filter values (theme, kind, year) it can be narrowed by, and its sort key. The report
 * page renders these as hidden `data-pagefind-*` elements (src/components/SearchFacets.astro);
 * the filter names are the contract with the search page (src/scripts/search.ts).
 *
 * Pagefind indexes one record per report page, split into one sub-result per paragraph (see
 * scripts/search-index.ts). Its filters apply to whole pages, so a report carries every
 * theme any of its paragraphs has; which paragraph has which theme travels in the metadata
 * (`paragraphThemes`), so the search page can show each paragraph's themes and put those on the
 * chosen themes first.
 */
import { formatDateRange, yearOf } from './dates.ts';
import type { RecordReport } from './record.ts';
import { displayTitle, kindLabel } from './reports.ts';

export const SEARCH_FILTERS = ['theme', 'kind', 'year'] as const;

export type SearchFilterName = (typeof SEARCH_FILTERS)[number];

/** Paragraph anchor (`p12`) -> the labels of its themes. Only paragraphs with themes appear. */
export type ParagraphThemes = Record<string, string[]>;

export interface ReportSearchFacets {
  meta: {
    title: string;
    /** The dates inspectors were on site, in words. */
    dates: string;
    /** The first day on site (YYYY-MM-DD or YYYY-MM), to order equally relevant results. */
    date: string;
    kind: string;
    /** `full`: the letter's own words; `summary`: our summary of it. */
    text: 'full' | 'summary';
    /** JSON of ParagraphThemes: a meta value is a string. */
    paragraphThemes: string;
  };
  filters: Record<SearchFilterName, string[]>;
  sort: { date: string };
}

export function reportSearchFacets(report: RecordReport, themeLabel: (id: string) => string): ReportSearchFacets {
  const { data } = report;
  const paragraphThemes: ParagraphThemes = {};
  const themes = new Set<string>();
  for (const paragraph of report.paragraphs) {
    if (paragraph.themes.length === 0) continue;
    const labels = paragraph.themes.map(themeLabel);
    paragraphThemes[`p${paragraph.number}`] = labels;
    for (const label of labels) themes.add(label);
  }
  return {
    meta: {
      title: displayTitle(data),
      dates: formatDateRange(data.visitStart, data.visitEnd),
      date: data.visitStart,
      kind: kindLabel(data.kind),
      text: data.text,
      paragraphThemes: JSON.stringify(paragraphThemes),
    },
    filters: {
      theme: [...themes].sort((a, b) => a.localeCompare(b)),
      kind: [kindLabel(data.kind)],
      year: [String(yearOf(data.visitStart))],
    },
    sort: { date: data.visitStart },
  };
}

/**
 * Reads `paragraphThemes` back on the search page. Anything malformed reads as no themes: the
 * themes are a convenience beside a result, never a reason to lose it.
 */
export function parseParagraphThemes(json: string | undefined): ParagraphThemes {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const result: ParagraphThemes = {};
    for (const [anchor, labels] of Object.entries(parsed)) {
      if (Array.isArray(labels)) result[anchor] = labels.filter((label): label is string => typeof label === 'string');
    }
    return result;
  } catch {
    return {};
  }
}
