/**
 * The bare controls: the least Astro projects that render the same MDX files (MDX, SmartyPants
 * off, uncompressed HTML), one page per report, with components that only render their
 * children. No record, no annotations, no plugins, no other pages, no search index. The site's
 * build time over a control's is what our own work costs.
 *
 * Two controls, one per Markdown processor Astro 7 offers, so that the site is measured against
 * whichever it uses:
 * - `unified`: `unified({ smartypants: false })` from @astrojs/markdown-remark, the remark and
 *   rehype pipeline that Astro 7 keeps as an option;
 * - `satteri`: `satteri({ features: { smartPunctuation: false } })` from
 *   @astrojs/markdown-satteri, Astro 7's default processor, with no mdast or hast plugins.
 *   @astrojs/mdx compiles `.mdx` with the processor in `markdown.processor` (its
 *   `extendMarkdownConfig` default), and with `satteri()` when there is none.
 * Smart punctuation is off in both, as on the site: the letters keep their quotation marks and
 * dashes, and neither control does work the site does not.
 *
 * Each lives in a temporary folder, with node_modules linked to the repository's, so that `astro`
 * and its integrations resolve exactly as they do for the site. Its caches are kept inside the
 * temporary folder (Astro and Vite would otherwise write into the linked node_modules).
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const CONTROL_PROCESSORS = ['unified', 'satteri'] as const;
export type ControlProcessor = (typeof CONTROL_PROCESSORS)[number];

/** How each control's astro.config.mjs selects its processor: the import, then `markdown.processor`. */
const PROCESSOR_CONFIG: Record<ControlProcessor, { from: string; processor: string }> = {
  unified: { from: "import { unified } from '@astrojs/markdown-remark';", processor: 'unified({ smartypants: false })' },
  satteri: { from: "import { satteri } from '@astrojs/markdown-satteri';", processor: 'satteri({ features: { smartPunctuation: false } })' },
};

export interface ControlProject {
  processor: ControlProcessor;
  root: string;
  /** Removed before every run, so that each is a cold build like the site's. */
  cacheDir: string;
}

const passThrough = (name: string): string => `---\n/** ${name}: renders its children, nothing else. */\n---\n\n<slot />\n`;

function configFile(cacheDir: string, processor: ControlProcessor): string {
  const { from, processor: call } = PROCESSOR_CONFIG[processor];
  return `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
${from}

export default defineConfig({
  cacheDir: ${JSON.stringify(cacheDir)},
  vite: { cacheDir: ${JSON.stringify(path.join(cacheDir, 'vite'))} },
  compressHTML: false,
  markdown: { processor: ${call} },
  integrations: [mdx()],
});
`;
}

function contentConfig(reportsDir: string): string {
  return `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  reports: defineCollection({ loader: glob({ base: ${JSON.stringify(reportsDir)}, pattern: '*.mdx' }) }),
};
`;
}

/**
 * Every component a report file may use (README, Writing a report file). The controls give each
 * one a body that only renders its children; a report using a component missing here fails the
 * control's build (tests/unit/scripts/bench-corpus.test.ts checks the list against content/reports/).
 */
export const REPORT_COMPONENTS = ['Finding', 'LetterHead', 'SignOff', 'Footnote', 'OfstedNotice', 'Part'] as const;

const PAGE = `---
import { getCollection, render } from 'astro:content';
${REPORT_COMPONENTS.map((name) => `import ${name} from '../components/${name}.astro';`).join('\n')}

export async function getStaticPaths() {
  const entries = await getCollection('reports');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<html lang="en-GB">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><Content components={{ ${REPORT_COMPONENTS.join(', ')} }} /></body>
</html>
`;

/** Writes the control project for `processor` into `root`, over the reports in `reportsDir`. */
export async function writeControlProject(root: string, reportsDir: string, repoRoot: string, processor: ControlProcessor): Promise<ControlProject> {
  const cacheDir = path.join(root, '.cache');
  await mkdir(path.join(root, 'src/pages'), { recursive: true });
  await mkdir(path.join(root, 'src/components'), { recursive: true });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await writeFile(path.join(root, 'package.json'), `${JSON.stringify({ name: `bench-control-${processor}`, private: true, type: 'module' }, null, 2)}\n`);
  await writeFile(path.join(root, 'astro.config.mjs'), configFile(cacheDir, processor));
  await writeFile(path.join(root, 'src/content.config.ts'), contentConfig(reportsDir));
  await writeFile(path.join(root, 'src/pages/[slug].astro'), PAGE);
  for (const name of REPORT_COMPONENTS) {
    await writeFile(path.join(root, `src/components/${name}.astro`), passThrough(name));
  }
  return { processor, root, cacheDir };
}
