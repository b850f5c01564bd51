// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import rehypeParagraphAnchors from './src/plugins/rehype-paragraph-anchors.ts';

// SITE_URL and BASE_PATH let a council host the record at its own address or under a sub-path
// (DESIGN.md §2); every internal link goes through src/lib/urls.ts so that both work.
const site = process.env.SITE_URL ?? 'https://herefordshire-inspections.example';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  markdown: {
    // Astro 7 renders Markdown with Sätteri by default, which does not run rehype plugins; the
    // unified processor does. SmartyPants is off: the letters are published exactly as issued,
    // and it would rewrite their quotation marks and dashes.
    processor: unified({
      rehypePlugins: [rehypeParagraphAnchors],
      smartypants: false,
    }),
  },
  integrations: [mdx()],
});
