/**
 * Which pages a built site has: every page in its sitemap, plus the 404 page, as paths relative
 * to the base. The quality gates run over exactly these.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export async function sitemapPages(distDir: string): Promise<string[]> {
  const sitemap = await readFile(path.join(distDir, 'sitemap-0.xml'), 'utf8');
  const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  return [...new Set(pages)].sort();
}

/** The HTML file of a page path (base stripped), e.g. /reports/ -> <dist>/reports/index.html. */
export function pageFile(distDir: string, base: string, pagePath: string): string {
  const relative = pagePath.startsWith(base) ? pagePath.slice(base.length) : pagePath.replace(/^\//, '');
  if (relative === '' || relative.endsWith('/')) return path.join(distDir, relative, 'index.html');
  return path.join(distDir, relative);
}
