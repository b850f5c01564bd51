/**
 * The benchmark's profile: every second of a build named. Checked on real logs, recorded with each
 * line's arrival time (seconds since the build started): tests/fixtures/bench/site-build.log is
 * `npm run build` over the real content, control-build.log a Sätteri control's `astro build`
 * (a run of warnings shortened to one, machine paths replaced with dist/).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePhases, type BuildMeasure } from '../../../scripts/bench/build.ts';
import {
  CONTROL_PHASES,
  lineCollector,
  MissingLogLineError,
  pageFamily,
  pageTimes,
  parseAstroDuration,
  plainText,
  renderByFamily,
  SITE_PHASES,
  phaseAt,
  splitPhases,
  type LogLine,
  type Phase,
} from '../../../scripts/bench/phases.ts';
import { evaluateTargets, formatResults, phaseSpreads, renderFamilies, type ControlResult, type CorpusResult } from '../../../scripts/bench/results.ts';
import { spread } from '../../../scripts/bench/stats.ts';

const fixture = (name: string): { lines: LogLine[]; raw: string } => {
  const raw = readFileSync(path.join(import.meta.dirname, '../../fixtures/bench', name), 'utf8');
  const lines = raw
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [, at, text] = /^([\d.]+) (.*)$/.exec(line)!;
      return { at: Number(at), text: plainText(text!) };
    });
  return { lines, raw: lines.map((line) => line.text).join('\n') };
};

const site = fixture('site-build.log');
const control = fixture('control-build.log');
const sum = (phases: readonly Phase[]): number => phases.reduce((total, phase) => total + phase.seconds, 0);
const byId = (phases: readonly Phase[]): Record<string, number> => Object.fromEntries(phases.map((phase) => [phase.id, phase.seconds]));

describe('Astro durations', () => {
  it('reads every form Astro prints: ms, s, and minutes with seconds', () => {
    expect(parseAstroDuration('194ms')).toBeCloseTo(0.194, 9);
    expect(parseAstroDuration('2.34s')).toBeCloseTo(2.34, 9);
    expect(parseAstroDuration('1m 24s')).toBe(84);
    expect(parseAstroDuration('2m')).toBe(120);
    expect(parseAstroDuration('soon')).toBeUndefined();
  });

  it('parsePhases reads the rendering time when Astro gives it in minutes', () => {
    // The line from the 1,000-report build of issue 23, where the bench printed "?".
    expect(parsePhases('14:03:11 [build] Rearranging server assets...\n14:04:35 ✓ Completed in 1m 24s.\n').pagesSeconds).toBe(84);
    expect(parsePhases('14:02:40 [vite] ✓ built in 1m 2s\n14:02:41 [vite] ✓ built in 194ms\n').bundleSeconds).toBeCloseTo(62.194, 9);
  });

  it('parsePhases reads the real site log', () => {
    const times = parsePhases(site.raw);
    expect(times.bundleSeconds).toBeCloseTo(2.34 + 0.194, 9);
    expect(times.pagesSeconds).toBe(1.25);
  });
});

describe('lines stamped with their arrival', () => {
  it('stamps a line when its newline arrives, across chunks, without colour codes', () => {
    const collector = lineCollector();
    collector.push('01:52:45   \x1b[34m├─\x1b[39m \x1b[2m/reports/a/index.html\x1b[22m', 1.5);
    collector.push(' \x1b[2m(+34ms)\x1b[22m \nnext li', 1.534);
    collector.push('ne\r\nlast', 2);
    collector.end(3);
    expect(collector.lines).toEqual([
      { at: 1.534, text: '01:52:45   ├─ /reports/a/index.html (+34ms) ' },
      { at: 2, text: 'next line' },
      { at: 3, text: 'last' },
    ]);
  });
});

describe('phases from arrival times', () => {
  const total = 14.9;

  it('names every second of the site build, in order, and they add up to the wall time', () => {
    const phases = splitPhases(site.lines, total, SITE_PHASES);
    expect(phases.map((phase) => phase.id)).toEqual(['startUp', 'contentSync', 'bundling', 'rendering', 'buildDone', 'astroExit', 'previewsAndIndex', 'exit']);
    expect(sum(phases)).toBeCloseTo(total, 12);
    const seconds = byId(phases);
    expect(seconds.startUp).toBeCloseTo(9.352, 9);
    expect(seconds.contentSync).toBeCloseTo(9.418 - 9.352, 9);
    expect(seconds.bundling).toBeCloseTo(12.126 - 9.418, 9);
    expect(seconds.rendering).toBeCloseTo(13.309 - 12.126, 9);
    expect(seconds.buildDone).toBeCloseTo(13.355 - 13.309, 9);
    // The first line after Astro times its own work (659 ms): Astro's exit is what comes before that.
    expect(seconds.astroExit).toBeCloseTo(14.258 - 0.659 - 13.355, 9);
    // The preview pages and the index run at once: the pair ends at the second line.
    expect(seconds.previewsAndIndex).toBeCloseTo(14.77 - (14.258 - 0.659), 9);
    expect(seconds.exit).toBeCloseTo(total - 14.77, 9);
    for (const phase of phases) expect(phase.seconds).toBeGreaterThanOrEqual(0);
  });

  it('takes the two lines after Astro in either order: whichever comes first began where Astro’s exit ends', () => {
    // The index done first (its 400 ms began at 13.6), then the preview pages.
    const swapped: LogLine[] = site.lines.map((line) =>
      line.text.startsWith('[previews]') ? { at: 14.77, text: line.text } : line.text.startsWith('[search]') ? { at: 14.0, text: '[search] indexed 14 report pages (598 paragraphs, 1 tier) in 400 ms' } : line,
    ).sort((a, b) => a.at - b.at);
    const seconds = byId(splitPhases(swapped, total, SITE_PHASES));
    expect(seconds.astroExit).toBeCloseTo(13.6 - 13.355, 9);
    expect(seconds.previewsAndIndex).toBeCloseTo(14.77 - 13.6, 9);
  });

  it('names every second of a control build', () => {
    const phases = splitPhases(control.lines, 6.7, CONTROL_PHASES);
    expect(phases.map((phase) => phase.id)).toEqual(['startUp', 'contentSync', 'bundling', 'rendering', 'buildDone', 'astroExit']);
    expect(sum(phases)).toBeCloseTo(6.7, 12);
    expect(byId(phases).rendering).toBeCloseTo(6.654 - 6.325, 9);
  });

  it('finds the phase under way at a moment of the build (where the memory peaked)', () => {
    const phases = splitPhases(site.lines, total, SITE_PHASES);
    expect(phaseAt(phases, 0)?.id).toBe('startUp');
    expect(phaseAt(phases, 10)?.id).toBe('bundling');
    expect(phaseAt(phases, 12.5)?.id).toBe('rendering');
    expect(phaseAt(phases, 14)?.id).toBe('previewsAndIndex');
    expect(phaseAt(phases, total)?.id).toBe('exit');
    expect(phaseAt([], 1)).toBeUndefined();
  });

  it('fails naming the line when a marker is missing from the log', () => {
    const without = (pattern: RegExp): LogLine[] => site.lines.filter((line) => !pattern.test(line.text));
    expect(() => splitPhases(without(/\[search\] indexed/), total, SITE_PHASES)).toThrow(MissingLogLineError);
    expect(() => splitPhases(without(/\[search\] indexed/), total, SITE_PHASES)).toThrow(/no line "the second of: \[previews\] wrote/);
    expect(() => splitPhases(without(/generating static routes/), total, SITE_PHASES)).toThrow(/no line "generating static routes" after "\[build\] Building static entrypoints...".*"bundling/);
    // The control's log has no preview pages.
    expect(() => splitPhases(control.lines, 6.7, SITE_PHASES)).toThrow(/no line "\[previews\] wrote/);
  });
});

describe('rendering by page family', () => {
  it('puts each built file in its family', () => {
    const cases: Record<string, string> = {
      '/reports/2025-11-inspection/index.html': 'report pages',
      '/reports/index.html': 'report list',
      '/themes/front-door/index.html': 'theme pages',
      '/themes/front-door/2/index.html': 'theme pages',
      '/themes/front-door/feed.xml': 'theme feeds',
      '/themes/index.html': 'other pages',
      '/weaknesses/timely-visits/index.html': 'weakness pages',
      '/weaknesses/timely-visits/feed.xml': 'weakness feeds',
      '/weaknesses/index.html': 'the matrix',
      '/data/paragraphs/2014-04-inspection.json': 'paragraph files',
      '/data/findings.json': 'other open data',
      '/data/progress.csv': 'other open data',
      '/data/index.html': 'other pages',
      '/index.html': 'home',
      '/404.html': 'other pages',
      '/feed.xml': 'other pages',
      '/glossary/index.html': 'other pages',
    };
    expect(Object.fromEntries(Object.keys(cases).map((file) => [file, pageFamily(file)]))).toEqual(cases);
  });

  it("reads Astro's per-page times, whatever the unit, also when another line came between a page's path and its time", () => {
    const lines = ['  ├─ /reports/a/index.html (+34ms) ', '  └─ /reports/b/index.html (+2.09s) ', '  ├─ /themes/c/index.html', 'Glossary: a warning', ' (+1m 2s) '].map((text, i) => ({ at: i, text }));
    expect(pageTimes(lines)).toEqual([
      { path: '/reports/a/index.html', seconds: 0.034 },
      { path: '/reports/b/index.html', seconds: 2.09 },
      { path: '/themes/c/index.html', seconds: 62 },
    ]);
  });

  it('sums the real log by family; the families and the time between pages add up to the rendering phase', () => {
    const pages = pageTimes(site.lines);
    expect(pages).toHaveLength(site.lines.filter((line) => line.text.includes('├─')).length);
    const rendering = byId(splitPhases(site.lines, 14.9, SITE_PHASES)).rendering!;
    const { families, betweenPagesSeconds } = renderByFamily(pages, rendering);
    expect(families['report pages']?.pages).toBe(14);
    expect(families['theme pages']?.pages).toBe(23);
    expect(families['theme feeds']?.pages).toBe(23);
    expect(families['weakness feeds']?.pages).toBe(16);
    expect(families['weakness pages']?.pages).toBe(16);
    expect(families['the matrix']?.pages).toBe(1);
    expect(families['paragraph files']?.pages).toBe(14);
    expect(families.home?.pages).toBe(1);
    expect(families['report pages']?.slowest).toEqual({ path: '/reports/2025-11-inspection/index.html', seconds: 0.053 });
    const covered = Object.values(families).reduce((total, family) => total + family.seconds, 0);
    expect(covered + betweenPagesSeconds).toBeCloseTo(rendering, 12);
    expect(betweenPagesSeconds).toBeGreaterThan(0);
  });
});

describe('the printed profile', () => {
  const measure = (log: { lines: LogLine[]; raw: string }, seconds: number, definitions: typeof SITE_PHASES): BuildMeasure => ({
    seconds,
    peakRssBytes: 0,
    peakRssByProcess: { node: 0 },
    phases: splitPhases(log.lines, seconds, definitions),
    pages: pageTimes(log.lines),
    astroLog: parsePhases(log.raw),
  });
  const siteRuns = [measure(site, 14.9, SITE_PHASES)];
  const controlRuns = [measure(control, 6.7, CONTROL_PHASES)];
  const one = spread([1]);
  const controlResult: ControlResult = { buildSeconds: spread([6.7]), peakRssMB: one, peakRssByProcessMB: {}, phases: phaseSpreads(controlRuns), msPerReport: 1 };
  const weight = { path: '/reports/a/', html: 1, css: 1, js: 1, total: 3, htmlRaw: 1 };
  const result = {
    name: 'real',
    reports: 14,
    paragraphs: 598,
    ratioToUnifiedControl: 1,
    ratioToSatteriControl: 1,
    memoryRatioToSatteriControl: 1,
    firstQueryKB: 1,
    site: { buildSeconds: spread([14.9]), indexSeconds: one, previewSeconds: one, previewPages: 598, buildWithoutIndexSeconds: one, peakRssMB: one, peakRssByProcessMB: { node: 700 }, peakRssPhase: 'rendering pages', phases: phaseSpreads(siteRuns), render: renderFamilies(siteRuns) },
    controls: { unified: controlResult, satteri: controlResult },
    msPerReport: 1,
    pages: { report: weight, home: weight, matrix: weight },
    pagefind: { indexBytes: 1, files: 1 },
    firstQuery: { word: 'children', bytes: 1, gzipBytes: 1, requests: 1 },
  } as unknown as CorpusResult;
  const printed = formatResults([result], []);
  const section = (heading: string): string[] => {
    const lines = printed.split('\n');
    const start = lines.findIndex((line) => line.startsWith(heading));
    expect(start, heading).toBeGreaterThanOrEqual(0);
    const end = lines.findIndex((line, i) => i > start && line === '');
    return lines.slice(start, end);
  };

  it('prints a table of phases for the site and for each control, every phase named, nothing unknown', () => {
    const siteTable = section('Where the time goes: real, site');
    for (const phase of SITE_PHASES) expect(siteTable.some((line) => line.startsWith(phase.label)), phase.label).toBe(true);
    expect(siteTable.find((line) => line.startsWith('total: wall time'))).toMatch(/14\.9 \(14\.9-14\.9\)\s+100%$/);
    expect(siteTable.join('\n')).toContain('rendering 1.3 s ("✓ Completed in")');
    expect(siteTable.join('\n')).toContain('Peak MB by process (worst run): node 700, during rendering pages.');
    for (const name of ['unified control', 'satteri control']) {
      const table = section(`Where the time goes: real, ${name}`);
      for (const phase of CONTROL_PHASES) expect(table.some((line) => line.startsWith(phase.label)), phase.label).toBe(true);
    }
    expect(printed).not.toContain('?');
  });

  it("prints the site's rendering by family, with the time between pages and the phase's total", () => {
    const table = section('Rendering pages by family: real, site');
    expect(table.find((line) => line.startsWith('report pages (/reports/<slug>/)'))).toMatch(/^report pages \(\/reports\/<slug>\/\)\s+14\s/);
    expect(table.find((line) => line.startsWith('the matrix (/weaknesses/)'))).toBeDefined();
    expect(table.find((line) => line.startsWith('render: between pages'))).toBeDefined();
    expect(table.find((line) => line.startsWith('total: the rendering phase'))).toMatch(/\s121\s+1\.2 \(1\.2-1\.2\)\s+100%$/);
  });

  it('checks the page-weight targets, the matrix among them, against the weighed pages', () => {
    const heavy = { ...result, pages: { ...result.pages, matrix: { ...weight, total: 101 * 1024 } } } as CorpusResult;
    const matrix = (of: CorpusResult) => evaluateTargets([of]).find((item) => item.id === 'matrix-page');
    expect(matrix(result)).toMatchObject({ met: true, limit: 100, unit: 'KB' });
    expect(matrix(heavy)).toMatchObject({ met: false, value: 101 });
  });
});
