/**
 * The build's search step (scripts/search-index.ts) run by real Pagefind over tiny built sites,
 * and how scripts/build.ts finds the folder Astro built into.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { outDirFrom } from '../../scripts/build.ts';
import { buildSearchIndex, indexChunkSize, indexLogLine, PAGEFIND_DEFAULT_CHUNK_SIZE } from '../../scripts/search-index.ts';

const folders: string[] = [];

async function site(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'search-index-'));
  folders.push(dir);
  for (const [file, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), html);
  }
  return dir;
}

afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

const page = (body: string): string => `<!doctype html><html lang="en-GB"><head><title>A report</title></head><body>${body}</body></html>`;

describe('buildSearchIndex', () => {
  it('indexes only report pages, only the letter, with each numbered paragraph as a titled anchor', async () => {
    const dir = await site({
      'index.html': page('<main>Home page words</main>'),
      'reports/index.html': page('<main>The list of reports</main>'),
      'reports/2025-06-monitoring-visit-7/index.html': page(
        '<nav>Skip to main content</nav><article data-pagefind-body>' +
          '<p id="p1" data-pagefind-title="Paragraph 1"><a data-pagefind-ignore href="#p1">1</a>Caseloads are lower.</p>' +
          '<div data-pagefind-ignore>Themes: Workforce</div></article>',
      ),
    });
    const result = await buildSearchIndex(dir);
    expect(result.pages).toBe(1);
    expect(indexLogLine(result)).toMatch(/^\[search\] indexed 1 report pages in \d+ ms$/);
    const fragments = await readdir(path.join(dir, 'pagefind/fragment'));
    expect(fragments).toHaveLength(1);
    const text = gunzipSync(await readFile(path.join(dir, 'pagefind/fragment', fragments[0]!))).toString('utf8');
    const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string; anchors: Array<{ id: string; title?: string }> };
    expect(fragment.url).toBe('/reports/2025-06-monitoring-visit-7/');
    expect(fragment.content).toBe('Caseloads are lower.');
    expect(fragment.anchors.map(({ id, title }) => ({ id, title }))).toEqual([{ id: 'p1', title: 'Paragraph 1' }]);
  });

  it('splits a small record’s index into chunks of 1,000 word locations, leaving the environment as it was', async () => {
    const words = Array.from({ length: 2_500 }, (_, index) => `word${index.toString(36)}`).join(' ');
    const dir = await site({ 'reports/2025-06-monitoring-visit-7/index.html': page(`<article data-pagefind-body><p>${words}</p></article>`) });
    await buildSearchIndex(dir);
    // Pagefind's default, 20,000 locations, would put these 2,500 words in one chunk.
    expect((await readdir(path.join(dir, 'pagefind/index'))).length).toBeGreaterThan(1);
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
  });

  it('fails, naming the pattern, when there is no report page to index', async () => {
    const dir = await site({ 'index.html': page('<main>Home</main>') });
    await expect(buildSearchIndex(dir)).rejects.toThrow(/Pagefind found no report pages \(reports\/\*\/index\.html\)/);
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
