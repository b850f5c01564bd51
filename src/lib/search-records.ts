/**
 * What Pagefind indexes: one record per paragraph (DESIGN.md §5), made from the open data's
 * findings (/data/findings.json, src/lib/findings.ts) by scripts/search-index.ts after the build.
 *
 * Why a record per paragraph: a search answers with paragraphs, so Pagefind ranks paragraphs
 * (a query's words must all be in the paragraph, not somewhere in a 100-paragraph report), a theme
 * filter keeps exactly the paragraphs tagged with it (Pagefind filters whole records,
 * Pagefind/pagefind#788), and a result's data (its fragment) is one paragraph, a few hundred bytes,
 * not a whole report (Pagefind/pagefind#601: the 2014 report's fragment was 58 KB gzipped).
 * The cost is Pagefind's metadata file, which every search loads and which grows by about 8
 * bytes per record (README, Search: what a first search downloads).
 *
 * What is searched is the paragraph's words and nothing else. Ofsted's printed number ("47. ")
 * is left out, so "section 47" does not find paragraph 47. Pagefind (1.5 on) searches metadata
 * too, so nothing a result shows besides the words travels as metadata: the report's title, its
 * dates and the paragraph's themes are filter values, which are not searched, and come back in
 * the result's data. The reader's filters are theme, kind and year; `text` (full or summary),
 * `report` and `dates` are only read back.
 */
import { ofstedNumber } from './paragraph-numbering.ts';

/** The filters a reader chooses from, in the order shown. */
export const SEARCH_FILTERS = ['theme', 'kind', 'year'] as const;

export type SearchFilterName = (typeof SEARCH_FILTERS)[number];

/** Filter values a result reads back but nobody filters by. */
export const DISPLAY_FIELDS = ['text', 'report', 'dates'] as const;

/** The fields of a /data/findings.json record the index reads. */
export interface SearchableParagraph {
  report: string;
  reportTitle: string;
  kindLabel: string;
  text: 'full' | 'summary';
  visitStart: string;
  visitDates: string;
  year: number;
  anchor: string;
  path: string;
  words: string;
  themes: ReadonlyArray<{ id: string; label: string }>;
}

/** A Pagefind custom record (pagefind's addCustomRecord). */
export interface ParagraphSearchRecord {
  url: string;
  content: string;
  language: 'en';
  filters: Record<SearchFilterName | (typeof DISPLAY_FIELDS)[number], string[]>;
  sort: { date: string };
}

/** The words searched: the paragraph's, without Ofsted's printed number at the start. */
export function searchableWords(words: string): string {
  return ofstedNumber(words) === undefined ? words : words.replace(/^\s*[1-9][0-9]{0,3}\.\s+/, '');
}

/**
 * The sort key for "Newest first": the visit's start, then the paragraph's place in its report, so
 * that a descending sort lists the newest report first and its paragraphs in reading order.
 * A string (the "~" keeps Pagefind from reading it as a number), compared letter by letter.
 */
export function newestFirstKey(visitStart: string, order: number): string {
  return `${visitStart}~${String(99_999 - order).padStart(5, '0')}`;
}

/**
 * A paragraph's record. `order` is its place in its report (0 for the first). The URL is the
 * paragraph's address under the site's root, as Pagefind gives it back (`/reports/<slug>/#p6`).
 */
export function paragraphSearchRecord(paragraph: SearchableParagraph, order: number): ParagraphSearchRecord {
  return {
    url: `/${paragraph.path}`,
    content: searchableWords(paragraph.words),
    language: 'en',
    filters: {
      theme: [...new Set(paragraph.themes.map((theme) => theme.label))].sort((a, b) => a.localeCompare(b)),
      kind: [paragraph.kindLabel],
      year: [String(paragraph.year)],
      text: [paragraph.text],
      report: [paragraph.reportTitle],
      dates: [paragraph.visitDates],
    },
    sort: { date: newestFirstKey(paragraph.visitStart, order) },
  };
}

/** Every paragraph's record, each numbered within its report in the order the findings give. */
export function paragraphSearchRecords(paragraphs: readonly SearchableParagraph[]): ParagraphSearchRecord[] {
  const seen = new Map<string, number>();
  return paragraphs.map((paragraph) => {
    const order = seen.get(paragraph.report) ?? 0;
    seen.set(paragraph.report, order + 1);
    return paragraphSearchRecord(paragraph, order);
  });
}
