/**
 * The build's search step (scripts/search-index.ts) run by real Pagefind over tiny open data
 * (`data/findings.json`, as the build writes it), and how scripts/build.ts finds the folder Astro
 * built into.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outDirFrom } from '../../../scripts/build.ts';
import { buildSearchIndex, indexChunkSize, indexLogLine, PAGEFIND_DEFAULT_CHUNK_SIZE } from '../../../scripts/search-index.ts';
import type { SearchableParagraph } from '../../../src/lib/search/index-records.ts';

const folders: string[] = [];

/** A built site holding only `data/findings.json` with these paragraphs (or this text, as written). */
async function site(findings: readonly SearchableParagraph[] | string | undefined): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'search-index-'));
  folders.push(dir);
  if (findings !== undefined) {
    await mkdir(path.join(dir, 'data'), { recursive: true });
    await writeFile(path.join(dir, 'data/findings.json'), typeof findings === 'string' ? findings : JSON.stringify(findings));
  }
  return dir;
}

afterEach(async () => {
  vi.unstubAllEnvs();
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

const inspection = {
  report: '2018-06-inspection',
  reportTitle: 'Inspection, June 2018',
  kind: 'inspection',
  kindLabel: 'Inspection',
  text: 'full',
  visitStart: '2018-06-04',
  visitEnd: '2018-06-28',
  visitDates: '4 to 28 June 2018',
  year: 2018,
  statuses: [],
} as const;

const visit = {
  report: '2025-06-monitoring-visit-7',
  reportTitle: 'Monitoring visit 7, June 2025',
  kind: 'monitoring-visit',
  kindLabel: 'Monitoring visit',
  text: 'summary',
  visitStart: '2025-06-17',
  visitEnd: '2025-06-18',
  visitDates: '17 and 18 June 2025',
  year: 2025,
  statuses: [],
} as const;

/** A paragraph as data/findings.json lists it, with the fields the index does not read (kind, label, textHash, ...) too. */
function paragraph(shared: typeof inspection | typeof visit, anchor: string, words: string, themes: Array<{ id: string; label: string }> = []): SearchableParagraph {
  const finding = { ...shared, anchor, label: anchor, path: `reports/${shared.report}/#${anchor}`, words, textHash: '0000000000000000', themes };
  return finding;
}

const FINDINGS: SearchableParagraph[] = [
  paragraph(inspection, 's1', 'Services for children are inadequate.'),
  paragraph(inspection, 'p1', '1. Caseloads are too high.', [
    { id: 'workforce', label: 'Workforce and caseloads' },
    { id: 'education', label: 'Education' },
  ]),
  paragraph(inspection, 'p1-1', 'Managers do not oversee the work.'),
  paragraph(visit, 'p1', 'Section 47 enquiries are timely.', [{ id: 'child-protection', label: 'Child protection' }]),
];

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  sort?: Record<string, string>;
}

async function fragments(dir: string, index = 'pagefind'): Promise<Fragment[]> {
  const folder = path.join(dir, index, 'fragment');
  const files = (await readdir(folder)).filter((file) => file.endsWith('.pf_fragment'));
  return Promise.all(
    files.map(async (file) => {
      const text = gunzipSync(await readFile(path.join(folder, file))).toString('utf8');
      expect(text.startsWith('pagefind_dcd')).toBe(true);
      return JSON.parse(text.slice('pagefind_dcd'.length)) as Fragment;
    }),
  );
}

describe('buildSearchIndex', () => {
  it('indexes one record per paragraph of data/findings.json: its address, its words without the printed number, its filters', async () => {
    const dir = await site(FINDINGS);
    const result = await buildSearchIndex(dir);
    expect(result).toMatchObject({ pages: 2, paragraphs: 4, tiers: 1 });
    expect(indexLogLine(result)).toMatch(/^\[search\] indexed 2 report pages \(4 paragraphs, 1 tier\) in \d+ ms$/);
    // A record this small is one tier: no second index.
    await expect(readdir(path.join(dir, 'pagefind-older-1'))).rejects.toThrow();
    const records = (await fragments(dir)).sort((a, b) => a.url.localeCompare(b.url));
    expect(records.map(({ url, content, filters }) => ({ url, content, filters }))).toEqual([
      {
        url: '/reports/2018-06-inspection/#p1',
        content: 'Caseloads are too high.',
        filters: { theme: ['Education', 'Workforce and caseloads'], kind: ['Inspection'], year: ['2018'], text: ['full'], report: ['Inspection, June 2018'], dates: ['4 to 28 June 2018'] },
      },
      {
        url: '/reports/2018-06-inspection/#p1-1',
        content: 'Managers do not oversee the work.',
        filters: { theme: [], kind: ['Inspection'], year: ['2018'], text: ['full'], report: ['Inspection, June 2018'], dates: ['4 to 28 June 2018'] },
      },
      {
        url: '/reports/2018-06-inspection/#s1',
        content: 'Services for children are inadequate.',
        filters: { theme: [], kind: ['Inspection'], year: ['2018'], text: ['full'], report: ['Inspection, June 2018'], dates: ['4 to 28 June 2018'] },
      },
      {
        url: '/reports/2025-06-monitoring-visit-7/#p1',
        // Not a printed number: "47" is the paragraph's own words.
        content: 'Section 47 enquiries are timely.',
        filters: { theme: ['Child protection'], kind: ['Monitoring visit'], year: ['2025'], text: ['summary'], report: ['Monitoring visit 7, June 2025'], dates: ['17 and 18 June 2025'] },
      },
    ]);
    // Nothing but the words is searched: Pagefind searches metadata, so a record carries none.
    for (const record of records) expect(record.meta).toEqual({});
    const entry = JSON.parse(await readFile(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([4]);
    expect((await readdir(path.join(dir, 'pagefind/filter'))).length).toBeGreaterThan(0);
  });

  it('writes the newest reports to pagefind/ and older ones to pagefind-older-1/, ... when they pass a tier’s size', async () => {
    vi.stubEnv('SEARCH_TIER_PARAGRAPHS', '2');
    const dir = await site(FINDINGS);
    const result = await buildSearchIndex(dir);
    expect(result).toMatchObject({ pages: 2, paragraphs: 4, tiers: 2 });
    expect(indexLogLine(result)).toMatch(/\(4 paragraphs, 2 tiers\)/);
    expect((await fragments(dir)).map((record) => record.url)).toEqual(['/reports/2025-06-monitoring-visit-7/#p1']);
    expect((await fragments(dir, 'pagefind-older-1')).map((record) => record.url).sort()).toEqual([
      '/reports/2018-06-inspection/#p1',
      '/reports/2018-06-inspection/#p1-1',
      '/reports/2018-06-inspection/#s1',
    ]);
  });

  it('splits a small record’s index into chunks of 1,000 word locations, leaving the environment as it was', async () => {
    const words = Array.from({ length: 2_500 }, (_, index) => `word${index.toString(36)}`).join(' ');
    const dir = await site([paragraph(visit, 'p1', words)]);
    expect(indexChunkSize(1)).toBe(1_000);
    await buildSearchIndex(dir);
    // Pagefind's default, 20,000 locations, would put these 2,500 words in one chunk.
    expect((await readdir(path.join(dir, 'pagefind/index'))).length).toBeGreaterThan(1);
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
  });

  it('fails, naming data/findings.json, when the open data is missing', async () => {
    const dir = await site(undefined);
    await expect(buildSearchIndex(dir)).rejects.toThrow(/data\/findings\.json is missing/);
    await expect(readdir(path.join(dir, 'pagefind'))).rejects.toThrow();
  });

  it('fails, naming data/findings.json, when it lists no paragraphs', async () => {
    const dir = await site([]);
    await expect(buildSearchIndex(dir)).rejects.toThrow(/data\/findings\.json lists no paragraphs/);
    await expect(buildSearchIndex(await site('{}'))).rejects.toThrow(/data\/findings\.json lists no paragraphs/);
  });

  it('fails, naming data/findings.json, when the file is empty or not JSON', async () => {
    await expect(buildSearchIndex(await site(''))).rejects.toThrow(/data\/findings\.json/);
    await expect(buildSearchIndex(await site('[{"report": '))).rejects.toThrow(/data\/findings\.json/);
  });
});

describe('indexChunkSize', () => {
  it('keeps a small record in a few small chunks, and a large one at Pagefind’s default', () => {
    expect(indexChunkSize(1)).toBe(1_000);
    expect(indexChunkSize(10)).toBe(1_000);
    expect(indexChunkSize(50)).toBe(5_000);
    expect(indexChunkSize(200)).toBe(PAGEFIND_DEFAULT_CHUNK_SIZE);
    expect(indexChunkSize(2_000)).toBe(PAGEFIND_DEFAULT_CHUNK_SIZE);
  });
});

describe('outDirFrom', () => {
  it('reads --outDir in either form, relative to the working folder, and defaults to dist', () => {
    expect(outDirFrom(['--outDir', 'out'], '/project')).toBe('/project/out');
    expect(outDirFrom(['--outDir=/tmp/site'], '/project')).toBe('/tmp/site');
    expect(outDirFrom(['--verbose'], '/project')).toBe('/project/dist');
  });
});
