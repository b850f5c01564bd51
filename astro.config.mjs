// @ts-check
import { defineConfig } from 'astro/config';
import path from 'node:path';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import hastGlossaryTerms from './src/plugins/hast-glossary-terms.ts';
import hastParagraphAnchors from './src/plugins/hast-paragraph-anchors.ts';
import mdastCollectParagraphs from './src/plugins/mdast-collect-paragraphs.ts';
import securityHeaders from './src/integrations/headers.ts';
import siteAddressCheck from './src/integrations/site-address.ts';
import { parseBasePath, siteAddress } from './src/lib/site/address.ts';
import { readGlossary } from './src/loaders/glossary.ts';

// SITE_URL and BASE_PATH let a council host the record at its own address or under a sub-path
// (DESIGN.md §2); every internal link goes through src/lib/site/urls.ts so that both work. Both are
// read and checked in one place, src/lib/site/address.ts: a build without SITE_URL is refused
// (siteAddressCheck; `npm start` builds with scripts/build.ts --local, for the address it serves).
// A build over another content folder (CONTENT_DIR: the broken-content tests, the benchmark's
// generated corpus) keeps its content cache beside that folder, so it never mixes with this one's.
const cacheDir = process.env.CONTENT_DIR ? path.join(path.resolve(process.env.CONTENT_DIR), '../.astro-cache') : undefined;

const address = process.env.SITE_URL ? siteAddress(process.env) : undefined;
const site = address?.site;
const base = address?.base ?? parseBasePath(process.env.BASE_PATH);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Astro's HTML compression drops the line break between a word and a following inline
  // element, gluing words together ("under theOpen Government Licence") in the page and in the
  // search index. The pages are small; correct words matter more.
  compressHTML: false,
  ...(cacheDir && { cacheDir }),
  markdown: {
    // Sätteri, Astro 7's default processor (Rust parser, JavaScript plugins); @astrojs/mdx uses
    // this same processor for .mdx. Smart punctuation is off: the letters are published exactly
    // as issued, and it would rewrite their quotation marks and dashes. mdastCollectParagraphs
    // hands each report's paragraphs and annotations to the record from this same compile;
    // hastParagraphAnchors gives them their anchors on the page; then hastGlossaryTerms links
    // the first use of each glossary term (it runs after the anchors so that it never marks a
    // permalink). All are factories, called once per compiled file. The glossary is read here
    // once; an invalid entry is skipped by the plugin and fails the build in the record.
    processor: satteri({
      mdastPlugins: [mdastCollectParagraphs],
      hastPlugins: [hastParagraphAnchors, hastGlossaryTerms({ terms: readGlossary().terms, base })],
      features: { smartPunctuation: false },
    }),
  },
  // The search index is not an integration: scripts/build.ts runs Pagefind once Astro has exited.
  // mdx optimize: Sätteri compiles the static parts of each report (every paragraph, with its
  // anchor and permalink) to one HTML string instead of a JSX call per element: the same page
  // (the same words, anchors and attributes; only `<br>` for `<br/>` and `=""` on empty
  // attributes differ), with less to bundle and render (bundling at 1,000 reports 15.4 s ->
  // 11.9 s, one loaded run each).
  integrations: [siteAddressCheck(), mdx({ optimize: true }), sitemap(), securityHeaders()],
});
