/**
 * The benchmark's generated corpus must be content the real build accepts: valid frontmatter,
 * slugs that match it, and annotations with known themes, weaknesses and statuses (one status per
 * weakness per report). Checked with the same model code the build uses, on a small corpus.
 *
 * Its two bare controls must each run the processor they are named after, with no plugins and
 * SmartyPants off like the site: checked on the Astro config each control project is given.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTROL_PROCESSORS, REPORT_COMPONENTS, writeControlProject } from '../../../scripts/bench/control.ts';
import { writeCorpus } from '../../../scripts/bench/corpus.ts';
import { measureReports } from '../../../scripts/bench/profile.ts';
import { seededRandom } from '../../../scripts/bench/random.ts';
import { readRecordReports } from '../../helpers/record-reports.ts';
import { compare, quickSummary } from '../../../scripts/bench/results.ts';
import { spread } from '../../../scripts/bench/stats.ts';
import { buildRecord } from '../../../src/lib/record/build-record.ts';
import { parseYamlList } from '../../../src/lib/utils/yaml-list.ts';
import { eventSchema, themeSchema, weaknessSchema } from '../../../src/lib/record/schema.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const workDir = await mkdtemp(path.join(tmpdir(), 'herefordshire-bench-corpus-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('the benchmark corpus', () => {
  it('is content the build accepts, and the same seed gives the same files', async () => {
    const contentDir = path.join(workDir, 'content');
    const profile = await measureReports(path.join(repoRoot, 'content/reports'));
    const stats = await writeCorpus({ realContentDir: path.join(repoRoot, 'content'), targetContentDir: contentDir, count: 25, random: seededRandom(7), profile });
    // 25 generated, and the two real reports content/weaknesses.yaml quotes (2014 and 2018).
    expect(stats.reports).toBe(27);

    const files = (await readdir(path.join(contentDir, 'reports'))).sort();
    expect(files).toHaveLength(27);
    const reports = await readRecordReports(path.join(contentDir, 'reports'), files);
    const yaml = async (name: string) => readFile(path.join(contentDir, name), 'utf8');
    const { problems, record } = buildRecord({
      themes: parseYamlList(await yaml('themes.yaml'), 'themes.yaml', themeSchema).items,
      weaknesses: parseYamlList(await yaml('weaknesses.yaml'), 'weaknesses.yaml', weaknessSchema).items,
      events: parseYamlList(await yaml('events.yaml'), 'events.yaml', eventSchema).items,
      reports,
    });
    expect(problems).toEqual([]);
    expect(record!.weaknessProgress.some((progress) => progress.cells.some((cell) => cell.status !== undefined))).toBe(true);

    const again = path.join(workDir, 'again');
    await writeCorpus({ realContentDir: path.join(repoRoot, 'content'), targetContentDir: again, count: 25, random: seededRandom(7), profile });
    const first = await readFile(path.join(contentDir, 'reports', files[1]!), 'utf8');
    expect(await readFile(path.join(again, 'reports', files[1]!), 'utf8')).toBe(first);
    // It writes and parses 54 reports: seconds on a loaded two-core machine, more than the 5 s default.
  }, 60_000);
});

describe('the benchmark controls', () => {
  it('give a body to every component the report files use, so that their builds render every report', async () => {
    const used = new Set<string>();
    for (const name of await readdir(path.join(repoRoot, 'content/reports'))) {
      for (const match of (await readFile(path.join(repoRoot, 'content/reports', name), 'utf8')).matchAll(/<([A-Z][A-Za-z]*)/g)) used.add(match[1]!);
    }
    expect([...used].filter((component) => !(REPORT_COMPONENTS as readonly string[]).includes(component))).toEqual([]);
  });

  it('each runs its own Markdown processor, bare: no plugins, smart punctuation off', async () => {
    const processors: Record<string, { name: string; options: Record<string, unknown> }> = {};
    for (const processor of CONTROL_PROCESSORS) {
      const control = await writeControlProject(path.join(workDir, `control-${processor}`), path.join(repoRoot, 'content/reports'), repoRoot, processor);
      const config = (await import(pathToFileURL(path.join(control.root, 'astro.config.mjs')).href)) as { default: { markdown: { processor: { name: string; options: Record<string, unknown> } } } };
      processors[processor] = config.default.markdown.processor;
    }
    expect(processors.unified!.name).toBe('unified');
    expect(processors.unified!.options).toMatchObject({ smartypants: false });
    expect(processors.unified!.options.remarkPlugins ?? []).toEqual([]);
    expect(processors.unified!.options.rehypePlugins ?? []).toEqual([]);
    // Sätteri is Astro 7's default processor; @astrojs/mdx compiles .mdx with the one configured here.
    expect(processors.satteri).toMatchObject({ name: 'satteri', options: { mdastPlugins: [], hastPlugins: [], features: { smartPunctuation: false } } });
  }, 30_000); // it imports two Astro configs, with Astro: over the default 5 s on a loaded two-core machine.

  it('gives the ratios the targets read: site over each control, and the first search gzipped', () => {
    const builds = (seconds: number[], mb: number[]) => ({ buildSeconds: spread(seconds), peakRssMB: spread(mb) });
    const site = builds([30, 28, 29], [2000, 2100, 2050]);
    const controls = { unified: builds([36, 40, 38], [2300, 2300, 2300]), satteri: builds([20, 21, 23], [1800, 1750, 1900]) };
    expect(compare(site, controls, { gzipBytes: 92_160 })).toEqual({
      ratioToUnifiedControl: 29 / 38,
      ratioToSatteriControl: 29 / 21,
      memoryRatioToSatteriControl: 2100 / 1900,
      firstQueryKB: 90,
    });
  });
});

describe('the quick benchmark', () => {
  it('ends with the two ratios to record with a commit, per corpus', () => {
    const results = [{ name: 'synthetic-300', reports: 302, ratioToUnifiedControl: 38.4 / 21.2, ratioToSatteriControl: 38.4 / 11 }];
    expect(quickSummary(results, 1, '1e43b3b0000')).toEqual([
      'quick at 1e43b3b: synthetic-300 (302 reports, 1 run): build + index 1.81x the unified control, 3.49x the Sätteri control',
    ]);
  });
});
