/** The search page's ranking and wording (src/lib/search/results.ts): pure functions over what Pagefind answers. */
import { describe, expect, it } from 'vitest';
import {
  Candidates,
  exactQuery,
  paragraphResult,
  neighbourParagraphOfUrl,
  newestFirstAcross,
  preloadTerm,
  progressText,
  queryWords,
  NEWEST_REPORT_BY,
  rankResults,
  RECENCY_WEIGHT,
  reportAt,
  statusText,
  type Found,
  type Ranked,
} from '../../../src/lib/search/results.ts';
import { parseSearchState } from '../../../src/lib/search/state.ts';

/** Pagefind's results for one search, as the ranking reads them: `{ a: 2 }` is paragraph a, score 2. */
function found(scores: Record<string, number>): Found[] {
  return Object.entries(scores).map(([id, score]) => ({ id, score }));
}

/** A newest-first date order: the first id is the newest paragraph. */
function dates(...ids: string[]): Map<string, number> {
  return new Map(ids.map((id, place) => [id, place]));
}

const ids = (ranked: readonly Ranked[]): string[] => ranked.map((item) => item.id);

describe('rankResults: tiers', () => {
  it('puts every exact-phrase paragraph before every all-words one, whatever their scores', () => {
    const candidates = new Candidates();
    // The exact search: Pagefind scores every paragraph of a quoted search 1.
    candidates.place('exact', found({ phrase: 1 }));
    // The search for the words: the phrase's paragraph scores low, another much higher.
    const all = found({ phrase: 0.2, words: 9 });
    candidates.place('all', all);
    candidates.score(all);
    const ranked = rankResults(candidates, new Map(), 'best');
    expect(ranked).toEqual([
      { id: 'phrase', tier: 'exact', score: 0.2 },
      { id: 'words', tier: 'all', score: 9 },
    ]);
  });

  it('gives a paragraph several searches found its best tier and its best score, once', () => {
    const candidates = new Candidates();
    candidates.place('all', found({ a: 0 }));
    candidates.place('exact', found({ a: 0 }));
    // A worse tier afterwards does not demote it.
    candidates.place('all', found({ a: 0 }));
    candidates.score(found({ a: 4, b: 3 }));
    candidates.score(found({ a: 1, b: 5 }));
    candidates.place('all', found({ b: 0 }));
    const ranked = rankResults(candidates, new Map(), 'best');
    expect(ranked).toEqual([
      { id: 'a', tier: 'exact', score: 4 },
      { id: 'b', tier: 'all', score: 5 },
    ]);
  });

  it('does not count the exact searches’ score (always 1), only the scoring searches’', () => {
    const candidates = new Candidates();
    candidates.place('exact', found({ low: 1, high: 1 }));
    candidates.score(found({ low: 0.3, high: 0.6 }));
    const ranked = rankResults(candidates, new Map(), 'best');
    // Were the exact search's 1 a score, both would tie at 1 and `low` would not be below `high`.
    expect(ranked).toEqual([
      { id: 'high', tier: 'exact', score: 0.6 },
      { id: 'low', tier: 'exact', score: 0.3 },
    ]);
  });

  it('scores 0 a paragraph only an exact search found', () => {
    const candidates = new Candidates();
    candidates.place('exact', found({ only: 1 }));
    expect(rankResults(candidates, new Map(), 'best')).toEqual([{ id: 'only', tier: 'exact', score: 0 }]);
  });

  it('puts the paragraphs with some of the words last, most words first, then by score', () => {
    const candidates = new Candidates();
    const all = found({ everything: 0.1 });
    candidates.place('all', all);
    candidates.score(all);
    // One search per word of a two-word query.
    candidates.someWord(found({ everything: 0.1, both: 0.05, oneHigh: 8, oneLow: 2 }));
    candidates.someWord(found({ everything: 0.1, both: 0.05 }));
    const ranked = rankResults(candidates, new Map(), 'best');
    expect(ranked.map(({ id, tier }) => [id, tier])).toEqual([
      // Already in a better tier: a word's search leaves it there.
      ['everything', 'all'],
      // Both words, with the lowest score, before one word with a high score.
      ['both', 'some'],
      ['oneHigh', 'some'],
      ['oneLow', 'some'],
    ]);
    expect(candidates.words.get('everything')).toBeUndefined();
    expect(candidates.words.get('both')).toBe(2);
    expect(candidates.words.get('oneHigh')).toBe(1);
  });
});

describe('rankResults: recency', () => {
  function ranked(scores: Record<string, number>, order: Map<string, number>, sort: 'best' | 'newest' = 'best'): Ranked[] {
    const candidates = new Candidates();
    candidates.place('all', found(scores));
    candidates.score(found(scores));
    return rankResults(candidates, order, sort);
  }

  it('puts the newer of two equal scores first, its score raised by RECENCY_WEIGHT', () => {
    const result = ranked({ older: 2, newer: 2 }, dates('newer', 'older'));
    expect(ids(result)).toEqual(['newer', 'older']);
    expect(result[0]!.score).toBeCloseTo(2 * (1 + RECENCY_WEIGHT));
    expect(result[1]!.score).toBe(2);
  });

  it('lets recency settle scores about as good, not overturn a clearly better one', () => {
    // 2.5 against 2 × 1.3 = 2.6: the newer paragraph goes first.
    expect(ids(ranked({ older: 2.5, newer: 2 }, dates('newer', 'older')))).toEqual(['newer', 'older']);
    // 5 against 2.6: the better answer stays first, though older.
    expect(ids(ranked({ older: 5, newer: 2 }, dates('newer', 'older')))).toEqual(['older', 'newer']);
  });

  it('scales the nudge by the place in the date order, and gives none to a paragraph missing from it', () => {
    const result = ranked({ newest: 1, middle: 1, oldest: 1, missing: 1 }, dates('newest', 'middle', 'oldest'));
    expect(result.map(({ id, score }) => [id, Number(score.toFixed(6))])).toEqual([
      ['newest', Number((1 + RECENCY_WEIGHT).toFixed(6))],
      ['middle', Number((1 + RECENCY_WEIGHT / 2).toFixed(6))],
      // Equal scores: the one in the date order before the one missing from it.
      ['oldest', 1],
      ['missing', 1],
    ]);
  });

  it('orders by the place in the date order for “Newest first”, whatever the scores', () => {
    const order = dates('p3', 'p1', 'p2');
    expect(ids(ranked({ p1: 9, p2: 1, p3: 0.5 }, order, 'newest'))).toEqual(['p3', 'p1', 'p2']);
    expect(ids(ranked({ p1: 9, p2: 1, p3: 0.5 }, order, 'best'))).toEqual(['p1', 'p2', 'p3']);
  });

  it('keeps the paragraphs with some of the words last under “Newest first”, most words first', () => {
    const candidates = new Candidates();
    candidates.place('all', found({ oldAll: 1 }));
    candidates.someWord(found({ newOne: 1, oldTwo: 1, newerTwo: 1 }));
    candidates.someWord(found({ oldTwo: 1, newerTwo: 1 }));
    const order = dates('newOne', 'newerTwo', 'oldTwo', 'oldAll');
    expect(ids(rankResults(candidates, order, 'newest'))).toEqual(['oldAll', 'newerTwo', 'oldTwo', 'newOne']);
  });
});

describe('paragraphResult', () => {
  const filters = {
    theme: ['Education', 'Workforce and caseloads'],
    kind: ['Inspection'],
    year: ['2018'],
    text: ['full'],
    report: ['Inspection, June 2018'],
    dates: ['4 to 28 June 2018'],
  };

  it('reads a paragraph’s address, key, report, label, kind, dates and themes from its record', () => {
    expect(paragraphResult({ url: '/reports/2018-06-inspection/#p6-2', excerpt: 'the <mark>caseloads</mark>', filters })).toEqual({
      url: '/reports/2018-06-inspection/#p6-2',
      key: '2018-06-inspection#p6-2',
      reportTitle: 'Inspection, June 2018',
      label: 'Paragraph 6, point 2',
      kind: 'Inspection',
      dates: '4 to 28 June 2018',
      summary: false,
      excerptHtml: 'the <mark>caseloads</mark>',
      themes: ['Education', 'Workforce and caseloads'],
    });
  });

  it('labels the other anchors and marks our summaries', () => {
    const summary = paragraphResult({ url: '/reports/2018-06-inspection/#s3', excerpt: '', filters: { ...filters, text: ['summary'] } });
    expect(summary).toMatchObject({ label: 'Summary, paragraph 3', summary: true, key: '2018-06-inspection#s3' });
    expect(paragraphResult({ url: '/reports/2025-06-monitoring-visit-7/#p12', excerpt: '', filters }).label).toBe('Paragraph 12');
  });

  it('works under a base path and without filters, falling back to the slug', () => {
    const result = paragraphResult({ url: '/ofsted/reports/2025-06-monitoring-visit-7/#p1', excerpt: 'x', filters: {} });
    expect(result).toEqual({
      url: '/ofsted/reports/2025-06-monitoring-visit-7/#p1',
      key: '2025-06-monitoring-visit-7#p1',
      reportTitle: '2025-06-monitoring-visit-7',
      label: 'Paragraph 1',
      kind: '',
      dates: '',
      summary: false,
      excerptHtml: 'x',
      themes: [],
    });
  });
});

describe('a statistical neighbour’s paragraph', () => {
  it('says whose report it is, keyed by its address, under a base path too', () => {
    const result = paragraphResult({
      url: '/inspections/neighbours/lancashire/2026-05-inspection/#p12',
      excerpt: 'x',
      filters: { theme: ['Education'], kind: ['Inspection'], year: ['2026'], text: ['full'], report: ['Lancashire: inspection, May 2026'], dates: ['11 to 22 May 2026'], council: ['Lancashire'] },
    });
    expect(result).toMatchObject({ key: 'neighbours/lancashire/2026-05-inspection#p12', council: 'Lancashire', reportTitle: 'Lancashire: inspection, May 2026', label: 'Paragraph 12' });
    expect(neighbourParagraphOfUrl('/neighbours/lancashire/2026-05-inspection/?highlight=x#s3')).toEqual({ report: 'neighbours/lancashire/2026-05-inspection', anchor: 's3' });
    expect(neighbourParagraphOfUrl('/reports/2018-06-inspection/#p6')).toBeUndefined();
  });
});

describe('newestFirstAcross: Herefordshire’s and the neighbours’ paragraphs newest first together', () => {
  it('merges each index’s newest-first list by its reports’ visit dates, each list in its own order', () => {
    // Herefordshire: a report of 2025 (2 paragraphs), one of 2018 (1). Neighbours: 2026 (1), 2018 on the same day (2), 2015 (1).
    const ours = { results: ['h25a', 'h25b', 'h18a'], reports: [['2025-06-17', 2], ['2018-06-04', 1]] as Array<[string, number]> };
    const theirs = { results: ['n26a', 'n18a', 'n18b', 'n15a'], reports: [['2026-05-11', 1], ['2018-06-04', 2], ['2015-09-14', 1]] as Array<[string, number]> };
    const merged = newestFirstAcross([ours, theirs]);
    expect(merged.map(({ item }) => item)).toEqual(['n26a', 'h25a', 'h25b', 'h18a', 'n18a', 'n18b', 'n15a']);
    expect(merged.map(({ report }) => report)).toEqual(['1:0', '0:0', '0:0', '0:1', '1:1', '1:1', '1:2']);
    expect(newestFirstAcross([ours]).map(({ item }) => item)).toEqual(['h25a', 'h25b', 'h18a']);
  });
});

describe('the words of a query', () => {
  it('splits on anything but letters, digits and apostrophes or hyphens inside a word, lower-cased, each once', () => {
    expect(queryWords('Life story work, LIFE story!')).toEqual(['life', 'story', 'work']);
    // Pagefind indexes "multi-agency" as one word: the hyphen stays, not at either end.
    expect(queryWords('Multi-agency -front- door- life-story')).toEqual(['multi-agency', 'front', 'door', 'life-story']);
    expect(queryWords('“children’s” ‘voice’ section 47')).toEqual(['children’s', 'voice', 'section', '47']);
    expect(queryWords('  ')).toEqual([]);
  });

  it('makes the exact phrase of the query’s words, or nothing for punctuation only', () => {
    expect(exactQuery('Life story!')).toBe('"life story"');
    expect(exactQuery('Multi-agency hub')).toBe('"multi-agency hub"');
    expect(exactQuery(' caseloads ')).toBe('"caseloads"');
    expect(exactQuery('"child  protection"')).toBe('"child protection"');
    expect(exactQuery('?! -- …')).toBeUndefined();
    expect(exactQuery('')).toBeUndefined();
  });
});

describe('what the page says', () => {
  it('announces the number of paragraphs found and what for', () => {
    expect(statusText(1, parseSearchState('?q=prayer+mats'))).toBe('1 paragraph found for “prayer mats”.');
    expect(statusText(4, parseSearchState('?q=caseloads&year=2025'))).toBe('4 paragraphs found for “caseloads” with the chosen filters.');
    expect(statusText(1234, parseSearchState('?theme=Education'))).toBe('1,234 paragraphs found with the chosen filters.');
    expect(statusText(0, parseSearchState('?theme=Education'))).toBe('No paragraphs found with the chosen filters.');
    expect(statusText(0, parseSearchState('?q=zebra'))).toBe('No paragraphs found for “zebra”.');
  });

  it('adds the paragraphs with only some of the words', () => {
    expect(statusText(2, parseSearchState('?q=life+story+pets'), 1)).toBe('2 paragraphs found for “life story pets”, and 1 paragraph with some of the words.');
    expect(statusText(1, parseSearchState('?q=life+story+pets'), 5)).toBe('1 paragraph found for “life story pets”, and 5 paragraphs with some of the words.');
    expect(statusText(0, parseSearchState('?q=life+story+pets'), 3)).toBe('No paragraph has all the words for “life story pets”, and 3 paragraphs with some of the words.');
  });

  it('says how many of them are listed', () => {
    expect(progressText(10, 12)).toBe('Showing 10 of 12 paragraphs.');
    expect(progressText(12, 12)).toBe('Showing all 12 paragraphs.');
    expect(progressText(1, 1)).toBe('Showing all 1 paragraph.');
    expect(progressText(10, 1500)).toBe('Showing 10 of 1,500 paragraphs.');
  });
});

describe('preloadTerm', () => {
  it('asks for each word and for the last word it could be the start of', () => {
    expect(preloadTerm(' child  care ')).toBe('child child\uFFFF care care\uFFFF');
    expect(preloadTerm('')).toBe('');
    // Sorts after every longer word starting with it, as Pagefind compares chunk ranges.
    expect(['children', 'childhood', 'child\uFFFF'].sort()).toEqual(['childhood', 'children', 'child\uFFFF']);
  });
});

describe('rankResults: the newest report within the first places', () => {
  // Paragraphs n1, n2 of the newest report; o1..o5 of older ones.
  const order = dates('n1', 'n2', 'o1', 'o2', 'o3', 'o4', 'o5');
  const reportOf = (id: string): string => (id.startsWith('n') ? 'newest' : id);

  it('brings the newest report’s best paragraph up to NEWEST_REPORT_BY when the scores put it lower', () => {
    const candidates = new Candidates();
    const all = found({ o1: 50, o2: 40, o3: 30, o4: 20, o5: 10, n1: 1, n2: 2 });
    candidates.place('all', all);
    candidates.score(all);
    const ranked = ids(rankResults(candidates, order, 'best', reportOf));
    expect(ranked.indexOf('n2')).toBe(NEWEST_REPORT_BY - 1);
    // Only the best of its paragraphs moves; the rest keep their order.
    expect(ranked.filter((id) => id !== 'n2')).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'n1']);
  });

  it('leaves the order alone when the newest report is already there, and under Newest first', () => {
    const candidates = new Candidates();
    const all = found({ n1: 60, o1: 50, o2: 40 });
    candidates.place('all', all);
    candidates.score(all);
    expect(ids(rankResults(candidates, order, 'best', reportOf))).toEqual(['n1', 'o1', 'o2']);
    expect(ids(rankResults(candidates, order, 'newest', reportOf))).toEqual(['n1', 'o1', 'o2']);
  });

  it('never moves a paragraph with only some of the words', () => {
    const candidates = new Candidates();
    candidates.place('all', found({ o1: 5, o2: 4, o3: 3, o4: 2 }));
    candidates.score(found({ o1: 5, o2: 4, o3: 3, o4: 2 }));
    candidates.someWord(found({ n1: 9 }));
    expect(ids(rankResults(candidates, order, 'best', reportOf))).toEqual(['o1', 'o2', 'o3', 'o4', 'n1']);
  });
});

describe('reportAt', () => {
  it('names the report that holds a place of a newest-first list, from the reports’ ends', () => {
    // Reports of 3, 2 and 5 paragraphs: places 0-2, 3-4, 5-9.
    const ends = [3, 5, 10];
    expect([0, 2, 3, 4, 5, 9].map((place) => reportAt(ends, place))).toEqual([0, 0, 1, 1, 2, 2]);
    // Past the last report (a paragraph the page was not told of): one more than the last.
    expect(reportAt(ends, 10)).toBe(3);
    expect(reportAt([], 0)).toBe(0);
  });
});
