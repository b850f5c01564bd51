import { describe, expect, it } from 'vitest';
import { highlightPattern, pagefindFilters, parseSearchState, resultHref, searchStateToQueryString } from '../../src/lib/search-state.ts';
import { parseParagraphs } from '../../src/lib/paragraphs.ts';
import type { RecordReport } from '../../src/lib/record.ts';
import { paragraphSearchTitle, parseParagraphSearchTitle } from '../../src/lib/paragraph-numbering.ts';
import { reportSearchFacets } from '../../src/lib/search-records.ts';
import { reportSchema } from '../../src/schema.ts';

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

describe('reportSearchFacets', () => {
  const report: RecordReport = {
    id: '2025-06-monitoring-visit-7',
    file: 'content/reports/2025-06-monitoring-visit-7.mdx',
    data: reportSchema.parse({
      title: 'Monitoring visit to Herefordshire children’s services',
      kind: 'monitoring-visit',
      visitNumber: 7,
      authority: 'Herefordshire County Council',
      headline: 'A headline.',
      visitStart: '2025-06-17',
      visitEnd: '2025-06-18',
      text: 'full',
      sources: [{ title: 'Ofsted', url: 'https://reports.ofsted.gov.uk/' }],
    }),
    paragraphs: parseParagraphs('Opening.\n\n<Finding themes="workforce, education">\n\nMost supervision is regular.\n\n</Finding>\n\n<Finding themes="education">\n\n- A list item.\n\n</Finding>\n', { file: 'x.mdx' }).paragraphs,
  };
  const labels: Record<string, string> = { workforce: 'Workforce, and caseloads', education: 'Education' };

  it('gives the report searchable metadata (title, dates) and, as filter values, every theme of its paragraphs, its kind, year and text', () => {
    expect(reportSearchFacets(report, (id) => labels[id] ?? id)).toEqual({
      meta: { title: 'Monitoring visit 7, June 2025', dates: '17 and 18 June 2025' },
      filters: { theme: ['Education', 'Workforce, and caseloads'], kind: ['Monitoring visit'], year: ['2025'], text: ['full'] },
      sort: { date: '2025-06-17' },
    });
  });
});

describe('paragraph sub-result titles', () => {
  it('carry the paragraph number and its theme ids, and read back', () => {
    expect(paragraphSearchTitle(12)).toBe('Paragraph 12');
    expect(paragraphSearchTitle(12, ['workforce', 'education'])).toBe('Paragraph 12 [workforce, education]');
    expect(parseParagraphSearchTitle('Paragraph 12 [workforce, education]')).toMatchObject({ ref: { kind: 'paragraph', number: 12 }, themeIds: ['workforce', 'education'] });
    expect(parseParagraphSearchTitle('Paragraph 3')).toMatchObject({ ref: { kind: 'paragraph', number: 3 }, themeIds: [] });
  });

  it('read any other title (a heading) as not a paragraph', () => {
    expect(parseParagraphSearchTitle('Children in care and care leavers')).toBeUndefined();
    expect(parseParagraphSearchTitle('Paragraph twelve')).toBeUndefined();
  });
});
