/**
 * A link checker, in the spirit of withastro/docs' checker: every internal link, script,
 * stylesheet and form target must resolve, and every `#fragment` to an id on the target page.
 * External links are listed, never fetched. The same check runs over a built folder
 * (`checkLinks`, reading `dist/`) and over a served copy (scripts/checks/site.ts, fetching each
 * target): only how a target is found differs (`FindTarget`).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

export interface BrokenLink {
  /** The page the link is on, as a path including the base. */
  page: string;
  /** The link as written. */
  target: string;
  why: string;
}

export interface LinkReport {
  /** "page -> target: why" */
  broken: string[];
  /** Every external URL, with the pages that link to it. */
  external: Map<string, string[]>;
  pagesChecked: number;
}

/** A target that exists: `ids` reads the ids of an HTML page, or gives undefined for any other file. */
export interface LinkTarget {
  ids(): Promise<Set<string> | undefined>;
}

/** Finds the file or page at a site path (base included, decoded, no fragment), or undefined when there is none. */
export type FindTarget = (sitePath: string) => Promise<LinkTarget | undefined>;

export function brokenLinkLine(link: BrokenLink): string {
  return `${link.page} -> ${link.target}: ${link.why}`;
}

/** Every HTML file of a built folder, Pagefind's own excluded, sorted. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}pagefind${path.sep}`))
    .sort();
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

export function idsOf(tree: Root): Set<string> {
  return new Set(selectAll('[id]', tree).map((element) => String(element.properties.id)));
}

const LINK_ATTRIBUTES: Array<[string, string]> = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['form[action]', 'action'],
  ['blockquote[cite]', 'cite'],
  // A refresh's target, "0; url=/reports/<slug>/#p12" (the paragraphs' preview pages).
  ['meta[http-equiv="refresh"]', 'content'],
];

function attributeValue(element: Element, attribute: string): string {
  const value = element.properties[attribute];
  const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
  return element.tagName === 'meta' ? (/;\s*url=(.*)$/i.exec(text)?.[1]?.trim() ?? '') : text;
}

/**
 * Checks the links of one page.
 * @param page the page's path, base included (e.g. `/inspections/reports/`).
 * @param base the base the site is served under, e.g. `/` or `/inspections/`; a link outside it is
 * broken, since it would leave the site.
 * @param external collects every external URL with the pages that link to it.
 */
export async function checkPageLinks(page: string, tree: Root, base: string, find: FindTarget, external: Map<string, string[]>): Promise<BrokenLink[]> {
  const broken: BrokenLink[] = [];
  for (const [selector, attribute] of LINK_ATTRIBUTES) {
    for (const element of selectAll(selector, tree)) {
      const target = attributeValue(element, attribute);
      if (/^(mailto|tel):/.test(target)) continue;
      if (/^https?:\/\//.test(target)) {
        external.set(target, [...(external.get(target) ?? []), page]);
        continue;
      }
      const resolved = new URL(target, `http://site${page}`);
      const targetPath = decodeURIComponent(resolved.pathname);
      if (!targetPath.startsWith(base)) {
        broken.push({ page, target, why: `outside the site’s base ${base}` });
        continue;
      }
      const found = await find(targetPath);
      if (!found) {
        broken.push({ page, target, why: 'no such page or file' });
        continue;
      }
      const fragment = decodeURIComponent(resolved.hash.slice(1));
      if (!fragment) continue;
      const ids = await found.ids();
      if (ids && !ids.has(fragment)) broken.push({ page, target, why: `no element with id "${fragment}" on that page` });
    }
  }
  return broken;
}

/** Every HTML file of a built folder (the preview pages included, Pagefind's own excluded), read from disk. */
export async function checkLinks(distDir: string, base = '/'): Promise<LinkReport> {
  const files = await htmlFiles(distDir);
  const idCache = new Map<string, Set<string>>();
  const external = new Map<string, string[]>();
  const broken: BrokenLink[] = [];

  const find: FindTarget = async (targetPath) => {
    const relative = targetPath.slice(base.length);
    const candidates = relative === '' || relative.endsWith('/') ? [path.join(distDir, relative, 'index.html')] : [path.join(distDir, relative), path.join(distDir, relative, 'index.html')];
    for (const file of candidates) {
      if (!(await exists(file))) continue;
      return {
        ids: async () => {
          if (!file.endsWith('.html')) return undefined;
          let found = idCache.get(file);
          if (!found) {
            found = idsOf(fromHtml(await readFile(file, 'utf8')));
            idCache.set(file, found);
          }
          return found;
        },
      };
    }
    return undefined;
  };

  for (const file of files) {
    const tree = fromHtml(await readFile(file, 'utf8'));
    const page = `${base}${path.relative(distDir, file).split(path.sep).join('/').replace(/index\.html$/, '')}`;
    idCache.set(file, idsOf(tree));
    broken.push(...(await checkPageLinks(page, tree, base, find, external)));
  }
  return { broken: broken.map(brokenLinkLine), external, pagesChecked: files.length };
}
