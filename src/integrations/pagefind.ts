/**
 * Builds the Pagefind search index at the end of `astro build` (as Starlight does), so that
 * `npm run build`, `npm start` and the tests all get a site whose search works.
 *
 * Pagefind indexes the built report pages, and nothing else (DESIGN.md §5: report text, not
 * navigation): on each, only the letter (`data-pagefind-body`), without the controls and
 * annotations the site adds (`data-pagefind-ignore`). Every numbered paragraph carries an id and
 * `data-pagefind-title` (src/plugins/rehype-paragraph-anchors.ts), so a result is a report whose
 * matching paragraphs come back as sub-results, each with its own link. The metadata and filters
 * come from hidden elements on the page (src/components/SearchFacets.astro).
 *
 * Why a record per report and not per paragraph (as this site first did): Pagefind's cost grows
 * with the number of records. At 1,000 reports (about 20,000 paragraphs) per-paragraph records
 * took 15.7 s to index and a first search downloaded 475 KB, most of it filter and metadata files
 * that grow with the record count (npm run bench; README, Performance). Pagefind's filters apply
 * to whole records, so a theme filter now keeps the reports with a paragraph on that theme.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { REPORTS_PATH } from '../lib/urls.ts';

/** The report pages, relative to the output folder: reports/<slug>/index.html, not the list. */
export const INDEXED_PAGES = `${REPORTS_PATH}*/index.html`;

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'herefordshire:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir, glob: INDEXED_PAGES });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        // A build that indexes nothing would ship a search that finds nothing: fail instead.
        if (added.page_count === 0) throw new Error(`Pagefind found no report pages (${INDEXED_PAGES}) in ${outDir}.`);
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`indexed ${added.page_count} report pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
