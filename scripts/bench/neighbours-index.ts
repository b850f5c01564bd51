/**
 * The statistical neighbours' search index, two layouts measured (issue 26, README: Search):
 * `npx node scripts/bench/neighbours-index.ts [dist]` over a site built with `npm run build`.
 *
 * A. one index for all ten councils, the council a value read back (what the build writes,
 *    /pagefind-neighbours/);
 * B. one index per council, each added to the search with Pagefind's `mergeIndex`.
 *
 * For each, in headless Chromium, what a first search for “children” with the neighbours
 * downloads, as the search page does it: Pagefind's script, Herefordshire's index
 * (/pagefind/), the neighbours' index or indexes merged in, the newest-first lists the page reads
 * for its date order, the search, and ten paragraphs' data. KB are 1,024 bytes, gzipped as a
 * compressing host sends them (Pagefind's index files are gzip already). It prints both, and each
 * layout's files and bytes on disk. It writes layout B into a temporary folder, never into dist.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { serve } from '../serve.ts';
import { NEIGHBOURS_INDEX_PATH, neighbourSearchRecords } from '../../src/lib/search/index-records.ts';
import type { NeighbourParagraph } from '../../src/lib/search/neighbour-paragraphs.ts';
import { indexChunkSize, NEIGHBOURS_DATA } from '../search-index.ts';

const WORD = 'children';

async function folderBytes(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const relative of await readdir(dir, { recursive: true })) {
    // Pagefind's own UI bundles are never loaded by the site.
    if (/ui\.(js|css)$|highlight\.js$|worker\.js$/.test(relative)) continue;
    const info = await stat(path.join(dir, relative));
    if (info.isFile()) {
      files++;
      bytes += info.size;
    }
  }
  return { files, bytes };
}

/** Layout B: one index per council under `<root>/per-council/<council>/`. */
async function writePerCouncil(paragraphs: readonly NeighbourParagraph[], root: string): Promise<string[]> {
  const councils = [...new Set(paragraphs.map((paragraph) => paragraph.councilSlug))].sort();
  for (const council of councils) {
    const theirs = paragraphs.filter((paragraph) => paragraph.councilSlug === council);
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(indexChunkSize(new Set(theirs.map((paragraph) => paragraph.report)).size));
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const record of neighbourSearchRecords(theirs)) await index.addCustomRecord(record);
    const written = await index.writeFiles({ outputPath: path.join(root, 'per-council', council) });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    // A service of its own for each, as the build does for the neighbours: the chunk size is read when it starts.
    await pagefind.close();
  }
  return councils.map((council) => `/per-council/${council}/`);
}

/** What the page does for a first search with the neighbours, given the indexes to merge; returns the paragraphs found. */
const FIRST_SEARCH = `async (neighbours, word) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({ excerptLength: 36, noWorker: true });
  await pagefind.init();
  await pagefind.options({ mergeFilter: { tier: '0' } });
  for (const [at, bundle] of neighbours.entries()) await pagefind.mergeIndex(bundle, { mergeFilter: { tier: neighbours.length === 1 ? 'neighbours' : 'neighbours-' + at } });
  // The newest-first lists the page reads for its date order: one per index.
  for (const tier of ['0', ...neighbours.map((_, at) => neighbours.length === 1 ? 'neighbours' : 'neighbours-' + at)]) await pagefind.search(null, { filters: { tier }, sort: { date: 'desc' } });
  await pagefind.preload(word + ' ' + word + '\\uFFFF');
  const exact = await pagefind.search('"' + word + '"');
  const all = await pagefind.search(word);
  await Promise.all(all.results.slice(0, 10).map((result) => result.data()));
  return all.results.length + exact.results.length * 0;
}`;

async function measure(root: string, neighbours: readonly string[]): Promise<{ requests: number; gzipBytes: number; found: number }> {
  const server = await serve({ dir: root });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const bodies: Array<Promise<number>> = [];
    context.on('response', (response) => {
      if (!/\/(pagefind|per-council)/.test(new URL(response.url()).pathname)) return;
      bodies.push(response.body().then((body) => Math.min(body.length, gzipSync(body).length), () => 0));
    });
    const page = await context.newPage();
    await page.goto(`${server.url}bench.html`);
    const found = (await page.evaluate(`(${FIRST_SEARCH})(${JSON.stringify(neighbours)}, ${JSON.stringify(WORD)})`)) as number;
    const sizes = await Promise.all(bodies);
    await context.close();
    return { requests: sizes.length, gzipBytes: sizes.reduce((a, b) => a + b, 0), found };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) {
  const dist = path.resolve(parseArgs({ allowPositionals: true, options: {} }).positionals[0] ?? 'dist');
  const paragraphs = JSON.parse(await readFile(path.join(dist, NEIGHBOURS_DATA), 'utf8')) as NeighbourParagraph[];
  const root = await mkdtemp(path.join(tmpdir(), 'neighbours-index-'));
  try {
    await cp(path.join(dist, 'pagefind'), path.join(root, 'pagefind'), { recursive: true });
    await cp(path.join(dist, NEIGHBOURS_INDEX_PATH), path.join(root, NEIGHBOURS_INDEX_PATH), { recursive: true });
    await writeFile(path.join(root, 'bench.html'), '<!doctype html><title>bench</title>');
    const started = performance.now();
    const perCouncil = await writePerCouncil(paragraphs, root);
    const perCouncilMs = Math.round(performance.now() - started);
    const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
    const herefordshire = await measure(root, []);
    const one = await measure(root, [`/${NEIGHBOURS_INDEX_PATH}`]);
    const many = await measure(root, perCouncil);
    const diskOne = await folderBytes(path.join(root, NEIGHBOURS_INDEX_PATH));
    const diskMany = await folderBytes(path.join(root, 'per-council'));
    console.log(`neighbours: ${paragraphs.length} paragraphs of ${new Set(paragraphs.map((p) => p.report)).size} reports, ${perCouncil.length} councils; a first search for “${WORD}”:`);
    console.log(`  Herefordshire alone:                 ${herefordshire.requests} files, ${kb(herefordshire.gzipBytes)} KB (${herefordshire.found} paragraphs with the word)`);
    console.log(`  A. one neighbours' index:            ${one.requests} files, ${kb(one.gzipBytes)} KB (${one.found}); on disk ${diskOne.files} files, ${kb(diskOne.bytes)} KB`);
    console.log(`  B. an index per council, merged:     ${many.requests} files, ${kb(many.gzipBytes)} KB (${many.found}); on disk ${diskMany.files} files, ${kb(diskMany.bytes)} KB, built in ${perCouncilMs} ms`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
