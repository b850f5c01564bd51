/**
 * Writes England's latest inspection reports as data (issue 26): content/england/latest-reports.json,
 * one record per council, from the documents themselves, never typed by hand.
 *
 * Usage: npm run england -- [<folder>] [--out content/england/latest-reports.json]
 *
 *   <folder>        the folder of the latest report of each council, with its index.csv (file,
 *                   council, la_code, published, official_url, framework); default
 *                   ../shared/sources/england beside the repository
 *   --out <file>    where to write the data (default: content/england/latest-reports.json)
 *
 * Each PDF the index lists is imported in memory with the project's importer (nothing is written
 * to content/reports/), and checked against its index row (src/lib/compare/from-documents.ts):
 * an inspection report of that council, inspected before its publication date, whose judgements
 * the comparison can place (src/lib/compare/data.ts). Any file that fails fails the command: every
 * problem is printed, naming the file and the fix, and nothing is written. Otherwise the data is
 * written whole (a temporary file renamed over the old one), and the counts it gives are printed.
 *
 * Exit codes as scripts/import.ts: 0 written, 1 refused (any file), 2 wrong usage.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { latestReport, latestReportsData, parseEnglandIndex, type ImportedFacts, type IndexRow } from '../src/lib/compare/from-documents.ts';
import { latestReportsProblems, type LatestReport, type LatestReports } from '../src/lib/compare/data.ts';
import { englandPicture, pictureSummary } from '../src/lib/compare/england-picture.ts';
import { formatProblem, type ContentProblem } from '../src/lib/utils/content-problems.ts';
import { EXIT, folderArguments, processIo, shown, writeAtomically, type Io } from './cli-io.ts';
import { importListedPdf } from './listed-document.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
export const DEFAULT_FOLDER = path.resolve(repoRoot, '../shared/sources/england');
export const DEFAULT_OUT = path.join(repoRoot, 'content/england/latest-reports.json');
const USAGE = 'npm run england -- [<folder>] [--out content/england/latest-reports.json]';

export { EXIT, type Io } from './cli-io.ts';

/** The index's rows (or the problems with it), from `<folder>/index.csv`. */
export async function readIndex(folder: string): Promise<{ rows: IndexRow[]; problems: ContentProblem[] }> {
  const indexFile = path.join(folder, 'index.csv');
  let text: string;
  try {
    text = await readFile(indexFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { rows: [], problems: [{ file: shown(indexFile), message: `cannot be read (${code}).`, fix: `pass the folder of England’s latest reports, with its index.csv (${USAGE}).` }] };
  }
  return parseEnglandIndex(text, shown(indexFile));
}

/** What the importer read from one listed document, or the problem that stops it. */
export async function importListed(folder: string, row: IndexRow): Promise<{ facts?: ImportedFacts; problem?: ContentProblem }> {
  const { result, problem } = await importListedPdf(folder, row.file);
  return problem ? { problem } : { facts: result!.frontmatter };
}

/**
 * Every listed document imported and checked against its row: the records, or every problem.
 * `imported`, when given, supplies what the importer read from a file already (the test over the
 * real documents shares its imports with the recount).
 */
export async function readEngland(
  folder: string,
  imported?: (row: IndexRow) => Promise<ImportedFacts>,
): Promise<{ data?: LatestReports; problems: ContentProblem[] }> {
  const { rows, problems } = await readIndex(folder);
  if (problems.length > 0) return { problems };
  const reports: LatestReport[] = [];
  for (const row of rows) {
    const file = shown(path.join(folder, row.file));
    const { facts, problem } = imported ? { facts: await imported(row), problem: undefined } : await importListed(folder, row);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const { report, problems: disagreements } = latestReport(row, facts!, file);
    problems.push(...disagreements);
    if (report) reports.push(report);
  }
  if (problems.length > 0) return { problems };
  // The same checks the data's readers apply (one report per council, every area placed).
  const data = latestReportsData(reports);
  const checked = latestReportsProblems(data, shown(path.join(folder, 'index.csv')));
  return checked.problems.length > 0 ? { problems: checked.problems } : { data, problems: [] };
}

/** The data file's text: two-space JSON with a final newline, so that a refresh diffs line by line. */
export function dataText(data: LatestReports): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let folder: string;
  let out: string;
  try {
    const args = folderArguments(argv, 'file');
    if (args === 'help') {
      io.stdout(`Usage: ${USAGE}\n`);
      return EXIT.ok;
    }
    folder = path.resolve(args.folder ?? DEFAULT_FOLDER);
    out = path.resolve(args.out ?? DEFAULT_OUT);
  } catch (error) {
    io.stderr(`england: ${(error as Error).message.replace(/\.$/, '')}. Fix: run ${USAGE}\n`);
    return EXIT.usage;
  }

  const { data, problems } = await readEngland(folder);
  if (!data) {
    for (const problem of problems) io.stderr(`england: ${formatProblem(problem)}\n`);
    io.stderr(`england: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing written (${shown(out)} is unchanged).\n`);
    return EXIT.refused;
  }
  try {
    await writeAtomically(out, dataText(data));
  } catch (error) {
    io.stderr(`england: could not write ${shown(out)} (${(error as Error).message}). Fix: check the folder is writable.\n`);
    return EXIT.refused;
  }
  const picture = englandPicture(data);
  io.stdout(`${shown(out)}: the latest reports of ${data.reports.length} council${data.reports.length === 1 ? '' : 's'}, published up to ${picture.asAt}, from ${shown(folder)}\n`);
  for (const line of pictureSummary(picture)) io.stdout(`  ${line}\n`);
  return EXIT.ok;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
