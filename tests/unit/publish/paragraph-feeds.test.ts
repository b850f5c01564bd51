import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../../src/lib/publish/atom.ts';
import { entryTitle, FEED_ENTRY_LIMIT, FEED_LIMIT_NOTE, FEED_RIGHTS, SUMMARY_LABEL, themeFeed, weaknessFeed, type Absolute } from '../../../src/lib/publish/paragraph-feeds.ts';
import { buildRecord, type InspectionRecord } from '../../../src/lib/record/build-record.ts';
import { withBase } from '../../../src/lib/site/urls.ts';
import { atomProblems } from '../../helpers/atom.ts';
import { fixtureRecord, report } from '../../helpers/record-fixture.ts';
import { documentDate } from '../../../src/lib/record/report-entries.ts';

// Under a sub-path, as a council might host it: every address must carry the base.
const absolute: Absolute = (path) => new URL(withBase('/inspections/', path), 'https://example.org').href;

/**
 * A record that has outgrown a feed: the 2018 inspection, then `visits` monthly monitoring visits
 * from 2019, each with three paragraphs on workforce that say caseloads have improved.
 */
function grownRecord(visits: number): InspectionRecord {
  const baseline = report('2018-06-inspection', { kind: 'inspection', visitStart: '2018-06' }, '<Finding themes="workforce">\n\nCaseloads were high.\n\n</Finding>\n');
  const later = Array.from({ length: visits }, (_, index) => {
    const month = `${2019 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    const finding = (words: string) => `<Finding themes="workforce" progress="high-caseloads: improved">\n\n${words}\n\n</Finding>\n`;
    return report(`${month}-monitoring-visit-${index + 1}`, { kind: 'monitoring-visit', visitNumber: index + 1, visitStart: month }, [1, 2, 3].map((n) => finding(`Visit ${index + 1}, paragraph ${n}.`)).join('\n'));
  });
  const built = buildRecord({
    themes: [{ id: 'workforce', label: 'Workforce', description: 'About the workforce.', keywords: [], line: 1 }],
    weaknesses: [{ id: 'high-caseloads', title: 'High caseloads', finding: 'f', area: 'help-and-protection', themes: ['workforce'], source: '2018-06-inspection#p1', history: [], line: 1 }],
    events: [],
    reports: [baseline, ...later],
  });
  expect(built.problems).toEqual([]);
  return built.record!;
}

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

  it('carries only the latest FEED_ENTRY_LIMIT paragraphs, newest first, however many the theme has, and says so', () => {
    const record = grownRecord(60);
    expect(record.paragraphsByTheme.get('workforce')).toHaveLength(181);
    const feed = themeFeed(record, 'workforce', absolute);
    expect(FEED_ENTRY_LIMIT).toBe(100);
    expect(feed.entries).toHaveLength(FEED_ENTRY_LIMIT);
    expect(feed.entries.slice(0, 4).map((entry) => entry.content)).toEqual(['Visit 60, paragraph 1.', 'Visit 60, paragraph 2.', 'Visit 60, paragraph 3.', 'Visit 59, paragraph 1.']);
    // 100 = 33 whole visits (60 down to 28) and the first paragraph of visit 27.
    expect(feed.entries.at(-1)!.content).toBe('Visit 27, paragraph 1.');
    expect(feed.updated).toBe('2023-12-01T00:00:00Z');
    expect(feed.subtitle).toBe(`About the workforce. ${FEED_LIMIT_NOTE}`);
    expect(feed.subtitle).toContain('the latest 100 paragraphs at most, newest first');
    expect(atomProblems(atomFeed(feed))).toEqual([]);
    // A theme with fewer lists every one.
    expect(themeFeed(grownRecord(3), 'workforce', absolute).entries).toHaveLength(10);
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

  it('carries only the latest FEED_ENTRY_LIMIT paragraphs, so the 2018 source drops out once later visits fill it', () => {
    const grown = weaknessFeed(grownRecord(60), 'high-caseloads', absolute);
    expect(grown.entries).toHaveLength(FEED_ENTRY_LIMIT);
    expect(grown.entries[0]!.content).toBe('Visit 60, paragraph 1.');
    expect(grown.entries.at(-1)!.content).toBe('Visit 27, paragraph 1.');
    expect(grown.subtitle).toBe(`f ${FEED_LIMIT_NOTE}`);
    // Under the limit, the 2018 source is still the last entry.
    const small = weaknessFeed(grownRecord(3), 'high-caseloads', absolute);
    expect(small.entries.map((entry) => entry.content)).toHaveLength(10);
    expect(small.entries.at(-1)!.link).toBe('https://example.org/inspections/reports/2018-06-inspection/#p1');
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
