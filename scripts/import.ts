/**
 * Turns an Ofsted letter or inspection report into a report file (DESIGN.md §4).
 *
 * Usage: npm run import -- <letter-or-report.txt|.pdf> [--out content/reports] [--stdout] [--force]
 *        npm run import -- <folder> [--out content/reports] [--force] [--json results.json]
 *
 *   --out <folder>  where to write <slug>.mdx (default: content/reports, or CONTENT_DIR's reports/)
 *   --stdout        print the MDX instead of writing a file (one file only)
 *   --force         overwrite an existing report of the same slug, or write a document about
 *                   another council than the site's into content/
 *   --json <file>   (a folder only) also write each file's outcome and the summary as JSON
 *
 * On success it prints the path written, and on stderr the fields it could not find, which an
 * editor fills in by hand. On a refusal it prints one line naming the file, the reason and the
 * fix, exits non-zero, and writes nothing: the file appears whole (written to a temporary file
 * in the same folder, then renamed over) or not at all.
 *
 * Given a folder, it imports each .pdf and .txt file in it (not in its subfolders), in one
 * process, printing one line per file (src/lib/importer/batch.ts) and a summary; a refusal or a
 * crash on one file never stops the others. It exits 0 if every file was imported, else 1.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs as parseOptions } from 'node:util';
import {
  allImported,
  documentNames,
  folderReport,
  importedOutcome,
  importerBugOutcome,
  outcomeLine,
  refusedOutcome,
  summaryLine,
  type FileOutcome,
} from '../src/lib/importer/batch.ts';
import { decodeText, ImportError, importDocument, importPdf, looksLikePdf, otherCouncilWarning, type ImportResult } from '../src/lib/importer/index.ts';
import type { ThemeKeywords } from '../src/lib/importer/suggest-themes.ts';
import { parseYamlList } from '../src/lib/utils/yaml-list.ts';
import { themeSchema } from '../src/lib/record/schema.ts';
import { EXIT, contentFolder, processIo, shown, writeAtomically, type Io } from './cli-io.ts';

const USAGE =
  'npm run import -- <letter-or-report.txt|.pdf> [--out content/reports] [--stdout] [--force], or npm run import -- <folder> [--out content/reports] [--force] [--json results.json]';

export { EXIT, type Io } from './cli-io.ts';

interface Args {
  input: string;
  out: string;
  stdout: boolean;
  force: boolean;
  /** A folder's results as JSON, written to this file. */
  json: string | undefined;
}

function usageError(reason: string): ImportError {
  return new ImportError('usage', undefined, reason, `run ${USAGE}`);
}

export function parseArgs(argv: readonly string[]): Args | 'help' {
  let parsed;
  try {
    parsed = parseOptions({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        stdout: { type: 'boolean' },
        force: { type: 'boolean' },
        out: { type: 'string' },
        json: { type: 'string' },
      },
    });
  } catch (error) {
    // node:util names the option in its message ("Unknown option '--x'", "Option '--out <value>'
    // argument missing"); the command says it in its own words, with the fix.
    const { code, message } = error as Error & { code?: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw usageError(`unknown option ${option}`);
    if (option === '--out') throw usageError('--out needs a folder');
    if (option === '--json') throw usageError('--json needs the file to write the results to');
    throw usageError(message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  // `--out --force` would take "--force" as the folder: a value is never an option.
  if (values.out !== undefined && (values.out === '' || values.out.startsWith('--'))) throw usageError('--out needs a folder');
  if (values.json !== undefined && (values.json === '' || values.json.startsWith('--'))) throw usageError('--json needs the file to write the results to');
  const [input, second] = positionals;
  if (input === undefined) throw usageError('no letter given');
  if (second !== undefined) throw usageError(`one letter at a time (got ${input} and ${second})`);
  return { input, out: values.out ?? path.join(contentFolder(), 'reports'), stdout: values.stdout ?? false, force: values.force ?? false, json: values.json };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Is the folder the content folder or inside it? */
function insideContent(folder: string): boolean {
  const relative = path.relative(contentFolder(), path.resolve(folder));
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The taxonomy, for theme suggestions: content/themes.yaml (or CONTENT_DIR's). Without the file,
 * the letter is imported unannotated; a broken file is refused, as the build would refuse it.
 */
async function loadThemes(input: string, io: Io): Promise<ThemeKeywords[] | undefined> {
  const file = path.join(contentFolder(), 'themes.yaml');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    io.stderr(`import: ${shown(file)} not found, so no themes are suggested\n`);
    return undefined;
  }
  const { items, problems } = parseYamlList(text, shown(file), themeSchema);
  const first = problems[0];
  if (first) throw new ImportError('internal', input, `${first.file}:${first.line ?? 1}: ${first.message}`, `${first.fix.replace(/\.$/, '')}, then import again`);
  return items;
}

/** What importing one file gave: the result, the report written (unless --stdout), and the warnings to show. */
interface Imported {
  result: ImportResult;
  target: string | undefined;
  warnings: string[];
}

/** Writes the report whole or not at all (writeAtomically); a failure is the import's refusal. */
async function writeReport(target: string, text: string, input: string): Promise<void> {
  try {
    await writeAtomically(target, text);
  } catch (error) {
    throw new ImportError('internal', input, `could not write ${shown(target)} (${(error as Error).message})`, 'check the folder is writable');
  }
}

/**
 * Reads one file, imports it, and (unless --stdout) writes its report. Throws ImportError on a
 * refusal. `written`, in a folder's import, holds the reports this run has written (slug to
 * input file), so that two files giving the same report (a PDF and its text) are not both written.
 */
async function importFile(input: string, args: Args, themes: ThemeKeywords[] | undefined, written?: Map<string, string>): Promise<Imported> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new ImportError('not-found', input, 'the file does not exist', 'check the path to the letter')
      : new ImportError('not-found', input, `the file cannot be read (${code ?? (error as Error).message})`, 'check the path and its permissions');
  }

  let result: ImportResult;
  if (bytes.length === 0) {
    throw new ImportError('empty', input, 'the file is empty', 'pass the file that holds the letter’s text (or its PDF)');
  } else if (looksLikePdf(bytes, input)) {
    result = await importPdf(bytes, { fileName: input, themes });
  } else {
    result = importDocument(decodeText(bytes, input), { fileName: input, themes });
  }

  // Another council's document: printed with a warning; written into content/ only with --force.
  const warnings: string[] = [];
  const otherCouncil = otherCouncilWarning(result.frontmatter.authority);
  if (otherCouncil && !args.stdout && !args.force && insideContent(args.out)) {
    throw new ImportError('other-council', input, otherCouncil, 'check it is the right file; pass --stdout to print it, or --force to write it into content/ anyway');
  }
  if (otherCouncil) warnings.push(otherCouncil);
  if (args.stdout) return { result, target: undefined, warnings };

  const outDir = path.resolve(args.out);
  if (!(await stat(outDir).then((s) => s.isDirectory(), () => false))) {
    throw new ImportError('no-output-folder', input, `the output folder ${args.out} does not exist`, 'create it, or pass another with --out');
  }
  const target = path.join(outDir, `${result.slug}.mdx`);
  const earlier = written?.get(result.slug);
  if (earlier !== undefined) {
    throw new ImportError(
      'exists',
      input,
      `it gives the same report as ${earlier}, which this import has just written to ${shown(target)}`,
      'keep only one of the two files in the folder (or import this one on its own with --force to replace it)',
    );
  }
  if (!args.force && (await exists(target))) {
    throw new ImportError('exists', input, `${shown(target)} already exists`, 'pass --force to overwrite it, or remove the file');
  }
  await writeReport(target, result.mdx, input);
  written?.set(result.slug, input);
  return { result, target, warnings };
}

const THEMES_REMINDER =
  'import: themes are suggested for every paragraph, marked `suggested`: review each one, add `progress` where a paragraph speaks to a 2018 weakness, then delete the word (the build refuses unreviewed suggestions)\n';

async function run(args: Args, io: Io): Promise<number> {
  const themes = await loadThemes(args.input, io);
  const { result, target, warnings } = await importFile(args.input, args, themes);
  for (const warning of warnings) io.stderr(`import: warning: ${args.input}: ${warning}\n`);
  io.stdout(target === undefined ? result.mdx : `${shown(target)}\n`);
  for (const note of result.notes) io.stderr(`import: ${note}\n`);
  if (result.missing.length > 0) {
    io.stderr(`import: could not find: ${result.missing.join(', ')} (fill these in by hand)\n`);
  }
  if (themes) io.stderr(THEMES_REMINDER);
  return EXIT.ok;
}

/**
 * A folder: each document in it imported in turn, in this one process, one line per file on
 * stdout as it is done, then the summary. A refusal or a crash is that file's outcome; the
 * others go on.
 */
async function runFolder(args: Args, io: Io): Promise<number> {
  if (args.stdout) {
    throw usageError(`--stdout prints one report, and ${args.input} is a folder (pass one of its files with --stdout, or leave out --stdout to write the folder’s reports into --out)`);
  }
  let names: string[];
  try {
    names = await readdir(args.input);
  } catch (error) {
    throw new ImportError('not-found', args.input, `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'check the path and its permissions');
  }
  const files: string[] = [];
  for (const name of documentNames(names)) {
    const file = path.join(args.input, name);
    if (await stat(file).then((s) => s.isFile(), () => false)) files.push(file);
  }
  if (files.length === 0) {
    throw usageError(`${args.input} holds no .pdf or .txt file (its subfolders are not read)`);
  }
  const themes = await loadThemes(args.input, io);

  const outcomes: FileOutcome[] = [];
  const written = new Map<string, string>();
  for (const file of files) {
    const shownFile = shown(path.resolve(file));
    let outcome: FileOutcome;
    try {
      const { result, target, warnings } = await importFile(file, args, themes, written);
      outcome = importedOutcome(shownFile, {
        slug: result.slug,
        path: shown(target!),
        missing: result.missing,
        notes: result.notes,
        warnings: warnings.map((warning) => `warning: ${warning}`),
      });
    } catch (error) {
      outcome = error instanceof ImportError ? refusedOutcome(shownFile, error) : importerBugOutcome(shownFile, error);
    }
    outcomes.push(outcome);
    io.stdout(`${outcomeLine(outcome)}\n`);
  }

  const report = folderReport(shown(path.resolve(args.input)), outcomes);
  io.stdout(`${summaryLine(report.summary)}\n`);
  if (report.summary.imported > 0) {
    io.stderr('import: every imported report still needs its headline written and its sources checked by hand\n');
    if (themes) io.stderr(THEMES_REMINDER);
  }
  if (args.json !== undefined) await writeReport(path.resolve(args.json), `${JSON.stringify(report, null, 2)}\n`, args.json);
  return allImported(report.summary) ? EXIT.ok : EXIT.refused;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      io.stdout(`Usage: ${USAGE}\n`);
      return EXIT.ok;
    }
    if (await stat(args.input).then((s) => s.isDirectory(), () => false)) return await runFolder(args, io);
    if (args.json !== undefined) throw usageError(`--json is for a folder, and ${args.input} is one file (pass its folder, or leave out --json)`);
    return await run(args, io);
  } catch (error) {
    if (error instanceof ImportError) {
      io.stderr(`${error.message}\n`);
      return error.code === 'usage' ? EXIT.usage : EXIT.refused;
    }
    io.stderr(`import: ${(error as Error).message.split('\n')[0]}. Fix: report this as an importer bug.\n`);
    return EXIT.refused;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
