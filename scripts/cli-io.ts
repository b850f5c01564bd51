/**
 * What the commands that write files share (`npm run import`, `npm run england`, `npm run
 * neighbours`, `npm run anchors`): exit codes, how a path is shown, the arguments of a command over
 * a folder of documents, writing a file or a folder whole, and where they print, given as a
 * parameter so that a test can run a command in-process and read what it printed.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** Exit codes: 0 done, 1 refused (nothing written), 2 wrong usage. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The process's own output. */
export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/**
 * Writes the text whole or not at all: a temporary file in the target's folder (so the rename
 * stays on one file system), renamed over the target; removed again on any failure, which is
 * thrown on.
 */
export async function writeAtomically(target: string, text: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}

/** The site's content folder: content/, or CONTENT_DIR's (the tests' fixtures). */
export function contentFolder(): string {
  return process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : path.resolve(import.meta.dirname, '..', 'content');
}

/** How to show a path: relative to the working folder when it is inside it. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * `[<folder>] [--out <target>] [--help]`, the arguments of `npm run england` and `npm run
 * neighbours`: 'help', or the folder and target given (absent where not given). Throws, in words
 * for the reader, on anything else; `outWhat` says what --out names ("file", "folder").
 */
export function folderArguments(argv: readonly string[], outWhat: string): 'help' | { folder?: string; out?: string } {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return 'help';
  if (positionals.length > 1) throw new Error(`one folder at a time (got ${positionals.join(' and ')})`);
  if (values.out !== undefined && (values.out === '' || values.out.startsWith('--'))) throw new Error(`--out needs the ${outWhat} to write`);
  return { folder: positionals[0], out: values.out };
}

/**
 * Replaces a folder with these files (paths relative to it), whole or not at all: they are
 * written into a new folder beside it, which is then renamed into its place (the old one renamed
 * aside first, and removed; put back if the rename fails).
 */
export async function writeFolderAtomically(out: string, files: ReadonlyArray<{ path: string; text: string }>): Promise<void> {
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
  const hadOld = await rename(out, old).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  try {
    await rename(fresh, out);
  } catch (error) {
    if (hadOld) await rename(old, out);
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
