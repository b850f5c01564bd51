/**
 * What the commands that write files share (`npm run import`, `npm run england`, `npm run anchors`):
 * exit codes, writing a file whole, and where they print, given as a parameter so that a test can run a command in-process and read
 * what it printed.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
