/**
 * Content collections. The schemas themselves live in src/lib/record/schema.ts, shared with the importer.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { contentDir } from './loaders/content-dir.ts';
import { neighbourReportSchema, reportSchema } from './lib/record/schema.ts';

const reports = defineCollection({
  // The file name is the report's permanent slug, e.g. 2025-06-monitoring-visit-7.
  // retainBody: false: nothing reads entry.body (the record takes the paragraphs from the MDX
  // compile, src/plugins/mdast-collect-paragraphs.ts), and keeping every report's text in the
  // content store costs memory and time at a thousand reports (issue 15 measured 3-5 s and
  // 0.3-0.5 GB at 2,000).
  loader: glob({ base: path.join(contentDir, 'reports'), pattern: '*.mdx', retainBody: false }),
  schema: reportSchema,
});

// Herefordshire's statistical neighbours' inspection reports (issue 26), written by
// `npm run neighbours`: content/neighbours/<council>/<slug>.mdx, whose id `<council>/<slug>` is
// the page's permanent address under /neighbours/.
const neighbours = defineCollection({
  loader: glob({ base: path.join(contentDir, 'neighbours'), pattern: '*/*.mdx', retainBody: false }),
  schema: neighbourReportSchema,
});

export const collections = { reports, neighbours };
