import { describe, expect, it } from 'vitest';
import { neighbourParagraphPath } from '../../../src/lib/site/urls.ts';
import { neighbourParagraphs, neighbourParagraphsJson, type NeighbourReportInput } from '../../../src/lib/search/neighbour-paragraphs.ts';
import { paragraphSearchRecords } from '../../../src/lib/search/index-records.ts';

const report = (id: string, visitStart: string, texts: string[]): NeighbourReportInput => ({
  id,
  council: id.startsWith('lancashire') ? 'Lancashire' : 'Shropshire',
  councilSlug: id.split('/')[0]!,
  laCode: id.startsWith('lancashire') ? '888' : '893',
  title: `${id.startsWith('lancashire') ? 'Lancashire' : 'Shropshire'}: inspection, ${visitStart}`,
  kindLabel: 'Inspection',
  visitStart,
  visitDates: visitStart,
  paragraphs: texts.map((text, at) => ({ id: `p${at + 1}`, ref: { kind: 'paragraph', number: at + 1 }, text, themes: at === 0 ? ['education'] : [] })),
});

describe('the neighbours’ paragraphs the search indexes', () => {
  const reports = [report('lancashire/2026-05-inspection', '2026-05-11', ['1. One.', 'Two.']), report('shropshire/2022-03-inspection', '2022-03-07', ['Three.'])];
  const paragraphs = neighbourParagraphs(reports, (id) => (id === 'education' ? 'Education' : id));

  it('lists every paragraph, the reports oldest first and each in reading order, with its council and address', () => {
    expect(paragraphs.map((paragraph) => `${paragraph.report}#${paragraph.anchor}`)).toEqual(['shropshire/2022-03-inspection#p1', 'lancashire/2026-05-inspection#p1', 'lancashire/2026-05-inspection#p2']);
    expect(paragraphs[1]).toEqual({
      report: 'lancashire/2026-05-inspection',
      reportTitle: 'Lancashire: inspection, 2026-05-11',
      kindLabel: 'Inspection',
      text: 'full',
      visitStart: '2026-05-11',
      visitDates: '2026-05-11',
      year: 2026,
      anchor: 'p1',
      label: 'paragraph 1',
      path: 'neighbours/lancashire/2026-05-inspection/#p1',
      words: '1. One.',
      themes: [{ id: 'education', label: 'Education' }],
      themesSuggested: true,
      council: 'Lancashire',
      councilSlug: 'lancashire',
      laCode: '888',
    });
    expect(neighbourParagraphPath('lancashire/2026-05-inspection', 's3')).toBe('neighbours/lancashire/2026-05-inspection/#s3');
  });

  it('gives the index what Herefordshire’s findings give it: the words without Ofsted’s number, and the themes as filters', () => {
    const records = paragraphSearchRecords(paragraphs);
    expect(records[1]).toMatchObject({ url: '/neighbours/lancashire/2026-05-inspection/#p1', content: 'One.', filters: { theme: ['Education'], year: ['2026'] } });
  });

  it('writes one paragraph a line, and an empty list for none', () => {
    expect(neighbourParagraphsJson(paragraphs).split('\n')).toHaveLength(paragraphs.length + 3);
    expect(JSON.parse(neighbourParagraphsJson(paragraphs))).toEqual(paragraphs);
    expect(neighbourParagraphsJson([])).toBe('[]\n');
  });
});
