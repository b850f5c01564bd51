/** Merging the search for a term's spelled-out words with the search for its acronym (src/lib/search-glossary.ts). */
import { describe, expect, it } from 'vitest';
import { mergeResultData, mergeSearchResults } from '../../src/lib/search-glossary.ts';
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
