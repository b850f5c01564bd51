/**
 * npm run build: `astro build`, then, at once, the paragraphs' link-preview pages
 * (scripts/preview-pages.ts) and the Pagefind search index (scripts/search-index.ts). Every
 * build that the site's commands and tests make goes through here, so each has working search. Options go to `astro build`, e.g.
 * `node scripts/build.ts --outDir /tmp/site`; CONTENT_DIR and BASE_PATH work as for Astro.
 *
 * The site's address: SITE_URL (src/lib/site/address.ts). Without it the build is refused before
 * anything is built, with a message saying how to set it. `--local` (what `npm start` uses) builds
 * instead for the address scripts/serve.ts then serves the site at, http://127.0.0.1:4321 unless
 * HOST or PORT says otherwise, and says so: a copy to look at on this machine, not to publish.
 *
 * Why not an Astro integration at `astro:build:done`, as Starlight does: by then the Astro process
 * still holds most of its peak memory (2.2 GB at 1,000 reports), and Pagefind's own (1 GB at
 * 2,000 reports) came on top of it: 4.4 GB at 2,000 reports, against 3.6 GB now. Indexing once
 * Astro has exited makes the peak the larger of the two instead of their sum (npm run bench;
 * README, Performance).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { localSiteUrl, SiteAddressError, siteAddress, type SiteAddress } from '../src/lib/site/address.ts';
import { previewLogLine, writePreviewPages } from './preview-pages.ts';
import { buildSearchIndex, indexLogLine } from './search-index.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const astroBin = path.join(repoRoot, 'node_modules/astro/bin/astro.mjs');

/** The output folder `astro build` will use: its --outDir option, or Astro's default. */
export function outDirFrom(args: readonly string[], cwd: string): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--outDir' && args[i + 1] !== undefined) return path.resolve(cwd, args[i + 1]!);
    if (arg.startsWith('--outDir=')) return path.resolve(cwd, arg.slice('--outDir='.length));
  }
  return path.resolve(cwd, 'dist');
}

/**
 * The address to build for, and the environment Astro gets: SITE_URL as given, or with --local
 * the local server's address in its place. Throws SiteAddressError (missing or malformed setting).
 */
export function buildAddress(local: boolean, env: NodeJS.ProcessEnv): { address: SiteAddress; env: NodeJS.ProcessEnv } {
  const buildEnv = local ? { ...env, SITE_URL: localSiteUrl(env) } : env;
  return { address: siteAddress(buildEnv), env: buildEnv };
}

function astroBuild(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    // process.execPath: the project's pinned Node, the one running this script.
    const child = spawn(process.execPath, [astroBin, 'build', ...args], { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (import.meta.main) {
  const local = process.argv.includes('--local');
  const args = process.argv.slice(2).filter((arg) => arg !== '--local');
  let build: ReturnType<typeof buildAddress>;
  try {
    build = buildAddress(local, process.env);
  } catch (error) {
    if (!(error instanceof SiteAddressError)) throw error;
    console.error(`build: ${error.message}`);
    process.exit(1);
  }
  console.log(
    local
      ? `build: a local copy, for ${build.address.home} (where npm start serves it); to publish, build with SITE_URL set (README.md, "Publishing the site").`
      : `build: for ${build.address.home} (SITE_URL${build.env.BASE_PATH ? ' and BASE_PATH' : ''}).`,
  );
  const code = await astroBuild(args, build.env);
  if (code !== 0) process.exit(code);
  const outDir = outDirFrom(args, process.cwd());
  // The preview pages and the search index both read the open data astro build has just written,
  // and neither needs the other: they run at once. Pagefind works in its own process while this
  // one writes 50,000 small files, so on two cores the pair takes about two thirds of their sum
  // (at 1,000 reports, on a loaded machine: 94 s one after the other, 61 s at once).
  // Each prints its line as soon as it is done (the benchmark reads where each ended).
  const [previews, index] = await Promise.allSettled([
    writePreviewPages(outDir).then((result) => console.log(previewLogLine(result))),
    buildSearchIndex(outDir).then((result) => console.log(indexLogLine(result))),
  ]);
  if (previews.status === 'rejected') console.error(`build: the site was built, but its paragraph preview pages were not: ${(previews.reason as Error).message}`);
  if (index.status === 'rejected') console.error(`build: the site was built, but its search index was not: ${(index.reason as Error).message}`);
  if (previews.status === 'rejected' || index.status === 'rejected') process.exit(1);
}
