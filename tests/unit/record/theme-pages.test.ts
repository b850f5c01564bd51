import { describe, expect, it } from 'vitest';
import type { ReportParagraph } from '../../../src/lib/record/paragraphs.ts';
import type { RecordReport, ThemedParagraph } from '../../../src/lib/record/build-record.ts';
import { pageNumbers, THEME_PAGE_SIZE, themePages, themePageSize, type ThemePages } from '../../../src/lib/record/theme-pages.ts';
import { themePagePath } from '../../../src/lib/site/urls.ts';
import { fixtureRecord } from '../../helpers/record-fixture.ts';

/** A theme's paragraphs as the record lists them: `counts[i]` paragraphs of report `r<i>`, in order. */
function tagged(...counts: number[]): ThemedParagraph[] {
  return counts.flatMap((count, index) => {
    const report = { id: `r${index}` } as RecordReport;
    return Array.from({ length: count }, (_, n) => ({ report, paragraph: { id: `p${n + 1}` } as ReportParagraph }));
  });
}

/** Each page as its reports' ids and paragraph counts, "r0:3" or "r1:2+" for a continued report. */
function shape(result: ThemePages): string[][] {
  return result.pages.map((page) => page.groups.map((group) => `${group.report.id}:${group.items.length}${group.continued ? '+' : ''}`));
}

describe('themePages', () => {
  it('puts a theme that fits on one page, grouped by report in the order given', () => {
    const record = fixtureRecord();
    const result = themePages(record.paragraphsByTheme.get('workforce')!);
    expect(result.paragraphs).toBe(7);
    expect(result.reports).toBe(4);
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]!.groups.map((group) => [group.report.id, group.items.map((item) => item.paragraph.id)])).toEqual([
      ['2024-02-monitoring-visit-3', ['p2', 'p3']],
      ['2023-09-monitoring-visit-2', ['p1']],
      ['2023-03-monitoring-visit-1', ['p1']],
      ['2018-06-inspection', ['p1', 'p2', 'p3']],
    ]);
    expect(result.pages[0]).toMatchObject({ number: 1, first: 1, last: 7 });
  });

  it('keeps each page within the size, newest first, whole reports together', () => {
    const result = themePages(tagged(3, 2, 4, 1, 5), 6);
    expect(shape(result)).toEqual([['r0:3', 'r1:2'], ['r2:4', 'r3:1'], ['r4:5']]);
    expect(result.pages.map((page) => [page.number, page.first, page.last])).toEqual([
      [1, 1, 5],
      [2, 6, 10],
      [3, 11, 15],
    ]);
    // The counts are the whole theme's, whichever page shows them.
    expect([result.paragraphs, result.reports]).toEqual([15, 5]);
    // Every paragraph once, in the order given.
    expect(result.pages.flatMap((page) => page.groups.flatMap((group) => group.items))).toEqual(tagged(3, 2, 4, 1, 5));
  });

  it('fills a page exactly, and splits only a report that has more than a page holds', () => {
    expect(shape(themePages(tagged(2, 4, 3), 6))).toEqual([['r0:2', 'r1:4'], ['r2:3']]);
    expect(shape(themePages(tagged(1, 14, 2, 1), 6))).toEqual([['r0:1'], ['r1:6'], ['r1:6+'], ['r1:2+', 'r2:2', 'r3:1']]);
    expect(shape(themePages(tagged(12), 6))).toEqual([['r0:6'], ['r0:6+']]);
  });

  it('has one empty page for a theme nothing is tagged with yet, so its address exists', () => {
    expect(themePages([])).toEqual({ paragraphs: 0, reports: 0, pages: [{ number: 1, groups: [], first: 0, last: 0 }] });
  });

  it('bounds every page at 1,000 reports to THEME_PAGE_SIZE paragraphs', () => {
    const counts = Array.from({ length: 1000 }, (_, index) => 1 + ((index * 7) % 9));
    const result = themePages(tagged(...counts));
    const sizes = result.pages.map((page) => page.last - page.first + 1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(THEME_PAGE_SIZE);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(result.paragraphs);
    expect(result.pages.length).toBeLessThan(result.paragraphs / (THEME_PAGE_SIZE - 9) + 1);
  });

  it('refuses a page size that is not a whole number from 1', () => {
    expect(() => themePages(tagged(1), 0)).toThrow('A theme page holds a whole number of paragraphs from 1, not 0.');
    expect(() => themePages(tagged(1), 2.5)).toThrow('not 2.5');
  });
});

describe('themePagePath', () => {
  it('keeps the theme’s address for page 1 and numbers the later pages', () => {
    expect(themePagePath('workforce', 1)).toBe('themes/workforce/');
    expect(themePagePath('workforce', 2)).toBe('themes/workforce/2/');
    expect(themePagePath('workforce', 40)).toBe('themes/workforce/40/');
    expect(() => themePagePath('workforce', 0)).toThrow('A theme page number is a whole number from 1, not 0.');
  });
});

describe('pageNumbers', () => {
  it('links the first and last page, the page and its neighbours, with a gap for the rest', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 2)).toEqual([1, 2]);
    expect(pageNumbers(1, 20)).toEqual([1, 2, undefined, 20]);
    expect(pageNumbers(2, 20)).toEqual([1, 2, 3, undefined, 20]);
    expect(pageNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, undefined, 20]);
    expect(pageNumbers(10, 20)).toEqual([1, undefined, 9, 10, 11, undefined, 20]);
    expect(pageNumbers(20, 20)).toEqual([1, undefined, 19, 20]);
    expect(pageNumbers(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a page that is not one of the pages', () => {
    expect(() => pageNumbers(3, 2)).toThrow('Page 3 of 2 is not a page: pages are numbered from 1 to their count.');
    expect(() => pageNumbers(0, 2)).toThrow('Page 0 of 2 is not a page');
  });
});

describe('themePageSize', () => {
  it('is THEME_PAGE_SIZE unless THEME_PAGE_PARAGRAPHS says otherwise, refusing anything but a whole number', () => {
    expect(themePageSize({})).toBe(THEME_PAGE_SIZE);
    expect(themePageSize({ THEME_PAGE_PARAGRAPHS: '' })).toBe(THEME_PAGE_SIZE);
    expect(themePageSize({ THEME_PAGE_PARAGRAPHS: '20' })).toBe(20);
    expect(() => themePageSize({ THEME_PAGE_PARAGRAPHS: 'many' })).toThrow('THEME_PAGE_PARAGRAPHS must be a whole number of at least 1, not "many".');
    expect(() => themePageSize({ THEME_PAGE_PARAGRAPHS: '0' })).toThrow(/at least 1/);
  });
});
