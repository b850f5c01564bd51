/**
 * The build and page-weight benchmark: how the site scales to 1,000 and 2,000 reports, against
 * two bare Astro projects that render the same MDX (one with each of Astro 7's Markdown
 * processors, unified and Sätteri), and what visitors download.
 *
 * Usage: npm run bench -- [options]
 *
 *   --reports <N[,N...]>  synthetic corpus sizes to run, e.g. --reports 1000,2000 (or repeat the
 *                         flag); default 1000
 *   --real                also run the real corpus (a copy of content/)
 *   --real-only           run only the real corpus
 *   --england             add the 183 real Ofsted reports in ../shared (SHARED_DIR) to every corpus
 *                         run, imported by the importer (scripts/bench/england.ts): corpora
 *                         `synthetic-N+england`, `real+england`; fails, naming the folder, if it
 *                         is not there. Results go to bench/results-england.json (with --quick,
 *                         bench/quick-england.json), beside, not over, the synthetic corpus's
 *   --runs <N>            cold builds of each project (the site, each control) per corpus
 *                         (median, min, max); default 3
 *   --seed <N>            seed of the corpus generator (same seed, same files); default 1
 *   --out <file>          where to write the results; default bench/results.json
 *   --keep                keep the temporary folder (corpora, builds) and print where it is
 *   --quick               a few minutes' check for a change to the build: 300 reports, one run of
 *                         each project, written to bench/quick.json (other flags still apply), and
 *                         a last line with the two ratios to record with the commit
 *
 * For each corpus it:
 * 1. writes the content into a temporary folder (never content/): the real YAML files and 2018
 *    report, plus N generated reports shaped like the real ones (scripts/bench/corpus.ts); with
 *    --england, plus the real reports of ../shared as the importer reads them, each moved to a
 *    month of its own where its slug is taken (scripts/bench/england.ts);
 * 2. builds the site over it (CONTENT_DIR), timing the whole `npm run build` (scripts/build.ts:
 *    astro build, then the paragraphs' preview pages and the search index at once), reading the preview
 *    pages' count and time and the Pagefind indexing time from its log, and sampling the peak memory of the whole process tree. The
 *    build runs in a copy of the project taken at the start (scripts/bench/project.ts), so that
 *    it cannot collide with other builds in this checkout through .astro/;
 * 3. builds two bare control projects over the same MDX files (scripts/bench/control.ts): one
 *    with the unified processor, one with Sätteri, Astro 7's default, neither with plugins; as
 *    many times, alternating with the site so that any drift in the machine hits all three alike;
 * 4. measures transferred bytes: a typical report page, the home page, the matrix (/weaknesses/),
 *    the Pagefind index, and a first search for "children" in headless Chromium.
 * Every build is cold: the output folder and the content cache are removed first.
 *
 * Each corpus's results carry the keys the targets read: `ratioToUnifiedControl` and
 * `ratioToSatteriControl` (the site's build + index over each control's build, medians),
 * `memoryRatioToSatteriControl` (peak memory, worst runs) and `firstQueryKB` (gzipped).
 *
 * It prints a table with each target and whether it is met (it never fails on a miss), writes
 * the results (commit them), and removes its temporary folder, on error too.
 *
 * Mind the machine: the timings are only comparable between runs on an otherwise idle machine;
 * the load average at the start is recorded in the results.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { astroBuildCommand, runBuild, siteBuildCommand, stopBuilds, type BuildMeasure } from './bench/build.ts';
import { CONTROL_PROCESSORS, writeControlProject, type ControlProcessor, type ControlProject } from './bench/control.ts';
import { snapshotProject } from './bench/project.ts';
import { writeCorpus } from './bench/corpus.ts';
import { englandFolders, importEngland, writeEngland, type EnglandImport } from './bench/england.ts';
import { CONTROL_PHASES, SITE_PHASES } from './bench/phases.ts';
import { measureReports, type Profile } from './bench/profile.ts';
import { seededRandom } from './bench/random.ts';
import { compare, evaluateTargets, formatResults, phaseSpreads, quickSummary, renderFamilies, type ControlResult, type CorpusResult } from './bench/results.ts';
import { MB, round, spread } from './bench/stats.ts';
import { firstQuery, medianReportPath, pageWeight, pagefindIndexBytes } from './bench/weight.ts';
import type { ThemeKeywords } from '../src/lib/importer/suggest-themes.ts';
import { parseYamlList } from '../src/lib/utils/yaml-list.ts';
import { themeSchema } from '../src/lib/record/schema.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const realContentDir = path.join(repoRoot, 'content');
/** The project's source material beside the checkout, as the tests find it (tests/helpers/shared.ts). */
const sharedDir = path.resolve(process.env.SHARED_DIR ?? path.join(repoRoot, '../shared'));
const SEARCH_WORD = 'children';

interface Options {
  sizes: number[];
  real: boolean;
  england: boolean;
  runs: number;
  seed: number;
  out: string;
  keep: boolean;
  quick: boolean;
}

function positiveInteger(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`bench: ${flag} needs a whole number of at least 1, not "${value}".`);
  return number;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      reports: { type: 'string', multiple: true },
      real: { type: 'boolean', default: false },
      'real-only': { type: 'boolean', default: false },
      england: { type: 'boolean', default: false },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run bench -- [--quick] [--reports 1000[,2000]] [--real | --real-only] [--england] [--runs 3] [--seed 1] [--out bench/results.json] [--keep]');
    process.exit(0);
  }
  const sizes = values['real-only']
    ? []
    : (values.reports ?? [values.quick ? '300' : '1000']).flatMap((value) => value.split(',')).map((value) => positiveInteger(value.trim(), '--reports'));
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    real: values.real || values['real-only'],
    england: values.england,
    runs: positiveInteger(values.runs ?? (values.quick ? '1' : '3'), '--runs'),
    seed: positiveInteger(values.seed, '--seed'),
    // A corpus with the England reports is another corpus: its results never replace the synthetic ones'.
    out: path.resolve(values.out ?? path.join(repoRoot, `bench/${values.quick ? 'quick' : 'results'}${values.england ? '-england' : ''}.json`)),
    keep: values.keep,
    quick: values.quick,
  };
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((load) => round(load, 2)),
  };
}

function gitCommit(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    return dirty ? `${commit} (with uncommitted changes in src/, astro.config.mjs or package.json)` : commit;
  } catch {
    return undefined;
  }
}

interface CorpusSpec {
  name: string;
  /** Generated reports, or undefined for the real corpus. */
  size?: number;
}

/** The corpus's content folder: a copy of the real one, or a generated one. Returns its report count. */
async function prepareContent(spec: CorpusSpec, contentDir: string, options: Options, profile: Profile, england: EnglandImport | undefined): Promise<number> {
  let reports: number;
  if (spec.size === undefined) {
    await cp(realContentDir, contentDir, { recursive: true });
    reports = profile.reports;
  } else {
    // One generator per size, seeded from the seed and the size, so that a corpus does not change
    // with the other sizes run beside it.
    const random = seededRandom(options.seed * 100_003 + spec.size);
    const stats = await writeCorpus({ realContentDir, targetContentDir: contentDir, count: spec.size, random, profile });
    console.log(`  generated ${spec.size} reports (${stats.generatedParagraphs} paragraphs) and copied the real reports content/weaknesses.yaml quotes`);
    reports = stats.reports;
  }
  if (!england) return reports;
  // Written after the corpus, around its slugs, so that the corpus itself is the one run without --england.
  const { written, moved } = await writeEngland(path.join(contentDir, 'reports'), england.prepared);
  console.log(`  added ${written} of the ${england.documents} real reports of ../shared (${moved} moved to a month of their own, their slug being taken)`);
  return reports + written;
}

/** The taxonomy the importer suggests themes from, as `npm run import` reads it. */
async function readThemes(): Promise<ThemeKeywords[]> {
  const file = path.join(realContentDir, 'themes.yaml');
  const { items, problems } = parseYamlList(await readFile(file, 'utf8'), 'content/themes.yaml', themeSchema);
  if (problems.length > 0) throw new Error(`bench: content/themes.yaml: ${problems[0]!.message}`);
  return items;
}

/**
 * The real reports of ../shared, imported once for every corpus of the run. Prints how many of
 * them the corpora get and names each one left out, with the reason; fails if it got none.
 */
async function importEnglandReports(): Promise<EnglandImport> {
  const started = Date.now();
  console.log(`bench: importing the real reports in ${sharedDir}/sources/{england,neighbours} with the importer`);
  const england = await importEngland(sharedDir, await readThemes(), (done, total) => {
    if (done % 50 === 0 || done === total) console.log(`  ${done}/${total}`);
  });
  console.log(`bench: using ${england.prepared.length} of the ${england.documents} real reports (imported in ${((Date.now() - started) / 1000).toFixed(0)} s); left out ${england.leftOut.length}${england.leftOut.length > 0 ? ':' : ''}`);
  for (const item of england.leftOut) console.log(`  ${item.name}: ${item.reason}`);
  if (england.prepared.length === 0) throw new Error(`bench: none of the real reports in ${sharedDir}/sources could be used (above): not building without them.`);
  return england;
}

async function benchCorpus(spec: CorpusSpec, workDir: string, siteRoot: string, options: Options, profile: Profile, england: EnglandImport | undefined): Promise<CorpusResult> {
  console.log(`\n${spec.name}`);
  const dir = path.join(workDir, spec.name);
  // The site keeps its content cache beside CONTENT_DIR (astro.config.mjs): <dir>/site/.astro-cache.
  const siteDir = path.join(dir, 'site');
  const contentDir = path.join(siteDir, 'content');
  // Inside the project copy: Astro then keeps its prerender chunks in the output folder.
  const siteOut = path.join(siteRoot, 'dist', spec.name);
  await mkdir(siteDir, { recursive: true });
  const reports = await prepareContent(spec, contentDir, options, profile, england);
  // Each control's dist lives inside its own root, where its linked node_modules resolves the
  // packages that Astro's prerender chunks import.
  const controls: ControlProject[] = [];
  for (const processor of CONTROL_PROCESSORS) {
    controls.push(await writeControlProject(path.join(dir, `control-${processor}`), path.join(contentDir, 'reports'), repoRoot, processor));
  }

  const site: BuildMeasure[] = [];
  const bare: Record<ControlProcessor, BuildMeasure[]> = { unified: [], satteri: [] };
  for (let run = 1; run <= options.runs; run++) {
    site.push(await runBuild({ cwd: siteRoot, command: siteBuildCommand(siteRoot), outDir: siteOut, env: { CONTENT_DIR: contentDir }, clean: [siteOut, path.join(siteDir, '.astro-cache')], phases: SITE_PHASES }));
    for (const control of controls) {
      const controlOut = path.join(control.root, 'dist');
      bare[control.processor].push(await runBuild({ cwd: control.root, command: astroBuildCommand(repoRoot), outDir: controlOut, clean: [controlOut, control.cacheDir], phases: CONTROL_PHASES }));
    }
    const last = site.at(-1)!;
    const controlTimes = CONTROL_PROCESSORS.map((processor) => `${processor} ${bare[processor].at(-1)!.seconds.toFixed(1)} s`).join(', ');
    console.log(
      `  run ${run}/${options.runs}: site ${last.seconds.toFixed(1)} s (${last.previewPages ?? '?'} preview pages ${last.previewSeconds?.toFixed(2) ?? '?'} s, index ${last.indexSeconds?.toFixed(2) ?? '?'} s, peak ${(last.peakRssBytes / MB).toFixed(0)} MB); controls: ${controlTimes}`,
    );
  }
  return summarise(spec, reports, site, bare, siteOut);
}

const worstRun = (runs: readonly BuildMeasure[]): BuildMeasure => runs.reduce((a, b) => (b.peakRssBytes > a.peakRssBytes ? b : a));

/** Memory by process name at the peak of the worst run, in MB. */
function worstPeakByProcess(runs: readonly BuildMeasure[]): Record<string, number> {
  return Object.fromEntries(Object.entries(worstRun(runs).peakRssByProcess).map(([name, bytes]) => [name, bytes / MB]));
}

function controlResult(runs: readonly BuildMeasure[], reports: number): ControlResult {
  const buildSeconds = spread(runs.map((run) => run.seconds));
  return {
    buildSeconds,
    peakRssMB: spread(runs.map((run) => run.peakRssBytes / MB)),
    peakRssByProcessMB: worstPeakByProcess(runs),
    peakRssPhase: worstRun(runs).peakPhase,
    phases: phaseSpreads(runs),
    msPerReport: (buildSeconds.median * 1000) / reports,
  };
}

async function summarise(spec: CorpusSpec, reports: number, site: BuildMeasure[], bare: Record<ControlProcessor, BuildMeasure[]>, siteOut: string): Promise<CorpusResult> {
  if (site.some((run) => run.indexSeconds === undefined)) {
    throw new Error('bench: the site build did not log "indexed N report pages in X ms" (scripts/search-index.ts); cannot time the index.');
  }
  if (site.some((run) => run.previewSeconds === undefined)) {
    throw new Error('bench: the site build did not log "wrote N paragraph preview pages in X ms" (scripts/preview-pages.ts); cannot time the preview pages.');
  }
  // Every numbered paragraph of the build, from its open data (one entry per paragraph).
  const paragraphs = (JSON.parse(await readFile(path.join(siteOut, 'data/findings.json'), 'utf8')) as unknown[]).length;
  const siteResult = {
    buildSeconds: spread(site.map((run) => run.seconds)),
    indexSeconds: spread(site.map((run) => run.indexSeconds ?? 0)),
    previewSeconds: spread(site.map((run) => run.previewSeconds ?? 0)),
    previewPages: site.at(-1)!.previewPages ?? 0,
    buildWithoutIndexSeconds: spread(site.map((run) => run.seconds - (run.indexSeconds ?? 0))),
    peakRssMB: spread(site.map((run) => run.peakRssBytes / MB)),
    peakRssByProcessMB: worstPeakByProcess(site),
    peakRssPhase: worstRun(site).peakPhase,
    phases: phaseSpreads(site),
    render: renderFamilies(site),
  };
  const controls = { unified: controlResult(bare.unified, reports), satteri: controlResult(bare.satteri, reports) };
  console.log('  measuring page weight and a first search in Chromium');
  const [report, home, matrix] = await Promise.all([medianReportPath(siteOut).then((page) => pageWeight(siteOut, page)), pageWeight(siteOut, '/'), pageWeight(siteOut, '/weaknesses/')]);
  const query = await firstQuery(siteOut, SEARCH_WORD);
  return {
    name: spec.name,
    reports,
    paragraphs,
    ...compare(siteResult, controls, query),
    site: siteResult,
    controls,
    msPerReport: (siteResult.buildSeconds.median * 1000) / reports,
    pages: { report, home, matrix },
    pagefind: await pagefindIndexBytes(siteOut),
    firstQuery: query,
  };
}

/** Rounds every number for a readable, diff-friendly results file. */
const rounded = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'number' ? round(item, 3) : item)));

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const suffix = options.england ? '+england' : '';
  const specs: CorpusSpec[] = [...(options.real ? [{ name: `real${suffix}` }] : []), ...options.sizes.map((size) => ({ name: `synthetic-${size}${suffix}`, size }))];
  if (specs.length === 0) throw new Error('bench: nothing to run (give --reports or --real).');
  // Before anything else: without the folder, --england fails here, naming it.
  if (options.england) englandFolders(sharedDir);
  const england = options.england ? await importEnglandReports() : undefined;
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'herefordshire-bench-'));
  // A Ctrl+C skips `finally`: stop the build under way, then remove the temporary folder all the same.
  const removeOnSignal = (): void => {
    void stopBuilds().finally(() => {
      if (!options.keep) rmSync(workDir, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', removeOnSignal);
  process.once('SIGTERM', removeOnSignal);
  try {
    const started = new Date();
    const info = machine();
    const [loadNow = 0] = os.loadavg();
    if (loadNow > 0.5 * os.cpus().length) console.warn(`bench: the machine is busy (load ${loadNow.toFixed(1)}): the timings will be slower and noisier.`);
    const profile = await measureReports(path.join(realContentDir, 'reports'));
    console.log(`bench: ${specs.map((spec) => spec.name).join(', ')}; ${options.runs} cold build(s) each of the site and the ${CONTROL_PROCESSORS.join(' and ')} controls; working in ${workDir}`);
    // The commit of the code measured: read when the project is copied, not at the end, when the
    // checkout may have moved on (the runs take up to half an hour).
    const commit = gitCommit();
    const siteRoot = await snapshotProject(repoRoot, path.join(workDir, 'project'));
    const results: CorpusResult[] = [];
    for (const spec of specs) results.push(await benchCorpus(spec, workDir, siteRoot, options, profile, england));
    const targets = evaluateTargets(results);
    console.log(`\n${formatResults(results, targets)}`);
    if (england) console.log(`\nThe +england corpora hold ${england.prepared.length} of the ${england.documents} real reports of ../shared beside their own: the targets' corpora are the ones without them.`);
    const output = {
      date: started.toISOString(),
      durationMinutes: round((Date.now() - started.getTime()) / 60_000, 1),
      commit,
      machine: { ...info, loadAverageAtEnd: os.loadavg().map((load) => round(load, 2)) },
      options: { runs: options.runs, seed: options.seed, reports: options.sizes, real: options.real, england: options.england, searchWord: SEARCH_WORD },
      ...(england && { england: { documents: england.documents, used: england.prepared.length, leftOut: england.leftOut } }),
      units: { seconds: 'wall time of the whole build (the site: astro build, then the search index; each control: astro build)', MB: '1,048,576 bytes', pageBytes: 'gzip bytes (node:zlib, default level 6)', firstQueryBytes: 'response bodies as received by Chromium; served uncompressed', firstQueryKB: 'the same responses gzipped (node:zlib) as a compressing host sends them; Pagefind\'s own files are gzip already' },
      results,
      targets,
    };
    await mkdir(path.dirname(options.out), { recursive: true });
    await writeFile(options.out, `${JSON.stringify(rounded(output), null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), options.out) || options.out}`);
    if (options.quick) for (const line of quickSummary(results.filter((result) => !result.name.startsWith('real')), options.runs, output.commit)) console.log(line);
  } finally {
    if (options.keep) console.log(`Kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
