/**
 * The judged queries (tests/search/judgements.yaml): read, checked and typed. Used by the test of
 * the set (tests/unit/scripts/search-judgements.test.ts) and by `npm run search-quality`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Grades } from './metrics.ts';

export const JUDGEMENTS_FILE = path.resolve(import.meta.dirname, '../../tests/search/judgements.yaml');

export const QUERY_KINDS = ['topical', 'acronym', 'spelled-out', 'synonym', 'phrase'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface JudgedQuery {
  query: string;
  kind: QueryKind;
  wants: string;
  pooled: string[];
  /** `<slug>#<anchor>` -> 1 or 2. */
  grades: Grades;
}

const ID = /^([a-z0-9][a-z0-9-]*)#([a-z0-9-]+)$/;

/** The report slug and anchor of `<slug>#<anchor>`, or undefined if it is not spelled so. */
export function splitId(id: string): { slug: string; anchor: string } | undefined {
  const match = ID.exec(id);
  return match ? { slug: match[1]!, anchor: match[2]! } : undefined;
}

/**
 * Every problem with the parsed file, each as a sentence (empty when it is sound): the shape of
 * each entry, kinds, grades, ids spelled `<slug>#<anchor>`, a grade-2 paragraph per query,
 * queries not repeated.
 */
export function judgementProblems(data: unknown): string[] {
  if (!Array.isArray(data)) return ['the file is not a list of queries'];
  const problems: string[] = [];
  const seen = new Set<string>();
  data.forEach((entry: unknown, index) => {
    const where = `entry ${index + 1}`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${where} is not a mapping`);
      return;
    }
    const { query, kind, wants, pooled, relevant } = entry as Record<string, unknown>;
    const name = typeof query === 'string' && query.trim() !== '' ? `"${query}"` : where;
    if (typeof query !== 'string' || query.trim() === '') problems.push(`${where} has no query`);
    else if (seen.has(query.toLowerCase())) problems.push(`${name} is judged twice`);
    else seen.add(query.toLowerCase());
    if (!QUERY_KINDS.includes(kind as QueryKind)) problems.push(`${name} has kind "${String(kind)}", not one of ${QUERY_KINDS.join(', ')}`);
    if (typeof wants !== 'string' || wants.trim() === '') problems.push(`${name} does not say what the searcher wants`);
    if (!Array.isArray(pooled) || pooled.length === 0) problems.push(`${name} does not list the words pooled for candidates`);
    if (typeof relevant !== 'object' || relevant === null || Array.isArray(relevant)) {
      problems.push(`${name} has no relevant paragraphs`);
      return;
    }
    const grades = Object.entries(relevant as Record<string, unknown>);
    for (const [id, grade] of grades) {
      if (!splitId(id)) problems.push(`${name}: "${id}" is not <slug>#<anchor>`);
      if (grade !== 1 && grade !== 2) problems.push(`${name}: ${id} has grade ${String(grade)}, not 1 or 2`);
    }
    if (!grades.some(([, grade]) => grade === 2)) problems.push(`${name} has no paragraph graded 2`);
  });
  return problems;
}

/** Parses the YAML text (a repeated key is an error) and checks it; throws with every problem. */
export function parseJudgements(text: string): JudgedQuery[] {
  const data: unknown = parse(text, { uniqueKeys: true });
  const problems = judgementProblems(data);
  if (problems.length > 0) throw new Error(`search-quality: the judged queries have problems:\n- ${problems.join('\n- ')}`);
  return (data as Array<Record<string, unknown>>).map((entry) => ({
    query: entry.query as string,
    kind: entry.kind as QueryKind,
    wants: entry.wants as string,
    pooled: (entry.pooled as unknown[]).map(String),
    grades: new Map(Object.entries(entry.relevant as Record<string, number>)),
  }));
}

export async function readJudgements(file = JUDGEMENTS_FILE): Promise<JudgedQuery[]> {
  return parseJudgements(await readFile(file, 'utf8'));
}
