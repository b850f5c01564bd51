import { describe, expect, it } from 'vitest';
import { countOf, filterCountText, filterInputId, sortedFilterValues, startingFilterCounts } from '../../../src/lib/search/filters.ts';
import { paragraphSearchRecords, type SearchableParagraph } from '../../../src/lib/search/index-records.ts';

function paragraph(report: string, anchor: string, kindLabel: string, year: number, themes: string[], text: 'full' | 'summary' = 'full'): SearchableParagraph {
  return {
    report,
    reportTitle: `${kindLabel}, ${year}`,
    kindLabel,
    text,
    visitStart: `${year}-06-04`,
    visitDates: `June ${year}`,
    year,
    anchor,
    path: `reports/${report}/#${anchor}`,
    words: 'Words.',
    themes: themes.map((label) => ({ id: label.toLowerCase(), label })),
  };
}

describe('startingFilterCounts', () => {
  it('counts paragraphs per value of each filter a reader chooses from, leaving out text, report and dates', () => {
    const records = paragraphSearchRecords([
      paragraph('2018-06-inspection', 'p1', 'Inspection', 2018, ['Education', 'Workforce and caseloads']),
      paragraph('2018-06-inspection', 'p2', 'Inspection', 2018, ['Education']),
      paragraph('2018-06-inspection', 'p3', 'Inspection', 2018, []),
      paragraph('2025-06-monitoring-visit-7', 'p1', 'Monitoring visit', 2025, ['Workforce and caseloads'], 'summary'),
    ]);
    expect(startingFilterCounts(records)).toEqual({
      theme: { Education: 2, 'Workforce and caseloads': 2 },
      kind: { Inspection: 3, 'Monitoring visit': 1 },
      year: { '2018': 3, '2025': 1 },
    });
  });

  it('counts a paragraph once for a value it lists twice, and nothing for no paragraphs', () => {
    const record = { filters: { theme: ['Education', 'Education'], kind: ['Inspection'], year: ['2018'], text: ['full'], report: ['Inspection, June 2018'], dates: ['4 to 28 June 2018'] } };
    expect(startingFilterCounts([record]).theme).toEqual({ Education: 1 });
    expect(startingFilterCounts([])).toEqual({ theme: {}, kind: {}, year: {} });
  });
});

describe('filter values', () => {
  it('orders years newest first and the rest alphabetically', () => {
    expect(sortedFilterValues('year', { '2018': 1, '2025': 2, '2023': 1 })).toEqual(['2025', '2023', '2018']);
    expect(sortedFilterValues('theme', { Workforce: 1, education: 1, Assessment: 3 })).toEqual(['Assessment', 'education', 'Workforce']);
  });

  it('gives each checkbox an id from its value, and shows counts in brackets', () => {
    expect(filterInputId('theme', 'Front door and MASH')).toBe('filter-theme-front-door-and-mash');
    expect(filterCountText(12)).toBe('(12)');
  });

  it('reads a count from Pagefind’s counts, 0 for a value no result has', () => {
    expect(countOf({ theme: { Education: 3 } }, 'theme', 'Education')).toBe(3);
    expect(countOf({ theme: {} }, 'theme', 'Education')).toBe(0);
    expect(countOf({}, 'year', '2025')).toBe(0);
  });
});
