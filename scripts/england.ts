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
import { parseArgs } from 'node:util';
import { importDocument, ImportError } from '../src/lib/importer/index.ts';
import { pdfToText } from '../src/lib/importer/pdf.ts';
import { latestReport, latestReportsData, parseEnglandIndex, type ImportedFacts, type IndexRow } from '../src/lib/compare/from-documents.ts';
import { latestReportsProblems, type LatestReport, type LatestReports } from '../src/lib/compare/data.ts';
import { englandPicture, pictureSummary } from '../src/lib/compare/england-picture.ts';
import { formatProblem, type ContentProblem } from '../src/lib/utils/content-problems.ts';
import { EXIT, processIo, writeAtomically, type Io } from './cli-io.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
export const DEFAULT_FOLDER = path.resolve(repoRoot, '../shared/sources/england');
export const DEFAULT_OUT = path.join(repoRoot, 'content/england/latest-reports.json');
const USAGE = 'npm run england -- [<folder>] [--out content/england/latest-reports.json]';

export { EXIT, type Io } from './cli-io.ts';

/** How to show a path: relative to the working folder when it is inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

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
  const file = path.join(folder, row.file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { problem: { file: shown(file), message: `is listed in index.csv but cannot be read (${code}).`, fix: 'put the PDF in the folder, or take its row out of index.csv.' } };
  }
  try {
    const result = importDocument(await pdfToText(bytes, row.file), { fileName: row.file });
    return { facts: result.frontmatter };
  } catch (error) {
    if (error instanceof ImportError) {
      return { problem: { file: shown(file), message: `the importer refused it: ${error.message}`, fix: 'check it is the council’s inspection report as Ofsted published it, or make the importer read it (npm run import -- <file> --stdout).' } };
    }
    return { problem: { file: shown(file), message: `the importer crashed on it (${(error as Error).message.split('\n')[0]}).`, fix: 'report this as an importer bug.' } };
  }
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
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      io.stdout(`Usage: ${USAGE}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 1) throw new Error(`one folder at a time (got ${positionals.join(' and ')})`);
    if (values.out !== undefined && (values.out === '' || values.out.startsWith('--'))) throw new Error('--out needs the file to write');
    folder = path.resolve(positionals[0] ?? DEFAULT_FOLDER);
    out = path.resolve(values.out ?? DEFAULT_OUT);
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
