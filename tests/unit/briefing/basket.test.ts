import { describe, expect, it } from 'vitest';
import { idFromParagraphUrl, toggle } from '../../../src/lib/briefing/paragraph-id.ts';
import {
  addShared,
  briefingFileName,
  briefingHtml,
  briefingMarkdown,
  briefingQuery,
  briefingText,
  escapeMarkdown,
  move,
  parseList,
  resolve,
  type ReportParagraphsFile,
} from '../../../src/lib/briefing/basket.ts';

const context = { siteName: 'The record', siteUrl: 'https://record.example/', oglUrl: 'https://ogl.example/v3/' };

const visit: ReportParagraphsFile = {
  report: '2025-06-monitoring-visit-7',
  title: 'Monitoring visit 7 (June 2025)',
  text: 'full',
  paragraphs: [
    {
      anchor: 'p12',
      label: 'paragraph 12',
      words: 'Supervision is <now> regular & *reflective*.',
      citation: 'Ofsted, Monitoring visit, letter of 17 July 2025, paragraph 12, https://record.example/reports/2025-06-monitoring-visit-7/#p12, text fingerprint 3fa2b9c1',
      url: 'https://record.example/reports/2025-06-monitoring-visit-7/#p12',
      fingerprint: '3fa2b9c1',
    },
  ],
};
const summary: ReportParagraphsFile = {
  report: '2023-06-monitoring-visit-5',
  title: 'Monitoring visit 5 (June 2023)',
  text: 'summary',
  paragraphs: [
    {
      anchor: 'p2',
      label: 'paragraph 2',
      words: '6. Caseloads fell.',
      citation: 'The record, summary of Ofsted’s monitoring visit (June 2023), paragraph 2, https://record.example/reports/2023-06-monitoring-visit-5/#p2, text fingerprint 0011aabb',
      url: 'https://record.example/reports/2023-06-monitoring-visit-5/#p2',
      fingerprint: '0011aabb',
    },
  ],
};

function resolved() {
  const { refs } = parseList('2023-06-monitoring-visit-5:p2,2025-06-monitoring-visit-7:p12');
  return resolve(refs, new Map([[visit.report, visit], [summary.report, summary]])).paragraphs;
}

describe('the briefing list', () => {
  it('reads a briefing link’s list, keeping the order, dropping repeats and listing every bad entry', () => {
    const { refs, rejected } = parseList('a-1:p12, b:s3,,a-1:p12,nonsense,Bad:p1,c:p0,d:p6-2');
    expect(refs.map((ref) => ref.id)).toEqual(['a-1:p12', 'b:s3', 'd:p6-2']);
    expect(refs[2]).toEqual({ id: 'd:p6-2', slug: 'd', anchor: 'p6-2' });
    expect(rejected.map((entry) => entry.entry)).toEqual(['nonsense', 'Bad:p1', 'c:p0']);
    expect(rejected[2]!.reason).toContain('not a paragraph number');
  });

  it('reads the stored array the same way, and writes the link back', () => {
    expect(parseList(['x:p1', 'y:p2']).refs.map((ref) => ref.id)).toEqual(['x:p1', 'y:p2']);
    expect(parseList(null).refs).toEqual([]);
    expect(briefingQuery(['x:p1', 'y:s2'])).toBe('?p=x:p1,y:s2');
    expect(parseList(new URLSearchParams('p=x%3Ap1%2Cy%3As2').get('p')).refs.map((ref) => ref.id)).toEqual(['x:p1', 'y:s2']);
  });

  it('moves an item one place, and not past either end; toggles membership', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('adds a shared briefing to the reader’s own: theirs first and unchanged, then the new ones in the shared order, no duplicate', () => {
    expect(addShared(['a:p1', 'b:p2'], ['c:p3', 'd:p4', 'e:p5'])).toEqual(['a:p1', 'b:p2', 'c:p3', 'd:p4', 'e:p5']);
    expect(addShared(['a:p1', 'b:p2'], ['c:p3', 'a:p1', 'e:p5'])).toEqual(['a:p1', 'b:p2', 'c:p3', 'e:p5']);
    expect(addShared(['b:p2', 'a:p1'], ['a:p1', 'b:p2'])).toEqual(['b:p2', 'a:p1']);
    expect(addShared([], ['c:p3', 'd:p4'])).toEqual(['c:p3', 'd:p4']);
    expect(addShared(['a:p1'], [])).toEqual(['a:p1']);
  });

  it('names the paragraph of a search result’s address, base path and highlight included', () => {
    expect(idFromParagraphUrl('/inspections/reports/2018-06-inspection/?highlight=x#p6-2')).toBe('2018-06-inspection:p6-2');
    expect(idFromParagraphUrl('/reports/2018-06-inspection/#s3')).toBe('2018-06-inspection:s3');
    // A search hit on a heading is not a paragraph.
    expect(idFromParagraphUrl('/reports/2018-06-inspection/#next-steps')).toBeUndefined();
    expect(idFromParagraphUrl('/reports/2018-06-inspection/')).toBeUndefined();
  });

  it('lists an unknown report or paragraph rather than dropping it', () => {
    const { refs } = parseList('nope:p1,2025-06-monitoring-visit-7:p99,2025-06-monitoring-visit-7:p12');
    const result = resolve(refs, new Map([['nope', undefined], [visit.report, visit]]));
    expect(result.paragraphs.map((paragraph) => paragraph.id)).toEqual(['2025-06-monitoring-visit-7:p12']);
    expect(result.rejected).toEqual([
      { entry: 'nope:p1', reason: 'there is no report called “nope”' },
      { entry: '2025-06-monitoring-visit-7:p99', reason: 'Monitoring visit 7 (June 2025) has no paragraph p99' },
    ]);
  });
});

describe('the briefing’s exports', () => {
  it('rich text: each quotation then its linked citation, summaries labelled, one licence line at the end', () => {
    const html = briefingHtml(resolved(), context);
    expect(html).toContain('<p><strong>Summary written by The record, not Ofsted’s words:</strong></p>\n<blockquote><p>6. Caseloads fell.</p></blockquote>');
    expect(html).toContain('<blockquote><p>Supervision is &lt;now&gt; regular &amp; *reflective*.</p></blockquote>');
    expect(html).toContain(
      '<p>Ofsted, Monitoring visit, letter of 17 July 2025, paragraph 12, <a href="https://record.example/reports/2025-06-monitoring-visit-7/#p12">https://record.example/reports/2025-06-monitoring-visit-7/#p12</a>, text fingerprint 3fa2b9c1</p>',
    );
    expect(html.indexOf('Caseloads')).toBeLessThan(html.indexOf('Supervision'));
    expect(html.match(/Open Government Licence/g)).toHaveLength(1);
    expect(html).toContain('<a href="https://ogl.example/v3/">https://ogl.example/v3/</a>');
  });

  it('plain text: quotation marks, the citation below, the licence once', () => {
    const text = briefingText(resolved(), context);
    expect(text).toBe(
      [
        'Summary written by The record, not Ofsted’s words:\n“6. Caseloads fell.”\n' + summary.paragraphs[0]!.citation,
        '“Supervision is <now> regular & *reflective*.”\n' + visit.paragraphs[0]!.citation,
        'Ofsted material is © Crown copyright and is reproduced under the Open Government Licence v3.0 (https://ogl.example/v3/).\n' +
          'Citations and permanent links from The record (https://record.example/).\n' +
          'Paragraphs marked as summaries are The record’s own words, not Ofsted’s.',
      ].join('\n\n') + '\n',
    );
  });

  it('Markdown: a heading, escaped quotations (no accidental list or emphasis), linked citations', () => {
    const markdown = briefingMarkdown(resolved(), context, 'Briefing, 23 November 2026');
    expect(markdown.startsWith('# Briefing, 23 November 2026\n\n**Summary written by The record, not Ofsted’s words:**\n\n> 6\\. Caseloads fell.\n\n')).toBe(true);
    expect(markdown).toContain('> Supervision is \\<now\\> regular & \\*reflective\\*.\n\nOfsted, Monitoring visit, letter of 17 July 2025, paragraph 12, <https://record.example/reports/2025-06-monitoring-visit-7/#p12>, text fingerprint 3fa2b9c1');
    expect(markdown).toContain('Open Government Licence v3.0 (<https://ogl.example/v3/>).');
    expect(escapeMarkdown('- a_b')).toBe('\\- a\\_b');
  });

  it('names the file after the day', () => {
    expect(briefingFileName(new Date(2026, 10, 23, 9))).toBe('briefing-2026-11-23.md');
  });
});
