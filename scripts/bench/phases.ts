/**
 * Where a build's time goes, from its log: each line's arrival time (seconds since the bench
 * spawned the build) splits the wall time into consecutive phases at marker lines, so that the
 * phases add up to the wall time, every second named. Astro's per-page lines ("├─ /x/index.html
 * (+34ms)") then split the rendering phase by page family, and what they leave over is named too.
 *
 * Pure functions over the log: runBuild (build.ts) records the lines, the bench sums the runs.
 */

/** One line of a build's output: when it arrived and its text without colour codes. */
export interface LogLine {
  /** Seconds since the build was spawned, when the line's newline arrived. */
  at: number;
  text: string;
}

/** Astro colours its log when it thinks it is in a terminal; the patterns match plain text. */
export const plainText = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');

/**
 * Splits a child's output into lines stamped with their arrival: feed it each chunk as it comes
 * (with the time it came), then `end` once the stream closes. A line is stamped when its newline
 * arrives: Astro writes a page's line in two parts, its path before rendering and "(+34ms)" after.
 */
export function lineCollector(): { push(chunk: string, at: number): void; end(at: number): void; lines: LogLine[] } {
  const lines: LogLine[] = [];
  let partial = '';
  const add = (text: string, at: number): void => {
    lines.push({ at, text: plainText(text.replace(/\r$/, '')) });
  };
  return {
    lines,
    push(chunk, at) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      for (const part of parts) add(part, at);
    },
    end(at) {
      if (partial !== '') add(partial, at);
      partial = '';
    },
  };
}

/**
 * A duration as Astro prints it (core/build/util.js, getTimeStat): "34ms", "2.09s", and from a
 * minute on "1m 24s" (also read: "1m"). Undefined for anything else.
 */
export function parseAstroDuration(text: string): number | undefined {
  const value = text.trim();
  let match = /^(\d+(?:\.\d+)?)ms$/.exec(value);
  if (match) return Number(match[1]) / 1000;
  match = /^(\d+(?:\.\d+)?)s$/.exec(value);
  if (match) return Number(match[1]);
  match = /^(\d+)m(?: (\d+(?:\.\d+)?)s)?$/.exec(value);
  if (match) return Number(match[1]) * 60 + Number(match[2] ?? 0);
  return undefined;
}

/** The duration patterns above, for use inside a larger pattern. */
export const DURATION = String.raw`\d+(?:\.\d+)?ms|\d+(?:\.\d+)?s|\d+m(?: \d+(?:\.\d+)?s)?`;

/** A line that ends a phase. */
export interface Marker {
  /** The line as a reader would look for it in the log, for the error when it is missing. */
  line: string;
  pattern: RegExp;
  /**
   * For a line that gives its own phase's duration ("wrote 598 preview pages in 659 ms"): the
   * phase before it ends that long before the line arrived, where the timed work began.
   */
  startsBefore?: (text: string) => number;
  /** The phase ends at this matching line (1 = the first, 2 = the second...), counted from the previous marker's line. */
  occurrence?: number;
}

export interface PhaseDefinition {
  id: string;
  label: string;
  /** The line that ends the phase; none for the last phase, which ends when the process exits. */
  endsAt?: Marker;
}

export interface Phase {
  id: string;
  label: string;
  seconds: number;
}

const SYNCING: Marker = { line: '[content] Syncing content', pattern: /\[content\] Syncing content/ };
const ENTRYPOINTS: Marker = { line: '[build] Building static entrypoints...', pattern: /\[build\] Building static entrypoints/ };
const ROUTES: Marker = { line: 'generating static routes', pattern: /^\s*generating static routes\s*$/ };
/** The untagged "✓ Completed in": the end of page generation (Astro's tagged ones end other stages). */
const RENDERED: Marker = { line: '✓ Completed in <duration>. (the line without a [tag])', pattern: new RegExp(String.raw`^(?:\d\d:\d\d:\d\d )?✓ Completed in (?:${DURATION})\.`) };
const COMPLETE: Marker = { line: '[build] Complete!', pattern: /\[build\] Complete!/ };

/** The phases Astro's own build goes through, up to "[build] Complete!". */
const astroPhases = (buildDone: string): PhaseDefinition[] => [
  { id: 'startUp', label: 'start-up: Node, Astro, its config and integrations, the content config', endsAt: SYNCING },
  { id: 'contentSync', label: 'content sync and types', endsAt: ENTRYPOINTS },
  { id: 'bundling', label: 'bundling: Vite, pages, components, MDX', endsAt: ROUTES },
  { id: 'rendering', label: 'rendering pages', endsAt: RENDERED },
  { id: 'buildDone', label: buildDone, endsAt: COMPLETE },
];

/** Either line of the two steps scripts/build.ts runs at once after Astro, each with its own time in ms. */
const AFTER_ASTRO_LINE = /^\[(?:previews\] wrote \d+ paragraph preview pages|search\] indexed \d+ report pages .*) in (\d+) ms/;
const AFTER_ASTRO = '[previews] wrote N paragraph preview pages in X ms, or [search] indexed N report pages (...) in X ms';

/**
 * The site's `npm run build` (scripts/build.ts): astro build, then the preview pages and the
 * Pagefind index at once. Both start together and each prints its line with its own time when it
 * is done, in either order: Astro's exit ends where the first line's work began, and the pair ends
 * at the second line. Each one's own time is in the results beside the phases (previewSeconds,
 * indexSeconds).
 */
export const SITE_PHASES: readonly PhaseDefinition[] = [
  ...astroPhases('after rendering: clean-up, build:done hooks (sitemap, _headers)'),
  {
    id: 'astroExit',
    label: 'Astro exits, the preview pages and the index start',
    endsAt: { line: AFTER_ASTRO, pattern: AFTER_ASTRO_LINE, startsBefore: (text) => Number(AFTER_ASTRO_LINE.exec(text)![1]) / 1000 },
  },
  {
    id: 'previewsAndIndex',
    label: 'preview pages and Pagefind index, at once (scripts/preview-pages.ts, scripts/search-index.ts)',
    endsAt: { line: `the second of: ${AFTER_ASTRO}`, pattern: AFTER_ASTRO_LINE, occurrence: 2 },
  },
  { id: 'exit', label: 'the build script exits' },
];

/** A control's `astro build`. */
export const CONTROL_PHASES: readonly PhaseDefinition[] = [...astroPhases('after rendering: clean-up (no build:done hooks)'), { id: 'astroExit', label: 'Astro exits' }];

/** The phase whose lines are Astro's per-page lines. */
export const RENDER_PHASE = 'rendering';

export class MissingLogLineError extends Error {}

/**
 * Splits the wall time at the marker lines, in order: each phase ends where its marker line
 * arrived (or, for a line that times its own work, where that work began) and the last where the
 * process exited. The phases add up to `totalSeconds`. A missing marker throws, naming the line.
 */
export function splitPhases(lines: readonly LogLine[], totalSeconds: number, definitions: readonly PhaseDefinition[]): Phase[] {
  if (definitions.length === 0 || definitions.at(-1)!.endsAt !== undefined) throw new Error('bench: the last phase must end when the process exits (no endsAt).');
  const phases: Phase[] = [];
  let from = 0;
  let previous = 0;
  let after = 'the start';
  for (const definition of definitions) {
    let end = totalSeconds;
    if (definition.endsAt) {
      const marker = definition.endsAt;
      let seen = 0;
      const index = lines.findIndex((line, i) => i >= from && marker.pattern.test(line.text) && ++seen === (marker.occurrence ?? 1));
      if (index < 0) {
        throw new MissingLogLineError(
          `bench: the build log has no line "${marker.line}" after ${after}; it ends the phase "${definition.label}". The log has changed (Astro's or the site's): update the markers in scripts/bench/phases.ts.`,
        );
      }
      const line = lines[index]!;
      from = index;
      after = `"${marker.line}"`;
      end = line.at - (marker.startsBefore?.(line.text) ?? 0);
    }
    // Consecutive and within the wall time, so that the phases add up to it.
    end = Math.min(Math.max(end, previous), totalSeconds);
    phases.push({ id: definition.id, label: definition.label, seconds: end - previous });
    previous = end;
  }
  return phases;
}

/**
 * The phase under way `at` seconds into the build (the phases are consecutive from 0): where the
 * peak memory sample fell. The last phase when `at` is at or past the end.
 */
export function phaseAt(phases: readonly Phase[], at: number): Phase | undefined {
  let end = 0;
  for (const phase of phases) {
    end += phase.seconds;
    if (at < end) return phase;
  }
  return phases.at(-1);
}

/** One page from Astro's log: its output path and the time Astro gives it. */
export interface PageTime {
  path: string;
  seconds: number;
}

/**
 * Astro's per-page lines: "  ├─ /reports/x/index.html (+34ms)" (or "└─"; "+2.09s", "+1m 2s").
 * The duration may come on a later line when another line was written in between.
 */
export function pageTimes(lines: readonly LogLine[]): PageTime[] {
  const pages: PageTime[] = [];
  let pending: string | undefined;
  const durationPattern = new RegExp(String.raw`\(\+(${DURATION})\)`);
  for (const { text } of lines) {
    const page = /[├└]─ (\/\S*)/.exec(text);
    if (page) pending = page[1];
    const rest = page ? text.slice(page.index + page[0].length) : text;
    const duration = durationPattern.exec(rest);
    if (duration && pending !== undefined) {
      pages.push({ path: pending, seconds: parseAstroDuration(duration[1]!)! });
      pending = undefined;
    }
  }
  return pages;
}

export const PAGE_FAMILIES = [
  'report pages',
  'report list',
  'theme pages',
  'theme feeds',
  'weakness pages',
  'weakness feeds',
  'the matrix',
  'paragraph files',
  'other open data',
  'home',
  'other pages',
] as const;
export type PageFamily = (typeof PAGE_FAMILIES)[number];

/** What each family holds, for the table. */
export const FAMILY_PATHS: Record<PageFamily, string> = {
  'report pages': '/reports/<slug>/',
  'report list': '/reports/',
  'theme pages': '/themes/<id>/',
  'theme feeds': '/themes/<id>/feed.xml',
  'weakness pages': '/weaknesses/<id>/',
  'weakness feeds': '/weaknesses/<id>/feed.xml',
  'the matrix': '/weaknesses/',
  'paragraph files': '/data/paragraphs/<slug>.json',
  'other open data': '/data/*.json, *.csv',
  home: '/',
  'other pages': '404, about, briefing, glossary, search, /themes/, /data/, /feed.xml',
};

/** The family of a built file, from the path Astro logs (`/reports/x/index.html`). */
export function pageFamily(path: string): PageFamily {
  const page = (section: string): RegExp => new RegExp(String.raw`^/${section}/[^/]+(?:/index)?\.html$`);
  if (path === '/index.html') return 'home';
  if (path === '/reports/index.html') return 'report list';
  if (path === '/weaknesses/index.html') return 'the matrix';
  if (page('reports').test(path)) return 'report pages';
  // A theme's later pages (/themes/<id>/2/) are theme pages too.
  if ((page('themes').test(path) || /^\/themes\/[^/]+\/\d+\/index\.html$/.test(path)) && path !== '/themes/index.html') return 'theme pages';
  if (/^\/themes\/[^/]+\/feed\.xml$/.test(path)) return 'theme feeds';
  if (page('weaknesses').test(path)) return 'weakness pages';
  if (/^\/weaknesses\/[^/]+\/feed\.xml$/.test(path)) return 'weakness feeds';
  if (/^\/data\/paragraphs\/[^/]+\.json$/.test(path)) return 'paragraph files';
  if (path.startsWith('/data/') && !path.endsWith('.html')) return 'other open data';
  return 'other pages';
}

export interface FamilyTime {
  pages: number;
  seconds: number;
  /** The family's slowest page. */
  slowest: PageTime;
}

export interface RenderBreakdown {
  /** Families in PAGE_FAMILIES order; a family with no page is left out. */
  families: Partial<Record<PageFamily, FamilyTime>>;
  /**
   * The rendering phase less the pages' own times: getStaticPaths, the work between pages, and
   * whatever a page's own timer does not see. The families and this add up to the phase.
   */
  betweenPagesSeconds: number;
}

export function renderByFamily(pages: readonly PageTime[], renderSeconds: number): RenderBreakdown {
  const families: Partial<Record<PageFamily, FamilyTime>> = {};
  for (const family of PAGE_FAMILIES) {
    const members = pages.filter((page) => pageFamily(page.path) === family);
    if (members.length === 0) continue;
    families[family] = {
      pages: members.length,
      seconds: members.reduce((sum, page) => sum + page.seconds, 0),
      slowest: members.reduce((a, b) => (b.seconds > a.seconds ? b : a)),
    };
  }
  const covered = Object.values(families).reduce((sum, family) => sum + family.seconds, 0);
  return { families, betweenPagesSeconds: renderSeconds - covered };
}
