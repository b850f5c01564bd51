/**
 * The module structure the README describes, enforced: no import cycle anywhere in src/ and
 * scripts/ (type-only imports count: a cycle of types is still two modules that cannot be
 * understood apart), and src/lib stays pure: it imports nothing outside src/lib (not the
 * Astro-aware layers, src/plugins, src/loaders, src/pages, src/components, src/layouts), nor any
 * Astro package, and each of its folders imports only the folders below it (LIB_FOLDERS).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const EXTENSIONS = ['.ts', '.mts', '.mjs', '.js', '.astro'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return EXTENSIONS.some((extension) => name.endsWith(extension)) ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports, type-only and dynamic imports included. */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    // import x from '...'; import type { X } from '...'; export { x } from '...'; export * from '...' (over several lines too)
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    // import '...' (side effects only)
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    // import('...')
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.resolve(path.dirname(from), specifier);
  for (const candidate of [target, ...EXTENSIONS.map((extension) => target + extension), ...EXTENSIONS.map((extension) => path.join(target, `index${extension}`))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const files = [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'scripts')), path.join(root, 'astro.config.mjs')];
const graph = new Map<string, { local: string[]; external: string[] }>(
  files.map((file) => {
    const all = specifiers(readFileSync(file, 'utf8'));
    return [file, { local: all.map((specifier) => resolve(file, specifier)).filter((target): target is string => target !== undefined), external: all }];
  }),
);
const relative = (file: string): string => path.relative(root, file);

/** Every cycle's modules (strongly connected components of more than one module, or a module importing itself). */
function cycles(): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowlinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  function connect(node: string): void {
    indices.set(node, index);
    lowlinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.local ?? []) {
      if (!indices.has(next)) {
        connect(next);
        lowlinks.set(node, Math.min(lowlinks.get(node)!, lowlinks.get(next)!));
      } else if (onStack.has(next)) {
        lowlinks.set(node, Math.min(lowlinks.get(node)!, indices.get(next)!));
      }
    }
    if (lowlinks.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node)?.local ?? []).includes(node)) found.push(component.map(relative).sort());
    }
  }
  for (const file of graph.keys()) if (!indices.has(file)) connect(file);
  return found;
}

/**
 * The folders of src/lib, each with the folders it may import (DESIGN.md §7; each folder's
 * README.md says what it owns). A folder missing here, or an import across folders not listed,
 * fails the test: a new arrow between capabilities is a decision to make here, not by accident.
 */
export const LIB_FOLDERS: Record<string, readonly string[]> = {
  utils: [],
  site: [],
  record: ['utils', 'site'],
  pictures: ['utils', 'record'],
  publish: ['utils', 'site', 'record'],
  briefing: ['utils', 'site', 'record', 'publish'],
  search: ['utils', 'site', 'record', 'briefing'],
  glossary: ['utils', 'search'],
  importer: ['utils', 'site', 'record', 'pictures'],
  compare: ['utils', 'record', 'pictures'],
  neighbours: ['utils', 'record', 'pictures', 'compare', 'importer'],
};

/** The Astro packages: the model must run without Astro (the importer does, and the unit tests). */
const ASTRO_PACKAGE = /^(astro(:|\/|$)|@astrojs\/)/;

/** `src/lib/<folder>/…` → `<folder>`, or undefined for a file not under src/lib. */
function libFolder(file: string): string | undefined {
  return /^src\/lib\/([^/]+)\//.exec(relative(file))?.[1];
}

describe('module structure', () => {
  it('reads the imports it checks (multi-line, type-only, re-exports, dynamic)', () => {
    const source = "import {\n  a,\n  b,\n} from './a.ts';\nimport type { T } from '../t.ts';\nexport { x } from './x.ts';\nimport './side.css';\nconst m = await import('./lazy.ts');\n";
    expect(specifiers(source).sort()).toEqual(['../t.ts', './a.ts', './lazy.ts', './side.css', './x.ts']);
    expect(graph.get(path.join(root, 'src/lib/record/build-record.ts'))?.local.map(relative)).toContain('src/lib/record/paragraphs.ts');
  });

  it('has no import cycle in src/ and scripts/, type-only imports included', () => {
    expect(cycles()).toEqual([]);
  });

  it('keeps src/lib pure: nothing imported from outside src/lib, and no Astro package', () => {
    const problems: string[] = [];
    for (const [file, { local, external }] of graph) {
      if (!relative(file).startsWith('src/lib/')) continue;
      for (const target of local) if (!relative(target).startsWith('src/lib/')) problems.push(`${relative(file)} imports ${relative(target)}`);
      for (const specifier of external) if (ASTRO_PACKAGE.test(specifier)) problems.push(`${relative(file)} imports ${specifier}`);
    }
    expect(problems).toEqual([]);
  });

  it('groups src/lib in folders by capability, each importing only the folders below it', () => {
    const problems: string[] = [];
    for (const [file, { local }] of graph) {
      if (!relative(file).startsWith('src/lib/')) continue;
      const folder = libFolder(file);
      if (folder === undefined || !(folder in LIB_FOLDERS)) {
        problems.push(`${relative(file)} is not in one of src/lib's folders (${Object.keys(LIB_FOLDERS).join(', ')})`);
        continue;
      }
      for (const target of local) {
        const to = libFolder(target);
        if (to !== undefined && to !== folder && !LIB_FOLDERS[folder]!.includes(to)) {
          problems.push(`${relative(file)} (${folder}/) imports ${relative(target)}: ${folder}/ may import ${LIB_FOLDERS[folder]!.join(', ') || 'no other folder'}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives each folder of src/lib a README saying what it owns and what it may import', () => {
    const missing = Object.keys(LIB_FOLDERS).filter((folder) => !existsSync(path.join(root, 'src/lib', folder, 'README.md')));
    expect(missing).toEqual([]);
  });
});
