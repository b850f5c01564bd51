/**
 * Writes the inspection reports of Herefordshire's statistical neighbours (issue 26) into
 * content/neighbours/<council>/<slug>.mdx, from the documents, with the project's importer.
 *
 * Usage: npm run neighbours -- [<folder>] [--out content/neighbours]
 *
 *   <folder>        the neighbours' reports with their index.csv (file, council, la_code,
 *                   published, official_url, framework); default ../shared/sources/neighbours
 *                   beside the repository
 *   --out <folder>  where to write the reports (default: content/neighbours)
 *
 * Each PDF the index lists is imported (Ofsted's words and paragraph numbers, themes suggested
 * from content/themes.yaml's keywords and left marked `suggested`) and checked against its row
 * (src/lib/neighbours/from-documents.ts). The folder is the command's: it is written whole,
 * replacing what was there, so a report taken out of the index leaves the site. Any file that
 * fails fails the command: every problem is printed, naming the file and the fix, and nothing is
 * written. Then run `npm run anchors` to record the new paragraphs' anchors.
 *
 * Exit codes as scripts/import.ts: 0 written, 1 refused (any file), 2 wrong usage.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError, importPdf } from '../src/lib/importer/index.ts';
import type { ThemeKeywords } from '../src/lib/importer/suggest-themes.ts';
import { parseEnglandIndex, type IndexRow } from '../src/lib/compare/from-documents.ts';
import { neighbourFile, type NeighbourFile } from '../src/lib/neighbours/from-documents.ts';
import { themeSchema } from '../src/lib/record/schema.ts';
import { formatProblem, type ContentProblem } from '../src/lib/utils/content-problems.ts';
import { parseYamlList } from '../src/lib/utils/yaml-list.ts';
import { EXIT, processIo, type Io } from './cli-io.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
export const DEFAULT_FOLDER = path.resolve(repoRoot, '../shared/sources/neighbours');
const USAGE = 'npm run neighbours -- [<folder>] [--out content/neighbours]';

export { EXIT, type Io } from './cli-io.ts';

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function contentDir(): string {
  return process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : path.join(repoRoot, 'content');
}

/** content/themes.yaml's keywords, for the suggestions; a broken file stops the command, as the build would. */
async function readThemes(): Promise<{ themes?: ThemeKeywords[]; problems: ContentProblem[] }> {
  const file = path.join(contentDir(), 'themes.yaml');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { problems: [{ file: shown(file), message: 'cannot be read.', fix: 'run the command from the repository, whose content/themes.yaml gives the themes to suggest.' }] };
  const { items, problems } = parseYamlList(text, shown(file), themeSchema);
  return problems.length > 0 ? { problems } : { themes: items, problems: [] };
}

/** Every listed document imported into its report file: the files, or every problem. */
export async function readNeighbours(folder: string): Promise<{ files?: NeighbourFile[]; problems: ContentProblem[] }> {
  const indexFile = path.join(folder, 'index.csv');
  const indexText = await readFile(indexFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw Object.assign(new Error(`${shown(indexFile)} cannot be read (${error.code ?? error.message})`), { usage: true });
  });
  const { rows, problems } = parseEnglandIndex(indexText, shown(indexFile), { severalPerCouncil: true });
  const themes = await readThemes();
  problems.push(...themes.problems);
  if (problems.length > 0) return { problems };
  const files: NeighbourFile[] = [];
  const paths = new Map<string, string>();
  for (const row of rows) {
    const document = shown(path.join(folder, row.file));
    const { file, problem } = await importRow(folder, row, themes.themes!);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const made = neighbourFile(row, file!, document);
    problems.push(...made.problems);
    if (!made.file) continue;
    const earlier = paths.get(made.file.path);
    if (earlier !== undefined) problems.push({ file: document, message: `gives the same report file (${made.file.path}) as ${earlier}.`, fix: 'list each inspection report once in index.csv.' });
    paths.set(made.file.path, document);
    files.push(made.file);
  }
  return problems.length > 0 ? { problems } : { files, problems: [] };
}

async function importRow(folder: string, row: IndexRow, themes: readonly ThemeKeywords[]) {
  const file = path.join(folder, row.file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { problem: { file: shown(file), message: `is listed in index.csv but cannot be read (${code}).`, fix: 'put the PDF in the folder, or take its row out of index.csv.' } };
  }
  try {
    return { file: await importPdf(bytes, { fileName: shown(file), themes }) };
  } catch (error) {
    if (error instanceof ImportError) {
      return { problem: { file: shown(file), message: `the importer refused it: ${error.message}`, fix: 'check it is the council’s inspection report as Ofsted published it, or make the importer read it (npm run import -- <file> --stdout).' } };
    }
    return { problem: { file: shown(file), message: `the importer crashed on it (${(error as Error).message.split('\n')[0]}).`, fix: 'report this as an importer bug.' } };
  }
}

/**
 * Replaces the folder with the files, whole or not at all: they are written into a new folder
 * beside it, which is then renamed into its place (the old one renamed aside first, and removed).
 */
export async function writeFolder(out: string, files: readonly NeighbourFile[]): Promise<void> {
  const fresh = `${out}.new-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  await rm(fresh, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = path.join(fresh, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text);
    }
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  const hadOld = await rename(out, old).then(() => true, (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  try {
    await rename(fresh, out);
  } catch (error) {
    if (hadOld) await rename(old, out);
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
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
    if (values.out !== undefined && (values.out === '' || values.out.startsWith('--'))) throw new Error('--out needs the folder to write');
    folder = path.resolve(positionals[0] ?? DEFAULT_FOLDER);
    out = path.resolve(values.out ?? path.join(contentDir(), 'neighbours'));
  } catch (error) {
    io.stderr(`neighbours: ${(error as Error).message.replace(/\.$/, '')}. Fix: run ${USAGE}\n`);
    return EXIT.usage;
  }

  let result: Awaited<ReturnType<typeof readNeighbours>>;
  try {
    result = await readNeighbours(folder);
  } catch (error) {
    if (!(error as { usage?: boolean }).usage) throw error;
    io.stderr(`neighbours: ${(error as Error).message}. Fix: pass the folder of the neighbours' reports, with its index.csv (${USAGE})\n`);
    return EXIT.usage;
  }
  const { files, problems } = result;
  if (!files) {
    for (const problem of problems) io.stderr(`neighbours: ${formatProblem(problem)}\n`);
    io.stderr(`neighbours: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing written (${shown(out)} is unchanged).\n`);
    return EXIT.refused;
  }
  try {
    await writeFolder(out, files);
  } catch (error) {
    io.stderr(`neighbours: could not write ${shown(out)} (${(error as Error).message}); it is unchanged. Fix: check the folder is writable.\n`);
    return EXIT.refused;
  }
  const councils = new Set(files.map((file) => file.data.laCode));
  io.stdout(`${shown(out)}: ${files.length} report${files.length === 1 ? '' : 's'} of ${councils.size} council${councils.size === 1 ? '' : 's'}, from ${shown(folder)}\n`);
  io.stdout('neighbours: now run `npm run anchors` and commit content/neighbours and content/anchors.json\n');
  return EXIT.ok;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
