/**
 * Every absolute URL a built site contains, sorted into the site's own (under its public address,
 * SITE_URL and BASE_PATH) and other hosts'. The site may point elsewhere only at its sources: the
 * hosts of the links in content/ (Ofsted's documents, the news and council pages an event cites),
 * the Open Government Licence, and the XML namespaces feeds and sitemaps declare (names, not links).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OGL_URL } from '../../src/lib/site/urls.ts';

const URL_PATTERN = /\bhttps?:\/\/[^\s"'<>()\\`{}|^[\]]+/g;

/** The files of a built site that hold text: pages, feeds, sitemaps, data, scripts, styles and the headers file. */
const TEXT_FILE = /(\.(html|xml|json|txt|csv|js|mjs|css|svg|webmanifest|md)|^_headers)$/;

/**
 * Namespace names that feeds and sitemaps declare (Atom's, the sitemap protocol's, and Google's
 * news, image and video extensions that @astrojs/sitemap declares): names, never fetched or shown.
 */
const NAMESPACE_HOSTS = ['www.w3.org', 'www.sitemaps.org', 'www.google.com'];

/**
 * Pagefind's own library, copied into pagefind/ as it ships, and into each other index's folder
 * (the older tiers', pagefind-older-N/, and the statistical neighbours', pagefind-neighbours/) (its
 * licence comments and code hold URLs of its authors and bug trackers): not addresses this site
 * writes. Its index files are binary; its entry file (pagefind-entry.json) is read like any other.
 */
const LIBRARY_FILE = /^pagefind(?:-older-[1-9][0-9]*|-neighbours)?\/[^/]+\.(js|css)$/;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

export function absoluteUrls(text: string): string[] {
  // A URL at the end of a sentence keeps its full stop or comma out.
  return [...text.matchAll(URL_PATTERN)].map((match) => match[0].replace(/[.,;:]+$/, ''));
}

/** "www.ofsted.gov.uk" written in a letter, which Markdown turns into a link. */
const BARE_WWW = /\bwww\.[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi;

/** The hosts the content links to: every absolute URL in every file under `contentDir`. */
export async function contentHosts(contentDir: string): Promise<Set<string>> {
  const hosts = new Set<string>();
  for (const file of await filesUnder(contentDir)) {
    const text = await readFile(file, 'utf8');
    for (const url of absoluteUrls(text)) hosts.add(new URL(url).host);
    for (const match of text.matchAll(BARE_WWW)) hosts.add(match[0].toLowerCase());
  }
  return hosts;
}

export interface UrlScan {
  /** How many text files were read. */
  files: number;
  /** How many absolute URLs under the site's address were found. */
  own: number;
  /** "<file>: <url>" for every URL that is neither the site's own nor an allowed source's. */
  problems: string[];
}

/** Reads every text file in `distDir` and checks every absolute URL in it against `home` (SITE_URL + BASE_PATH) and the allowed hosts. */
export async function scanBuiltUrls(distDir: string, home: string, sourceHosts: ReadonlySet<string>): Promise<UrlScan> {
  const allowed = new Set([...sourceHosts, new URL(OGL_URL).host, ...NAMESPACE_HOSTS]);
  const siteHost = new URL(home).host;
  allowed.delete(siteHost);
  const scan: UrlScan = { files: 0, own: 0, problems: [] };
  for (const file of await filesUnder(distDir)) {
    const relative = path.relative(distDir, file).split(path.sep).join('/');
    if (!TEXT_FILE.test(path.basename(file)) || LIBRARY_FILE.test(relative)) continue;
    scan.files++;
    for (const url of absoluteUrls(await readFile(file, 'utf8'))) {
      let host: string;
      try {
        host = new URL(url).host;
      } catch {
        scan.problems.push(`${relative}: ${url} (not a valid URL)`);
        continue;
      }
      if (url.startsWith(home)) scan.own++;
      else if (!allowed.has(host)) scan.problems.push(`${relative}: ${url}`);
    }
  }
  return scan;
}
