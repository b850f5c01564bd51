import { describe, expect, it } from 'vitest';
import type { PagefindAnchor, PagefindResultData, PagefindSubResult } from '../../src/lib/search-pagefind.ts';
import { paragraphSearchTitle } from '../../src/lib/paragraph-numbering.ts';
import {
  labelOf,
  openingWords,
  paragraphHits,
  preloadTerm,
  progressText,
  rankBatch,
  reportResult,
  statusText,
  type ThemeLabels,
} from '../../src/lib/search-results.ts';
import { parseSearchState } from '../../src/lib/search-state.ts';

const labels: ThemeLabels = { workforce: 'Workforce and caseloads', education: 'Education' };

function anchor(id: string, location: number, themes: string[] = [], paragraph = Number(id.replace(/\D+/g, '')) || 1): PagefindAnchor {
  return { element: 'p', id, title: paragraphSearchTitle(paragraph, themes), text: `Link to paragraph ${paragraph}`, location };
}

function sub(target: PagefindAnchor | undefined, matches: number, url = '/reports/2025-06-monitoring-visit-7/'): PagefindSubResult {
  return {
    title: target?.title ?? 'Monitoring visit 7',
    url: target ? `${url}#${target.id}` : url,
    excerpt: `words <mark>matched</mark> ${target?.id ?? 'opening'}`,
    locations: Array.from({ length: matches }, (_, index) => index),
    ...(target ? { anchor: target } : {}),
  };
}

/** A report's data as Pagefind's `result.data()` gives it: words, anchors, metadata, filters. */
function report(slug: string, anchors: PagefindAnchor[], subResults: PagefindSubResult[], text: 'full' | 'summary' = 'full'): PagefindResultData {
  return {
    url: `/reports/${slug}/`,
    excerpt: `the <mark>report</mark> ${slug}`,
    content: 'Dear Tina One two three four. Five six seven. Eight nine ten eleven twelve.',
    meta: { title: `Report ${slug}`, dates: '17 and 18 June 2025' },
    filters: { kind: ['Monitoring visit'], text: [text] },
    sub_results: subResults,
    anchors,
  };
}

const p1 = anchor('p1', 2, ['workforce']);
const p2 = anchor('p2', 6, ['education']);
const s3 = anchor('s3', 9, ['education', 'workforce'], 3);

describe('paragraphHits', () => {
  it('lists the matching paragraphs most matches first, then in reading order, with their theme labels', () => {
    const item = report('2025-06-monitoring-visit-7', [p1, p2, s3], [sub(undefined, 1), sub(p1, 1), sub(p2, 3), sub(s3, 1)]);
    expect(paragraphHits(item, [], labels).map(({ label, url, themes }) => ({ label, url, themes }))).toEqual([
      { label: 'Paragraph 2', url: '/reports/2025-06-monitoring-visit-7/#p2', themes: ['Education'] },
      { label: 'Opening of the letter', url: '/reports/2025-06-monitoring-visit-7/', themes: [] },
      { label: 'Paragraph 1', url: '/reports/2025-06-monitoring-visit-7/#p1', themes: ['Workforce and caseloads'] },
      // Any anchor id is kept as it is in the address.
      { label: 'Paragraph 3', url: '/reports/2025-06-monitoring-visit-7/#s3', themes: ['Education', 'Workforce and caseloads'] },
    ]);
  });

  it('with a theme and no words, lists the paragraphs on it in reading order, with their opening words', () => {
    const item = report('2025-06-monitoring-visit-7', [s3, p1, p2], []);
    expect(paragraphHits(item, ['Education'], labels)).toEqual([
      { label: 'Paragraph 2', url: '/reports/2025-06-monitoring-visit-7/#p2', excerptText: 'Five six seven.', themes: ['Education'] },
      { label: 'Paragraph 3', url: '/reports/2025-06-monitoring-visit-7/#s3', excerptText: 'Eight nine ten eleven twelve.', themes: ['Education', 'Workforce and caseloads'] },
    ]);
    expect(paragraphHits(item, [], labels)).toEqual([]);
  });

  it('labels a heading by its words and cuts a long paragraph short', () => {
    expect(labelOf({ element: 'h2', id: 'what-inspectors-found', text: ' What inspectors found ', location: 0 })).toBe('What inspectors found');
    // Reports that number their own paragraphs: the label says which of Ofsted's paragraphs it is.
    expect(labelOf({ element: 'li', id: 'p6-2', title: 'Paragraph 6, point 2 [front-door]', text: 'x', location: 0 })).toBe('Paragraph 6, point 2');
    expect(labelOf({ element: 'p', id: 's3', title: 'Summary, paragraph 3', text: 'x', location: 0 })).toBe('Summary, paragraph 3');
    const item = report('x', [p1, p2], []);
    expect(openingWords(item, p1, 2)).toBe('One two …');
  });
});

describe('reportResult', () => {
  const item = report('2025-06-monitoring-visit-7', [p1, p2, s3], [sub(p1, 4), sub(p2, 3), sub(s3, 2), sub(undefined, 1)], 'summary');

  it('shows three paragraphs and folds the rest; labels a summary', () => {
    const result = reportResult(item, [], labels);
    expect(result).toMatchObject({ url: '/reports/2025-06-monitoring-visit-7/', title: 'Report 2025-06-monitoring-visit-7', kind: 'Monitoring visit', summary: true });
    expect(result.shown.map(({ label }) => label)).toEqual(['Paragraph 1', 'Paragraph 2', 'Paragraph 3']);
    expect(result.folded.map(({ label }) => label)).toEqual(['Opening of the letter']);
    expect(result.foldLabel).toBe('1 more paragraph in this report');
    expect(result.noParagraphOnTheme).toBeUndefined();
  });

  it('with a theme chosen, shows the paragraphs on it and folds the others', () => {
    const result = reportResult(item, ['Education'], labels);
    expect(result.shown.map(({ label }) => label)).toEqual(['Paragraph 2', 'Paragraph 3']);
    expect(result.foldLabel).toBe('2 other paragraphs in this report');
  });

  it('says when no paragraph on the chosen themes has the words', () => {
    const result = reportResult(report('x', [p1, p2], [sub(p1, 1)]), ['Education', 'Health'], labels);
    expect(result.shown).toEqual([]);
    expect(result.noParagraphOnTheme).toBe('No paragraph on the chosen themes has these words.');
    expect(result.foldLabel).toBe('1 other paragraph in this report');
  });

  it('falls back to the report’s excerpt when no paragraph is listed', () => {
    const result = reportResult(report('x', [p1], []), [], labels);
    expect(result).toMatchObject({ shown: [], folded: [], excerptHtml: 'the <mark>report</mark> x', summary: false });
  });
});

describe('rankBatch', () => {
  const older = { score: 2, item: report('2023-06-monitoring-visit-2', [p1, p2], [sub(p1, 1)]) };
  const newer = { score: 2, item: report('2025-06-monitoring-visit-7', [p1, p2], [sub(p1, 1)]) };
  const best = { score: 5, item: report('2018-06-inspection', [p1, p2], [sub(p1, 1)]) };
  const onEducation = { score: 1, item: report('2022-07-inspection', [p1, p2], [sub(p2, 1)]) };

  it('orders by relevance, the newest visit first among equals', () => {
    expect(rankBatch([older, onEducation, newer, best], [], labels)).toEqual([best, newer, older, onEducation]);
  });

  it('with a theme chosen, puts first the reports whose words are in a paragraph on it', () => {
    expect(rankBatch([older, onEducation, newer, best], ['Education'], labels)).toEqual([onEducation, best, newer, older]);
  });
});

describe('what the page says', () => {
  it('announces the number of reports found and what for', () => {
    expect(statusText(1, parseSearchState('?q=prayer+mats'))).toBe('1 report found for “prayer mats”.');
    expect(statusText(4, parseSearchState('?q=caseloads&year=2025'))).toBe('4 reports found for “caseloads” with the chosen filters.');
    expect(statusText(0, parseSearchState('?theme=Education'))).toBe('No reports found with the chosen filters.');
  });

  it('says how many of them are listed', () => {
    expect(progressText(5, 12)).toBe('Showing 5 of 12 reports.');
    expect(progressText(12, 12)).toBe('Showing all 12 reports.');
    expect(progressText(1, 1)).toBe('Showing all 1 report.');
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
