import { describe, expect, it } from 'vitest';
import { countOf, filterCountText, filterInputId, sortedFilterValues, startingFilterCounts } from '../../src/lib/search-filters.ts';

describe('startingFilterCounts', () => {
  it('counts reports per value of each filter a reader chooses from, leaving out the text filter', () => {
    const counts = startingFilterCounts([
      { filters: { theme: ['Education', 'Workforce and caseloads'], kind: ['Inspection'], year: ['2025'], text: ['full'] } },
      { filters: { theme: ['Education'], kind: ['Monitoring visit'], year: ['2025'], text: ['summary'] } },
      { filters: { theme: [], kind: ['Monitoring visit'], year: ['2023'], text: ['summary'] } },
    ]);
    expect(counts).toEqual({
      theme: { Education: 2, 'Workforce and caseloads': 1 },
      kind: { Inspection: 1, 'Monitoring visit': 2 },
      year: { '2025': 2, '2023': 1 },
    });
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
