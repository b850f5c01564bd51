/**
 * How good search is, scored against the judged queries (tests/search/judgements.yaml; README:
 * Search, "How good search is: the judged queries").
 *
 * Usage: npm run search-quality -- [options]
 *
 *   --dist <folder>   the built site to search (npm run build makes it); default dist
 *   --out <file>      also write the results as JSON
 *   --query <q>       run this one query (judged or not) instead of the whole set; may be repeated
 *
 * For each query it opens /search/?q=<query> in headless Chromium, waits until the page says the
 * search has completed (`data-completed` on `[data-search]` equals the address's query string),
 * and reads the ranked paragraphs. The contract with the page (src/browser/search-render.ts):
 * every paragraph result carries `data-result="<slug>#<anchor>"`, in rank order in the document;
 * results folded inside a closed <details> rank after every visible one, in document order; while
 * fewer than ten are listed and "Show more results" (`[data-more]`) is visible, it is clicked and
 * the list awaited.
 *
 * It prints, per query, P@5, nDCG@10, whether the newest report with a relevant paragraph is in
 * the first five (topical queries only) and the first five results with their grades (0:
 * unjudged), then the means beside the targets of issue 21 (P@5 >= 0.8, nDCG@10 >= 0.7, newest
 * in the first five for >= 85% of topical queries). Like npm run bench it never fails on a miss:
 * it exits non-zero only on a real error (no built site, a search that never completes).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { readJudgements, type JudgedQuery } from './search-quality/judgements.ts';
import {
  gradeOf,
  NDCG_AT,
  newestRelevantReport,
  scoreQuery,
  summarise,
  TARGETS,
  type QueryScore,
  type Summary,
} from './search-quality/metrics.ts';
import { serve } from './serve.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
/** How long one search may take before the script gives up on the page. */
const SEARCH_TIMEOUT_MS = 60_000;

interface Options {
  dist: string;
  out: string | undefined;
  queries: string[];
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      dist: { type: 'string', default: 'dist' },
      out: { type: 'string' },
      query: { type: 'string', multiple: true },
    },
    strict: true,
  });
  return { dist: path.resolve(values.dist), out: values.out && path.resolve(values.out), queries: values.query ?? [] };
}

/** The paragraphs the page lists, visible ones first, then the folded ones, each in document order. */
async function listedResults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLElement>('[data-search] [data-result]')];
    const folded = (item: HTMLElement): boolean => {
      const details = item.closest('details');
      return details !== null && !details.open;
    };
    return [...items.filter((item) => !folded(item)), ...items.filter(folded)].map((item) => item.dataset.result!);
  });
}

/** Runs one search on the page and returns its ranked paragraphs (at least ten when the page has them). */
async function search(page: Page, siteUrl: string, query: string): Promise<string[]> {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  try {
    await page.waitForFunction(
      () => {
        const completed = document.querySelector<HTMLElement>('[data-search]')?.dataset.completed;
        return completed !== undefined && completed !== '' && completed === window.location.search;
      },
      undefined,
      { timeout: SEARCH_TIMEOUT_MS },
    );
  } catch {
    const status = (await page.locator('[data-status]').textContent().catch(() => ''))?.trim();
    throw new Error(`search-quality: the search for "${query}" never completed (no data-completed on [data-search] within ${SEARCH_TIMEOUT_MS / 1000} s; status: "${status ?? ''}").`);
  }
  let ranked = await listedResults(page);
  const more = page.locator('[data-more]');
  while (ranked.length < NDCG_AT && (await more.isVisible())) {
    const shown = await page.locator('[data-search]').getAttribute('data-shown');
    await more.click();
    try {
      await page.waitForFunction((before) => document.querySelector<HTMLElement>('[data-search]')?.dataset.shown !== before, shown, { timeout: SEARCH_TIMEOUT_MS });
    } catch {
      throw new Error(`search-quality: "Show more results" for "${query}" never listed more.`);
    }
    ranked = await listedResults(page);
  }
  return ranked;
}

interface QueryResult extends QueryScore {
  judged: boolean;
  /** The newest report with a relevant paragraph (topical queries). */
  newestReport?: string;
  /** The first ten results with their grades. */
  results: Array<{ id: string; grade: number }>;
  relevantJudged: number;
}

const fixed = (value: number, digits = 2): string => value.toFixed(digits);
const pad = (text: string, width: number): string => (text.length >= width ? text : text + ' '.repeat(width - text.length));

/** `2022-07-inspection#p3` -> `2022-07 insp #p3`, so five fit on a line. */
function shortId(id: string): string {
  return id
    .replace(/-inspection#/, ' insp #')
    .replace(/-focused-visit#/, ' fv #')
    .replace(/-monitoring-visit-(\d+)#/, ' mv$1 #');
}

export function formatTable(results: readonly QueryResult[], summary: Summary): string {
  const width = Math.max(5, ...results.map((result) => result.query.length));
  const lines = [`${pad('query', width)}  ${pad('kind', 11)}  P@5   nDCG@10  newest  first five results (grade)`];
  for (const result of results) {
    const newest = result.newestInTop === undefined ? '' : result.newestInTop ? 'yes' : 'no';
    const five = result.results.slice(0, 5).map((item) => `${shortId(item.id)} (${item.grade})`).join(', ');
    const judged = result.judged ? '' : '  [not judged]';
    lines.push(`${pad(result.query, width)}  ${pad(result.kind, 11)}  ${fixed(result.precision)}  ${pad(fixed(result.ndcg), 7)}  ${pad(newest, 6)}  ${five || '(no paragraph listed)'}${judged}`);
  }
  const judged = results.filter((result) => result.judged);
  if (judged.length > 0) {
    const mark = (met: boolean): string => (met ? 'met' : 'MISSED');
    lines.push('');
    lines.push(`over ${summary.queries} judged queries:`);
    lines.push(`  mean P@5       ${fixed(summary.precision, 3)}  target >= ${TARGETS.precision}  ${mark(summary.precision >= TARGETS.precision)}`);
    lines.push(`  mean nDCG@10   ${fixed(summary.ndcg, 3)}  target >= ${TARGETS.ndcg}  ${mark(summary.ndcg >= TARGETS.ndcg)}`);
    if (summary.newest !== undefined) {
      const count = judged.filter((result) => result.newestInTop).length;
      lines.push(
        `  newest report in the first five: ${count} of ${summary.topical} topical queries (${fixed(summary.newest * 100, 0)}%)  target >= ${TARGETS.newest * 100}%  ${mark(summary.newest >= TARGETS.newest)}`,
      );
    }
  }
  return lines.join('\n');
}

function commitOf(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(path.join(options.dist, 'search', 'index.html')) || !existsSync(path.join(options.dist, 'pagefind'))) {
    throw new Error(`search-quality: no built site with a search index in ${options.dist}: run npm run build first (or pass --dist <folder>).`);
  }
  const judged = await readJudgements();
  const byQuery = new Map(judged.map((entry) => [entry.query.toLowerCase(), entry]));
  const toRun: Array<JudgedQuery | { query: string; kind: string; grades: Map<string, number>; judged: false }> =
    options.queries.length === 0 ? judged : options.queries.map((query) => byQuery.get(query.toLowerCase()) ?? { query, kind: '-', grades: new Map(), judged: false });

  const server = await serve({ dir: options.dist });
  const results: QueryResult[] = [];
  try {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      for (const entry of toRun) {
        const ranked = await search(page, server.url, entry.query);
        const score = scoreQuery(entry.query, entry.kind, ranked, entry.grades);
        const isJudged = !('judged' in entry);
        results.push({
          ...score,
          judged: isJudged,
          ...(score.newestInTop !== undefined ? { newestReport: newestRelevantReport(entry.grades) } : {}),
          results: ranked.slice(0, NDCG_AT).map((id) => ({ id, grade: gradeOf(entry.grades, id) })),
          relevantJudged: entry.grades.size,
        });
        process.stderr.write('.');
      }
      process.stderr.write('\n');
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }

  const summary = summarise(results.filter((result) => result.judged));
  console.log(formatTable(results, summary));
  if (options.out) {
    await mkdir(path.dirname(options.out), { recursive: true });
    const report = { commit: commitOf(), date: new Date().toISOString(), dist: path.relative(repoRoot, options.dist) || '.', targets: TARGETS, summary, queries: results };
    await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(process.cwd(), options.out)}`);
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
