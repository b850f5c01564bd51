/**
 * Content collections. The schemas themselves live in src/schema.ts, shared with the importer.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { contentDir } from './data/content-dir.ts';
import { reportSchema } from './schema.ts';

const reports = defineCollection({
  // The file name is the report's permanent slug, e.g. 2025-06-monitoring-visit-7.
  loader: glob({ base: path.join(contentDir, 'reports'), pattern: '*.mdx' }),
  schema: reportSchema,
});

export const collections = { reports };
