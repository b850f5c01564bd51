/**
 * Compiles MDX text the way the site's build does: through the MDX renderer of Astro's Sätteri
 * processor (@astrojs/markdown-satteri, the one @astrojs/mdx calls), with the site's plugins and
 * smart punctuation off, as in astro.config.mjs. A last hast plugin hands back the tree the
 * site's plugins produced, as plain hast, for the tests to read.
 */
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import type { Root, RootContent } from 'hast';
import type { HastPluginEntry, MdastPluginEntry } from 'satteri';

export interface CompileOptions {
  /** The file being compiled, as Astro passes it (an absolute path). */
  filePath?: string;
  /** The frontmatter Astro hands the compile (the body itself has none). */
  frontmatter?: Record<string, unknown>;
  mdastPlugins?: MdastPluginEntry[];
  hastPlugins?: HastPluginEntry[];
}

type AnyNode = Root | RootContent;

/** A plain copy of a Sätteri tree node (its children are resolved lazily from Rust). */
function plain(node: AnyNode): AnyNode {
  const copy: Record<string, unknown> = { type: node.type };
  for (const key of ['tagName', 'value', 'name'] as const) {
    if (key in node) copy[key] = (node as unknown as Record<string, unknown>)[key];
  }
  if ('properties' in node) copy.properties = { ...node.properties };
  if ('attributes' in node) copy.attributes = (node.attributes as unknown[]).map((attribute) => ({ ...(attribute as object) }));
  if ('children' in node) copy.children = (node.children as AnyNode[]).map(plain);
  return copy as unknown as AnyNode;
}

/** Compiles `mdx` and returns the hast tree after the given plugins ran, and the compiled module. */
export async function compileMdx(mdx: string, options: CompileOptions = {}): Promise<{ tree: Root; code: string }> {
  let tree: Root | undefined;
  const capture: HastPluginEntry = {
    name: 'test-capture',
    after(root) {
      tree = plain(root as Root) as Root;
    },
  };
  const processor = satteri({
    mdastPlugins: options.mdastPlugins ?? [],
    hastPlugins: [...(options.hastPlugins ?? []), capture],
    features: { smartPunctuation: false },
  });
  const renderer = await processor.createMdxRenderer!(
    { syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: false },
    // `optimize: true`, as astro.config.mjs has it: the site compiles with it, so the tests do too.
    { optimize: true, srcDir: pathToFileURL(`${process.cwd()}/src/`), sourcemap: false },
  );
  const { code } = await renderer.process(mdx, options.filePath ?? `${process.cwd()}/content/reports/fixture.mdx`, options.frontmatter ?? {});
  if (!tree) throw new Error('the Sätteri pipeline did not run');
  return { tree, code };
}

/**
 * The HTML a compiled module writes as it is: with `optimize`, the static parts of the page are
 * strings handed to `set:html`, which this reads back (JSON string escapes undone), in order.
 */
export function staticHtml(code: string): string {
  return [...code.matchAll(/"set:html": ("(?:[^"\\]|\\.)*")/g)].map((match) => JSON.parse(match[1]!) as string).join('\n');
}
