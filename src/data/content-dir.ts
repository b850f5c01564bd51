/**
 * Where the content lives: `content/` unless CONTENT_DIR says otherwise. Tests build broken
 * fixtures this way, and the benchmark builds a generated corpus, without touching content/.
 */
import path from 'node:path';

export const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
