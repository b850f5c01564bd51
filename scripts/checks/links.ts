/**
 * A link checker over the built site, in the spirit of withastro/docs' checker: every internal
 * link, script, stylesheet and form target must resolve to a file in the build, and every
 * `#fragment` to an id on the target page. External links are listed, never fetched.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

export interface LinkReport {
  /** "page -> target: why" */
  broken: string[];
  /** Every external URL, with the pages that link to it. */
  external: Map<string, string[]>;
  pagesChecked: number;
}

async function htmlFiles(dir: string): Promise<string[]> {
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

function ids(tree: ReturnType<typeof fromHtml>): Set<string> {
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
 * @param base the base the site was built with, e.g. `/` or `/inspections/`; a link outside it is
 * broken, since it would leave the site.
 */
export async function checkLinks(distDir: string, base = '/'): Promise<LinkReport> {
  const files = await htmlFiles(distDir);
  const idCache = new Map<string, Set<string>>();
  const broken: string[] = [];
  const external = new Map<string, string[]>();

  async function idsOf(file: string): Promise<Set<string>> {
    let found = idCache.get(file);
    if (!found) {
      found = ids(fromHtml(await readFile(file, 'utf8')));
      idCache.set(file, found);
    }
    return found;
  }

  for (const file of files) {
    const tree = fromHtml(await readFile(file, 'utf8'));
    const page = `${base}${path.relative(distDir, file).split(path.sep).join('/').replace(/index\.html$/, '')}`;
    idCache.set(file, ids(tree));
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
          broken.push(`${page} -> ${target}: outside the site’s base ${base}`);
          continue;
        }
        const relative = targetPath.slice(base.length);
        const candidates = relative === '' || relative.endsWith('/') ? [path.join(distDir, relative, 'index.html')] : [path.join(distDir, relative), path.join(distDir, relative, 'index.html')];
        let targetFile: string | undefined;
        for (const candidate of candidates) {
          if (await exists(candidate)) {
            targetFile = candidate;
            break;
          }
        }
        if (!targetFile) {
          broken.push(`${page} -> ${target}: no such page or file`);
          continue;
        }
        const fragment = decodeURIComponent(resolved.hash.slice(1));
        if (fragment && targetFile.endsWith('.html') && !(await idsOf(targetFile)).has(fragment)) {
          broken.push(`${page} -> ${target}: no element with id "${fragment}" on that page`);
        }
      }
    }
  }
  return { broken, external, pagesChecked: files.length };
}
