/**
 * The Pagefind search index over a built site: `node scripts/search-index.ts [dist]`, run by
 * `npm run build` (scripts/build.ts) once `astro build` has finished.
 *
 * Pagefind indexes the built report pages, and nothing else (DESIGN.md §5: report text, not
 * navigation): on each, only the letter (`data-pagefind-body`), without the controls and
 * annotations the site adds (`data-pagefind-ignore`). Every numbered paragraph carries an id and
 * `data-pagefind-title` (src/plugins/hast-paragraph-anchors.ts), so a result is a report whose
 * matching paragraphs come back as sub-results, each with its own link. The metadata and filters
 * come from hidden elements on the page (src/components/SearchFacets.astro).
 *
 * Why a record per report and not per paragraph (as this site first did): Pagefind's cost grows
 * with the number of records. At 1,000 reports (about 20,000 paragraphs) per-paragraph records
 * took 15.7 s to index and a first search downloaded 475 KB, most of it filter and metadata files
 * that grow with the record count (npm run bench; README, Performance). Pagefind's filters apply
 * to whole records, so a theme filter now keeps the reports with a paragraph on that theme.
 */
import { glob } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { REPORTS_PATH } from '../src/lib/urls.ts';

/** The report pages, relative to the output folder: reports/<slug>/index.html, not the list. */
export const INDEXED_PAGES = `${REPORTS_PATH}*/index.html`;

/** Pagefind's default index chunk size, in word locations (pagefind/src/options.rs). */
export const PAGEFIND_DEFAULT_CHUNK_SIZE = 20_000;
/** Word locations per index chunk for each report page, and the smallest chunk. */
const CHUNK_PER_PAGE = 100;
const SMALLEST_CHUNK = 1_000;

/**
 * How many word locations go in one index chunk. A search downloads the chunk holding each of its
 * words, and Pagefind's default, 20,000, put every word of the real record (about 7,000 locations)
 * in one 12 KB chunk, a ninth of a first search. About 100 locations per report keeps some
 * seven chunks while the record is small (2 KB each on the real one; each chunk costs about
 * 11 bytes more in the metadata every search loads), and reaches Pagefind's default from 200
 * reports on, so large records are indexed exactly as before. Words cut short are matched across
 * a chunk's edge by the search page (preloadTerm in src/lib/search-results.ts).
 */
export function indexChunkSize(pages: number): number {
  return Math.min(PAGEFIND_DEFAULT_CHUNK_SIZE, Math.max(SMALLEST_CHUNK, pages * CHUNK_PER_PAGE));
}

/** Pagefind 1.6 reads the chunk size only from this variable, when its service process starts. */
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Writes `<outDir>/pagefind/`. Throws, naming the cause, if Pagefind fails or finds no report. */
export async function buildSearchIndex(outDir: string): Promise<{ pages: number; milliseconds: number }> {
  const started = performance.now();
  let pages = 0;
  for await (const _ of glob(INDEXED_PAGES, { cwd: outDir })) pages++;
  const previous = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] = String(indexChunkSize(pages));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' }).finally(() => {
    if (previous === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
    else process.env[CHUNK_SIZE_VARIABLE] = previous;
  });
  if (!index) {
    // Close the service Pagefind started, so the process can exit and a later index starts afresh.
    await pagefind.close();
    throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  }
  try {
    const added = await index.addDirectory({ path: outDir, glob: INDEXED_PAGES });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    // A build that indexes nothing would ship a search that finds nothing: fail instead.
    if (added.page_count === 0) throw new Error(`Pagefind found no report pages (${INDEXED_PAGES}) in ${outDir}.`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count, milliseconds: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

/** The line npm run build prints; the benchmark reads the indexing time from it. */
export function indexLogLine(result: { pages: number; milliseconds: number }): string {
  return `[search] indexed ${result.pages} report pages in ${result.milliseconds} ms`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = path.resolve(process.argv[2] ?? 'dist');
  try {
    console.log(indexLogLine(await buildSearchIndex(outDir)));
  } catch (error) {
    console.error(`search-index: ${(error as Error).message}`);
    process.exit(1);
  }
}
