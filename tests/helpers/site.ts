/** Reading the built site in tests. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { inject } from 'vitest';
import { anchorsInPage } from '../../src/lib/record/anchor-manifest.ts';

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

const anchorsByPage = new Map<string, Set<string>>();

/** Whether a site path with a fragment (`/reports/<slug>/#p12`) names a paragraph anchor of the built page. */
export async function anchorExists(href: string): Promise<boolean> {
  const [page = '', fragment = ''] = href.split('#');
  let anchors = anchorsByPage.get(page);
  if (!anchors) {
    anchors = new Set(anchorsInPage((await builtPage(page)).html).map((anchor) => anchor.id));
    anchorsByPage.set(page, anchors);
  }
  return anchors.has(fragment);
}
