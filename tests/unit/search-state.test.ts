import { describe, expect, it } from 'vitest';
import { highlightPattern, pagefindFilters, parseSearchState, resultHref, searchStateToQueryString } from '../../src/lib/search-state.ts';
import { searchRecord } from '../../src/lib/search-records.ts';
import type { Finding } from '../../src/lib/findings.ts';

describe('search state in the address', () => {
  it('round-trips the query and every filter', () => {
    const state = parseSearchState('?q=life+story&theme=Education&theme=Health+and+well-being&year=2025');
    expect(state).toEqual({ query: 'life story', filters: { theme: ['Education', 'Health and well-being'], kind: [], year: ['2025'] } });
    expect(searchStateToQueryString(state)).toBe('?q=life+story&theme=Education&theme=Health+and+well-being&year=2025');
    expect(searchStateToQueryString(parseSearchState(''))).toBe('');
  });

  it('asks Pagefind for any value within a group and every group together', () => {
    expect(pagefindFilters(parseSearchState('?theme=A&theme=B&kind=Inspection'))).toEqual({ theme: { any: ['A', 'B'] }, kind: { any: ['Inspection'] } });
  });

  it('links a result to its paragraph with the words to highlight', () => {
    expect(resultHref('/reports/x/#p12', 'life story')).toBe('/reports/x/?highlight=life%20story#p12');
    expect(resultHref('/reports/x/#p12', '')).toBe('/reports/x/#p12');
  });
});

describe('highlightPattern', () => {
  it('marks whole words starting with each term, case-insensitively', () => {
    const pattern = highlightPattern('Caseload life-story')!;
    expect('High caseloads; life-story work; showcaseload'.match(pattern)).toEqual(['caseloads', 'life-story']);
  });

  it('escapes regular-expression characters and ignores one-letter words', () => {
    expect(highlightPattern('a')).toBeUndefined();
    expect('cost (c++)'.match(highlightPattern('c++ (cost')!)).toEqual(['cost']);
  });
});

describe('searchRecord', () => {
  it('indexes a paragraph with its words, metadata and filters, under a URL without the base', () => {
    const finding: Finding = {
      report: '2025-06-monitoring-visit-7', reportTitle: 'Monitoring visit 7, June 2025', kind: 'monitoring-visit', kindLabel: 'Monitoring visit',
      text: 'full', visitStart: '2025-06-17', visitEnd: '2025-06-18', visitDates: '17 and 18 June 2025', year: 2025, paragraph: 12, anchor: 'p12',
      path: 'reports/2025-06-monitoring-visit-7/#p12', words: 'Most supervision is regular.',
      themes: [{ id: 'workforce', label: 'Workforce and caseloads' }], statuses: [],
    };
    expect(searchRecord(finding)).toEqual({
      url: '/reports/2025-06-monitoring-visit-7/#p12',
      content: 'Most supervision is regular.',
      language: 'en',
      meta: { title: 'Monitoring visit 7, June 2025, paragraph 12', report: 'Monitoring visit 7, June 2025', dates: '17 and 18 June 2025', date: '2025-06-17', kind: 'Monitoring visit', text: 'full' },
      filters: { theme: ['Workforce and caseloads'], kind: ['Monitoring visit'], year: ['2025'] },
      sort: { date: '2025-06-17' },
    });
  });
});
