/**
 * What the commands that write files share (`npm run import`, `npm run england`): their exit codes
 * and where they print, given as a parameter so that a test can run a command in-process and read
 * what it printed.
 */

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
