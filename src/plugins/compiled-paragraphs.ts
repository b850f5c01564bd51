/**
 * The paragraphs each report's MDX compile read (src/plugins/mdast-collect-paragraphs.ts hands
 * them over), kept by file path until the record (src/loaders/record.ts) and the page plugin
 * (src/plugins/hast-paragraph-anchors.ts, for footnote marks) take them. DESIGN.md, "The life of
 * an anchor", draws the whole journey.
 *
 * Why a process-wide store rather than the file's frontmatter (which `render(entry)` returns as
 * `remarkPluginFrontmatter`): whatever goes into the frontmatter is written into the compiled
 * module as a literal, then parsed and bundled again: every paragraph's text twice more, which
 * cost as much bundling time as a second parse. The compile and the rendering run in one Node
 * process (in `astro build` and `astro dev` alike), so the plugin and the record, though bundled
 * separately, share `globalThis`, where the store lives under a registered symbol (a module-level
 * map would be one per bundle). If they ever did not share it, the record fails loudly rather
 * than rendering a report without its paragraphs.
 */
import path from 'node:path';
import type { ReportParagraphs } from '../lib/record/paragraphs.ts';

const STORE = Symbol.for('herefordshire-inspections:compiled-paragraphs');

type Store = Map<string, ReportParagraphs>;

function store(): Store {
  const holder = globalThis as { [STORE]?: Store };
  holder[STORE] ??= new Map();
  return holder[STORE];
}

/** The compile of `filePath` (absolute or relative) read these paragraphs. */
export function handOverParagraphs(filePath: string, paragraphs: ReportParagraphs): void {
  store().set(path.resolve(filePath), paragraphs);
}

/** What the compile read from a file (an absolute or relative path), if it has compiled it. */
export function compiledParagraphs(filePath: string): ReportParagraphs | undefined {
  return store().get(path.resolve(filePath));
}
