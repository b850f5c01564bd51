/**
 * Problems in the content, reported the same way everywhere: the file, the line, what is wrong
 * and how to fix it. The build collects them all and fails once, listing every one, so an
 * editor fixes a batch rather than one error per build.
 */

export interface ContentProblem {
  /** Path from the repository root, e.g. content/reports/2025-06-monitoring-visit-7.mdx */
  file: string;
  line?: number;
  message: string;
  fix: string;
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message} Fix: ${problem.fix}`;
}

export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    super(
      `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `- ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

