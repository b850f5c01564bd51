/**
 * The link-preview pages, /r/<slug>/<anchor>/ (src/lib/publish/link-previews.ts), written into a built
 * site: `node scripts/preview-pages.ts [dist]`, run by `npm run build` (scripts/build.ts) once
 * `astro build` has finished and before the search index (which reads reports/<slug>/ only, so
 * the order does not matter to it; writing first means a failure here stops the build before the
 * slower step).
 *
 * It reads what the build already made: every paragraph from data/findings.json, each report's
 * title and dates from data/reports.json, and the site's address (SITE_URL and BASE_PATH, as
 * Astro applied them) and stylesheets from the home page. Nothing here goes through Astro, so the
 * pages are not in the sitemap.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { previewPages, siteFromHomePage, type PreviewPage, type PreviewParagraph, type PreviewReport } from '../src/lib/publish/link-previews.ts';

async function readJson<T>(file: string): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}. Fix: build the site first (npm run build).`);
  }
}

/** Writes `<outDir>/r/<slug>/<anchor>/index.html` for every paragraph. */
export async function writePreviewPages(outDir: string): Promise<{ pages: number; milliseconds: number }> {
  const started = performance.now();
  const paragraphs = await readJson<PreviewParagraph[]>(path.join(outDir, 'data/findings.json'));
  const reports = await readJson<Array<PreviewReport & { slug: string }>>(path.join(outDir, 'data/reports.json'));
  const homeFile = path.join(outDir, 'index.html');
  const site = siteFromHomePage(await readFile(homeFile, 'utf8'), homeFile);
  // A batch of pages at a time: one promise per file for 50,000 files would hold every page in
  // memory and open every file at once.
  const BATCH = 64;
  let batch: PreviewPage[] = [];
  let written = 0;
  const flush = async (): Promise<void> => {
    await Promise.all(
      batch.map(async (page) => {
        const file = path.join(outDir, page.file);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, page.html);
      }),
    );
    written += batch.length;
    batch = [];
  };
  for (const page of previewPages(paragraphs, new Map(reports.map((report) => [report.slug, report])), site)) {
    batch.push(page);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  return { pages: written, milliseconds: Math.round(performance.now() - started) };
}

/** The line npm run build prints; the benchmark reads the count and time from it. */
export function previewLogLine(result: { pages: number; milliseconds: number }): string {
  return `[previews] wrote ${result.pages} paragraph preview pages in ${result.milliseconds} ms`;
}

if (import.meta.main) {
  const outDir = path.resolve(parseArgs({ allowPositionals: true, options: {} }).positionals[0] ?? 'dist');
  try {
    console.log(previewLogLine(await writePreviewPages(outDir)));
  } catch (error) {
    console.error(`preview-pages: ${(error as Error).message}`);
    process.exit(1);
  }
}
