/**
 * Reads content/glossary.yaml (or CONTENT_DIR's), validated with the schema. Both the record
 * (src/loaders/record.ts, which fails the build on its problems) and astro.config.mjs (which gives
 * the terms to the report pages' plugin) read it here. A content folder without a glossary (the
 * test fixtures, the benchmark's generated corpus) has an empty one.
 */
import { glossaryProblems, type GlossaryTerm } from '../lib/glossary/matching.ts';
import type { ContentProblem } from '../lib/utils/content-problems.ts';
import type { WithLine } from '../lib/utils/yaml-list.ts';
import { glossaryTermSchema } from '../lib/record/schema.ts';
import { readYamlList } from './content-dir.ts';

export function readGlossary(): { terms: WithLine<GlossaryTerm>[]; problems: ContentProblem[] } {
  const { items, problems, file } = readYamlList('glossary.yaml', glossaryTermSchema, { optional: true });
  return { terms: items, problems: [...problems, ...glossaryProblems(items, file)] };
}
