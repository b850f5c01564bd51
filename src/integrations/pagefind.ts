/**
 * Builds the Pagefind search index at the end of `astro build` (as Starlight does), so that
 * `npm run build`, `npm start` and the tests all get a site whose search works.
 *
 * Each paragraph is indexed as its own record, from /data/findings.json (the same model the
 * pages render), rather than by crawling the HTML. Pagefind can split a page into sub-results
 * (on headings with ids, or elements with data-pagefind-title: both verified with 1.6), but its
 * filters apply to whole pages: a theme filter would keep a page with one caseloads paragraph and
 * then show its other paragraphs too. One record per paragraph makes every result a paragraph,
 * with its own themes as filter values and exact counts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { Finding } from '../lib/findings.ts';
import { searchRecord } from '../lib/search-records.ts';

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'herefordshire:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const findings = JSON.parse(await readFile(path.join(outDir, 'data/findings.json'), 'utf8')) as Finding[];
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Sent all at once rather than one round trip at a time to the Pagefind service: about a
        // tenth faster at 1,000 reports (npm run bench).
        const responses = await Promise.all(findings.map((finding) => index.addCustomRecord(searchRecord(finding))));
        responses.forEach((response, i) => {
          if (response.errors.length > 0) throw new Error(`Pagefind: ${findings[i]!.path}: ${response.errors.join('; ')}`);
        });
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`indexed ${findings.length} paragraphs in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
