/**
 * The Pagefind search index over a built site: `node scripts/search-index.ts [dist]`, run by
 * `npm run build` (scripts/build.ts) once `astro build` has finished.
 *
 * One record per paragraph (src/lib/search/index-records.ts says why), made from the open data the
 * build has just written (`data/findings.json`), so that what search finds is exactly the words
 * the pages and the open data publish, without Ofsted's printed numbers, and nothing of the
 * navigation, permalinks or annotations around them. Pagefind's custom records need no HTML to be
 * parsed, which keeps the index quick to build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { NEIGHBOURS_INDEX_PATH, neighbourSearchRecords, tierParagraphs, paragraphSearchRecords, searchTiers, type ParagraphSearchRecord, type SearchableParagraph } from '../src/lib/search/index-records.ts';
import type { NeighbourParagraph } from '../src/lib/search/neighbour-paragraphs.ts';

/** The open data the index is made from, relative to the output folder. */
export const INDEXED_DATA = 'data/findings.json';

/** Pagefind's default index chunk size, in word locations (pagefind/src/options.rs). */
export const PAGEFIND_DEFAULT_CHUNK_SIZE = 20_000;
/** Word locations per index chunk for each report page, and the smallest chunk. */
const CHUNK_PER_PAGE = 100;
const SMALLEST_CHUNK = 1_000;

/**
 * How many word locations go in one index chunk, for a record of `pages` reports. A search
 * downloads the chunk holding each of its words, and Pagefind's default, 20,000, put every word of
 * the real record (about 7,000 locations) in one 12 KB chunk, a ninth of a first search. About 100
 * locations per report keeps some seven chunks while the record is small (2 KB each on the real
 * one; each chunk costs about 11 bytes more in the metadata every search loads), and reaches
 * Pagefind's default from 200 reports on, so large records are indexed exactly as before. Words cut short are matched across
 * a chunk's edge by the search page (preloadTerm in src/lib/search/results.ts).
 */
export function indexChunkSize(pages: number): number {
  return Math.min(PAGEFIND_DEFAULT_CHUNK_SIZE, Math.max(SMALLEST_CHUNK, pages * CHUNK_PER_PAGE));
}

/** Pagefind 1.6 reads the chunk size only from this variable, when its service process starts. */
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Reads the paragraphs the build published; throws, naming the file and the fix, if they are missing. */
async function readParagraphs(outDir: string): Promise<SearchableParagraph[]> {
  const file = path.join(outDir, INDEXED_DATA);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: the index is made from the open data the build writes. Fix: run the whole build (npm run build), not the index alone on an empty folder.`);
  }
  let paragraphs: SearchableParagraph[];
  try {
    paragraphs = JSON.parse(text) as SearchableParagraph[];
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}). Fix: run the whole build again (npm run build); the file is written by astro build.`);
  }
  // A build that indexes nothing would ship a search that finds nothing: fail instead.
  if (!Array.isArray(paragraphs) || paragraphs.length === 0) throw new Error(`${file} lists no paragraphs, so search would find nothing. Fix: check the content folder the build read.`);
  return paragraphs;
}

/** The statistical neighbours' paragraphs the build wrote, relative to the output folder (src/lib/search/neighbour-paragraphs.ts). */
export const NEIGHBOURS_DATA = 'search/neighbour-paragraphs.json';

/** The neighbours' paragraphs, or none where the build has none (a content folder without neighbours). */
async function readNeighbourParagraphs(outDir: string): Promise<NeighbourParagraph[]> {
  const file = path.join(outDir, NEIGHBOURS_DATA);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  try {
    return JSON.parse(text) as NeighbourParagraph[];
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}). Fix: run the whole build again (npm run build); the file is written by astro build.`);
  }
}

/** Records sent to Pagefind at once. */
const RECORDS_PER_BATCH = 500;

/** Adds a tier's records (src/lib/search/index-records.ts searchTiers) to a new index of the service and writes it into `outputPath`. */
async function writeTier(records: readonly ParagraphSearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Sent in batches rather than one by one: each call is a message to Pagefind's service
  // process, and waiting for each answer before the next made 53,000 paragraphs take 140 s.
  for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
    const batch = records.slice(start, start + RECORDS_PER_BATCH);
    const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    added.forEach((result, at) => {
      if (result.errors.length > 0) throw new Error(`Pagefind, indexing ${batch[at]!.url}: ${result.errors.join('; ')}`);
    });
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  // Let the service drop this tier's index before the next is built.
  await index.deleteIndex();
}

/**
 * Writes the search index: `<outDir>/pagefind/`, and `<outDir>/pagefind-older-1/`, ... when the
 * record is large enough to have more than one tier, all with one Pagefind service. Throws,
 * naming the cause, if Pagefind fails or there is nothing to index.
 */
export async function buildSearchIndex(outDir: string): Promise<{ pages: number; paragraphs: number; tiers: number; neighbours: number; milliseconds: number }> {
  const started = performance.now();
  const paragraphs = await readParagraphs(outDir);
  const records = paragraphSearchRecords(paragraphs);
  const tiers = searchTiers(paragraphs, tierParagraphs(process.env));
  // Pagefind reads the chunk size when its service starts, so the first createIndex sets it for
  // every tier: the largest tier's.
  const previous = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] = String(indexChunkSize(Math.max(...tiers.map((tier) => tier.reports.length))));
  try {
    for (const tier of tiers) {
      const inTier = new Set(tier.reports);
      await writeTier(
        records.filter((_, at) => inTier.has(paragraphs[at]!.report)),
        path.join(outDir, tier.path),
      );
    }
    // The neighbours' index, in a service of its own: its chunk size is for its own number of
    // reports, and Herefordshire's index is the same with or without it.
    const neighbours = await readNeighbourParagraphs(outDir);
    if (neighbours.length > 0) {
      await pagefind.close();
      process.env[CHUNK_SIZE_VARIABLE] = String(indexChunkSize(new Set(neighbours.map((paragraph) => paragraph.report)).size));
      await writeTier(neighbourSearchRecords(neighbours), path.join(outDir, NEIGHBOURS_INDEX_PATH));
    }
    return { pages: tiers.reduce((sum, tier) => sum + tier.reports.length, 0), paragraphs: records.length, tiers: tiers.length, neighbours: neighbours.length, milliseconds: Math.round(performance.now() - started) };
  } finally {
    if (previous === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
    else process.env[CHUNK_SIZE_VARIABLE] = previous;
    // Close the service Pagefind started, so the process can exit and a later index starts afresh.
    await pagefind.close();
  }
}

/** The line npm run build prints; the benchmark reads the indexing time from it. */
export function indexLogLine(result: { pages: number; paragraphs: number; tiers: number; neighbours?: number; milliseconds: number }): string {
  // The neighbours inside the brackets: the benchmark reads "indexed N report pages (...) in X ms".
  const neighbours = result.neighbours ? `; the statistical neighbours' ${result.neighbours} paragraphs` : '';
  return `[search] indexed ${result.pages} report pages (${result.paragraphs} paragraphs, ${result.tiers} ${result.tiers === 1 ? 'tier' : 'tiers'}${neighbours}) in ${result.milliseconds} ms`;
}

if (import.meta.main) {
  const outDir = path.resolve(parseArgs({ allowPositionals: true, options: {} }).positionals[0] ?? 'dist');
  try {
    console.log(indexLogLine(await buildSearchIndex(outDir)));
  } catch (error) {
    console.error(`search-index: ${(error as Error).message}`);
    process.exit(1);
  }
}
