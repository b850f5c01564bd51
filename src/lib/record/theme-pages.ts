/**
 * Which of a theme's paragraphs go on which of its pages (/themes/<id>/, then /themes/<id>/2/, …).
 * A theme page quotes its paragraphs newest report first; with every paragraph on one page, a theme
 * page grows with the record (3.7 MB at 1,000 reports). So the paragraphs are split into pages of at
 * most THEME_PAGE_SIZE, newest first, each report's paragraphs kept together on one page unless
 * the report alone has more than a page holds. Pure: the page only renders what this returns.
 */
import type { RecordReport, ThemedParagraph } from './build-record.ts';
import { countSetting } from '../site/count-setting.ts';

/**
 * The most paragraphs one theme page quotes. About 190 bytes gzipped each at the 1,000-report
 * benchmark (930 raw, with the quote's link, caption and glossary marks): a full page is about
 * 40 KB transferred. The real record's largest theme has under 100, so its pages stay whole.
 */
export const THEME_PAGE_SIZE = 200;

/**
 * The page size for this build: THEME_PAGE_SIZE, or THEME_PAGE_PARAGRAPHS from the environment
 * (the tests' build under a sub-path uses a small one, so that the real record's themes have
 * several pages, as a large record's do).
 */
export function themePageSize(environment: Readonly<Record<string, string | undefined>>): number {
  return countSetting(environment, 'THEME_PAGE_PARAGRAPHS', THEME_PAGE_SIZE);
}

/** One report's paragraphs on one page. */
export interface ThemePageGroup {
  report: RecordReport;
  items: ThemedParagraph[];
  /** True when the report's earlier paragraphs on the theme are on the page before (a report with more than a page holds). */
  continued: boolean;
}

export interface ThemePage {
  /** From 1: page 1 is /themes/<id>/. */
  number: number;
  groups: ThemePageGroup[];
  /** The positions (from 1, in the theme's order) of the page's first and last paragraph; 0 and 0 on the page of a theme with none. */
  first: number;
  last: number;
}

export interface ThemePages {
  /** Paragraphs on the theme, all pages. */
  paragraphs: number;
  /** Reports with a paragraph on the theme, all pages. */
  reports: number;
  /** At least one page, so that the theme's address exists before anything is tagged with it. */
  pages: ThemePage[];
}

/** Consecutive paragraphs of the same report, in the order given. */
function byReport(tagged: readonly ThemedParagraph[]): Array<{ report: RecordReport; items: ThemedParagraph[] }> {
  const groups: Array<{ report: RecordReport; items: ThemedParagraph[] }> = [];
  for (const item of tagged) {
    const last = groups.at(-1);
    if (last?.report.id === item.report.id) last.items.push(item);
    else groups.push({ report: item.report, items: [item] });
  }
  return groups;
}

/**
 * A theme's paragraphs (record.paragraphsByTheme: newest report first, document order within)
 * split into pages of at most `size`, in that order. A page takes whole reports while they fit; a
 * report with more than `size` paragraphs on the theme fills pages of its own, its last part
 * starting the next page.
 */
export function themePages(tagged: readonly ThemedParagraph[], size: number = THEME_PAGE_SIZE): ThemePages {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A theme page holds a whole number of paragraphs from 1, not ${size}.`);
  const groups = byReport(tagged);
  const pages: ThemePage[] = [];
  let current: ThemePageGroup[] = [];
  let count = 0;
  let position = 0;
  const close = () => {
    if (count === 0) return;
    pages.push({ number: pages.length + 1, groups: current, first: position + 1, last: position + count });
    position += count;
    current = [];
    count = 0;
  };
  for (const group of groups) {
    if (count + group.items.length > size) close();
    // A report longer than a page: full pages of it, then the rest starts a page that later reports may join.
    let rest = group.items;
    let continued = false;
    while (rest.length > size) {
      current.push({ report: group.report, items: rest.slice(0, size), continued });
      count = size;
      close();
      rest = rest.slice(size);
      continued = true;
    }
    current.push({ report: group.report, items: rest, continued });
    count += rest.length;
  }
  close();
  if (pages.length === 0) pages.push({ number: 1, groups: [], first: 0, last: 0 });
  return { paragraphs: tagged.length, reports: groups.length, pages };
}

/**
 * The page numbers a theme page links, GOV.UK's way: the first and the last, the page itself and
 * its neighbours, `undefined` for each gap between them ("…"). [1] for a theme on one page.
 */
export function pageNumbers(current: number, count: number): Array<number | undefined> {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(current) || current < 1 || current > count) {
    throw new Error(`Page ${current} of ${count} is not a page: pages are numbered from 1 to their count.`);
  }
  const shown = [...new Set([1, current - 1, current, current + 1, count])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  const numbers: Array<number | undefined> = [];
  for (const [index, n] of shown.entries()) {
    const previous = shown[index - 1];
    // A gap of one page shows that page rather than "…", which would take as much room.
    if (previous !== undefined && n - previous === 2) numbers.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) numbers.push(undefined);
    numbers.push(n);
  }
  return numbers;
}
