import { describe, expect, it } from 'vitest';
import { REPORT_FEED_DESCRIPTION, REPORT_FEED_LIMIT, reportFeedItems } from '../../../src/lib/publish/report-feed.ts';
import { sortNewestFirst } from '../../../src/lib/record/report-entries.ts';
import { withBase } from '../../../src/lib/site/urls.ts';
import { fixtureRecord, report } from '../../helpers/record-fixture.ts';

const url = (path: string) => withBase('/inspections/', path);

describe('reportFeedItems', () => {
  it('lists every report of a small record, newest first, each with its title, address, date and headline', () => {
    const items = reportFeedItems(fixtureRecord().reports, url);
    expect(items.map((item) => item.link)).toEqual([
      '/inspections/reports/2024-02-monitoring-visit-3/',
      '/inspections/reports/2023-09-monitoring-visit-2/',
      '/inspections/reports/2023-03-monitoring-visit-1/',
      '/inspections/reports/2018-06-inspection/',
      '/inspections/reports/2014-04-inspection/',
    ]);
    expect(items[0]).toEqual({
      title: 'Monitoring visit 3, February 2024',
      link: '/inspections/reports/2024-02-monitoring-visit-3/',
      pubDate: new Date('2024-02-21T00:00:00Z'),
      description: 'Monitoring visit, inspectors on site 21 February 2024. A headline.',
    });
    expect(items[2]!.description).toBe('Monitoring visit, inspectors on site March 2023 (our summary). A headline.');
  });

  it('carries only the latest REPORT_FEED_LIMIT reports, however many the record has, and says so', () => {
    const reports = sortNewestFirst(
      Array.from({ length: 120 }, (_, index) => {
        const month = `${2015 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
        return report(`${month}-monitoring-visit-${index + 1}`, { kind: 'monitoring-visit', visitNumber: index + 1, visitStart: month }, 'Words.');
      }),
    );
    const items = reportFeedItems(reports, url);
    expect(REPORT_FEED_LIMIT).toBe(50);
    expect(items).toHaveLength(REPORT_FEED_LIMIT);
    expect(items[0]!.title).toBe('Monitoring visit 120, December 2024');
    expect(items.at(-1)!.title).toBe('Monitoring visit 71, November 2020');
    expect(REPORT_FEED_DESCRIPTION).toContain('the latest 50 at most, newest first');
  });
});
