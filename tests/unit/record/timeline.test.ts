import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { currentJudgement, publicationDates, timeline, timelineByYear } from '../../../src/lib/record/timeline.ts';
import type { RecordReport } from '../../../src/lib/record/build-record.ts';
import { eventSchema, reportSchema } from '../../../src/lib/record/schema.ts';

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

describe('timelineByYear', () => {
  it('groups by year in date order, folding runs of events between reports into one group', () => {
    const court2022 = { ...court, id: 'c2', date: '2022-10', title: 'Direction' };
    const years = timelineByYear(timeline([visit, inspection2018], [inadequate2022, court, court2022]));
    expect(years.map((year) => [year.year, year.groups.map((group) => (group.kind === 'report' ? group.item.title : group.items.map((item) => item.title).join(' + ')))])).toEqual([
      [2018, ['Inspection, June 2018']],
      [2021, ['Judgment']],
      [2022, ['Inspection + Direction']],
      [2025, ['Monitoring visit 7, June 2025']],
    ]);
    // Nothing is reordered or lost.
    const flat = years.flatMap((year) => year.groups.flatMap((group) => (group.kind === 'report' ? [group.item] : group.items)));
    expect(flat).toEqual(timeline([visit, inspection2018], [inadequate2022, court, court2022]));
  });
});

describe('publication dates', () => {
  it('are shown beside a report’s visit dates: the letter’s date, then publication where it differs', () => {
    const report = (fields: Record<string, string>): RecordReport => ({
      ...visit,
      data: reportSchema.parse({ ...visit.data, ...fields }),
    });
    const [withLetter] = timeline([report({ letterDate: '2025-07-17' })], []);
    expect(withLetter?.publication).toEqual([{ label: 'letter', date: '2025-07-17', when: '17 July 2025' }]);
    const [both] = timeline([report({ letterDate: '2025-07-17', published: '2025-07-17' })], []);
    expect(both?.publication.map((p) => p.label)).toEqual(['letter']);
    const [published] = timeline([report({ published: '2023-06' })], []);
    expect(published?.publication).toEqual([{ label: 'published', date: '2023-06', when: 'June 2023' }]);
    expect(publicationDates({ letterDate: '2023-07-01', published: '2023-08-02' }).map((p) => `${p.label} ${p.when}`)).toEqual([
      'letter 1 July 2023',
      'published 2 August 2023',
    ]);
  });

  it('are never invented: a report without them, and every event, has none', () => {
    const items = timeline([visit], [court]);
    expect(items.map((item) => item.publication)).toEqual([[], []]);
  });
});

describe('the context events in content/events.yaml', () => {
  const events = (parse(readFileSync(new URL('../../../content/events.yaml', import.meta.url), 'utf8')) as unknown[]).map((raw) =>
    eventSchema.parse(raw),
  );

  it('include the improvement notice, the commissioner’s March 2023 report, the Leeds partnership and the change of commissioner', () => {
    const byId = new Map(events.map((event) => [event.id, event]));
    expect(byId.get('2021-05-improvement-notice')?.date).toBe('2021-05-18');
    expect(byId.get('2023-03-commissioner-report')?.date).toBe('2023-03-01');
    expect(byId.get('2023-06-leeds-improvement-partnership')?.date).toBe('2023-06');
    expect(byId.get('2025-02-change-of-commissioner')?.date).toBe('2025-02');
    const items = timeline([], events);
    for (const id of ['2021-05-improvement-notice', '2023-03-commissioner-report', '2023-06-leeds-improvement-partnership', '2025-02-change-of-commissioner']) {
      expect(items.some((item) => item.title === byId.get(id)!.title), id).toBe(true);
    }
  });

  it('each have at least one linked source, and an id that starts with their date', () => {
    for (const event of events) {
      expect(event.sources.length, event.id).toBeGreaterThan(0);
      expect(event.sources.every((source) => source.url?.startsWith('http')), event.id).toBe(true);
      expect(event.id.startsWith(event.date.slice(0, 4)), event.id).toBe(true);
    }
  });
});
