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
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ThemeKeywords } from '../src/lib/importer/suggest-themes.ts';
import { parseEnglandIndex } from '../src/lib/compare/from-documents.ts';
import { neighbourFile, type NeighbourFile } from '../src/lib/neighbours/from-documents.ts';
import { themeSchema } from '../src/lib/record/schema.ts';
import { formatProblem, type ContentProblem } from '../src/lib/utils/content-problems.ts';
import { parseYamlList } from '../src/lib/utils/yaml-list.ts';
import { EXIT, contentFolder, folderArguments, processIo, shown, writeFolderAtomically, type Io } from './cli-io.ts';
import { importListedPdf } from './listed-document.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
export const DEFAULT_FOLDER = path.resolve(repoRoot, '../shared/sources/neighbours');
const USAGE = 'npm run neighbours -- [<folder>] [--out content/neighbours]';

export { EXIT, type Io } from './cli-io.ts';

/** content/themes.yaml's keywords, for the suggestions; a broken file stops the command, as the build would. */
async function readThemes(): Promise<{ themes?: ThemeKeywords[]; problems: ContentProblem[] }> {
  const file = path.join(contentFolder(), 'themes.yaml');
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
    const { result: file, problem } = await importListedPdf(folder, row.file, themes.themes!);
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

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let folder: string;
  let out: string;
  try {
    const args = folderArguments(argv, 'folder');
    if (args === 'help') {
      io.stdout(`Usage: ${USAGE}\n`);
      return EXIT.ok;
    }
    folder = path.resolve(args.folder ?? DEFAULT_FOLDER);
    out = path.resolve(args.out ?? path.join(contentFolder(), 'neighbours'));
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
    await writeFolderAtomically(out, files);
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
