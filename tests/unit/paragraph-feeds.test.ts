import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/lib/atom.ts';
import { entryTitle, FEED_RIGHTS, SUMMARY_LABEL, themeFeed, weaknessFeed, type Absolute } from '../../src/lib/paragraph-feeds.ts';
import { withBase } from '../../src/lib/urls.ts';
import { atomProblems } from '../helpers/atom.ts';
import { fixtureRecord, report } from '../helpers/record-fixture.ts';
import { documentDate } from '../../src/lib/reports.ts';

// Under a sub-path, as a council might host it: every address must carry the base.
const absolute: Absolute = (path) => new URL(withBase('/inspections/', path), 'https://example.org').href;

describe('documentDate', () => {
  const data = (dates: Record<string, string>) =>
    report('2025-06-monitoring-visit-7', { kind: 'monitoring-visit', visitNumber: 7, visitStart: '2025-06-17', ...dates }, 'Words.').data;
  it('is the publication date, else the letter date, else the end or start of the visit', () => {
    expect(documentDate(data({ visitEnd: '2025-06-18', letterDate: '2025-07-17', published: '2025-07-20' }))).toBe('2025-07-20');
    expect(documentDate(data({ visitEnd: '2025-06-18', letterDate: '2025-07-17' }))).toBe('2025-07-17');
    expect(documentDate(data({ visitEnd: '2025-06-18' }))).toBe('2025-06-18');
    expect(documentDate(data({}))).toBe('2025-06-17');
  });
});

describe('themeFeed', () => {
  it('has one entry per tagged paragraph, in the theme page’s order (newest report first), with permanent absolute links', () => {
    const feed = themeFeed(fixtureRecord(), 'workforce', absolute);
    expect(feed.entries.map((entry) => entry.link)).toEqual([
      'https://example.org/inspections/reports/2024-02-monitoring-visit-3/#p2',
      'https://example.org/inspections/reports/2024-02-monitoring-visit-3/#p3',
      'https://example.org/inspections/reports/2023-09-monitoring-visit-2/#p1',
      'https://example.org/inspections/reports/2023-03-monitoring-visit-1/#p1',
      'https://example.org/inspections/reports/2018-06-inspection/#p1',
      'https://example.org/inspections/reports/2018-06-inspection/#p2',
      'https://example.org/inspections/reports/2018-06-inspection/#p3',
    ]);
    expect(feed.entries.every((entry) => entry.id === entry.link)).toBe(true);
    expect(feed.entries.map((entry) => entry.updated)).toEqual([
      '2024-02-21T00:00:00Z',
      '2024-02-21T00:00:00Z',
      '2023-09-01T00:00:00Z',
      '2023-03-01T00:00:00Z',
      '2018-06-01T00:00:00Z',
      '2018-06-01T00:00:00Z',
      '2018-06-01T00:00:00Z',
    ]);
  });

  it('names the document and the paragraph, and labels our summaries as ours', () => {
    const feed = themeFeed(fixtureRecord(), 'workforce', absolute);
    expect(feed.entries[0]!.title).toBe('Monitoring visit 3 of Herefordshire children’s services, February 2024, paragraph 2');
    expect(feed.entries[0]!.content).toBe('Caseloads are lower and supervision is good.');
    const summary = feed.entries[3]!;
    expect(summary.title).toBe('Monitoring visit 1 of Herefordshire children’s services, March 2023, paragraph 1 (our summary)');
    expect(summary.content).toBe(`${SUMMARY_LABEL}Caseloads remain high.`);
    expect(summary.content).toBe('Our summary, not Ofsted’s words: Caseloads remain high.');
  });

  it('says whose it is, where it lives, and when it last changed', () => {
    const feed = themeFeed(fixtureRecord(), 'workforce', absolute);
    expect(feed.id).toBe('https://example.org/inspections/themes/workforce/feed.xml');
    expect(feed.self).toBe(feed.id);
    expect(feed.alternate).toBe('https://example.org/inspections/themes/workforce/');
    expect(feed.title).toBe('Theme: Workforce – Herefordshire children’s services inspections');
    expect(feed.author).toEqual({ name: 'Herefordshire children’s services inspections', uri: 'https://example.org/inspections/' });
    expect(feed.rights).toBe(FEED_RIGHTS);
    expect(feed.rights).toContain('Open Government Licence v3.0');
    expect(feed.updated).toBe('2024-02-21T00:00:00Z');
    expect(atomProblems(atomFeed(feed))).toEqual([]);
  });

  it('refuses a theme the record does not have', () => {
    expect(() => themeFeed(fixtureRecord(), 'nonsense', absolute)).toThrow('No theme "nonsense".');
  });
});

describe('weaknessFeed', () => {
  it('lists every later status, newest visit first, then the 2018 source and improvement item', () => {
    const feed = weaknessFeed(fixtureRecord(), 'high-caseloads', absolute);
    expect(feed.entries.map((entry) => entry.link.replace('https://example.org/inspections/reports/', ''))).toEqual([
      '2024-02-monitoring-visit-3/#p2',
      '2024-02-monitoring-visit-3/#p3',
      '2023-03-monitoring-visit-1/#p1',
      '2018-06-inspection/#p1',
    ]);
    const supervision = weaknessFeed(fixtureRecord(), 'supervision', absolute);
    expect(supervision.entries.map((entry) => entry.title)).toEqual([
      'Monitoring visit 3 of Herefordshire children’s services, February 2024, paragraph 2',
      'Inspection of Herefordshire children’s services, June 2018, paragraph 2',
      'Inspection of Herefordshire children’s services, June 2018, paragraph 3',
    ]);
    expect(supervision.alternate).toBe('https://example.org/inspections/weaknesses/supervision/');
    expect(supervision.id).toBe('https://example.org/inspections/weaknesses/supervision/feed.xml');
    expect(supervision.updated).toBe('2024-02-21T00:00:00Z');
    expect(atomProblems(atomFeed(supervision))).toEqual([]);
  });

  it('refuses a weakness the record does not have', () => {
    expect(() => weaknessFeed(fixtureRecord(), 'nonsense', absolute)).toThrow('No weakness "nonsense".');
  });
});

describe('entryTitle', () => {
  it('reads as a citation would: document, date, paragraph', () => {
    const inspection = report('2018-06-inspection', { kind: 'inspection', visitStart: '2018-06-11', paragraphNumbers: 'ofsted' }, '1\\. Management oversight is not consistently effective.');
    expect(entryTitle(inspection, inspection.paragraphs[0]!)).toBe('Inspection of Herefordshire children’s services, June 2018, paragraph 1');
  });
});
