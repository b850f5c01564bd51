import { describe, expect, it } from 'vitest';
import {
  highlightPattern,
  MAX_QUERY_LENGTH,
  pagefindFilters,
  parseSearchState,
  readSearchState,
  resultHref,
  searchStateToQueryString,
} from '../../../src/lib/search/state.ts';
import type { SearchFilterName } from '../../../src/lib/search/filters.ts';
import { isTierFolder, neighbourSearchRecords, newestFirstKey, paragraphSearchRecord, paragraphSearchRecords, reportsNewestFirst, reportSizesNewestFirst, searchTiers, tierParagraphs, tierPath, type SearchableParagraph } from '../../../src/lib/search/index-records.ts';

describe('search state in the address', () => {
  it('round-trips the query and every filter', () => {
    const state = parseSearchState('?q=life+story&theme=Education&theme=Health+and+well-being&year=2025');
    expect(state).toEqual({ query: 'life story', filters: { theme: ['Education', 'Health and well-being'], kind: [], year: ['2025'] }, sort: 'best', scope: 'herefordshire' });
    expect(searchStateToQueryString(state)).toBe('?q=life+story&theme=Education&theme=Health+and+well-being&year=2025');
    expect(searchStateToQueryString(parseSearchState(''))).toBe('');
  });

  it('asks Pagefind for any value within a group and every group together', () => {
    expect(pagefindFilters(parseSearchState('?theme=A&theme=B&kind=Inspection'))).toEqual({ theme: { any: ['A', 'B'] }, kind: { any: ['Inspection'] } });
    expect(pagefindFilters(parseSearchState('?q=x&sort=newest'))).toEqual({});
  });

  it('links a result to its paragraph with the words to highlight', () => {
    expect(resultHref('/reports/x/#p12', 'life story')).toBe('/reports/x/?highlight=life%20story#p12');
    expect(resultHref('/reports/x/#p12', '')).toBe('/reports/x/#p12');
    expect(resultHref('/reports/x/', 'a&b')).toBe('/reports/x/?highlight=a%26b');
  });
});

describe('readSearchState', () => {
  const known: Record<SearchFilterName, ReadonlySet<string>> = {
    theme: new Set(['Education', 'Workforce and caseloads']),
    kind: new Set(['Inspection', 'Monitoring visit']),
    year: new Set(['2018', '2025']),
  };

  it('round-trips sort=newest', () => {
    const { state, notices } = readSearchState('?q=caseloads&sort=newest');
    expect(state).toEqual({ query: 'caseloads', filters: { theme: [], kind: [], year: [] }, sort: 'newest', scope: 'herefordshire' });
    expect(notices).toEqual([]);
    expect(searchStateToQueryString(state)).toBe('?q=caseloads&sort=newest');
    expect(searchStateToQueryString({ query: '', filters: { theme: [], kind: [], year: [] }, sort: 'newest', scope: 'herefordshire' })).toBe('?sort=newest');
  });

  it('reads sort=best, an empty sort or none as best match, which the address does not write', () => {
    for (const search of ['?q=caseloads&sort=best', '?q=caseloads&sort=', '?q=caseloads']) {
      const { state, notices } = readSearchState(search);
      expect(state.sort).toBe('best');
      expect(notices).toEqual([]);
      expect(searchStateToQueryString(state)).toBe('?q=caseloads');
    }
  });

  it('reads an unknown sort as best match, with a notice naming it', () => {
    const { state, notices } = readSearchState('?q=caseloads&sort=oldest');
    expect(state.sort).toBe('best');
    expect(notices).toEqual(['The address asked to sort by “oldest”, which the search does not offer, so results are in order of best match.']);
    expect(searchStateToQueryString(state)).toBe('?q=caseloads');
  });

  it('leaves out the filter values the page does not offer, with a notice naming them', () => {
    const { state, notices } = readSearchState('?theme=Education&theme=Pets&theme=Hobbies&kind=Letter&kind=Inspection&year=1999', known);
    expect(state.filters).toEqual({ theme: ['Education'], kind: ['Inspection'], year: [] });
    expect(notices).toEqual([
      'The address asked for “Pets”, “Hobbies”, which are not themes the search offers, so they were left out.',
      'The address asked for “Letter”, which is not a type of report the search offers, so it was left out.',
      'The address asked for “1999”, which is not a year the search offers, so it was left out.',
    ]);
    expect(searchStateToQueryString(state)).toBe('?theme=Education&kind=Inspection');
  });

  it('keeps every value without `known`, and gives no notice for known ones', () => {
    expect(readSearchState('?theme=Pets').state.filters.theme).toEqual(['Pets']);
    expect(readSearchState('?theme=Pets').notices).toEqual([]);
    expect(readSearchState('?theme=Education&year=2025', known).notices).toEqual([]);
  });

  it('removes repeated and empty values', () => {
    const { state, notices } = readSearchState('?theme=Education&theme=Education&theme=&year=2025&year=2025', known);
    expect(state.filters).toEqual({ theme: ['Education'], kind: [], year: ['2025'] });
    expect(notices).toEqual([]);
    expect(searchStateToQueryString(state)).toBe('?theme=Education&year=2025');
  });

  it('names a repeated unknown value once in its notice', () => {
    const { state, notices } = readSearchState('?theme=Pets&theme=Pets&theme=Education', known);
    expect(state.filters.theme).toEqual(['Education']);
    expect(notices).toEqual(['The address asked for “Pets”, which is not a theme the search offers, so it was left out.']);
  });

  it('cuts a query longer than MAX_QUERY_LENGTH, with a notice', () => {
    const long = `${'caseloads '.repeat(30)}end`;
    expect(long.length).toBeGreaterThan(MAX_QUERY_LENGTH);
    const { state, notices } = readSearchState(`?q=${encodeURIComponent(long)}`);
    expect(state.query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(long.startsWith(state.query)).toBe(true);
    // Cut after a space: trimmed again.
    expect(state.query).toBe(long.slice(0, MAX_QUERY_LENGTH).trim());
    expect(notices).toEqual([`The search was cut to its first ${MAX_QUERY_LENGTH} characters.`]);
  });

  it('reads scope=neighbours, writes it before the order, and takes no scope as Herefordshire’s reports only', () => {
    const { state, notices } = readSearchState('?q=caseloads&theme=Education&scope=neighbours&sort=newest', known);
    expect(state.scope).toBe('neighbours');
    expect(notices).toEqual([]);
    // The address the theme pages link to, exactly.
    expect(searchStateToQueryString(state)).toBe('?q=caseloads&theme=Education&scope=neighbours&sort=newest');
    for (const search of ['?q=caseloads', '?q=caseloads&scope=', '?q=caseloads&scope=herefordshire']) {
      const read = readSearchState(search);
      expect(read.state.scope).toBe('herefordshire');
      expect(read.notices).toEqual([]);
      expect(searchStateToQueryString(read.state)).toBe('?q=caseloads');
    }
  });

  it('reads an unknown scope, or the neighbours where the page has none, as Herefordshire’s reports only, with a notice', () => {
    const unknown = readSearchState('?q=caseloads&scope=england');
    expect(unknown.state.scope).toBe('herefordshire');
    expect(unknown.notices).toEqual(['The address asked to search “england”, which the search does not offer, so only Herefordshire’s reports were searched.']);
    const without = readSearchState('?q=caseloads&scope=neighbours', undefined, false);
    expect(without.state.scope).toBe('herefordshire');
    expect(without.notices).toEqual(['The address asked to search the statistical neighbours’ reports too, which this copy of the record does not have, so only Herefordshire’s reports were searched.']);
  });

  it('keeps a query of exactly MAX_QUERY_LENGTH characters, trimmed of spaces around it, without a notice', () => {
    const query = 'a'.repeat(MAX_QUERY_LENGTH);
    const { state, notices } = readSearchState(`?q=${encodeURIComponent(`  ${query}  `)}`);
    expect(state.query).toBe(query);
    expect(notices).toEqual([]);
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

describe('paragraph search records', () => {
  function paragraph(overrides: Partial<SearchableParagraph> = {}): SearchableParagraph {
    const anchor = overrides.anchor ?? 'p47';
    const report = overrides.report ?? '2018-06-inspection';
    return {
      report,
      reportTitle: 'Inspection, June 2018',
      kindLabel: 'Inspection',
      text: 'full',
      visitStart: '2018-06-04',
      visitDates: '4 to 28 June 2018',
      year: 2018,
      anchor,
      path: `reports/${report}/#${anchor}`,
      words: '47. Section 47 enquiries are timely. 12. Not a number here.',
      themes: [
        { id: 'workforce', label: 'Workforce and caseloads' },
        { id: 'child-protection', label: 'Child protection' },
        { id: 'education', label: 'Education' },
      ],
      ...overrides,
    };
  }

  it('makes one record per paragraph: its address, its words without Ofsted’s number, its filters and sort key', () => {
    expect(paragraphSearchRecord(paragraph(), 3)).toEqual({
      url: '/reports/2018-06-inspection/#p47',
      content: 'Section 47 enquiries are timely. 12. Not a number here.',
      language: 'en',
      filters: {
        theme: ['Child protection', 'Education', 'Workforce and caseloads'],
        kind: ['Inspection'],
        year: ['2018'],
        text: ['full'],
        report: ['Inspection, June 2018'],
        dates: ['4 to 28 June 2018'],
      },
      sort: { date: '2018-06-04~2018-06-inspection~99996' },
    });
  });

  it('leaves words without a printed number as they are', () => {
    for (const words of ['The MASH is effective.', 'In 2018. the service', '  Leading spaces kept.', '2.5 per cent of children.', '47.No space after the number.']) {
      expect(paragraphSearchRecord(paragraph({ words }), 0).content).toBe(words);
    }
  });

  it('gives each theme label once, and a summary as text: summary', () => {
    const record = paragraphSearchRecord(
      paragraph({
        text: 'summary',
        themes: [
          { id: 'b', label: 'Education' },
          { id: 'a', label: 'Assessment' },
          { id: 'c', label: 'Education' },
        ],
      }),
      0,
    );
    expect(record.filters.theme).toEqual(['Assessment', 'Education']);
    expect(record.filters.text).toEqual(['summary']);
    expect(paragraphSearchRecord(paragraph({ themes: [] }), 0).filters.theme).toEqual([]);
  });

  it('sorts newest visit first and, within a report, in reading order, when sorted descending', () => {
    const keys = [newestFirstKey('2018-06-04', 0), newestFirstKey('2018-06-04', 1), newestFirstKey('2018-06-04', 10), newestFirstKey('2025-06-17', 0), newestFirstKey('2025-06-17', 2)];
    const descending = [...keys].sort().reverse();
    expect(descending).toEqual([newestFirstKey('2025-06-17', 0), newestFirstKey('2025-06-17', 2), newestFirstKey('2018-06-04', 0), newestFirstKey('2018-06-04', 1), newestFirstKey('2018-06-04', 10)]);
    // Not a number, so Pagefind compares it as text.
    expect(Number.isNaN(Number(newestFirstKey('2018-06-04', 0)))).toBe(true);
  });

  it('keeps two reports of the same day apart, each in reading order', () => {
    const keys = [newestFirstKey('2019-01-07', 0, 'x-visit'), newestFirstKey('2019-01-07', 0, 'y-visit'), newestFirstKey('2019-01-07', 1, 'x-visit'), newestFirstKey('2019-01-07', 1, 'y-visit')];
    expect([...keys].sort().reverse()).toEqual([keys[1], keys[3], keys[0], keys[2]]);
  });

  it('numbers the paragraphs within each report, in the order given', () => {
    const records = paragraphSearchRecords([
      paragraph({ report: 'a', anchor: 'p1', visitStart: '2014-04-29' }),
      paragraph({ report: 'a', anchor: 'p2', visitStart: '2014-04-29' }),
      paragraph({ report: 'b', anchor: 's1', visitStart: '2025-06-17' }),
      paragraph({ report: 'a', anchor: 'p3', visitStart: '2014-04-29' }),
      paragraph({ report: 'b', anchor: 'p1', visitStart: '2025-06-17' }),
    ]);
    expect(records.map((record) => [record.url, record.sort.date])).toEqual([
      ['/reports/a/#p1', '2014-04-29~a~99999'],
      ['/reports/a/#p2', '2014-04-29~a~99998'],
      ['/reports/b/#s1', '2025-06-17~b~99999'],
      ['/reports/a/#p3', '2014-04-29~a~99997'],
      ['/reports/b/#p1', '2025-06-17~b~99998'],
    ]);
    const newestFirst = [...records].sort((x, y) => y.sort.date.localeCompare(x.sort.date)).map((record) => record.url);
    expect(newestFirst).toEqual(['/reports/b/#s1', '/reports/b/#p1', '/reports/a/#p1', '/reports/a/#p2', '/reports/a/#p3']);
    expect(paragraphSearchRecords([])).toEqual([]);
  });
});

describe('search tiers', () => {
  const paragraphs = (report: string, visitStart: string, count: number) => Array.from({ length: count }, () => ({ report, visitStart, year: Number(visitStart.slice(0, 4)) }));
  const record = [...paragraphs('2014-04-inspection', '2014-04-29', 5), ...paragraphs('2025-11-inspection', '2025-11-10', 3), ...paragraphs('2019-01-focused-visit', '2019-01-22', 2), ...paragraphs('2022-07-inspection', '2022-07-18', 2)];

  it('fills each tier with whole reports, newest first, up to its size', () => {
    expect(searchTiers(record, 5).map(({ path, reports, paragraphs: count, from, to }) => ({ path, reports, count, from, to }))).toEqual([
      { path: 'pagefind/', reports: ['2025-11-inspection', '2022-07-inspection'], count: 5, from: 2022, to: 2025 },
      { path: 'pagefind-older-1/', reports: ['2019-01-focused-visit'], count: 2, from: 2019, to: 2019 },
      // A report larger than the rest of a tier starts the next; one larger than a tier is a tier.
      { path: 'pagefind-older-2/', reports: ['2014-04-inspection'], count: 5, from: 2014, to: 2014 },
    ]);
    expect(searchTiers(record).map((tier) => tier.reports.length)).toEqual([4]);
  });

  it('names the tiers’ folders and recognises them', () => {
    expect([0, 1, 12].map(tierPath)).toEqual(['pagefind/', 'pagefind-older-1/', 'pagefind-older-12/']);
    expect(['pagefind', 'pagefind-older-3', 'pagefind-older', 'pagefind-older-0', 'reports'].map(isTierFolder)).toEqual([true, true, false, false, false]);
  });

  it('gives each report’s size newest first, the order of a Newest first list of every paragraph', () => {
    expect(reportSizesNewestFirst(record)).toEqual([3, 2, 2, 5]);
    expect(reportsNewestFirst(record)).toEqual([['2025-11-10', 3], ['2022-07-18', 2], ['2019-01-22', 2], ['2014-04-29', 5]]);
  });

  it('makes a neighbour’s paragraph’s record as Herefordshire’s, with its council read back, never searched', () => {
    const paragraph: SearchableParagraph & { council: string } = {
      report: 'lancashire/2026-05-inspection',
      reportTitle: 'Lancashire: inspection, May 2026',
      kindLabel: 'Inspection',
      text: 'full',
      visitStart: '2026-05-11',
      visitDates: '11 to 22 May 2026',
      year: 2026,
      anchor: 'p12',
      path: 'neighbours/lancashire/2026-05-inspection/#p12',
      words: '12. Children are seen.',
      themes: [{ id: 'education', label: 'Education' }],
      council: 'Lancashire',
    };
    const [record] = neighbourSearchRecords([paragraph]);
    expect(record).toEqual({
      url: '/neighbours/lancashire/2026-05-inspection/#p12',
      content: 'Children are seen.',
      language: 'en',
      filters: { theme: ['Education'], kind: ['Inspection'], year: ['2026'], text: ['full'], report: ['Lancashire: inspection, May 2026'], dates: ['11 to 22 May 2026'], council: ['Lancashire'] },
      sort: { date: newestFirstKey('2026-05-11', 0, 'lancashire/2026-05-inspection') },
    });
  });

  it('reads the tier size from SEARCH_TIER_PARAGRAPHS, refusing anything but a whole number', () => {
    expect(tierParagraphs({})).toBe(2_500);
    expect(tierParagraphs({ SEARCH_TIER_PARAGRAPHS: '250' })).toBe(250);
    expect(() => tierParagraphs({ SEARCH_TIER_PARAGRAPHS: 'many' })).toThrow(/SEARCH_TIER_PARAGRAPHS must be a whole number/);
  });
});
