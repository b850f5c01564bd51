/**
 * Which pages a site has: every page in its sitemap (as @astrojs/sitemap writes it: a
 * sitemap-index.xml naming sitemap-0.xml, …), as paths. The quality gates run over exactly these,
 * plus the 404 page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The `<loc>` addresses of a sitemap or a sitemap index. */
export function sitemapLocs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.trim());
}

/** Paths of a sitemap's pages, sorted and without repeats. */
export function sitemapPaths(xml: string): string[] {
  return [...new Set(sitemapLocs(xml).map((loc) => new URL(loc).pathname))].sort();
}

export async function sitemapPages(distDir: string): Promise<string[]> {
  return sitemapPaths(await readFile(path.join(distDir, 'sitemap-0.xml'), 'utf8'));
}

/** The HTML file of a page path (base stripped), e.g. /reports/ -> <dist>/reports/index.html. */
export function pageFile(distDir: string, base: string, pagePath: string): string {
  const relative = pagePath.startsWith(base) ? pagePath.slice(base.length) : pagePath.replace(/^\//, '');
  if (relative === '' || relative.endsWith('/')) return path.join(distDir, relative, 'index.html');
  return path.join(distDir, relative);
}
