/**
 * How good a ranked list of search results is against the judged queries
 * (tests/search/judgements.yaml). Pure functions: a result is a paragraph's `<slug>#<anchor>`,
 * a judgement maps such ids to a grade (2: the paragraph is about it, 1: it mentions it);
 * anything unjudged has grade 0.
 */

/** `<slug>#<anchor>` -> 1 or 2. */
export type Grades = ReadonlyMap<string, number>;

export const P_AT = 5;
export const NDCG_AT = 10;
export const NEWEST_AT = 5;

/** The targets of issue 21. */
export const TARGETS = { precision: 0.8, ndcg: 0.7, newest: 0.85 } as const;

export function gradeOf(grades: Grades, id: string): number {
  return grades.get(id) ?? 0;
}

/**
 * Precision at k: the share of the first k results with grade >= 1. Fewer than k results count
 * the missing places as misses (the divisor is always k). A paragraph listed twice counts once.
 */
export function precisionAt(ranked: readonly string[], grades: Grades, k = P_AT): number {
  const top = dedupe(ranked).slice(0, k);
  return top.filter((id) => gradeOf(grades, id) >= 1).length / k;
}

function gain(grade: number): number {
  return 2 ** grade - 1;
}

function dcg(gradesInOrder: readonly number[], k: number): number {
  let sum = 0;
  gradesInOrder.slice(0, k).forEach((grade, index) => {
    // rank = index + 1, discount log2(rank + 1)
    sum += gain(grade) / Math.log2(index + 2);
  });
  return sum;
}

/**
 * Normalised discounted cumulative gain at k: gain 2^grade - 1, discount log2(rank + 1), over the
 * ideal ordering of every judged paragraph of the query (all its 2s, then all its 1s). 0 when
 * nothing is judged relevant. A paragraph listed twice counts at its first place only.
 */
export function ndcgAt(ranked: readonly string[], grades: Grades, k = NDCG_AT): number {
  const ideal = dcg([...grades.values()].filter((grade) => grade > 0).sort((a, b) => b - a), k);
  if (ideal === 0) return 0;
  return dcg(dedupe(ranked).map((id) => gradeOf(grades, id)), k) / ideal;
}

/** The report slug of `<slug>#<anchor>`. */
export function slugOf(id: string): string {
  const hash = id.indexOf('#');
  return hash === -1 ? id : id.slice(0, hash);
}

/**
 * The newest report with a paragraph graded >= 1: slugs start with YYYY-MM, so the greatest slug
 * is the newest. Undefined when nothing is judged relevant.
 */
export function newestRelevantReport(grades: Grades): string | undefined {
  let newest: string | undefined;
  for (const [id, grade] of grades) {
    if (grade < 1) continue;
    const slug = slugOf(id);
    if (newest === undefined || slug > newest) newest = slug;
  }
  return newest;
}

/**
 * Whether a paragraph of the newest report with a relevant paragraph is among the first k results
 * (any paragraph of that report, judged or not: the reader sees the report there).
 */
export function newestInTop(ranked: readonly string[], grades: Grades, k = NEWEST_AT): boolean {
  const newest = newestRelevantReport(grades);
  if (newest === undefined) return false;
  return dedupe(ranked).slice(0, k).some((id) => slugOf(id) === newest);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The share of true values (0 for none). */
export function share(values: readonly boolean[]): number {
  return values.length === 0 ? 0 : values.filter(Boolean).length / values.length;
}

function dedupe(ranked: readonly string[]): string[] {
  return [...new Set(ranked)];
}

export interface QueryScore {
  query: string;
  kind: string;
  precision: number;
  ndcg: number;
  /** Only for topical queries. */
  newestInTop?: boolean;
}

export interface Summary {
  queries: number;
  precision: number;
  ndcg: number;
  /** Share of topical queries with the newest relevant report in the first five; undefined without topical queries. */
  newest: number | undefined;
  topical: number;
}

export function scoreQuery(query: string, kind: string, ranked: readonly string[], grades: Grades): QueryScore {
  const score: QueryScore = { query, kind, precision: precisionAt(ranked, grades), ndcg: ndcgAt(ranked, grades) };
  if (kind === 'topical') score.newestInTop = newestInTop(ranked, grades);
  return score;
}

export function summarise(scores: readonly QueryScore[]): Summary {
  const newest = scores.flatMap((score) => (score.newestInTop === undefined ? [] : [score.newestInTop]));
  return {
    queries: scores.length,
    precision: mean(scores.map((score) => score.precision)),
    ndcg: mean(scores.map((score) => score.ndcg)),
    newest: newest.length === 0 ? undefined : share(newest),
    topical: newest.length,
  };
}
