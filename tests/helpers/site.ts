/** Reading the built site in tests. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { inject } from 'vitest';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The built page at a site path such as `/reports/` (the build has base `/`). */
export async function builtPage(sitePath: string): Promise<{ html: string; tree: Root }> {
  const file = path.join(inject('distDir'), sitePath.replace(/^\//, ''), sitePath.endsWith('/') ? 'index.html' : '');
  const html = await readFile(file, 'utf8');
  return { html, tree: fromHtml(html) };
}

/** Visible text with whitespace collapsed. */
export function text(node: Element | Root): string {
  return toText(node).replace(/\s+/g, ' ').trim();
}
