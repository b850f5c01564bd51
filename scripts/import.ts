/**
 * Turns an Ofsted letter or inspection report into a report file (DESIGN.md §4).
 *
 * Usage: npm run import -- <letter-or-report.txt|.pdf> [--out content/reports] [--stdout] [--force]
 *
 *   --out <folder>  where to write <slug>.mdx (default: content/reports, or CONTENT_DIR's reports/)
 *   --stdout        print the MDX instead of writing a file
 *   --force         overwrite an existing report of the same slug, or write a document about
 *                   another council than the site's into content/
 *
 * On success it prints the path written, and on stderr the fields it could not find, which an
 * editor fills in by hand. On a refusal it prints one line naming the file, the reason and the
 * fix, exits non-zero, and writes nothing: the file appears whole (written to a temporary file
 * in the same folder, then renamed over) or not at all.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, ImportError, importDocument, importPdf, looksLikePdf, otherCouncilWarning, type ImportResult } from '../src/lib/importer/index.ts';
import type { ThemeKeywords } from '../src/lib/suggest-themes.ts';
import { parseYamlList } from '../src/lib/yaml-list.ts';
import { themeSchema } from '../src/schema.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const USAGE = 'npm run import -- <letter-or-report.txt|.pdf> [--out content/reports] [--stdout] [--force]';

/** Exit codes: 0 written (or printed), 1 refused, 2 wrong usage. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

interface Args {
  input: string;
  out: string;
  stdout: boolean;
  force: boolean;
}

function usageError(reason: string): ImportError {
  return new ImportError('usage', undefined, reason, `run ${USAGE}`);
}

export function parseArgs(argv: readonly string[]): Args | 'help' {
  let input: string | undefined;
  let out: string | undefined;
  let stdout = false;
  let force = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--stdout') stdout = true;
    else if (arg === '--force') force = true;
    else if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? argv[++index] : arg.slice('--out='.length);
      if (value === undefined || value === '' || value.startsWith('--')) throw usageError('--out needs a folder');
      out = value;
    } else if (arg.startsWith('-')) throw usageError(`unknown option ${arg}`);
    else if (input === undefined) input = arg;
    else throw usageError(`one letter at a time (got ${input} and ${arg})`);
  }
  if (input === undefined) throw usageError('no letter given');
  return { input, out: out ?? path.join(contentDir(), 'reports'), stdout, force };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** How to show a path: relative to the working folder when it is inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** The site's content folder: content/, or CONTENT_DIR's. */
function contentDir(): string {
  return process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : path.join(repoRoot, 'content');
}

/** Is the folder the content folder or inside it? */
function insideContent(folder: string): boolean {
  const relative = path.relative(contentDir(), path.resolve(folder));
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The taxonomy, for theme suggestions: content/themes.yaml (or CONTENT_DIR's). Without the file,
 * the letter is imported unannotated; a broken file is refused, as the build would refuse it.
 */
async function loadThemes(input: string, io: Io): Promise<ThemeKeywords[] | undefined> {
  const file = path.join(contentDir(), 'themes.yaml');
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

async function run(args: Args, io: Io): Promise<number> {
  const themes = await loadThemes(args.input, io);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(args.input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new ImportError('not-found', args.input, 'the file does not exist', 'check the path to the letter')
      : new ImportError('not-found', args.input, `the file cannot be read (${code ?? (error as Error).message})`, 'check the path and its permissions');
  }

  let result: ImportResult;
  if (bytes.length === 0) {
    throw new ImportError('empty', args.input, 'the file is empty', 'pass the file that holds the letter’s text (or its PDF)');
  } else if (looksLikePdf(bytes, args.input)) {
    result = await importPdf(bytes, { fileName: args.input, themes });
  } else {
    result = importDocument(decodeText(bytes, args.input), { fileName: args.input, themes });
  }

  // Another council's document: printed with a warning; written into content/ only with --force.
  const otherCouncil = otherCouncilWarning(result.frontmatter.authority);
  if (otherCouncil && !args.stdout && !args.force && insideContent(args.out)) {
    throw new ImportError('other-council', args.input, otherCouncil, 'check it is the right file; pass --stdout to print it, or --force to write it into content/ anyway');
  }
  if (otherCouncil) io.stderr(`import: warning: ${args.input}: ${otherCouncil}\n`);

  if (args.stdout) {
    io.stdout(result.mdx);
  } else {
    const outDir = path.resolve(args.out);
    if (!(await stat(outDir).then((s) => s.isDirectory(), () => false))) {
      throw new ImportError('no-output-folder', args.input, `the output folder ${args.out} does not exist`, 'create it, or pass another with --out');
    }
    const target = path.join(outDir, `${result.slug}.mdx`);
    if (!args.force && (await exists(target))) {
      throw new ImportError(
        'exists',
        args.input,
        `${shown(target)} already exists`,
        'pass --force to overwrite it, or remove the file',
      );
    }
    // Atomic: a temporary file in the target folder (so the rename stays on one file system),
    // renamed over the target; removed again on any failure.
    const temp = path.join(outDir, `.${result.slug}.mdx.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temp, result.mdx, { flag: 'wx' });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw new ImportError('internal', args.input, `could not write ${shown(target)} (${(error as Error).message})`, 'check the folder is writable');
    }
    io.stdout(`${shown(target)}\n`);
  }
  for (const note of result.notes) io.stderr(`import: ${note}\n`);
  if (result.missing.length > 0) {
    io.stderr(`import: could not find: ${result.missing.join(', ')} (fill these in by hand)\n`);
  }
  if (themes) {
    io.stderr(
      'import: themes are suggested for every paragraph, marked `suggested`: review each one, add `progress` where a paragraph speaks to a 2018 weakness, then delete the word (the build refuses unreviewed suggestions)\n',
    );
  }
  return EXIT.ok;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      io.stdout(`Usage: ${USAGE}\n`);
      return EXIT.ok;
    }
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
