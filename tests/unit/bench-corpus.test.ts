/**
 * The benchmark's generated corpus must be content the real build accepts: valid frontmatter,
 * slugs that match it, and annotations with known themes, weaknesses and statuses (one status per
 * weakness per report). Checked with the same model code the build uses, on a small corpus.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { measureReports } from '../../scripts/bench/profile.ts';
import { seededRandom } from '../../scripts/bench/random.ts';
import { parseParagraphs } from '../../src/lib/paragraphs.ts';
import { buildRecord, type RecordReport } from '../../src/lib/record.ts';
import { parseYamlList } from '../../src/lib/yaml-list.ts';
import { eventSchema, reportSchema, themeSchema, weaknessSchema } from '../../src/schema.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const workDir = await mkdtemp(path.join(tmpdir(), 'herefordshire-bench-corpus-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('the benchmark corpus', () => {
  it('is content the build accepts, and the same seed gives the same files', async () => {
    const contentDir = path.join(workDir, 'content');
    const profile = await measureReports(path.join(repoRoot, 'content/reports'));
    const stats = await writeCorpus({ realContentDir: path.join(repoRoot, 'content'), targetContentDir: contentDir, count: 25, random: seededRandom(7), profile });
    expect(stats.reports).toBe(26);

    const files = (await readdir(path.join(contentDir, 'reports'))).sort();
    expect(files).toHaveLength(26);
    const reports: RecordReport[] = [];
    for (const name of files) {
      const source = await readFile(path.join(contentDir, 'reports', name), 'utf8');
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
      const data = reportSchema.parse(parse(frontmatter));
      const parsed = parseParagraphs(body, { file: name });
      expect(parsed.problems, name).toEqual([]);
      reports.push({ id: name.replace(/\.mdx$/, ''), file: name, data, paragraphs: parsed.paragraphs });
    }
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
  });
});
