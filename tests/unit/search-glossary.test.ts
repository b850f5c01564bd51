/** Merging the search for a term's spelled-out words with the search for its acronym (src/lib/search-glossary.ts). */
import { describe, expect, it } from 'vitest';
import { acronymQuery, acronymResults, filtersWithValue, marksAcronym, mergeResultData, mergeSearchResults, reportsFound } from '../../src/lib/search-glossary.ts';
import type { PagefindResult, PagefindResultData, PagefindSubResult } from '../../src/lib/search-pagefind.ts';

function sub(url: string, locations: number[]): PagefindSubResult {
  return { title: url, url, excerpt: url, locations };
}

function data(url: string, subs: PagefindSubResult[]): PagefindResultData {
  return { url, excerpt: '', content: '', meta: {}, filters: {}, sub_results: subs, anchors: [] };
}

function result(id: string, score: number, subs: PagefindSubResult[]): PagefindResult & { loaded: () => number } {
  let loads = 0;
  return {
    id,
    score,
    data: async () => {
      loads += 1;
      return data(`/reports/${id}/`, subs);
    },
    loaded: () => loads,
  };
}

describe('mergeResultData', () => {
  it('lists each paragraph once, with the matches of both searches', () => {
    const merged = mergeResultData(data('/r/', [sub('/r/#p1', [3]), sub('/r/#p6', [40])]), data('/r/', [sub('/r/#p6', [42, 40]), sub('/r/#p4', [20])]));
    expect(merged.sub_results.map((item) => [item.url, item.locations])).toEqual([
      ['/r/#p1', [3]],
      ['/r/#p6', [40, 42]],
      ['/r/#p4', [20]],
    ]);
  });
});

describe('mergeSearchResults', () => {
  it('keeps each report once, best score first, and merges the paragraphs of a report both found only when shown', async () => {
    const a = result('2018', 2, [sub('/reports/2018/#p1', [1])]);
    const b = result('2014', 1, [sub('/reports/2014/#p5', [9])]);
    const c = result('2018', 5, [sub('/reports/2018/#p6', [50])]);
    const merged = mergeSearchResults([a, b], [c]);
    expect(merged.map((item) => [item.id, item.score])).toEqual([
      ['2018', 5],
      ['2014', 1],
    ]);
    expect(a.loaded() + c.loaded()).toBe(0);
    expect((await merged[0]!.data()).sub_results.map((item) => item.url)).toEqual(['/reports/2018/#p1', '/reports/2018/#p6']);
    expect(merged[1]).toBe(b);
  });
});

describe('counting the two searches’ reports', () => {
  it('counts a value over the current filters as Pagefind does: the results that also have it', () => {
    expect(filtersWithValue({}, 'kind', 'Inspection')).toEqual({ kind: 'Inspection' });
    expect(filtersWithValue({ theme: { any: ['Education'] } }, 'kind', 'Inspection')).toEqual({ all: [{ theme: { any: ['Education'] } }, { kind: 'Inspection' }] });
  });

  it('counts a report both searches found once', () => {
    expect(reportsFound([[{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]])).toBe(3);
    expect(reportsFound([[], []])).toBe(0);
  });
});

describe('an acronym searched as a word', () => {
  it('is searched as an exact phrase', () => {
    expect(acronymQuery('PA')).toBe('"PA"');
  });

  it('keeps the paragraphs whose excerpt marks the acronym itself, not a word it begins', () => {
    expect(marksAcronym('each care leaver has a <mark>PA</mark> who', 'PA')).toBe(true);
    expect(marksAcronym('their <mark>PAs</mark> visit', 'PA')).toBe(true);
    expect(marksAcronym('personal advisers <mark>(PAs).</mark>', 'PA')).toBe(true);
    expect(marksAcronym('<mark>PAYE</mark>', 'PA')).toBe(false);
    expect(marksAcronym('in <mark>paragraph</mark> 12', 'PA')).toBe(false);
    expect(marksAcronym('the <mark>pa</mark> word', 'PA')).toBe(false);
  });

  it('keeps the reports the exact search found, with the bare search’s paragraphs that hold the acronym', async () => {
    const bare = [
      result('a', 2, [sub('/a/#p1', [1])]),
      result('b', 1, [sub('/b/#p2', [5])]),
    ];
    bare[0]!.data = async () => data('/a/', [{ ...sub('/a/#p1', [1]), excerpt: 'a <mark>PA</mark> b' }, { ...sub('/a/#p3', [9]), excerpt: '<mark>parents</mark>' }]);
    const kept = acronymResults(bare, new Set(['a']), 'PA');
    expect(kept.map((item) => item.id)).toEqual(['a']);
    expect((await kept[0]!.data()).sub_results.map((item) => item.url)).toEqual(['/a/#p1']);
  });
});

describe('merging with Pagefind’s shared fragment objects', () => {
  it('keeps the first search’s paragraphs though loading the second rewrites the object they came in', async () => {
    // Pagefind returns the same object for a report from every search, its matches rewritten each time.
    const shared = data('/r/', []);
    const load = (subs: PagefindSubResult[]) => async () => {
      shared.sub_results = subs;
      return shared;
    };
    const first: PagefindResult = { id: 'r', score: 1, data: load([sub('/r/#p1', [1])]) };
    const second: PagefindResult = { id: 'r', score: 2, data: load([sub('/r/#p6', [40])]) };
    const [merged] = mergeSearchResults([first], [second]);
    expect((await merged!.data()).sub_results.map((item) => item.url).sort()).toEqual(['/r/#p1', '/r/#p6']);
  });
});
