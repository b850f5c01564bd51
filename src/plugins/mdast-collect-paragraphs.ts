/**
 * Sätteri mdast plugin: reads a report's numbered paragraphs and their annotations from the tree
 * that Astro's MDX compile has already parsed, and leaves them, keyed by file path, where the
 * record (src/data/record.ts) picks them up.
 *
 * Why: the record used to parse every report's MDX a second time to read the same things: about
 * 2.5 s of a 42 s build at 1,000 reports (npm run bench). Reading the compile's own tree also
 * means the record numbers the paragraphs of the very parse the page is rendered from. The
 * reading itself is `paragraphsFromTree` (src/lib/paragraphs.ts), shared with `parseParagraphs`,
 * which the importer and the tests run on text; both follow the paragraph contract
 * (src/lib/paragraph-numbering.ts), as the page plugin does.
 *
 * How it uses Sätteri: a factory, called once per compiled file, returns a plugin whose `before`
 * hook gets the whole mdast root (positions on, for lines in messages). The numbering mode comes
 * from the frontmatter @astrojs/markdown-satteri puts in the data bag; the record checks the mode
 * handed over against the frontmatter it validated, so a compile that saw no frontmatter cannot
 * silently number a report the wrong way.
 *
 * Why a process-wide registry rather than the file's frontmatter (which `render(entry)` returns
 * as `remarkPluginFrontmatter`): whatever goes into the frontmatter is written into the compiled
 * module as a literal, then parsed and bundled again: every paragraph's text twice more, which
 * cost as much bundling time as the second parse it replaced. The compile and the rendering run
 * in one Node process (in `astro build` and `astro dev` alike), so the plugin and the record,
 * though bundled separately, share `globalThis`. If they ever did not, the record fails loudly
 * rather than rendering a report without its paragraphs.
 *
 * Line numbers are file lines: @astrojs/mdx blanks the frontmatter out rather than removing it.
 * Problems carry no file name here; the record adds the path it shows in messages.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { numberingModeOfCompile } from '../lib/paragraph-numbering.ts';
import { paragraphsFromTree, type ReportParagraphs } from '../lib/paragraphs.ts';

const REGISTRY = Symbol.for('herefordshire-inspections:report-paragraphs');

type Registry = Map<string, ReportParagraphs>;

function registry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** The Sätteri plugin entry: a factory, called once per compiled file (left out for text without a path). */
export default function mdastCollectParagraphs(ctx: PluginFactoryContext): MdastPluginDefinition | undefined {
  const { fileURL } = ctx;
  if (!fileURL) return undefined;
  const mode = numberingModeOfCompile(ctx.data);
  return {
    name: 'collect-paragraphs',
    options: { position: true },
    before(root) {
      // structuredClone: the tree's strings are slices of the whole tree Sätteri handed over, so
      // keeping them as they are would keep every report's tree (positions and all) in memory for
      // the rest of the build: 64 MB at 1,000 reports, which V8 then multiplies into its heap
      // headroom. The copy keeps only the words (README, Performance).
      registry().set(path.resolve(fileURLToPath(fileURL)), structuredClone(paragraphsFromTree(root as Root, { file: '', mode })));
    },
  };
}

/** What the compile read from a file (an absolute or relative path), if it has compiled it. */
export function collectedParagraphs(filePath: string): ReportParagraphs | undefined {
  return registry().get(path.resolve(filePath));
}
