import { describe, expect, it } from 'vitest';
import {
  mean,
  ndcgAt,
  newestInTop,
  newestRelevantReport,
  precisionAt,
  scoreQuery,
  share,
  summarise,
  type Grades,
} from '../../../scripts/search-quality/metrics.ts';

const grades: Grades = new Map([
  ['2025-11-inspection#p1', 2],
  ['2022-07-inspection#p4', 2],
  ['2018-06-inspection#p9', 1],
  ['2014-04-inspection#p3', 1],
]);

describe('P@5', () => {
  it('is the share of the first five with a grade of 1 or more', () => {
    expect(precisionAt(['2025-11-inspection#p1', 'x#p1', '2018-06-inspection#p9', 'x#p2', '2022-07-inspection#p4', '2014-04-inspection#p3'], grades)).toBe(0.6);
  });

  it('counts missing places as misses', () => {
    expect(precisionAt(['2025-11-inspection#p1', '2022-07-inspection#p4'], grades)).toBe(0.4);
    expect(precisionAt([], grades)).toBe(0);
  });

  it('counts a paragraph listed twice once', () => {
    expect(precisionAt(['2025-11-inspection#p1', '2025-11-inspection#p1'], grades)).toBe(0.2);
  });
});

describe('nDCG@10', () => {
  it('is 1 for the ideal ordering of every judged paragraph', () => {
    expect(ndcgAt(['2022-07-inspection#p4', '2025-11-inspection#p1', '2014-04-inspection#p3', '2018-06-inspection#p9'], grades)).toBeCloseTo(1, 12);
  });

  it('uses gain 2^grade - 1 and discount log2(rank + 1), against the ideal of all judged paragraphs', () => {
    // Ideal: 3, 3, 1, 1 -> 3/1 + 3/log2(3) + 1/2 + 1/log2(5)
    const ideal = 3 + 3 / Math.log2(3) + 1 / 2 + 1 / Math.log2(5);
    // Ranked: unjudged, grade 1, grade 2 -> 0 + 1/log2(3) + 3/2
    expect(ndcgAt(['x#p1', '2018-06-inspection#p9', '2025-11-inspection#p1'], grades)).toBeCloseTo((1 / Math.log2(3) + 3 / 2) / ideal, 12);
  });

  it('looks only at the first ten', () => {
    const unjudged = Array.from({ length: 10 }, (_, index) => `x#p${index}`);
    expect(ndcgAt([...unjudged, '2025-11-inspection#p1'], grades)).toBe(0);
  });

  it('takes the ideal over all judged paragraphs even beyond ten', () => {
    const many: Grades = new Map(Array.from({ length: 12 }, (_, index) => [`r#p${index}`, 2]));
    expect(ndcgAt(['r#p0'], many)).toBeCloseTo(1 / [...Array(10).keys()].reduce((sum, index) => sum + 1 / Math.log2(index + 2), 0), 12);
  });

  it('is 0 with nothing judged relevant', () => {
    expect(ndcgAt(['x#p1'], new Map())).toBe(0);
  });
});

describe('newest report in the first five', () => {
  it('finds the newest report with a relevant paragraph by its slug', () => {
    expect(newestRelevantReport(grades)).toBe('2025-11-inspection');
    expect(newestRelevantReport(new Map())).toBeUndefined();
  });

  it('holds when any paragraph of that report is in the first five', () => {
    expect(newestInTop(['a#p1', 'b#p1', 'c#p1', 'd#p1', '2025-11-inspection#p40'], grades)).toBe(true);
    expect(newestInTop(['a#p1', 'b#p1', 'c#p1', 'd#p1', 'e#p1', '2025-11-inspection#p1'], grades)).toBe(false);
    expect(newestInTop(['2022-07-inspection#p4'], grades)).toBe(false);
  });
});

describe('scores and summary', () => {
  it('scores a query, with the newest measure for topical queries only', () => {
    expect(scoreQuery('q', 'topical', ['2025-11-inspection#p1'], grades)).toMatchObject({ precision: 0.2, newestInTop: true });
    expect(scoreQuery('q', 'acronym', ['2025-11-inspection#p1'], grades).newestInTop).toBeUndefined();
  });

  it('takes means over queries and the share over topical ones', () => {
    const summary = summarise([
      { query: 'a', kind: 'topical', precision: 1, ndcg: 0.5, newestInTop: true },
      { query: 'b', kind: 'topical', precision: 0.6, ndcg: 0.7, newestInTop: false },
      { query: 'c', kind: 'acronym', precision: 0.2, ndcg: 0.9 },
    ]);
    expect(summary.queries).toBe(3);
    expect(summary.precision).toBeCloseTo(0.6, 12);
    expect(summary.ndcg).toBeCloseTo(0.7, 12);
    expect(summary.newest).toBe(0.5);
    expect(summary.topical).toBe(2);
    expect(summarise([]).newest).toBeUndefined();
  });

  it('has a mean and a share of nothing of 0', () => {
    expect(mean([])).toBe(0);
    expect(share([])).toBe(0);
  });
});
