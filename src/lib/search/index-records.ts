/**
 * What Pagefind indexes: one record per paragraph (DESIGN.md §5), made from the open data's
 * findings (/data/findings.json, src/lib/publish/findings.ts) by scripts/search-index.ts after the build.
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
import { ofstedNumber } from '../record/paragraph-numbering.ts';
import { countSetting } from '../site/count-setting.ts';

import type { SearchFilterName } from './filters.ts';

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
  /** A neighbour's paragraph also names its council (`council`, read back, never searched). */
  filters: Record<SearchFilterName | (typeof DISPLAY_FIELDS)[number], string[]> & { council?: string[] };
  sort: { date: string };
}

/**
 * The statistical neighbours' index (issue 26): one index for all ten councils, beside
 * Herefordshire's tiers, added to a search only when the reader asks for the neighbours
 * (`scope=neighbours`). One index with the council as a value read back beat one index per council
 * merged together (README, Search: scripts/bench/neighbours-index.ts measured both).
 */
export const NEIGHBOURS_INDEX_PATH = 'pagefind-neighbours/';

/** A neighbour's paragraph's record: Herefordshire's, with its council. */
export function neighbourSearchRecords(paragraphs: ReadonlyArray<SearchableParagraph & { council: string }>): ParagraphSearchRecord[] {
  return paragraphSearchRecords(paragraphs).map((record, at) => ({ ...record, filters: { ...record.filters, council: [paragraphs[at]!.council] } }));
}

/** The words searched: the paragraph's, without Ofsted's printed number at the start. */
export function searchableWords(words: string): string {
  return ofstedNumber(words) === undefined ? words : words.replace(/^\s*[1-9][0-9]{0,3}\.\s+/, '');
}

/**
 * The sort key for "Newest first": the visit's start, the report, then the paragraph's place in it,
 * so that a descending sort lists the newest report first and its paragraphs in reading order.
 * A string (the "~" keeps Pagefind from reading it as a number), compared letter by letter.
 */
export function newestFirstKey(visitStart: string, order: number, report = ''): string {
  // The report's slug keeps two reports of one day apart, each in reading order.
  return `${visitStart}~${report}~${String(99_999 - order).padStart(5, '0')}`;
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
    sort: { date: newestFirstKey(paragraph.visitStart, order, paragraph.report) },
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

/**
 * The search index in tiers (DESIGN.md §5). Every search downloads the metadata of the index it
 * searches (about 8 bytes a paragraph) and the whole list of places of each word it looks for
 * ("children" is in most paragraphs): over 1,000 reports, some 50,000 paragraphs, that is several
 * hundred kilobytes before a single result. So the index is cut into tiers of at most
 * TIER_PARAGRAPHS paragraphs, newest reports first: `pagefind/` holds the newest and is searched
 * first; `pagefind-older-1/`, `pagefind-older-2/`, ... are added to the search one by one, newest
 * first, while a search has less than a page of results, or all at once when the reader asks.
 * The real record is far below the limit: one tier.
 */
export const TIER_PARAGRAPHS = 2_500;

/** A tier's index folder under the site's root: `pagefind/`, then `pagefind-older-1/`, ... */
export function tierPath(index: number): string {
  return index === 0 ? 'pagefind/' : `pagefind-older-${index}/`;
}

/** Whether a folder name (or a path's first part) is one of the tiers' index folders. */
export function isTierFolder(name: string): boolean {
  return /^pagefind(?:-older-[1-9][0-9]*)?$/.test(name);
}

export interface SearchTier {
  /** The index's folder under the site's root (tierPath). */
  path: string;
  /** The reports in it, by slug, newest first. */
  reports: string[];
  paragraphs: number;
  /** The years of its oldest and newest visits. */
  from: number;
  to: number;
}

/**
 * The tiers: the reports newest first, each tier taking reports while they fit in `size`
 * paragraphs (at least one report; a report is never split between tiers).
 */
export function searchTiers(paragraphs: readonly Pick<SearchableParagraph, 'report' | 'visitStart' | 'year'>[], size = TIER_PARAGRAPHS): SearchTier[] {
  const byReport = new Map<string, { start: string; year: number; count: number }>();
  for (const paragraph of paragraphs) {
    const report = byReport.get(paragraph.report) ?? { start: paragraph.visitStart, year: paragraph.year, count: 0 };
    report.count += 1;
    byReport.set(paragraph.report, report);
  }
  const newestFirst = [...byReport].sort(([a, ra], [b, rb]) => rb.start.localeCompare(ra.start) || b.localeCompare(a));
  const tiers: SearchTier[] = [];
  for (const [slug, report] of newestFirst) {
    let tier = tiers.at(-1);
    if (!tier || tier.paragraphs + report.count > size) {
      tier = { path: tierPath(tiers.length), reports: [], paragraphs: 0, from: report.year, to: report.year };
      tiers.push(tier);
    }
    tier.reports.push(slug);
    tier.paragraphs += report.count;
    tier.from = Math.min(tier.from, report.year);
    tier.to = Math.max(tier.to, report.year);
  }
  return tiers;
}

/** The tiers' size for this build: TIER_PARAGRAPHS, or SEARCH_TIER_PARAGRAPHS from the environment (tests). */
export function tierParagraphs(environment: Readonly<Record<string, string | undefined>>): number {
  return countSetting(environment, 'SEARCH_TIER_PARAGRAPHS', TIER_PARAGRAPHS);
}

/**
 * How many paragraphs each report has, newest report first: the order of a "Newest first" list of
 * every paragraph (newestFirstKey), so that the search page can tell, from a paragraph's place in
 * that list, which report it is in, without downloading its data.
 */
export function reportSizesNewestFirst(paragraphs: readonly Pick<SearchableParagraph, 'report' | 'visitStart'>[]): number[] {
  return reportsNewestFirst(paragraphs).map(([, count]) => count);
}

/**
 * Each report's visit start and number of paragraphs, newest report first: with these, the search
 * page knows the date of a paragraph from its place in an index's newest-first list, and so can
 * list two indexes' paragraphs (Herefordshire's and the neighbours') newest first together.
 */
export function reportsNewestFirst(paragraphs: readonly Pick<SearchableParagraph, 'report' | 'visitStart'>[]): Array<[start: string, count: number]> {
  const sizes = new Map<string, { start: string; count: number }>();
  for (const paragraph of paragraphs) {
    const report = sizes.get(paragraph.report) ?? { start: paragraph.visitStart, count: 0 };
    report.count += 1;
    sizes.set(paragraph.report, report);
  }
  return [...sizes].sort(([a, ra], [b, rb]) => rb.start.localeCompare(ra.start) || b.localeCompare(a)).map(([, report]) => [report.start, report.count]);
}
