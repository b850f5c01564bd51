/**
 * remark plugin: reads a report's numbered paragraphs and their annotations from the tree that
 * Astro's MDX compile has already parsed, and hands them to the record through the file's
 * frontmatter, which `render(entry)` returns as `remarkPluginFrontmatter` (src/data/record.ts).
 *
 * Why: the record used to parse every report's MDX a second time to read the same things: about
 * 2.5 s of a 42 s build at 1,000 reports (npm run bench). Reading the compile's own tree also
 * means the paragraphs the record numbers are those of the very parse that the page is rendered
 * from. The reading itself is `paragraphsFromTree` (src/lib/paragraphs.ts), shared with
 * `parseParagraphs`, which the importer and the tests run on text.
 *
 * Line numbers are file lines: @astrojs/mdx blanks the frontmatter out rather than removing it.
 * Problems carry no file name here; the record adds the path it shows in messages.
 */
import type { Root } from 'mdast';
import { paragraphsFromTree, type ReportParagraphs } from '../lib/paragraphs.ts';

/** The frontmatter key the paragraphs travel under. */
export const COLLECTED_PARAGRAPHS_KEY = 'reportParagraphs';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function remarkCollectParagraphs() {
  return function transformer(tree: Root, file: { data: AstroFileData }): void {
    const frontmatter = file.data.astro?.frontmatter;
    // Only Astro's Markdown and MDX compiles carry frontmatter; nothing else needs the paragraphs.
    if (!frontmatter) return;
    const collected: ReportParagraphs = paragraphsFromTree(tree, { file: '' });
    frontmatter[COLLECTED_PARAGRAPHS_KEY] = collected;
  };
}

/**
 * Reads the paragraphs back from `remarkPluginFrontmatter`, or undefined if they are missing
 * (the plugin did not run for this file). Checked, because the value has crossed a module boundary
 * as JSON and TypeScript cannot vouch for it.
 */
export function collectedParagraphs(frontmatter: Record<string, unknown>): ReportParagraphs | undefined {
  const value = frontmatter[COLLECTED_PARAGRAPHS_KEY] as Partial<ReportParagraphs> | undefined;
  if (!value || !Array.isArray(value.paragraphs) || !Array.isArray(value.problems)) return undefined;
  return { paragraphs: value.paragraphs, problems: value.problems };
}
