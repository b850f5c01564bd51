/**
 * Reads content/glossary.yaml (or CONTENT_DIR's), validated with the schema. Both the record
 * (src/data/record.ts, which fails the build on its problems) and astro.config.mjs (which gives
 * the terms to the report pages' plugin) read it here. A content folder without a glossary (the
 * test fixtures, the benchmark's generated corpus) has an empty one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { glossaryProblems, type GlossaryTerm } from '../lib/glossary.ts';
import type { ContentProblem } from '../lib/problems.ts';
import { parseYamlList, type WithLine } from '../lib/yaml-list.ts';
import { glossaryTermSchema } from '../schema.ts';
import { contentDir, displayPath } from './content-dir.ts';

export function readGlossary(): { terms: WithLine<GlossaryTerm>[]; problems: ContentProblem[] } {
  const file = path.join(contentDir, 'glossary.yaml');
  if (!existsSync(file)) return { terms: [], problems: [] };
  const shown = displayPath(file);
  const { items, problems } = parseYamlList(readFileSync(file, 'utf8'), shown, glossaryTermSchema);
  return { terms: items, problems: [...problems, ...glossaryProblems(items, shown)] };
}
