/**
 * Where the content lives: `content/` unless CONTENT_DIR says otherwise. Tests build broken
 * fixtures this way, and the benchmark builds a generated corpus, without touching content/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYamlList } from '../lib/utils/yaml-list.ts';

export const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}

/**
 * A YAML list of the content folder (themes.yaml, weaknesses.yaml, events.yaml, glossary.yaml),
 * each item validated with its schema and given its line. `optional`: a folder without the file
 * (the test fixtures, the benchmark's corpus) has an empty list.
 */
export function readYamlList<T extends { id: string }>(name: string, schema: Parameters<typeof parseYamlList<T>>[2], options: { optional?: boolean } = {}) {
  const file = path.join(contentDir, name);
  if (options.optional && !existsSync(file)) return { items: [], problems: [], file: displayPath(file) };
  return { ...parseYamlList(readFileSync(file, 'utf8'), displayPath(file), schema), file: displayPath(file) };
}
