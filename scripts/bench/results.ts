/**
 * The benchmark's results: their shape (as written to bench/results.json), the targets they are
 * checked against, and the table printed at the end. Targets are reported, never asserted: a
 * miss is a finding to act on, not a failed command.
 */
import { CONTROL_PROCESSORS, type ControlProcessor } from './control.ts';
import type { BuildMeasure } from './build.ts';
import { FAMILY_PATHS, PAGE_FAMILIES, RENDER_PHASE, renderByFamily, type PageFamily } from './phases.ts';
import type { FirstQuery, PageWeight } from './weight.ts';
import { KB, round, spread, type Spread } from './stats.ts';

/** A bare control's builds over the corpus (control.ts). */
export interface ControlResult {
  buildSeconds: Spread;
  peakRssMB: Spread;
  peakRssByProcessMB: Record<string, number>;
  /** The phase under way at the worst run's peak (its label). */
  peakRssPhase?: string;
  phases: PhaseSpreads;
  /** Median build per report, in milliseconds. */
  msPerReport: number;
}

/** The site against the two controls, and what a first search costs: the keys the targets read. */
export interface Comparisons {
  /** Median site build (astro build, then the search index) over the unified control's median build. */
  ratioToUnifiedControl: number;
  /** The same over the Sätteri control's. */
  ratioToSatteriControl: number;
  /** The site's peak memory over the Sätteri control's, worst run against worst run. */
  memoryRatioToSatteriControl: number;
  /** The first search, gzipped as a compressing host sends it, in KB. */
  firstQueryKB: number;
}

export function compare(site: { buildSeconds: Spread; peakRssMB: Spread }, controls: Record<ControlProcessor, Pick<ControlResult, 'buildSeconds' | 'peakRssMB'>>, firstQuery: Pick<FirstQuery, 'gzipBytes'>): Comparisons {
  return {
    ratioToUnifiedControl: site.buildSeconds.median / controls.unified.buildSeconds.median,
    ratioToSatteriControl: site.buildSeconds.median / controls.satteri.buildSeconds.median,
    memoryRatioToSatteriControl: site.peakRssMB.max / controls.satteri.peakRssMB.max,
    firstQueryKB: firstQuery.gzipBytes / KB,
  };
}

export interface CorpusResult extends Comparisons {
  /** `real`, or `synthetic-<N>` for N generated reports. */
  name: string;
  /** Reports in the corpus (a synthetic corpus also holds the real 2018 baseline report). */
  reports: number;
  /** Paragraphs and list items indexed, from the site's own build log. */
  paragraphs: number;
  site: {
    buildSeconds: Spread;
    indexSeconds: Spread;
    /** Writing the paragraphs' preview pages (/r/<slug>/<anchor>/, scripts/preview-pages.ts), after astro build. */
    previewSeconds: Spread;
    /** How many preview pages were written: one per paragraph. */
    previewPages: number;
    /** Build time without Pagefind: each run's total minus its indexing time. */
    buildWithoutIndexSeconds: Spread;
    peakRssMB: Spread;
    /** At the worst run's peak: MB by process name (node, pagefind_extended, esbuild...). */
    peakRssByProcessMB: Record<string, number>;
    /** The phase under way at the worst run's peak (its label). */
    peakRssPhase?: string;
    phases: PhaseSpreads;
    /** The rendering phase by page family. */
    render: RenderFamilies;
  };
  /** The bare controls over the same files, built in the same runs: `unified` and `satteri`. */
  controls: Record<ControlProcessor, ControlResult>;
  /** Median site build per report, in milliseconds. */
  msPerReport: number;
  pages: { report: PageWeight; home: PageWeight; matrix: PageWeight };
  pagefind: { indexBytes: number; files: number };
  firstQuery: FirstQuery;
}

/**
 * Where the time goes (scripts/bench/phases.ts): the wall time split at marker lines in the log by
 * their arrival, medians over the runs, in the order the build goes through them.
 */
export interface PhaseSpreads {
  /** Seconds by phase id (startUp, contentSync, bundling, rendering, ...). */
  seconds: Record<string, Spread>;
  /** What each phase is, by id, as the table prints it. */
  labels: Record<string, string>;
  /** Astro's own figures for bundling ("[vite] ✓ built in", summed) and rendering ("✓ Completed in"). */
  astroLog: { bundleSeconds?: Spread; pagesSeconds?: Spread };
}

/** The rendering phase by page family: the sum of Astro's per-page times, and what they leave over. */
export interface RenderFamilies {
  families: Partial<Record<PageFamily, { pages: number; seconds: Spread; slowestPage: { path: string; ms: number } }>>;
  /** The rendering phase less the pages' own times (getStaticPaths, between pages). */
  betweenPagesSeconds: Spread;
}

/**
 * Phase medians over the runs, in the order the build goes through them (each run's phases add up
 * to its wall time; the medians of a phase need not add up to the median wall time). Astro's own
 * figures for bundling and rendering come along, to check the arrival times against.
 */
export function phaseSpreads(runs: readonly BuildMeasure[]): PhaseSpreads {
  const seconds: Record<string, Spread> = {};
  for (const phase of runs[0]!.phases) seconds[phase.id] = spread(runs.map((run) => run.phases.find((item) => item.id === phase.id)!.seconds));
  const labels = Object.fromEntries(runs[0]!.phases.map((phase) => [phase.id, phase.label]));
  const astro = (pick: (run: BuildMeasure) => number | undefined): Spread | undefined => {
    const values = runs.map(pick);
    return values.every((value) => value !== undefined) ? spread(values as number[]) : undefined;
  };
  return { seconds, labels, astroLog: { bundleSeconds: astro((run) => run.astroLog.bundleSeconds), pagesSeconds: astro((run) => run.astroLog.pagesSeconds) } };
}

/** The rendering phase by page family (phases.ts), medians over the runs; the slowest page over all of them. */
export function renderFamilies(runs: readonly BuildMeasure[]): RenderFamilies {
  const breakdowns = runs.map((run) => renderByFamily(run.pages, run.phases.find((phase) => phase.id === RENDER_PHASE)!.seconds));
  const families: RenderFamilies['families'] = {};
  for (const family of PAGE_FAMILIES) {
    const times = breakdowns.map((breakdown) => breakdown.families[family]);
    if (times.every((time) => time === undefined)) continue;
    const slowest = times.reduce((a, b) => (b && (!a || b.slowest.seconds > a.slowest.seconds) ? b : a))!.slowest;
    families[family] = { pages: times.at(-1)?.pages ?? 0, seconds: spread(times.map((time) => time?.seconds ?? 0)), slowestPage: { path: slowest.path, ms: slowest.seconds * 1000 } };
  }
  return { families, betweenPagesSeconds: spread(breakdowns.map((breakdown) => breakdown.betweenPagesSeconds)) };
}

export interface Target {
  id: string;
  description: string;
  corpus: string;
  value: number;
  limit: number;
  unit: string;
  met: boolean;
  note?: string;
}

const byName = (results: readonly CorpusResult[], name: string): CorpusResult | undefined => results.find((result) => result.name === name);

function target(id: string, description: string, corpus: string, value: number, limit: number, unit: string, note?: string): Target {
  return { id, description, corpus, value: round(value, 3), limit, unit, met: value <= limit, ...(note && { note }) };
}

/** The targets the runs allow checking; a target whose corpus was not run is left out (and said so in the table). */
export function evaluateTargets(results: readonly CorpusResult[]): Target[] {
  const targets: Target[] = [];
  const at1000 = byName(results, 'synthetic-1000');
  const at2000 = byName(results, 'synthetic-2000');
  const real = byName(results, 'real');
  if (at1000) {
    targets.push(target('build-vs-unified', 'build + index <= 0.8x the bare unified control, at 1,000 reports', at1000.name, at1000.ratioToUnifiedControl, 0.8, 'x'));
    targets.push(target('build-vs-satteri', 'build + index <= 1.3x the bare Sätteri control, at 1,000 reports', at1000.name, at1000.ratioToSatteriControl, 1.3, 'x'));
  }
  if (at1000 && at2000) {
    const scaling = at2000.site.buildSeconds.median / at1000.site.buildSeconds.median;
    targets.push(target('scaling', 'build at 2,000 reports <= 2.1x the build at 1,000', at2000.name, scaling, 2.1, 'x'));
  }
  if (at2000) {
    targets.push(
      target('peak-rss-vs-satteri', 'peak memory (whole process tree, worst run) <= 1.15x the bare Sätteri control, at 2,000 reports', at2000.name, at2000.memoryRatioToSatteriControl, 1.15, 'x',
        `${round(at2000.site.peakRssMB.max / 1024, 2)} GB against ${round(at2000.controls.satteri.peakRssMB.max / 1024, 2)} GB`),
    );
  }
  for (const result of results) {
    targets.push(target('report-page', `typical report page (${result.pages.report.path}) <= 30 KB transferred`, result.name, result.pages.report.total / KB, 30, 'KB'));
    targets.push(target('home-page', 'home page <= 50 KB transferred', result.name, result.pages.home.total / KB, 50, 'KB'));
    // Issue 23: the matrix stays usable and under 100 KB at 1,000 reports (it shows the latest visits).
    targets.push(target('matrix-page', 'the matrix (/weaknesses/) < 100 KB transferred', result.name, result.pages.matrix.total / KB, 100, 'KB'));
  }
  const queryTarget = (result: CorpusResult | undefined, limit: number): void => {
    if (!result) return;
    const query = result.firstQuery;
    targets.push(
      target('first-query', `first search for "${query.word}" <= ${limit} KB gzipped, fetched from /pagefind/`, result.name, result.firstQueryKB, limit, 'KB',
        `gzipped as a compressing host sends it; scripts/serve.ts, which does not compress, sends ${round(query.bytes / KB, 1)} KB`),
    );
  };
  queryTarget(real, 90);
  queryTarget(at1000, 150);
  return targets;
}

const pad = (text: string, width: number): string => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const padLeft = (text: string, width: number): string => (text.length >= width ? text : ' '.repeat(width - text.length) + text);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === 0 ? pad(cell, widths[column]!) : padLeft(cell, widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const seconds = (spread: Spread): string => `${spread.median.toFixed(1)} (${spread.min.toFixed(1)}-${spread.max.toFixed(1)})`;
const byProcess = (mb: Record<string, number>): string =>
  Object.entries(mb)
    .sort((a, b) => b[1] - a[1])
    .map(([name, value]) => `${name} ${value.toFixed(0)}`)
    .join(', ');
const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)}`;

const share = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(0)}%` : '-');
const runsOf = (spread: Spread): string => `${spread.runs.length} run${spread.runs.length === 1 ? '' : 's'}`;

/** Where the time goes, one table per project (the site, each control): every phase, then the wall time. */
function phaseTables(result: CorpusResult): string[] {
  const projects: { name: string; buildSeconds: Spread; phases: PhaseSpreads; peak: Record<string, number>; peakPhase?: string }[] = [
    { name: 'site', buildSeconds: result.site.buildSeconds, phases: result.site.phases, peak: result.site.peakRssByProcessMB, peakPhase: result.site.peakRssPhase },
    ...CONTROL_PROCESSORS.map((processor) => {
      const control = result.controls[processor];
      return { name: `${processor} control`, buildSeconds: control.buildSeconds, phases: control.phases, peak: control.peakRssByProcessMB, peakPhase: control.peakRssPhase };
    }),
  ];
  return projects.flatMap((project) => {
    const total = project.buildSeconds.median;
    const rows = Object.entries(project.phases.seconds).map(([id, spread]) => [project.phases.labels[id] ?? id, seconds(spread), share(spread.median, total)]);
    const { bundleSeconds, pagesSeconds } = project.phases.astroLog;
    const astro = [bundleSeconds && `bundling ${bundleSeconds.median.toFixed(1)} s ("[vite] ✓ built in", summed)`, pagesSeconds && `rendering ${pagesSeconds.median.toFixed(1)} s ("✓ Completed in")`].filter(Boolean);
    return [
      `Where the time goes: ${result.name}, ${project.name} (seconds, median (min-max) of ${runsOf(project.buildSeconds)}; each run's phases add up to its wall time)`,
      table(['phase (ends at a line of the log, scripts/bench/phases.ts)', 's med (min-max)', 'share'], [...rows, ['total: wall time', seconds(project.buildSeconds), '100%']]),
      ...(astro.length > 0 ? [`Astro's own figures: ${astro.join(', ')}.`] : []),
      `Peak MB by process (worst run): ${byProcess(project.peak)}${project.peakPhase ? `, during ${project.peakPhase.split(':')[0]}` : ''}.`,
      '',
    ];
  });
}

/** The site's rendering phase by page family, and what Astro's per-page times leave over. */
function renderTable(result: CorpusResult): string {
  const { families, betweenPagesSeconds } = result.site.render;
  const rendering = result.site.phases.seconds.rendering;
  const whole = rendering?.median ?? 0;
  const rows = PAGE_FAMILIES.flatMap((family: PageFamily) => {
    const time = families[family];
    if (!time) return [];
    return [[`${family} (${FAMILY_PATHS[family]})`, String(time.pages), seconds(time.seconds), ((time.seconds.median * 1000) / Math.max(time.pages, 1)).toFixed(1), `${time.slowestPage.path} (${time.slowestPage.ms.toFixed(0)})`, share(time.seconds.median, whole)]];
  });
  return [
    `Rendering pages by family: ${result.name}, site (Astro's "(+Nms)" per page, summed; seconds, median (min-max) of ${runsOf(result.site.buildSeconds)})`,
    table(
      ['family', 'pages', 's med (min-max)', 'ms/page', 'slowest page (ms)', 'share'],
      [
        ...rows,
        ['render: between pages (getStaticPaths, work outside a page\'s timer)', '', seconds(betweenPagesSeconds), '', '', share(betweenPagesSeconds.median, whole)],
        ...(rendering ? [['total: the rendering phase', String(Object.values(families).reduce((sum, time) => sum + time.pages, 0)), seconds(rendering), '', '', '100%']] : []),
      ],
    ),
    '',
  ].join('\n');
}

export function formatResults(results: readonly CorpusResult[], targets: readonly Target[]): string {
  const builds = table(
    ['corpus', 'reports', 'paragraphs', 'build s med (min-max)', 'index s', 'previews s (pages)', 'build-index s', 'peak MB', 'unified s med (min-max)', 'unified MB', 'Sätteri s med (min-max)', 'Sätteri MB', 'x unified', 'x Sätteri', 'memory x Sätteri', 'ms/report'],
    results.map((result) => [
      result.name,
      String(result.reports),
      String(result.paragraphs),
      seconds(result.site.buildSeconds),
      result.site.indexSeconds.median.toFixed(2),
      `${result.site.previewSeconds.median.toFixed(2)} (${result.site.previewPages})`,
      result.site.buildWithoutIndexSeconds.median.toFixed(1),
      result.site.peakRssMB.max.toFixed(0),
      seconds(result.controls.unified.buildSeconds),
      result.controls.unified.peakRssMB.max.toFixed(0),
      seconds(result.controls.satteri.buildSeconds),
      result.controls.satteri.peakRssMB.max.toFixed(0),
      `${result.ratioToUnifiedControl.toFixed(2)}x`,
      `${result.ratioToSatteriControl.toFixed(2)}x`,
      `${result.memoryRatioToSatteriControl.toFixed(2)}x`,
      result.msPerReport.toFixed(1),
    ]),
  );
  const weights = table(
    ['corpus', 'report KB (html+css+js)', 'home KB', 'home HTML raw KB', 'matrix KB', 'matrix HTML raw KB', 'pagefind index KB', 'first query KB gzipped (uncompressed)', 'requests'],
    results.map((result) => {
      const { report, home, matrix } = result.pages;
      const split = (page: PageWeight): string => `${kb(page.total)} (${kb(page.html)}+${kb(page.css)}+${kb(page.js)})`;
      return [
        result.name,
        split(report),
        split(home),
        kb(home.htmlRaw),
        split(matrix),
        kb(matrix.htmlRaw),
        kb(result.pagefind.indexBytes),
        `${result.firstQueryKB.toFixed(1)} (${kb(result.firstQuery.bytes)})`,
        String(result.firstQuery.requests),
      ];
    }),
  );
  const timeTables = results.flatMap((result) => [...phaseTables(result), renderTable(result)]);
  const checks = table(
    ['target', 'corpus', 'value', 'limit', 'met'],
    targets.map((item) => [item.description, item.corpus, `${item.value.toFixed(2)} ${item.unit}`, `${item.limit} ${item.unit}`, item.met ? 'yes' : 'NO']),
  );
  const notes = targets.filter((item) => item.note).map((item) => `  ${item.corpus} ${item.id}: ${item.note}`);
  const missing: string[] = [];
  if (!byName(results, 'synthetic-1000')) missing.push('the 1,000-report targets need --reports 1000');
  if (!byName(results, 'synthetic-2000')) missing.push('the 2,000-report targets need --reports 2000 (scaling also needs 1000)');
  if (!byName(results, 'real')) missing.push('the real-corpus search target needs --real');
  return [
    'Builds (seconds; peak memory is the worst run, MB = 1,048,576 bytes)',
    builds,
    '',
    ...timeTables,
    'Transferred bytes (KB = 1,024 bytes; gzip of the HTML + the CSS and JS it loads on first view)',
    weights,
    '',
    'Targets (reported, not asserted)',
    checks,
    ...(notes.length > 0 ? ['', 'Notes:', ...notes] : []),
    ...(missing.length > 0 ? ['', `Not checked in this run: ${missing.join('; ')}.`] : []),
  ].join('\n');
}

/**
 * The lines `npm run bench -- --quick` ends with: the two ratios a change to the build records in
 * its commit (README, Performance). Ratios, not seconds: the controls are built in the same run,
 * so a busy machine slows all three alike.
 */
export function quickSummary(results: readonly Pick<CorpusResult, 'name' | 'reports' | 'ratioToUnifiedControl' | 'ratioToSatteriControl'>[], runs: number, commit: string | undefined): string[] {
  const at = commit ? ` at ${commit.slice(0, 7)}` : '';
  return results.map(
    (result) =>
      `quick${at}: ${result.name} (${result.reports} reports, ${runs} run${runs === 1 ? '' : 's'}): build + index ${result.ratioToUnifiedControl.toFixed(2)}x the unified control, ${result.ratioToSatteriControl.toFixed(2)}x the Sätteri control`,
  );
}

