/**
 * Sätteri mdast plugin: reads a report's numbered paragraphs and their annotations from the tree
 * that Astro's MDX compile has already parsed, and leaves them, keyed by file path, where the
 * record (src/loaders/record.ts) picks them up.
 *
 * Why: the record used to parse every report's MDX a second time to read the same things: about
 * 2.5 s of a 42 s build at 1,000 reports (npm run bench). Reading the compile's own tree also
 * means the record numbers the paragraphs of the very parse the page is rendered from. The
 * reading itself is `paragraphsFromTree` (src/lib/record/paragraphs.ts), shared with `parseParagraphs`,
 * which the importer and the tests run on text; both follow the paragraph contract
 * (src/lib/record/paragraph-numbering.ts), as the page plugin does.
 *
 * How it uses Sätteri: a factory, called once per compiled file, returns a plugin whose `before`
 * hook gets the whole mdast root (positions on, for lines in messages). The numbering mode comes
 * from the frontmatter @astrojs/markdown-satteri puts in the data bag; the record checks the mode
 * handed over against the frontmatter it validated, so a compile that saw no frontmatter cannot
 * silently number a report the wrong way.
 *
 * What it reads is handed over through src/plugins/compiled-paragraphs.ts, which says why not
 * through the frontmatter.
 *
 * Line numbers are file lines: @astrojs/mdx blanks the frontmatter out rather than removing it.
 * Problems carry no file name here; the record adds the path it shows in messages.
 */
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { numberingModeOfCompile } from '../lib/record/paragraph-numbering.ts';
import { paragraphsFromTree } from '../lib/record/paragraphs.ts';
import { handOverParagraphs } from './compiled-paragraphs.ts';

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
      handOverParagraphs(fileURLToPath(fileURL), structuredClone(paragraphsFromTree(root as Root, { file: '', mode })));
    },
  };
}
