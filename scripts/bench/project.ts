/**
 * A private copy of the site's project to build from. Astro writes per-build files into the
 * project itself, whatever the output folder: `.astro/` (the content modules of the corpus being
 * built) and, for an output folder outside the project, `.astro/.prerender/` (the page chunks,
 * removed at the end of the build). Two builds in one checkout at the same time (the bench and a
 * colleague's `npm test`) therefore break each other: seen while developing this script, as
 * "Cannot find module .astro/.prerender/chunks/...". Building from a copy keeps both sides safe.
 *
 * The copy holds the files the build reads (the config, src/, public/, scripts/ for the build
 * script, tsconfig.json, package.json) exactly as they are in the working tree, and links
 * node_modules.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';

const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts'];

export async function snapshotProject(repoRoot: string, destination: string): Promise<string> {
  await mkdir(destination, { recursive: true });
  for (const entry of PROJECT_FILES) {
    if (!existsSync(path.join(repoRoot, entry))) continue;
    await cp(path.join(repoRoot, entry), path.join(destination, entry), { recursive: true });
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(destination, 'node_modules'), 'dir');
  return destination;
}
