/**
 * The judged query set (tests/search/judgements.yaml) that `npm run search-quality` scores search
 * against: it parses, it is big enough, and every judged paragraph is a published one. Reads no
 * built site: the paragraphs are checked against content/anchors.json.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgementProblems, parseJudgements, readJudgements, splitId } from '../../../scripts/search-quality/judgements.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('the judged queries (tests/search/judgements.yaml)', async () => {
  const queries = await readJudgements();
  const anchors = JSON.parse(await readFile(path.join(repoRoot, 'content/anchors.json'), 'utf8')) as Record<string, Record<string, string>>;

  it('holds at least 30 queries, each with a grade-2 paragraph', () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    for (const query of queries) expect([...query.grades.values()], query.query).toContain(2);
  });

  it('grades every paragraph 1 or 2', () => {
    for (const query of queries) for (const [id, grade] of query.grades) expect([1, 2], `${query.query}: ${id}`).toContain(grade);
  });

  it('judges only paragraphs that are published (content/anchors.json)', () => {
    const unknown = queries.flatMap((query) =>
      [...query.grades.keys()].filter((id) => {
        const parts = splitId(id);
        return !parts || anchors[parts.slug]?.[parts.anchor] === undefined;
      }).map((id) => `${query.query}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('has topical queries for the "newest report first" measure', () => {
    expect(queries.filter((query) => query.kind === 'topical').length).toBeGreaterThanOrEqual(10);
  });
});

describe('checking a judged set', () => {
  const good = { query: 'caseloads', kind: 'topical', wants: 'x', pooled: ['caseload'], relevant: { 'a#p1': 2, 'a#p2': 1 } };

  it('passes a sound entry', () => {
    expect(judgementProblems([good])).toEqual([]);
  });

  it('fails a bad grade, a bad id, no grade 2, an unknown kind, a missing query, a repeat', () => {
    expect(
      judgementProblems([
        { ...good, query: 'one', relevant: { 'a#p1': 3 } },
        { ...good, query: 'two', relevant: { 'a p1': 2 } },
        { ...good, query: 'three', relevant: { 'a#p1': 1 } },
        { ...good, query: 'four', kind: 'vague' },
        { ...good, query: '' },
        good,
        good,
      ]),
    ).toEqual([
      '"one": a#p1 has grade 3, not 1 or 2',
      '"one" has no paragraph graded 2',
      '"two": "a p1" is not <slug>#<anchor>',
      '"three" has no paragraph graded 2',
      '"four" has kind "vague", not one of topical, acronym, spelled-out, synonym, phrase',
      'entry 5 has no query',
      '"caseloads" is judged twice',
    ]);
  });

  it('fails a paragraph judged twice in one query', () => {
    expect(() => parseJudgements('- query: x\n  kind: topical\n  wants: y\n  pooled: [x]\n  relevant:\n    a#p1: 2\n    a#p1: 1\n')).toThrow(/unique|duplicate/i);
  });

  it('is not a list', () => {
    expect(judgementProblems({ query: 'x' })).toEqual(['the file is not a list of queries']);
  });
});
