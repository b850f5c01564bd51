import { describe, expect, it } from 'vitest';
import { currentJudgement, timeline } from '../../src/lib/timeline.ts';
import type { RecordReport } from '../../src/lib/record.ts';
import { eventSchema, reportSchema } from '../../src/schema.ts';

const inspection2018: RecordReport = {
  id: '2018-06-inspection',
  file: 'x',
  paragraphs: [],
  data: reportSchema.parse({
    title: 't', kind: 'inspection', authority: 'a', headline: 'Requires improvement.', visitStart: '2018-06', text: 'summary',
    judgements: [{ area: 'Overall effectiveness', grade: 'requires-improvement' }],
    sources: [{ title: 's', url: 'https://example.org/' }],
  }),
};
const visit: RecordReport = {
  id: '2025-06-monitoring-visit-7',
  file: 'x',
  paragraphs: [],
  data: reportSchema.parse({
    title: 't', kind: 'monitoring-visit', visitNumber: 7, authority: 'a', headline: 'Improved.', visitStart: '2025-06-17', visitEnd: '2025-06-18', text: 'full',
    areasCovered: ['Children in care.'], sources: [{ title: 's', url: 'https://example.org/' }],
  }),
};
const inadequate2022 = eventSchema.parse({
  id: 'i', date: '2022-07', kind: 'inspection', title: 'Inspection', summary: 'Inadequate.', grade: 'inadequate',
  sources: [{ title: 's', url: 'https://example.org/' }],
});
const court = eventSchema.parse({ id: 'c', date: '2021-03', kind: 'court', title: 'Judgment', summary: 'S.', sources: [{ title: 's', url: 'https://example.org/' }] });

describe('timeline', () => {
  it('puts reports and events in date order with kind, dates and judgement or focus', () => {
    const items = timeline([visit, inspection2018], [inadequate2022, court]);
    expect(items.map((item) => [item.when, item.kindLabel, item.judgementOrFocus ?? ''])).toEqual([
      ['June 2018', 'Inspection', 'Overall: requires improvement'],
      ['March 2021', 'Court', ''],
      ['July 2022', 'Inspection', 'Overall: inadequate'],
      ['17 and 18 June 2025', 'Monitoring visit', 'Looked at: Children in care.'],
    ]);
    expect(items[3]?.path).toBe('reports/2025-06-monitoring-visit-7/');
  });

  it('takes the judgement in force from the latest graded inspection, report or event', () => {
    expect(currentJudgement([visit, inspection2018], [inadequate2022])).toEqual({ grade: 'inadequate', when: 'July 2022' });
    expect(currentJudgement([visit, inspection2018], [])).toEqual({ grade: 'requires-improvement', when: 'June 2018', path: 'reports/2018-06-inspection/' });
  });
});
