/**
 * The bare control: the least Astro project that renders the same MDX files the same way (MDX,
 * the unified processor with SmartyPants off, uncompressed HTML), one page per report, with
 * components that only render their children. No record, no annotations, no other pages, no
 * search index. The site's build time over the control's is what our own work costs.
 *
 * It lives in a temporary folder, with node_modules linked to the repository's, so that `astro`
 * and its integrations resolve exactly as they do for the site. Its caches are kept inside the
 * temporary folder (Astro and Vite would otherwise write into the linked node_modules).
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ControlProject {
  root: string;
  /** Removed before every run, so that each is a cold build like the site's. */
  cacheDir: string;
}

const passThrough = (name: string): string => `---\n/** ${name}: renders its children, nothing else. */\n---\n\n<slot />\n`;

function configFile(cacheDir: string): string {
  return `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';

export default defineConfig({
  cacheDir: ${JSON.stringify(cacheDir)},
  vite: { cacheDir: ${JSON.stringify(path.join(cacheDir, 'vite'))} },
  compressHTML: false,
  markdown: { processor: unified({ smartypants: false }) },
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

const PAGE = `---
import { getCollection, render } from 'astro:content';
import Finding from '../components/Finding.astro';
import LetterHead from '../components/LetterHead.astro';
import SignOff from '../components/SignOff.astro';

export async function getStaticPaths() {
  const entries = await getCollection('reports');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<html lang="en-GB">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><Content components={{ Finding, LetterHead, SignOff }} /></body>
</html>
`;

/** Writes the control project into `root`, over the reports in `reportsDir`. */
export async function writeControlProject(root: string, reportsDir: string, repoRoot: string): Promise<ControlProject> {
  const cacheDir = path.join(root, '.cache');
  await mkdir(path.join(root, 'src/pages'), { recursive: true });
  await mkdir(path.join(root, 'src/components'), { recursive: true });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await writeFile(path.join(root, 'package.json'), `${JSON.stringify({ name: 'bench-control', private: true, type: 'module' }, null, 2)}\n`);
  await writeFile(path.join(root, 'astro.config.mjs'), configFile(cacheDir));
  await writeFile(path.join(root, 'src/content.config.ts'), contentConfig(reportsDir));
  await writeFile(path.join(root, 'src/pages/[slug].astro'), PAGE);
  for (const name of ['Finding', 'LetterHead', 'SignOff']) {
    await writeFile(path.join(root, `src/components/${name}.astro`), passThrough(name));
  }
  return { root, cacheDir };
}
