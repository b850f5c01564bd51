/**
 * Runs one build (the site's scripts/build.ts, or the control's `astro build`) and measures it:
 * wall time of the whole process tree, split into named phases by the arrival time of marker lines
 * in its log (phases.ts), the time Astro gives each page, the Pagefind indexing
 * time the site logs ("indexed N report pages in X ms"), and the peak resident memory of the whole
 * process tree (Astro's Node process, esbuild's service, Pagefind's native binary), sampled
 * from /proc every 100 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DURATION, lineCollector, pageTimes, parseAstroDuration, phaseAt, plainText, splitPhases, type LogLine, type PageTime, type Phase, type PhaseDefinition } from './phases.ts';

const SAMPLE_EVERY_MS = 100;

/**
 * Variables that change what `astro build` does when inherited: Vite's mode and base (set when
 * the bench is started from Vitest or another Vite tool), and the site's own base path and
 * address (the bench serves and measures a build at `/`).
 */
const STRIPPED_ENV = ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_PATH', 'SITE_URL'];

export interface BuildRequest {
  /** The project root: the repository, or the control project. */
  cwd: string;
  /**
   * What Node runs, before `--outDir <outDir>`: the site's build script (astro build, then the
   * search index), or the control's `astro build`.
   */
  command: string[];
  outDir: string;
  env?: Record<string, string>;
  /** Folders removed before the build, so that every run is a cold build (content cache, dist). */
  clean: string[];
  /** The phases its log goes through (phases.ts: SITE_PHASES or CONTROL_PHASES). */
  phases: readonly PhaseDefinition[];
}

export interface BuildMeasure {
  seconds: number;
  /** From the site's log line; undefined for the control, which has no search index. */
  indexSeconds?: number;
  indexedPages?: number;
  /** The paragraphs' preview pages (scripts/preview-pages.ts), from the site's log line; undefined for the control. */
  previewSeconds?: number;
  previewPages?: number;
  peakRssBytes: number;
  /** At the peak: resident bytes by process name. */
  peakRssByProcess: Record<string, number>;
  /** The phase under way when the peak was sampled (its label): whose memory it is. */
  peakPhase?: string;
  /** The wall time split at marker lines by their arrival (phases.ts); they add up to `seconds`. */
  phases: Phase[];
  /** Astro's per-page lines: each built file and the time Astro gives it. */
  pages: PageTime[];
  /** Astro's own figures for two of the phases, to check the arrival times against. */
  astroLog: AstroLogTimes;
}

/**
 * Astro's own timings: Vite bundling the pages and every MDX module ("[vite] ✓ built in", summed),
 * and rendering every page ("✓ Completed in", the line without a tag). In any form Astro prints a
 * duration: "194ms", "2.34s", "1m 24s".
 */
export interface AstroLogTimes {
  bundleSeconds?: number;
  pagesSeconds?: number;
}

export function parsePhases(log: string): AstroLogTimes {
  const plain = plainText(log);
  const bundles = [...plain.matchAll(new RegExp(String.raw`\[vite\] ✓ built in (${DURATION})(?![\w.])`, 'g'))].map((match) => parseAstroDuration(match[1]!)!);
  const pages = new RegExp(String.raw`^\d\d:\d\d:\d\d ✓ Completed in (${DURATION})\.`, 'm').exec(plain);
  return {
    bundleSeconds: bundles.length > 0 ? bundles.reduce((sum, seconds) => sum + seconds, 0) : undefined,
    pagesSeconds: pages ? parseAstroDuration(pages[1]!) : undefined,
  };
}

/** The parent pid of every process, read from /proc/<pid>/stat (the name may hold spaces or parentheses). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended between listing and reading: it has no memory to count.
    }
  }
  return parents;
}

function descendantsAndSelf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parentPids()) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const found = [root];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]!) ?? []));
  return found;
}

/**
 * A process's resident memory and its program's name (`node`, `pagefind_extended`, `esbuild`),
 * from its command line: Node renames its main thread, so /proc/<pid>/status says "MainThread".
 */
function rssOf(pid: number): { name: string; bytes: number } {
  try {
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    const program = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return { name: path.basename(program) || '?', bytes: rss ? Number(rss[1]) * 1024 : 0 };
  } catch {
    return { name: '?', bytes: 0 };
  }
}

/** Resident memory of a process tree, in total and by process name (to see who holds it). */
export function treeRss(root: number): { total: number; byName: Record<string, number> } {
  const byName: Record<string, number> = {};
  let total = 0;
  for (const pid of descendantsAndSelf(root)) {
    const { name, bytes } = rssOf(pid);
    total += bytes;
    byName[name] = (byName[name] ?? 0) + bytes;
  }
  return { total, byName };
}

export function parseIndexLine(log: string): { pages: number; seconds: number } | undefined {
  const match = /indexed (\d+) report pages (?:\([^)]*\) )?in (\d+) ms/.exec(log);
  return match ? { pages: Number(match[1]), seconds: Number(match[2]) / 1000 } : undefined;
}

export function parsePreviewLine(log: string): { pages: number; seconds: number } | undefined {
  const match = /wrote (\d+) paragraph preview pages in (\d+) ms/.exec(log);
  return match ? { pages: Number(match[1]), seconds: Number(match[2]) / 1000 } : undefined;
}

/** Builds under way, so that an interrupted bench can stop them before removing their folders. */
const running = new Set<ChildProcess>();

/** Stops every build under way and waits (up to 5 s) until they have exited. */
export async function stopBuilds(): Promise<void> {
  const exits = [...running].map(
    (child) =>
      new Promise<void>((resolve) => {
        child.once('close', () => resolve());
        child.kill('SIGTERM');
        setTimeout(resolve, 5000).unref();
      }),
  );
  await Promise.all(exits);
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !STRIPPED_ENV.includes(key)));
  return { ...env, ...extra };
}

export async function runBuild(request: BuildRequest): Promise<BuildMeasure> {
  for (const folder of request.clean) await rm(folder, { recursive: true, force: true });
  const started = performance.now();
  // process.execPath: the project's Node 24, whichever way the bench was started.
  const child = spawn(process.execPath, [...request.command, '--outDir', request.outDir], {
    cwd: request.cwd,
    env: cleanEnv(request.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('close', () => running.delete(child));
  // Each stream's lines, stamped with their arrival; and the whole log for the line parsers.
  let log = '';
  const streams = [lineCollector(), lineCollector()];
  const elapsed = (): number => (performance.now() - started) / 1000;
  const listen = (stream: NodeJS.ReadableStream, lines: ReturnType<typeof lineCollector>): void => {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      lines.push(chunk, elapsed());
      log += chunk;
    });
    stream.on('end', () => lines.end(elapsed()));
  };
  listen(child.stdout, streams[0]!);
  listen(child.stderr, streams[1]!);
  let peak: ReturnType<typeof treeRss> = { total: 0, byName: {} };
  let peakAt = 0;
  const sample = (): void => {
    if (child.pid === undefined) return;
    const now = treeRss(child.pid);
    if (now.total > peak.total) {
      peak = now;
      peakAt = elapsed();
    }
  };
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);
  sample();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  }).finally(() => clearInterval(sampler));
  const seconds = elapsed();
  if (code !== 0) throw new Error(`the build in ${request.cwd} failed (exit ${code}):\n${log.slice(-4000)}`);
  const lines: LogLine[] = [...streams[0]!.lines, ...streams[1]!.lines].sort((a, b) => a.at - b.at);
  let phases: Phase[];
  try {
    phases = splitPhases(lines, seconds, request.phases);
  } catch (error) {
    throw new Error(`${(error as Error).message}\nThe build in ${request.cwd} logged (last lines):\n${plainText(log).slice(-4000)}`);
  }
  const index = parseIndexLine(log);
  const previews = parsePreviewLine(log);
  return {
    seconds,
    indexSeconds: index?.seconds,
    indexedPages: index?.pages,
    previewSeconds: previews?.seconds,
    previewPages: previews?.pages,
    peakRssBytes: peak.total,
    peakRssByProcess: peak.byName,
    peakPhase: phaseAt(phases, peakAt)?.label,
    phases,
    pages: pageTimes(lines),
    astroLog: parsePhases(log),
  };
}

/** The control's command: Astro's own CLI, resolved from the repository's node_modules. */
export function astroBuildCommand(repoRoot: string): string[] {
  return [path.join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'];
}

/**
 * The site's command: npm run build's script, in the project copy being built. `--local`: the bench
 * builds a copy to measure on this machine, for the local address (src/lib/site/address.ts), as
 * `npm start` does; SITE_URL is stripped from its environment, so no other address leaks in.
 */
export function siteBuildCommand(projectRoot: string): string[] {
  return [path.join(projectRoot, 'scripts/build.ts'), '--local'];
}
